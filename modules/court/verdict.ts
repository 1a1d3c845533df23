// Carrying out a verdict: slash through staking, jail, emit x/slashing's `slash` event, and
// enter the trial in the court record with a `court_verdict` event naming its id. Callers
// have already judged the case; they update the signing info (jail time, tombstone).
import { toHex } from '@cosmjs/encoding';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import type { Context } from '../../app/context.js';
import { decToString, type Dec } from '../../app/dec.js';
import { rfc3339 } from '../../app/rest/proto-json.js';
import { EvidenceSource, InfractionKind, Verdict, type SlashedStake, type Trial } from '../../gen/zonekit/court/v1/types.js';
import type { CourtValidator, SlashOutcome } from './expects.js';
import type { CourtKeeper } from './keeper.js';

export interface Sentence {
  kind: InfractionKind;
  source: EvidenceSource;
  /** The account that submitted the evidence (tx source). */
  submitter?: string;
  evidenceHash: Uint8Array;
  validator: CourtValidator;
  infractionHeight: bigint;
  infractionTime: Timestamp;
  /** The height whose stake distribution is slashed. */
  distributionHeight: bigint;
  power: bigint;
  fraction: Dec;
  verdict: Verdict;
  jailedUntil: Timestamp;
}

// Event attribute values. The generated enums also carry ts-proto's UNRECOGNIZED (-1), which no sentence has.
const KIND_TEXT: Record<InfractionKind, string> = {
  [InfractionKind.INFRACTION_KIND_UNSPECIFIED]: 'unspecified',
  [InfractionKind.INFRACTION_KIND_DOUBLE_SIGN]: 'double_sign',
  [InfractionKind.INFRACTION_KIND_LIGHT_CLIENT_ATTACK]: 'light_client_attack',
  [InfractionKind.INFRACTION_KIND_DOWNTIME]: 'downtime',
  [InfractionKind.UNRECOGNIZED]: 'unrecognized',
};

const VERDICT_TEXT: Record<Verdict, string> = {
  [Verdict.VERDICT_UNSPECIFIED]: 'unspecified',
  [Verdict.VERDICT_SLASHED_AND_JAILED]: 'slashed_and_jailed',
  [Verdict.VERDICT_TOMBSTONED]: 'tombstoned',
  [Verdict.UNRECOGNIZED]: 'unrecognized',
};

const SOURCE_TEXT: Record<EvidenceSource, string> = {
  [EvidenceSource.EVIDENCE_SOURCE_UNSPECIFIED]: 'unspecified',
  [EvidenceSource.EVIDENCE_SOURCE_COMETBFT]: 'cometbft',
  [EvidenceSource.EVIDENCE_SOURCE_TX]: 'tx',
  [EvidenceSource.UNRECOGNIZED]: 'unrecognized',
};

function slashedStake(outcome: SlashOutcome): SlashedStake {
  return {
    burned: outcome.burned.toString(),
    fromValidator: outcome.fromValidator.toString(),
    fromUnbondingDelegations: outcome.fromUnbondingDelegations.map((u) => ({ delegatorAddress: u.delegator, amount: u.amount.toString() })),
    fromRedelegations: outcome.fromRedelegations.map((r) => ({ delegatorAddress: r.delegator, validatorDstAddress: r.validatorDst, amount: r.amount.toString() })),
  };
}

/** Slashes and jails as sentenced, records the trial and returns it. */
export function carryOut(keeper: CourtKeeper, ctx: Context, s: Sentence): Trial {
  const { consAddress } = s.validator;
  const address = keeper.consAddressString(consAddress);
  const downtime = s.kind === InfractionKind.INFRACTION_KIND_DOWNTIME;
  const outcome = keeper.staking.slash(ctx, consAddress, s.distributionHeight, s.power, s.fraction);
  // x/slashing's event: the downtime form names the jailed validator, the double-sign form does not.
  ctx.events.emit(
    'slash',
    ['address', address],
    ['power', s.power.toString()],
    ['reason', downtime ? 'missing_signature' : 'double_sign'],
    ...(downtime ? ([['jailed', address]] as const) : []),
    ['burned_coins', outcome.burned.toString()],
  );
  if (!s.validator.jailed) keeper.staking.jail(ctx, consAddress);

  const trial = keeper.trials.record(ctx, {
    evidenceHash: s.evidenceHash,
    kind: s.kind,
    source: s.source,
    submitter: s.submitter ?? '',
    validatorAddress: s.validator.operator,
    consensusAddress: address,
    infractionHeight: s.infractionHeight,
    infractionTime: s.infractionTime,
    distributionHeight: s.distributionHeight,
    power: s.power,
    slashFraction: decToString(s.fraction),
    verdict: s.verdict,
    slashed: slashedStake(outcome),
    jailedUntil: s.jailedUntil,
    judgedHeight: ctx.blockHeight,
    judgedTime: ctx.header.time,
  });
  ctx.events.emit(
    'court_verdict',
    ['trial_id', trial.id.toString()],
    ['kind', KIND_TEXT[s.kind]],
    ['verdict', VERDICT_TEXT[s.verdict]],
    ['validator', s.validator.operator],
    ['address', address],
    ['infraction_height', s.infractionHeight.toString()],
    ['burned_coins', outcome.burned.toString()],
    ['jailed_until', rfc3339(s.jailedUntil.seconds, s.jailedUntil.nanos)],
    ['source', SOURCE_TEXT[s.source]],
    ['evidence_hash', toHex(s.evidenceHash).toUpperCase()],
  );
  keeper.afterVerdict(ctx, trial);
  return trial;
}
