import { deflateSync, inflateSync } from 'node:zlib';
import { SnapshotItem } from 'cosmjs-types/cosmos/store/snapshots/v1/snapshot';
import type { CommitMultiStore, CommitId } from './multistore.js';
import { StoreError } from './errors.js';
import { bytesEqual, readUvarint, toHex, uvarintSize, writeUvarint } from './encoding.js';
import { hashNode, Node } from './iavl/node.js';
import { leftOf, rightOf } from './iavl/reader.js';
import type { TreeDB } from './iavl/tree-db.js';

/** Default chunk size; CometBFT carries chunks in ABCI messages, so keep them well under its limits. */
export const SNAPSHOT_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Exports committed version `version` as zlib-compressed chunks of length-delimited
 * `cosmos.store.snapshots.v1.SnapshotItem`s: for each store (by name) a store item, then its
 * tree's nodes in post-order (leaves with value, inner nodes with split key, version, height),
 * as the SDK's IAVL exporter writes them. Restoring rebuilds the identical trees.
 */
export function* exportSnapshot(ms: CommitMultiStore, version: number, chunkBytes = SNAPSHOT_CHUNK_BYTES): Generator<Uint8Array> {
  const raw: Buffer[] = [];
  let rawSize = 0;
  const flush = function* (final: boolean) {
    if (rawSize === 0 || (!final && rawSize < chunkBytes * 4)) return;
    const compressed = deflateSync(Buffer.concat(raw));
    raw.length = 0;
    rawSize = 0;
    // Each compressed piece is cut into chunks; a restorer inflates piece by piece.
    const framed = Buffer.concat([lengthHeader(compressed.length), compressed]);
    for (let off = 0; off < framed.length; off += chunkBytes) yield framed.subarray(off, off + chunkBytes);
  };
  const emit = (item: SnapshotItem) => {
    const bytes = SnapshotItem.encode(item).finish();
    raw.push(lengthHeader(bytes.length), Buffer.from(bytes));
    rawSize += bytes.length + 5;
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
      }
    }
    yield* flush(false);
  }
  yield* flush(true);
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
 * Restores a snapshot of `version` into an empty store and checks the result against
 * `expectedHash` (the app hash the chain agreed on at that height, from the light client).
 * Nodes are persisted as they are rebuilt, so memory stays bounded by the tree's height.
 */
export async function restoreSnapshot(
  ms: CommitMultiStore,
  version: number,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  expectedHash: Uint8Array,
): Promise<CommitId> {
  if (ms.lastCommitId().version !== 0) throw new StoreError('a snapshot can only be restored into an empty store');
  const importer = ms.beginImport(version);
  const outer = new FrameReader();
  const inner = new FrameReader();
  let store: string | undefined;
  let stack: Node[] = [];
  const finishStore = () => {
    if (store === undefined) return;
    if (stack.length > 1) throw new StoreError(`snapshot of store ${store} is malformed: ${stack.length} subtrees left over`);
    importer.setRoot(store, stack[0]);
    stack = [];
  };
  for await (const chunk of chunks) {
    outer.push(chunk);
    for (const compressed of outer.frames()) {
      inner.push(inflateSync(compressed));
      for (const frame of inner.frames()) {
        const item = SnapshotItem.decode(frame);
        if (item.store) {
          finishStore();
          store = item.store.name;
          if (!ms.storeNames.includes(store)) throw new StoreError(`snapshot has store ${store}, which this zone does not have`);
          continue;
        }
        if (!item.iavl || store === undefined) throw new StoreError('snapshot item outside a store, or of an unknown kind');
        const { key, value, height } = item.iavl;
        const nodeVersion = Number(item.iavl.version);
        let node: Node;
        if (height === 0) {
          node = Node.leaf(Uint8Array.from(key), Uint8Array.from(value), nodeVersion);
        } else {
          const right = stack.pop();
          const left = stack.pop();
          if (!left || !right) throw new StoreError(`snapshot of store ${store} is malformed: inner node without two children`);
          node = new Node(Uint8Array.from(key), undefined, nodeVersion, height, left.size + right.size);
          node.setLeft(left);
          node.setRight(right);
          hashNode(node);
        }
        importer.addNode(store, node);
        stack.push(node);
      }
      await importer.flush();
    }
  }
  finishStore();
  if (outer.remaining > 0 || inner.remaining > 0) throw new StoreError('snapshot ends in the middle of an item');
  const id = await importer.finish();
  if (!bytesEqual(id.hash, expectedHash)) {
    throw new StoreError(`restored app hash ${toHex(id.hash)} differs from the expected ${toHex(expectedHash)}; the snapshot is corrupt`);
  }
  return id;
}
