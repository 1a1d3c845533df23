// The active set: the top `max_validators` validators by power that are not jailed. At the
// end of every block the keeper compares it with the set CometBFT has and returns the
// changes (FinalizeBlock's validator_updates); validators entering or leaving move their
// tokens between the bonded and not-bonded pools.
import type { ValidatorUpdate } from 'cosmjs-types/tendermint/abci/types';
import type { Context } from '../../app/context.js';
import type { StakingKeeper } from './keeper.js';
import { addSeconds, compareTime } from '../../app/time.js';
import { formatTime } from './time.js';
import { consensusPower, type ValidatorState } from './validator.js';

function update(v: ValidatorState, power: bigint): ValidatorUpdate {
  return { pubKey: { ed25519: v.consPubKey }, power };
}

export function applyAndReturnValidatorSetUpdates(k: StakingKeeper, ctx: Context): ValidatorUpdate[] {
  const params = k.params(ctx);
  const last = k.store.lastValidatorPowers(ctx);
  // Only the first max_validators of the power index can be in the set: read no further.
  const candidates: string[] = [];
  for (const operator of k.store.validatorsByPower(ctx)) {
    if (candidates.length >= params.maxValidators) break;
    candidates.push(operator);
  }
  const updates: ValidatorUpdate[] = [];
  const active = new Set<string>();
  let totalPower = 0n;
  for (const operator of candidates) {
    let v = k.store.getValidator(ctx, operator)!;
    const power = consensusPower(v.tokens, k.powerReduction);
    // The index is sorted by power: the rest have none either.
    if (power === 0n) break;
    if (v.status !== 'bonded') v = bondValidator(k, ctx, v);
    if (last.get(operator) !== power) {
      updates.push(update(v, power));
      k.store.setLastValidatorPower(ctx, operator, power);
    }
    active.add(operator);
    totalPower += power;
  }
  const leaving = [...last.keys()].filter((operator) => !active.has(operator)).sort();
  for (const operator of leaving) {
    const v = k.store.getValidator(ctx, operator)!;
    beginUnbondingValidator(k, ctx, v);
    k.store.deleteLastValidatorPower(ctx, operator);
    updates.push(update(v, 0n));
  }
  if (updates.length > 0 || k.store.lastTotalPower(ctx) !== totalPower) k.store.setLastTotalPower(ctx, totalPower);
  return updates;
}

function bondValidator(k: StakingKeeper, ctx: Context, v: ValidatorState): ValidatorState {
  if (v.status === 'unbonding') k.store.unqueueValidator(ctx, v.unbondingTime, v.operator);
  k.movePoolTokens(ctx, v.status, 'bonded', v.tokens);
  const bonded: ValidatorState = { ...v, status: 'bonded' };
  k.store.setValidator(ctx, bonded);
  k.hooks.afterValidatorBonded(ctx, bonded.consAddress, bonded.operator);
  return bonded;
}

function beginUnbondingValidator(k: StakingKeeper, ctx: Context, v: ValidatorState): void {
  const params = k.params(ctx);
  const unbondingTime = addSeconds(ctx.header.time, params.unbondingTime);
  k.movePoolTokens(ctx, v.status, 'unbonding', v.tokens);
  const unbonding: ValidatorState = { ...v, status: 'unbonding', unbondingTime, unbondingHeight: ctx.blockHeight };
  k.store.setValidator(ctx, unbonding);
  k.store.enqueueValidator(ctx, unbondingTime, v.operator);
  k.hooks.afterValidatorBeginUnbonding(ctx, v.consAddress, v.operator);
  ctx.events.emit('unbond_validator', ['validator', v.operator], ['completion_time', formatTime(unbondingTime)]);
}

/** Validators whose unbonding period ended become unbonded; those with no shares left are removed. */
export function unbondMatureValidators(k: StakingKeeper, ctx: Context): void {
  for (const operator of k.store.dequeueMatureValidators(ctx, ctx.header.time)) {
    const v = k.store.getValidator(ctx, operator);
    if (v === undefined || v.status !== 'unbonding' || compareTime(v.unbondingTime, ctx.header.time) > 0) continue;
    const unbonded: ValidatorState = { ...v, status: 'unbonded' };
    if (unbonded.delegatorShares === 0n) removeValidator(k, ctx, unbonded);
    else k.store.setValidator(ctx, unbonded);
  }
}

/** Deletes a validator that is unbonded and has no delegators (its last tokens are gone). */
export function removeValidator(k: StakingKeeper, ctx: Context, v: ValidatorState): void {
  k.hooks.beforeValidatorRemoved(ctx, v.consAddress, v.operator);
  k.store.removeValidator(ctx, v);
}
