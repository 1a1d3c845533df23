// Time-weighted average prices, as Uniswap v2's accumulators: at a pool's first touch in a
// block, each cumulative price grows by the spot price that held since the last touch times
// the seconds since then (block time, the only clock). An observation of that moment is
// kept per block, and the block time of every height, for `twap_history_blocks`, so the
// average between any two heights in that window is exact:
//   C(t) for t between observations a < b = b.cumulative − b.price_before × (b.time − t)
// with the price that held up to b, and the pool's own accumulator after the last one.
import type { Context } from '../../app/context.js';
import { DEC_ONE, decFromProto, decToProto, type Dec } from '../../app/dec.js';
import { firstEntry, prefixEnd, prefixIterator } from '../../app/store/index.js';
import { TwapObservation } from '../../gen/zonekit/amm/v1/types.js';
import { ErrTwapUnavailable } from './errors.js';
import type { AmmKeeper } from './keeper.js';
import { BLOCK_TIMES_PREFIX, blockTimeKey, decodeI64, decodeU64, encodeI64, observationKey, observationsPrefix } from './keys.js';
import { curveOf, sideOf, type PoolState } from './pool.js';

/** At most this many stale entries are pruned per touch, so a shortened history catches up gradually. */
const PRUNE_BATCH = 16;

/** Spot prices as Dec, rounded down: reserves[0] in units of reserves[1], and the reverse. */
export function spotPrices(pool: PoolState): readonly [Dec, Dec] {
  const price = curveOf(pool).spotPrice(pool.reserves[0], pool.reserves[1]);
  return [(price.num * DEC_ONE) / price.den, (price.den * DEC_ONE) / price.num];
}

/** The pool with its accumulators brought up to this block, recording an observation on the block's first touch. */
export function accumulate(keeper: AmmKeeper, ctx: Context, pool: PoolState): PoolState {
  const height = ctx.blockHeight;
  if (pool.twap.lastHeight === height) return pool;
  const now = ctx.header.time.seconds;
  const elapsed = now > pool.twap.lastTime ? now - pool.twap.lastTime : 0n;
  const prices = spotPrices(pool);
  const cumulative = [pool.twap.cumulative[0] + prices[0] * elapsed, pool.twap.cumulative[1] + prices[1] * elapsed] as const;
  writeObservation(keeper, ctx, pool.id, height, now, cumulative, prices);
  pruneObservations(keeper, ctx, pool.id, height - keeper.params(ctx).twapHistoryBlocks);
  return { ...pool, twap: { cumulative, lastTime: now, lastHeight: height } };
}

/** A new pool's first observation: kept forever, it marks when the pool came to be. */
export function startAccumulator(keeper: AmmKeeper, ctx: Context, pool: PoolState): PoolState {
  const now = ctx.header.time.seconds;
  writeObservation(keeper, ctx, pool.id, ctx.blockHeight, now, [0n, 0n], spotPrices(pool));
  keeper.store(ctx).set(blockTimeKey(ctx.blockHeight), encodeI64(now));
  return { ...pool, twap: { cumulative: [0n, 0n], lastTime: now, lastHeight: ctx.blockHeight } };
}

function writeObservation(keeper: AmmKeeper, ctx: Context, poolId: bigint, height: bigint, time: bigint, cumulative: readonly [bigint, bigint], prices: readonly [Dec, Dec]): void {
  const value = TwapObservation.encode({
    time,
    price0Cumulative: cumulative[0].toString(),
    price1Cumulative: cumulative[1].toString(),
    price0: decToProto(prices[0]),
    price1: decToProto(prices[1]),
  }).finish();
  keeper.store(ctx).set(observationKey(poolId, height), value);
}

function pruneObservations(keeper: AmmKeeper, ctx: Context, poolId: bigint, belowHeight: bigint): void {
  const store = keeper.store(ctx);
  const prefix = observationsPrefix(poolId);
  const stale: Uint8Array[] = [];
  let first = true;
  for (const [key] of prefixIterator(store, prefix)) {
    if (first) {
      first = false;
      continue;
    }
    if (decodeU64(key.subarray(prefix.length)) >= belowHeight || stale.length === PRUNE_BATCH) break;
    stale.push(key);
  }
  for (const key of stale) store.delete(key);
}

/** BeginBlock: this height's block time, and the oldest ones out of the window pruned. */
export function recordBlockTime(keeper: AmmKeeper, ctx: Context): void {
  const store = keeper.store(ctx);
  store.set(blockTimeKey(ctx.blockHeight), encodeI64(ctx.header.time.seconds));
  const below = ctx.blockHeight - keeper.params(ctx).twapHistoryBlocks;
  const stale: Uint8Array[] = [];
  for (const [key] of prefixIterator(store, BLOCK_TIMES_PREFIX)) {
    if (decodeU64(key.subarray(1)) >= below || stale.length === PRUNE_BATCH) break;
    stale.push(key);
  }
  for (const key of stale) store.delete(key);
}

export interface TwapResult {
  /** Quote units per base unit, rounded down. */
  twap: Dec;
  startTime: bigint;
  endTime: bigint;
}

/** The average price of `baseDenom` (in the pool's other denom) between the block times of two heights. */
export function twap(keeper: AmmKeeper, ctx: Context, poolId: bigint, baseDenom: string, startHeight: bigint, endHeight: bigint): TwapResult {
  const pool = keeper.pool(ctx, poolId);
  const side = sideOf(pool, baseDenom);
  const end = endHeight === 0n ? ctx.blockHeight : endHeight;
  if (end > ctx.blockHeight) throw ErrTwapUnavailable.wrap(`end height ${end} is after the latest height ${ctx.blockHeight}`);
  if (startHeight >= end) throw ErrTwapUnavailable.wrap(`start height ${startHeight} must be below end height ${end}`);
  const startTime = blockTime(keeper, ctx, startHeight);
  const endTime = blockTime(keeper, ctx, end);
  if (endTime <= startTime) throw ErrTwapUnavailable.wrap(`no time passed between heights ${startHeight} and ${end}`);
  const delta = cumulativeAt(keeper, ctx, pool, side, end, endTime) - cumulativeAt(keeper, ctx, pool, side, startHeight, startTime);
  return { twap: delta / (endTime - startTime), startTime, endTime };
}

function blockTime(keeper: AmmKeeper, ctx: Context, height: bigint): bigint {
  const bytes = keeper.store(ctx).get(blockTimeKey(height));
  if (bytes === undefined) {
    throw ErrTwapUnavailable.wrap(`no block time is kept for height ${height} (the last ${keeper.params(ctx).twapHistoryBlocks} blocks since the first pool are kept)`);
  }
  return decodeI64(bytes);
}

function cumulativeAt(keeper: AmmKeeper, ctx: Context, pool: PoolState, side: 0 | 1, height: bigint, time: bigint): bigint {
  const store = keeper.store(ctx);
  const prefix = observationsPrefix(pool.id);
  const [firstKey] = firstEntry(prefixIterator(store, prefix)) ?? [];
  if (firstKey === undefined || height < decodeU64(firstKey.subarray(prefix.length))) {
    throw ErrTwapUnavailable.wrap(`pool ${pool.id} did not exist at height ${height}`);
  }
  const [, next] = firstEntry(store.iterator(observationKey(pool.id, height), prefixEnd(prefix))) ?? [];
  if (next === undefined) {
    const price = spotPrices(pool)[side];
    return pool.twap.cumulative[side] + price * (time - pool.twap.lastTime);
  }
  const observation = TwapObservation.decode(next);
  const cumulative = BigInt(side === 0 ? observation.price0Cumulative : observation.price1Cumulative);
  const priceBefore = decFromProto(side === 0 ? observation.price0 : observation.price1);
  return cumulative - priceBefore * (observation.time - time);
}
