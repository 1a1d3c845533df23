// Who signed both sides of a fork: the validators whose precommits for the block appear,
// with valid signatures, in both commits of a Misbehaviour at one height and round (CometBFT's
// LightClientAttackEvidence.GetByzantineValidators, equivocation case). The light client's
// own checks (misbehaviour.ts) only verify signatures until enough power has signed, so each
// named signature is verified here: a COMMIT flag on someone else's line frames no one.
import { toHex } from '@cosmjs/encoding';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import type { Misbehaviour } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { BlockIDFlag } from 'cosmjs-types/tendermint/types/validator';
import { voteSignBytes } from '../../../app/cometbft/canonical.js';
import { bytesEqual } from '../../../app/tx/address.js';
import { ErrInvalidMisbehaviour } from '../../core/02-client/errors.js';
import { compareHeights, formatHeight } from '../../core/02-client/height.js';
import { commitVote } from './commit.js';
import type { ValidHeader } from './header.js';
import { validateMisbehaviourBasic } from './misbehaviour.js';

export interface ProvenFork {
  /** The height both commits are at. */
  readonly height: Height;
  /** Consensus addresses (20 bytes) that signed both blocks, in byte order. */
  readonly doubleSigners: Uint8Array[];
}

/** Addresses whose precommit for the header's block is in its commit and verifies. */
function verifiedSigners(header: ValidHeader): Map<string, Uint8Array> {
  const signers = new Map<string, Uint8Array>();
  header.commit.signatures.forEach((sig, index) => {
    if (sig.blockIdFlag !== BlockIDFlag.BLOCK_ID_FLAG_COMMIT) return;
    const validator = header.validatorSet.validators[index];
    if (validator === undefined || !bytesEqual(validator.address, sig.validatorAddress)) return;
    if (!validator.verifySignature(voteSignBytes(header.header.chainId, commitVote(header.commit, index)), sig.signature)) return;
    signers.set(toHex(validator.address), validator.address);
  });
  return signers;
}

/**
 * The fork `m` shows, or ErrInvalidMisbehaviour: ibc-go's Misbehaviour.ValidateBasic, then
 * two commits at one height and round for different blocks. A BFT time violation (different
 * heights) and commits in different rounds (amnesia) prove no equivocation by anyone, so
 * they are refused here (ibc-go's MsgSubmitMisbehaviour still freezes a client on them).
 * Whether the headers would have convinced the client is the light client's check, not this.
 */
export function provenFork(m: Misbehaviour): ProvenFork {
  const { header1, header2 } = validateMisbehaviourBasic(m);
  if (compareHeights(header1.height, header2.height) !== 0) {
    throw ErrInvalidMisbehaviour.wrap(`not a fork: the headers are at heights ${formatHeight(header1.height)} and ${formatHeight(header2.height)}; a BFT time violation names no double signers`);
  }
  if (bytesEqual(header1.commit.blockId.hash, header2.commit.blockId.hash)) {
    throw ErrInvalidMisbehaviour.wrap(`not a fork: both headers commit block ${toHex(header1.commit.blockId.hash).toUpperCase()}`);
  }
  if (header1.commit.round !== header2.commit.round) {
    throw ErrInvalidMisbehaviour.wrap(`the commits are in rounds ${header1.commit.round} and ${header2.commit.round}: an amnesia attack names no provable double signers`);
  }
  const second = verifiedSigners(header2);
  const doubleSigners = [...verifiedSigners(header1)].filter(([key]) => second.has(key)).map(([, address]) => address);
  doubleSigners.sort((a, b) => Buffer.compare(a, b));
  return { height: header1.height, doubleSigners };
}
