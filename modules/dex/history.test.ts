// What the dex remembers after an auction: fills by owner, market and order with what each side
// gave and received; an order's status and amounts after it fills, is cancelled or expires;
// and pruning once `fill_retention_blocks` have passed, bounded per block.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bech32Codec } from '../../app/address-codec.js';
import { Context } from '../../app/context.js';
import { parseDec } from '../../app/dec.js';
import { CodedError } from '../../app/errors.js';
import {
  OrderStatus,
  QUERY_FILLS_PATH,
  QUERY_ORDER_PATH,
  QueryFillsRequest,
  QueryFillsResponse,
  QueryOrderRequest,
  QueryOrderResponse,
  Side,
  TimeInForce,
} from './codec.js';
import { pruneHistory } from './history.js';
import { CLOSED_ORDER_PREFIX, FILL_PREFIX, FILLS_BY_MARKET_PREFIX, FILLS_BY_ORDER_PREFIX, FILLS_BY_OWNER_PREFIX, ORDER_RECORD_PREFIX } from './keys.js';
import { dexTestEnv, type DexTestEnv } from './testing.js';

const codec = bech32Codec('cosmos');
const addr = (byte: number) => new Uint8Array(20).fill(byte);
const bech = (byte: number) => codec.encode(addr(byte));
const BASE = 'ustake';
const QUOTE = 'uatom';
const coin = (amount: bigint | number, denom: string) => ({ denom, amount: amount.toString() });

function setup(retention: bigint, height = 10n) {
  const env = dexTestEnv({ height });
  for (let i = 1; i <= 4; i++) env.fund(addr(i), [{ denom: QUOTE, amount: 1_000_000n }, { denom: BASE, amount: 1_000_000n }]);
  env.dex.keeper.setParams(env.ctx, { ...env.dex.keeper.params(env.ctx), fillRetentionBlocks: retention });
  env.dex.keeper.addMarket(env.ctx, { baseDenom: BASE, quoteDenom: QUOTE, tickSize: parseDec('0.01'), lotSize: 100n, minNotional: 0n, feeRate: parseDec('0.001') });
  return env;
}

/** The same store at another height, as the next block would see it. */
const at = (env: DexTestEnv, height: bigint) => new Context(env.ctx.store, { ...env.ctx.header, height }, env.ctx.gasMeter, env.ctx.events, 'finalize');

function place(env: DexTestEnv, ctx: Context, who: number, side: 'buy' | 'sell', price: string, quantity: bigint, extra: { ioc?: boolean; expiry?: bigint } = {}) {
  return env.dex.keeper.placeLimitOrder(ctx, bech(who), {
    marketId: 1n,
    side: side === 'buy' ? Side.SIDE_BUY : Side.SIDE_SELL,
    price: parseDec(price),
    quantity,
    timeInForce: extra.ioc ? TimeInForce.TIME_IN_FORCE_IOC : TimeInForce.TIME_IN_FORCE_GTC,
    expiryHeight: extra.expiry ?? 0n,
  });
}

const orderQuery = (env: DexTestEnv, ctx: Context, orderId: bigint) => QueryOrderResponse.decode(env.dex.queries[QUERY_ORDER_PATH]!(ctx, QueryOrderRequest.encode({ orderId }).finish()));
const fills = (env: DexTestEnv, ctx: Context, by: { owner?: string; marketId?: bigint; orderId?: bigint }) =>
  QueryFillsResponse.decode(env.dex.queries[QUERY_FILLS_PATH]!(ctx, QueryFillsRequest.encode({ owner: '', marketId: 0n, orderId: 0n, pagination: undefined, ...by }).finish())).fills;
/** How many keys the store holds under each history prefix. */
function historyKeys(env: DexTestEnv, ctx: Context): number[] {
  const store = env.dex.keeper.store(ctx);
  return [ORDER_RECORD_PREFIX, CLOSED_ORDER_PREFIX, FILL_PREFIX, FILLS_BY_OWNER_PREFIX, FILLS_BY_MARKET_PREFIX, FILLS_BY_ORDER_PREFIX].map(
    (prefix) => [...store.iterator(Uint8Array.of(prefix), Uint8Array.of(prefix + 1))].length,
  );
}

describe('dex history: fills and order status', () => {
  it('records each fill by owner, market and order, with what was given, received and paid in fees', () => {
    const env = setup(100n);
    const sell = place(env, env.ctx, 2, 'sell', '1.00', 1000n); // id 1
    const buy = place(env, env.ctx, 1, 'buy', '1.10', 600n); // id 2
    env.dex.endBlock(env.ctx);
    // 600 trade on [1.00, 1.10]; supply is left over, so the lowest price, 1.00.
    const [buyFill] = fills(env, env.ctx, { orderId: buy.id });
    assert.deepEqual(buyFill, {
      id: 1n,
      marketId: 1n,
      orderId: buy.id,
      owner: bech(1),
      side: Side.SIDE_BUY,
      height: 10n,
      price: parseDec('1').toString(),
      quantity: '600',
      given: coin(600, QUOTE),
      received: coin(599, BASE),
      fee: coin(1, BASE),
    });
    const [sellFill] = fills(env, env.ctx, { owner: bech(2) });
    assert.deepEqual([sellFill!.orderId, sellFill!.side, sellFill!.given, sellFill!.received, sellFill!.fee], [sell.id, Side.SIDE_SELL, coin(600, BASE), coin(599, QUOTE), coin(1, QUOTE)]);
    assert.deepEqual(fills(env, env.ctx, { marketId: 1n }).map((f) => f.orderId), [buy.id, sell.id], 'the market has both, in the order they settled');
    assert.deepEqual(fills(env, env.ctx, { owner: bech(3) }), []);
    assert.throws(() => fills(env, env.ctx, { owner: bech(1), marketId: 1n }), (err: unknown) => err instanceof CodedError && /exactly one of owner, market_id and order_id/.test(err.message));

    // The buy filled in full: it answers with its status and amounts, and what its 1.10 limit escrowed beyond 1.00 came back.
    const filled = orderQuery(env, env.ctx, buy.id);
    assert.equal(filled.status, OrderStatus.ORDER_STATUS_FILLED);
    assert.deepEqual([filled.filled, filled.given, filled.received, filled.refunded, filled.closedHeight], ['600', coin(600, QUOTE), coin(599, BASE), coin(60, QUOTE), 10n]);
    assert.equal(filled.order!.remaining, '0');
    // The sell is still open with 400 left: what it did so far.
    const open = orderQuery(env, env.ctx, sell.id);
    assert.deepEqual([open.status, open.filled, open.given, open.received, open.refunded, open.closedHeight], [OrderStatus.ORDER_STATUS_OPEN, '600', coin(600, BASE), coin(599, QUOTE), coin(0, BASE), 0n]);
    assert.equal(open.order!.remaining, '400');

    // Cancelled: the 400 unfilled come back, and the record says so.
    const next = at(env, 11n);
    env.dex.keeper.cancelOwnOrder(next, bech(2), sell.id);
    const cancelled = orderQuery(env, next, sell.id);
    assert.deepEqual([cancelled.status, cancelled.filled, cancelled.refunded, cancelled.closedHeight, cancelled.order!.remaining], [OrderStatus.ORDER_STATUS_CANCELLED, '600', coin(400, BASE), 11n, '400']);
    // An order that never traded and is still open answers as before, with nothing filled.
    const resting = place(env, next, 3, 'buy', '0.50', 100n);
    const fresh = orderQuery(env, next, resting.id);
    assert.deepEqual([fresh.status, fresh.filled, fresh.given, fresh.received, fresh.refunded], [OrderStatus.ORDER_STATUS_OPEN, '0', coin(0, QUOTE), coin(0, BASE), coin(0, QUOTE)]);
  });

  it('an IOC remainder reads as cancelled and an order past its expiry height as expired, each with its refund', () => {
    const env = setup(100n);
    const ioc = place(env, env.ctx, 1, 'buy', '2.00', 1000n, { ioc: true }); // escrows 2000 quote
    place(env, env.ctx, 2, 'sell', '1.50', 400n);
    const expiring = place(env, env.ctx, 3, 'sell', '3.00', 500n, { expiry: 10n });
    env.dex.endBlock(env.ctx);
    // 400 at 2.00 (demand left over everywhere: the highest price); 600 × 2.00 back.
    const iocRecord = orderQuery(env, env.ctx, ioc.id);
    assert.deepEqual([iocRecord.status, iocRecord.filled, iocRecord.given, iocRecord.received, iocRecord.refunded], [OrderStatus.ORDER_STATUS_CANCELLED, '400', coin(800, QUOTE), coin(399, BASE), coin(1200, QUOTE)]);
    const expired = orderQuery(env, env.ctx, expiring.id);
    assert.deepEqual([expired.status, expired.filled, expired.refunded, expired.closedHeight], [OrderStatus.ORDER_STATUS_EXPIRED, '0', coin(500, BASE), 10n]);
    assert.deepEqual(fills(env, env.ctx, { orderId: expiring.id }), []);
  });

  it('prunes fills and closed orders once fill_retention_blocks have passed, index entries with them', () => {
    const env = setup(3n);
    const sell = place(env, env.ctx, 2, 'sell', '1.00', 1000n);
    const buy = place(env, env.ctx, 1, 'buy', '1.00', 1000n);
    env.dex.endBlock(env.ctx); // height 10: both fill
    assert.deepEqual(historyKeys(env, env.ctx), [2, 2, 2, 2, 2, 2]);
    for (const height of [11n, 12n]) env.dex.endBlock(at(env, height));
    assert.equal(fills(env, at(env, 12n), { marketId: 1n }).length, 2, 'kept through height 12 (10 + 3 − 1)');
    assert.equal(orderQuery(env, at(env, 12n), buy.id).status, OrderStatus.ORDER_STATUS_FILLED);
    env.dex.endBlock(at(env, 13n));
    assert.deepEqual(historyKeys(env, env.ctx), [0, 0, 0, 0, 0, 0], 'every fill, index entry and closed record is gone');
    for (const id of [sell.id, buy.id]) {
      assert.throws(() => orderQuery(env, at(env, 13n), id), (err: unknown) => err instanceof CodedError && /order \d+ not found: .*fill_retention_blocks \(3\)/.test(err.message));
    }
  });

  it('deletes at most the limit per block, oldest first, and keeps a partly filled open order until it closes', () => {
    const env = setup(1n);
    // Three buys of 100 fill in full against one sell of 500, which keeps 200 open.
    const partial = place(env, env.ctx, 3, 'sell', '1.00', 500n);
    for (const who of [1, 2, 4]) place(env, env.ctx, who, 'buy', '1.00', 100n);
    env.dex.endBlock(env.ctx);
    assert.deepEqual(historyKeys(env, env.ctx), [4, 3, 4, 4, 4, 4], 'four fills; four records, three of them closed');
    const before = historyKeys(env, env.ctx);
    const ctx = at(env, 11n);
    pruneHistory(ctx, env.dex.keeper, 1n, 2);
    const after = historyKeys(env, ctx);
    assert.equal(before[2]! - after[2]!, 2, 'two fills deleted');
    assert.equal(before[1]! - after[1]!, 2, 'two closed records deleted');
    assert.deepEqual(fills(env, ctx, { marketId: 1n }).map((f) => f.id), [3n, 4n], 'fills 1 and 2, the oldest, went first');
    // Pruning to the end leaves the record of the open order that filled in part.
    for (let i = 0; i < 10; i++) pruneHistory(ctx, env.dex.keeper, 1n, 2);
    const open = orderQuery(env, ctx, partial.id);
    assert.equal(open.status, OrderStatus.ORDER_STATUS_OPEN);
    assert.notEqual(open.filled, '0');
    assert.deepEqual(historyKeys(env, ctx), [1, 0, 0, 0, 0, 0]);
  });

  it('keeps nothing when fill_retention_blocks is 0', () => {
    const env = setup(0n);
    place(env, env.ctx, 2, 'sell', '1.00', 1000n);
    const buy = place(env, env.ctx, 1, 'buy', '1.00', 600n);
    env.dex.endBlock(env.ctx);
    assert.deepEqual(historyKeys(env, env.ctx), [0, 0, 0, 0, 0, 0]);
    assert.throws(() => orderQuery(env, env.ctx, buy.id), /not found/);
  });
});
