// Map and KeySet (the SDK's collections.Map and KeySet): typed keys and values under one
// prefix of a module's store. A key's store bytes are the prefix then the key codec's terminal
// encoding, so a layout reads the same as the SDK's.
import { concatBytes } from '../encoding.js';
import { CollectionEncodingError, type KeyCodec, type ValueCodec } from './codec.js';
import { storeBounds, type Range } from './range.js';
import type { Prefix, SchemaBuilder, StoreContext } from './schema.js';
import { noValue } from './values.js';

export class Map<K, V> {
  readonly prefix: Uint8Array;

  constructor(
    readonly schema: SchemaBuilder,
    prefix: Prefix,
    readonly name: string,
    readonly keyCodec: KeyCodec<K>,
    readonly valueCodec: ValueCodec<V>,
  ) {
    this.prefix = schema.register(prefix, name);
  }

  /** The store key of `key`: the prefix, then the key's bytes. */
  keyBytes(key: K): Uint8Array {
    return concatBytes(this.prefix, this.keyCodec.encode(key));
  }

  /** The key whose bytes (after the prefix) are `bytes`; they must be one whole key. */
  decodeKey(bytes: Uint8Array): K {
    const [key, read] = this.keyCodec.decode(bytes);
    if (read !== bytes.length) throw new CollectionEncodingError(`key decoder didn't fully consume the key: ${this.keyCodec.keyType} ${Buffer.from(bytes).toString('hex')} ${read}`);
    return key;
  }

  get(ctx: StoreContext, key: K): V | undefined {
    const bytes = this.schema.store(ctx).get(this.keyBytes(key));
    return bytes === undefined ? undefined : this.valueCodec.decode(bytes);
  }

  has(ctx: StoreContext, key: K): boolean {
    return this.schema.store(ctx).has(this.keyBytes(key));
  }

  set(ctx: StoreContext, key: K, value: V): void {
    this.schema.store(ctx).set(this.keyBytes(key), this.valueCodec.encode(value));
  }

  /** Deletes `key`; nothing happens when it is absent. */
  remove(ctx: StoreContext, key: K): void {
    this.schema.store(ctx).delete(this.keyBytes(key));
  }

  /**
   * The entries of `range` in key order (descending with `reverse`). Stopping early (break,
   * return, a throw) closes the store iterator.
   */
  *iterate(ctx: StoreContext, range?: Range<K>): Generator<[K, V]> {
    for (const [key, value] of this.iterateRaw(ctx, range)) yield [this.decodeKey(key), this.valueCodec.decode(value)];
  }

  *keys(ctx: StoreContext, range?: Range<K>): Generator<K> {
    for (const [key] of this.iterateRaw(ctx, range)) yield this.decodeKey(key);
  }

  *values(ctx: StoreContext, range?: Range<K>): Generator<V> {
    for (const [, value] of this.iterateRaw(ctx, range)) yield this.valueCodec.decode(value);
  }

  /** The raw entries of `range`, keys without the collection's prefix. */
  *iterateRaw(ctx: StoreContext, range?: Range<K>): Generator<[Uint8Array, Uint8Array]> {
    const bounds = storeBounds(this.prefix, this.keyCodec, range);
    if (bounds === undefined) return;
    for (const [key, value] of this.schema.store(ctx).iterator(bounds.start, bounds.end, bounds.reverse)) yield [key.subarray(this.prefix.length), value];
  }
}

/** A set of keys (the SDK's KeySet): each key stored with an empty value. */
export class KeySet<K> {
  private readonly map: Map<K, void>;

  constructor(schema: SchemaBuilder, prefix: Prefix, name: string, keyCodec: KeyCodec<K>) {
    this.map = new Map(schema, prefix, name, keyCodec, noValue);
  }

  get prefix(): Uint8Array {
    return this.map.prefix;
  }

  get keyCodec(): KeyCodec<K> {
    return this.map.keyCodec;
  }

  keyBytes(key: K): Uint8Array {
    return this.map.keyBytes(key);
  }

  decodeKey(bytes: Uint8Array): K {
    return this.map.decodeKey(bytes);
  }

  has(ctx: StoreContext, key: K): boolean {
    return this.map.has(ctx, key);
  }

  set(ctx: StoreContext, key: K): void {
    this.map.set(ctx, key);
  }

  remove(ctx: StoreContext, key: K): void {
    this.map.remove(ctx, key);
  }

  /** The keys of `range` in order (descending with `reverse`). */
  keys(ctx: StoreContext, range?: Range<K>): Generator<K> {
    return this.map.keys(ctx, range);
  }

  iterateRaw(ctx: StoreContext, range?: Range<K>): Generator<[Uint8Array, Uint8Array]> {
    return this.map.iterateRaw(ctx, range);
  }
}
