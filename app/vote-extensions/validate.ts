// The checks every validator makes of the signed vote extensions a proposal builds on: the
// SDK's ValidateVoteExtensions and validateExtendedCommitAgainstLastCommit (baseapp/
// abci_utils.go, v0.50), with its wording. Each extension of a precommit for the block must
// be signed by the validator's consensus key over CometBFT's CanonicalVoteExtension, and
// those signatures must come from more than 2/3 of the power.
import { toHex } from '@cosmjs/encoding';
import type { CommitInfo, ExtendedCommitInfo, ExtendedVoteInfo } from 'cosmjs-types/tendermint/abci/types';
import { BlockIDFlag } from 'cosmjs-types/tendermint/types/validator';
import { compareBytes, voteExtensionSignBytes } from '../cometbft/canonical.js';
import { verifyEd25519 } from '../cometbft/ed25519.js';

export interface ValidateVoteExtensionsArgs {
  chainId: string;
  /** The height of the proposal; the extensions were signed at the height before it. */
  height: bigint;
  extendedCommit: ExtendedCommitInfo;
  /** CometBFT's own commit info of that height (ProcessProposal's proposed_last_commit); PrepareProposal has only the extended one. */
  lastCommit?: CommitInfo;
  /** A validator's ed25519 consensus key by consensus address. */
  consensusKey(address: Uint8Array): Uint8Array | undefined;
}

export interface ValidatedExtensions {
  /** The votes that committed the block, every one with a verified extension signature. */
  signed: ExtendedVoteInfo[];
  totalPower: bigint;
}

const hex = (bytes: Uint8Array): string => toHex(bytes).toUpperCase();

/** Throws an Error saying what is wrong; returns the signed votes and the set's power. */
export function validateVoteExtensions(args: ValidateVoteExtensionsArgs): ValidatedExtensions {
  const { extendedCommit, height } = args;
  if (args.lastCommit) validateAgainstLastCommit(extendedCommit, args.lastCommit);
  let totalPower = 0n;
  let signedPower = 0n;
  const signed: ExtendedVoteInfo[] = [];
  for (const vote of extendedCommit.votes) {
    const validator = vote.validator;
    totalPower += validator.power;
    // Only precommits for the block carry extensions; >2/3 of them, or it was not committed.
    if (vote.blockIdFlag !== BlockIDFlag.BLOCK_ID_FLAG_COMMIT) continue;
    if (vote.extensionSignature.length === 0) {
      throw new Error(`vote extensions enabled; received empty vote extension signature at height ${height}`);
    }
    const key = args.consensusKey(validator.address);
    if (key === undefined) throw new Error(`failed to get validator ${hex(validator.address)} public key`);
    const signBytes = voteExtensionSignBytes(args.chainId, vote.voteExtension, height - 1n, extendedCommit.round);
    if (!verifyEd25519(key, signBytes, vote.extensionSignature)) {
      throw new Error(`failed to verify validator ${hex(validator.address)} vote extension signature`);
    }
    signedPower += validator.power;
    signed.push(vote);
  }
  if (totalPower <= 0n) throw new Error(`total voting power must be positive, got: ${totalPower}`);
  const required = (totalPower * 2n) / 3n + 1n;
  if (signedPower < required) {
    throw new Error(`insufficient cumulative voting power received to verify vote extensions; got: ${signedPower}, expected: >=${required}`);
  }
  return { signed, totalPower };
}

/**
 * The extended commit must be CometBFT's last commit with extensions: same round, same
 * validators in CometBFT's order (power descending, then address) with the same power, and
 * the same precommit kinds (a proposer may neither drop a vote nor claim one that was absent).
 */
function validateAgainstLastCommit(ec: ExtendedCommitInfo, lc: CommitInfo): void {
  if (ec.round !== lc.round) throw new Error(`extended commit round ${ec.round} does not match last commit round ${lc.round}`);
  if (ec.votes.length !== lc.votes.length) {
    throw new Error(`extended commit votes length ${ec.votes.length} does not match last commit votes length ${lc.votes.length}`);
  }
  for (let i = 1; i < ec.votes.length; i++) {
    const [a, b] = [ec.votes[i - 1]!.validator, ec.votes[i]!.validator];
    const sorted = a.power === b.power ? compareBytes(a.address, b.address) <= 0 : a.power > b.power;
    if (!sorted) throw new Error('extended commit votes are not sorted by voting power');
  }
  const seen = new Set<string>();
  ec.votes.forEach((vote, i) => {
    const address = hex(vote.validator.address);
    if (seen.has(address)) throw new Error(`extended commit vote address ${address} is duplicated`);
    seen.add(address);
    const last = lc.votes[i]!;
    if (compareBytes(vote.validator.address, last.validator.address) !== 0) {
      throw new Error(`extended commit vote address ${address} does not match last commit vote address ${hex(last.validator.address)}`);
    }
    if (vote.validator.power !== last.validator.power) {
      throw new Error(`extended commit vote power ${vote.validator.power} does not match last commit vote power ${last.validator.power}`);
    }
    if (vote.blockIdFlag !== last.blockIdFlag) {
      throw new Error(`extended commit vote ${address} has block id flag ${vote.blockIdFlag}, the last commit ${last.blockIdFlag}`);
    }
  });
}
