// A foreign trial as JSON, in protobuf JSON's shape like trial-json.ts: genesis files.
import { z } from 'zod';
import { ForeignTrial, InfractionKind } from '../../gen/zonekit/court/v1/types.js';
import { base64, enumOf, int, time, timeText, uint } from './trial-json.js';

export const ForeignTrialJson = z.object({
  id: uint,
  evidence_hash: base64,
  chain_id: z.string(),
  port_id: z.string(),
  channel_id: z.string(),
  validator_address: z.string(),
  kind: enumOf(InfractionKind),
  infraction_height: int,
  slash_fraction: z.string(),
  slashed: z.array(z.object({ staker: z.string(), burned: uint })).default([]),
  denom: z.string(),
  judged_height: int,
  judged_time: time,
  client_id: z.string().default(''),
});

export type ForeignTrialJson = z.input<typeof ForeignTrialJson>;

export function foreignTrialFromJson(j: z.output<typeof ForeignTrialJson>): ForeignTrial {
  return {
    id: BigInt(j.id),
    evidenceHash: new Uint8Array(Buffer.from(j.evidence_hash, 'base64')),
    chainId: j.chain_id,
    portId: j.port_id,
    channelId: j.channel_id,
    validatorAddress: j.validator_address,
    kind: j.kind,
    infractionHeight: BigInt(j.infraction_height),
    slashFraction: j.slash_fraction,
    slashed: j.slashed.map((s) => ({ staker: s.staker, burned: s.burned })),
    denom: j.denom,
    judgedHeight: BigInt(j.judged_height),
    judgedTime: j.judged_time,
    clientId: j.client_id,
  };
}

export function foreignTrialToJson(t: ForeignTrial): ForeignTrialJson {
  return {
    id: t.id.toString(),
    evidence_hash: Buffer.from(t.evidenceHash).toString('base64'),
    chain_id: t.chainId,
    port_id: t.portId,
    channel_id: t.channelId,
    validator_address: t.validatorAddress,
    kind: InfractionKind[t.kind] ?? String(t.kind),
    infraction_height: t.infractionHeight.toString(),
    slash_fraction: t.slashFraction,
    slashed: t.slashed.map((s) => ({ staker: s.staker, burned: s.burned })),
    denom: t.denom,
    judged_height: t.judgedHeight.toString(),
    judged_time: timeText(t.judgedTime),
    client_id: t.clientId,
  };
}
