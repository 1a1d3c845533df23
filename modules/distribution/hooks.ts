// What distribution does when staking changes validators and delegations (the SDK's
// distribution Hooks). Every delegation change settles the delegation's rewards first, so a
// delegation's shares are constant between settlements and per-share accounting is exact.
import type { Context } from '../../app/context.js';
import type { StakingHooks } from '../staking/hooks.js';
import type { DistributionKeeper } from './keeper.js';

export function distributionHooks(keeper: DistributionKeeper): StakingHooks {
  // Staking may call more than one before-hook for one change (shares modified, then removed):
  // only a delegation with something to settle is paid again, so there is one withdraw_rewards.
  const settleIfOwed = (ctx: Context, delegator: string, operator: string) => {
    if (keeper.unsettled(ctx, delegator, operator)) keeper.withdrawDelegationRewards(ctx, delegator, operator);
  };
  return {
    afterValidatorCreated: (ctx, operator) => keeper.initValidator(ctx, keeper.valoperCodec.decode(operator)),
    beforeValidatorRemoved: (ctx, _consAddress, operator) => keeper.removeValidator(ctx, operator),
    beforeDelegationCreated: settleIfOwed,
    // As the SDK: a withdraw_rewards event for every change of shares, even when nothing is owed.
    beforeDelegationSharesModified: (ctx, delegator, operator) => {
      keeper.withdrawDelegationRewards(ctx, delegator, operator);
    },
    beforeDelegationRemoved: (ctx, delegator, operator) => {
      settleIfOwed(ctx, delegator, operator);
      keeper.deleteSnapshot(ctx, keeper.valoperCodec.decode(operator), keeper.accountCodec.decode(delegator));
    },
    afterDelegationModified: (ctx, delegator, operator) => keeper.snapshotDelegation(ctx, delegator, operator),
  };
}
