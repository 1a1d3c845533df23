// x/staking genesis: params in the SDK's JSON shape, plus (for exported state) validators,
// delegations, unbonding delegations, redelegations and the last validator powers. Records
// are in cosmjs-types' JSON form (LegacyDec fields in their protobuf integer form). A new
// chain starts with params only; its validators come from gentxs (see modules/genutil).
import { Delegation, Redelegation, UnbondingDelegation, Validator } from 'cosmjs-types/cosmos/staking/v1beta1/staking';
import type { ValidatorUpdate } from 'cosmjs-types/tendermint/abci/types';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { decToString, parseDec } from '../../app/dec.js';
import type { ModuleGenesis } from '../../app/module.js';
import type { StakingKeeper } from './keeper.js';
import { DEFAULT_STAKING_PARAMS, setParams, validateParams, type StakingParams } from './params.js';
import { delegationFromProto, delegationToProto } from './store.js';
import { validatorFromProto, validatorToProto, type ValidatorState } from './validator.js';

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
        validators: g.validators.map((v) => validatorFromProto(Validator.fromJSON(v))),
        delegations: g.delegations.map((d) => delegationFromProto(Delegation.fromJSON(d))),
        unbondingDelegations: g.unbonding_delegations.map((u) => UnbondingDelegation.fromJSON(u)),
        redelegations: g.redelegations.map((r) => Redelegation.fromJSON(r)),
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
        validators: k.store.allValidators(ctx).map((v) => Validator.toJSON(validatorToProto(v))),
        delegations: k.store.allDelegations(ctx).map((d) => Delegation.toJSON(delegationToProto(d))),
        unbonding_delegations: k.store.allUnbondingDelegations(ctx).map((u) => UnbondingDelegation.toJSON(u)),
        redelegations: k.store.allRedelegations(ctx).map((r) => Redelegation.toJSON(r)),
        exported: true,
      };
    },
  };
}
