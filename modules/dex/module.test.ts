// The dex in the default zone, in process: messages signed by cosmjs (direct with the exported
// registry types, amino JSON with the exported converters), the block's auction, every query,
// an AMM pool of the zone trading inside the auction, and genesis export and import.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Secp256k1HdWallet } from '@cosmjs/amino';
import { DirectSecp256k1HdWallet, Registry, type EncodeObject } from '@cosmjs/proto-signing';
import { AminoTypes, createDefaultAminoConverters, defaultRegistryTypes, SigningStargateClient } from '@cosmjs/stargate';
import { QueryBalanceRequest, QueryBalanceResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { parseDec } from '../../app/dec.js';
import { TestChain } from '../../zone/testing.js';
import { MsgCreatePool, ammRegistryTypes } from '../amm/index.js';
import { dexAminoConverters } from './amino.js';
import { dexTestEnv } from './testing.js';
import {
  MsgCancelOrder,
  MsgCreateMarket,
  MsgPlaceLimitOrder,
  OrderStatus,
  QUERY_BOOK_PATH,
  QUERY_LAST_AUCTION_PATH,
  QUERY_MARKETS_PATH,
  QUERY_ORDER_PATH,
  QUERY_ORDERS_BY_OWNER_PATH,
  QUERY_PARAMS_PATH,
  QueryBookRequest,
  QueryBookResponse,
  QueryLastAuctionRequest,
  QueryLastAuctionResponse,
  QueryMarketsRequest,
  QueryMarketsResponse,
  QueryOrderRequest,
  QueryOrderResponse,
  QueryOrdersByOwnerRequest,
  QueryOrdersByOwnerResponse,
  QueryParamsRequest,
  QueryParamsResponse,
  Side,
  TimeInForce,
  dexRegistryTypes,
} from './codec.js';

const MNEMONICS = {
  alice: 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
  bob: 'legal winner thank year wave sausage worth useful legal winner thank yellow',
};
const FEE = { amount: [{ denom: 'uatom', amount: '5000' }], gas: '500000' };
const registry = new Registry([...defaultRegistryTypes, ...dexRegistryTypes, ...ammRegistryTypes]);
const aminoTypes = new AminoTypes({ ...createDefaultAminoConverters(), ...dexAminoConverters });
const dec = (text: string) => parseDec(text).toString();
const COINS = [{ denom: 'uatom', amount: '100000000' }, { denom: 'ustake', amount: '100000000' }];

describe('dex in the zone, signed by cosmjs', () => {
  let chain: TestChain;
  const addr = { alice: '', bob: '' };
  const sequence = { alice: 0, bob: 0 };
  const accountNumber = { alice: 0n, bob: 1n };
  const genesisOptions = (coins: Array<{ denom: string; amount: string }>) => ({
    accounts: [{ address: addr.alice, coins }, { address: addr.bob, coins }],
    appState: { dex: { params: { market_creation_fee: [{ denom: 'uatom', amount: '1000000' }], default_fee_rate: '0.002' } } },
  });
  /** Every block delivered, with its app hash, for a second node to replay. */
  const blocks: Array<{ txs: Uint8Array[]; appHash: Uint8Array }> = [];

  before(async () => {
    for (const name of ['alice', 'bob'] as const) addr[name] = (await (await DirectSecp256k1HdWallet.fromMnemonic(MNEMONICS[name])).getAccounts())[0]!.address;
    chain = await TestChain.start(genesisOptions(COINS));
    blocks.push({ txs: [], appHash: (await chain.deliver([])).appHash });
  });
  after(async () => chain.close());

  /** Signs `msgs` as `who` (direct, or amino JSON as a hardware wallet would) and delivers them in one block. */
  async function block(txs: Array<{ who: 'alice' | 'bob'; msgs: EncodeObject[]; amino?: boolean }>) {
    const signed = [];
    for (const { who, msgs, amino } of txs) {
      const wallet = amino ? await Secp256k1HdWallet.fromMnemonic(MNEMONICS[who]) : await DirectSecp256k1HdWallet.fromMnemonic(MNEMONICS[who]);
      const client = await SigningStargateClient.offline(wallet, { registry, aminoTypes });
      const tx = await client.sign(addr[who], msgs, FEE, '', { accountNumber: accountNumber[who], sequence: sequence[who]++, chainId: chain.chainId });
      signed.push(TxRaw.encode(tx).finish());
    }
    const { results, appHash } = await chain.deliver(signed);
    blocks.push({ txs: signed, appHash });
    for (const result of results) assert.equal(result.code, 0, result.log);
    return results;
  }

  const query = <T>(path: string, request: Uint8Array, codec: { decode(b: Uint8Array): T }): T => {
    const response = chain.query(path, request);
    assert.equal(response.code, 0, response.log);
    return codec.decode(response.value);
  };
  const balance = (who: 'alice' | 'bob', denom: string) =>
    BigInt(query('/cosmos.bank.v1beta1.Query/Balance', QueryBalanceRequest.encode({ address: addr[who], denom }).finish(), QueryBalanceResponse).balance!.amount);
  const place = (who: 'alice' | 'bob', side: Side, price: string, quantity: string, timeInForce = TimeInForce.TIME_IN_FORCE_GTC): EncodeObject => ({
    typeUrl: MsgPlaceLimitOrder.typeUrl,
    value: MsgPlaceLimitOrder.fromPartial({ sender: addr[who], marketId: 1n, side, price: dec(price), quantity, timeInForce }),
  });

  it('creates a market for the creation fee, then two accounts cross; balances move by exactly the fills and fees', async () => {
    const atom0 = balance('alice', 'uatom');
    await block([{ who: 'alice', msgs: [{ typeUrl: MsgCreateMarket.typeUrl, value: MsgCreateMarket.fromPartial({ sender: addr.alice, baseDenom: 'ustake', quoteDenom: 'uatom', tickSize: dec('0.01'), lotSize: '100', minNotional: '1000' }) }] }]);
    assert.equal(balance('alice', 'uatom'), atom0 - 5000n - 1_000_000n, 'tx fee and market creation fee');
    const { markets } = query(QUERY_MARKETS_PATH, QueryMarketsRequest.encode({ pagination: undefined }).finish(), QueryMarketsResponse);
    assert.deepEqual(markets.map((m) => [m.id, m.baseDenom, m.quoteDenom, m.feeRate]), [[1n, 'ustake', 'uatom', dec('0.002')]]);

    const before = { aliceAtom: balance('alice', 'uatom'), aliceStake: balance('alice', 'ustake'), bobAtom: balance('bob', 'uatom'), bobStake: balance('bob', 'ustake') };
    // Alice sells 50,000 at 1.20 (signed direct); Bob bids for 30,000 at 1.25 (signed in amino JSON).
    const results = await block([
      { who: 'alice', msgs: [place('alice', Side.SIDE_SELL, '1.20', '50000')] },
      { who: 'bob', msgs: [place('bob', Side.SIDE_BUY, '1.25', '30000')], amino: true },
    ]);
    assert.equal(results.length, 2);
    const last = query(QUERY_LAST_AUCTION_PATH, QueryLastAuctionRequest.encode({ marketId: 1n }).finish(), QueryLastAuctionResponse).auction!;
    // 30,000 trade anywhere in [1.20, 1.25]; supply is left over everywhere, so the lowest price.
    assert.deepEqual([last.price, last.volume, last.quoteVolume], [dec('1.20'), '30000', '36000']);
    // Fees: 0.2% of what each receives, rounded up: bob 60 ustake, alice 72 uatom.
    assert.equal(balance('bob', 'ustake') - before.bobStake, 30_000n - 60n);
    assert.equal(before.bobAtom - balance('bob', 'uatom'), 5000n + 36_000n, 'paid 1.20, not its 1.25 limit (the difference came back)');
    assert.equal(balance('alice', 'uatom') - before.aliceAtom, 36_000n - 72n - 5000n);
    assert.equal(before.aliceStake - balance('alice', 'ustake'), 50_000n, '20,000 still escrowed in the resting order');

    const { bids, asks } = query(QUERY_BOOK_PATH, QueryBookRequest.encode({ marketId: 1n, limit: 0 }).finish(), QueryBookResponse);
    assert.deepEqual(bids, []);
    assert.deepEqual(asks, [{ price: dec('1.20'), quantity: '20000', orders: 1n }]);
    const { orders } = query(QUERY_ORDERS_BY_OWNER_PATH, QueryOrdersByOwnerRequest.encode({ owner: addr.alice, pagination: undefined }).finish(), QueryOrdersByOwnerResponse);
    assert.deepEqual(orders.map((o) => [o.id, o.remaining, o.quantity]), [[1n, '20000', '50000']]);
    const { order } = query(QUERY_ORDER_PATH, QueryOrderRequest.encode({ orderId: 1n }).finish(), QueryOrderResponse);
    assert.equal(order!.owner, addr.alice);
    const filled = query(QUERY_ORDER_PATH, QueryOrderRequest.encode({ orderId: 2n }).finish(), QueryOrderResponse);
    assert.deepEqual([filled.status, filled.filled, filled.received], [OrderStatus.ORDER_STATUS_FILLED, '30000', { denom: 'ustake', amount: '29940' }], 'a filled order answers with its outcome');
    assert.equal(chain.query(QUERY_ORDER_PATH, QueryOrderRequest.encode({ orderId: 99n }).finish()).code, 22, 'an order that never was: NotFound');
    const params = query(QUERY_PARAMS_PATH, QueryParamsRequest.encode({}).finish(), QueryParamsResponse).params!;
    assert.equal(params.defaultFeeRate, dec('0.002'));
  });

  it('an AMM pool of the pair trades inside the auction, and a cancel returns the rest', async () => {
    await block([
      {
        who: 'bob',
        msgs: [{ typeUrl: MsgCreatePool.typeUrl, value: MsgCreatePool.fromPartial({ sender: addr.bob, curve: 'constant_product', swapFee: dec('0.003'), deposit: [{ denom: 'uatom', amount: '1000000' }, { denom: 'ustake', amount: '1000000' }] }) }],
      },
    ]);
    // Alice's ask rests at 1.20; the pool's spot is 1.00. A bid at 1.10 trades with the pool, not with Alice.
    const results = await block([{ who: 'bob', msgs: [place('bob', Side.SIDE_BUY, '1.10', '10000', TimeInForce.TIME_IN_FORCE_IOC)] }]);
    assert.equal(results.length, 1);
    const last = query(QUERY_LAST_AUCTION_PATH, QueryLastAuctionRequest.encode({ marketId: 1n }).finish(), QueryLastAuctionResponse).auction!;
    assert.equal(last.volume, '10000');
    assert.ok(BigInt(last.price) < parseDec('1.10') && BigInt(last.price) > parseDec('1.00'), `pool price ${last.price}`);
    const { asks } = query(QUERY_BOOK_PATH, QueryBookRequest.encode({ marketId: 1n, limit: 0 }).finish(), QueryBookResponse);
    assert.deepEqual(asks.map((a) => a.quantity), ['20000'], "Alice's ask untouched");

    const stake0 = balance('alice', 'ustake');
    await block([{ who: 'alice', msgs: [{ typeUrl: MsgCancelOrder.typeUrl, value: MsgCancelOrder.fromPartial({ sender: addr.alice, orderId: 1n }) }], amino: true }]);
    assert.equal(balance('alice', 'ustake') - stake0, 20_000n);
    for (const { module, name, check } of chain.zone.app.invariants) assert.equal(check(chain.app.committedContext()), undefined, `${module}/${name}`);
  });

  it('exports genesis that validates and imports to the same dex state', async () => {
    await block([{ who: 'bob', msgs: [place('bob', Side.SIDE_BUY, '0.50', '4000')] }]);
    const exported = chain.app.exportAppState().dex as { orders: unknown[]; markets: unknown[]; last_auctions: unknown[]; fills: Array<Record<string, unknown>>; order_records: unknown[]; next_fill_id: string };
    assert.equal(exported.orders.length, 1);
    // The recent fills and order records travel too: alice's and bob's cross, and bob's IOC against the pool.
    assert.deepEqual(exported.fills.map((f) => [f.order_id, f.quantity]), [['2', '30000'], ['1', '30000'], ['3', '10000']]);
    assert.equal(exported.fills[0]!.price, dec('1.20'));
    assert.equal(exported.next_fill_id, '4');
    assert.equal(exported.order_records.length, 3);
    assert.equal(exported.markets.length, 1);
    const state = chain.zone.dex.genesis.validate(JSON.parse(JSON.stringify(exported)));
    assert.equal(state.orders[0]!.price, parseDec('0.5'));
    const fresh = dexTestEnv();
    fresh.dex.genesis.init(fresh.ctx, state);
    assert.deepEqual(fresh.dex.genesis.export(fresh.ctx), exported);
  });

  it('a second node replaying the same blocks computes the same app hash after every one', async () => {
    const replica = await TestChain.start(genesisOptions(COINS));
    try {
      for (const { txs, appHash } of blocks) assert.deepEqual((await replica.deliver(txs)).appHash, appHash);
    } finally {
      await replica.close();
    }
  });
});
