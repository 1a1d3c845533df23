import { StoreError } from './errors.js';
import { assertValidKey, assertValidValue, mergeOverlay, type Entry, type KVStore } from './kv.js';
import { SortedWrites } from './sorted-writes.js';

/**
 * A cache branch over a parent store: reads fall through, writes stay here until `write()`
 * applies them to the parent in key order, or the branch is dropped (discard). Iterators see
 * the branch's writes merged with the parent in key order, as of the iterator's creation.
 */
export class CacheKVStore implements KVStore {
  private readonly writes = new SortedWrites();

  constructor(readonly parent: KVStore) {}

  get(key: Uint8Array): Uint8Array | undefined {
    assertValidKey(key);
    const pending = this.writes.lookup(key);
    if (pending !== undefined) return pending ?? undefined;
    return this.parent.get(key);
  }

  has(key: Uint8Array): boolean {
    return this.get(key) !== undefined;
  }

  set(key: Uint8Array, value: Uint8Array): void {
    assertValidKey(key);
    assertValidValue(value);
    this.writes.put(key, value);
  }

  delete(key: Uint8Array): void {
    assertValidKey(key);
    this.writes.put(key, null);
  }

  iterator(start?: Uint8Array, end?: Uint8Array, reverse = false): IterableIterator<Entry> {
    return mergeOverlay(this.parent.iterator(start, end, reverse), this.writes.range(start, end, reverse), reverse);
  }

  /** Applies the pending writes to the parent, in key order. */
  write(): void {
    for (const [key, value] of this.writes.entries()) {
      if (value === null) this.parent.delete(key);
      else this.parent.set(key, value);
    }
    this.writes.clear();
  }

  get pendingWrites(): number {
    return this.writes.size;
  }
}

/** A set of named stores that can be branched: the shape BaseApp and keepers see. */
export interface MultiStore {
  readonly storeNames: readonly string[];
  getStore(name: string): KVStore;
  branch(): CacheMultiStore;
}

/**
 * A branch of every store at once: one per block, one per transaction inside it, one per
 * message inside that. `write()` applies all of them to the parent; dropping it discards.
 */
export class CacheMultiStore implements MultiStore {
  private readonly stores = new Map<string, CacheKVStore>();

  constructor(private readonly parent: MultiStore) {}

  get storeNames(): readonly string[] {
    return this.parent.storeNames;
  }

  getStore(name: string): CacheKVStore {
    let store = this.stores.get(name);
    if (!store) {
      if (!this.parent.storeNames.includes(name)) throw new StoreError(`no store named ${name}; known stores: ${this.parent.storeNames.join(', ')}`);
      store = new CacheKVStore(this.parent.getStore(name));
      this.stores.set(name, store);
    }
    return store;
  }

  branch(): CacheMultiStore {
    return new CacheMultiStore(this);
  }

  write(): void {
    for (const store of this.stores.values()) store.write();
  }
}
