// Every key x/staking owns in store `staking`. Addresses are length-prefixed (as the SDK's
// address.MustLengthPrefix) so a prefix scan over one address never runs into a longer one.
import { concatBytes } from '../../app/store/encoding.js';

export const STORE_KEY = 'staking';
export const MODULE_NAME = 'staking';
export const BONDED_POOL = 'bonded_tokens_pool';
export const NOT_BONDED_POOL = 'not_bonded_tokens_pool';

export const LAST_VALIDATOR_POWER_PREFIX = Uint8Array.of(0x11);
export const LAST_TOTAL_POWER_KEY = Uint8Array.of(0x12);
export const VALIDATORS_PREFIX = Uint8Array.of(0x21);
export const VALIDATORS_BY_CONS_ADDR_PREFIX = Uint8Array.of(0x22);
export const VALIDATORS_BY_POWER_PREFIX = Uint8Array.of(0x23);
export const DELEGATION_PREFIX = Uint8Array.of(0x31);
export const DELEGATION_BY_VALIDATOR_PREFIX = Uint8Array.of(0x37);
export const UNBONDING_DELEGATION_PREFIX = Uint8Array.of(0x32);
export const UNBONDING_BY_VALIDATOR_PREFIX = Uint8Array.of(0x33);
export const REDELEGATION_PREFIX = Uint8Array.of(0x34);
export const REDELEGATION_BY_SRC_PREFIX = Uint8Array.of(0x35);
export const REDELEGATION_BY_DST_PREFIX = Uint8Array.of(0x36);
export const UNBONDING_QUEUE_PREFIX = Uint8Array.of(0x41);
export const REDELEGATION_QUEUE_PREFIX = Uint8Array.of(0x42);
export const VALIDATOR_QUEUE_PREFIX = Uint8Array.of(0x43);
export const HISTORICAL_INFO_PREFIX = Uint8Array.of(0x50);
export const PARAMS_KEY = Uint8Array.of(0x51);

export function lengthPrefixed(address: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(address.length), address);
}

/** Reads one length-prefixed address at `offset`; returns it and where the next part starts. */
export function readLengthPrefixed(key: Uint8Array, offset: number): { address: Uint8Array; next: number } {
  const length = key[offset]!;
  return { address: key.subarray(offset + 1, offset + 1 + length), next: offset + 1 + length };
}

export function keyOf(prefix: Uint8Array, ...addresses: Uint8Array[]): Uint8Array {
  return concatBytes(prefix, ...addresses.map(lengthPrefixed));
}

export function bigEndian64(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt.asUintN(64, value));
  return out;
}

export function readBigEndian64(bytes: Uint8Array, offset = 0): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 8).getBigUint64(0);
}

/**
 * 0x23 | power (8 bytes, big-endian) | operator with every bit inverted. Iterated in reverse,
 * validators come by power descending and, at equal power, by operator address ascending
 * (the SDK's tie-break), so every node picks the same active set.
 */
export function powerIndexKey(power: bigint, operator: Uint8Array): Uint8Array {
  const inverted = operator.map((b) => 0xff - b);
  return concatBytes(VALIDATORS_BY_POWER_PREFIX, bigEndian64(power), lengthPrefixed(inverted));
}

export function operatorFromPowerIndexKey(key: Uint8Array): Uint8Array {
  const { address } = readLengthPrefixed(key, VALIDATORS_BY_POWER_PREFIX.length + 8);
  return address.map((b) => 0xff - b);
}

/** Queue keys sort by completion time: seconds (8 bytes) then nanos (4 bytes), big-endian. */
export function timeKey(prefix: Uint8Array, seconds: bigint, nanos: number): Uint8Array {
  const nano = new Uint8Array(4);
  new DataView(nano.buffer).setUint32(0, nanos);
  return concatBytes(prefix, bigEndian64(seconds), nano);
}

export function historicalInfoKey(height: bigint): Uint8Array {
  return concatBytes(HISTORICAL_INFO_PREFIX, bigEndian64(height));
}
