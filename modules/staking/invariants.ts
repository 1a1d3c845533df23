// x/staking's invariants (the SDK's crisis checks): pools hold exactly the tokens that
// validators and unbonding entries say they do, and delegations add up to each validator's
// shares. Tests run them after every block.
import type { Context } from '../../app/context.js';
import type { Invariant } from '../../app/module.js';
import { BONDED_POOL, NOT_BONDED_POOL } from './keys.js';
import type { StakingKeeper } from './keeper.js';

export function stakingInvariants(k: StakingKeeper): Record<string, Invariant> {
  return {
    'module-accounts': (ctx: Context) => {
      let bonded = 0n;
      let notBonded = 0n;
      for (const v of k.store.allValidators(ctx)) {
        if (v.status === 'bonded') bonded += v.tokens;
        else notBonded += v.tokens;
      }
      for (const ubd of k.store.allUnbondingDelegations(ctx)) for (const e of ubd.entries) notBonded += BigInt(e.balance);
      const bondedPool = k.poolBalance(ctx, BONDED_POOL);
      const notBondedPool = k.poolBalance(ctx, NOT_BONDED_POOL);
      if (bonded !== bondedPool || notBonded !== notBondedPool) {
        return `bonded pool holds ${bondedPool}, validators say ${bonded}; not-bonded pool holds ${notBondedPool}, validators and unbondings say ${notBonded}`;
      }
      return undefined;
    },
    'delegator-shares': (ctx: Context) => {
      const sums = new Map<string, bigint>();
      for (const d of k.store.allDelegations(ctx)) sums.set(d.operator, (sums.get(d.operator) ?? 0n) + d.shares);
      for (const v of k.store.allValidators(ctx)) {
        const sum = sums.get(v.operator) ?? 0n;
        if (sum !== v.delegatorShares) return `validator ${v.operator} has ${v.delegatorShares} shares, its delegations ${sum}`;
      }
      return undefined;
    },
    'positive-delegations': (ctx: Context) => {
      for (const d of k.store.allDelegations(ctx)) if (d.shares <= 0n) return `delegation of ${d.delegator} to ${d.operator} has ${d.shares} shares`;
      return undefined;
    },
  };
}
