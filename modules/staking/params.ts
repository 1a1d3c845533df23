// x/staking params with the SDK's defaults: 21-day unbonding, 100 validators, 7 entries per
// (delegator, validator) pair, 10,000 historical headers kept for IBC light clients.
import { Params } from 'cosmjs-types/cosmos/staking/v1beta1/staking';
import { DEC_ONE, decFromProto, decToProto, type Dec } from '../../app/dec.js';
import { validateDenom } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { PARAMS_KEY, STORE_KEY } from './keys.js';

export interface StakingParams {
  /** Seconds an undelegation (and an unbonding validator) waits before tokens are free. */
  unbondingTime: bigint;
  maxValidators: number;
  maxEntries: number;
  historicalEntries: number;
  bondDenom: string;
  minCommissionRate: Dec;
}

export const DEFAULT_STAKING_PARAMS: Readonly<StakingParams> = Object.freeze({
  unbondingTime: 21n * 24n * 3600n,
  maxValidators: 100,
  maxEntries: 7,
  historicalEntries: 10_000,
  bondDenom: 'stake',
  minCommissionRate: 0n,
});

export function validateParams(params: StakingParams): void {
  if (params.unbondingTime <= 0n) throw new Error(`unbonding time must be positive: ${params.unbondingTime}`);
  if (!Number.isInteger(params.maxValidators) || params.maxValidators <= 0) throw new Error(`max validators must be positive: ${params.maxValidators}`);
  if (!Number.isInteger(params.maxEntries) || params.maxEntries <= 0) throw new Error(`max entries must be positive: ${params.maxEntries}`);
  if (!Number.isInteger(params.historicalEntries) || params.historicalEntries < 0) throw new Error(`historical entries must not be negative: ${params.historicalEntries}`);
  validateDenom(params.bondDenom);
  if (params.minCommissionRate < 0n || params.minCommissionRate > DEC_ONE) throw new Error('minimum commission rate must be between 0 and 1');
}

export function paramsToProto(params: StakingParams): Params {
  return {
    unbondingTime: { seconds: params.unbondingTime, nanos: 0 },
    maxValidators: params.maxValidators,
    maxEntries: params.maxEntries,
    historicalEntries: params.historicalEntries,
    bondDenom: params.bondDenom,
    minCommissionRate: decToProto(params.minCommissionRate),
  };
}

export function paramsFromProto(params: Params): StakingParams {
  return {
    unbondingTime: params.unbondingTime.seconds,
    maxValidators: params.maxValidators,
    maxEntries: params.maxEntries,
    historicalEntries: params.historicalEntries,
    bondDenom: params.bondDenom,
    minCommissionRate: decFromProto(params.minCommissionRate),
  };
}

export function getParams(ctx: Context): StakingParams {
  const bytes = ctx.kvStore(STORE_KEY).get(PARAMS_KEY);
  return bytes === undefined ? { ...DEFAULT_STAKING_PARAMS } : paramsFromProto(Params.decode(bytes));
}

export function setParams(ctx: Context, params: StakingParams): void {
  validateParams(params);
  ctx.kvStore(STORE_KEY).set(PARAMS_KEY, Params.encode(paramsToProto(params)).finish());
}
