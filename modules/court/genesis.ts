// Court genesis: x/slashing's genesis (params, signing_infos, missed_blocks, in the SDK's
// JSON) plus the evidence age limits and the trial record, so an export restarts a chain
// with every verdict it ever reached.
import type { ValidatorSigningInfo } from 'cosmjs-types/cosmos/slashing/v1beta1/slashing';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import type { ModuleGenesis } from '../../app/module.js';
import { rfc3339 } from '../../app/rest/proto-json.js';
import type { CourtKeeper } from './keeper.js';
import {
  DEFAULT_PARAMS,
  evidenceParamsJson,
  paramsFromJson,
  slashingParamsJson,
  validateParams,
  type CourtParams,
} from './params.js';
import type { ForeignTrial } from '../../gen/zonekit/court/v1/types.js';
import { ForeignTrialJson, foreignTrialFromJson, foreignTrialToJson } from './foreign-trial-json.js';
import { TrialJson, trialFromJson, trialToJson } from './trial-json.js';
import type { StoredTrial } from './trials.js';
import { parseTimestamp } from '../../app/rest/comet-block.js';

const uint = z.string().regex(/^[0-9]+$/, { error: 'must be a non-negative integer in decimal' });
const int = z.string().regex(/^-?[0-9]+$/, { error: 'must be an integer in decimal' });

const defaultSlashing = slashingParamsJson(DEFAULT_PARAMS);
const defaultEvidence = evidenceParamsJson(DEFAULT_PARAMS);

const CourtGenesisJson = z.object({
  params: z
    .object({
      signed_blocks_window: int,
      min_signed_per_window: z.string(),
      downtime_jail_duration: z.string(),
      slash_fraction_double_sign: z.string(),
      slash_fraction_downtime: z.string(),
    })
    .default(defaultSlashing),
  evidence_params: z.object({ max_age_num_blocks: int, max_age_duration: z.string() }).default(defaultEvidence),
  signing_infos: z
    .array(
      z.object({
        address: z.string(),
        validator_signing_info: z.object({
          address: z.string(),
          start_height: int.default('0'),
          index_offset: int.default('0'),
          jailed_until: z.string().default('1970-01-01T00:00:00Z'),
          tombstoned: z.boolean().default(false),
          missed_blocks_counter: int.default('0'),
        }),
      }),
    )
    .default([]),
  missed_blocks: z.array(z.object({ address: z.string(), missed_blocks: z.array(z.object({ index: uint, missed: z.boolean() })).default([]) })).default([]),
  trials: z.array(TrialJson).default([]),
  /** Other zones' verdicts carried out here (interchain staking). */
  foreign_trials: z.array(ForeignTrialJson).default([]),
});

export type CourtGenesisJson = z.input<typeof CourtGenesisJson>;

export interface CourtGenesis {
  params: CourtParams;
  signingInfos: Array<{ consAddress: Uint8Array; info: ValidatorSigningInfo }>;
  missedBlocks: Array<{ consAddress: Uint8Array; indexes: bigint[] }>;
  trials: StoredTrial[];
  foreignTrials: ForeignTrial[];
}

export function courtGenesis(keeper: CourtKeeper): ModuleGenesis<CourtGenesis> {
  const { addresses } = keeper;
  return {
    defaults: (): CourtGenesisJson => ({ params: defaultSlashing, evidence_params: defaultEvidence, signing_infos: [], missed_blocks: [], trials: [], foreign_trials: [] }),

    validate(json): CourtGenesis {
      const parsed = CourtGenesisJson.parse(json);
      const params = paramsFromJson(parsed.params, parsed.evidence_params);
      validateParams(params);

      const seen = new Set<string>();
      const signingInfos = parsed.signing_infos.map(({ address, validator_signing_info: v }) => {
        if (seen.has(address)) throw new Error(`duplicate signing info for ${address}`);
        seen.add(address);
        if (v.address !== address) throw new Error(`signing info of ${address} names another validator: ${v.address}`);
        const info: ValidatorSigningInfo = {
          address,
          startHeight: BigInt(v.start_height),
          indexOffset: BigInt(v.index_offset),
          jailedUntil: parseTimestamp(v.jailed_until),
          tombstoned: v.tombstoned,
          missedBlocksCounter: BigInt(v.missed_blocks_counter),
        };
        if (info.missedBlocksCounter < 0n || info.indexOffset < 0n) throw new Error(`signing info of ${address} has a negative counter or offset`);
        return { consAddress: addresses.consensus.decode(address), info };
      });

      const missedSeen = new Set<string>();
      const missedBlocks = parsed.missed_blocks.map(({ address, missed_blocks }) => {
        if (missedSeen.has(address)) throw new Error(`duplicate missed blocks for ${address}`);
        missedSeen.add(address);
        const indexes = missed_blocks.filter((m) => m.missed).map((m) => BigInt(m.index));
        for (const index of indexes) {
          if (index >= params.signedBlocksWindow) throw new Error(`missed block index ${index} of ${address} is outside the signed blocks window ${params.signedBlocksWindow}`);
        }
        return { consAddress: addresses.consensus.decode(address), indexes };
      });

      const ids = new Set<bigint>();
      const hashes = new Set<string>();
      const trials = parsed.trials.map((json) => {
        const trial = trialFromJson(json);
        if (trial.id === 0n) throw new Error('trial ids start at 1');
        if (ids.has(trial.id)) throw new Error(`duplicate trial id ${trial.id}`);
        ids.add(trial.id);
        const hash = Buffer.from(trial.evidenceHash).toString('hex');
        if (trial.evidenceHash.length !== 32) throw new Error(`trial ${trial.id}: evidence hash must be 32 bytes, got ${trial.evidenceHash.length}`);
        if (hashes.has(hash)) throw new Error(`trial ${trial.id} judges evidence ${hash.toUpperCase()} again`);
        hashes.add(hash);
        addresses.operator.decode(trial.validatorAddress);
        addresses.consensus.decode(trial.consensusAddress);
        if (trial.submitter !== '') addresses.account.decode(trial.submitter);
        return trial;
      });
      trials.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const foreignIds = new Set<bigint>();
      const foreignTrials = parsed.foreign_trials.map((json) => {
        const trial = foreignTrialFromJson(json);
        if (trial.id === 0n) throw new Error('foreign trial ids start at 1');
        if (foreignIds.has(trial.id)) throw new Error(`duplicate foreign trial id ${trial.id}`);
        foreignIds.add(trial.id);
        return trial;
      });
      foreignTrials.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return { params, signingInfos, missedBlocks, trials, foreignTrials };
    },

    init(ctx: Context, state: CourtGenesis): void {
      keeper.setParams(ctx, state.params);
      for (const { consAddress, info } of state.signingInfos) keeper.signingInfos.set(ctx, consAddress, info);
      for (const { consAddress, indexes } of state.missedBlocks) {
        for (const index of indexes) keeper.signingInfos.setMissed(ctx, consAddress, index, true);
      }
      for (const trial of state.trials) keeper.trials.put(ctx, trial);
      keeper.trials.setNextId(ctx, (state.trials.at(-1)?.id ?? 0n) + 1n);
      for (const trial of state.foreignTrials) keeper.foreignTrials.put(ctx, trial);
      if (state.foreignTrials.length > 0) keeper.foreignTrials.setNextId(ctx, state.foreignTrials.at(-1)!.id + 1n);
    },

    export(ctx: Context): CourtGenesisJson {
      const params = keeper.params(ctx);
      const infos = [...keeper.signingInfos.all(ctx)];
      return {
        params: slashingParamsJson(params),
        evidence_params: evidenceParamsJson(params),
        signing_infos: infos.map(({ info }) => ({
          address: info.address,
          validator_signing_info: {
            address: info.address,
            start_height: info.startHeight.toString(),
            index_offset: info.indexOffset.toString(),
            jailed_until: rfc3339(info.jailedUntil.seconds, info.jailedUntil.nanos),
            tombstoned: info.tombstoned,
            missed_blocks_counter: info.missedBlocksCounter.toString(),
          },
        })),
        missed_blocks: infos.map(({ consAddress, info }) => ({
          address: info.address,
          missed_blocks: [...keeper.signingInfos.missedIndexes(ctx, consAddress)].map((index) => ({ index: index.toString(), missed: true })),
        })),
        trials: [...keeper.trials.all(ctx)].map(trialToJson),
        foreign_trials: [...keeper.foreignTrials.all(ctx)].map(foreignTrialToJson),
      };
    },
  };
}
