// What other modules learn from staking as it happens (the SDK's StakingHooks). Distribution
// settles rewards before a delegation's shares change; the court starts a validator's
// signing record when it is bonded. Every hook runs inside the caller's store branch, so
// a failing message undoes the hook's writes with its own.
import type { Context } from '../../app/context.js';
import type { Dec } from '../../app/dec.js';

export interface StakingHooks {
  /** A new validator (MsgCreateValidator or a gentx); `operator` is its valoper address. */
  afterValidatorCreated?(ctx: Context, operator: string): void;
  /** The validator's last state is about to be deleted (unbonded with no shares left). */
  beforeValidatorRemoved?(ctx: Context, consAddress: Uint8Array, operator: string): void;
  /** The validator entered the active set. */
  afterValidatorBonded?(ctx: Context, consAddress: Uint8Array, operator: string): void;
  /** The validator left the active set (jailed, or out-powered). */
  afterValidatorBeginUnbonding?(ctx: Context, consAddress: Uint8Array, operator: string): void;
  /** A delegation is about to be created (it did not exist). */
  beforeDelegationCreated?(ctx: Context, delegator: string, operator: string): void;
  /** An existing delegation's shares are about to change. */
  beforeDelegationSharesModified?(ctx: Context, delegator: string, operator: string): void;
  /** A delegation is about to be deleted (all its shares were undelegated or redelegated). */
  beforeDelegationRemoved?(ctx: Context, delegator: string, operator: string): void;
  /** A delegation was created or its shares changed (and still exists). */
  afterDelegationModified?(ctx: Context, delegator: string, operator: string): void;
  /** `fraction` of the validator's tokens is about to be burned. */
  beforeValidatorSlashed?(ctx: Context, operator: string, fraction: Dec): void;
}

/** Runs every hook set in order; unset hooks are skipped. */
export function combineHooks(list: readonly StakingHooks[]): Required<StakingHooks> {
  const call =
    <K extends keyof StakingHooks>(name: K) =>
    (...args: Parameters<Required<StakingHooks>[K]>): void => {
      for (const hooks of list) (hooks[name] as ((...a: unknown[]) => void) | undefined)?.(...args);
    };
  return {
    afterValidatorCreated: call('afterValidatorCreated'),
    beforeValidatorRemoved: call('beforeValidatorRemoved'),
    afterValidatorBonded: call('afterValidatorBonded'),
    afterValidatorBeginUnbonding: call('afterValidatorBeginUnbonding'),
    beforeDelegationCreated: call('beforeDelegationCreated'),
    beforeDelegationSharesModified: call('beforeDelegationSharesModified'),
    beforeDelegationRemoved: call('beforeDelegationRemoved'),
    afterDelegationModified: call('afterDelegationModified'),
    beforeValidatorSlashed: call('beforeValidatorSlashed'),
  };
}
