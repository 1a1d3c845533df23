import { sha256 } from '../hash.js';
import { uvarintSize, writeUvarint, writeZigzag } from '../encoding.js';

/**
 * Where a persisted node lives: `version * 2^22 + nonce`, as IAVL v1's (version, nonce) node
 * key. Versions up to 2^31 and 4M new nodes per version fit in a safe integer, and keys sort
 * by the version that created them, so LMDB appends new nodes at the end of its B-tree.
 */
export type NodeKey = number;
export const NONCE_LIMIT = 2 ** 22;

export function makeNodeKey(version: number, nonce: number): NodeKey {
  return version * NONCE_LIMIT + nonce;
}

export function nodeKeyVersion(nodeKey: NodeKey): number {
  return Math.floor(nodeKey / NONCE_LIMIT);
}

/** 7-byte big-endian LMDB key of a node. */
export function encodeNodeKey(nodeKey: NodeKey): Buffer {
  return writeNodeKey(Buffer.allocUnsafe(7), nodeKey);
}

export function writeNodeKey(out: Buffer, nodeKey: NodeKey): Buffer {
  out[0] = Math.floor(nodeKey / 2 ** 48);
  out.writeUIntBE(nodeKey % 2 ** 48, 1, 6);
  return out;
}

export function decodeNodeKey(bytes: Uint8Array, offset = 0): NodeKey {
  return bytes[offset]! * 2 ** 48 + Buffer.from(bytes.buffer, bytes.byteOffset + offset + 1, 6).readUIntBE(0, 6);
}

/**
 * An IAVL node. Leaves hold a key and value; inner nodes hold the smallest key of their right
 * subtree (the split key) and two children. Children that are not persisted yet are held by
 * reference; persisted children are referenced by node key and hash only, so the tree lives on
 * disk and in a bounded cache rather than in memory.
 */
export class Node {
  hash: Uint8Array | undefined = undefined;
  nodeKey: NodeKey | undefined = undefined;
  leftNode: Node | undefined = undefined;
  rightNode: Node | undefined = undefined;
  leftKey: NodeKey | undefined = undefined;
  rightKey: NodeKey | undefined = undefined;
  leftHash: Uint8Array | undefined = undefined;
  rightHash: Uint8Array | undefined = undefined;
  /**
   * Height and size of a child referenced by key, recorded with the reference so that
   * rebalancing after a write never loads the sibling it did not descend into.
   */
  leftHeight = 0;
  rightHeight = 0;
  leftSize = 0;
  rightSize = 0;

  constructor(
    public key: Uint8Array,
    public value: Uint8Array | undefined,
    public version: number,
    public height: number,
    public size: number,
  ) {}

  static leaf(key: Uint8Array, value: Uint8Array, version: number): Node {
    return new Node(key, value, version, 0, 1);
  }

  isLeaf(): boolean {
    return this.height === 0;
  }

  /** A writable copy for `version`, sharing the children (copy-on-write). */
  cloneAt(version: number): Node {
    const n = new Node(this.key, this.value, version, this.height, this.size);
    n.leftNode = this.leftNode;
    n.rightNode = this.rightNode;
    n.leftKey = this.leftKey;
    n.rightKey = this.rightKey;
    n.leftHash = this.leftHash;
    n.rightHash = this.rightHash;
    n.leftHeight = this.leftHeight;
    n.rightHeight = this.rightHeight;
    n.leftSize = this.leftSize;
    n.rightSize = this.rightSize;
    return n;
  }

  get leftChildHeight(): number {
    return this.leftNode ? this.leftNode.height : this.leftHeight;
  }

  get rightChildHeight(): number {
    return this.rightNode ? this.rightNode.height : this.rightHeight;
  }

  get leftChildSize(): number {
    return this.leftNode ? this.leftNode.size : this.leftSize;
  }

  get rightChildSize(): number {
    return this.rightNode ? this.rightNode.size : this.rightSize;
  }

  /**
   * Turns attached children (persisted by now) into references: node key, hash, height and
   * size, dropping the objects so the tree above does not keep them in memory.
   */
  detachChildren(): void {
    const left = this.leftNode;
    if (left) {
      this.leftKey = left.nodeKey;
      this.leftHash = left.hash;
      this.leftHeight = left.height;
      this.leftSize = left.size;
      this.leftNode = undefined;
    }
    const right = this.rightNode;
    if (right) {
      this.rightKey = right.nodeKey;
      this.rightHash = right.hash;
      this.rightHeight = right.height;
      this.rightSize = right.size;
      this.rightNode = undefined;
    }
  }

  /** Makes `src`'s left (or right) child this node's left child, loaded or not. */
  takeLeftFrom(src: Node, srcLeft: boolean): void {
    this.hash = undefined;
    if (srcLeft) {
      this.leftNode = src.leftNode;
      this.leftKey = src.leftKey;
      this.leftHash = src.leftHash;
      this.leftHeight = src.leftHeight;
      this.leftSize = src.leftSize;
    } else {
      this.leftNode = src.rightNode;
      this.leftKey = src.rightKey;
      this.leftHash = src.rightHash;
      this.leftHeight = src.rightHeight;
      this.leftSize = src.rightSize;
    }
  }

  takeRightFrom(src: Node, srcLeft: boolean): void {
    this.hash = undefined;
    if (srcLeft) {
      this.rightNode = src.leftNode;
      this.rightKey = src.leftKey;
      this.rightHash = src.leftHash;
      this.rightHeight = src.leftHeight;
      this.rightSize = src.leftSize;
    } else {
      this.rightNode = src.rightNode;
      this.rightKey = src.rightKey;
      this.rightHash = src.rightHash;
      this.rightHeight = src.rightHeight;
      this.rightSize = src.rightSize;
    }
  }

  setLeft(child: Node): void {
    this.leftNode = child;
    this.leftKey = undefined;
    this.leftHash = undefined;
    this.hash = undefined;
  }

  setRight(child: Node): void {
    this.rightNode = child;
    this.rightKey = undefined;
    this.rightHash = undefined;
    this.hash = undefined;
  }
}

let scratch = new Uint8Array(256);

function scratchOf(size: number): Uint8Array {
  if (scratch.length < size) scratch = new Uint8Array(size * 2);
  return scratch;
}

/**
 * IAVL leaf hash: sha256(zz(0) ‖ zz(1) ‖ zz(version) ‖ uvarint(len key) ‖ key ‖ 0x20 ‖ sha256(value)),
 * the preimage that ICS-23's `iavlSpec` leaf op recomputes.
 */
export function leafHash(key: Uint8Array, value: Uint8Array, version: number): Uint8Array {
  const buf = scratchOf(2 + 10 + 10 + key.length + 33);
  buf[0] = 0;
  buf[1] = 2;
  let off = writeZigzag(buf, 2, version);
  off = writeUvarint(buf, off, key.length);
  buf.set(key, off);
  off += key.length;
  buf[off++] = 32;
  buf.set(sha256(value), off);
  off += 32;
  return sha256(buf.subarray(0, off));
}

/** IAVL inner hash: sha256(zz(height) ‖ zz(size) ‖ zz(version) ‖ 0x20 ‖ left ‖ 0x20 ‖ right). */
export function innerHash(height: number, size: number, version: number, left: Uint8Array, right: Uint8Array): Uint8Array {
  const buf = scratchOf(30 + 66);
  let off = writeZigzag(buf, 0, height);
  off = writeZigzag(buf, off, size);
  off = writeZigzag(buf, off, version);
  buf[off++] = 32;
  buf.set(left, off);
  off += 32;
  buf[off++] = 32;
  buf.set(right, off);
  off += 32;
  return sha256(buf.subarray(0, off));
}

/** Computes (and memoises) the hash of `node` and every unhashed node below it. */
export function hashNode(node: Node): Uint8Array {
  if (node.hash) return node.hash;
  if (node.isLeaf()) {
    node.hash = leafHash(node.key, node.value!, node.version);
    return node.hash;
  }
  if (node.leftNode) node.leftHash = hashNode(node.leftNode);
  if (node.rightNode) node.rightHash = hashNode(node.rightNode);
  node.hash = innerHash(node.height, node.size, node.version, node.leftHash!, node.rightHash!);
  return node.hash;
}

/**
 * On-disk form. Leaf: height(0) ‖ uvarint version ‖ uvarint len key ‖ key ‖ uvarint len value ‖ value.
 * Inner: height ‖ uvarint version ‖ uvarint size ‖ uvarint len key ‖ key ‖ uvarint leftKey ‖
 * uvarint rightKey ‖ leftHash(32) ‖ rightHash(32) ‖ leftHeight(1) ‖ rightHeight(1) ‖
 * uvarint leftSize (the right size is size − leftSize). A node's own hash is kept by its
 * parent (or the version's root record), so it is not stored twice.
 */
export function serializedSize(node: Node): number {
  const key = node.key;
  const head = 1 + uvarintSize(node.version) + uvarintSize(key.length) + key.length;
  if (node.isLeaf()) return head + uvarintSize(node.value!.length) + node.value!.length;
  return head + uvarintSize(node.size) + uvarintSize(node.leftKey!) + uvarintSize(node.rightKey!) + 66 + uvarintSize(node.leftSize);
}

/** Writes the on-disk form at `offset`; returns the offset after it. */
export function serializeNodeInto(node: Node, out: Uint8Array, offset: number): number {
  const key = node.key;
  out[offset] = node.height;
  let off = writeUvarint(out, offset + 1, node.version);
  if (node.isLeaf()) {
    off = writeUvarint(out, off, key.length);
    out.set(key, off);
    off = writeUvarint(out, off + key.length, node.value!.length);
    out.set(node.value!, off);
    return off + node.value!.length;
  }
  off = writeUvarint(out, off, node.size);
  off = writeUvarint(out, off, key.length);
  out.set(key, off);
  off = writeUvarint(out, off + key.length, node.leftKey!);
  off = writeUvarint(out, off, node.rightKey!);
  out.set(node.leftHash!, off);
  out.set(node.rightHash!, off + 32);
  out[off + 64] = node.leftHeight;
  out[off + 65] = node.rightHeight;
  return writeUvarint(out, off + 66, node.leftSize);
}

export function serializeNode(node: Node): Buffer {
  const out = Buffer.allocUnsafe(serializedSize(node));
  serializeNodeInto(node, out, 0);
  return out;
}

export function deserializeNode(bytes: Uint8Array, nodeKey: NodeKey, hash: Uint8Array | undefined): Node {
  const height = bytes[0]!;
  const version = readVarintAt(bytes, 1);
  const size = height > 0 ? readVarintAt(bytes, cursor) : 1;
  const keyLen = readVarintAt(bytes, cursor);
  let off = cursor;
  const key = bytes.subarray(off, off + keyLen);
  off += keyLen;
  let node: Node;
  if (height === 0) {
    const valueLen = readVarintAt(bytes, off);
    node = new Node(key, bytes.subarray(cursor, cursor + valueLen), version, 0, 1);
  } else {
    node = new Node(key, undefined, version, height, size);
    node.leftKey = readVarintAt(bytes, off);
    node.rightKey = readVarintAt(bytes, cursor);
    off = cursor;
    node.leftHash = bytes.subarray(off, off + 32);
    node.rightHash = bytes.subarray(off + 32, off + 64);
    node.leftHeight = bytes[off + 64]!;
    node.rightHeight = bytes[off + 65]!;
    node.leftSize = readVarintAt(bytes, off + 66);
    node.rightSize = size - node.leftSize;
  }
  node.nodeKey = nodeKey;
  node.hash = hash;
  return node;
}

/** Where the last `readVarintAt` stopped; a module-level cursor spares an allocation per field. */
let cursor = 0;

function readVarintAt(bytes: Uint8Array, offset: number): number {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 8; i++) {
    const b = bytes[offset++];
    if (b === undefined) throw new RangeError('node record ends inside a varint');
    result += (b & 0x7f) * scale;
    if (b < 0x80) {
      cursor = offset;
      return result;
    }
    scale *= 128;
  }
  throw new RangeError('varint is longer than 8 bytes');
}
