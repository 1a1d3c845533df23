// The sovereignty-preserving bonding curve: PHOTON staked from the hub buys the consumer's
// staking token (BAR) on a Bancor curve with reserve ratio F = p/q ≤ 1, so the BAR (and voting
// power) a PHOTON buys falls as the total x-stake grows and no whale can buy the zone.
//
// Bancor's curve ties the supply S to the reserve R through a virtual starting point
// (R0, S0):   S(R) = S0 · (R / R0)^F        and its inverse   R(S) = R0 · (S / S0)^(1/F).
// Buying with dR mints S·((1 + dR/R)^F − 1); selling dS returns R·(1 − (1 − dS/S)^(1/F)).
//
// Why a rational F and integer roots rather than fixed-point exp/ln: with F = p/q both
// directions reduce to comparisons of integers (powers of S, R0, S0 and an integer p-th or q-th
// root), so every answer is the exact floor or ceiling of the real formula: there is no
// approximation error at all, only the one rounding step, and that is always taken in the
// zone's favour. The price is that p and q must stay small (each ≤ MAX_RATIO_TERM): numbers grow
// as S^q, which for q = 12 and a 30-digit supply is a few hundred digits, still cheap.
//
// The state is one number, the curve's supply S (virtual S0 plus every BAR minted through it).
// `reserveFor(S)` is the reserve that backs S, rounded up. A buy of dR mints the most BAR whose
// backing grows by at most dR; a sell of dS pays out exactly the backing it frees. Hence:
//  - splitting a stake never mints more than staking at once (the backing telescopes),
//  - buying then selling never returns more than was paid (the sale frees what the buy used),
//  - the reserve actually received is never less than reserveFor(S): the hub's escrow always
//    covers every sale (the difference is rounding dust, kept by the zone).

/** The largest numerator or denominator a reserve ratio may use (see the note on cost above). */
export const MAX_RATIO_TERM = 12n;

export interface CurveParams {
  /** Reserve ratio F = ratioNum / ratioDen, 0 < F ≤ 1; F < 1 is sublinear. */
  readonly ratioNum: bigint;
  readonly ratioDen: bigint;
  /** The virtual starting point the curve passes through: reserve R0 and supply S0, both > 0. */
  readonly virtualReserve: bigint;
  readonly virtualSupply: bigint;
}

/** Why a set of curve parameters cannot be used, or undefined when it can. */
export function curveParamsProblem(c: CurveParams): string | undefined {
  if (c.ratioNum <= 0n || c.ratioDen <= 0n) return 'reserve ratio terms must be positive';
  if (c.ratioNum > c.ratioDen) return 'reserve ratio must be at most 1';
  if (c.ratioNum > MAX_RATIO_TERM || c.ratioDen > MAX_RATIO_TERM) {
    return `reserve ratio terms must be at most ${MAX_RATIO_TERM}`;
  }
  if (c.virtualReserve <= 0n) return 'virtual reserve must be positive';
  if (c.virtualSupply <= 0n) return 'virtual supply must be positive';
  return undefined;
}

/** ⌊n^(1/k)⌋ for n ≥ 0, k ≥ 1, by Newton's method on integers (falls from above until it stops). */
export function rootFloor(n: bigint, k: bigint): bigint {
  if (n < 0n) throw new RangeError('root of a negative number');
  if (k < 1n) throw new RangeError('root degree must be at least 1');
  if (k === 1n || n < 2n) return n;
  // 2^⌈bits/k⌉ is above the root, so Newton's iteration decreases monotonically to it.
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / Number(k)));
  for (;;) {
    const next = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (next >= x) return x;
    x = next;
  }
}

/** ⌈n^(1/k)⌉. */
export function rootCeil(n: bigint, k: bigint): bigint {
  const r = rootFloor(n, k);
  return r ** k === n ? r : r + 1n;
}

function divCeil(a: bigint, b: bigint): bigint {
  return a === 0n ? 0n : (a - 1n) / b + 1n;
}

/**
 * ⌈R0 · (S / S0)^(q/p)⌉: the reserve that backs supply S, rounded up (the zone's favour).
 * It is the least y with y^p · S0^q ≥ R0^p · S^q, i.e. ⌈(⌈R0^p · S^q / S0^q⌉)^(1/p)⌉.
 */
export function reserveFor(c: CurveParams, supply: bigint): bigint {
  if (supply < 0n) throw new RangeError('supply must be non-negative');
  const p = c.ratioNum;
  const q = c.ratioDen;
  return rootCeil(divCeil(c.virtualReserve ** p * supply ** q, c.virtualSupply ** q), p);
}

/**
 * ⌊S0 · (R / R0)^(p/q)⌋: the largest supply that reserve R backs, i.e. the largest S with
 * reserveFor(S) ≤ R: S^q ≤ R^p · S0^q / R0^p.
 */
export function supplyFor(c: CurveParams, reserve: bigint): bigint {
  if (reserve < 0n) throw new RangeError('reserve must be non-negative');
  const p = c.ratioNum;
  const q = c.ratioDen;
  return rootFloor((reserve ** p * c.virtualSupply ** q) / c.virtualReserve ** p, q);
}

/** The supply a fresh curve starts from: the virtual supply, whose backing is the virtual reserve. */
export function initialSupply(c: CurveParams): bigint {
  return c.virtualSupply;
}

/**
 * BAR minted for `paid` reserve at curve supply `supply`: the most BAR whose backing grows by at
 * most `paid`. Rounds down (the zone keeps the dust).
 */
export function buy(c: CurveParams, supply: bigint, paid: bigint): bigint {
  if (paid < 0n) throw new RangeError('amount paid must be non-negative');
  const minted = supplyFor(c, reserveFor(c, supply) + paid) - supply;
  // supplyFor(reserveFor(S)) ≥ S always; the guard only documents that a buy never burns.
  return minted > 0n ? minted : 0n;
}

/**
 * Reserve returned for selling `sold` BAR at curve supply `supply`: exactly the backing the sale
 * frees, reserveFor(S) − reserveFor(S − dS). Rounds in the zone's favour because reserveFor
 * rounds up at both ends of the same function, so a buy followed by a sale of what it minted
 * returns at most what was paid.
 */
export function sell(c: CurveParams, supply: bigint, sold: bigint): bigint {
  if (sold < 0n) throw new RangeError('amount sold must be non-negative');
  if (sold > supply - c.virtualSupply) throw new RangeError('cannot sell more than the curve minted');
  return reserveFor(c, supply) - reserveFor(c, supply - sold);
}
