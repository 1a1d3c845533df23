// The two codec contracts of collections, as the Cosmos SDK's `collections/codec`: a key codec
// writes a key in a form whose byte order is the store's iteration order, a value codec
// writes what is stored under it.

/**
 * Encodes keys of type K. A key part that is followed by another part in a composite key is
 * written "non-terminal" (self-delimiting: a length prefix, a terminator, or a fixed width), so
 * a reader knows where it ends and a prefix scan over it never runs into a longer key.
 */
export interface KeyCodec<K> {
  /** What the key is, as the SDK's KeyType (`uint64`, `bytes`, `Pair[uint64, string]`). */
  readonly keyType: string;
  /** The key as the last (or only) part of a store key. */
  encode(key: K): Uint8Array;
  /** Reads a terminal key that runs to the end of `bytes`: the key and how many bytes it took. */
  decode(bytes: Uint8Array): [key: K, read: number];
  /** The key as a part that another part follows. */
  encodeNonTerminal(key: K): Uint8Array;
  /** Reads a non-terminal key at the start of `bytes`. */
  decodeNonTerminal(bytes: Uint8Array): [key: K, read: number];
  /** A readable form of the key, for errors and logs. */
  stringify(key: K): string;
}

/** Encodes values of type V. */
export interface ValueCodec<V> {
  /** What the value is, as the SDK's ValueType (a protobuf type URL for messages). */
  readonly valueType: string;
  encode(value: V): Uint8Array;
  decode(bytes: Uint8Array): V;
  stringify(value: V): string;
}

/** Bytes that are not a valid encoding, or a value a codec cannot write (the SDK's ErrEncoding). */
export class CollectionEncodingError extends Error {
  override name = 'CollectionEncodingError';
  constructor(message: string) {
    super(`collections: encoding error: ${message}`);
  }
}

/** A write that breaks an index's constraint (the SDK's ErrConflict). */
export class CollectionConflictError extends Error {
  override name = 'CollectionConflictError';
  constructor(message: string) {
    super(`collections: conflict: ${message}`);
  }
}

/** A schema declared wrongly: a name or prefix used twice, or one prefix inside another. */
export class CollectionSchemaError extends Error {
  override name = 'CollectionSchemaError';
}
