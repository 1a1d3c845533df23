// Reads what one market's auction needs from the store: only the price levels that can trade.
// Nobody trades below the lowest price anyone sells at (the best ask, or where a pool starts
// selling) or above the highest anyone buys at, so only bids at or above the first and asks
// at or below the second are loaded. Without pools that is exactly the crossed part of the
// book: a deep book that does not cross costs two reads per block.
import type { Context } from '../../app/context.js';
import { Side } from '../../gen/zonekit/dex/v1/types.js';
import { Curves, PoolCurve, type CurveLevel } from './curves.js';
import type { AuctionPool } from './expects.js';
import type { DexKeeper } from './keeper.js';
import { MAX_PRICE } from './keys.js';
import type { MarketInfo } from './market.js';
import { firstTrueNear } from './search.js';

/**
 * For estimates: widen the loaded range so that an order not in the store, buying up to
 * `buyTick` or selling down to `sellTick`, can be added to the curves (Curves.withOrder).
 */
export interface Reach {
  readonly buyTick?: bigint;
  readonly sellTick?: bigint;
}

export interface LoadedBook {
  readonly curves: Curves;
  /** The last clearing price as a tick, for the tie-break. */
  readonly referenceTick?: bigint;
}

export function loadBook(ctx: Context, keeper: DexKeeper, market: MarketInfo, pools: readonly AuctionPool[], reach: Reach = {}): LoadedBook {
  const tick = market.tickSize;
  const maxTick = MAX_PRICE / tick;
  const bestBid = keeper.bestPrice(ctx, market.id, Side.SIDE_BUY);
  const bestAsk = keeper.bestPrice(ctx, market.id, Side.SIDE_SELL);
  const last = keeper.lastAuction(ctx, market.id);
  const referenceTick = last === undefined ? undefined : BigInt(last.price) / tick;

  const curves = pools.map((pool) => new PoolCurve(pool, tick, market.unit));
  const hint = referenceTick ?? (bestBid ?? bestAsk ?? tick) / tick;
  const sells: bigint[] = [];
  const buys: bigint[] = [];
  if (bestAsk !== undefined) sells.push(bestAsk / tick);
  if (bestBid !== undefined) buys.push(bestBid / tick);
  if (reach.buyTick !== undefined) buys.push(reach.buyTick);
  if (reach.sellTick !== undefined) sells.push(reach.sellTick);
  for (const curve of curves) {
    const sellFrom = firstTrueNear(1n, maxTick, hint, (k) => curve.offer(k) > 0n);
    if (sellFrom <= maxTick) sells.push(sellFrom);
    const buyTo = firstTrueNear(1n, maxTick, hint, (k) => curve.offer(k) >= 0n) - 1n;
    if (buyTo >= 1n) buys.push(buyTo);
  }
  if (sells.length === 0 || buys.length === 0) return { curves: new Curves([], [], curves, 1n, 0n), ...(referenceTick !== undefined ? { referenceTick } : {}) };
  const lo = sells.reduce((a, b) => (b < a ? b : a));
  const hi = buys.reduce((a, b) => (b > a ? b : a));

  const bids: CurveLevel[] = [];
  if (lo <= hi) {
    for (const level of keeper.iterateLevels(ctx, market.id, Side.SIDE_BUY)) {
      const k = level.price / tick;
      if (k < lo) break;
      bids.push({ tick: k, quantity: level.quantity });
    }
  }
  const asks: CurveLevel[] = [];
  if (lo <= hi) {
    for (const level of keeper.iterateLevels(ctx, market.id, Side.SIDE_SELL)) {
      const k = level.price / tick;
      if (k > hi) break;
      asks.push({ tick: k, quantity: level.quantity });
    }
  }
  return { curves: new Curves(bids, asks, curves, lo, hi), ...(referenceTick !== undefined ? { referenceTick } : {}) };
}
