import { compareBytes } from '../encoding.js';
import type { Node } from './node.js';
import type { TreeDB } from './tree-db.js';

/**
 * Read-only walks over one version of a tree, from its root. Shared by the working tree and
 * by reads, iteration and proofs at past versions.
 */
export function leftOf(db: TreeDB, node: Node): Node {
  return node.leftNode ?? db.getNode(node.leftKey!, node.leftHash);
}

export function rightOf(db: TreeDB, node: Node): Node {
  return node.rightNode ?? db.getNode(node.rightKey!, node.rightHash);
}

export function getValue(db: TreeDB, root: Node | undefined, key: Uint8Array): Uint8Array | undefined {
  let node = root;
  if (!node) return undefined;
  while (!node.isLeaf()) node = compareBytes(key, node.key) < 0 ? leftOf(db, node) : rightOf(db, node);
  return compareBytes(key, node.key) === 0 ? node.value : undefined;
}

/** The in-order index `key` has (or would have), and its value if present. */
export function getWithIndex(db: TreeDB, root: Node, key: Uint8Array): { index: number; value: Uint8Array | undefined } {
  let node = root;
  let index = 0;
  while (!node.isLeaf()) {
    if (compareBytes(key, node.key) < 0) {
      node = leftOf(db, node);
    } else {
      index += node.leftChildSize;
      node = rightOf(db, node);
    }
  }
  const cmp = compareBytes(key, node.key);
  if (cmp === 0) return { index, value: node.value };
  return { index: cmp < 0 ? index : index + 1, value: undefined };
}

export function getByIndex(db: TreeDB, root: Node, index: number): Node {
  let node = root;
  while (!node.isLeaf()) {
    const leftSize = node.leftChildSize;
    if (index < leftSize) {
      node = leftOf(db, node);
    } else {
      index -= leftSize;
      node = rightOf(db, node);
    }
  }
  return node;
}

/**
 * Leaves with start ≤ key < end in key order (or reverse). Walks with an explicit stack and
 * skips subtrees wholly outside the range, so a range read costs O(log n + results).
 */
export function* iterateTree(
  db: TreeDB,
  root: Node | undefined,
  start: Uint8Array | undefined,
  end: Uint8Array | undefined,
  reverse: boolean,
): Generator<Node> {
  if (!root) return;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.isLeaf()) {
      if (start && compareBytes(node.key, start) < 0) continue;
      if (end && compareBytes(node.key, end) >= 0) continue;
      yield node;
      continue;
    }
    // Every key in the left subtree is < node.key; every key in the right is ≥ node.key.
    const wantLeft = !start || compareBytes(start, node.key) < 0;
    const wantRight = !end || compareBytes(end, node.key) > 0;
    if (reverse) {
      if (wantLeft) stack.push(leftOf(db, node));
      if (wantRight) stack.push(rightOf(db, node));
    } else {
      if (wantRight) stack.push(rightOf(db, node));
      if (wantLeft) stack.push(leftOf(db, node));
    }
  }
}
