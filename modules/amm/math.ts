// Integer helpers for the curves. Plain `/` on bigints rounds down; divCeil rounds up, so each
// call site can pick the direction that favours the pool.

/** ⌈a / b⌉ for a ≥ 0, b > 0. */
export function divCeil(a: bigint, b: bigint): bigint {
  return a === 0n ? 0n : (a - 1n) / b + 1n;
}

/** ⌊√n⌋ by Newton's method on integers (converges from above, so it stops when it no longer falls). */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('square root of a negative number');
  if (n < 2n) return n;
  let x = 1n << BigInt((n.toString(2).length + 1) >> 1);
  for (;;) {
    const next = (x + n / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}

/** ⌈√n⌉. */
export function isqrtCeil(n: bigint): bigint {
  const r = isqrt(n);
  return r * r === n ? r : r + 1n;
}

export function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** A non-negative rational, for prices that must be compared exactly. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

/** a ≤ b, exactly (denominators positive). */
export function ratioLte(a: Ratio, b: Ratio): boolean {
  return a.num * b.den <= b.num * a.den;
}
