// A trial as JSON, in protobuf JSON's shape (snake_case, 64-bit integers and amounts as
// strings, bytes as base64, enums by name, RFC 3339 times): genesis files and the CLI.
import { z } from 'zod';
import { rfc3339 } from '../../app/rest/proto-json.js';
import { parseTimestamp } from '../../app/rest/comet-block.js';
import { EvidenceSource, InfractionKind, Verdict, type Trial } from '../../gen/zonekit/court/v1/types.js';
import type { StoredTrial } from './trials.js';

export const uint = z.string().regex(/^[0-9]+$/, { error: 'must be a non-negative integer in decimal' });
export const int = z.string().regex(/^-?[0-9]+$/, { error: 'must be an integer in decimal' });
export const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be base64' });
export const time = z.string().transform((s, ctx) => {
  try {
    return parseTimestamp(s);
  } catch {
    ctx.addIssue({ code: 'custom', message: `not an RFC 3339 time: ${s}` });
    return z.NEVER;
  }
});

// The proto names only: not the numbers' reverse entries, nor ts-proto's UNRECOGNIZED (-1).
export function enumOf<E extends Record<string, string | number>>(values: E) {
  const names = Object.keys(values).filter((k) => Number.isNaN(Number(k)) && k !== 'UNRECOGNIZED') as [string, ...string[]];
  return z.enum(names).transform((name) => values[name] as E[keyof E] & number);
}

export const TrialJson = z.object({
  id: uint,
  evidence_hash: base64,
  kind: enumOf(InfractionKind),
  source: enumOf(EvidenceSource),
  submitter: z.string().default(''),
  validator_address: z.string(),
  consensus_address: z.string(),
  infraction_height: int,
  infraction_time: time,
  distribution_height: int,
  power: int,
  slash_fraction: z.string(),
  verdict: enumOf(Verdict),
  slashed: z.object({
    burned: uint,
    from_validator: uint,
    from_unbonding_delegations: z.array(z.object({ delegator_address: z.string(), amount: uint })).default([]),
    from_redelegations: z.array(z.object({ delegator_address: z.string(), validator_dst_address: z.string(), amount: uint })).default([]),
  }),
  jailed_until: time,
  judged_height: int,
  judged_time: time,
});

export type TrialJson = z.input<typeof TrialJson>;

export function trialFromJson(j: z.output<typeof TrialJson>): StoredTrial {
  return {
    id: BigInt(j.id),
    evidenceHash: new Uint8Array(Buffer.from(j.evidence_hash, 'base64')),
    kind: j.kind,
    source: j.source,
    submitter: j.submitter,
    validatorAddress: j.validator_address,
    consensusAddress: j.consensus_address,
    infractionHeight: BigInt(j.infraction_height),
    infractionTime: j.infraction_time,
    distributionHeight: BigInt(j.distribution_height),
    power: BigInt(j.power),
    slashFraction: j.slash_fraction,
    verdict: j.verdict,
    slashed: {
      burned: j.slashed.burned,
      fromValidator: j.slashed.from_validator,
      fromUnbondingDelegations: j.slashed.from_unbonding_delegations.map((u) => ({ delegatorAddress: u.delegator_address, amount: u.amount })),
      fromRedelegations: j.slashed.from_redelegations.map((r) => ({ delegatorAddress: r.delegator_address, validatorDstAddress: r.validator_dst_address, amount: r.amount })),
    },
    jailedUntil: j.jailed_until,
    judgedHeight: BigInt(j.judged_height),
    judgedTime: j.judged_time,
  };
}

// A message field the bytes left out reads as its zero value (the epoch, nothing slashed),
// as gogoproto's non-nullable fields do; the court itself always writes them.
export const timeText = (t: { seconds: bigint; nanos: number } | undefined): string => rfc3339(t?.seconds ?? 0n, t?.nanos ?? 0);
const NOTHING_SLASHED = { burned: '', fromValidator: '', fromUnbondingDelegations: [], fromRedelegations: [] } as const;

export function trialToJson(t: Trial): TrialJson {
  const slashed = t.slashed ?? NOTHING_SLASHED;
  return {
    id: t.id.toString(),
    evidence_hash: Buffer.from(t.evidenceHash).toString('base64'),
    kind: InfractionKind[t.kind] ?? String(t.kind),
    source: EvidenceSource[t.source] ?? String(t.source),
    submitter: t.submitter,
    validator_address: t.validatorAddress,
    consensus_address: t.consensusAddress,
    infraction_height: t.infractionHeight.toString(),
    infraction_time: timeText(t.infractionTime),
    distribution_height: t.distributionHeight.toString(),
    power: t.power.toString(),
    slash_fraction: t.slashFraction,
    verdict: Verdict[t.verdict] ?? String(t.verdict),
    slashed: {
      burned: slashed.burned,
      from_validator: slashed.fromValidator,
      from_unbonding_delegations: slashed.fromUnbondingDelegations.map((u) => ({ delegator_address: u.delegatorAddress, amount: u.amount })),
      from_redelegations: slashed.fromRedelegations.map((r) => ({ delegator_address: r.delegatorAddress, validator_dst_address: r.validatorDstAddress, amount: r.amount })),
    },
    jailed_until: timeText(t.jailedUntil),
    judged_height: t.judgedHeight.toString(),
    judged_time: timeText(t.judgedTime),
  };
}
