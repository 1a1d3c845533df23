// CometBFT's light client verification (light/verifier.go Verify): a header adjacent to the
// trusted one must be signed by +2/3 of the validators the trusted header named as next; a
// header further on must be signed by more than `trustLevel` of the trusted validators and
// by +2/3 of its own. Only the trusted header's chain id, height, time and next validators
// hash matter, which is exactly what a consensus state keeps.
import { toHex } from '@cosmjs/encoding';
import type { Fraction } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { bytesEqual } from '../../../app/tx/address.js';
import { NotEnoughVotingPowerError, verifyCommitLight, verifyCommitLightTrusting } from './commit.js';
import type { ValidHeader } from './header.js';
import { formatNanos, timestampNanos } from './time.js';
import type { CheckedValidatorSet } from './validator-set.js';

export interface TrustedHeader {
  readonly chainId: string;
  readonly height: bigint;
  /** Unix nanoseconds. */
  readonly time: bigint;
  readonly nextValidatorsHash: Uint8Array;
}

export interface VerifyOptions {
  readonly trustingPeriod: bigint;
  readonly now: bigint;
  readonly maxClockDrift: bigint;
  readonly trustLevel: Fraction;
}

/** The trusted header is older than the trusting period (light.ErrOldHeaderExpired). */
export class OldHeaderExpiredError extends Error {}

/** HeaderExpired: the trusting period has run out since the trusted header. */
function headerExpired(trusted: TrustedHeader, trustingPeriod: bigint, now: bigint): boolean {
  return !(trusted.time + trustingPeriod > now);
}

function checkNotExpired(trusted: TrustedHeader, options: VerifyOptions): void {
  if (headerExpired(trusted, options.trustingPeriod, options.now)) {
    throw new OldHeaderExpiredError(`old header has expired at ${formatNanos(trusted.time + options.trustingPeriod)} (now: ${formatNanos(options.now)})`);
  }
}

/** verifyNewHeaderAndVals: the untrusted header is on the trusted chain, later, and not from the future. */
function verifyNewHeaderAndVals(untrusted: ValidHeader, trusted: TrustedHeader, options: VerifyOptions): void {
  const { header } = untrusted;
  if (header.chainId !== trusted.chainId) {
    throw new Error(`untrustedHeader.ValidateBasic failed: header belongs to another chain ${JSON.stringify(header.chainId)}, not ${JSON.stringify(trusted.chainId)}`);
  }
  if (header.height <= trusted.height) {
    throw new Error(`expected new header height ${header.height} to be greater than one of old header ${trusted.height}`);
  }
  const time = timestampNanos(header.time);
  if (!(time > trusted.time)) {
    throw new Error(`expected new header time ${formatNanos(time)} to be after old header time ${formatNanos(trusted.time)}`);
  }
  if (!(time < options.now + options.maxClockDrift)) {
    throw new Error(`new header has a time from the future ${formatNanos(time)} (now: ${formatNanos(options.now)}; max clock drift: ${options.maxClockDrift}ns)`);
  }
  // The untrusted set's hash was matched to the header in validateHeaderBasic.
}

function invalidHeader(err: unknown): Error {
  return new Error(`invalid header: ${(err as Error).message}`);
}

function verifyAdjacent(trusted: TrustedHeader, untrusted: ValidHeader, options: VerifyOptions): void {
  checkNotExpired(trusted, options);
  try {
    verifyNewHeaderAndVals(untrusted, trusted, options);
  } catch (err) {
    throw invalidHeader(err);
  }
  if (!bytesEqual(untrusted.header.validatorsHash, trusted.nextValidatorsHash)) {
    throw new Error(
      `expected old header next validators (${toHex(trusted.nextValidatorsHash).toUpperCase()}) to match those from new header (${toHex(untrusted.header.validatorsHash).toUpperCase()})`,
    );
  }
  try {
    verifyCommitLight(trusted.chainId, untrusted.validatorSet, untrusted.commit.blockId, untrusted.header.height, untrusted.commit);
  } catch (err) {
    throw invalidHeader(err);
  }
}

function verifyNonAdjacent(trusted: TrustedHeader, trustedVals: CheckedValidatorSet, untrusted: ValidHeader, options: VerifyOptions): void {
  checkNotExpired(trusted, options);
  try {
    verifyNewHeaderAndVals(untrusted, trusted, options);
  } catch (err) {
    throw invalidHeader(err);
  }
  try {
    verifyCommitLightTrusting(trusted.chainId, trustedVals, untrusted.commit, options.trustLevel);
  } catch (err) {
    if (err instanceof NotEnoughVotingPowerError) throw new Error(`cant trust new val set: ${err.message}`);
    throw err;
  }
  // Last, as CometBFT orders it: the untrusted set may be made huge to slow the client down.
  try {
    verifyCommitLight(trusted.chainId, untrusted.validatorSet, untrusted.commit.blockId, untrusted.header.height, untrusted.commit);
  } catch (err) {
    throw invalidHeader(err);
  }
}

/** light.Verify; throws an Error with CometBFT's wording (OldHeaderExpiredError when the trusted header expired). */
export function verify(trusted: TrustedHeader, trustedVals: CheckedValidatorSet, untrusted: ValidHeader, options: VerifyOptions): void {
  if (untrusted.header.height === trusted.height + 1n) verifyAdjacent(trusted, untrusted, options);
  else verifyNonAdjacent(trusted, trustedVals, untrusted, options);
}
