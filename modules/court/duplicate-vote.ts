// CometBFT's DuplicateVoteEvidence, checked as CometBFT checks it (types/evidence.go
// ValidateBasic, evidence/verify.go VerifyDuplicateVote): first what needs no state, then
// against the validator set that signed at the evidence height.
import { createHash } from 'node:crypto';
import { toHex } from '@cosmjs/encoding';
import { ed25519 } from '@noble/curves/ed25519.js';
import { DuplicateVoteEvidence } from 'cosmjs-types/tendermint/types/evidence';
import { SignedMsgType, type BlockID, type Vote } from 'cosmjs-types/tendermint/types/types';
import { blockIdKey, compareBytes, isNilBlockId, voteSignBytes } from '../../app/cometbft/canonical.js';
import { ErrInvalidEvidence } from './errors.js';

export const DUPLICATE_VOTE_EVIDENCE_TYPE_URL = '/tendermint.types.DuplicateVoteEvidence';

const HASH_BYTES = 32;
const ADDRESS_BYTES = 20;
const MAX_SIGNATURE_BYTES = 64;

/** A CometBFT validator address: the first 20 bytes of sha256 of its ed25519 key. */
export function consAddressOf(pubKey: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(pubKey).digest().subarray(0, ADDRESS_BYTES));
}

/** The evidence hash CometBFT uses (tmhash of the protobuf bytes), over the canonical encoding. */
export function duplicateVoteHash(evidence: DuplicateVoteEvidence): Uint8Array {
  return new Uint8Array(createHash('sha256').update(DuplicateVoteEvidence.encode(evidence).finish()).digest());
}

function invalid(detail: string): never {
  throw ErrInvalidEvidence.wrap(detail);
}

function isCompleteBlockId(id: BlockID): boolean {
  return id.hash.length === HASH_BYTES && id.partSetHeader.total > 0 && id.partSetHeader.hash.length === HASH_BYTES;
}

/** Vote.ValidateBasic: a well-formed prevote or precommit with a signature. */
function validateVote(vote: Vote, name: string): void {
  if (vote.type !== SignedMsgType.SIGNED_MSG_TYPE_PREVOTE && vote.type !== SignedMsgType.SIGNED_MSG_TYPE_PRECOMMIT) {
    invalid(`${name}: invalid type ${vote.type}, expected a prevote (1) or precommit (2)`);
  }
  if (vote.height <= 0n) invalid(`${name}: negative or zero height`);
  if (vote.round < 0) invalid(`${name}: negative round`);
  const { hash, partSetHeader } = vote.blockId;
  if (hash.length !== 0 && hash.length !== HASH_BYTES) invalid(`${name}: block hash must be ${HASH_BYTES} bytes, got ${hash.length}`);
  if (partSetHeader.hash.length !== 0 && partSetHeader.hash.length !== HASH_BYTES) invalid(`${name}: part set hash must be ${HASH_BYTES} bytes, got ${partSetHeader.hash.length}`);
  if (!isNilBlockId(vote.blockId) && !isCompleteBlockId(vote.blockId)) invalid(`${name}: block id must be either empty or complete`);
  if (vote.validatorAddress.length !== ADDRESS_BYTES) invalid(`${name}: validator address must be ${ADDRESS_BYTES} bytes, got ${vote.validatorAddress.length}`);
  if (vote.validatorIndex < 0) invalid(`${name}: negative validator index`);
  if (vote.signature.length === 0) invalid(`${name}: signature is missing`);
  if (vote.signature.length > MAX_SIGNATURE_BYTES) invalid(`${name}: signature is too big (max: ${MAX_SIGNATURE_BYTES})`);
  const extensible = vote.type === SignedMsgType.SIGNED_MSG_TYPE_PRECOMMIT && !isNilBlockId(vote.blockId);
  if (!extensible && (vote.extension.length > 0 || vote.extensionSignature.length > 0)) invalid(`${name}: unexpected vote extension`);
  if (vote.extensionSignature.length > MAX_SIGNATURE_BYTES) invalid(`${name}: vote extension signature is too big (max: ${MAX_SIGNATURE_BYTES})`);
  if (vote.extension.length > 0 && vote.extensionSignature.length === 0) invalid(`${name}: vote extension without a signature`);
}

/** The two votes, checked to be a real conflict in CometBFT's canonical order; throws ErrInvalidEvidence. */
export function validateDuplicateVote(evidence: DuplicateVoteEvidence): { voteA: Vote; voteB: Vote } {
  const { voteA, voteB } = evidence;
  if (voteA === undefined || voteB === undefined) invalid('one or both of the votes are empty');
  validateVote(voteA, 'vote A');
  validateVote(voteB, 'vote B');
  if (voteA.height !== voteB.height || voteA.round !== voteB.round || voteA.type !== voteB.type) {
    invalid(`h/r/s does not match: ${voteA.height}/${voteA.round}/${voteA.type} vs ${voteB.height}/${voteB.round}/${voteB.type}`);
  }
  if (compareBytes(voteA.validatorAddress, voteB.validatorAddress) !== 0) {
    invalid(`validator addresses do not match: ${toHex(voteA.validatorAddress).toUpperCase()} vs ${toHex(voteB.validatorAddress).toUpperCase()}`);
  }
  const order = compareBytes(blockIdKey(voteA.blockId), blockIdKey(voteB.blockId));
  if (order === 0) invalid(`block IDs are the same (${toHex(voteA.blockId.hash).toUpperCase()}): not a real duplicate vote`);
  if (order > 0) invalid('duplicate votes in invalid order: vote A must have the lower block id (hash, then part set header)');
  if (evidence.validatorPower <= 0n) invalid(`validator power must be positive, got ${evidence.validatorPower}`);
  if (evidence.totalVotingPower < evidence.validatorPower) invalid(`total voting power ${evidence.totalVotingPower} is below the validator's ${evidence.validatorPower}`);
  return { voteA, voteB };
}

function verifies(pubKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    // ZIP-215 rules, as CometBFT's ed25519 verification (curve25519-voi).
    return ed25519.verify(signature, message, pubKey, { zip215: true });
  } catch {
    return false;
  }
}

/**
 * VerifyDuplicateVote: the signer was in `validators` (the set at the evidence height) with
 * the power the evidence claims, the total power matches, and both signatures verify over
 * this chain's vote sign bytes. Returns the signer's key and power.
 */
export function verifyDuplicateVote(
  chainId: string,
  evidence: DuplicateVoteEvidence,
  votes: { voteA: Vote; voteB: Vote },
  validators: readonly { consPubKey: Uint8Array; power: bigint }[],
): { consPubKey: Uint8Array; power: bigint } {
  const { voteA, voteB } = votes;
  const signer = validators.find((v) => compareBytes(consAddressOf(v.consPubKey), voteA.validatorAddress) === 0);
  if (signer === undefined) invalid(`address ${toHex(voteA.validatorAddress).toUpperCase()} was not a validator at height ${voteA.height}`);
  if (signer.power !== evidence.validatorPower) {
    invalid(`validator power from evidence and our validator set does not match (${evidence.validatorPower} != ${signer.power})`);
  }
  const total = validators.reduce((sum, v) => sum + v.power, 0n);
  if (total !== evidence.totalVotingPower) {
    invalid(`total voting power from the evidence and our validator set does not match (${evidence.totalVotingPower} != ${total})`);
  }
  if (!verifies(signer.consPubKey, voteSignBytes(chainId, voteA), voteA.signature)) invalid(`verifying vote A: invalid signature for chain ${chainId}`);
  if (!verifies(signer.consPubKey, voteSignBytes(chainId, voteB), voteB.signature)) invalid(`verifying vote B: invalid signature for chain ${chainId}`);
  return signer;
}
