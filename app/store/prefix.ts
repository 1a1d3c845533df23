import { concatBytes } from './encoding.js';
import { prefixEnd, type Entry, type KVStore } from './kv.js';

/**
 * A view of `parent` under `prefix`: keys are read and written with the prefix prepended and
 * iterated with it stripped. How a keeper carves its store into collections.
 */
export function prefixStore(parent: KVStore, prefix: Uint8Array): KVStore {
  const full = (key: Uint8Array) => concatBytes(prefix, key);
  return {
    get: (key) => parent.get(full(key)),
    has: (key) => parent.has(full(key)),
    set: (key, value) => parent.set(full(key), value),
    delete: (key) => parent.delete(full(key)),
    *iterator(start?: Uint8Array, end?: Uint8Array, reverse = false): IterableIterator<Entry> {
      const from = start ? full(start) : prefix;
      const to = end ? full(end) : prefixEnd(prefix);
      for (const [key, value] of parent.iterator(from, to, reverse)) yield [key.subarray(prefix.length), value];
    },
  };
}
