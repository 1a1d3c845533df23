// What an exact input would get in this block's auction if the batch held only what is in
// the book now (plus pools): the router's view of the orderbook. A sell of x base is an IOC
// order for x (rounded down to lots) at the worst price the caller accepts. A buy with y
// quote must pick a limit: a higher one buys fewer lots (y / limit), a lower one may not
// fill, so the estimate tries limits up to the worst accepted one and keeps the best.
import type { Context } from '../../app/context.js';
import { DEC_ONE } from '../../app/dec.js';
import { loadBook } from './book.js';
import { buyAllocation, clearingPrice, sellAllocation } from './clearing-price.js';
import { Side } from '../../gen/zonekit/dex/v1/types.js';
import type { Curves } from './curves.js';
import type { AuctionPool } from './expects.js';
import type { DexKeeper } from './keeper.js';
import { MAX_PRICE } from './keys.js';
import { feeOn, notional, type MarketInfo } from './market.js';
import { firstTrue } from './search.js';

export interface AuctionEstimate {
  /** The order to place: side, limit tick and quantity (0: no order fits the input). */
  readonly side: Side;
  readonly tick: bigint;
  readonly quantity: bigint;
  /** What the order escrows: the part of the input the auction takes. */
  readonly amountIn: bigint;
  /** Estimated output after the dex fee. */
  readonly out: bigint;
}

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

export function estimateAuction(
  ctx: Context,
  keeper: DexKeeper,
  market: MarketInfo,
  pools: readonly AuctionPool[],
  denomIn: string,
  amountIn: bigint,
  minOut: bigint,
): AuctionEstimate {
  const tickSize = market.tickSize;
  const maxTick = MAX_PRICE / tickSize;
  if (denomIn === market.baseDenom) {
    const quantity = amountIn - (amountIn % market.lotSize);
    const none: AuctionEstimate = { side: Side.SIDE_SELL, tick: 0n, quantity: 0n, amountIn: 0n, out: 0n };
    if (quantity === 0n) return none;
    // Price (quote per base) at least minOut / amountIn, and the order's value at least min notional.
    const worst = minOut === 0n ? 1n : ceilDiv(minOut * DEC_ONE, amountIn * tickSize);
    const notionalFloor = ceilDiv(market.minNotional * DEC_ONE, quantity * tickSize);
    const tick = [worst, notionalFloor, 1n].reduce((a, b) => (b > a ? b : a));
    if (tick > maxTick) return none;
    const { curves, referenceTick } = loadBook(ctx, keeper, market, pools, { sellTick: tick });
    const { fill, clearingTick } = fillOf(curves.withOrder('sell', { tick, quantity }), referenceTick, 'sell', tick, quantity, market.unit);
    const proceeds = notional(fill, clearingTick * tickSize);
    return { side: Side.SIDE_SELL, tick, quantity, amountIn: quantity, out: proceeds - feeOn(proceeds, market.feeRate) };
  }

  // A buy: the limit is at most the worst accepted price (amountIn / minOut), and low enough
  // that the input buys at least a lot.
  const worst = minOut === 0n ? maxTick : (amountIn * DEC_ONE) / (minOut * tickSize);
  const oneLot = (amountIn * DEC_ONE) / (market.lotSize * tickSize);
  const top = [worst, maxTick, oneLot].reduce((a, b) => (b < a ? b : a));
  const quantityAt = (tick: bigint) => {
    const q = (amountIn * DEC_ONE) / (tick * tickSize);
    const lots = q - (q % market.lotSize);
    return notional(lots, tick * tickSize) >= market.minNotional ? lots : 0n;
  };
  const none: AuctionEstimate = { side: Side.SIDE_BUY, tick: 0n, quantity: 0n, amountIn: 0n, out: 0n };
  if (top < 1n) return none;
  const { curves, referenceTick } = loadBook(ctx, keeper, market, pools, { buyTick: top });
  const tryTick = (tick: bigint) => {
    const quantity = quantityAt(tick);
    if (quantity === 0n) return { tick, quantity, fill: 0n };
    const { fill } = fillOf(curves.withOrder('buy', { tick, quantity }), referenceTick, 'buy', tick, quantity, market.unit);
    return { tick, quantity, fill };
  };
  // The lowest limit at which the whole order fills, and the tick below it (more lots, part filled).
  const low = curves.lo > 1n ? curves.lo : 1n;
  const full = low <= top ? firstTrue(low, top, (tick) => {
    const t = tryTick(tick);
    return t.quantity > 0n && t.fill === t.quantity;
  }) : top + 1n;
  const candidates = [full, full - 1n, top].filter((t) => t >= 1n && t <= top).map(tryTick);
  const best = candidates.reduce((a, b) => (b.fill > a.fill ? b : a), { tick: 0n, quantity: 0n, fill: 0n });
  if (best.quantity === 0n) return none;
  return {
    side: Side.SIDE_BUY,
    tick: best.tick,
    quantity: best.quantity,
    amountIn: notional(best.quantity, best.tick * tickSize),
    out: best.fill - feeOn(best.fill, market.feeRate),
  };
}

/** The estimated fill of an order already added to `curves`; at the marginal level, its pro-rata share rounded down. */
function fillOf(curves: Curves, referenceTick: bigint | undefined, side: 'buy' | 'sell', tick: bigint, quantity: bigint, unit: bigint): { fill: bigint; clearingTick: bigint } {
  const point = clearingPrice(curves, referenceTick);
  if (point === undefined) return { fill: 0n, clearingTick: 0n };
  const clearingTick = point.tick;
  if (side === 'buy') {
    const alloc = buyAllocation(curves, point);
    if (tick > alloc.marginalTick) return { fill: quantity, clearingTick };
    if (tick < alloc.marginalTick) return { fill: 0n, clearingTick };
    const atLevel = curves.bookDemand(tick) - curves.bookDemand(tick + 1n) + alloc.poolMarginal.reduce((a, b) => a + b, 0n);
    return { fill: share(quantity, alloc.marginalFill, atLevel, unit), clearingTick };
  }
  const alloc = sellAllocation(curves, point);
  if (tick < alloc.marginalTick) return { fill: quantity, clearingTick };
  if (tick > alloc.marginalTick) return { fill: 0n, clearingTick };
  const atLevel = curves.bookSupply(tick) - curves.bookSupply(tick - 1n) + alloc.poolMarginal.reduce((a, b) => a + b, 0n);
  return { fill: share(quantity, alloc.marginalFill, atLevel, unit), clearingTick };
}

function share(quantity: bigint, fill: bigint, total: bigint, unit: bigint): bigint {
  return total === 0n ? 0n : (((quantity / unit) * (fill / unit)) / (total / unit)) * unit;
}
