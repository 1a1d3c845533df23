// Indexes an IndexedMap keeps beside its records (the SDK's collections/indexes): Unique and
// Multi reference a field of the value; a key index (the SDK's ReversePair, generalised)
// stores the primary key's parts in another order and needs no value at all.
import { bytesEqual } from '../encoding.js';
import { CollectionConflictError, type KeyCodec } from './codec.js';
import { pairKey, type CompositeKeyCodec, type Pair, type PrefixOf } from './composite.js';
import { KeySet, Map } from './map.js';
import type { Range } from './range.js';
import type { Prefix, SchemaBuilder, StoreContext } from './schema.js';
import { keyValue } from './values.js';

/**
 * One index of an IndexedMap. `oldValue` reads the record as stored before the write; it
 * reads the store only when called, so an index that derives its keys from the primary key
 * alone costs no read (and no gas).
 */
export interface Index<PK, V> {
  reference(ctx: StoreContext, pk: PK, value: V, oldValue: () => V | undefined): void;
  unreference(ctx: StoreContext, pk: PK, oldValue: () => V | undefined): void;
}

/** A reference key that at most one record may have (the SDK's indexes.Unique): Map<RK, PK>. */
export class UniqueIndex<RK, PK, V> implements Index<PK, V> {
  readonly refKeys: Map<RK, PK>;

  constructor(schema: SchemaBuilder, prefix: Prefix, name: string, refCodec: KeyCodec<RK>, pkCodec: KeyCodec<PK>, private readonly refKey: (pk: PK, value: V) => RK) {
    this.refKeys = new Map(schema, prefix, name, refCodec, keyValue(pkCodec));
  }

  reference(ctx: StoreContext, pk: PK, value: V, oldValue: () => V | undefined): void {
    const ref = this.refKey(pk, value);
    const old = oldValue();
    if (old !== undefined) {
      const oldRef = this.refKey(pk, old);
      if (bytesEqual(this.refKeys.keyBytes(oldRef), this.refKeys.keyBytes(ref))) return;
      this.refKeys.remove(ctx, oldRef);
    }
    if (this.refKeys.has(ctx, ref)) throw new CollectionConflictError(`index uniqueness constraint violation: ${this.refKeys.keyCodec.stringify(ref)}`);
    this.refKeys.set(ctx, ref, pk);
  }

  unreference(ctx: StoreContext, pk: PK, oldValue: () => V | undefined): void {
    const old = oldValue();
    if (old !== undefined) this.refKeys.remove(ctx, this.refKey(pk, old));
  }

  /** The primary key of the record whose reference key is `ref`. */
  matchExact(ctx: StoreContext, ref: RK): PK | undefined {
    return this.refKeys.get(ctx, ref);
  }

  iterate(ctx: StoreContext, range?: Range<RK>): Generator<[RK, PK]> {
    return this.refKeys.iterate(ctx, range);
  }
}

/** A reference key that many records may share (the SDK's indexes.Multi): KeySet<(RK, PK)>. */
export class MultiIndex<RK, PK, V> implements Index<PK, V> {
  readonly refKeys: KeySet<Pair<RK, PK>>;

  constructor(schema: SchemaBuilder, prefix: Prefix, name: string, refCodec: KeyCodec<RK>, pkCodec: KeyCodec<PK>, private readonly refKey: (pk: PK, value: V) => RK) {
    this.refKeys = new KeySet(schema, prefix, name, pairKey(refCodec, pkCodec));
  }

  reference(ctx: StoreContext, pk: PK, value: V, oldValue: () => V | undefined): void {
    const entry: Pair<RK, PK> = [this.refKey(pk, value), pk];
    const old = oldValue();
    if (old !== undefined) {
      const oldEntry: Pair<RK, PK> = [this.refKey(pk, old), pk];
      if (!bytesEqual(this.refKeys.keyBytes(oldEntry), this.refKeys.keyBytes(entry))) this.refKeys.remove(ctx, oldEntry);
    }
    this.refKeys.set(ctx, entry);
  }

  unreference(ctx: StoreContext, pk: PK, oldValue: () => V | undefined): void {
    const old = oldValue();
    if (old !== undefined) this.refKeys.remove(ctx, [this.refKey(pk, old), pk]);
  }

  /** The primary keys of every record whose reference key is `ref`, in primary-key order. */
  *matchExact(ctx: StoreContext, ref: RK): Generator<PK> {
    for (const [, pk] of this.refKeys.keys(ctx, { prefix: [ref] as PrefixOf<Pair<RK, PK>> })) yield pk;
  }

  iterate(ctx: StoreContext, range?: Range<Pair<RK, PK>>): Generator<Pair<RK, PK>> {
    return this.refKeys.keys(ctx, range);
  }
}

/**
 * An index whose key is the primary key rearranged (the SDK's indexes.ReversePair is the case
 * (k1, k2) → (k2, k1)): records by their second or third part, with no read of the old value.
 */
export class KeyIndex<IK, PK, V = unknown> implements Index<PK, V> {
  readonly indexKeys: KeySet<IK>;

  constructor(
    schema: SchemaBuilder,
    prefix: Prefix,
    name: string,
    indexCodec: KeyCodec<IK>,
    private readonly toIndexKey: (pk: PK) => IK,
    private readonly toPrimaryKey: (ik: IK) => PK,
  ) {
    this.indexKeys = new KeySet(schema, prefix, name, indexCodec);
  }

  reference(ctx: StoreContext, pk: PK): void {
    this.indexKeys.set(ctx, this.toIndexKey(pk));
  }

  unreference(ctx: StoreContext, pk: PK): void {
    this.indexKeys.remove(ctx, this.toIndexKey(pk));
  }

  /** The primary keys whose index keys are in `range`, in index-key order. */
  *primaryKeys(ctx: StoreContext, range?: Range<IK>): Generator<PK> {
    for (const ik of this.indexKeys.keys(ctx, range)) yield this.toPrimaryKey(ik);
  }

  has(ctx: StoreContext, range: Range<IK>): boolean {
    for (const _ of this.indexKeys.iterateRaw(ctx, range)) return true;
    return false;
  }
}

/** The SDK's ReversePair index: (k1, k2) records found by k2. */
export function reversePairIndex<K1, K2, V = unknown>(schema: SchemaBuilder, prefix: Prefix, name: string, pkCodec: CompositeKeyCodec<Pair<K1, K2>>): KeyIndex<Pair<K2, K1>, Pair<K1, K2>, V> {
  const [k1, k2] = pkCodec.parts as [KeyCodec<K1>, KeyCodec<K2>];
  return new KeyIndex(schema, prefix, name, pairKey(k2, k1), ([a, b]) => [b, a], ([b, a]) => [a, b]);
}
