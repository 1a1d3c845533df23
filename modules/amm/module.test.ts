// The module through its message handlers and query paths, as the app routes them: exact
// balance changes, events, errors with their codes and numbers, queries, TWAP, genesis, the
// router's Market view, and the codecs a client imports.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Secp256k1HdWallet } from '@cosmjs/amino';
import { DirectSecp256k1HdWallet, Registry } from '@cosmjs/proto-signing';
import { AminoTypes, createDefaultAminoConverters, defaultRegistryTypes, SigningStargateClient } from '@cosmjs/stargate';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { TestChain } from '../../zone/testing.js';
import { FEE_COLLECTOR_NAME } from '../../app/ante/index.js';
import { CodedError } from '../../app/errors.js';
import { DEC_ONE } from '../../app/dec.js';
import { createAmmAminoConverters } from './amino.js';
import {
  ammRegistryTypes,
  MsgCreatePool,
  MsgRemoveLiquidity,
  MsgSwapExactIn,
  MsgSwapExactOut,
  QUERY_POOLS_PATH,
  QUERY_POOL_PATH,
  QUERY_SIMULATE_SWAP_EXACT_IN_PATH,
  QUERY_SIMULATE_SWAP_EXACT_OUT_PATH,
  QUERY_SPOT_PRICE_PATH,
  QUERY_TWAP_PATH,
  QueryPoolRequest,
  QueryPoolResponse,
  QueryPoolsRequest,
  QueryPoolsResponse,
  QuerySimulateSwapExactInRequest,
  QuerySimulateSwapExactInResponse,
  QuerySimulateSwapExactOutRequest,
  QuerySimulateSwapExactOutResponse,
  QuerySpotPriceRequest,
  QuerySpotPriceResponse,
  QueryTwapRequest,
  QueryTwapResponse,
} from './codec.js';
import { ammFixture, codec, trader } from './fixture.js';
import { MINIMUM_LIQUIDITY } from './pool.js';

const ALICE = trader(0);
const BOB = trader(1);
const alice = codec.encode(ALICE);
const bob = codec.encode(BOB);
const FEE_3 = (3n * DEC_ONE).toString().slice(0, -3); // 0.003 in LegacyDec's protobuf form

function setup(params?: Record<string, unknown>) {
  const f = ammFixture([
    [{ denom: 'uatom', amount: 100_000_000n }, { denom: 'ustake', amount: 100_000_000n }, { denom: 'uusdc', amount: 100_000_000n }],
    [{ denom: 'uatom', amount: 10_000_000n }, { denom: 'uusdc', amount: 10_000_000n }],
  ]);
  if (params) f.amm.genesis.init(f.ctx, f.amm.genesis.validate({ params }));
  /** Decodes, validates and handles like the app's message router, in a tx branch (defaults filled in, as a cosmjs Registry does). */
  const send = (msg: { typeUrl: string; encode(m: any): { finish(): Uint8Array }; fromPartial(m: any): unknown }, value: unknown) =>
    f.tx((c) => {
      const handler = f.amm.msgs[msg.typeUrl]!;
      const decoded = handler.decode(msg.encode(msg.fromPartial(value)).finish());
      handler.validate?.(decoded);
      return handler.handle(c, decoded);
    });
  const query = <T>(path: string, request: Uint8Array, response: { decode(b: Uint8Array): T }): T => response.decode(f.amm.queries[path]!(f.ctx, request));
  return { f, send, query };
}

const createAtomStake = (send: ReturnType<typeof setup>['send']) =>
  send(MsgCreatePool, MsgCreatePool.fromPartial({ sender: alice, curve: 'constant_product', swapFee: FEE_3, deposit: [{ denom: 'uatom', amount: '1000000' }, { denom: 'ustake', amount: '4000000' }] }));

const isError = (err: unknown, code: number, pattern?: RegExp) => err instanceof CodedError && err.codespace === (code < 100 ? 'amm' : 'sdk') && err.code === code % 100 && (pattern === undefined || pattern.test(err.message));

describe('amm messages', () => {
  it('creates a pool: takes the deposit and the creation fee, mints shares less the locked minimum, emits pool_created', () => {
    const { f, send } = setup({ pool_creation_fee: [{ denom: 'ustake', amount: '500' }] });
    const feeCollector = f.auth.keeper.getModuleAddress(FEE_COLLECTOR_NAME)!;
    const response = createAtomStake(send);
    assert.ok(!(response instanceof CodedError), String(response));
    // √(1e6 · 4e6) = 2e6 shares; 1000 stay locked in the module account.
    assert.equal(f.balance(ALICE, 'amm/pool/1'), 2_000_000n - MINIMUM_LIQUIDITY);
    assert.equal(f.balance(f.keeper.moduleAddress(), 'amm/pool/1'), MINIMUM_LIQUIDITY);
    assert.equal(f.balance(ALICE, 'uatom'), 99_000_000n);
    assert.equal(f.balance(ALICE, 'ustake'), 100_000_000n - 4_000_000n - 500n);
    assert.equal(f.balance(feeCollector, 'ustake'), 500n);
    const pool = f.keeper.pool(f.ctx, 1n);
    assert.deepEqual([pool.denoms, pool.reserves, pool.totalShares], [['uatom', 'ustake'], [1_000_000n, 4_000_000n], 2_000_000n]);
    assert.equal(f.brokenInvariant(), undefined);
  });

  it('swaps exactly in and exactly out along a route, moving exactly the computed amounts', () => {
    const { f, send, query } = setup();
    createAtomStake(send);
    send(MsgCreatePool, MsgCreatePool.fromPartial({ sender: alice, curve: 'stableswap', amplification: 100n, swapFee: '1000000000000000', deposit: [{ denom: 'ustake', amount: '5000000' }, { denom: 'uusdc', amount: '5000000' }] }));

    // Uniswap v2: 10000·997·4e6 / (1e6·1000 + 10000·997) = 39486 ustake.
    const simulated = query(QUERY_SIMULATE_SWAP_EXACT_IN_PATH, QuerySimulateSwapExactInRequest.encode({ routes: [1n], tokenIn: { denom: 'uatom', amount: '10000' }, tokenOutDenom: 'ustake' }).finish(), QuerySimulateSwapExactInResponse);
    assert.deepEqual(simulated.tokenOut, { denom: 'ustake', amount: '39486' });
    const bobAtom = f.balance(BOB, 'uatom');
    const swapped = send(MsgSwapExactIn, { sender: bob, routes: [1n], tokenIn: { denom: 'uatom', amount: '10000' }, tokenOutDenom: 'ustake', minAmountOut: '39486' });
    assert.ok(!(swapped instanceof CodedError), String(swapped));
    assert.equal(f.balance(BOB, 'uatom'), bobAtom - 10_000n);
    assert.equal(f.balance(BOB, 'ustake'), 39_486n);
    assert.deepEqual(f.keeper.pool(f.ctx, 1n).reserves, [1_010_000n, 4_000_000n - 39_486n]);

    // Two hops, exact out: uusdc → ustake (stableswap) → uatom (constant product).
    const cost = query(QUERY_SIMULATE_SWAP_EXACT_OUT_PATH, QuerySimulateSwapExactOutRequest.encode({ routes: [2n, 1n], tokenInDenom: 'uusdc', tokenOut: { denom: 'uatom', amount: '5000' } }).finish(), QuerySimulateSwapExactOutResponse);
    const usdc = f.balance(BOB, 'uusdc');
    const atom = f.balance(BOB, 'uatom');
    assert.ok(!(send(MsgSwapExactOut, { sender: bob, routes: [2n, 1n], tokenInDenom: 'uusdc', maxAmountIn: cost.tokenIn!.amount, tokenOut: { denom: 'uatom', amount: '5000' } }) instanceof CodedError));
    assert.equal(f.balance(BOB, 'uatom'), atom + 5_000n);
    assert.equal(f.balance(BOB, 'uusdc'), usdc - BigInt(cost.tokenIn!.amount));
    assert.equal(f.brokenInvariant(), undefined);
  });

  it('emits token_swapped per hop with the SDK coin strings', () => {
    const { f, send } = setup();
    createAtomStake(send);
    const events: string[] = [];
    f.tx((c) => {
      f.keeper.swapExactIn(c, BOB, [1n], { denom: 'uatom', amount: 10_000n }, 'ustake', 1n);
      for (const e of c.events.events) if (e.type === 'token_swapped') events.push(e.attributes.map((a) => `${a.key}=${a.value}`).join(' '));
    });
    assert.deepEqual(events, [`sender=${bob} pool_id=1 tokens_in=10000uatom tokens_out=39486ustake`]);
  });

  it('adds in the pool ratio (rounded up) and removes pro rata (rounded down)', () => {
    const { f, send } = setup();
    createAtomStake(send);
    const added = f.tx((c) => f.keeper.addLiquidity(c, BOB, 1n, [{ denom: 'uatom', amount: 1_000n }, { denom: 'uusdc', amount: 5n }], 0n));
    assert.ok(isError(added, 13, /holds uatom and ustake, not uusdc/));
    f.tx((c) => f.bank.keeper.sendCoins(c, ALICE, BOB, [{ denom: 'ustake', amount: 1_000_000n }]));
    const joined = f.tx((c) => f.keeper.addLiquidity(c, BOB, 1n, [{ denom: 'uatom', amount: 1_001n }, { denom: 'ustake', amount: 1_000_000n }], 0n));
    assert.ok(!(joined instanceof CodedError));
    // 1001 uatom is worth 2002 shares; they cost ⌈2002·1e6/2e6⌉ = 1001 uatom and ⌈2002·4e6/2e6⌉ = 4004 ustake.
    assert.deepEqual(joined.shares, { denom: 'amm/pool/1', amount: 2002n });
    assert.deepEqual(joined.amounts.map((c) => c.amount), [1001n, 4004n]);

    const removed = send(MsgRemoveLiquidity, { sender: bob, poolId: 1n, shares: '2002', minAmounts: [] });
    assert.ok(!(removed instanceof CodedError));
    assert.equal(f.balance(BOB, 'amm/pool/1'), 0n);
    // The reserves are exactly in the shares' ratio now, so the round trip is exact.
    assert.equal(f.balance(BOB, 'uatom'), 10_000_000n);
    assert.equal(f.balance(BOB, 'ustake'), 1_000_000n);
    assert.equal(f.brokenInvariant(), undefined);
  });

  it('refuses bad input with clear, coded errors and changes nothing', () => {
    const { f, send } = setup();
    createAtomStake(send);
    const before = f.keeper.pool(f.ctx, 1n);
    const cases: Array<[unknown, number, RegExp]> = [
      [send(MsgSwapExactIn, { sender: bob, routes: [9n], tokenIn: { denom: 'uatom', amount: '10' }, tokenOutDenom: 'ustake', minAmountOut: '1' }), 2, /pool 9 does not exist/],
      [send(MsgSwapExactIn, { sender: bob, routes: [1n], tokenIn: { denom: 'uatom', amount: '10000' }, tokenOutDenom: 'ustake', minAmountOut: '40000' }), 3, /would return 39486ustake, less than the minimum 40000ustake/],
      [send(MsgSwapExactOut, { sender: bob, routes: [1n], tokenInDenom: 'uatom', maxAmountIn: '100', tokenOut: { denom: 'ustake', amount: '40000' } }), 3, /needs 10132uatom, more than the maximum 100uatom/],
      [send(MsgSwapExactIn, { sender: bob, routes: [1n], tokenIn: { denom: 'uatom', amount: '0' }, tokenOutDenom: 'ustake', minAmountOut: '1' }), 4, /token_in must be positive/],
      [send(MsgSwapExactIn, { sender: bob, routes: [1n, 1n], tokenIn: { denom: 'uatom', amount: '5' }, tokenOutDenom: 'uatom', minAmountOut: '1' }), 8, /appears twice/],
      [send(MsgSwapExactIn, { sender: bob, routes: [1n], tokenIn: { denom: 'uatom', amount: '5' }, tokenOutDenom: 'uusdc', minAmountOut: '1' }), 8, /ends in ustake, not uusdc/],
      [send(MsgSwapExactIn, { sender: bob, routes: [1n], tokenIn: { denom: 'uatom', amount: '99000000' }, tokenOutDenom: 'ustake', minAmountOut: '1' }), 105, /spendable balance 10000000uatom is smaller than 99000000uatom/],
      [send(MsgCreatePool, { sender: alice, curve: 'constant_product', swapFee: FEE_3, deposit: [{ denom: 'uatom', amount: '5000' }, { denom: 'uatom', amount: '5000' }] }), 5, /deposit names a denom twice/],
      [send(MsgCreatePool, { sender: alice, curve: 'curvy', swapFee: FEE_3, deposit: [{ denom: 'uatom', amount: '5000' }, { denom: 'ustake', amount: '5000' }] }), 6, /unknown curve "curvy"/],
      [send(MsgCreatePool, { sender: alice, curve: 'stableswap', swapFee: FEE_3, deposit: [{ denom: 'uatom', amount: '5000' }, { denom: 'ustake', amount: '5000' }] }), 6, /amplification must be 1 to 1000000, got 0/],
      [send(MsgCreatePool, { sender: alice, curve: 'constant_product', swapFee: (DEC_ONE / 2n).toString(), deposit: [{ denom: 'uatom', amount: '5000' }, { denom: 'ustake', amount: '5000' }] }), 7, /0\.500000000000000000 is above the maximum 0\.100000000000000000/],
      [send(MsgCreatePool, { sender: alice, curve: 'constant_product', swapFee: FEE_3, deposit: [{ denom: 'uatom', amount: '30' }, { denom: 'ustake', amount: '30' }] }), 9, /worth 30 shares; more than 1000 are needed/],
      [send(MsgRemoveLiquidity, { sender: bob, poolId: 1n, shares: '5', minAmounts: [] }), 105, /spendable balance 0amm\/pool\/1 is smaller than 5amm\/pool\/1/],
      [send(MsgRemoveLiquidity, { sender: alice, poolId: 1n, shares: '10000', minAmounts: [{ denom: 'uatom', amount: '6000' }] }), 3, /would return 5000uatom, less than the minimum 6000uatom/],
    ];
    cases.forEach(([err, code, pattern], i) => assert.ok(isError(err, code, pattern), `case ${i}: ${err}`));
    assert.deepEqual(f.keeper.pool(f.ctx, 1n), before);
    assert.equal(f.balance(BOB, 'uatom'), 10_000_000n);
  });
});

describe('amm queries', () => {
  it('answers pool, pools (paginated), spot price, and NotFound for an unknown pool', () => {
    const { f, send, query } = setup();
    createAtomStake(send);
    createAtomStake(send);
    const { pool } = query(QUERY_POOL_PATH, QueryPoolRequest.encode({ poolId: 2n }).finish(), QueryPoolResponse);
    assert.deepEqual(pool?.reserves, [{ denom: 'uatom', amount: '1000000' }, { denom: 'ustake', amount: '4000000' }]);
    assert.deepEqual(pool?.totalShares, { denom: 'amm/pool/2', amount: '2000000' });
    assert.equal(pool?.swapFee, FEE_3);
    const page = query(QUERY_POOLS_PATH, QueryPoolsRequest.encode({ pagination: { key: new Uint8Array(), offset: 0n, limit: 1n, countTotal: true, reverse: false } }).finish(), QueryPoolsResponse);
    assert.deepEqual([page.pools.map((p) => p.id), page.pagination?.total], [[1n], 2n]);
    const spot = query(QUERY_SPOT_PRICE_PATH, QuerySpotPriceRequest.encode({ poolId: 1n, baseDenom: 'uatom', quoteDenom: 'ustake' }).finish(), QuerySpotPriceResponse);
    assert.equal(spot.spotPrice, (4n * DEC_ONE).toString());
    assert.throws(() => f.amm.queries[QUERY_POOL_PATH]!(f.ctx, QueryPoolRequest.encode({ poolId: 7n }).finish()), /rpc error: code = NotFound desc = pool 7 does not exist/);
    assert.throws(() => f.amm.queries[QUERY_SPOT_PRICE_PATH]!(f.ctx, QuerySpotPriceRequest.encode({ poolId: 1n, baseDenom: 'uusdc', quoteDenom: 'ustake' }).finish()), /code = InvalidArgument desc = .*not uusdc/);
  });

  it('averages the price over time between two heights (TWAP), from block times', () => {
    const { f, send, query } = setup();
    createAtomStake(send); // height 1, price 4 ustake per uatom
    const created = f.ctx.blockHeight;
    f.nextBlock(10n); // height 2: +10 s at price 4
    // Selling ustake raises the price of uatom; the pool's new spot price is what the average weighs next.
    f.tx((c) => f.keeper.swapExactIn(c, ALICE, [1n], { denom: 'ustake', amount: 4_000_000n }, 'uatom', 1n));
    const pool = f.keeper.pool(f.ctx, 1n);
    const newPrice = (pool.reserves[1] * DEC_ONE) / pool.reserves[0];
    f.nextBlock(30n); // height 3: +30 s at the new price
    f.nextBlock(20n); // height 4: +20 s, the pool untouched
    const twapOf = (start: bigint, end: bigint) => query(QUERY_TWAP_PATH, QueryTwapRequest.encode({ poolId: 1n, baseDenom: 'uatom', startHeight: start, endHeight: end }).finish(), QueryTwapResponse);
    const all = twapOf(created, 0n);
    assert.equal(all.endTime - all.startTime, 60n);
    assert.equal(BigInt(all.twap), (4n * DEC_ONE * 10n + newPrice * 50n) / 60n);
    assert.equal(BigInt(twapOf(created, created + 1n).twap), 4n * DEC_ONE);
    assert.equal(BigInt(twapOf(created + 2n, created + 3n).twap), newPrice);
    const inverse = query(QUERY_TWAP_PATH, QueryTwapRequest.encode({ poolId: 1n, baseDenom: 'ustake', startHeight: created, endHeight: created + 1n }).finish(), QueryTwapResponse);
    assert.equal(BigInt(inverse.twap), DEC_ONE / 4n);
    assert.throws(() => twapOf(created + 3n, created + 3n), /must be below end height/);
    assert.throws(() => twapOf(created, created + 9n), /after the latest height/);
  });
});

describe('amm genesis, markets and codecs', () => {
  it('exports and re-imports its state, and validates what it reads', () => {
    const { f, send } = setup();
    createAtomStake(send);
    const exported = f.amm.genesis.export(f.ctx);
    const again = ammFixture([]);
    again.amm.genesis.init(again.ctx, again.amm.genesis.validate(JSON.parse(JSON.stringify(exported))));
    assert.deepEqual(again.amm.genesis.export(again.ctx), exported);
    assert.deepEqual(again.keeper.pool(again.ctx, 1n).reserves, [1_000_000n, 4_000_000n]);
    assert.throws(() => f.amm.genesis.validate({ ...(exported as object), next_pool_id: '1' }), /not below next_pool_id/);
    assert.deepEqual(f.amm.genesis.validate(f.amm.genesis.defaults()).pools, []);
  });

  it('is one Market for the router: quotes and fills in the best pool of the pair', () => {
    const { f, send } = setup();
    createAtomStake(send);
    // A second, deeper pool of the same pair gives more for the same input.
    send(MsgCreatePool, { sender: alice, curve: 'constant_product', swapFee: FEE_3, deposit: [{ denom: 'uatom', amount: '2000000' }, { denom: 'ustake', amount: '8000000' }] });
    const market = f.amm.market;
    assert.equal(market.venue, 'amm');
    const deeper = 10_000n * 997n * 8_000_000n / (2_000_000n * 1000n + 10_000n * 997n);
    assert.equal(market.quoteExactIn(f.ctx, 'uatom', 10_000n, 'ustake'), deeper);
    assert.equal(market.quoteExactIn(f.ctx, 'uusdc', 10_000n, 'ustake'), 0n);
    assert.equal(market.quoteExactIn(f.ctx, 'uatom', 0n, 'ustake'), 0n);
    assert.equal(f.tx((c) => market.swapExactIn(c, BOB, 'uatom', 10_000n, 'ustake', deeper)), deeper);
    assert.equal(f.balance(BOB, 'ustake'), deeper);
    assert.deepEqual(f.keeper.pool(f.ctx, 2n).reserves, [2_010_000n, 8_000_000n - deeper]);
    assert.deepEqual(f.keeper.pool(f.ctx, 1n).reserves, [1_000_000n, 4_000_000n]);
  });

  it('encodes messages as protoc would, and amino JSON that round-trips', () => {
    const msg = { sender: 'ab', routes: [1n, 300n], tokenIn: { denom: 'uatom', amount: '5' }, tokenOutDenom: 'uusd', minAmountOut: '1' };
    const bytes = MsgSwapExactIn.encode(msg).finish();
    const expected = [0x0a, 2, 0x61, 0x62, 0x12, 3, 0x01, 0xac, 0x02, 0x1a, 10, 0x0a, 5, ...Buffer.from('uatom'), 0x12, 1, 0x35, 0x22, 4, ...Buffer.from('uusd'), 0x2a, 1, 0x31];
    assert.deepEqual([...bytes], expected);
    assert.deepEqual(MsgSwapExactIn.decode(bytes), msg);
    // Unpacked repeated uint64 (older encoders) decodes the same.
    assert.deepEqual(MsgSwapExactIn.decode(Uint8Array.from([0x10, 1, 0x10, 0xac, 0x02])).routes, [1n, 300n]);
    const converter = createAmmAminoConverters()[MsgSwapExactIn.typeUrl]!;
    const amino = converter.toAmino(msg);
    assert.deepEqual(amino, { sender: 'ab', routes: ['1', '300'], token_in: { denom: 'uatom', amount: '5' }, token_out_denom: 'uusd', min_amount_out: '1' });
    assert.deepEqual(converter.fromAmino(amino), msg);
    assert.equal(converter.aminoType, 'zonekit/amm/MsgSwapExactIn');
  });
});

describe('amm in the zone, signed by cosmjs', () => {
  const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
  const SENDER = 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4';
  const FEE = { amount: [{ denom: 'uatom', amount: '4000' }], gas: '400000' };
  let chain: TestChain;
  before(async () => {
    chain = await TestChain.start({ accounts: [{ address: SENDER, coins: [{ denom: 'uatom', amount: '100000000' }, { denom: 'ustake', amount: '100000000' }] }] });
    await chain.deliver([]);
  });
  after(async () => chain.close());

  const reserves = () => QueryPoolResponse.decode(chain.query(QUERY_POOL_PATH, QueryPoolRequest.encode({ poolId: 1n }).finish()).value).pool?.reserves.map((c) => c.amount);

  it('runs MsgCreatePool signed in DIRECT mode and MsgSwapExactIn signed in amino JSON', async () => {
    const registry = new Registry([...defaultRegistryTypes, ...ammRegistryTypes]);
    const direct = await SigningStargateClient.offline(await DirectSecp256k1HdWallet.fromMnemonic(MNEMONIC), { registry });
    const create = { typeUrl: MsgCreatePool.typeUrl, value: MsgCreatePool.fromPartial({ sender: SENDER, curve: 'stableswap', amplification: 50n, swapFee: FEE_3, deposit: [{ denom: 'uatom', amount: '3000000' }, { denom: 'ustake', amount: '3000000' }] }) };
    const signed = await direct.sign(SENDER, [create], FEE, '', { accountNumber: 0n, sequence: 0, chainId: chain.chainId });
    let { results } = await chain.deliver([TxRaw.encode(signed).finish()]);
    assert.equal(results[0]!.code, 0, results[0]!.log);
    assert.deepEqual(reserves(), ['3000000', '3000000']);

    const aminoTypes = new AminoTypes({ ...createDefaultAminoConverters(), ...createAmmAminoConverters() });
    const amino = await SigningStargateClient.offline(await Secp256k1HdWallet.fromMnemonic(MNEMONIC), { registry, aminoTypes });
    const swap = { typeUrl: MsgSwapExactIn.typeUrl, value: { sender: SENDER, routes: [1n], tokenIn: { denom: 'uatom', amount: '1000' }, tokenOutDenom: 'ustake', minAmountOut: '990' } };
    const aminoSigned = await amino.sign(SENDER, [swap], FEE, '', { accountNumber: 0n, sequence: 1, chainId: chain.chainId });
    ({ results } = await chain.deliver([TxRaw.encode(aminoSigned).finish()]));
    assert.equal(results[0]!.code, 0, results[0]!.log);
    assert.equal(reserves()![0], '3001000');
  });
});
