// Curve's StableSwap invariant for two coins with amplification A (whitepaper form, n = 2):
//   4A(x + y) + D = 4AD + D³ / (4xy)
// Multiplied out by 4xy it is a polynomial with integer coefficients,
//   G(x, y, D) = 16A·xy(x + y) − 4xy·D(4A − 1) − D³,
// which is zero on the curve, increasing in x and y above it and decreasing in D. Newton's
// method (as Curve's get_D and get_y, bounded iterations) gives an estimate; the sign of G
// then fixes the exact integer, so every result is the same on every node and every
// rounding is decided by an exact comparison in the pool's favour.
import { DEC_ONE, type Dec } from '../../app/dec.js';
import { CURVE_STABLESWAP, feeFactor, type Curve, type Reserves } from './curve.js';
import { divCeil, type Ratio } from './math.js';
import { bisect, smallestTrue } from './search.js';

/** Curve's bound on Newton steps; the exact search after it makes the result right regardless. */
const MAX_NEWTON_STEPS = 255;
export const MIN_AMPLIFICATION = 1n;
export const MAX_AMPLIFICATION = 1_000_000n;

export class StableSwap implements Curve {
  readonly name = CURVE_STABLESWAP;
  private readonly ann: bigint;

  constructor(readonly amplification: bigint) {
    if (amplification < MIN_AMPLIFICATION || amplification > MAX_AMPLIFICATION) {
      throw new RangeError(`amplification must be ${MIN_AMPLIFICATION} to ${MAX_AMPLIFICATION}, got ${amplification}`);
    }
    this.ann = 4n * amplification;
  }

  /** G(x, y, D): ≥ 0 exactly when D is at most the invariant of (x, y). */
  g(x: bigint, y: bigint, d: bigint): bigint {
    const xy = x * y;
    return 4n * this.ann * xy * (x + y) - 4n * xy * d * (this.ann - 1n) - d * d * d;
  }

  /** The invariant rounded down: the largest D with G(x, y, D) ≥ 0. */
  invariant(x: bigint, y: bigint): bigint {
    if (x <= 0n || y <= 0n) return 0n;
    return smallestTrue(this.newtonD(x, y), 1n, (d) => this.g(x, y, d) < 0n) - 1n;
  }

  /** The invariant rounded up: what a swap must leave the pool at least at. */
  invariantCeil(x: bigint, y: bigint): bigint {
    const d = this.invariant(x, y);
    return this.g(x, y, d) === 0n ? d : d + 1n;
  }

  /** The smallest y ≥ 1 with G(x, y, D) ≥ 0: the other reserve on (or just above) the curve D. */
  reserveOnCurve(x: bigint, d: bigint): bigint {
    return smallestTrue(this.newtonY(x, d), 1n, (y) => this.g(x, y, d) >= 0n);
  }

  initialShares(x: bigint, y: bigint): bigint {
    return this.invariant(x, y);
  }

  holds(before: Reserves, after: Reserves): boolean {
    return this.keepsInvariantOf(before)(after);
  }

  // Against D rounded up, so "holds" means the exact invariant did not fall. G is homogeneous
  // of degree 3 in (x, y, D), so a point scaled by s is tested against D·s.
  keepsInvariantOf(before: Reserves): (after: Reserves, scale?: bigint) => boolean {
    const d = this.invariantCeil(before[0], before[1]);
    return (after, scale = 1n) => after[0] > 0n && after[1] > 0n && this.g(after[0], after[1], d * scale) >= 0n;
  }

  outGivenIn(reserveIn: bigint, reserveOut: bigint, amountIn: bigint, fee: Dec): bigint {
    const effective = (amountIn * feeFactor(fee)) / DEC_ONE;
    if (effective <= 0n) return 0n;
    const out = reserveOut - this.reserveOnCurve(reserveIn + effective, this.invariantCeil(reserveIn, reserveOut));
    return out > 0n ? out : 0n;
  }

  inGivenOut(reserveIn: bigint, reserveOut: bigint, amountOut: bigint, fee: Dec): bigint {
    const needed = this.reserveOnCurve(reserveOut - amountOut, this.invariantCeil(reserveIn, reserveOut)) - reserveIn;
    return divCeil((needed > 1n ? needed : 1n) * DEC_ONE, feeFactor(fee));
  }

  // −dy/dx on the curve = G_x / G_y, with G_x = y(16A(2x + y − D) + 4D), G_y = x(16A(x + 2y − D) + 4D).
  spotPrice(x: bigint, y: bigint): Ratio {
    return this.priceAt(x, y, this.invariant(x, y));
  }

  reserveAtPrice(x: bigint, y: bigint, price: Ratio): bigint {
    const d = this.invariant(x, y);
    const cheapEnough = (at: bigint): boolean => {
      const p = this.priceAt(at, this.reserveOnCurve(at, d), d);
      return p.num * price.den <= price.num * p.den;
    };
    return bisect(0n, x, cheapEnough);
  }

  pairedReserve(x: bigint, y: bigint, newX: bigint): bigint {
    return this.reserveOnCurve(newX, this.invariant(x, y));
  }

  private priceAt(x: bigint, y: bigint, d: bigint): Ratio {
    const a16 = 4n * this.ann;
    return { num: y * (a16 * (2n * x + y - d) + 4n * d), den: x * (a16 * (x + 2n * y - d) + 4n * d) };
  }

  /** Curve's get_D: Newton from D = x + y, which approaches the root from above. */
  private newtonD(x: bigint, y: bigint): bigint {
    const s = x + y;
    let d = s;
    for (let i = 0; i < MAX_NEWTON_STEPS; i++) {
      const dp = (((d * d) / (2n * x)) * d) / (2n * y);
      const previous = d;
      d = ((this.ann * s + 2n * dp) * d) / ((this.ann - 1n) * d + 3n * dp);
      if (d - previous <= 1n && previous - d <= 1n) break;
    }
    return d;
  }

  /** Curve's get_y: y² + (b − D)·y = c with b = x + D/4A, c = D³/(16A·x), from y = D. */
  private newtonY(x: bigint, d: bigint): bigint {
    const c = (((d * d) / (2n * x)) * d) / (2n * this.ann);
    const b = x + d / this.ann;
    let y = d;
    for (let i = 0; i < MAX_NEWTON_STEPS; i++) {
      const previous = y;
      const denominator = 2n * y + b - d;
      if (denominator <= 0n) break;
      y = (y * y + c) / denominator;
      if (y - previous <= 1n && previous - y <= 1n) break;
    }
    return y > 0n ? y : 1n;
  }
}
