// Proofs of the counterparty's state (ibc-go client_state.go VerifyMembership and
// VerifyNonMembership): ICS-23 proofs under the client's proof specs against the root of the
// consensus state at the proof height, once the connection's delay period has passed.
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import type { ClientState } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import type { Context } from '../../../app/context.js';
import type { KVStore } from '../../../app/store/index.js';
import { ErrConsensusStateNotFound, ErrInvalidHeight } from '../../core/02-client/errors.js';
import { blockTimeNanos, compareHeights, formatHeight, selfHeight } from '../../core/02-client/height.js';
import type { MerklePath } from '../../core/23-commitment/merkle-path.js';
import { toIcs23Spec } from '../../core/23-commitment/proof-specs.js';
import { verifyMembership as verifyMerkleMembership, verifyNonMembership as verifyMerkleNonMembership } from '../../core/23-commitment/verify.js';
import { ErrDelayPeriodNotPassed, ErrProcessedHeightNotFound, ErrProcessedTimeNotFound } from './errors.js';
import { getConsensusState, getProcessedHeight, getProcessedTime } from './store.js';

/**
 * verifyDelayPeriodPassed: at least `delayTimePeriod` nanoseconds and `delayBlockPeriod`
 * blocks of this chain have passed since the consensus state at `proofHeight` was stored
 * (inclusive), so a misbehaving counterparty had time to be caught first.
 */
export function verifyDelayPeriodPassed(ctx: Context, store: KVStore, proofHeight: Height, delayTimePeriod: bigint, delayBlockPeriod: bigint): void {
  if (delayTimePeriod !== 0n) {
    const processedTime = getProcessedTime(store, proofHeight);
    if (processedTime === undefined) throw ErrProcessedTimeNotFound.wrap(`processed time not found for height: ${formatHeight(proofHeight)}`);
    const now = blockTimeNanos(ctx);
    const validTime = processedTime + delayTimePeriod;
    if (now < validTime) throw ErrDelayPeriodNotPassed.wrap(`cannot verify packet until time: ${validTime}, current time: ${now}`);
  }
  if (delayBlockPeriod !== 0n) {
    const processedHeight = getProcessedHeight(store, proofHeight);
    if (processedHeight === undefined) throw ErrProcessedHeightNotFound.wrap(`processed height not found for height: ${formatHeight(proofHeight)}`);
    const current = selfHeight(ctx);
    const validHeight = { revisionNumber: processedHeight.revisionNumber, revisionHeight: processedHeight.revisionHeight + delayBlockPeriod };
    if (compareHeights(current, validHeight) < 0) {
      throw ErrDelayPeriodNotPassed.wrap(`cannot verify packet until height: ${formatHeight(validHeight)}, current height: ${formatHeight(current)}`);
    }
  }
}

/** The checks both proofs share; returns the root and specs to verify against. */
function proofContext(ctx: Context, store: KVStore, cs: ClientState, height: Height, delayTimePeriod: bigint, delayBlockPeriod: bigint) {
  if (compareHeights(cs.latestHeight, height) < 0) {
    throw ErrInvalidHeight.wrap(`client state height < proof height (${formatHeight(cs.latestHeight)} < ${formatHeight(height)}), please ensure the client has been updated`);
  }
  verifyDelayPeriodPassed(ctx, store, height, delayTimePeriod, delayBlockPeriod);
  const consensusState = getConsensusState(store, height);
  if (consensusState === undefined) {
    throw ErrConsensusStateNotFound.wrap('please ensure the proof was constructed against a height that exists on the client');
  }
  return { root: consensusState.root.hash, specs: cs.proofSpecs.map(toIcs23Spec) };
}

export function verifyMembership(
  ctx: Context,
  store: KVStore,
  cs: ClientState,
  height: Height,
  delayTimePeriod: bigint,
  delayBlockPeriod: bigint,
  proof: Uint8Array,
  path: MerklePath,
  value: Uint8Array,
): void {
  const { root, specs } = proofContext(ctx, store, cs, height, delayTimePeriod, delayBlockPeriod);
  verifyMerkleMembership(specs, root, proof, path, value);
}

export function verifyNonMembership(
  ctx: Context,
  store: KVStore,
  cs: ClientState,
  height: Height,
  delayTimePeriod: bigint,
  delayBlockPeriod: bigint,
  proof: Uint8Array,
  path: MerklePath,
): void {
  const { root, specs } = proofContext(ctx, store, cs, height, delayTimePeriod, delayBlockPeriod);
  verifyMerkleNonMembership(specs, root, proof, path);
}
