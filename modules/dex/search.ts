// Searches over the tick grid (bigint indices): every curve the auction looks at is monotone
// in price, so each question ("the lowest price where supply exceeds demand") is a bisection.

/** The smallest k in [lo, hi] with pred(k), for pred false…false true…true; hi + 1 if none. */
export function firstTrue(lo: bigint, hi: bigint, pred: (k: bigint) => boolean): bigint {
  let a = lo;
  let b = hi + 1n;
  while (a < b) {
    const mid = a + (b - a) / 2n;
    if (pred(mid)) b = mid;
    else a = mid + 1n;
  }
  return a;
}

/**
 * firstTrue, galloping out from `hint`: O(log distance) evaluations instead of O(log range),
 * for curves (pools) whose interesting point is near a known price but whose range is 2^100 ticks.
 */
export function firstTrueNear(lo: bigint, hi: bigint, hint: bigint, pred: (k: bigint) => boolean): bigint {
  if (lo > hi) return hi + 1n;
  const start = hint < lo ? lo : hint > hi ? hi : hint;
  let step = 1n;
  if (pred(start)) {
    let known = start;
    for (;;) {
      const k = known - step;
      if (k < lo) return firstTrue(lo, known, pred);
      if (!pred(k)) return firstTrue(k + 1n, known, pred);
      known = k;
      step *= 2n;
    }
  }
  let below = start;
  for (;;) {
    const k = below + step;
    if (k > hi) return firstTrue(below + 1n, hi, pred);
    if (pred(k)) return firstTrue(below + 1n, k, pred);
    below = k;
    step *= 2n;
  }
}
