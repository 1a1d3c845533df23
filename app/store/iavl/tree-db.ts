import type { Database, RootDatabase } from 'lmdb';
import { StoreError } from '../errors.js';
import { NodeCache } from './node-cache.js';
import { decodeNodeKey, deserializeNode, encodeNodeKey, makeNodeKey, serializedSize, serializeNodeInto, writeNodeKey, type Node, type NodeKey } from './node.js';
import { WriteArena } from './write-arena.js';

/** A version's root: the tree's hash and the node it starts from (none for an empty tree). */
export interface RootRecord {
  hash: Uint8Array;
  nodeKey: NodeKey | undefined;
}

export function encodeVersion(version: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeUIntBE(version, 2, 6);
  return out;
}

export function decodeVersion(bytes: Uint8Array, offset = 0): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset + offset, 8).readUIntBE(2, 6);
}

const BINARY = { keyEncoding: 'binary', encoding: 'binary' } as const;
/**
 * New nodes of a version get node keys above every existing one, in increasing order, so
 * they are written with MDB_APPEND: LMDB then fills pages instead of splitting them in half,
 * which halves the space nodes take.
 */
const APPEND = { append: true } as const;
/** lmdb-js's async put takes PutOptions at run time (its write.js); its typings list only a version. */
type PutWithOptions = (key: Buffer, value: Buffer, options?: { append?: boolean }) => Promise<boolean>;

/** What the versions after one made of a store: see `TreeDB.changesAfter`. */
export interface ChangesAfter {
  /** LMDB keys of the nodes those versions created. */
  nodes: Buffer[];
  /** LMDB keys of the orphan records they wrote. */
  orphanRecords: Buffer[];
  /** Every key those versions set or deleted (deduplicated, as latin1 strings of the bytes). */
  keys: Map<string, Uint8Array>;
}

/**
 * The LMDB side of one store's tree: nodes by node key, a root record per retained version,
 * orphan records (per version, the nodes it stopped using, keyed by the last version that
 * still uses them, for pruning), and a flat index of the latest committed values for fast
 * reads. Writes are queued into the environment's current write batch; the multistore commits
 * the batch of all stores as one LMDB transaction.
 */
export class TreeDB {
  readonly nodes: Database<Buffer, Buffer>;
  readonly roots: Database<Buffer, Buffer>;
  readonly orphans: Database<Buffer, Buffer>;
  readonly flat: Database<Buffer, Buffer>;
  readonly cache: NodeCache;
  private readonly keyScratch = Buffer.alloc(7);
  private readonly arena = new WriteArena();

  constructor(env: RootDatabase, readonly name: string, cacheNodes: number) {
    this.nodes = env.openDB<Buffer, Buffer>(`n/${name}`, BINARY);
    this.roots = env.openDB<Buffer, Buffer>(`r/${name}`, BINARY);
    this.orphans = env.openDB<Buffer, Buffer>(`o/${name}`, BINARY);
    this.flat = env.openDB<Buffer, Buffer>(`f/${name}`, BINARY);
    this.cache = new NodeCache(cacheNodes);
  }

  /** Loads a persisted node; `hash` is the one its parent recorded. */
  getNode(nodeKey: NodeKey, hash: Uint8Array | undefined): Node {
    const cached = this.cache.get(nodeKey);
    if (cached) return cached;
    const bytes = this.nodes.getBinary(writeNodeKey(this.keyScratch, nodeKey));
    if (!bytes) throw new StoreError(`store ${this.name}: node ${nodeKey} is missing (pruned version or corrupt database)`);
    const node = deserializeNode(bytes, nodeKey, hash);
    this.cache.set(nodeKey, node);
    return node;
  }

  getRoot(version: number): RootRecord | undefined {
    const bytes = this.roots.getBinary(encodeVersion(version));
    if (!bytes) return undefined;
    return { hash: bytes.subarray(0, 32), nodeKey: bytes.length > 32 ? decodeNodeKey(bytes, 32) : undefined };
  }

  putRoot(version: number, root: RootRecord): void {
    const value = root.nodeKey === undefined ? Buffer.from(root.hash) : Buffer.concat([root.hash, encodeNodeKey(root.nodeKey)]);
    void this.roots.put(encodeVersion(version), value);
  }

  /**
   * Queues a node write (`append` when its key is above every stored one). lmdb-js copies keys when a write is queued but records values by
   * address (honouring a buffer's `start`/`end`), so nodes are serialized into an arena and
   * handed over as windows of it; the arena stays referenced until the commit lands.
   */
  putNode(node: Node, append: boolean): void {
    const size = serializedSize(node);
    const arena = this.arena.reserve(size);
    serializeNodeInto(node, arena, arena.start);
    const put = this.nodes.put as unknown as PutWithOptions;
    void put.call(this.nodes, writeNodeKey(this.keyScratch, node.nodeKey!), arena, append ? APPEND : undefined);
    this.cache.set(node.nodeKey!, node);
  }

  /** Releases the arenas of writes that have been committed. */
  releaseWrites(): void {
    this.arena.reset();
  }

  /**
   * Records the nodes that versions after `lastVersion` no longer use, as one entry of packed
   * 7-byte node keys: one write per version instead of one per node.
   */
  putOrphans(lastVersion: number, nodeKeys: NodeKey[]): void {
    if (nodeKeys.length === 0) return;
    const packed = Buffer.allocUnsafe(nodeKeys.length * 7);
    nodeKeys.forEach((k, i) => encodeNodeKey(k).copy(packed, i * 7));
    void this.orphans.put(encodeVersion(lastVersion), packed);
  }

  /**
   * What every version after `version` wrote, for a rollback to it: the nodes they created
   * (node keys sort by creating version, so one range), the orphan records they wrote (keyed
   * by the version before the one that orphaned them, so those from `version` on), and the
   * keys whose value they changed: the leaves among the new nodes (set) and among the
   * orphaned ones (replaced or deleted).
   */
  changesAfter(version: number): ChangesAfter {
    const changes: ChangesAfter = { nodes: [], orphanRecords: [], keys: new Map() };
    const touch = (node: Node) => {
      if (node.isLeaf()) changes.keys.set(Buffer.from(node.key).toString('latin1'), node.key);
    };
    for (const { key, value } of this.nodes.getRange({ start: encodeNodeKey(makeNodeKey(version + 1, 0)) })) {
      changes.nodes.push(Buffer.from(key));
      touch(deserializeNode(value, decodeNodeKey(key), undefined));
    }
    for (const { key, value } of this.orphans.getRange({ start: encodeVersion(version) })) {
      changes.orphanRecords.push(Buffer.from(key));
      for (let off = 0; off < value.length; off += 7) {
        // Read past the cache: a node loaded without its parent's hash must not be cached.
        const nodeKey = value.subarray(off, off + 7);
        const bytes = this.nodes.getBinary(Buffer.from(nodeKey));
        if (!bytes) throw new StoreError(`store ${this.name}: orphaned node ${decodeNodeKey(nodeKey)} is missing (corrupt database)`);
        touch(deserializeNode(bytes, decodeNodeKey(nodeKey), undefined));
      }
    }
    return changes;
  }

  /** Queues deletion of every node orphaned at or before `upTo`, and of their records. */
  pruneOrphans(upTo: number): void {
    for (const { key, value } of this.orphans.getRange({ end: encodeVersion(upTo + 1) })) {
      for (let off = 0; off < value.length; off += 7) {
        const nodeKey = value.subarray(off, off + 7);
        void this.nodes.remove(Buffer.from(nodeKey));
        this.cache.delete(decodeNodeKey(nodeKey));
      }
      void this.orphans.remove(key);
    }
  }
}
