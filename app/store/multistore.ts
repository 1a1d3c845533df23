import { open, type Database, type RootDatabase } from 'lmdb';
import { CommitInfo as CommitInfoProto } from 'cosmjs-types/cosmos/store/v1beta1/commit_info';
import { CommitmentProof } from 'cosmjs-types/cosmos/ics23/v1/proofs';
import type { ProofOp } from 'cosmjs-types/tendermint/crypto/proof';
import { CacheMultiStore, type MultiStore } from './cache.js';
import { commitInfoHash, storeRootProof, type StoreInfo } from './commit-info.js';
import { AppHashMismatchError, StoreError, VersionNotFoundError } from './errors.js';
import { bytesEqual } from './encoding.js';
import { EMPTY_HASH } from './hash.js';
import { commitmentProof } from './iavl/proof.js';
import { getValue, iterateTree } from './iavl/reader.js';
import { decodeVersion, encodeVersion, TreeDB } from './iavl/tree-db.js';
import { decodeNodeKey, hashNode, makeNodeKey, type Node } from './iavl/node.js';
import { assertValidKey, type Entry, type ReadonlyKVStore } from './kv.js';
import { pruneHeight, pruningPolicy, type PruningOptions, type PruningPolicy } from './pruning.js';
import { TreeStore } from './tree-store.js';

function* treeEntries(db: TreeDB, root: Node | undefined, start: Uint8Array | undefined, end: Uint8Array | undefined, reverse: boolean): Generator<Entry> {
  for (const leaf of iterateTree(db, root, start, end, reverse)) yield [leaf.key, leaf.value!];
}

/** Rebuilds trees from snapshot nodes; see `CommitMultiStore.beginImport`. */
export interface SnapshotImporter {
  addNode(store: string, node: Node): void;
  setRoot(store: string, root: Node | undefined): void;
  flush(): Promise<void>;
  /**
   * Commits the imported version, unless its app hash differs from `expectedHash`: then it
   * throws and writes nothing, so the store stays empty and another snapshot may be restored.
   */
  finish(expectedHash?: Uint8Array): Promise<CommitId>;
}

export interface CommitId {
  version: number;
  hash: Uint8Array;
}

export interface MultiStoreOptions {
  /** Folder of the LMDB environment (created if missing). */
  path: string;
  /** One store per module store key. New names may be added to an existing database. */
  stores: readonly string[];
  pruning?: PruningOptions;
  /** Version of the first commit of a new database (the chain's initial height). */
  initialVersion?: number;
  /** Persisted nodes kept in memory per store, at most (default 262,144: about 200 MiB of JS heap at most). */
  cacheNodesPerStore?: number;
  /** LMDB map size in bytes: the most the database may grow to. */
  mapSize?: number;
}

/** The answer to a store query, with the SDK's two proof ops when asked to prove. */
export interface QueryResult {
  key: Uint8Array;
  value: Uint8Array | undefined;
  version: number;
  proofOps?: ProofOp[];
}

const LATEST_KEY = Buffer.from('latest');
const commitInfoKey = (version: number) => Buffer.concat([Buffer.from('ci/'), encodeVersion(version)]);
const BINARY = { keyEncoding: 'binary', encoding: 'binary' } as const;

/**
 * The committed state of a zone: one IAVL tree per module store in one LMDB environment.
 * Blocks write through cache branches; `commit()` persists every store's new version, the
 * commit info and the latest-version pointer in a single LMDB transaction, so a killed
 * process restarts at exactly the last committed version.
 */
export class CommitMultiStore implements MultiStore {
  private readonly stores = new Map<string, TreeStore>();
  private latest: CommitId;
  private readonly policy: PruningPolicy;
  private closed = false;
  private committing = false;
  /** Versions pruning must keep for now (state-sync snapshots being written), with a count each. */
  private readonly protectedVersions = new Map<number, number>();

  private constructor(
    private readonly env: RootDatabase,
    private readonly meta: Database<Buffer, Buffer>,
    readonly storeNames: readonly string[],
    private options: MultiStoreOptions,
  ) {
    this.policy = pruningPolicy(options.pruning ?? { strategy: 'default' });
    const latestBytes = meta.getBinary(LATEST_KEY);
    const version = latestBytes ? decodeVersion(latestBytes) : 0;
    const committed = version > 0 ? this.commitInfo(version) : [];
    for (const info of committed) {
      if (!storeNames.includes(info.name)) {
        throw new StoreError(`the database has store ${info.name}, which is not in the store list; removing a store needs a migration`);
      }
    }
    // A store added to an existing chain starts empty at the next version.
    const baseVersion = version > 0 ? version : Math.max(0, (options.initialVersion ?? 1) - 1);
    for (const name of storeNames) {
      const db = new TreeDB(env, name, options.cacheNodesPerStore ?? 262_144);
      this.stores.set(name, new TreeStore(db, baseVersion, version > 0 ? db.getRoot(version) : undefined));
    }
    this.latest = { version, hash: version > 0 ? commitInfoHash(committed) : EMPTY_HASH };
  }

  static open(options: MultiStoreOptions): CommitMultiStore {
    const names = [...new Set(options.stores)].sort();
    if (names.length !== options.stores.length) throw new StoreError('store names must be unique');
    for (const name of names) {
      if (!/^[a-z0-9_\-]{1,48}$/.test(name)) throw new StoreError(`store name "${name}" must be 1-48 characters of a-z, 0-9, _ or -`);
    }
    const env = open({
      path: options.path,
      maxDbs: 8 + names.length * 4,
      mapSize: options.mapSize ?? 64 * 1024 ** 3,
      // Always a folder, even when its name has a dot (lmdb-js would take it for a file).
      noSubdir: false,
      ...BINARY,
    });
    const meta = env.openDB<Buffer, Buffer>('meta', BINARY);
    return new CommitMultiStore(env, meta, names, options);
  }

  /** The last committed version and app hash (what ABCI Info reports). */
  lastCommitId(): CommitId {
    return this.latest;
  }

  getStore(name: string): TreeStore {
    const store = this.stores.get(name);
    if (!store) throw new StoreError(`no store named ${name}; known stores: ${this.storeNames.join(', ')}`);
    return store;
  }

  branch(): CacheMultiStore {
    return new CacheMultiStore(this);
  }

  /** The app hash the pending writes will commit to (FinalizeBlock's app_hash); persists nothing. */
  workingHash(): Uint8Array {
    return commitInfoHash(this.storeNames.map((name) => ({ name, hash: this.getStore(name).workingHash() })));
  }

  /** Drops every store's pending writes: the next block starts again from the last commit. */
  discardPending(): void {
    this.assertOpen();
    for (const store of this.stores.values()) store.discardPending();
  }

  /** Persists the pending writes of every store as the next version, atomically. */
  async commit(): Promise<CommitId> {
    this.assertOpen();
    if (this.committing) throw new StoreError('a commit is already in progress; await it before committing again');
    this.committing = true;
    try {
      return await this.commitNext();
    } finally {
      this.committing = false;
    }
  }

  private async commitNext(): Promise<CommitId> {
    const version = this.latest.version > 0 ? this.latest.version + 1 : Math.max(1, this.options.initialVersion ?? 1);
    // Everything from here to the await is queued into one LMDB write batch, which lmdb-js
    // commits as one transaction (all writes of one event turn): all stores or none.
    const infos: StoreInfo[] = this.storeNames.map((name) => ({ name, hash: this.getStore(name).saveVersion(version).hash }));
    this.queueCommitInfo(version, infos);
    const upTo = pruneHeight(this.policy, version, this.oldestProtected());
    if (upTo > 0) this.queuePrune(upTo);
    await this.meta.put(LATEST_KEY, encodeVersion(version));
    for (const store of this.stores.values()) store.committed();
    this.latest = { version, hash: commitInfoHash(infos) };
    return this.latest;
  }

  /**
   * Keeps committed `version` from pruning until `release` (a snapshot of it is being written
   * while later blocks commit). Returns the release function; calling it twice is harmless.
   */
  protectVersion(version: number): () => void {
    this.protectedVersions.set(version, (this.protectedVersions.get(version) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const count = this.protectedVersions.get(version)! - 1;
      if (count === 0) this.protectedVersions.delete(version);
      else this.protectedVersions.set(version, count);
    };
  }

  private oldestProtected(): number | undefined {
    return this.protectedVersions.size === 0 ? undefined : Math.min(...this.protectedVersions.keys());
  }

  /** Versions that can be read and proved, oldest first. */
  availableVersions(): number[] {
    const first = this.storeNames[0];
    if (!first) return [];
    return [...this.getStore(first).db.roots.getKeys({})].map((k) => decodeVersion(k));
  }

  /** Store roots of a committed version, from its commit info. */
  commitInfo(version: number): StoreInfo[] {
    const bytes = this.meta.getBinary(commitInfoKey(version));
    if (!bytes) throw this.missing(version);
    return CommitInfoProto.decode(bytes).storeInfos.map((s) => ({ name: s.name, hash: s.commitId.hash }));
  }

  /** Read-only view of one store at a committed version. */
  readerAt(name: string, version: number = this.latest.version): ReadonlyKVStore {
    const root = this.rootAt(name, version);
    const store = this.getStore(name);
    const db = store.db;
    // While `version` is the latest and no commit is landing, the flat index holds exactly its
    // values: one LMDB read instead of a walk down the tree. Checked per read, so a reader
    // kept across a commit falls back to the tree and keeps showing its own version.
    const flat = () => version === this.latest.version && !this.committing;
    return {
      get: (key) => {
        assertValidKey(key);
        return flat() ? store.committedGet(key) : getValue(db, root, key);
      },
      has: (key) => (flat() ? store.committedGet(key) : getValue(db, root, key)) !== undefined,
      iterator: (start?: Uint8Array, end?: Uint8Array, reverse = false): IterableIterator<Entry> =>
        flat() ? store.committedRange(start, end, reverse) : treeEntries(db, root, start, end, reverse),
    };
  }

  /**
   * Sets the version of the first commit (the chain's initial height, from InitChain) on a
   * store that has not committed or hashed anything yet.
   */
  setInitialVersion(version: number): void {
    if (!Number.isSafeInteger(version) || version < 1) throw new StoreError(`initial version ${version} must be a positive integer`);
    if (this.latest.version !== 0) throw new StoreError(`the store already has version ${this.latest.version}; the initial version applies to a new chain only`);
    for (const store of this.stores.values()) store.setBaseVersion(version - 1);
    this.options = { ...this.options, initialVersion: version };
  }

  /**
   * A raw store query (ABCI `store/<name>/key`). With `prove`, returns the SDK's proof ops:
   * `ics23:iavl` (key in the store's tree) then `ics23:simple` (store root in the app hash).
   */
  query(name: string, key: Uint8Array, version: number = this.latest.version, prove = false): QueryResult {
    assertValidKey(key);
    const root = this.rootAt(name, version);
    const db = this.getStore(name).db;
    const value = getValue(db, root, key);
    if (!prove) return { key, value, version };
    const iavl = commitmentProof(db, root, key);
    const simple = storeRootProof(this.commitInfo(version), name);
    return {
      key,
      value,
      version,
      proofOps: [
        { type: 'ics23:iavl', key, data: CommitmentProof.encode(iavl).finish() },
        { type: 'ics23:simple', key: Buffer.from(name, 'utf8'), data: CommitmentProof.encode(simple).finish() },
      ],
    };
  }

  /** One store's tree at a committed version, for exporters that walk it. */
  treeAt(name: string, version: number): { db: TreeDB; root: Node | undefined } {
    return { db: this.getStore(name).db, root: this.rootAt(name, version) };
  }

  /**
   * Starts rebuilding the trees of `version` into this empty store (state sync). Nodes are
   * written as they are added, children before parents; `finish()` writes the root records,
   * commit info and the latest-version pointer last, in one transaction, so an interrupted
   * import leaves an empty store.
   */
  beginImport(version: number): SnapshotImporter {
    if (this.latest.version !== 0) throw new StoreError('a snapshot can only be restored into an empty store');
    if (!Number.isSafeInteger(version) || version < 1) throw new StoreError(`snapshot version ${version} must be a positive integer`);
    const roots = new Map<string, Node | undefined>();
    const nonces = new Map<string, number>();
    return {
      addNode: (name, node) => {
        const db = this.getStore(name).db;
        if (!node.isLeaf()) {
          for (const child of [node.leftNode!, node.rightNode!]) {
            if (child.nodeKey === undefined) throw new StoreError('snapshot nodes must arrive children first');
          }
          node.detachChildren();
        }
        hashNode(node);
        // Imported nodes count down from the version's first key: normal commits later only
        // ever use keys above it, and a store may hold more nodes than one version's nonces.
        const nonce = (nonces.get(name) ?? 0) + 1;
        nonces.set(name, nonce);
        node.nodeKey = makeNodeKey(version, 0) - nonce;
        if (node.nodeKey <= 0) throw new StoreError(`store ${name} has too many nodes to import at version ${version}`);
        db.putNode(node, false);
        if (node.isLeaf()) void db.flat.put(Buffer.from(node.key), Buffer.from(node.value!));
      },
      flush: async () => {
        await this.env.committed;
        for (const store of this.stores.values()) store.db.releaseWrites();
      },
      setRoot: (name, root) => {
        this.getStore(name);
        roots.set(name, root);
      },
      finish: async (expectedHash) => {
        const records = this.storeNames.map((name) => {
          const root = roots.get(name);
          return { name, record: root ? { hash: root.hash!, nodeKey: root.nodeKey } : { hash: EMPTY_HASH, nodeKey: undefined } };
        });
        const infos: StoreInfo[] = records.map(({ name, record }) => ({ name, hash: record.hash }));
        const hash = commitInfoHash(infos);
        if (expectedHash !== undefined && !bytesEqual(hash, expectedHash)) {
          throw new AppHashMismatchError(hash, expectedHash);
        }
        for (const { name, record } of records) this.getStore(name).db.putRoot(version, record);
        this.queueCommitInfo(version, infos);
        await this.meta.put(LATEST_KEY, encodeVersion(version));
        for (const name of this.storeNames) {
          this.getStore(name).db.releaseWrites();
          const db = this.getStore(name).db;
          this.stores.set(name, new TreeStore(db, version, db.getRoot(version)));
        }
        this.latest = { version, hash };
        return this.latest;
      },
    };
  }

  /**
   * Makes committed `version` the latest again, forgetting every later one (the SDK's
   * `RollbackToVersion`, for `zonekit rollback`): their root records, commit info, the nodes
   * they created and their orphan records go, and the flat index gets back the values of
   * `version` for every key they changed. All in one LMDB transaction: killed at any instant,
   * the store is either as it was or rolled back. The next commit writes `version + 1` anew.
   */
  async rollbackToVersion(version: number): Promise<CommitId> {
    this.assertOpen();
    if (this.committing) throw new StoreError('a commit is in progress; roll back a stopped node only');
    const latest = this.latest.version;
    if (!Number.isSafeInteger(version) || version < 1) throw new StoreError(`cannot roll back to version ${version}: versions start at 1`);
    if (version > latest) throw new StoreError(`cannot roll back to version ${version}: the latest committed version is ${latest}`);
    if (!this.meta.getBinary(commitInfoKey(version))) {
      throw new StoreError(`cannot roll back to version ${version}: it was pruned (the oldest kept is ${this.availableVersions()[0] ?? 'none'}); pruning must keep the versions to roll back to`);
    }
    if (version < latest) {
      await this.env.committed;
      const plans = this.storeNames.map((name) => {
        const db = this.getStore(name).db;
        const root = this.rootAt(name, version);
        const changes = db.changesAfter(version);
        const restore = [...changes.keys.values()].map((key) => ({ key: Buffer.from(key), value: getValue(db, root, key) }));
        return { db, changes, restore };
      });
      const after = encodeVersion(version + 1);
      this.env.transactionSync(() => {
        for (const { db, changes, restore } of plans) {
          for (const key of changes.nodes) db.nodes.removeSync(key);
          for (const key of changes.orphanRecords) db.orphans.removeSync(key);
          for (const key of [...db.roots.getKeys({ start: after })]) {
            db.roots.removeSync(key);
            this.meta.removeSync(commitInfoKey(decodeVersion(key)));
          }
          for (const { key, value } of restore) {
            if (value === undefined) db.flat.removeSync(key);
            else db.flat.putSync(key, Buffer.from(value));
          }
        }
        // Commit info of a later version whose stores all were empty has no root record to find it by.
        for (let v = version + 1; v <= latest; v++) this.meta.removeSync(commitInfoKey(v));
        this.meta.putSync(LATEST_KEY, encodeVersion(version));
      });
      for (const { db, changes } of plans) for (const key of changes.nodes) db.cache.delete(decodeNodeKey(key));
    }
    // The working trees start again from `version`, with nothing pending.
    for (const name of this.storeNames) {
      const db = this.getStore(name).db;
      this.stores.set(name, new TreeStore(db, version, db.getRoot(version)));
    }
    this.latest = { version, hash: commitInfoHash(this.commitInfo(version)) };
    return this.latest;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.env.close();
  }

  private rootAt(name: string, version: number): Node | undefined {
    this.assertOpen();
    if (!Number.isSafeInteger(version) || version <= 0) throw new VersionNotFoundError(version, this.latest.version, 'versions start at 1');
    if (version > this.latest.version) throw this.missing(version);
    const store = this.getStore(name);
    const record = store.db.getRoot(version);
    if (!record) {
      // A store added after `version` was empty then; a pruned version has no commit info either.
      this.commitInfo(version);
      return undefined;
    }
    return record.nodeKey === undefined ? undefined : store.db.getNode(record.nodeKey, record.hash);
  }

  private queueCommitInfo(version: number, infos: StoreInfo[]): void {
    const encoded = CommitInfoProto.encode({
      version: BigInt(version),
      storeInfos: infos.map((i) => ({ name: i.name, commitId: { version: BigInt(version), hash: i.hash } })),
      timestamp: { seconds: 0n, nanos: 0 },
    }).finish();
    void this.meta.put(commitInfoKey(version), Buffer.from(encoded));
  }

  private missing(version: number): VersionNotFoundError {
    const reason = version > this.latest.version ? 'not committed yet' : 'pruned';
    return new VersionNotFoundError(version, this.latest.version, reason);
  }

  /**
   * Deletes every version ≤ `upTo`: root records, commit info, and the nodes no retained
   * version uses. Pruning is always a prefix of history, so an orphan whose last user is
   * ≤ `upTo` is garbage. LMDB returns the freed pages to its free list for later writes.
   */
  private queuePrune(upTo: number): void {
    const end = encodeVersion(upTo + 1);
    for (const store of this.stores.values()) {
      const db = store.db;
      for (const key of db.roots.getKeys({ end })) {
        void db.roots.remove(key);
        void this.meta.remove(commitInfoKey(decodeVersion(key)));
      }
      db.pruneOrphans(upTo);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('the store is closed');
  }
}
