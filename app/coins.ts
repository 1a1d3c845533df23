// Coins as the SDK's sdk.Coins: bigint amounts, denoms checked by the SDK's regex, lists
// sorted by denom with no duplicates and no zero amounts. Used by the ante pipeline and by
// every module that moves value.
import { ErrInvalidCoins } from './errors.js';

export interface Coin {
  readonly denom: string;
  readonly amount: bigint;
}

/** Sorted by denom, unique, every amount positive (see `validateCoins`). */
export type Coins = readonly Coin[];

/** The proto/JSON form: amounts as decimal strings. */
export interface CoinProto {
  denom: string;
  amount: string;
}

// The SDK's default denom regex (types/coin.go, reDnmString).
const DENOM = /^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/;
const AMOUNT = /^[0-9]+$/;
// math.Int is capped at 256 bits.
const MAX_AMOUNT = (1n << 256n) - 1n;

export function validateDenom(denom: string): void {
  if (!DENOM.test(denom)) throw ErrInvalidCoins.wrap(`invalid denom: ${denom}`);
}

export function parseAmount(amount: string): bigint {
  if (!AMOUNT.test(amount) || amount.length > 78) throw ErrInvalidCoins.wrap(`invalid amount ${JSON.stringify(amount)}`);
  const value = BigInt(amount);
  if (value > MAX_AMOUNT) throw ErrInvalidCoins.wrap(`amount ${amount} is larger than the maximum of 2^256-1`);
  return value;
}

/** A single coin; zero is allowed (a balance may be zero), negative amounts cannot be written. */
export function coinFromProto(coin: CoinProto): Coin {
  validateDenom(coin.denom);
  return { denom: coin.denom, amount: parseAmount(coin.amount) };
}

export function coinToProto(coin: Coin): CoinProto {
  return { denom: coin.denom, amount: coin.amount.toString() };
}

/** Throws ErrInvalidCoins unless `coins` is sorted, duplicate-free and all positive (sdk.Coins.Validate). */
export function validateCoins(coins: Coins): void {
  for (let i = 0; i < coins.length; i++) {
    const coin = coins[i]!;
    validateDenom(coin.denom);
    if (coin.amount <= 0n) throw ErrInvalidCoins.wrap(`coin ${coinToString(coin)} amount is not positive`);
    if (i > 0) {
      const prev = coins[i - 1]!.denom;
      if (prev === coin.denom) throw ErrInvalidCoins.wrap(`duplicate denomination ${coin.denom}`);
      if (prev > coin.denom) throw ErrInvalidCoins.wrap(`denomination ${coin.denom} is not sorted`);
    }
  }
}

/** Parses a proto coin list and checks it is a valid sdk.Coins (sorted, unique, positive). */
export function coinsFromProto(list: readonly CoinProto[]): Coins {
  const coins = list.map(coinFromProto);
  validateCoins(coins);
  return coins;
}

export function coinsToProto(coins: Coins): CoinProto[] {
  return coins.map(coinToProto);
}

export function coinToString(coin: Coin): string {
  return `${coin.amount}${coin.denom}`;
}

/** "10uatom,5ustake", as sdk.Coins.String(): what events and error messages show. */
export function coinsToString(coins: Coins): string {
  return coins.map(coinToString).join(',');
}

export function amountOf(coins: Coins, denom: string): bigint {
  for (const coin of coins) if (coin.denom === denom) return coin.amount;
  return 0n;
}

/** Sorts and merges a list of coins, dropping zeros. */
export function normalizeCoins(list: readonly Coin[]): Coins {
  const sums = new Map<string, bigint>();
  for (const { denom, amount } of list) sums.set(denom, (sums.get(denom) ?? 0n) + amount);
  return [...sums.entries()]
    .filter(([, amount]) => amount !== 0n)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([denom, amount]) => ({ denom, amount }));
}

export function addCoins(a: Coins, b: Coins): Coins {
  return normalizeCoins([...a, ...b]);
}

/** a - b, or undefined when some denom would go negative. */
export function subCoins(a: Coins, b: Coins): Coins | undefined {
  const result = normalizeCoins([...a, ...b.map((c) => ({ denom: c.denom, amount: -c.amount }))]);
  return result.some((c) => c.amount < 0n) ? undefined : result;
}

/** Every coin of `b` is covered by `a` (sdk.Coins.IsAllGTE). */
export function isAllGTE(a: Coins, b: Coins): boolean {
  return b.every((coin) => amountOf(a, coin.denom) >= coin.amount);
}

/** Some coin of `b` is covered by `a` (sdk.Coins.IsAnyGTE); false when `b` is empty. */
export function isAnyGTE(a: Coins, b: Coins): boolean {
  return b.some((coin) => amountOf(a, coin.denom) >= coin.amount);
}

/** A decimal coin with 18 fixed decimal places (sdk.DecCoin): `amount` is the value × 10^18. */
export interface DecCoin {
  readonly denom: string;
  readonly amount: bigint;
}

export const DEC_PRECISION = 18;
const DEC_ONE = 10n ** BigInt(DEC_PRECISION);
const DEC_COIN = /^([0-9]+(?:\.[0-9]+)?)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/;

/** Parses "0.025uatom,1ustake" (a node's minimum-gas-prices) into sorted DecCoins; zeros dropped. */
export function parseDecCoins(text: string): DecCoin[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const coins: DecCoin[] = [];
  for (const part of trimmed.split(',')) {
    const match = DEC_COIN.exec(part.trim());
    if (match === null) throw ErrInvalidCoins.wrap(`invalid decimal coin expression: ${part}`);
    const [whole, frac = ''] = match[1]!.split('.');
    if (frac.length > DEC_PRECISION) throw ErrInvalidCoins.wrap(`${part} has more than ${DEC_PRECISION} decimal places`);
    const amount = BigInt(whole!) * DEC_ONE + BigInt(frac.padEnd(DEC_PRECISION, '0') || '0');
    if (amount > 0n) coins.push({ denom: match[2]!, amount });
  }
  const sorted = coins.sort((a, b) => (a.denom < b.denom ? -1 : a.denom > b.denom ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.denom === sorted[i - 1]!.denom) throw ErrInvalidCoins.wrap(`duplicate denomination ${sorted[i]!.denom}`);
  }
  return sorted;
}

/** price × gas, rounded up (the SDK's `fee.Ceil().RoundInt()`): the fee a validator requires. */
export function requiredFee(prices: readonly DecCoin[], gasLimit: bigint): Coins {
  return prices.map(({ denom, amount }) => ({ denom, amount: (amount * gasLimit + DEC_ONE - 1n) / DEC_ONE }));
}
