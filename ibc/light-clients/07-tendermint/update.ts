// Updating a client with a header (ibc-go update.go): verify it against a trusted consensus
// state, then store the consensus state it gives, pruning the oldest expired one.
import { toHex } from '@cosmjs/encoding';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import type { ClientState, ConsensusState } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import type { Context } from '../../../app/context.js';
import type { KVStore } from '../../../app/store/index.js';
import { bytesEqual } from '../../../app/tx/address.js';
import { ErrConsensusStateNotFound, ErrInvalidHeader } from '../../core/02-client/errors.js';
import { blockTimeNanos, compareHeights, formatHeight } from '../../core/02-client/height.js';
import { isExpired } from './client-state.js';
import { consensusStateFromHeader } from './consensus-state.js';
import { ErrInvalidHeaderHeight, ErrInvalidValidatorSet, ErrTrustingPeriodExpired } from './errors.js';
import { validatorSetHash } from './hash.js';
import type { ValidHeader } from './header.js';
import {
  consensusStateHeights,
  deleteConsensusStateAndMetadata,
  getConsensusState,
  setClientState,
  setConsensusMetadata,
  setConsensusState,
} from './store.js';
import { durationNanos, timestampNanos } from './time.js';
import { checkValidatorSet, type CheckedValidatorSet } from './validator-set.js';
import { OldHeaderExpiredError, verify } from './verifier.js';

/** The trusted consensus state a header builds on (or ErrConsensusStateNotFound). */
export function trustedConsensusState(store: KVStore, trustedHeight: Height, which = 'Header'): ConsensusState {
  const cs = getConsensusState(store, trustedHeight);
  if (cs === undefined) {
    throw ErrConsensusStateNotFound.wrap(`could not get trusted consensus state from clientStore for ${which} at TrustedHeight: ${formatHeight(trustedHeight)}`);
  }
  return cs;
}

/** checkTrustedHeader: the header's trusted validators are the ones the trusted state named as next. */
export function checkTrustedValidators(header: ValidHeader, consState: ConsensusState): CheckedValidatorSet {
  let trusted: CheckedValidatorSet;
  try {
    trusted = checkValidatorSet(header.source.trustedValidators);
  } catch (err) {
    throw ErrInvalidHeader.wrap(`trusted validator set in not tendermint validator set type: ${(err as Error).message}`);
  }
  const hash = validatorSetHash(header.source.trustedValidators!);
  if (!bytesEqual(consState.nextValidatorsHash, hash)) {
    throw ErrInvalidValidatorSet.wrap(
      `trusted validators do not hash to latest trusted validators. Expected: ${toHex(consState.nextValidatorsHash).toUpperCase()}, got: ${toHex(hash).toUpperCase()}`,
    );
  }
  return trusted;
}

/** ibc-go's verifyHeader, in its order of checks. */
export function verifyHeader(ctx: Context, store: KVStore, cs: ClientState, header: ValidHeader): void {
  const consState = trustedConsensusState(store, header.trustedHeight);
  const trustedVals = checkTrustedValidators(header, consState);
  if (header.height.revisionNumber !== header.trustedHeight.revisionNumber) {
    throw ErrInvalidHeaderHeight.wrap(`header height revision ${header.height.revisionNumber} does not match trusted header revision ${header.trustedHeight.revisionNumber}`);
  }
  if (compareHeights(header.height, header.trustedHeight) <= 0) {
    throw ErrInvalidHeader.wrap(`header height ≤ consensus state height (${formatHeight(header.height)} ≤ ${formatHeight(header.trustedHeight)})`);
  }
  const trusted = {
    chainId: cs.chainId,
    height: header.trustedHeight.revisionHeight,
    time: timestampNanos(consState.timestamp),
    nextValidatorsHash: consState.nextValidatorsHash,
  };
  try {
    verify(trusted, trustedVals, header, {
      trustingPeriod: durationNanos(cs.trustingPeriod),
      now: blockTimeNanos(ctx),
      maxClockDrift: durationNanos(cs.maxClockDrift),
      trustLevel: cs.trustLevel,
    });
  } catch (err) {
    const root = err instanceof OldHeaderExpiredError ? ErrTrustingPeriodExpired : ErrInvalidHeader;
    throw root.wrap(`failed to verify header: ${(err as Error).message}`);
  }
}

/**
 * pruneOldestConsensusState: deletes the oldest consensus state if it has expired. One per
 * update keeps the work per block bounded. As ibc-go, not in CheckTx, where nothing persists.
 */
function pruneOldestConsensusState(ctx: Context, store: KVStore, cs: ClientState): void {
  if (ctx.mode === 'check' || ctx.mode === 'recheck') return;
  let oldest: Height | undefined;
  for (const height of consensusStateHeights(store)) {
    oldest = height;
    break;
  }
  if (oldest === undefined) return;
  const consState = getConsensusState(store, oldest);
  if (consState === undefined) throw ErrConsensusStateNotFound.wrap(`failed to retrieve consensus state at height: ${formatHeight(oldest)}`);
  if (isExpired(cs, timestampNanos(consState.timestamp), blockTimeNanos(ctx))) deleteConsensusStateAndMetadata(store, oldest);
}

/**
 * UpdateState: stores the header's consensus state and metadata, raising the latest height
 * if the header is newer. A header already stored is a no-op (its height still returned,
 * as ibc-go's update_client event reports it).
 */
export function updateState(ctx: Context, store: KVStore, cs: ClientState, header: ValidHeader): Height[] {
  pruneOldestConsensusState(ctx, store, cs);
  if (getConsensusState(store, header.height) !== undefined) return [header.height];
  const latestHeight = compareHeights(header.height, cs.latestHeight) > 0 ? header.height : cs.latestHeight;
  setClientState(store, { ...cs, latestHeight });
  setConsensusState(store, consensusStateFromHeader(header.header), header.height);
  setConsensusMetadata(ctx, store, header.height);
  return [header.height];
}

