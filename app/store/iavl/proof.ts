import { CommitmentProof, ExistenceProof, HashOp, InnerOp, LengthOp, LeafOp } from 'cosmjs-types/cosmos/ics23/v1/proofs';
import { StoreError } from '../errors.js';
import { compareBytes, concatBytes, encodeZigzag, toHex } from '../encoding.js';
import { hashNode, type Node } from './node.js';
import { getByIndex, getWithIndex, leftOf, rightOf } from './reader.js';
import type { TreeDB } from './tree-db.js';

const LENGTH_PREFIX_32 = Uint8Array.of(32);

function iavlLeafOp(version: number): LeafOp {
  return {
    hash: HashOp.SHA256,
    prehashKey: HashOp.NO_HASH,
    prehashValue: HashOp.SHA256,
    length: LengthOp.VAR_PROTO,
    // zz(height 0) ‖ zz(size 1) ‖ zz(version): the leaf's hash preimage before the key.
    prefix: concatBytes(Uint8Array.of(0, 2), encodeZigzag(version)),
  };
}

/** A child's hash, from the reference the node keeps (no load) when the child is persisted. */
function childHash(node: Node, left: boolean): Uint8Array {
  const child = left ? node.leftNode : node.rightNode;
  return child ? hashNode(child) : (left ? node.leftHash : node.rightHash)!;
}

/** An ICS-23 existence proof of `key` (which must exist) under the tree rooted at `root`. */
export function existenceProof(db: TreeDB, root: Node, key: Uint8Array): ExistenceProof {
  const path: InnerOp[] = [];
  let node = root;
  while (!node.isLeaf()) {
    const header = concatBytes(encodeZigzag(node.height), encodeZigzag(node.size), encodeZigzag(node.version), LENGTH_PREFIX_32);
    if (compareBytes(key, node.key) < 0) {
      path.push({ hash: HashOp.SHA256, prefix: header, suffix: concatBytes(LENGTH_PREFIX_32, childHash(node, false)) });
      node = leftOf(db, node);
    } else {
      path.push({ hash: HashOp.SHA256, prefix: concatBytes(header, childHash(node, true), LENGTH_PREFIX_32), suffix: new Uint8Array(0) });
      node = rightOf(db, node);
    }
  }
  if (compareBytes(key, node.key) !== 0) throw new StoreError(`key ${toHex(key)} does not exist; ask for a non-existence proof`);
  return { key: node.key, value: node.value!, leaf: iavlLeafOp(node.version), path: path.reverse() };
}

/**
 * An ICS-23 commitment proof for `key` at the tree rooted at `root`: existence if the key is
 * present, otherwise non-existence with its left and right neighbours (IAVL's method).
 */
export function commitmentProof(db: TreeDB, root: Node | undefined, key: Uint8Array): CommitmentProof {
  if (!root) throw new StoreError('cannot prove anything about an empty tree; ICS-23 has no empty-tree proof');
  const { index, value } = getWithIndex(db, root, key);
  if (value !== undefined) return { exist: existenceProof(db, root, key) };
  const left = index > 0 ? existenceProof(db, root, getByIndex(db, root, index - 1).key) : undefined;
  const right = index < root.size ? existenceProof(db, root, getByIndex(db, root, index).key) : undefined;
  return { nonexist: { key, left, right } };
}
