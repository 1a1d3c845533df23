// What must always hold in x/distribution (the SDK's nonnegative-outstanding, can-withdraw and
// module-account invariants, plus the per-share records' agreement with staking).
import { coinsToString, type Coins } from '../../app/coins.js';
import { decToString } from '../../app/dec.js';
import type { Invariant } from '../../app/module.js';
import { addDecCoins, coversDecCoins, decCoinsToString, truncateDecCoins, type DecCoins } from './dec-coins.js';
import type { DistributionKeeper } from './keeper.js';
import { MODULE_ACCOUNT } from './keys.js';

const negative = (coins: DecCoins) => coins.some((c) => c.amount <= 0n);

export function distributionInvariants(keeper: DistributionKeeper): Record<string, Invariant> {
  const operator = (validator: Uint8Array) => keeper.valoperCodec.encode(validator);
  return {
    'nonnegative-outstanding': (ctx) => {
      if (negative(keeper.communityPool(ctx))) return `community pool ${decCoinsToString(keeper.communityPool(ctx))} has a non-positive amount`;
      for (const validator of keeper.validators(ctx)) {
        const outstanding = keeper.outstanding(ctx, validator);
        const commission = keeper.commission(ctx, validator);
        if (negative(outstanding) || negative(commission) || negative(keeper.rewardsPerShare(ctx, validator))) {
          return `validator ${operator(validator)} has a non-positive amount in its records`;
        }
        if (!coversDecCoins(outstanding, commission)) {
          return `validator ${operator(validator)}: commission ${decCoinsToString(commission)} exceeds outstanding ${decCoinsToString(outstanding)}`;
        }
      }
      return undefined;
    },
    // Every delegation could withdraw now and the validator's outstanding would cover it all.
    'can-withdraw': (ctx) => {
      for (const validator of keeper.validators(ctx)) {
        let owed: DecCoins = keeper.commission(ctx, validator);
        for (const { snapshot } of keeper.snapshots(ctx, validator)) owed = addDecCoins(owed, keeper.owed(ctx, validator, snapshot));
        const outstanding = keeper.outstanding(ctx, validator);
        if (!coversDecCoins(outstanding, owed)) {
          return `validator ${operator(validator)} owes ${decCoinsToString(owed)} but has only ${decCoinsToString(outstanding)} outstanding`;
        }
      }
      return undefined;
    },
    'module-account': (ctx) => {
      let held: DecCoins = keeper.communityPool(ctx);
      for (const validator of keeper.validators(ctx)) held = addDecCoins(held, keeper.outstanding(ctx, validator));
      const expected: Coins = truncateDecCoins(held).whole;
      const address = keeper.accounts.getModuleAddress(MODULE_ACCOUNT);
      const balance = address === undefined ? [] : keeper.bank.getAllBalances(ctx, address);
      return expected.every((coin) => (balance.find((b) => b.denom === coin.denom)?.amount ?? 0n) >= coin.amount)
        ? undefined
        : `module account holds ${coinsToString(balance) || 'nothing'}, less than the outstanding rewards and community pool ${coinsToString(expected)}`;
    },
    // Rewards are spread over staking's shares: the snapshots must hold exactly those shares.
    'delegation-shares': (ctx) => {
      for (const validator of keeper.validators(ctx)) {
        const valoper = operator(validator);
        const staked = keeper.staking.validatorByOperator(ctx, valoper);
        let recorded = 0n;
        for (const { delegator, snapshot } of keeper.snapshots(ctx, validator)) {
          const address = keeper.accountCodec.encode(delegator);
          const shares = keeper.staking.delegation(ctx, address, valoper)?.shares ?? 0n;
          if (shares !== snapshot.shares) return `delegation ${address} → ${valoper} has ${decToString(shares)} shares, its rewards snapshot ${decToString(snapshot.shares)}`;
          recorded += snapshot.shares;
        }
        const total = staked?.delegatorShares ?? 0n;
        if (recorded !== total) return `validator ${valoper} has ${decToString(total)} delegator shares, its delegations' rewards snapshots ${decToString(recorded)}`;
      }
      return undefined;
    },
  };
}
