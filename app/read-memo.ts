// Reads remembered for the life of one view, so the same key is not fetched from LMDB again.
// A tx reads the same few keys (its signer's account and balance, the fee collector's) several
// times, and CheckTx, ReCheckTx and FinalizeBlock read them again: gas is charged above this
// layer (GasKVStore), so remembering a read changes nothing but its cost.
import { bytesToKey } from './store/encoding.js';
import { CacheMultiStore, type KVStore, type MultiStore } from './store/index.js';

/** Past this many remembered keys a memo starts over, so memory stays bounded. */
const MEMO_MAX_KEYS = 200_000;

/**
 * `store` with a memo of its reads. Correct while nothing but this wrapper changes `store`:
 * its own writes update the memo. Iterators go to `store` (and see the writes made through here).
 */
export function memoizeReads(store: KVStore): KVStore {
  const memo = new Map<string, Uint8Array | null>();
  const get = (key: Uint8Array): Uint8Array | undefined => {
    const k = bytesToKey(key);
    const known = memo.get(k);
    if (known !== undefined) return known ?? undefined;
    const value = store.get(key);
    if (memo.size >= MEMO_MAX_KEYS) memo.clear();
    memo.set(k, value ?? null);
    return value;
  };
  return {
    get,
    has: (key) => get(key) !== undefined,
    iterator: (start, end, reverse) => store.iterator(start, end, reverse),
    set: (key, value) => {
      store.set(key, value);
      memo.set(bytesToKey(key), value);
    },
    delete: (key) => {
      store.delete(key);
      memo.set(bytesToKey(key), null);
    },
  };
}

/** Every store of `parent` behind memoizeReads; branch() branches the memoized view. */
export function memoizeMultiStoreReads(parent: MultiStore): MultiStore {
  const stores = new Map<string, KVStore>();
  const view: MultiStore = {
    storeNames: parent.storeNames,
    getStore(name) {
      let store = stores.get(name);
      if (store === undefined) {
        store = memoizeReads(parent.getStore(name));
        stores.set(name, store);
      }
      return store;
    },
    branch: () => new CacheMultiStore(view),
  };
  return view;
}
