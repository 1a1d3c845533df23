// The orderbook end to end: the default zone behind a real CometBFT, a market created and
// orders placed and cancelled through the zonekit CLI by one account and through a stock
// cosmjs SigningStargateClient (with a Registry that knows zonekit.dex.v1) by another; after
// each block every balance has moved by exactly the fills and fees, the CLI and REST report
// the same book, and the zone checks its invariants every block.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectSecp256k1HdWallet, Registry } from '@cosmjs/proto-signing';
import { defaultRegistryTypes, SigningStargateClient, StargateClient, type DeliverTxResponse, type StdFee } from '@cosmjs/stargate';
import { parseDec } from '../app/dec.js';
import { dexRegistryTypes, MsgPlaceLimitOrder, MsgPlaceLimitOrderResponse, MsgSwapExactIn, MsgSwapExactInResponse, Side, TimeInForce } from '../modules/dex/index.js';
import { startZone, zoneGenesis, type RunningZone } from '../zone/zone.js';
import { initCometHome, setGenesisAppState, startCometbft, waitForHeight, type CometNode } from './helpers/cometbft.js';
import { freePorts, ProcessGroup } from './helpers/processes.js';
import { runZonekit as zonekit, zonekitOk as cli } from './helpers/zonekit-cli.js';

const MNEMONICS = {
  alice: 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
  bob: 'legal winner thank year wave sausage worth useful legal winner thank yellow',
};
const CHAIN_ID = 'zonekit-dex-1';
const TX_FEE = 5000n; // uatom, every tx here
const FEE: StdFee = { amount: [{ denom: 'uatom', amount: TX_FEE.toString() }], gas: '400000' };
const CREATION_FEE = 1_000_000n; // uatom
const dec = (text: string) => parseDec(text).toString();
/** The dex fee: 0.2% of what a side receives, rounded up. */
const fee = (received: bigint) => (received * 2n + 999n) / 1000n;

describe('the orderbook on a devnet, through the CLI and cosmjs', () => {
  const processes = new ProcessGroup();
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-dex-'));
  const keys = ['--home', join(dir, 'cli'), '--keyring-backend', 'test'];
  let zone: RunningZone;
  let node: CometNode;
  let rest: string;
  let nodeFlag: string[];
  let query: StargateClient;
  let bob: SigningStargateClient;
  const addr = { alice: '', bob: '' };

  const balance = async (address: string, denom: string) => BigInt((await query.getBalance(address, denom)).amount);
  const balances = async (address: string) => ({ atom: await balance(address, 'uatom'), stake: await balance(address, 'ustake') });
  const ok = (result: DeliverTxResponse) => {
    assert.equal(result.code, 0, result.rawLog ?? '');
    return result;
  };
  /** `zonekit tx dex ...` as alice, with a fixed fee so balances can be checked to the unit. */
  const aliceTx = async (...args: string[]) => {
    const result = JSON.parse(await cli(['tx', 'dex', ...args, '--from', 'alice', '--chain-id', CHAIN_ID, ...nodeFlag, '--fees', `${TX_FEE}uatom`, '--gas', '400000', '-y', '-o', 'json', ...keys]));
    assert.equal(result.code, 0, result.raw_log);
    return result as { height: string; txhash: string; msg_responses: Array<Record<string, unknown>> };
  };
  const cliQuery = async (...args: string[]) => JSON.parse(await cli(['query', 'dex', ...args, ...nodeFlag, '-o', 'json', ...keys]));
  const placeBuy = (price: string, quantity: string, timeInForce = TimeInForce.TIME_IN_FORCE_GTC) => ({
    typeUrl: MsgPlaceLimitOrder.typeUrl,
    value: MsgPlaceLimitOrder.fromPartial({ sender: addr.bob, marketId: 1n, side: Side.SIDE_BUY, price: dec(price), quantity, timeInForce }),
  });

  before(async () => {
    const registry = new Registry([...defaultRegistryTypes, ...dexRegistryTypes]);
    const wallets = {
      alice: await DirectSecp256k1HdWallet.fromMnemonic(MNEMONICS.alice),
      bob: await DirectSecp256k1HdWallet.fromMnemonic(MNEMONICS.bob),
    };
    addr.alice = (await wallets.alice.getAccounts())[0]!.address;
    addr.bob = (await wallets.bob.getAccounts())[0]!.address;
    const home = await initCometHome(join(dir, 'node'), { chainId: CHAIN_ID, timeoutCommit: '100ms' });
    setGenesisAppState(home, {
      ...zoneGenesis([
        { address: addr.alice, coins: [{ denom: 'uatom', amount: '50000000' }, { denom: 'ustake', amount: '50000000' }] },
        { address: addr.bob, coins: [{ denom: 'uatom', amount: '50000000' }, { denom: 'ustake', amount: '50000000' }] },
      ]),
      dex: { params: { market_creation_fee: [{ denom: 'uatom', amount: CREATION_FEE.toString() }], default_fee_rate: '0.002' } },
    });
    const [apiPort] = (await freePorts(1)) as [number];
    rest = `http://127.0.0.1:${apiPort}`;
    zone = await startZone({
      home: dir,
      dataDir: join(dir, 'app'),
      abciAddress: home.proxyApp,
      chainId: CHAIN_ID,
      minGasPrices: '0.01uatom',
      invCheckPeriod: 1,
      api: { enable: true, address: `tcp://127.0.0.1:${apiPort}`, cometRpc: home.rpcUrl },
    });
    node = await startCometbft(home, { group: processes });
    await waitForHeight(node, 2);
    nodeFlag = ['--node', `tcp://127.0.0.1:${home.rpcPort}`];
    query = await StargateClient.connect(home.rpcUrl);
    bob = await SigningStargateClient.connectWithSigner(home.rpcUrl, wallets.bob, { registry, broadcastPollIntervalMs: 100, broadcastTimeoutMs: 20_000 });
    await cli(['keys', 'add', 'alice', '--recover', ...keys], `${MNEMONICS.alice}\n`);
  });

  after(async () => {
    bob?.disconnect();
    query?.disconnect();
    await processes.stopAll();
    await zone?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a market through the CLI, for the creation fee', async () => {
    const before = await balances(addr.alice);
    // The CLI shows what a command created: the market id, then the order id, from the tx's replies.
    const created = await aliceTx('create-market', 'ustake', 'uatom', '0.01', '100', '1000');
    assert.deepEqual(created.msg_responses, [{ '@type': '/zonekit.dex.v1.MsgCreateMarketResponse', market_id: '1' }]);
    assert.equal(await balance(addr.alice, 'uatom'), before.atom - TX_FEE - CREATION_FEE);
    const { markets } = await cliQuery('markets');
    assert.deepEqual(markets, [{ id: '1', base_denom: 'ustake', quote_denom: 'uatom', tick_size: '0.010000000000000000', lot_size: '100', min_notional: '1000', fee_rate: '0.002000000000000000' }]);
  });

  it('crossing orders from the CLI and from cosmjs clear at one price; balances move by exactly the fills and fees', async () => {
    const [alice0, bob0] = [await balances(addr.alice), await balances(addr.bob)];
    const sellPlaced = await aliceTx('place', '1', 'sell', '1.20', '50000');
    assert.equal(sellPlaced.msg_responses[0]!['@type'], '/zonekit.dex.v1.MsgPlaceLimitOrderResponse');
    assert.equal(sellPlaced.msg_responses[0]!.order_id, '1');
    assert.deepEqual((await cliQuery('book', '1')).asks, [{ price: '1.200000000000000000', quantity: '50000', orders: '1' }]);
    const placed = ok(await bob.signAndBroadcast(addr.bob, [placeBuy('1.25', '30000')], FEE));
    const orderId = MsgPlaceLimitOrderResponse.decode(placed.msgResponses[0]!.value).orderId;
    assert.equal(orderId, 2n);

    // The batch of bob's block: 30,000 trade on [1.20, 1.25], supply left over everywhere, so 1.20.
    const last = (await cliQuery('last-auction', '1')).auction;
    assert.deepEqual(last, { height: String(placed.height), price: '1.200000000000000000', volume: '30000', quote_volume: '36000' });
    const [alice1, bob1] = [await balances(addr.alice), await balances(addr.bob)];
    assert.equal(bob1.stake - bob0.stake, 30_000n - fee(30_000n), 'bob receives 30,000 less the fee in base');
    assert.equal(bob0.atom - bob1.atom, TX_FEE + 36_000n, 'bob pays 1.20, not his 1.25 limit: the difference came back');
    assert.equal(alice1.atom - alice0.atom, 36_000n - fee(36_000n) - TX_FEE, 'alice receives 36,000 less the fee in quote');
    assert.equal(alice0.stake - alice1.stake, 50_000n, 'all 50,000 escrowed; 20,000 still resting');

    const book = await cliQuery('book', '1');
    assert.deepEqual(book, { bids: [], asks: [{ price: '1.200000000000000000', quantity: '20000', orders: '1' }] });
    const restBook = (await (await fetch(`${rest}/zonekit/dex/v1/markets/1/book`)).json()) as { asks: Array<{ price: string; quantity: string }> };
    assert.deepEqual(restBook.asks.map((a) => [a.price, a.quantity]), [['1.200000000000000000', '20000']]);
    const orders = await cliQuery('orders', 'alice');
    assert.deepEqual(orders.orders.map((o: { id: string; remaining: string }) => [o.id, o.remaining]), [['1', '20000']]);
  });

  it('an IOC order takes what the batch offers and the rest comes back; a CLI cancel returns exactly the unfilled escrow', async () => {
    const bob0 = await balances(addr.bob);
    // 30,000 IOC at 1.30 against alice's remaining 20,000 at 1.20: demand left over, so the highest price, 1.30.
    const placed = ok(await bob.signAndBroadcast(addr.bob, [placeBuy('1.30', '30000', TimeInForce.TIME_IN_FORCE_IOC)], FEE));
    const bob1 = await balances(addr.bob);
    assert.equal(bob1.stake - bob0.stake, 20_000n - fee(20_000n));
    assert.equal(bob0.atom - bob1.atom, TX_FEE + 26_000n, '20,000 at 1.30; the other 10,000 × 1.30 came back');
    assert.equal((await cliQuery('last-auction', '1')).auction.height, String(placed.height));
    const ioc = await cliQuery('order', '3');
    assert.deepEqual([ioc.status, ioc.remaining], ['cancelled', '10000'], 'the IOC order left the book; what it did is still there');
    assert.deepEqual((await cliQuery('orders', addr.bob)).orders, []);

    await aliceTx('place', '1', 'sell', '2.00', '7000');
    const alice0 = await balances(addr.alice);
    await aliceTx('cancel', '4');
    const alice1 = await balances(addr.alice);
    assert.equal(alice1.stake - alice0.stake, 7000n);
    assert.equal(alice0.atom - alice1.atom, TX_FEE);
    assert.deepEqual((await cliQuery('book', '1')).asks, []);
  });

  it('MsgSwapExactIn routes through the auction; refused input is explained', async () => {
    await aliceTx('place', '1', 'sell', '1.50', '10000');
    const bob0 = await balances(addr.bob);
    const result = ok(
      await bob.signAndBroadcast(addr.bob, [{ typeUrl: MsgSwapExactIn.typeUrl, value: MsgSwapExactIn.fromPartial({ sender: addr.bob, tokenIn: { denom: 'uatom', amount: '15000' }, denomOut: 'ustake', minOut: '9000' }) }], FEE),
    );
    const response = MsgSwapExactInResponse.decode(result.msgResponses[0]!.value);
    assert.equal(response.amountOut, '0', 'no immediate venue has this pair: all to the auction');
    const bob1 = await balances(addr.bob);
    assert.equal(bob1.stake - bob0.stake, 10_000n - fee(10_000n));
    assert.equal(bob0.atom - bob1.atom, TX_FEE + 15_000n);
    const tooSmall = await zonekit(['tx', 'dex', 'place', '1', 'buy', '1.005', '100', '--from', 'alice', '--chain-id', CHAIN_ID, ...nodeFlag, '--gas', 'auto', '--gas-prices', '0.01uatom', '-y', ...keys]);
    assert.notEqual(tooSmall.code, 0);
    assert.match(tooSmall.stderr, /price 1\.005000000000000000 is not a multiple of market 1's tick size 0\.010000000000000000/);
  });

  it('shows each fill and what an order did after it left the book: q dex fills and q dex order, paginated, over REST too', async () => {
    const { fills, pagination } = await cliQuery('fills', '--owner', 'alice');
    // Alice's ask #1 filled 30,000 at 1.20, then 20,000 at 1.30 (bob's IOC); her ask #5 10,000 to bob's swap.
    assert.deepEqual(
      fills.map((f: Record<string, unknown>) => [f.order_id, f.side, f.price, f.quantity, f.given, f.received, f.fee]),
      [
        ['1', 'sell', '1.200000000000000000', '30000', { denom: 'ustake', amount: '30000' }, { denom: 'uatom', amount: String(36_000n - fee(36_000n)) }, { denom: 'uatom', amount: String(fee(36_000n)) }],
        ['1', 'sell', '1.300000000000000000', '20000', { denom: 'ustake', amount: '20000' }, { denom: 'uatom', amount: String(26_000n - fee(26_000n)) }, { denom: 'uatom', amount: String(fee(26_000n)) }],
        ['5', 'sell', '1.500000000000000000', '10000', { denom: 'ustake', amount: '10000' }, { denom: 'uatom', amount: String(15_000n - fee(15_000n)) }, { denom: 'uatom', amount: String(fee(15_000n)) }],
      ],
    );
    assert.ok(fills.every((f: { owner: string; market_id: string }) => f.owner === addr.alice && f.market_id === '1'));
    assert.equal(pagination.total, '3');

    const filled = await cliQuery('order', '1');
    assert.equal(filled.status, 'filled');
    assert.deepEqual([filled.filled, filled.given, filled.received, filled.refunded], [
      '50000',
      { denom: 'ustake', amount: '50000' },
      { denom: 'uatom', amount: String(36_000n - fee(36_000n) + 26_000n - fee(26_000n)) },
      { denom: 'ustake', amount: '0' },
    ]);
    // Bob's IOC: 20,000 at its 1.30 limit, the other 10,000 × 1.30 refunded.
    const ioc = await cliQuery('order', '3');
    assert.deepEqual([ioc.status, ioc.filled, ioc.given, ioc.received, ioc.refunded], [
      'cancelled',
      '20000',
      { denom: 'uatom', amount: '26000' },
      { denom: 'ustake', amount: String(20_000n - fee(20_000n)) },
      { denom: 'uatom', amount: '13000' },
    ]);
    assert.notEqual(ioc.closed_height, '0');
    const cancelled = await cliQuery('order', '4');
    assert.deepEqual([cancelled.status, cancelled.filled, cancelled.refunded], ['cancelled', '0', { denom: 'ustake', amount: '7000' }]);
    assert.match(await cli(['query', 'dex', 'order', '1', ...nodeFlag, ...keys]), /filled at height \d+: filled 50000, gave 50000ustake, received \d+uatom, refunded 0ustake/);

    // simd's pagination flags: one fill a page, then the next page by its key.
    const first = await cliQuery('fills', '--market', '1', '--limit', '1', '--count-total');
    assert.equal(first.fills.length, 1);
    assert.equal(first.pagination.total, String(3 + 3), "alice's three fills and bob's three");
    const second = await cliQuery('fills', '--market', '1', '--limit', '1', '--page-key', first.pagination.next_key);
    assert.equal(BigInt(second.fills[0].id), BigInt(first.fills[0].id) + 1n);
    const byOrder = await cliQuery('fills', '--order', '2');
    assert.deepEqual(byOrder.fills.map((f: { owner: string; quantity: string }) => [f.owner, f.quantity]), [[addr.bob, '30000']]);
    const restFills = (await (await fetch(`${rest}/zonekit/dex/v1/fills?order_id=1`)).json()) as { fills: Array<{ quantity: string; price: string; side: string }> };
    assert.deepEqual(restFills.fills.map((f) => [f.side, f.price, f.quantity]), [['SIDE_SELL', '1.200000000000000000', '30000'], ['SIDE_SELL', '1.300000000000000000', '20000']]);
    const restOrder = (await (await fetch(`${rest}/zonekit/dex/v1/orders/3`)).json()) as { status: string; filled: string };
    assert.deepEqual([restOrder.status, restOrder.filled], ['ORDER_STATUS_CANCELLED', '20000']);

    const neither = await zonekit(['query', 'dex', 'fills', ...nodeFlag, ...keys]);
    assert.notEqual(neither.code, 0);
    assert.match(neither.stderr, /give exactly one of --owner <key_or_address>, --market <market_id> and --order <order_id>, like `query dex fills --owner alice`/);
    const unknown = await zonekit(['query', 'dex', 'order', '999', ...nodeFlag, ...keys]);
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.stderr, /order 999 not found: it never existed, or it left the book more than fill_retention_blocks \(14400\) blocks ago/);
  });

  it('takes amounts as coins, says what it created in text, and refuses a bare number where a denom is needed', async () => {
    const txArgs = ['--from', 'alice', '--chain-id', CHAIN_ID, ...nodeFlag, '--fees', `${TX_FEE}uatom`, '--gas', '400000', '-y', ...keys];
    // The quantity in the base denom, as a coin; the text result names the new order.
    const placed = await cli(['tx', 'dex', 'place', '1', 'sell', '2.00', '700ustake', ...txArgs]);
    assert.match(placed, /result:\s+zonekit\.dex\.v1\.MsgPlaceLimitOrderResponse order_id=(\d+)/);
    const orderId = /order_id=(\d+)/.exec(placed)![1]!;
    assert.equal((await cliQuery('order', orderId)).quantity, '700');
    const cancelled = await cli(['tx', 'dex', 'cancel', orderId, ...txArgs]);
    assert.match(cancelled, /zonekit\.dex\.v1\.MsgCancelOrderResponse refund=700ustake/);
    // A swap's minimum as a coin that names the output denom.
    await aliceTx('place', '1', 'buy', '1.00', '5000');
    const swapped = await cli(['tx', 'dex', 'swap', '2000ustake', '1800uatom', ...txArgs]);
    assert.match(swapped, /zonekit\.dex\.v1\.MsgSwapExactInResponse amount_out=\d+ order_id=\d+ amount_in_auction=2000/);

    const refused: Array<[string[], RegExp]> = [
      [['tx', 'dex', 'swap', '1000', 'ustake'], /<token_in> must be one amount with its denom, like 1000uatom; got "1000"/],
      [['tx', 'dex', 'swap', '1000uatom', '900'], /<min_out> must be one amount with its denom, like 900ustake; got "900"/],
      [['tx', 'dex', 'swap', '1000uatom', 'ustake', '900uatom'], /<min_out> must be an amount of ustake, like 1000ustake; got "900uatom"/],
      [['tx', 'dex', 'place', '1', 'sell', '2.00', '700uatom'], /<quantity> must be in market 1's base denom ustake, like 1000ustake; got "700uatom"/],
      [['query', 'dex', 'estimate-swap', '1000', 'ustake'], /<token_in> must be one amount with its denom, like 1000uatom; got "1000"/],
    ];
    for (const [args, message] of refused) {
      const run = await zonekit([...args, ...(args[0] === 'tx' ? txArgs : [...nodeFlag, ...keys])]);
      assert.notEqual(run.code, 0, args.join(' '));
      assert.match(run.stderr, message, args.join(' '));
    }
  });
});
