// Every key x/bank owns in store `bank`, in the SDK v0.50 collections layout, so tools
// that read raw keys (explorers, `store/bank/key` proofs) find balances where simd keeps them.
import { Params } from 'cosmjs-types/cosmos/bank/v1beta1/bank';

export const STORE_KEY = 'bank';
export const MODULE_NAME = 'bank';

export const SUPPLY_PREFIX = Uint8Array.of(0x00);
export const DENOM_METADATA_PREFIX = Uint8Array.of(0x01);
export const BALANCES_PREFIX = Uint8Array.of(0x02);
export const SEND_ENABLED_PREFIX = Uint8Array.of(0x04);
export const PARAMS_KEY = Uint8Array.of(0x05);

const utf8 = new TextEncoder();
const text = new TextDecoder();

function withPrefix(prefix: Uint8Array, ...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(prefix.length + parts.reduce((n, p) => n + p.length, 0));
  out.set(prefix);
  let offset = prefix.length;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** 0x02 | len(address) | address: every balance of one account. */
export function accountBalancesPrefix(address: Uint8Array): Uint8Array {
  return withPrefix(BALANCES_PREFIX, Uint8Array.of(address.length), address);
}

/** `text` as UTF-8 written at `out[offset..]`, if it is all ASCII (denoms and amounts are); else false. */
function writeAscii(out: Uint8Array, offset: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return false;
    out[offset + i] = c;
  }
  return true;
}

/** 0x02 | len(address) | address | denom → amount. */
export function balanceKey(address: Uint8Array, denom: string): Uint8Array {
  // Built in place: this runs for every balance read and write.
  const head = 2 + address.length;
  const out = new Uint8Array(head + denom.length);
  out[0] = BALANCES_PREFIX[0]!;
  out[1] = address.length;
  out.set(address, 2);
  return writeAscii(out, head, denom) ? out : withPrefix(accountBalancesPrefix(address), utf8.encode(denom));
}

/** Splits a key below BALANCES_PREFIX (the prefix already stripped) into address and denom. */
export function splitBalanceKey(key: Uint8Array): { address: Uint8Array; denom: string } {
  const length = key[0]!;
  return { address: key.subarray(1, 1 + length), denom: text.decode(key.subarray(1 + length)) };
}

export function supplyKey(denom: string): Uint8Array {
  return withPrefix(SUPPLY_PREFIX, utf8.encode(denom));
}

export function denomMetadataKey(denom: string): Uint8Array {
  return withPrefix(DENOM_METADATA_PREFIX, utf8.encode(denom));
}

export function sendEnabledKey(denom: string): Uint8Array {
  return withPrefix(SEND_ENABLED_PREFIX, utf8.encode(denom));
}

export function denomFromKey(key: Uint8Array): string {
  return text.decode(key);
}

/** Amounts are stored as math.Int's text marshalling: decimal digits. */
export function encodeAmount(amount: bigint): Uint8Array {
  const digits = amount.toString();
  const out = new Uint8Array(digits.length);
  return writeAscii(out, 0, digits) ? out : utf8.encode(digits);
}

export function decodeAmount(bytes: Uint8Array): bigint {
  // ASCII bytes read the same as latin1 and as UTF-8; anything else takes the UTF-8 decoder.
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return BigInt(text.decode(bytes));
  return BigInt(bytes.length <= 256 ? String.fromCharCode.apply(null, bytes as unknown as number[]) : text.decode(bytes));
}

/** collections.BoolValue: one byte. */
export function encodeBool(value: boolean): Uint8Array {
  return Uint8Array.of(value ? 1 : 0);
}

export const DEFAULT_BANK_PARAMS: Readonly<Params> = Object.freeze({ sendEnabled: [], defaultSendEnabled: true });
