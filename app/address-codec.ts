// Account addresses as bytes inside the state machine and bech32 at its edges (messages,
// queries, events), as the SDK's address codec.
import { ErrInvalidAddress } from './errors.js';
import { fromBech32Address, toBech32Address } from './tx/address.js';

export interface AddressCodec {
  readonly prefix: string;
  /** Throws ErrInvalidAddress for a bad string, a wrong prefix or a bad length. */
  decode(address: string): Uint8Array;
  encode(address: Uint8Array): string;
}

// The SDK's VerifyAddressFormat accepts 1 to 255 bytes (20 for keys, 32 for module-derived).
const MAX_ADDRESS_BYTES = 255;

/** How many addresses each codec remembers in each direction. */
const MEMO_MAX = 20_000;

/** A bounded map; the oldest entry goes first. */
function remember<V>(memo: Map<string, V>, key: string, value: V): V {
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value as string);
  memo.set(key, value);
  return value;
}

/** A map key for bytes (latin1: one code unit per byte). */
function bytesKey(bytes: Uint8Array): string {
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/**
 * The bech32 codec for `prefix`. The same few addresses are converted many times per tx (in
 * messages, accounts and events), so each codec remembers its recent conversions (only
 * successful ones; decode hands out a copy, so callers may keep or change what they get).
 */
export function bech32Codec(prefix: string): AddressCodec {
  const decoded = new Map<string, Uint8Array>();
  const encoded = new Map<string, string>();
  return {
    prefix,
    decode(address) {
      const known = decoded.get(address);
      if (known !== undefined) return known.slice();
      if (address.trim() === '') throw ErrInvalidAddress.wrap('empty address string is not allowed');
      const { prefix: got, data } = fromBech32Address(address);
      if (got !== prefix) throw ErrInvalidAddress.wrap(`invalid Bech32 prefix; expected ${prefix}, got ${got}`);
      if (data.length === 0 || data.length > MAX_ADDRESS_BYTES) {
        throw ErrInvalidAddress.wrap(`address length must be 1 to ${MAX_ADDRESS_BYTES} bytes, got ${data.length}`);
      }
      return remember(decoded, address, data.slice()).slice();
    },
    encode(address) {
      if (address.length > MAX_ADDRESS_BYTES) return toBech32Address(prefix, address);
      const key = bytesKey(address);
      return encoded.get(key) ?? remember(encoded, key, toBech32Address(prefix, address));
    },
  };
}
