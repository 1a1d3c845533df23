// Key codecs for single values, writing the bytes the Cosmos SDK's codecs write:
// collections.Uint64Key, Uint32Key, BoolKey, BytesKey, StringKey, and the SDK types'
// AccAddressKey / ValAddressKey and their LengthPrefixed forms.
import { CollectionEncodingError, type KeyCodec } from './codec.js';

const MAX_UINT64 = (1n << 64n) - 1n;
/** A non-terminal bytes key carries its length in one byte (the SDK's MaxBytesKeyNonTerminalSize). */
export const MAX_BYTES_KEY_NON_TERMINAL_SIZE = 255;

function need(bytes: Uint8Array, size: number, what: string): void {
  if (bytes.length < size) throw new CollectionEncodingError(`${what} needs ${size} bytes, got ${bytes.length}`);
}

/** A codec whose terminal and non-terminal forms are the same fixed-width bytes. */
function fixedWidth<K>(keyType: string, size: number, encode: (key: K) => Uint8Array, read: (bytes: Uint8Array) => K, stringify: (key: K) => string): KeyCodec<K> {
  const decode = (bytes: Uint8Array): [K, number] => {
    need(bytes, size, keyType);
    return [read(bytes), size];
  };
  return { keyType, encode, decode, encodeNonTerminal: encode, decodeNonTerminal: decode, stringify };
}

/** Big-endian 8 bytes: the byte order of the keys is the numeric order. */
export function encodeUint64(value: bigint): Uint8Array {
  if (value < 0n || value > MAX_UINT64) throw new CollectionEncodingError(`${value} is not a uint64`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, value);
  return out;
}

export function decodeUint64(bytes: Uint8Array, offset = 0): bigint {
  need(bytes, offset + 8, 'uint64');
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 8).getBigUint64(0);
}

export const uint64Key: KeyCodec<bigint> = fixedWidth('uint64', 8, encodeUint64, (b) => decodeUint64(b), String);

export const uint32Key: KeyCodec<number> = fixedWidth(
  'uint32',
  4,
  (value) => {
    if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff) throw new CollectionEncodingError(`${value} is not a uint32`);
    const out = new Uint8Array(4);
    new DataView(out.buffer).setUint32(0, value);
    return out;
  },
  (bytes) => new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0),
  String,
);

export const boolKey: KeyCodec<boolean> = fixedWidth(
  'bool',
  1,
  (value) => Uint8Array.of(value ? 1 : 0),
  (bytes) => {
    if (bytes[0]! > 1) throw new CollectionEncodingError(`bool byte must be 0 or 1, got ${bytes[0]}`);
    return bytes[0] === 1;
  },
  String,
);

function lengthPrefix(bytes: Uint8Array): Uint8Array {
  if (bytes.length > MAX_BYTES_KEY_NON_TERMINAL_SIZE) {
    throw new CollectionEncodingError(`bytes key non terminal size cannot exceed: ${MAX_BYTES_KEY_NON_TERMINAL_SIZE}, got: ${bytes.length}`);
  }
  const out = new Uint8Array(bytes.length + 1);
  out[0] = bytes.length;
  out.set(bytes, 1);
  return out;
}

function readLengthPrefixed(bytes: Uint8Array): [Uint8Array, number] {
  need(bytes, 1, 'length-prefixed bytes');
  const length = bytes[0]!;
  need(bytes, 1 + length, 'length-prefixed bytes');
  return [new Uint8Array(bytes.subarray(1, 1 + length)), 1 + length];
}

const hex = (bytes: Uint8Array) => `hexBytes:${Buffer.from(bytes).toString('hex')}`;

/**
 * Raw bytes when terminal, one length byte then the bytes when not (the SDK's BytesKey). The
 * length comes first, so keys of one part do not sort as their bytes do across lengths.
 */
export const bytesKey: KeyCodec<Uint8Array> = {
  keyType: 'bytes',
  encode: (key) => new Uint8Array(key),
  decode: (bytes) => [new Uint8Array(bytes), bytes.length],
  encodeNonTerminal: lengthPrefix,
  decodeNonTerminal: readLengthPrefixed,
  stringify: hex,
};

/**
 * Bytes length-prefixed even as the last part (the SDK's LengthPrefixedBytesKey, kept for
 * layouts that prefixed every address, as `address.MustLengthPrefix` did).
 */
export const lengthPrefixedBytesKey: KeyCodec<Uint8Array> = {
  keyType: 'index_key/bytes',
  encode: lengthPrefix,
  decode: readLengthPrefixed,
  encodeNonTerminal: lengthPrefix,
  decodeNonTerminal: readLengthPrefixed,
  stringify: hex,
};

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    throw new CollectionEncodingError('string key is not valid UTF-8');
  }
}

/**
 * UTF-8 when terminal; UTF-8 then a 0x00 terminator when not (the SDK's StringKey). A
 * terminator rather than a length keeps the byte order of strings their lexicographic order,
 * and a prefix `("ab")` never matches `("abc", …)`.
 */
export const stringKey: KeyCodec<string> = {
  keyType: 'string',
  encode: (key) => utf8.encode(key),
  decode: (bytes) => [decodeUtf8(bytes), bytes.length],
  encodeNonTerminal(key) {
    const bytes = utf8.encode(key);
    if (bytes.includes(0)) throw new CollectionEncodingError('string is not allowed to have the string delimiter (0x00) in non terminal encodings of strings');
    const out = new Uint8Array(bytes.length + 1);
    out.set(bytes);
    return out;
  },
  decodeNonTerminal(bytes) {
    const end = bytes.indexOf(0);
    if (end === -1) throw new CollectionEncodingError('not a valid non terminal buffer, no instances of the string delimiter 0x00 found');
    return [decodeUtf8(bytes.subarray(0, end)), end + 1];
  },
  stringify: (key) => key,
};

/** What an address key needs: bech32 (or any text form) to bytes and back. */
export interface AddressText {
  decode(address: string): Uint8Array;
  encode(address: Uint8Array): string;
}

/**
 * An address, held as its text form and stored as its bytes: raw when terminal,
 * length-prefixed when not (the SDK's AccAddressKey / ValAddressKey / ConsAddressKey).
 */
export function addressKey(codec: AddressText, keyType = 'address'): KeyCodec<string> {
  return {
    keyType,
    encode: (key) => codec.decode(key),
    decode: (bytes) => [codec.encode(bytes), bytes.length],
    encodeNonTerminal: (key) => lengthPrefix(codec.decode(key)),
    decodeNonTerminal(bytes) {
      const [address, read] = readLengthPrefixed(bytes);
      return [codec.encode(address), read];
    },
    stringify: (key) => key,
  };
}

/** An address length-prefixed even as the last part (the SDK's LengthPrefixedAddressKey). */
export function lengthPrefixedAddressKey(codec: AddressText, keyType = 'address'): KeyCodec<string> {
  const inner = addressKey(codec, keyType);
  return { ...inner, keyType: `index_key/${keyType}`, encode: inner.encodeNonTerminal, decode: inner.decodeNonTerminal };
}
