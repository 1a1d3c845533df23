// The SDK's LegacyDec as a bigint: a fixed-point decimal with 18 places, `value × 10^18`.
// Every ratio in state (commission rates, slash fractions, delegator shares, reward
// accumulators, prices) uses it, so there is no floating point anywhere in the state machine.
// Each operation says how it rounds; callers pick the direction that favours the protocol.
import { DEC_PRECISION } from './coins.js';
import { ErrInvalidRequest } from './errors.js';

export type Dec = bigint;

export const DEC_ONE: Dec = 10n ** BigInt(DEC_PRECISION);
export const DEC_ZERO: Dec = 0n;

const DEC_TEXT = /^(-?)([0-9]+)(?:\.([0-9]+))?$/;

/** "0.05" → 5×10^16. Up to 18 decimal places; more is an error, not a silent rounding. */
export function parseDec(text: string): Dec {
  const match = DEC_TEXT.exec(text.trim());
  if (match === null) throw ErrInvalidRequest.wrap(`invalid decimal ${JSON.stringify(text)}`);
  const frac = match[3] ?? '';
  if (frac.length > DEC_PRECISION) throw ErrInvalidRequest.wrap(`decimal ${text} has more than ${DEC_PRECISION} decimal places`);
  const value = BigInt(match[2]!) * DEC_ONE + BigInt(frac.padEnd(DEC_PRECISION, '0') || '0');
  return match[1] === '-' ? -value : value;
}

/** The SDK's LegacyDec.String(): always 18 decimal places ("0.050000000000000000"). */
export function decToString(value: Dec): string {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const frac = (abs % DEC_ONE).toString().padStart(DEC_PRECISION, '0');
  return `${sign}${abs / DEC_ONE}.${frac}`;
}

/**
 * LegacyDec's protobuf form (gogoproto customtype): the scaled integer's digits, no point.
 * `cosmjs-types` fields such as `Validator.delegatorShares` and `CommissionRates.rate` carry this.
 */
export function decToProto(value: Dec): string {
  return value.toString();
}

/** Reads the protobuf form; an empty string is zero (a field left unset). */
export function decFromProto(text: string): Dec {
  if (text === '') return 0n;
  if (!/^-?[0-9]+$/.test(text)) throw ErrInvalidRequest.wrap(`invalid decimal ${JSON.stringify(text)} in protobuf form`);
  return BigInt(text);
}

export function decFromInt(value: bigint): Dec {
  return value * DEC_ONE;
}

/** a × b, truncated toward zero (LegacyDec.MulTruncate). */
export function decMulTrunc(a: Dec, b: Dec): Dec {
  return (a * b) / DEC_ONE;
}

/** a × b, rounded up (toward +∞). */
export function decMulCeil(a: Dec, b: Dec): Dec {
  const product = a * b;
  const q = product / DEC_ONE;
  return product % DEC_ONE === 0n || product < 0n ? q : q + 1n;
}

/** a ÷ b, truncated toward zero (LegacyDec.QuoTruncate). Throws on b = 0. */
export function decQuoTrunc(a: Dec, b: Dec): Dec {
  if (b === 0n) throw ErrInvalidRequest.wrap('division by zero');
  return (a * DEC_ONE) / b;
}

/** a ÷ b, rounded up for non-negative inputs (LegacyDec.QuoRoundUp). */
export function decQuoCeil(a: Dec, b: Dec): Dec {
  if (b === 0n) throw ErrInvalidRequest.wrap('division by zero');
  const n = a * DEC_ONE;
  return n % b === 0n ? n / b : n / b + (n > 0n === b > 0n ? 1n : 0n);
}

/** An integer times a decimal, truncated to an integer (`math.LegacyNewDecFromInt(x).Mul(d).TruncateInt()`). */
export function mulIntTrunc(amount: bigint, d: Dec): bigint {
  return (amount * d) / DEC_ONE;
}

/** The integer part, truncated toward zero (LegacyDec.TruncateInt). */
export function decTruncate(value: Dec): bigint {
  return value / DEC_ONE;
}

export function decMin(a: Dec, b: Dec): Dec {
  return a < b ? a : b;
}
