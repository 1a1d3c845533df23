// Exact integer searches over monotone predicates. The curves use them to turn an
// approximate Newton result into the exact integer the rounding rule asks for, in a number
// of steps that grows with the log of the error, whatever the error is.

/**
 * The smallest n ≥ floor with pred(n) true, for pred false below some point and true from
 * there on; `guess` is where to start looking (a Newton estimate).
 */
export function smallestTrue(guess: bigint, floor: bigint, pred: (n: bigint) => boolean): bigint {
  let lo: bigint; // pred(lo) false, or lo < floor
  let hi: bigint; // pred(hi) true
  if (guess < floor) guess = floor;
  if (pred(guess)) {
    hi = guess;
    let step = 1n;
    lo = hi - step;
    while (lo >= floor && pred(lo)) {
      hi = lo;
      step <<= 1n;
      lo = hi - step;
    }
    if (lo < floor) lo = floor - 1n;
  } else {
    lo = guess;
    let step = 1n;
    hi = lo + step;
    while (!pred(hi)) {
      lo = hi;
      step <<= 1n;
      hi = lo + step;
    }
  }
  return bisect(lo, hi, pred);
}

/**
 * Bisection over (lo, hi] for the boundary where pred turns true, assuming pred(hi). The
 * probes depend only on lo, hi and the answers, so for predicates that only ever become
 * truer (p₁(n) ⇒ p₂(n) for every n) the result for p₂ is never above the result for p₁:
 * monotone outputs even where rounding makes a predicate slightly non-monotone in n.
 */
export function bisect(lo: bigint, hi: bigint, pred: (n: bigint) => boolean): bigint {
  while (hi - lo > 1n) {
    const mid = (lo + hi) >> 1n;
    if (pred(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
