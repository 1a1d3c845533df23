// IndexedMap (the SDK's collections.IndexedMap): a Map whose indexes follow every write, so a
// record and the ways to find it cannot disagree.
import type { KeyCodec, ValueCodec } from './codec.js';
import type { Index } from './indexes.js';
import { Map } from './map.js';
import type { Range } from './range.js';
import type { Prefix, SchemaBuilder, StoreContext } from './schema.js';

export class IndexedMap<PK, V, I extends Record<string, Index<PK, V>>> {
  readonly map: Map<PK, V>;

  constructor(
    schema: SchemaBuilder,
    prefix: Prefix,
    name: string,
    pkCodec: KeyCodec<PK>,
    valueCodec: ValueCodec<V>,
    readonly indexes: I,
  ) {
    this.map = new Map(schema, prefix, name, pkCodec, valueCodec);
  }

  get(ctx: StoreContext, pk: PK): V | undefined {
    return this.map.get(ctx, pk);
  }

  has(ctx: StoreContext, pk: PK): boolean {
    return this.map.has(ctx, pk);
  }

  /**
   * Writes the record and brings every index up to date. The stored record is read (once) only
   * if an index needs it. A unique index's conflict throws after earlier indexes were written,
   * as in the SDK: run writes inside a store branch (every tx does) so a failure keeps nothing.
   */
  set(ctx: StoreContext, pk: PK, value: V): void {
    const old = this.lazyOld(ctx, pk);
    for (const index of Object.values(this.indexes)) index.reference(ctx, pk, value, old);
    this.map.set(ctx, pk, value);
  }

  /** Deletes the record and its index entries; nothing happens to the record when it is absent. */
  remove(ctx: StoreContext, pk: PK): void {
    const old = this.lazyOld(ctx, pk);
    for (const index of Object.values(this.indexes)) index.unreference(ctx, pk, old);
    this.map.remove(ctx, pk);
  }

  iterate(ctx: StoreContext, range?: Range<PK>): Generator<[PK, V]> {
    return this.map.iterate(ctx, range);
  }

  keys(ctx: StoreContext, range?: Range<PK>): Generator<PK> {
    return this.map.keys(ctx, range);
  }

  values(ctx: StoreContext, range?: Range<PK>): Generator<V> {
    return this.map.values(ctx, range);
  }

  private lazyOld(ctx: StoreContext, pk: PK): () => V | undefined {
    let read = false;
    let old: V | undefined;
    return () => {
      if (!read) {
        old = this.map.get(ctx, pk);
        read = true;
      }
      return old;
    };
  }
}
