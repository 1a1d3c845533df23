// Read-only views of committed state. CheckTx and queries must see the last committed block,
// never the writes of a block still being finalized (which the store holds until Commit).
import { memoizeReads } from './read-memo.js';
import { CacheMultiStore, StoreError, type CommitMultiStore, type KVStore, type MultiStore } from './store/index.js';

/** Every store of `store` as of committed `version`; writes throw (branch it to write). */
export function committedView(store: CommitMultiStore, version: number): MultiStore {
  const readers = new Map<string, KVStore>();
  const view: MultiStore = {
    storeNames: store.storeNames,
    getStore(name: string): KVStore {
      let reader = readers.get(name);
      if (reader === undefined) {
        const r = store.readerAt(name, version);
        // A committed version never changes, so its reads can be remembered for the view's life.
        reader = memoizeReads({
          get: (key) => r.get(key),
          has: (key) => r.has(key),
          iterator: (start, end, reverse) => r.iterator(start, end, reverse),
          set: () => {
            throw new StoreError(`committed version ${version} of store ${name} is read-only`);
          },
          delete: () => {
            throw new StoreError(`committed version ${version} of store ${name} is read-only`);
          },
        });
        readers.set(name, reader);
      }
      return reader;
    },
    branch: () => new CacheMultiStore(view),
  };
  return view;
}
