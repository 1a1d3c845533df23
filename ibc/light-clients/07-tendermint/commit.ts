// Commit verification as CometBFT's light client does it (types/validation.go): a vote
// counts only with BlockIDFlagCommit and a valid signature over CometBFT's canonical vote
// sign bytes, and checking stops as soon as more than the needed power has signed.
// Errors carry CometBFT's wording; callers wrap them in IBC error codes.
import { toHex } from '@cosmjs/encoding';
import type { Fraction } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { SignedMsgType, type BlockID, type Commit, type CommitSig, type Vote } from 'cosmjs-types/tendermint/types/types';
import { BlockIDFlag } from 'cosmjs-types/tendermint/types/validator';
import { isNilBlockId, voteSignBytes } from '../../../app/cometbft/canonical.js';
import { bytesEqual } from '../../../app/tx/address.js';
import { invalidTimestamp } from './time.js';
import { ADDRESS_BYTES, type CheckedValidator, type CheckedValidatorSet } from './validator-set.js';

const HASH_BYTES = 32;
const MAX_SIGNATURE_BYTES = 64;
// Go's zero time.Time (0001-01-01T00:00:00Z): the timestamp of an absent vote.
const ZERO_TIME_SECONDS = -62_135_596_800n;
const EMPTY_BLOCK_ID: BlockID = { hash: new Uint8Array(), partSetHeader: { total: 0, hash: new Uint8Array() } };

/** Fewer than the needed power signed (ErrNotEnoughVotingPowerSigned). */
export class NotEnoughVotingPowerError extends Error {
  constructor(
    readonly got: bigint,
    readonly needed: bigint,
  ) {
    super(`invalid commit -- insufficient voting power: got ${got}, needed more than ${needed}`);
  }
}

/** `ValidateHash`: empty, or exactly a sha256 hash. */
export function invalidHash(hash: Uint8Array): string | undefined {
  return hash.length > 0 && hash.length !== HASH_BYTES ? `expected size to be ${HASH_BYTES} bytes, got ${hash.length} bytes` : undefined;
}

/** BlockID.ValidateBasic, as BlockIDFromProto runs it. */
export function invalidBlockId(id: BlockID): string | undefined {
  if (invalidHash(id.hash) !== undefined) return 'wrong Hash';
  const parts = invalidHash(id.partSetHeader.hash);
  return parts === undefined ? undefined : `wrong PartSetHeader: wrong Hash: ${parts}`;
}

function formatBlockId(id: BlockID): string {
  return `${toHex(id.hash).toUpperCase()}:${id.partSetHeader.total}:${toHex(id.partSetHeader.hash.subarray(0, 6)).toUpperCase()}`;
}

function blockIdsEqual(a: BlockID, b: BlockID): boolean {
  return bytesEqual(a.hash, b.hash) && a.partSetHeader.total === b.partSetHeader.total && bytesEqual(a.partSetHeader.hash, b.partSetHeader.hash);
}

function invalidCommitSig(sig: CommitSig): string | undefined {
  const time = invalidTimestamp(sig.timestamp);
  if (time !== undefined) return time;
  switch (sig.blockIdFlag) {
    case BlockIDFlag.BLOCK_ID_FLAG_ABSENT:
      if (sig.validatorAddress.length !== 0) return 'validator address is present';
      if (sig.timestamp.seconds !== ZERO_TIME_SECONDS || sig.timestamp.nanos !== 0) return 'time is present';
      if (sig.signature.length !== 0) return 'signature is present';
      return undefined;
    case BlockIDFlag.BLOCK_ID_FLAG_COMMIT:
    case BlockIDFlag.BLOCK_ID_FLAG_NIL:
      if (sig.validatorAddress.length !== ADDRESS_BYTES) return `expected ValidatorAddress size to be ${ADDRESS_BYTES} bytes, got ${sig.validatorAddress.length} bytes`;
      if (sig.signature.length === 0) return 'signature is missing';
      if (sig.signature.length > MAX_SIGNATURE_BYTES) return `signature is too big (max: ${MAX_SIGNATURE_BYTES})`;
      return undefined;
    default:
      return `unknown BlockIDFlag: ${sig.blockIdFlag}`;
  }
}

/** CommitFromProto's checks (Commit.ValidateBasic); throws with CometBFT's wording. */
export function validateCommit(commit: Commit): void {
  const blockId = invalidBlockId(commit.blockId);
  if (blockId !== undefined) throw new Error(blockId);
  if (commit.height < 0n) throw new Error('negative Height');
  if (commit.round < 0) throw new Error('negative Round');
  if (commit.height >= 1n) {
    if (isNilBlockId(commit.blockId)) throw new Error('commit cannot be for nil block');
    if (commit.signatures.length === 0) throw new Error('no signatures in commit');
    commit.signatures.forEach((sig, i) => {
      const invalid = invalidCommitSig(sig);
      if (invalid !== undefined) throw new Error(`wrong CommitSig #${i}: ${invalid}`);
    });
  }
}

/** The precommit validator `index` signed (Commit.GetVote): for the block only with BlockIDFlagCommit. */
export function commitVote(commit: Commit, index: number): Vote {
  const sig = commit.signatures[index]!;
  return {
    type: SignedMsgType.SIGNED_MSG_TYPE_PRECOMMIT,
    height: commit.height,
    round: commit.round,
    blockId: sig.blockIdFlag === BlockIDFlag.BLOCK_ID_FLAG_COMMIT ? commit.blockId : EMPTY_BLOCK_ID,
    timestamp: sig.timestamp,
    validatorAddress: sig.validatorAddress,
    validatorIndex: index,
    signature: sig.signature,
    extension: new Uint8Array(),
    extensionSignature: new Uint8Array(),
  };
}

/**
 * CometBFT's commit tally without countAllSignatures: signatures for the block, in commit
 * order, until more than `needed` power has signed; then those signatures are verified.
 * Tallying first, as CometBFT's batch path for ed25519 sets does, reports too little power
 * before spending any signature check. `lookUp` finds the signer: by index when the set is
 * the one that made the commit, by address (each validator once) when it is not.
 */
function tallyCommit(
  chainId: string,
  commit: Commit,
  needed: bigint,
  lookUp: (sig: CommitSig, index: number, seen: Map<number, number>) => CheckedValidator | undefined,
): void {
  let tallied = 0n;
  const seen = new Map<number, number>();
  const signers: Array<{ index: number; validator: CheckedValidator }> = [];
  for (let i = 0; i < commit.signatures.length && tallied <= needed; i++) {
    const sig = commit.signatures[i]!;
    if (sig.blockIdFlag !== BlockIDFlag.BLOCK_ID_FLAG_COMMIT) continue;
    const invalid = invalidCommitSig(sig);
    if (invalid !== undefined) throw new Error(`invalid signatures at index ${i}: ${invalid}`);
    const validator = lookUp(sig, i, seen);
    if (validator === undefined) continue;
    signers.push({ index: i, validator });
    tallied += validator.votingPower;
  }
  if (tallied <= needed) throw new NotEnoughVotingPowerError(tallied, needed);
  for (const { index, validator } of signers) {
    const sig = commit.signatures[index]!;
    if (!validator.verifySignature(voteSignBytes(chainId, commitVote(commit, index)), sig.signature)) {
      throw new Error(`wrong signature (#${index}): ${toHex(sig.signature).toUpperCase()}`);
    }
  }
}

/**
 * VerifyCommitLight: more than 2/3 of `vals` (the set that made the commit) signed
 * `blockId` at `height`.
 */
export function verifyCommitLight(chainId: string, vals: CheckedValidatorSet, blockId: BlockID, height: bigint, commit: Commit): void {
  if (vals.validators.length !== commit.signatures.length) {
    throw new Error(`Invalid commit -- wrong set size: ${vals.validators.length} vs ${commit.signatures.length}`);
  }
  if (height !== commit.height) throw new Error(`Invalid commit -- wrong height: ${height} vs ${commit.height}`);
  if (!blockIdsEqual(blockId, commit.blockId)) {
    throw new Error(`invalid commit -- wrong block ID: want ${formatBlockId(blockId)}, got ${formatBlockId(commit.blockId)}`);
  }
  const needed = (vals.totalVotingPower * 2n) / 3n;
  tallyCommit(chainId, commit, needed, (_sig, index) => vals.validators[index]);
}

/**
 * VerifyCommitLightTrusting: more than `trustLevel` of `vals` (a trusted set, which need not
 * be the one that made the commit) signed it. Signers are matched by address.
 */
export function verifyCommitLightTrusting(chainId: string, vals: CheckedValidatorSet, commit: Commit, trustLevel: Fraction): void {
  if (trustLevel.denominator === 0n) throw new Error('trustLevel has zero Denominator');
  const product = vals.totalVotingPower * trustLevel.numerator;
  if (product > 2n ** 63n - 1n) throw new Error('int64 overflow while calculating voting power needed. please provide smaller trustLevel numerator');
  const needed = product / trustLevel.denominator;
  tallyCommit(chainId, commit, needed, (sig, index, seen) => {
    const found = vals.getByAddress(sig.validatorAddress);
    if (found === undefined) return undefined;
    const first = seen.get(found.index);
    if (first !== undefined) throw new Error(`double vote from ${toHex(sig.validatorAddress).toUpperCase()} (${first} and ${index})`);
    seen.set(found.index, index);
    return found.validator;
  });
}
