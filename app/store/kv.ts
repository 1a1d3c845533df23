import { InvalidKeyValueError } from './errors.js';
import { compareBytes } from './encoding.js';

export type Entry = [key: Uint8Array, value: Uint8Array];

/** Read access to an ordered key-value store. */
export interface ReadonlyKVStore {
  get(key: Uint8Array): Uint8Array | undefined;
  has(key: Uint8Array): boolean;
  /** Entries with start ≤ key < end (either bound optional), ascending or, with reverse, descending. */
  iterator(start?: Uint8Array, end?: Uint8Array, reverse?: boolean): IterableIterator<Entry>;
}

/** An ordered key-value store: what a module's keeper reads and writes. */
export interface KVStore extends ReadonlyKVStore {
  set(key: Uint8Array, value: Uint8Array): void;
  delete(key: Uint8Array): void;
}

/** Longest key the store accepts (LMDB keys the flat index by it; ICS-24 paths are far shorter). */
export const MAX_KEY_BYTES = 1024;
/** Largest value the store accepts. */
export const MAX_VALUE_BYTES = 64 * 1024 * 1024;

export function assertValidKey(key: Uint8Array): void {
  if (!(key instanceof Uint8Array)) throw new InvalidKeyValueError('key must be a Uint8Array');
  if (key.length === 0) throw new InvalidKeyValueError('key must not be empty');
  if (key.length > MAX_KEY_BYTES) throw new InvalidKeyValueError(`key is ${key.length} bytes; the limit is ${MAX_KEY_BYTES}`);
}

export function assertValidValue(value: Uint8Array): void {
  if (!(value instanceof Uint8Array)) throw new InvalidKeyValueError('value must be a Uint8Array; use delete() to remove a key');
  if (value.length > MAX_VALUE_BYTES) throw new InvalidKeyValueError(`value is ${value.length} bytes; the limit is ${MAX_VALUE_BYTES}`);
}

/** The first key after every key that starts with `prefix` (undefined when there is none). */
export function prefixEnd(prefix: Uint8Array): Uint8Array | undefined {
  const end = Uint8Array.from(prefix);
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i]! < 0xff) {
      end[i]!++;
      return end.subarray(0, i + 1);
    }
  }
  return undefined;
}

/** Every entry whose key starts with `prefix`. */
/**
 * The first entry of a store iterator, closing it: an unclosed LMDB range holds a read
 * transaction, and a node that leaks them runs out of readers.
 */
export function firstEntry(entries: IterableIterator<Entry>): Entry | undefined {
  for (const entry of entries) return entry;
  return undefined;
}

export function prefixIterator(store: ReadonlyKVStore, prefix: Uint8Array, reverse = false): IterableIterator<Entry> {
  return store.iterator(prefix, prefixEnd(prefix), reverse);
}

/** A pending write: a value, or null for a delete. */
export type Overlay = [key: Uint8Array, value: Uint8Array | null];

/**
 * Merges a parent iterator with sorted pending writes over the same range, the writes
 * winning on equal keys and deletes hiding the parent's entry.
 */
export function* mergeOverlay(parent: Iterator<Entry>, overlay: Overlay[], reverse: boolean): Generator<Entry> {
  // Closing the parent when the consumer stops early matters: an LMDB range holds a read
  // transaction until it is closed, and leaked ones exhaust the environment's readers.
  try {
    const dir = reverse ? -1 : 1;
    let p = parent.next();
    let i = 0;
    while (!p.done || i < overlay.length) {
      if (i >= overlay.length) {
        yield p.value as Entry;
        p = parent.next();
        continue;
      }
      const [key, value] = overlay[i]!;
      const cmp = p.done ? 1 : compareBytes((p.value as Entry)[0], key) * dir;
      if (cmp < 0) {
        yield p.value as Entry;
        p = parent.next();
        continue;
      }
      if (cmp === 0) p = parent.next();
      i++;
      if (value !== null) yield [key, value];
    }
  } finally {
    parent.return?.();
  }
}
