import { setImmediate as nextTurn } from 'node:timers/promises';
import { promisify } from 'node:util';
import { deflate, deflateSync, inflateSync } from 'node:zlib';
import { SnapshotItem } from 'cosmjs-types/cosmos/store/snapshots/v1/snapshot';
import type { CommitMultiStore, CommitId, SnapshotImporter } from './multistore.js';
import { StoreError } from './errors.js';
import { readUvarint, uvarintSize, writeUvarint } from './encoding.js';
import { hashNode, Node } from './iavl/node.js';
import { leftOf, rightOf } from './iavl/reader.js';
import type { TreeDB } from './iavl/tree-db.js';

/** Default chunk size; CometBFT carries chunks in ABCI messages, so keep them well under its limits. */
export const SNAPSHOT_CHUNK_BYTES = 4 * 1024 * 1024;

const deflateAsync = promisify(deflate);

/** Yielded by `exportPieces` between nodes: a point where an asynchronous exporter may pause. */
const PAUSE = Symbol('pause');
/** How many tree nodes are read between pause points (a few milliseconds of work). */
const NODES_PER_PAUSE = 1024;

/**
 * The uncompressed pieces of a snapshot, each about `pieceBytes` of length-delimited
 * `cosmos.store.snapshots.v1.SnapshotItem`s: for each store (by name) a store item, then its
 * tree's nodes in post-order (leaves with value, inner nodes with split key, version, height),
 * as the SDK's IAVL exporter writes them; PAUSE between every NODES_PER_PAUSE nodes.
 */
function* exportPieces(ms: CommitMultiStore, version: number, pieceBytes: number): Generator<Buffer | typeof PAUSE> {
  // Items are written into one buffer per piece: a piece of many small buffers is slow to join
  // and leaves the garbage collector long pauses.
  let piece = Buffer.allocUnsafe(pieceBytes + 1024);
  let rawSize = 0;
  let nodes = 0;
  const take = (): Buffer => {
    const full = piece.subarray(0, rawSize);
    piece = Buffer.allocUnsafe(pieceBytes + 1024);
    rawSize = 0;
    return full;
  };
  const emit = (item: SnapshotItem) => {
    const bytes = SnapshotItem.encode(item).finish();
    const needed = rawSize + uvarintSize(bytes.length) + bytes.length;
    if (needed > piece.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, piece.length * 2));
      piece.copy(grown, 0, 0, rawSize);
      piece = grown;
    }
    rawSize = writeUvarint(piece, rawSize, bytes.length);
    piece.set(bytes, rawSize);
    rawSize += bytes.length;
  };
  for (const name of ms.storeNames) {
    emit({ store: { name } });
    const { db, root } = ms.treeAt(name, version);
    if (root) {
      for (const node of postOrder(db, root)) {
        emit({
          iavl: {
            key: node.key,
            value: node.isLeaf() ? node.value! : new Uint8Array(0),
            version: BigInt(node.version),
            height: node.height,
          },
        });
        if (rawSize >= pieceBytes) yield take();
        if (++nodes % NODES_PER_PAUSE === 0) yield PAUSE;
      }
    }
    if (rawSize >= pieceBytes) yield take();
  }
  if (rawSize > 0) yield take();
}

/** A compressed piece, length-prefixed and cut into chunks; a restorer inflates piece by piece. */
function* chunksOf(compressed: Buffer, chunkBytes: number): Generator<Uint8Array> {
  const framed = Buffer.concat([lengthHeader(compressed.length), compressed]);
  for (let off = 0; off < framed.length; off += chunkBytes) yield framed.subarray(off, off + chunkBytes);
}

/**
 * Exports committed version `version` as zlib-compressed chunks of length-delimited
 * SnapshotItems (see `exportPieces`). Restoring rebuilds the identical trees.
 */
export function* exportSnapshot(ms: CommitMultiStore, version: number, chunkBytes = SNAPSHOT_CHUNK_BYTES): Generator<Uint8Array> {
  for (const piece of exportPieces(ms, version, chunkBytes * 4)) {
    if (piece !== PAUSE) yield* chunksOf(deflateSync(piece), chunkBytes);
  }
}

/**
 * The same chunks as `exportSnapshot`, produced beside block processing: it yields the event
 * loop every NODES_PER_PAUSE nodes and compresses on libuv's thread pool, so a node taking a
 * snapshot of a large state keeps committing blocks meanwhile. `signal` stops it at the next pause.
 */
export async function* exportSnapshotPaced(
  ms: CommitMultiStore,
  version: number,
  chunkBytes = SNAPSHOT_CHUNK_BYTES,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  for (const piece of exportPieces(ms, version, chunkBytes * 4)) {
    signal?.throwIfAborted();
    if (piece === PAUSE) await nextTurn();
    else yield* chunksOf(await deflateAsync(piece), chunkBytes);
  }
}

function lengthHeader(n: number): Buffer {
  const out = Buffer.allocUnsafe(uvarintSize(n));
  writeUvarint(out, 0, n);
  return out;
}

function* postOrder(db: TreeDB, root: Node): Generator<Node> {
  const stack: Array<{ node: Node; visited: boolean }> = [{ node: root, visited: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.node.isLeaf() || top.visited) {
      yield top.node;
      continue;
    }
    stack.push({ node: top.node, visited: true });
    stack.push({ node: rightOf(db, top.node), visited: false });
    stack.push({ node: leftOf(db, top.node), visited: false });
  }
}

/** Splits a byte stream back into length-delimited frames, across chunk boundaries. */
class FrameReader {
  private buffer = Buffer.alloc(0);

  push(bytes: Uint8Array): void {
    this.buffer = this.buffer.length === 0 ? Buffer.from(bytes) : Buffer.concat([this.buffer, bytes]);
  }

  *frames(): Generator<Buffer> {
    for (;;) {
      if (this.buffer.length === 0) return;
      let length: number;
      let offset: number;
      try {
        [length, offset] = readUvarint(this.buffer, 0);
      } catch {
        return; // the length itself is split across chunks
      }
      if (this.buffer.length < offset + length) return;
      yield this.buffer.subarray(offset, offset + length);
      this.buffer = this.buffer.subarray(offset + length);
    }
  }

  get remaining(): number {
    return this.buffer.length;
  }
}

/**
 * Restores a snapshot of `version` into an empty store, one chunk at a time (as state sync
 * delivers them), and checks the result against `expectedHash` (the app hash the chain agreed
 * on at that height, from the light client) before committing it. Nodes are persisted as they
 * are rebuilt, so memory stays bounded by the tree's height.
 */
export class SnapshotRestorer {
  private readonly importer: SnapshotImporter;
  private readonly outer = new FrameReader();
  private readonly inner = new FrameReader();
  private store: string | undefined;
  private stack: Node[] = [];

  constructor(
    private readonly ms: CommitMultiStore,
    readonly version: number,
  ) {
    if (ms.lastCommitId().version !== 0) throw new StoreError('a snapshot can only be restored into an empty store');
    this.importer = ms.beginImport(version);
  }

  /** Rebuilds every item the chunk completes; throws on a malformed snapshot. */
  async add(chunk: Uint8Array): Promise<void> {
    this.outer.push(chunk);
    for (const compressed of this.outer.frames()) {
      this.inner.push(inflateSync(compressed));
      for (const frame of this.inner.frames()) this.addItem(SnapshotItem.decode(frame));
      await this.importer.flush();
    }
  }

  /** Commits the restored version; throws (committing nothing) if its app hash is not `expectedHash`. */
  async finish(expectedHash: Uint8Array): Promise<CommitId> {
    this.finishStore();
    if (this.outer.remaining > 0 || this.inner.remaining > 0) throw new StoreError('snapshot ends in the middle of an item');
    return this.importer.finish(expectedHash);
  }

  private addItem(item: SnapshotItem): void {
    if (item.store) {
      this.finishStore();
      this.store = item.store.name;
      if (!this.ms.storeNames.includes(this.store)) throw new StoreError(`snapshot has store ${this.store}, which this zone does not have`);
      return;
    }
    const store = this.store;
    if (!item.iavl || store === undefined) throw new StoreError('snapshot item outside a store, or of an unknown kind');
    const { key, value, height } = item.iavl;
    const nodeVersion = Number(item.iavl.version);
    let node: Node;
    if (height === 0) {
      node = Node.leaf(Uint8Array.from(key), Uint8Array.from(value), nodeVersion);
    } else {
      const right = this.stack.pop();
      const left = this.stack.pop();
      if (!left || !right) throw new StoreError(`snapshot of store ${store} is malformed: inner node without two children`);
      node = new Node(Uint8Array.from(key), undefined, nodeVersion, height, left.size + right.size);
      node.setLeft(left);
      node.setRight(right);
      hashNode(node);
    }
    this.importer.addNode(store, node);
    this.stack.push(node);
  }

  private finishStore(): void {
    if (this.store === undefined) return;
    if (this.stack.length > 1) throw new StoreError(`snapshot of store ${this.store} is malformed: ${this.stack.length} subtrees left over`);
    this.importer.setRoot(this.store, this.stack[0]);
    this.store = undefined;
    this.stack = [];
  }
}

/** Restores a whole snapshot at once; see `SnapshotRestorer`. */
export async function restoreSnapshot(
  ms: CommitMultiStore,
  version: number,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  expectedHash: Uint8Array,
): Promise<CommitId> {
  const restorer = new SnapshotRestorer(ms, version);
  for await (const chunk of chunks) await restorer.add(chunk);
  return restorer.finish(expectedHash);
}
