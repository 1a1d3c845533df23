// The IBC Header (ibc.lightclients.tendermint.v1.Header): a CometBFT signed header, the
// validator set that signed it, and the trusted height and validators it builds on.
// validateHeaderBasic is ibc-go's Header.ValidateBasic with CometBFT's SignedHeader checks.
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import type { Header } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import type { Commit, Header as CometHeader, SignedHeader } from 'cosmjs-types/tendermint/types/types';
import { toHex } from '@cosmjs/encoding';
import { bytesEqual } from '../../../app/tx/address.js';
import { ErrInvalidHeader } from '../../core/02-client/errors.js';
import { compareHeights, formatHeight, parseChainId } from '../../core/02-client/height.js';
import { invalidBlockId, invalidHash, validateCommit } from './commit.js';
import { ErrInvalidHeaderHeight } from './errors.js';
import { headerHash, validatorSetHash } from './hash.js';
import { invalidTimestamp } from './time.js';
import { ADDRESS_BYTES, checkValidatorSet, type CheckedValidatorSet } from './validator-set.js';

/** CometBFT's block protocol version (version.BlockProtocol). */
const BLOCK_PROTOCOL = 11n;
/** types.MaxChainIDLen. */
export const MAX_CHAIN_ID_LENGTH = 50;

/** A header that passed validateHeaderBasic: its parts are present and its sets checked. */
export interface ValidHeader {
  readonly header: CometHeader;
  readonly commit: Commit;
  readonly height: Height;
  readonly trustedHeight: Height;
  readonly validatorSet: CheckedValidatorSet;
  readonly source: Header;
}

/** The IBC height of a CometBFT header: revision from its chain id (ibc-go's Header.GetHeight). */
export function headerHeight(header: CometHeader): Height {
  return { revisionNumber: parseChainId(header.chainId), revisionHeight: header.height };
}

/** CometBFT's Header.ValidateBasic (and HeaderFromProto's block id check). */
function validateCometHeader(h: CometHeader): void {
  const lastBlockId = invalidBlockId(h.lastBlockId);
  if (lastBlockId !== undefined) throw new Error(lastBlockId);
  const time = invalidTimestamp(h.time);
  if (time !== undefined) throw new Error(time);
  if (h.version.block !== BLOCK_PROTOCOL) throw new Error(`block protocol is incorrect: got: ${h.version.block}, want: ${BLOCK_PROTOCOL} `);
  if (h.chainId.length > MAX_CHAIN_ID_LENGTH) throw new Error(`chainID is too long; got: ${h.chainId.length}, max: ${MAX_CHAIN_ID_LENGTH}`);
  if (h.height < 0n) throw new Error('negative Height');
  if (h.height === 0n) throw new Error('zero Height');
  const hashes: Array<[string, Uint8Array]> = [
    ['LastCommitHash', h.lastCommitHash],
    ['DataHash', h.dataHash],
    ['EvidenceHash', h.evidenceHash],
  ];
  for (const [name, hash] of hashes) {
    const invalid = invalidHash(hash);
    if (invalid !== undefined) throw new Error(`wrong ${name}: ${invalid}`);
  }
  if (h.proposerAddress.length !== ADDRESS_BYTES) {
    throw new Error(`invalid ProposerAddress length; got: ${h.proposerAddress.length}, expected: ${ADDRESS_BYTES}`);
  }
  const stateHashes: Array<[string, Uint8Array]> = [
    ['ValidatorsHash', h.validatorsHash],
    ['NextValidatorsHash', h.nextValidatorsHash],
    ['ConsensusHash', h.consensusHash],
    ['LastResultsHash', h.lastResultsHash],
  ];
  for (const [name, hash] of stateHashes) {
    const invalid = invalidHash(hash);
    if (invalid !== undefined) throw new Error(`wrong ${name}: ${invalid}`);
  }
}

/** SignedHeader.ValidateBasic minus the chain id match, which the light client checks against its own. */
function validateSignedHeader(sh: SignedHeader): { header: CometHeader; commit: Commit } {
  const { header, commit } = sh;
  if (header === undefined) throw new Error('missing header');
  try {
    validateCometHeader(header);
  } catch (err) {
    throw new Error(`invalid header: ${(err as Error).message}`);
  }
  if (commit === undefined) throw new Error('missing commit');
  try {
    validateCommit(commit);
  } catch (err) {
    throw new Error(`invalid commit: ${(err as Error).message}`);
  }
  if (commit.height !== header.height) throw new Error(`header and commit height mismatch: ${header.height} vs ${commit.height}`);
  const hash = headerHash(header);
  if (!bytesEqual(hash, commit.blockId.hash)) {
    throw new Error(`commit signs block ${toHex(commit.blockId.hash).toUpperCase()}, header is block ${toHex(hash).toUpperCase()}`);
  }
  return { header, commit };
}

/** ibc-go's Header.ValidateBasic: everything that needs no client state. */
export function validateHeaderBasic(h: Header): ValidHeader {
  if (h.signedHeader === undefined) throw ErrInvalidHeader.wrap('tendermint signed header cannot be nil');
  if (h.signedHeader.header === undefined) throw ErrInvalidHeader.wrap('tendermint header cannot be nil');
  let parts: { header: CometHeader; commit: Commit };
  try {
    parts = validateSignedHeader(h.signedHeader);
  } catch (err) {
    throw ErrInvalidHeader.wrap(`header failed basic validation: ${(err as Error).message}`);
  }
  const height = headerHeight(parts.header);
  if (compareHeights(h.trustedHeight, height) >= 0) {
    throw ErrInvalidHeaderHeight.wrap(`TrustedHeight ${formatHeight(h.trustedHeight)} must be less than header height ${formatHeight(height)}`);
  }
  if (h.validatorSet === undefined) throw ErrInvalidHeader.wrap('validator set is nil');
  let validatorSet: CheckedValidatorSet;
  try {
    validatorSet = checkValidatorSet(h.validatorSet);
  } catch (err) {
    throw ErrInvalidHeader.wrap(`validator set is not tendermint validator set: ${(err as Error).message}`);
  }
  if (!bytesEqual(parts.header.validatorsHash, validatorSetHash(h.validatorSet))) throw ErrInvalidHeader.wrap('validator set does not match hash');
  return { ...parts, height, trustedHeight: h.trustedHeight, validatorSet, source: h };
}
