// The 07-tendermint client state's own rules (ibc-go client_state.go): what a valid client
// state is, and when the client has gone too long without an update to be trusted.
import type { ClientState, Fraction } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import { ErrInvalidClient } from '../../core/02-client/errors.js';
import { parseChainId } from '../../core/02-client/height.js';
import {
  ErrInvalidChainID,
  ErrInvalidHeaderHeight,
  ErrInvalidMaxClockDrift,
  ErrInvalidProofSpecs,
  ErrInvalidTrustingPeriod,
  ErrInvalidUnbondingPeriod,
} from './errors.js';
import { MAX_CHAIN_ID_LENGTH } from './header.js';
import { durationNanos } from './time.js';

/** Misbehaviour freezes a client at 0-1: only whether it is zero matters. */
export const FROZEN_HEIGHT: Height = Object.freeze({ revisionNumber: 0n, revisionHeight: 1n });
/** CometBFT's default: a new header is trusted if at least one honest validator signed it. */
export const DEFAULT_TRUST_LEVEL: Fraction = Object.freeze({ numerator: 1n, denominator: 3n });

/** light.ValidateTrustLevel: within [1/3, 1]. Returns why not, or undefined. */
export function invalidTrustLevel(level: Fraction): string | undefined {
  const { numerator, denominator } = level;
  if (numerator * 3n < denominator || numerator > denominator || denominator === 0n) {
    return `trustLevel must be within [1/3, 1], given ${numerator}/${denominator}`;
  }
  return undefined;
}

/** ibc-go's ClientState.Validate. */
export function validateClientState(cs: ClientState): void {
  if (cs.chainId.trim() === '') throw ErrInvalidChainID.wrap('chain id cannot be empty string');
  if (cs.chainId.length > MAX_CHAIN_ID_LENGTH) throw ErrInvalidChainID.wrap(`chainID is too long; got: ${cs.chainId.length}, max: ${MAX_CHAIN_ID_LENGTH}`);
  const trust = invalidTrustLevel(cs.trustLevel);
  if (trust !== undefined) throw ErrInvalidClient.wrap(trust);
  const trusting = durationNanos(cs.trustingPeriod);
  const unbonding = durationNanos(cs.unbondingPeriod);
  if (trusting <= 0n) throw ErrInvalidTrustingPeriod.wrap('trusting period must be greater than zero');
  if (unbonding <= 0n) throw ErrInvalidUnbondingPeriod.wrap('unbonding period must be greater than zero');
  if (durationNanos(cs.maxClockDrift) <= 0n) throw ErrInvalidMaxClockDrift.wrap('max clock drift must be greater than zero');
  const revision = parseChainId(cs.chainId);
  if (cs.latestHeight.revisionNumber !== revision) {
    throw ErrInvalidHeaderHeight.wrap(`latest height revision number must match chain id revision number (${cs.latestHeight.revisionNumber} != ${revision})`);
  }
  if (cs.latestHeight.revisionHeight === 0n) throw ErrInvalidHeaderHeight.wrap("tendermint client's latest height revision height cannot be zero");
  if (trusting >= unbonding) throw ErrInvalidTrustingPeriod.wrap(`trusting period (${trusting}ns) should be < unbonding period (${unbonding}ns)`);
  if (cs.proofSpecs.length === 0) throw ErrInvalidProofSpecs.wrap('proof specs cannot be nil for tm client');
  cs.upgradePath.forEach((key, i) => {
    if (key.trim() === '') throw ErrInvalidClient.wrap(`key in upgrade path at index ${i} cannot be empty`);
  });
}

/** IsExpired: the trusting period has run out since `latestTimestamp` (both unix nanoseconds). */
export function isExpired(cs: ClientState, latestTimestamp: bigint, now: bigint): boolean {
  return !(latestTimestamp + durationNanos(cs.trustingPeriod) > now);
}
