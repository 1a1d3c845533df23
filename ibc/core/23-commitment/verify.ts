// MerkleProof verification as ibc-go's commitment v1 MerkleProof.VerifyMembership and
// VerifyNonMembership: one ICS-23 proof per spec, innermost first, each proving the key at
// the matching level of the path (the last path element for proof 0) and handing its
// computed root up as the value the next proof must contain; the last root must equal the
// consensus state's root.
import { calculateExistenceRoot, ics23, verifyNonExistence } from '@confio/ics23';
// Not re-exported by the package index; see verifyChainedMembershipProof for why it is used.
import { ensureSpec } from '@confio/ics23/build/proofs.js';
import { BinaryReader } from 'cosmjs-types/binary';
import { toHex } from '@cosmjs/encoding';
import { bytesEqual } from '../../../app/tx/address.js';
import { ErrInvalidMerkleProof, ErrInvalidProof } from './errors.js';
import type { MerklePath } from './merkle-path.js';
import type { Ics23ProofSpec } from './proof-specs.js';

const encoder = new TextEncoder();

/**
 * The CommitmentProofs of a `MerkleProof` (field 1, repeated). Decoded straight into ics23's
 * own classes: the cosmjs-types and ics23 messages are the same protobuf, and skipping the
 * second decode keeps proof checks cheap.
 */
export function decodeMerkleProof(bytes: Uint8Array): ics23.CommitmentProof[] {
  try {
    const reader = new BinaryReader(bytes);
    const proofs: ics23.CommitmentProof[] = [];
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      if (tag >>> 3 === 1 && (tag & 7) === 2) proofs.push(ics23.CommitmentProof.decode(reader.bytes()));
      else reader.skipType(tag & 7);
    }
    return proofs;
  } catch (err) {
    throw ErrInvalidProof.wrap(`failed to unmarshal proof into ICS 23 commitment merkle proof: ${(err as Error).message}`);
  }
}

function validateVerificationArgs(specs: readonly Ics23ProofSpec[], root: Uint8Array, proofs: readonly ics23.CommitmentProof[]): void {
  if (proofs.length === 0) throw ErrInvalidMerkleProof.wrap('proof cannot be empty');
  if (root.length === 0) throw ErrInvalidMerkleProof.wrap('root cannot be empty');
  if (specs.length !== proofs.length) {
    throw ErrInvalidMerkleProof.wrap(`length of specs: ${specs.length} not equal to length of proof: ${proofs.length}`);
  }
}

function checkPathLength(specs: readonly Ics23ProofSpec[], path: MerklePath): void {
  if (path.keyPath.length !== specs.length) {
    throw ErrInvalidProof.wrap(`path length ${path.keyPath.length} not same as proof ${specs.length}`);
  }
}

const keyAt = (path: MerklePath, i: number): Uint8Array => encoder.encode(path.keyPath[path.keyPath.length - 1 - i]!);

function proofType(proof: ics23.CommitmentProof): string {
  if (proof.batch) return 'BatchProof';
  if (proof.compressed) return 'CompressedBatchProof';
  return 'no proof';
}

function calculate(exist: ics23.IExistenceProof, i: number): Uint8Array {
  try {
    return calculateExistenceRoot(exist);
  } catch (err) {
    throw ErrInvalidProof.wrap(`could not calculate proof root at index ${i}, merkle tree may be empty. ${(err as Error).message}`);
  }
}

/** Proofs `from`.. prove `value` at successive levels of `path`, ending at `root`. */
function verifyChainedMembershipProof(root: Uint8Array, specs: readonly Ics23ProofSpec[], proofs: readonly ics23.CommitmentProof[], path: MerklePath, value: Uint8Array, from: number): void {
  let subroot = value;
  for (let i = from; i < proofs.length; i++) {
    const proof = proofs[i]!;
    if (proof.exist) {
      subroot = calculate(proof.exist, i);
      const key = keyAt(path, i);
      if (!bytesEqual(proof.exist.key ?? new Uint8Array(), key)) {
        throw ErrInvalidProof.wrap(`chained membership proof at index ${i} proves key ${JSON.stringify(decodeKey(proof.exist.key))}, not ${JSON.stringify(path.keyPath[path.keyPath.length - 1 - i])}. Please ensure the path is correct.`);
      }
      // ics23's verifyExistence would hash the whole path again only to compare it with the
      // subroot just computed from it; the spec and value checks are what remain.
      try {
        ensureSpec(proof.exist, specs[i]!);
        if (!bytesEqual(proof.exist.value ?? new Uint8Array(), value)) throw new Error('value does not match the proof');
      } catch (err) {
        throw ErrInvalidProof.wrap(
          `chained membership proof failed to verify membership of value: ${toHex(value).toUpperCase()} in subroot ${toHex(subroot).toUpperCase()} at index ${i} (${(err as Error).message}). Please ensure the path and value are both correct.`,
        );
      }
      value = subroot;
    } else if (proof.nonexist) {
      throw ErrInvalidProof.wrap(
        `chained membership proof contains nonexistence proof at index ${i}. If this is unexpected, please ensure that proof was queried from a height that contained the value in store and was queried with the correct key. The key used: ${path.keyPath.join('/')}`,
      );
    } else {
      throw ErrInvalidProof.wrap(`expected proof type: ExistenceProof, got: ${proofType(proof)} at index ${i}`);
    }
  }
  if (!bytesEqual(root, subroot)) {
    throw ErrInvalidProof.wrap(
      `proof did not commit to expected root: ${toHex(root).toUpperCase()}, got: ${toHex(subroot).toUpperCase()}. Please ensure proof was submitted with correct proofHeight and to the correct chain.`,
    );
  }
}

/** Throws ErrInvalidProof / ErrInvalidMerkleProof unless `proof` shows `value` at `path` under `root`. */
export function verifyMembership(specs: readonly Ics23ProofSpec[], root: Uint8Array, proof: Uint8Array, path: MerklePath, value: Uint8Array): void {
  const proofs = decodeMerkleProof(proof);
  validateVerificationArgs(specs, root, proofs);
  checkPathLength(specs, path);
  if (value.length === 0) throw ErrInvalidProof.wrap('empty value in membership proof');
  verifyChainedMembershipProof(root, specs, proofs, path, value, 0);
}

/**
 * Throws unless `proof` shows nothing at `path` under `root`: proof 0 is an absence proof
 * in the innermost store, the rest prove that store's root up to `root`.
 */
export function verifyNonMembership(specs: readonly Ics23ProofSpec[], root: Uint8Array, proof: Uint8Array, path: MerklePath): void {
  const proofs = decodeMerkleProof(proof);
  validateVerificationArgs(specs, root, proofs);
  checkPathLength(specs, path);
  const first = proofs[0]!;
  if (first.exist) {
    throw ErrInvalidProof.wrap('got ExistenceProof in VerifyNonMembership. If this is unexpected, please ensure that proof was queried with the correct key.');
  }
  if (!first.nonexist) throw ErrInvalidProof.wrap(`expected proof type: NonExistenceProof, got: ${proofType(first)}`);
  const neighbour = first.nonexist.left ?? first.nonexist.right;
  if (!neighbour) throw ErrInvalidProof.wrap('could not calculate root for proof index 0, merkle tree is likely empty. nonexistence proof has empty Left and Right proof');
  let subroot: Uint8Array;
  try {
    subroot = calculateExistenceRoot(neighbour);
  } catch (err) {
    throw ErrInvalidProof.wrap(`could not calculate root for proof index 0, merkle tree is likely empty. ${(err as Error).message}`);
  }
  const key = keyAt(path, 0);
  try {
    verifyNonExistence(first.nonexist, specs[0]!, subroot, key);
  } catch (err) {
    throw ErrInvalidProof.wrap(`could not verify absence of key ${path.keyPath[path.keyPath.length - 1]} (${(err as Error).message}). Please ensure that the path is correct.`);
  }
  verifyChainedMembershipProof(root, specs, proofs, path, subroot, 1);
}

function decodeKey(key: Uint8Array | null | undefined): string {
  return new TextDecoder().decode(key ?? new Uint8Array());
}
