// Double signing, judged as x/evidence's HandleEquivocationEvidence: evidence too old (by
// both blocks and time), against a validator that is gone or unbonded, or already
// tombstoned is not judged; otherwise the validator is slashed at the stake that signed
// (infraction height − ValidatorUpdateDelay), jailed, jailed "forever" and tombstoned.
// CometBFT's misbehavior list is judged the same way; what fails is ignored, as the SDK does.
import { createHash } from 'node:crypto';
import { toHex } from '@cosmjs/encoding';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import { Misbehavior, MisbehaviorType } from 'cosmjs-types/tendermint/abci/types';
import type { DuplicateVoteEvidence } from 'cosmjs-types/tendermint/types/evidence';
import type { Context } from '../../app/context.js';
import { CodedError } from '../../app/errors.js';
import { EvidenceSource, InfractionKind, Verdict, type Trial } from '../../gen/zonekit/court/v1/types.js';
import { duplicateVoteHash, validateDuplicateVote, verifyDuplicateVote } from './duplicate-vote.js';
import { ErrEvidenceExists, ErrInvalidEvidence } from './errors.js';
import type { CourtValidator } from './expects.js';
import type { CourtKeeper } from './keeper.js';
import { newSigningInfo } from './liveness.js';
import { compareTime, timeSince } from '../../app/time.js';
import { DOUBLE_SIGN_JAIL_END } from './time.js';
import { carryOut } from './verdict.js';

/** Gas for one ed25519 signature check: the SDK's default sig_verify_cost_ed25519. */
const ED25519_VERIFY_GAS = 590;

export interface EquivocationCase {
  kind: InfractionKind.INFRACTION_KIND_DOUBLE_SIGN | InfractionKind.INFRACTION_KIND_LIGHT_CLIENT_ATTACK;
  source: EvidenceSource;
  submitter?: string;
  evidenceHash: Uint8Array;
  consAddress: Uint8Array;
  infractionHeight: bigint;
  infractionTime: Timestamp;
  power: bigint;
}

/** Evidence older than both max ages (blocks and time) is stale, as CometBFT and x/evidence hold. */
function tooOld(keeper: CourtKeeper, ctx: Context, height: bigint, time: Timestamp): CodedError | undefined {
  const params = keeper.params(ctx);
  const ageBlocks = ctx.blockHeight - height;
  const ageTime = timeSince(ctx.header.time, time);
  if (ageBlocks <= params.maxAgeNumBlocks || compareTime(ageTime, params.maxAgeDuration) <= 0) return undefined;
  return ErrInvalidEvidence.wrap(
    `evidence too old: infraction at height ${height} is ${ageBlocks} blocks and ${ageTime.seconds}s ago, beyond both max_age_num_blocks ${params.maxAgeNumBlocks} and max_age_duration ${params.maxAgeDuration.seconds}s`,
  );
}

/** Why the case cannot be judged (as ErrInvalidEvidence), or the validator to judge. */
function admit(keeper: CourtKeeper, ctx: Context, c: EquivocationCase): CourtValidator | CodedError {
  const stale = tooOld(keeper, ctx, c.infractionHeight, c.infractionTime);
  if (stale !== undefined) return stale;
  const address = keeper.consAddressString(c.consAddress);
  const validator = keeper.staking.validatorByConsAddr(ctx, c.consAddress);
  if (validator === undefined) return ErrInvalidEvidence.wrap(`no validator has consensus address ${address}`);
  if (validator.status === 'unbonded') return ErrInvalidEvidence.wrap(`validator ${validator.operator} is unbonded: its stake can no longer be slashed`);
  if (keeper.signingInfos.get(ctx, c.consAddress)?.tombstoned === true) {
    return ErrInvalidEvidence.wrap(`validator ${validator.operator} (${address}) is already tombstoned for an earlier double sign`);
  }
  return validator;
}

/** Slashes, jails and tombstones; the case must have been admitted. */
function sentence(keeper: CourtKeeper, ctx: Context, c: EquivocationCase, validator: CourtValidator): Trial {
  const params = keeper.params(ctx);
  const trial = carryOut(keeper, ctx, {
    kind: c.kind,
    source: c.source,
    ...(c.submitter !== undefined ? { submitter: c.submitter } : {}),
    evidenceHash: c.evidenceHash,
    validator,
    infractionHeight: c.infractionHeight,
    infractionTime: c.infractionTime,
    // The stake distribution that signed the infraction block: ValidatorUpdateDelay (1) earlier.
    distributionHeight: c.infractionHeight - 1n,
    power: c.power,
    fraction: params.slashFractionDoubleSign,
    verdict: Verdict.VERDICT_TOMBSTONED,
    jailedUntil: DOUBLE_SIGN_JAIL_END,
  });
  const info = keeper.signingInfos.get(ctx, c.consAddress) ?? newSigningInfo(keeper.consAddressString(c.consAddress), ctx.blockHeight);
  info.jailedUntil = { ...DOUBLE_SIGN_JAIL_END };
  info.tombstoned = true;
  keeper.signingInfos.set(ctx, c.consAddress, info);
  return trial;
}

/** Judges CometBFT's misbehavior list (BeginBlock); returns the verdicts. */
export function judgeMisbehavior(keeper: CourtKeeper, ctx: Context): Trial[] {
  const verdicts: Trial[] = [];
  for (const m of ctx.header.comet?.misbehavior ?? []) {
    const kind =
      m.type === MisbehaviorType.DUPLICATE_VOTE ? InfractionKind.INFRACTION_KIND_DOUBLE_SIGN
      : m.type === MisbehaviorType.LIGHT_CLIENT_ATTACK ? InfractionKind.INFRACTION_KIND_LIGHT_CLIENT_ATTACK
      : undefined;
    if (kind === undefined) continue;
    const c: EquivocationCase = {
      kind,
      source: EvidenceSource.EVIDENCE_SOURCE_COMETBFT,
      evidenceHash: new Uint8Array(createHash('sha256').update(Misbehavior.encode(m).finish()).digest()),
      consAddress: m.validator.address,
      infractionHeight: m.height,
      infractionTime: m.time,
      power: m.validator.power,
    };
    if (keeper.trials.judgedBy(ctx, c.evidenceHash) !== undefined) continue;
    const admitted = admit(keeper, ctx, c);
    if (admitted instanceof CodedError) continue;
    verdicts.push(sentence(keeper, ctx, c, admitted));
  }
  return verdicts;
}

/**
 * Judges a DuplicateVoteEvidence submitted in a tx: every check, stateless and against the
 * validator set at the evidence height, passes before anything is written; a failure throws
 * a CodedError (codespace `evidence`) and changes nothing.
 */
export function judgeSubmittedEvidence(keeper: CourtKeeper, ctx: Context, evidence: DuplicateVoteEvidence, submitter: string): Trial {
  const votes = validateDuplicateVote(evidence);
  const evidenceHash = duplicateVoteHash(evidence);
  const judged = keeper.trials.judgedBy(ctx, evidenceHash);
  if (judged !== undefined) throw ErrEvidenceExists.wrap(`${toHex(evidenceHash).toUpperCase()} was judged in trial ${judged}`);
  const height = votes.voteA.height;
  if (height > ctx.blockHeight) throw ErrInvalidEvidence.wrap(`evidence height ${height} is after the current height ${ctx.blockHeight}`);
  // The evidence's own timestamp is not signed; the votes' are (by the offender), so a
  // submitter cannot make old evidence look recent.
  const infractionTime = compareTime(votes.voteA.timestamp, votes.voteB.timestamp) >= 0 ? votes.voteA.timestamp : votes.voteB.timestamp;
  const stale = tooOld(keeper, ctx, height, infractionTime);
  if (stale !== undefined) throw stale;
  const validators = keeper.staking.validatorSetAt(ctx, height);
  if (validators === undefined) throw ErrInvalidEvidence.wrap(`the validator set at height ${height} is no longer kept, so the evidence cannot be verified`);
  ctx.gasMeter.consume(2 * ED25519_VERIFY_GAS, 'verify evidence signatures');
  const signer = verifyDuplicateVote(ctx.chainId, evidence, votes, validators);
  const c: EquivocationCase = {
    kind: InfractionKind.INFRACTION_KIND_DOUBLE_SIGN,
    source: EvidenceSource.EVIDENCE_SOURCE_TX,
    submitter,
    evidenceHash,
    consAddress: votes.voteA.validatorAddress,
    infractionHeight: height,
    infractionTime,
    power: signer.power,
  };
  const admitted = admit(keeper, ctx, c);
  if (admitted instanceof CodedError) throw admitted;
  return sentence(keeper, ctx, c, admitted);
}
