// cosmos.base.query.v1beta1 pagination over a store prefix, as the SDK's query.Paginate:
// by key (resume after a previous page's next_key) or by offset, never both.
import type { PageRequest, PageResponse } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import { grpcInvalidArgument } from './grpc.js';
import { concatBytes } from './store/encoding.js';
import { prefixStore, type ReadonlyKVStore } from './store/index.js';
import { encodeKeyPrefix, type Map, type PrefixOf, type StoreContext } from './store/collections/index.js';

export const DEFAULT_PAGE_LIMIT = 100n;

/**
 * Calls `onEntry` for each entry of `store` (already narrowed to the collection's prefix)
 * on the requested page, in key order (or reverse), and returns the page response.
 */
export function paginate(
  store: ReadonlyKVStore,
  page: PageRequest | undefined,
  onEntry: (key: Uint8Array, value: Uint8Array) => void,
): PageResponse {
  const key = page?.key ?? new Uint8Array();
  const offset = page?.offset ?? 0n;
  const limit = page?.limit && page.limit > 0n ? page.limit : DEFAULT_PAGE_LIMIT;
  const reverse = page?.reverse ?? false;
  if (key.length > 0 && offset > 0n) throw grpcInvalidArgument('paginate: invalid request, either offset or key is expected, got both');

  if (key.length > 0) {
    const entries = reverse ? store.iterator(undefined, nextKey(key), true) : store.iterator(key, undefined, false);
    let taken = 0n;
    for (const [k, v] of entries) {
      if (taken === limit) return { nextKey: k, total: 0n };
      onEntry(k, v);
      taken++;
    }
    return { nextKey: new Uint8Array(), total: 0n };
  }

  // As the SDK: a request without a limit also counts the total.
  const countTotal = (page?.countTotal ?? false) || !(page?.limit && page.limit > 0n);
  let index = 0n;
  let next: Uint8Array | undefined;
  for (const [k, v] of store.iterator(undefined, undefined, reverse)) {
    if (index >= offset && index < offset + limit) onEntry(k, v);
    else if (index === offset + limit) {
      next = k;
      if (!countTotal) break;
    }
    index++;
  }
  return { nextKey: next ?? new Uint8Array(), total: countTotal ? index : 0n };
}

/**
 * `paginate` over a collection, or over the keys of it under `prefix` (a whole key, or the
 * leading parts of a composite one): `onEntry` gets decoded keys and values, and `next_key` is
 * relative to the narrowed range, as the SDK's `query.CollectionPaginate` with a prefix.
 */
export function paginateCollection<K, V>(
  ctx: StoreContext,
  collection: Map<K, V>,
  page: PageRequest | undefined,
  onEntry: (key: K, value: V) => void,
  prefix?: K | PrefixOf<K>,
): PageResponse {
  const within = prefix === undefined ? new Uint8Array() : encodeKeyPrefix(collection.keyCodec, prefix);
  const store = prefixStore(collection.schema.store(ctx), concatBytes(collection.prefix, within));
  return paginate(store, page, (key, value) => onEntry(collection.decodeKey(concatBytes(within, key)), collection.valueCodec.decode(value)));
}

/** The smallest key after `key` (for an inclusive reverse start). */
function nextKey(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(key.length + 1);
  out.set(key);
  return out;
}
