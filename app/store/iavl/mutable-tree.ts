import { StoreError } from '../errors.js';
import { compareBytes } from '../encoding.js';
import { EMPTY_HASH } from '../hash.js';
import { hashNode, makeNodeKey, Node, NONCE_LIMIT, type NodeKey } from './node.js';
import { getValue } from './reader.js';
import type { RootRecord, TreeDB } from './tree-db.js';

interface RemoveResult {
  node: Node | undefined;
  newKey: Uint8Array | undefined;
  removed: boolean;
}

/**
 * The working version of one store's IAVL tree: an AVL tree with copy-on-write nodes.
 * Changes since the last saved version live in memory; `saveVersion` queues them for the
 * environment's commit and records which persisted nodes they replaced (orphans).
 *
 * The algorithms (insert, remove, rotations, split keys, node versions) follow IAVL so that
 * node encodings, and therefore proofs, are the ones ICS-23's `iavlSpec` expects.
 */
export class MutableTree {
  private root: Node | undefined;
  /** The root of the last saved version: persisted nodes are never changed in place (copy-on-write). */
  private savedRoot: Node | undefined;
  private orphans: NodeKey[] = [];
  /** Whether the running `set` replaced an existing leaf (kept here to spare an object per level). */
  private updated = false;

  constructor(
    private readonly db: TreeDB,
    /** The last saved version (0 before the first). */
    public version: number,
    root: RootRecord | undefined,
  ) {
    this.root = root?.nodeKey !== undefined ? db.getNode(root.nodeKey, root.hash) : undefined;
    this.savedRoot = this.root;
  }

  /** Drops every change since the last saved version. */
  rollback(): void {
    this.root = this.savedRoot;
    this.orphans = [];
  }

  get rootNode(): Node | undefined {
    return this.root;
  }

  get(key: Uint8Array): Uint8Array | undefined {
    return getValue(this.db, this.root, key);
  }

  /** Inserts or updates; returns true when the key already existed. */
  set(key: Uint8Array, value: Uint8Array): boolean {
    const version = this.version + 1;
    if (!this.root) {
      this.root = Node.leaf(key, value, version);
      return false;
    }
    this.updated = false;
    this.root = this.setIn(this.root, key, value, version);
    return this.updated;
  }

  /** Removes `key`; returns true when it existed. */
  remove(key: Uint8Array): boolean {
    if (!this.root) return false;
    const result = this.removeIn(this.root, key, this.version + 1);
    if (result.removed) this.root = result.node;
    return result.removed;
  }

  workingHash(): Uint8Array {
    return this.root ? hashNode(this.root) : EMPTY_HASH;
  }

  /** Queues the nodes of `version` and its root and orphan records into the current write batch. */
  saveVersion(version: number): RootRecord {
    if (version <= this.version) throw new StoreError(`store ${this.db.name}: version ${version} is not after ${this.version}`);
    let record: RootRecord;
    if (this.root) {
      const hash = hashNode(this.root);
      const counter = { nonce: 0 };
      this.persist(this.root, version, counter);
      record = { hash, nodeKey: this.root.nodeKey };
    } else {
      record = { hash: EMPTY_HASH, nodeKey: undefined };
    }
    this.db.putOrphans(version - 1, this.orphans);
    this.orphans = [];
    this.db.putRoot(version, record);
    this.version = version;
    this.savedRoot = this.root;
    return record;
  }

  /** Post-order, so a parent records its children's node keys. */
  private persist(node: Node, version: number, counter: { nonce: number }): void {
    if (node.nodeKey !== undefined) return;
    if (!node.isLeaf()) {
      if (node.leftNode) this.persist(node.leftNode, version, counter);
      if (node.rightNode) this.persist(node.rightNode, version, counter);
      node.detachChildren();
    }
    if (++counter.nonce >= NONCE_LIMIT) {
      throw new StoreError(`store ${this.db.name}: more than ${NONCE_LIMIT - 1} new nodes in one version; commit in smaller blocks`);
    }
    node.nodeKey = makeNodeKey(version, counter.nonce);
    this.db.putNode(node, true);
  }

  /** A node that may be changed in this version: persisted nodes are copied and orphaned. */
  private writable(node: Node, version: number): Node {
    if (node.nodeKey === undefined) {
      node.hash = undefined;
      return node;
    }
    this.orphans.push(node.nodeKey);
    return node.cloneAt(version);
  }

  private drop(node: Node): void {
    if (node.nodeKey !== undefined) this.orphans.push(node.nodeKey);
  }

  private setIn(node: Node, key: Uint8Array, value: Uint8Array, version: number): Node {
    if (node.isLeaf()) {
      const cmp = compareBytes(key, node.key);
      if (cmp === 0) {
        this.drop(node);
        this.updated = true;
        return Node.leaf(key, value, version);
      }
      const leaf = Node.leaf(key, value, version);
      const parent = new Node(cmp < 0 ? node.key : key, undefined, version, 1, 2);
      if (cmp < 0) {
        parent.setLeft(leaf);
        parent.setRight(node);
      } else {
        parent.setLeft(node);
        parent.setRight(leaf);
      }
      return parent;
    }
    const goLeft = compareBytes(key, node.key) < 0;
    const child = goLeft ? this.left(node) : this.right(node);
    const n = this.writable(node, version);
    const newChild = this.setIn(child, key, value, version);
    if (goLeft) n.setLeft(newChild);
    else n.setRight(newChild);
    if (this.updated) return n;
    this.updateHeightAndSize(n);
    return this.balance(n, version);
  }

  private removeIn(node: Node, key: Uint8Array, version: number): RemoveResult {
    if (node.isLeaf()) {
      if (compareBytes(key, node.key) !== 0) return { node, newKey: undefined, removed: false };
      this.drop(node);
      return { node: undefined, newKey: undefined, removed: true };
    }
    if (compareBytes(key, node.key) < 0) {
      const result = this.removeIn(this.left(node), key, version);
      if (!result.removed) return { node, newKey: undefined, removed: false };
      if (!result.node) {
        // The left leaf went away: the right subtree takes this node's place, and its
        // smallest key (this node's split key) must replace the split key above.
        const right = this.right(node);
        this.drop(node);
        return { node: right, newKey: node.key, removed: true };
      }
      const n = this.writable(node, version);
      n.setLeft(result.node);
      this.updateHeightAndSize(n);
      return { node: this.balance(n, version), newKey: result.newKey, removed: true };
    }
    const result = this.removeIn(this.right(node), key, version);
    if (!result.removed) return { node, newKey: undefined, removed: false };
    if (!result.node) {
      const left = this.left(node);
      this.drop(node);
      return { node: left, newKey: undefined, removed: true };
    }
    const n = this.writable(node, version);
    n.setRight(result.node);
    if (result.newKey) n.key = result.newKey;
    this.updateHeightAndSize(n);
    return { node: this.balance(n, version), newKey: undefined, removed: true };
  }

  /**
   * Children of a node being rewritten in this version stay attached to it once loaded, so the
   * rebalancing that follows finds them without another cache lookup. Persisted nodes are never
   * changed: their children are loaded through the cache.
   */
  private left(node: Node): Node {
    if (node.leftNode) return node.leftNode;
    const child = this.db.getNode(node.leftKey!, node.leftHash);
    if (node.nodeKey === undefined) node.leftNode = child;
    return child;
  }

  private right(node: Node): Node {
    if (node.rightNode) return node.rightNode;
    const child = this.db.getNode(node.rightKey!, node.rightHash);
    if (node.nodeKey === undefined) node.rightNode = child;
    return child;
  }

  private updateHeightAndSize(node: Node): void {
    node.height = Math.max(node.leftChildHeight, node.rightChildHeight) + 1;
    node.size = node.leftChildSize + node.rightChildSize;
  }

  private balanceOf(node: Node): number {
    return node.leftChildHeight - node.rightChildHeight;
  }

  private balance(node: Node, version: number): Node {
    const balance = this.balanceOf(node);
    if (balance > 1) {
      const left = this.left(node);
      if (this.balanceOf(left) < 0) node.setLeft(this.rotateLeft(this.writable(left, version), version));
      return this.rotateRight(node, version);
    }
    if (balance < -1) {
      const right = this.right(node);
      if (this.balanceOf(right) > 0) node.setRight(this.rotateRight(this.writable(right, version), version));
      return this.rotateLeft(node, version);
    }
    return node;
  }

  /** `node` must be writable; returns the new subtree root. */
  private rotateRight(node: Node, version: number): Node {
    const pivot = this.writable(this.left(node), version);
    node.takeLeftFrom(pivot, false);
    pivot.setRight(node);
    this.updateHeightAndSize(node);
    this.updateHeightAndSize(pivot);
    return pivot;
  }

  private rotateLeft(node: Node, version: number): Node {
    const pivot = this.writable(this.right(node), version);
    node.takeRightFrom(pivot, true);
    pivot.setLeft(node);
    this.updateHeightAndSize(node);
    this.updateHeightAndSize(pivot);
    return pivot;
  }
}
