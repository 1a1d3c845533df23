// Composite keys (the SDK's Pair and Triple): every part but the last is written
// non-terminal, so the bytes of the first parts are a prefix of every key that starts with
// them, and iterating that prefix visits exactly those keys.
import { concatBytes } from '../encoding.js';
import { CollectionEncodingError, type KeyCodec } from './codec.js';

export type Pair<K1, K2> = readonly [K1, K2];
export type Triple<K1, K2, K3> = readonly [K1, K2, K3];

/** The leading parts of a composite key that may stand for every key they begin. */
export type PrefixOf<K> = K extends readonly [infer A, infer B, unknown] ? readonly [A] | readonly [A, B] : K extends readonly [infer A, unknown] ? readonly [A] : never;

/** A key codec over tuples that can also write the tuple's leading parts alone. */
export interface CompositeKeyCodec<K extends readonly unknown[]> extends KeyCodec<K> {
  readonly arity: number;
  /** The codec of each part, in order. */
  readonly parts: ReadonlyArray<KeyCodec<unknown>>;
  /** The bytes every key starting with `prefix` starts with (all parts non-terminal). */
  encodePrefix(prefix: PrefixOf<K>): Uint8Array;
}

export function isComposite<K>(codec: KeyCodec<K>): codec is KeyCodec<K> & CompositeKeyCodec<K & readonly unknown[]> {
  return 'arity' in codec;
}

function composite<K extends readonly unknown[]>(parts: ReadonlyArray<KeyCodec<unknown>>): CompositeKeyCodec<K> {
  const last = parts.length - 1;
  const encodeParts = (key: readonly unknown[], terminal: boolean) =>
    concatBytes(...key.map((part, i) => (terminal && i === last ? parts[i]!.encode(part) : parts[i]!.encodeNonTerminal(part))));
  const decodeParts = (bytes: Uint8Array, terminal: boolean): [K, number] => {
    const out: unknown[] = [];
    let offset = 0;
    parts.forEach((codec, i) => {
      const [part, read] = terminal && i === last ? codec.decode(bytes.subarray(offset)) : codec.decodeNonTerminal(bytes.subarray(offset));
      out.push(part);
      offset += read;
    });
    return [out as unknown as K, offset];
  };
  const checkArity = (key: readonly unknown[]) => {
    if (key.length !== parts.length) throw new CollectionEncodingError(`a key of ${parts.length} parts was given ${key.length}`);
  };
  return {
    arity: parts.length,
    parts,
    keyType: `${parts.length === 2 ? 'Pair' : 'Triple'}[${parts.map((p) => p.keyType).join(', ')}]`,
    encode(key) {
      checkArity(key);
      return encodeParts(key, true);
    },
    decode: (bytes) => decodeParts(bytes, true),
    encodeNonTerminal(key) {
      checkArity(key);
      return encodeParts(key, false);
    },
    decodeNonTerminal: (bytes) => decodeParts(bytes, false),
    encodePrefix(prefix) {
      const given = prefix as readonly unknown[];
      if (given.length === 0 || given.length >= parts.length) throw new CollectionEncodingError(`a prefix of a ${parts.length}-part key has 1 to ${parts.length - 1} parts, got ${given.length}`);
      return encodeParts(given, false);
    },
    stringify: (key) => `(${key.map((part, i) => `"${parts[i]!.stringify(part)}"`).join(', ')})`,
  };
}

/** Keys of two parts (the SDK's PairKeyCodec): `k1` non-terminal, then `k2`. */
export function pairKey<K1, K2>(k1: KeyCodec<K1>, k2: KeyCodec<K2>): CompositeKeyCodec<Pair<K1, K2>> {
  return composite([k1, k2] as ReadonlyArray<KeyCodec<unknown>>);
}

/** Keys of three parts (the SDK's TripleKeyCodec): `k1` and `k2` non-terminal, then `k3`. */
export function tripleKey<K1, K2, K3>(k1: KeyCodec<K1>, k2: KeyCodec<K2>, k3: KeyCodec<K3>): CompositeKeyCodec<Triple<K1, K2, K3>> {
  return composite([k1, k2, k3] as ReadonlyArray<KeyCodec<unknown>>);
}
