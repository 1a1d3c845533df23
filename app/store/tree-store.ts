import { StoreError } from './errors.js';
import { assertValidKey, assertValidValue, mergeOverlay, type Entry, type KVStore } from './kv.js';
import { MutableTree } from './iavl/mutable-tree.js';
import type { RootRecord, TreeDB } from './iavl/tree-db.js';
import { SortedWrites } from './sorted-writes.js';

const EMPTY_KEY = Buffer.alloc(0);

/**
 * One module's committed store: the latest committed state (LMDB flat index) under the writes
 * of the block being built. Writes reach the IAVL tree only when the block's hash is asked
 * for, and then in key order, so the root never depends on the order writes were made in.
 */
export class TreeStore implements KVStore {
  /** Every write since the last commit, for reads and the flat index. */
  private pending = new SortedWrites();
  /**
   * The writes of the version being committed, until LMDB has them: the flat index only
   * shows them once the commit lands, and reads in between must already see them.
   */
  private committing: SortedWrites | undefined;
  /** Writes not yet applied to the tree. */
  private readonly dirty = new SortedWrites();
  readonly tree: MutableTree;

  constructor(readonly db: TreeDB, version: number, root: RootRecord | undefined) {
    this.tree = new MutableTree(db, version, root);
  }

  get name(): string {
    return this.db.name;
  }

  get(key: Uint8Array): Uint8Array | undefined {
    assertValidKey(key);
    let pending = this.pending.lookup(key);
    // null is a pending delete, which must hide the layers below.
    if (pending === undefined && this.committing) pending = this.committing.lookup(key);
    if (pending !== undefined) return pending ?? undefined;
    return this.committedGet(key);
  }

  has(key: Uint8Array): boolean {
    return this.get(key) !== undefined;
  }

  set(key: Uint8Array, value: Uint8Array): void {
    assertValidKey(key);
    assertValidValue(value);
    this.pending.put(key, value);
    this.dirty.put(key, value);
  }

  delete(key: Uint8Array): void {
    assertValidKey(key);
    this.pending.put(key, null);
    this.dirty.put(key, null);
  }

  iterator(start?: Uint8Array, end?: Uint8Array, reverse = false): IterableIterator<Entry> {
    let committed: Iterator<Entry> = this.committedRange(start, end, reverse);
    if (this.committing) committed = mergeOverlay(committed, this.committing.range(start, end, reverse), reverse);
    return mergeOverlay(committed, this.pending.range(start, end, reverse), reverse);
  }

  /** The latest committed value, ignoring the block being built (one LMDB read). */
  committedGet(key: Uint8Array): Uint8Array | undefined {
    return this.db.flat.getBinary(Buffer.from(key.buffer, key.byteOffset, key.byteLength));
  }

  /** Committed entries with start ≤ key < end, ignoring the block being built. */
  *committedRange(start: Uint8Array | undefined, end: Uint8Array | undefined, reverse: boolean): Generator<Entry> {
    const lo = start && Buffer.from(start);
    const hi = end && Buffer.from(end);
    if (!reverse) {
      for (const { key, value } of this.db.flat.getRange({ start: lo, end: hi })) yield [key, value];
      return;
    }
    // LMDB's reverse ranges exclude their end, so walk down from `end` and stop below `start`.
    // The explicit empty end matters: lmdb-js would otherwise stop before the key 0x00.
    for (const { key, value } of this.db.flat.getRange({ start: hi, exclusiveStart: true, end: EMPTY_KEY, reverse: true })) {
      if (lo && Buffer.compare(key, lo) < 0) return;
      yield [key, value];
    }
  }

  /** Numbers this tree's first version; only before anything was applied to it. */
  setBaseVersion(version: number): void {
    if (this.tree.rootNode) throw new StoreError(`store ${this.name} already holds a working tree; set the initial version before writing`);
    this.tree.version = version;
  }

  /** Applies outstanding writes to the tree (in key order) and returns its root hash. */
  workingHash(): Uint8Array {
    for (const [key, value] of this.dirty.entries()) {
      if (value === null) this.tree.remove(key);
      else this.tree.set(key, value);
    }
    this.dirty.clear();
    return this.tree.workingHash();
  }

  /** Drops the writes of the block being built: the store shows its last commit again. */
  discardPending(): void {
    if (this.committing) throw new StoreError(`store ${this.name}: cannot discard writes while a commit is landing`);
    this.pending = new SortedWrites();
    this.dirty.clear();
    this.tree.rollback();
  }

  /** Queues this store's part of the commit of `version`; returns the store root. */
  saveVersion(version: number): RootRecord {
    this.workingHash();
    const record = this.tree.saveVersion(version);
    for (const [key, value] of this.pending.entries()) {
      const k = Buffer.from(key.buffer, key.byteOffset, key.byteLength);
      if (value === null) void this.db.flat.remove(k);
      else void this.db.flat.put(k, Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
    this.committing = this.pending;
    this.pending = new SortedWrites();
    return record;
  }

  /** The commit has landed: the flat index now shows what `committing` held. */
  committed(): void {
    this.committing = undefined;
    this.db.releaseWrites();
  }

  get pendingWrites(): number {
    return this.pending.size;
  }
}
