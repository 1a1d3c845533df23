// What the court does when staking bonds a validator (x/slashing's AfterValidatorBonded):
// its liveness window starts now, with a fresh signing info on first bonding.
import type { StakingHooks } from '../staking/hooks.js';
import type { CourtKeeper } from './keeper.js';
import { newSigningInfo } from './liveness.js';

export function courtHooks(keeper: CourtKeeper): StakingHooks {
  return {
    afterValidatorBonded(ctx, consAddress) {
      const existing = keeper.signingInfos.get(ctx, consAddress);
      const info = existing === undefined ? newSigningInfo(keeper.consAddressString(consAddress), ctx.blockHeight) : { ...existing, startHeight: ctx.blockHeight };
      keeper.signingInfos.set(ctx, consAddress, info);
    },
  };
}
