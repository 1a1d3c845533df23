import { CommitmentProof, HashOp, LengthOp, type InnerOp } from 'cosmjs-types/cosmos/ics23/v1/proofs';
import { StoreError } from './errors.js';
import { concatBytes, lengthPrefixed } from './encoding.js';
import { EMPTY_HASH, sha256 } from './hash.js';

/** A committed version of one store: its name and tree root. */
export interface StoreInfo {
  name: string;
  hash: Uint8Array;
}

const LEAF = Uint8Array.of(0);
const INNER = Uint8Array.of(1);

/** The largest power of two strictly below n (n ≥ 2), CometBFT's split point. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** RFC 6962 Merkle root, as CometBFT's `merkle.HashFromByteSlices`. */
export function simpleMerkleRoot(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return EMPTY_HASH;
  if (leaves.length === 1) return sha256(concatBytes(LEAF, leaves[0]!));
  const k = splitPoint(leaves.length);
  return sha256(concatBytes(INNER, simpleMerkleRoot(leaves.slice(0, k)), simpleMerkleRoot(leaves.slice(k))));
}

/** Inner ops from leaf `index` up to the root, in ICS-23 form. */
function simpleMerklePath(leaves: Uint8Array[], index: number): InnerOp[] {
  if (leaves.length <= 1) return [];
  const k = splitPoint(leaves.length);
  if (index < k) {
    const path = simpleMerklePath(leaves.slice(0, k), index);
    path.push({ hash: HashOp.SHA256, prefix: INNER, suffix: simpleMerkleRoot(leaves.slice(k)) });
    return path;
  }
  const path = simpleMerklePath(leaves.slice(k), index - k);
  path.push({ hash: HashOp.SHA256, prefix: concatBytes(INNER, simpleMerkleRoot(leaves.slice(0, k))), suffix: new Uint8Array(0) });
  return path;
}

function sortedInfos(infos: StoreInfo[]): StoreInfo[] {
  return [...infos].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `uvarint(len name) ‖ name ‖ uvarint(32) ‖ sha256(root)`: the SDK's commit-info leaf. */
function storeLeaf(info: StoreInfo): Uint8Array {
  return concatBytes(lengthPrefixed(Buffer.from(info.name, 'utf8')), lengthPrefixed(sha256(info.hash)));
}

/**
 * The app hash: the simple Merkle root over (store name, store root) sorted by name, as the
 * Cosmos SDK's `CommitInfo.Hash` computes it.
 */
export function commitInfoHash(infos: StoreInfo[]): Uint8Array {
  return simpleMerkleRoot(sortedInfos(infos).map(storeLeaf));
}

/** An ICS-23 existence proof (tendermintSpec) of store `name`'s root inside the app hash. */
export function storeRootProof(infos: StoreInfo[], name: string): CommitmentProof {
  const sorted = sortedInfos(infos);
  const index = sorted.findIndex((i) => i.name === name);
  if (index < 0) throw new StoreError(`no store named ${name}`);
  return {
    exist: {
      key: Buffer.from(name, 'utf8'),
      value: sorted[index]!.hash,
      leaf: { hash: HashOp.SHA256, prehashKey: HashOp.NO_HASH, prehashValue: HashOp.SHA256, length: LengthOp.VAR_PROTO, prefix: LEAF },
      path: simpleMerklePath(sorted.map(storeLeaf), index),
    },
  };
}
