export { CommitMultiStore, type CommitId, type MultiStoreOptions, type QueryResult } from './multistore.js';
export { CacheKVStore, CacheMultiStore, type MultiStore } from './cache.js';
export { TreeStore } from './tree-store.js';
export { prefixStore } from './prefix.js';
export { GasKVStore, GasMeter, KV_GAS_CONFIG, OutOfGasError, type GasConfig } from './gas.js';
export { PruningOptions, pruningPolicy, pruneHeight, type PruningPolicy } from './pruning.js';
export { commitInfoHash, storeRootProof, type StoreInfo } from './commit-info.js';
export { AppHashMismatchError, StoreError, VersionNotFoundError, InvalidKeyValueError } from './errors.js';
export {
  assertValidKey,
  assertValidValue,
  firstEntry,
  prefixEnd,
  prefixIterator,
  MAX_KEY_BYTES,
  MAX_VALUE_BYTES,
  type Entry,
  type KVStore,
  type ReadonlyKVStore,
} from './kv.js';
export { exportSnapshot, exportSnapshotPaced, restoreSnapshot, SnapshotRestorer, SNAPSHOT_CHUNK_BYTES } from './snapshot.js';
