// x/staking genesis: params in the SDK's JSON shape, plus (for exported state) validators,
// delegations, unbonding delegations, redelegations and the last validator powers. Records
// are in cosmjs-types' JSON form (LegacyDec fields in their protobuf integer form). A new
// chain starts with params only; its validators come from gentxs (see modules/genutil).
import { Delegation, Redelegation, UnbondingDelegation, Validator } from 'cosmjs-types/cosmos/staking/v1beta1/staking';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import type { ValidatorUpdate } from 'cosmjs-types/tendermint/abci/types';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { decToString, parseDec } from '../../app/dec.js';
import type { ModuleGenesis } from '../../app/module.js';
import type { StakingKeeper } from './keeper.js';
import { DEFAULT_STAKING_PARAMS, setParams, validateParams, type StakingParams } from './params.js';
import { delegationFromProto, delegationToProto } from './store.js';
import { validatorFromProto, validatorToProto, type ValidatorState } from './validator.js';
import { parseTimestamp } from '../../app/rest/comet-block.js';
import { formatTime } from './time.js';

const Duration = z.string().regex(/^[0-9]+s$/, 'a duration in seconds, like "1814400s"');

const ParamsJson = z.object({
  unbonding_time: Duration.default(`${DEFAULT_STAKING_PARAMS.unbondingTime}s`),
  max_validators: z.number().int().positive().default(DEFAULT_STAKING_PARAMS.maxValidators),
  max_entries: z.number().int().positive().default(DEFAULT_STAKING_PARAMS.maxEntries),
  historical_entries: z.number().int().nonnegative().default(DEFAULT_STAKING_PARAMS.historicalEntries),
  bond_denom: z.string().default(DEFAULT_STAKING_PARAMS.bondDenom),
  min_commission_rate: z.string().default(decToString(0n)),
});

const StakingGenesisJson = z.object({
  params: ParamsJson.default(ParamsJson.parse({})),
  last_total_power: z.string().regex(/^[0-9]+$/).default('0'),
  last_validator_powers: z.array(z.object({ address: z.string(), power: z.string().regex(/^[0-9]+$/) })).default([]),
  validators: z.array(z.unknown()).default([]),
  delegations: z.array(z.unknown()).default([]),
  unbonding_delegations: z.array(z.unknown()).default([]),
  redelegations: z.array(z.unknown()).default([]),
  exported: z.boolean().default(false),
});

export interface StakingGenesis {
  params: StakingParams;
  lastValidatorPowers: Array<{ operator: string; power: bigint }>;
  validators: ValidatorState[];
  delegations: ReturnType<typeof delegationFromProto>[];
  unbondingDelegations: UnbondingDelegation[];
  redelegations: Redelegation[];
  exported: boolean;
}

// cosmjs-types' JSON of a Timestamp goes through Date and keeps milliseconds only; the SDK
// writes nanoseconds (RFC 3339 Nano). The record's times are written and read with all nine
// digits, so that an exported chain imports to the same bytes (an unbonding that matured at
// .780390177 s must not mature at .780 s after an export).
type Json = Record<string, any>;
const readTime = (json: unknown): ReturnType<typeof parseTimestamp> | undefined => (typeof json === 'string' ? parseTimestamp(json) : undefined);

function validatorToJson(v: Validator): unknown {
  const json = Validator.toJSON(v) as Json;
  json.unbondingTime = formatTime(v.unbondingTime);
  if (json.commission) json.commission.updateTime = formatTime(v.commission.updateTime);
  return json;
}

function validatorFromJson(json: unknown): Validator {
  const v = Validator.fromJSON(json);
  const j = json as Json;
  v.unbondingTime = readTime(j.unbondingTime ?? j.unbonding_time) ?? v.unbondingTime;
  v.commission.updateTime = readTime(j.commission?.updateTime ?? j.commission?.update_time) ?? v.commission.updateTime;
  return v;
}

function entryTimesToJson<T extends { entries: Array<{ completionTime: Timestamp }> }>(record: T, toJson: (r: T) => unknown): Json {
  const out = toJson(record) as Json;
  out.entries = (out.entries as Json[]).map((e, i) => ({ ...e, completionTime: formatTime(record.entries[i]!.completionTime) }));
  return out;
}

function entryTimesFromJson<T extends { entries: Array<{ completionTime: Timestamp }> }>(record: T, json: unknown): T {
  const entries = ((json as Json).entries ?? []) as Json[];
  record.entries.forEach((e, i) => {
    e.completionTime = readTime(entries[i]?.completionTime ?? entries[i]?.completion_time) ?? e.completionTime;
  });
  return record;
}

export function stakingGenesis(k: StakingKeeper): ModuleGenesis<StakingGenesis> {
  return {
    defaults: () => StakingGenesisJson.parse({}),
    validate(json) {
      const g = StakingGenesisJson.parse(json ?? {});
      const params: StakingParams = {
        unbondingTime: BigInt(g.params.unbonding_time.slice(0, -1)),
        maxValidators: g.params.max_validators,
        maxEntries: g.params.max_entries,
        historicalEntries: g.params.historical_entries,
        bondDenom: g.params.bond_denom,
        minCommissionRate: parseDec(g.params.min_commission_rate),
      };
      validateParams(params);
      return {
        params,
        lastValidatorPowers: g.last_validator_powers.map((p) => ({ operator: p.address, power: BigInt(p.power) })),
        validators: g.validators.map((v) => validatorFromProto(validatorFromJson(v))),
        delegations: g.delegations.map((d) => delegationFromProto(Delegation.fromJSON(d))),
        unbondingDelegations: g.unbonding_delegations.map((u) => entryTimesFromJson(UnbondingDelegation.fromJSON(u), u)),
        redelegations: g.redelegations.map((r) => entryTimesFromJson(Redelegation.fromJSON(r), r)),
        exported: g.exported,
      };
    },
    init(ctx: Context, g: StakingGenesis): ValidatorUpdate[] {
      setParams(ctx, g.params);
      for (const v of g.validators) {
        k.store.setValidator(ctx, v);
        k.store.setValidatorByConsAddr(ctx, v);
        if (!v.jailed) k.store.setPowerIndex(ctx, v);
        if (v.status === 'unbonding') k.store.enqueueValidator(ctx, v.unbondingTime, v.operator);
      }
      for (const d of g.delegations) k.store.setDelegation(ctx, d);
      for (const ubd of g.unbondingDelegations) {
        k.store.setUnbondingDelegation(ctx, ubd);
        for (const e of ubd.entries) k.store.enqueueUnbonding(ctx, e.completionTime, ubd.delegatorAddress, ubd.validatorAddress);
      }
      for (const red of g.redelegations) {
        k.store.setRedelegation(ctx, red);
        for (const e of red.entries) k.store.enqueueRedelegation(ctx, e.completionTime, red.delegatorAddress, red.validatorSrcAddress, red.validatorDstAddress);
      }
      if (!g.exported) return k.applyAndReturnValidatorSetUpdates(ctx);
      // An exported chain continues with the set CometBFT last had.
      let total = 0n;
      const updates: ValidatorUpdate[] = [];
      for (const { operator, power } of g.lastValidatorPowers) {
        const v = k.store.getValidator(ctx, operator);
        if (v === undefined) throw new Error(`last validator power for unknown validator ${operator}`);
        k.store.setLastValidatorPower(ctx, operator, power);
        updates.push({ pubKey: { ed25519: v.consPubKey }, power });
        total += power;
      }
      k.store.setLastTotalPower(ctx, total);
      return updates;
    },
    export(ctx) {
      const p = k.params(ctx);
      return {
        params: {
          unbonding_time: `${p.unbondingTime}s`,
          max_validators: p.maxValidators,
          max_entries: p.maxEntries,
          historical_entries: p.historicalEntries,
          bond_denom: p.bondDenom,
          min_commission_rate: decToString(p.minCommissionRate),
        },
        last_total_power: k.store.lastTotalPower(ctx).toString(),
        last_validator_powers: [...k.store.lastValidatorPowers(ctx)].map(([address, power]) => ({ address, power: power.toString() })),
        validators: k.store.allValidators(ctx).map((v) => validatorToJson(validatorToProto(v))),
        delegations: k.store.allDelegations(ctx).map((d) => Delegation.toJSON(delegationToProto(d))),
        unbonding_delegations: k.store.allUnbondingDelegations(ctx).map((u) => entryTimesToJson(u, UnbondingDelegation.toJSON)),
        redelegations: k.store.allRedelegations(ctx).map((r) => entryTimesToJson(r, Redelegation.toJSON)),
        exported: true,
      };
    },
    exportValidators(ctx) {
      return [...k.store.lastValidatorPowers(ctx)].map(([operator, power]) => {
        const v = k.store.getValidator(ctx, operator);
        if (v === undefined) throw new Error(`last validator power for unknown validator ${operator}`);
        return { pubKey: v.consPubKey, power, name: v.description.moniker };
      });
    },
  };
}
