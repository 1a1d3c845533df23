// The uniform clearing price of one batch, and how much each side's levels get at it.
//
// The rule, over the tick grid, with S(p) = everything offered for sale at p or cheaper and
// D(p) = everything bid at p or higher (orders and pools alike), volume V(p) = min(S(p), D(p)):
//   1. the price maximises V;
//   2. among those, it minimises the imbalance |S − D|;
//   3. if every remaining price has excess demand the highest wins, if every one has excess
//      supply the lowest wins (the side left over pushes the price its way);
//   4. otherwise the price closest to the last clearing price wins (no last price: the middle
//      of the range, rounded down to a tick), the lower one when two are equally close.
// S rises and D falls with p, so V rises until S meets D and falls after: each step is a
// bisection, and the whole rule costs O(log(range) × (log(levels) + pools)).
import type { Curves } from './curves.js';
import { firstTrue } from './search.js';

export interface ClearingPoint {
  readonly tick: bigint;
  /** Base units that trade: min(S, D) at the tick. */
  readonly volume: bigint;
}

/** The clearing tick, or undefined when nothing can trade. */
export function clearingPrice(curves: Curves, referenceTick?: bigint): ClearingPoint | undefined {
  const { lo, hi } = curves;
  if (lo > hi) return undefined;
  const S = (k: bigint) => curves.supply(k);
  const D = (k: bigint) => curves.demand(k);

  // k1: the last tick with S ≤ D (V = S there); k2 = k1 + 1: the first with S > D (V = D).
  const k2 = firstTrue(lo, hi, (k) => S(k) > D(k));
  const k1 = k2 - 1n;
  const v1 = k1 >= lo ? S(k1) : 0n;
  const v2 = k2 <= hi ? D(k2) : 0n;
  if (v1 === 0n && v2 === 0n) return undefined;

  // The left plateau [y, k1]: the max-volume ticks left of the crossing with the least imbalance.
  const leftBest = () => {
    const x = firstTrue(lo, k1, (k) => S(k) >= v1);
    const d1 = D(k1);
    return firstTrue(x, k1, (k) => D(k) <= d1);
  };
  // The right plateau [k2, w], likewise.
  const rightBest = () => {
    const z = firstTrue(k2, hi, (k) => D(k) < v2) - 1n;
    const s2 = S(k2);
    return firstTrue(k2, z, (k) => S(k) > s2) - 1n;
  };
  const nearest = (a: bigint, b: bigint) => {
    const ref = referenceTick ?? a + (b - a) / 2n;
    return ref < a ? a : ref > b ? b : ref;
  };

  if (v1 > v2) {
    const excessDemand = D(k1) - v1;
    return { tick: excessDemand > 0n ? k1 : nearest(leftBest(), k1), volume: v1 };
  }
  if (v2 > v1) return { tick: k2, volume: v2 }; // S > D at k2 and beyond: excess supply, lowest wins.
  const imbalance1 = D(k1) - v1;
  const imbalance2 = S(k2) - v2;
  if (imbalance1 < imbalance2) return { tick: imbalance1 > 0n ? k1 : nearest(leftBest(), k1), volume: v1 };
  if (imbalance1 > imbalance2) return { tick: k2, volume: v2 };
  return { tick: nearest(leftBest(), rightBest()), volume: v1 };
}

/**
 * One side's share of the volume at the clearing tick, by price priority: levels strictly
 * better than `marginalTick` fill in full, and `marginalFill` is shared pro rata among the
 * orders at `marginalTick` and the pools' slices of their curves at that tick.
 */
export interface SideAllocation {
  readonly marginalTick: bigint;
  readonly marginalFill: bigint;
  /** Per pool (in the order of curves.pools): base filled above the marginal tick. */
  readonly poolFull: readonly bigint[];
  /** Per pool: its slice at the marginal tick (what it adds there), shared pro rata. */
  readonly poolMarginal: readonly bigint[];
}

export function buyAllocation(curves: Curves, point: ClearingPoint): SideAllocation {
  const { volume } = point;
  // The worst bid level that still trades: the highest tick whose demand reaches the volume.
  const m = firstTrue(point.tick, curves.hi, (k) => curves.demand(k) < volume) - 1n;
  const poolFull = curves.pools.map((_, j) => curves.poolDemand(j, m + 1n));
  const poolMarginal = curves.pools.map((_, j) => curves.poolDemand(j, m) - poolFull[j]!);
  return { marginalTick: m, marginalFill: volume - curves.demand(m + 1n), poolFull, poolMarginal };
}

export function sellAllocation(curves: Curves, point: ClearingPoint): SideAllocation {
  const { volume } = point;
  const m = firstTrue(curves.lo, point.tick, (k) => curves.supply(k) >= volume);
  const poolFull = curves.pools.map((_, j) => curves.poolSupply(j, m - 1n));
  const poolMarginal = curves.pools.map((_, j) => curves.poolSupply(j, m) - poolFull[j]!);
  return { marginalTick: m, marginalFill: volume - curves.supply(m - 1n), poolFull, poolMarginal };
}
