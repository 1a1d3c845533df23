// Every key interchain staking owns in store `xstaking`, in one place.
//   0x01                                        → Params
//   0x02 | len|channel | len|staker | len|val   → Position
//   0x03 | id (u64 BE)                          → Unbonding
//   0x04                                        → CurveState (consumer)
//   0x05 | channel                              → escrowed amount, decimal text (hub)
//   0x06                                        → next unbonding id (u64 BE)
//   0x07                                        → BAR x-staked in total, decimal text (consumer)
//   0x08 | len|channel | sequence (u64 BE)      → unbonding id of an XUnstake packet in flight
//   0x09 | id (u64 BE)                          → the received XUnstake Packet, to acknowledge later (consumer)
//   0x20, 0x21                                  → closed channels, pending stakes (closure-store.ts)
import { sha256 } from '@noble/hashes/sha2.js';

export const MODULE_NAME = 'xstaking';
export const STORE_KEY = 'xstaking';
/** Hub: holds the escrowed stake; consumer: mints and burns BAR. */
export const MODULE_ACCOUNT = 'xstaking';
export const PORT_ID = 'xstaking';
export const VERSION = 'xstaking-1';

export const PARAMS_KEY = Uint8Array.of(0x01);
export const POSITION_PREFIX = Uint8Array.of(0x02);
export const UNBONDING_PREFIX = Uint8Array.of(0x03);
export const CURVE_KEY = Uint8Array.of(0x04);
export const ESCROW_PREFIX = Uint8Array.of(0x05);
export const NEXT_UNBONDING_ID_KEY = Uint8Array.of(0x06);
export const XSTAKED_BAR_KEY = Uint8Array.of(0x07);
export const IN_FLIGHT_PREFIX = Uint8Array.of(0x08);
export const PENDING_PACKET_PREFIX = Uint8Array.of(0x09);

const utf8 = (s: string) => new TextEncoder().encode(s);

function lengthPrefixed(s: string): Uint8Array {
  const bytes = utf8(s);
  if (bytes.length > 255) throw new RangeError(`key part longer than 255 bytes: ${s}`);
  return Uint8Array.of(bytes.length, ...bytes);
}

export function encodeU64(value: bigint): Uint8Array {
  const out = Buffer.alloc(8);
  out.writeBigUInt64BE(value);
  return out;
}

export function decodeU64(bytes: Uint8Array): bigint {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readBigUInt64BE();
}

/** Key of a position within POSITION_PREFIX; its first part alone is the channel's prefix. */
export function positionKey(channel: string, staker: string, validator: string): Uint8Array {
  return Buffer.concat([lengthPrefixed(channel), lengthPrefixed(staker), lengthPrefixed(validator)]);
}

export function channelPositionsPrefix(channel: string): Uint8Array {
  return lengthPrefixed(channel);
}

export function inFlightKey(channel: string, sequence: bigint): Uint8Array {
  return Buffer.concat([lengthPrefixed(channel), encodeU64(sequence)]);
}

export function escrowKey(channel: string): Uint8Array {
  return utf8(channel);
}

/**
 * The consumer's module-controlled account that delegates for `staker` of the hub over
 * `channel`: 20 bytes of sha256 over a domain tag, so no key can sign for it and no two
 * (channel, staker) pairs share one.
 */
export function interchainDelegator(channel: string, staker: string): Uint8Array {
  return sha256(utf8(`${MODULE_NAME}/delegator/${channel}/${staker}`)).slice(0, 20);
}
