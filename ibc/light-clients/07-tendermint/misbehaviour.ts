// Misbehaviour (ibc-go misbehaviour.go, misbehaviour_handle.go): two headers that would each
// have convinced this client yet cannot both be true: different blocks at one height (a
// fork), or a later block with an earlier time (BFT time violation). A single header can
// prove the same against the consensus states already stored.
import type { ClientState, ConsensusState, Header, Misbehaviour } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { ConsensusState as ConsensusStateCodec } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import type { Context } from '../../../app/context.js';
import type { KVStore } from '../../../app/store/index.js';
import { bytesEqual } from '../../../app/tx/address.js';
import { ErrInvalidMisbehaviour } from '../../core/02-client/errors.js';
import { blockTimeNanos, compareHeights, formatHeight } from '../../core/02-client/height.js';
import { validateClientId } from '../../core/24-host/identifiers.js';
import type { CodedError } from '../../../app/errors.js';
import { verifyCommitLight, verifyCommitLightTrusting } from './commit.js';
import { consensusStateFromHeader } from './consensus-state.js';
import { ErrInvalidHeader, ErrInvalidHeaderHeight, ErrInvalidValidatorSet, ErrTrustingPeriodExpired } from './errors.js';
import { validateHeaderBasic, type ValidHeader } from './header.js';
import { getConsensusState, getNextConsensusState, getPreviousConsensusState } from './store.js';
import { durationNanos, timestampNanos } from './time.js';
import { checkTrustedValidators, trustedConsensusState } from './update.js';

export interface ValidMisbehaviour {
  readonly header1: ValidHeader;
  readonly header2: ValidHeader;
}

const REVISION_FORMAT = /^.*[^\n-]-{1}[1-9][0-9]*$/;

/** SetRevisionNumber: `name-N` with N replaced, for chain ids in revision format. */
function chainIdAtRevision(chainId: string, revision: bigint): string {
  if (!REVISION_FORMAT.test(chainId)) return chainId;
  return `${chainId.slice(0, chainId.lastIndexOf('-'))}-${revision}`;
}

/** The header's own validator set committed to it (validCommit). */
function checkOwnCommit(header: ValidHeader): void {
  try {
    verifyCommitLight(header.header.chainId, header.validatorSet, header.commit.blockId, header.commit.height, header.commit);
  } catch {
    throw ErrInvalidMisbehaviour.wrap('validator set did not commit to header');
  }
}

function headerBasic(header: Header, n: 1 | 2): ValidHeader {
  try {
    return validateHeaderBasic(header);
  } catch (err) {
    throw ErrInvalidMisbehaviour.wrap(`header ${n} failed validation: ${(err as CodedError).message}`);
  }
}

/** ibc-go's Misbehaviour.ValidateBasic. */
export function validateMisbehaviourBasic(m: Misbehaviour): ValidMisbehaviour {
  const { header1, header2 } = m;
  if (header1 === undefined) throw ErrInvalidHeader.wrap('misbehaviour Header1 cannot be nil');
  if (header2 === undefined) throw ErrInvalidHeader.wrap('misbehaviour Header2 cannot be nil');
  if (header1.trustedHeight.revisionHeight === 0n) throw ErrInvalidHeaderHeight.wrap('misbehaviour Header1 cannot have zero revision height');
  if (header2.trustedHeight.revisionHeight === 0n) throw ErrInvalidHeaderHeight.wrap('misbehaviour Header2 cannot have zero revision height');
  if (header1.trustedValidators === undefined) throw ErrInvalidValidatorSet.wrap('trusted validator set in Header1 cannot be empty');
  if (header2.trustedValidators === undefined) throw ErrInvalidValidatorSet.wrap('trusted validator set in Header2 cannot be empty');
  if (header1.signedHeader?.header?.chainId !== header2.signedHeader?.header?.chainId) throw ErrInvalidMisbehaviour.wrap('headers must have identical chainIDs');
  try {
    validateClientId(m.clientId);
  } catch (err) {
    throw (err as CodedError).wrap('misbehaviour client ID is invalid');
  }
  const valid1 = headerBasic(header1, 1);
  const valid2 = headerBasic(header2, 2);
  if (compareHeights(valid1.height, valid2.height) < 0) {
    throw ErrInvalidMisbehaviour.wrap(`Header1 height is less than Header2 height (${formatHeight(valid1.height)} < ${formatHeight(valid2.height)})`);
  }
  checkOwnCommit(valid1);
  checkOwnCommit(valid2);
  return { header1: valid1, header2: valid2 };
}

/** checkMisbehaviourHeader: the header would have passed this client, given its trusted state. */
function checkMisbehaviourHeader(cs: ClientState, consState: ConsensusState, header: ValidHeader, now: bigint): void {
  const trusted = checkTrustedValidators(header, consState);
  const age = now - timestampNanos(consState.timestamp);
  const trustingPeriod = durationNanos(cs.trustingPeriod);
  if (age >= trustingPeriod) {
    throw ErrTrustingPeriodExpired.wrap(
      `current timestamp minus the latest consensus state timestamp is greater than or equal to the trusting period (${age} >= ${trustingPeriod})`,
    );
  }
  // A fork at another revision is signed under that revision's chain id.
  const chainId = chainIdAtRevision(cs.chainId, header.height.revisionNumber);
  try {
    verifyCommitLightTrusting(chainId, trusted, header.commit, cs.trustLevel);
  } catch (err) {
    throw ErrInvalidMisbehaviour.wrap(`validator set in header has too much change from trusted validator set: ${(err as Error).message}`);
  }
}

/** ibc-go's verifyMisbehaviour: both headers would have convinced the client. */
export function verifyMisbehaviour(ctx: Context, store: KVStore, cs: ClientState, m: ValidMisbehaviour): void {
  const consState1 = trustedConsensusState(store, m.header1.trustedHeight, 'Header1');
  const consState2 = trustedConsensusState(store, m.header2.trustedHeight, 'Header2');
  const now = blockTimeNanos(ctx);
  for (const [header, consState, n] of [[m.header1, consState1, 1], [m.header2, consState2, 2]] as const) {
    try {
      checkMisbehaviourHeader(cs, consState, header, now);
    } catch (err) {
      throw (err as CodedError).wrap(`verifying Header${n} in Misbehaviour failed`);
    }
  }
}

const sameConsensusState = (a: ConsensusState, b: ConsensusState): boolean =>
  bytesEqual(ConsensusStateCodec.encode(a).finish(), ConsensusStateCodec.encode(b).finish());

/**
 * A verified header is misbehaviour when a different consensus state is stored at its height,
 * or when its time does not fit between the stored neighbours' (time must grow with height).
 */
export function headerIsMisbehaviour(store: KVStore, header: ValidHeader): boolean {
  const consState = consensusStateFromHeader(header.header);
  const existing = getConsensusState(store, header.height);
  if (existing !== undefined) return !sameConsensusState(existing, consState);
  const time = timestampNanos(consState.timestamp);
  const prev = getPreviousConsensusState(store, header.height);
  if (prev !== undefined && !(timestampNanos(prev.timestamp) < time)) return true;
  const next = getNextConsensusState(store, header.height);
  if (next !== undefined && !(timestampNanos(next.timestamp) > time)) return true;
  return false;
}

/** Two verified headers are a fork (same height, different blocks) or a BFT time violation. */
export function misbehaviourIsProven(m: ValidMisbehaviour): boolean {
  if (compareHeights(m.header1.height, m.header2.height) === 0) return !bytesEqual(m.header1.commit.blockId.hash, m.header2.commit.blockId.hash);
  return !(timestampNanos(m.header1.header.time) > timestampNanos(m.header2.header.time));
}

