// DecCoins (the SDK's sdk.DecCoins): amounts as bigints with 18 implied decimal places, lists
// sorted by denom with no zeros. Rewards stay DecCoins inside the module and become whole
// Coins only when paid out, so no fraction of a fee is lost between blocks.
import { DEC_ONE, decToString } from '../../app/dec.js';
import { normalizeCoins, validateDenom, type Coin, type CoinProto, type Coins, type DecCoin } from '../../app/coins.js';
import { ErrLogic } from '../../app/errors.js';

export type { DecCoin };
/** Sorted by denom, unique, every amount positive. */
export type DecCoins = readonly DecCoin[];

export function decCoinsFromCoins(coins: Coins): DecCoins {
  return coins.map(({ denom, amount }) => ({ denom, amount: amount * DEC_ONE }));
}

export function addDecCoins(a: DecCoins, b: DecCoins): DecCoins {
  return normalizeCoins([...a, ...b]);
}

/** a − b; a negative result is a bug in the caller's bookkeeping, never a user error. */
export function subDecCoins(a: DecCoins, b: DecCoins): DecCoins {
  const result = normalizeCoins([...a, ...b.map((c) => ({ denom: c.denom, amount: -c.amount }))]);
  const negative = result.find((c) => c.amount < 0n);
  if (negative !== undefined) throw ErrLogic.wrap(`${decCoinsToString(a)} minus ${decCoinsToString(b)} is negative in ${negative.denom}`);
  return result;
}

/** Each amount × d, truncated (DecCoins.MulDecTruncate); zeros dropped. */
export function mulDecTruncate(coins: DecCoins, d: bigint): DecCoins {
  return normalizeCoins(coins.map(({ denom, amount }) => ({ denom, amount: (amount * d) / DEC_ONE })));
}

/** Each amount × d, rounded half to even as LegacyDec.Mul does (DecCoins.MulDec); zeros dropped. */
export function mulDecRound(coins: DecCoins, d: bigint): DecCoins {
  return normalizeCoins(coins.map(({ denom, amount }) => ({ denom, amount: roundHalfEven(amount * d) })));
}

/** x / 10^18 with banker's rounding, for x ≥ 0 (LegacyDec's chopPrecisionAndRound). */
function roundHalfEven(x: bigint): bigint {
  const q = x / DEC_ONE;
  const twice = (x % DEC_ONE) * 2n;
  return twice > DEC_ONE || (twice === DEC_ONE && q % 2n === 1n) ? q + 1n : q;
}

/** Whole coins and the fractions left over (DecCoins.TruncateDecimal). */
export function truncateDecCoins(coins: DecCoins): { whole: Coins; change: DecCoins } {
  const whole: Coin[] = [];
  const change: DecCoin[] = [];
  for (const { denom, amount } of coins) {
    if (amount >= DEC_ONE) whole.push({ denom, amount: amount / DEC_ONE });
    if (amount % DEC_ONE !== 0n) change.push({ denom, amount: amount % DEC_ONE });
  }
  return { whole, change };
}

/** The smaller amount of each denom in both lists (DecCoins.Intersect). */
export function minDecCoins(a: DecCoins, b: DecCoins): DecCoins {
  return normalizeCoins(a.map(({ denom, amount }) => ({ denom, amount: minAmount(amount, amountOfDec(b, denom)) })));
}

function minAmount(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** Every amount of `b` is at most that of `a` (DecCoins.IsAllGTE). */
export function coversDecCoins(a: DecCoins, b: DecCoins): boolean {
  return b.every(({ denom, amount }) => amountOfDec(a, denom) >= amount);
}

export function amountOfDec(coins: DecCoins, denom: string): bigint {
  for (const coin of coins) if (coin.denom === denom) return coin.amount;
  return 0n;
}

/** "1.500000000000000000uatom,2.000000000000000000ustake", as DecCoins.String() (events, messages). */
export function decCoinsToString(coins: DecCoins): string {
  return coins.map(({ denom, amount }) => `${decToString(amount)}${denom}`).join(',');
}

/** The protobuf form: LegacyDec amounts as their scaled integer's digits. */
export function decCoinsToProto(coins: DecCoins): CoinProto[] {
  return coins.map(({ denom, amount }) => ({ denom, amount: amount.toString() }));
}

/** Reads the protobuf form; throws ErrLogic on anything a valid store could not hold. */
export function decCoinsFromProto(list: readonly CoinProto[]): DecCoins {
  const coins = list.map(({ denom, amount }) => {
    if (!/^[0-9]+$/.test(amount)) throw ErrLogic.wrap(`stored decimal coin amount ${JSON.stringify(amount)} is not a non-negative integer`);
    return { denom, amount: BigInt(amount) };
  });
  return normalizeCoins(coins);
}

/** Decimal text with exactly `places` digits after the point, non-negative: "1.5" → 15 × 10^(places−1). */
export function parseFixed(text: string, places: number): bigint {
  const match = /^([0-9]+)(?:\.([0-9]+))?$/.exec(text);
  if (match === null) throw new Error(`invalid decimal ${JSON.stringify(text)}: expected digits with an optional fraction, e.g. 1.5`);
  const frac = match[2] ?? '';
  if (frac.length > places) throw new Error(`decimal ${text} has more than ${places} decimal places`);
  return BigInt(match[1]!) * 10n ** BigInt(places) + BigInt(frac.padEnd(places, '0') || '0');
}

export function formatFixed(value: bigint, places: number): string {
  const one = 10n ** BigInt(places);
  return `${value / one}.${(value % one).toString().padStart(places, '0')}`;
}

/** Parses a JSON list of {denom, amount} with `places` decimals, checking denoms, order and positivity. */
export function amountsFromJson(list: readonly { denom: string; amount: string }[], places: number, what: string): DecCoins {
  const coins = list.map(({ denom, amount }) => {
    validateDenom(denom);
    const value = parseFixed(amount, places);
    if (value === 0n) throw new Error(`${what}: amount of ${denom} is zero; leave zero amounts out`);
    return { denom, amount: value };
  });
  for (let i = 1; i < coins.length; i++) {
    if (coins[i - 1]!.denom >= coins[i]!.denom) throw new Error(`${what}: denoms must be sorted and unique, ${coins[i]!.denom} follows ${coins[i - 1]!.denom}`);
  }
  return coins;
}

export function amountsToJson(coins: DecCoins, places: number): Array<{ denom: string; amount: string }> {
  return coins.map(({ denom, amount }) => ({ denom, amount: formatFixed(amount, places) }));
}
