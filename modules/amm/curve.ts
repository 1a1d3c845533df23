// The pluggable part of a pool: its curve. A curve is pure integer math over two reserves;
// the keeper moves the coins. Every method rounds in the pool's favour and says how.
import { DEC_ONE, type Dec } from '../../app/dec.js';
import type { Ratio } from './math.js';

export const CURVE_CONSTANT_PRODUCT = 'constant_product';
export const CURVE_STABLESWAP = 'stableswap';
export type CurveName = typeof CURVE_CONSTANT_PRODUCT | typeof CURVE_STABLESWAP;
export const CURVE_NAMES: readonly CurveName[] = [CURVE_CONSTANT_PRODUCT, CURVE_STABLESWAP];

export type Reserves = readonly [bigint, bigint];

export interface Curve {
  readonly name: CurveName;
  /** LP shares the first deposit is worth, before MINIMUM_LIQUIDITY of them are locked. */
  initialShares(x: bigint, y: bigint): bigint;
  /** The invariant at these reserves, rounded down: k = x·y, or Curve's D. */
  invariant(x: bigint, y: bigint): bigint;
  /** True when `after` keeps at least the invariant of `before`, decided exactly. */
  holds(before: Reserves, after: Reserves): boolean;
  /**
   * `holds` with `before` fixed, for callers that test many points against one state. A point
   * may be rational: `after` are numerators over `scale` (both curves' invariants are
   * homogeneous, so the test stays exact in integers).
   */
  keepsInvariantOf(before: Reserves): (after: Reserves, scale?: bigint) => boolean;
  /** What `amountIn` buys after the fee, rounded down; 0 when it buys nothing. */
  outGivenIn(reserveIn: bigint, reserveOut: bigint, amountIn: bigint, fee: Dec): bigint;
  /** The input, fee included, that buys exactly `amountOut` (< reserveOut), rounded up. */
  inGivenOut(reserveIn: bigint, reserveOut: bigint, amountOut: bigint, fee: Dec): bigint;
  /** The marginal price of x in units of y, without the fee. */
  spotPrice(x: bigint, y: bigint): Ratio;
  /**
   * On the curve through (x, y), the smallest reserve of x at which the marginal price is at
   * most `price` (y per x), searched in [1, x]: the point a seller of x walks the curve down to.
   * Non-increasing in `price` for fixed reserves, so offers built on it are monotone.
   */
  reserveAtPrice(x: bigint, y: bigint, price: Ratio): bigint;
  /** On the curve through (x, y), the reserve of y that goes with `newX` (to within a unit; callers check the invariant). */
  pairedReserve(x: bigint, y: bigint, newX: bigint): bigint;
}

/** (1 − fee): the share of an input that the curve prices. */
export function feeFactor(fee: Dec): Dec {
  return DEC_ONE - fee;
}
