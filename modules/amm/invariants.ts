// What must always hold between the pools and the bank: the `amm` module account holds
// exactly the pools' reserves (per denom) plus the locked minimum of each pool's LP shares,
// and each LP denom's supply is the pool's total shares. Checked by the property tests after
// every operation, and by a crisis-style module if the zone adds one.
import { coinsToString, normalizeCoins, type Coin } from '../../app/coins.js';
import type { Invariant } from '../../app/module.js';
import type { AmmKeeper } from './keeper.js';
import { shareDenom } from './keys.js';
import { curveOf, MINIMUM_LIQUIDITY } from './pool.js';

export function ammInvariants(keeper: AmmKeeper): Record<string, Invariant> {
  return {
    'module-balance': (ctx) => {
      const expected: Coin[] = [];
      for (const pool of keeper.iteratePools(ctx)) {
        expected.push({ denom: pool.denoms[0], amount: pool.reserves[0] }, { denom: pool.denoms[1], amount: pool.reserves[1] });
        expected.push({ denom: shareDenom(pool.id), amount: MINIMUM_LIQUIDITY });
      }
      const want = coinsToString(normalizeCoins(expected));
      const have = coinsToString(keeper.bank.getAllBalances(ctx, keeper.moduleAddress()));
      return want === have ? undefined : `the amm module account holds ${have || 'nothing'}, the pools account for ${want || 'nothing'}`;
    },
    'share-supply': (ctx) => {
      for (const pool of keeper.iteratePools(ctx)) {
        const supply = keeper.bank.getSupply(ctx, shareDenom(pool.id));
        if (supply !== pool.totalShares) return `pool ${pool.id} counts ${pool.totalShares} shares, the bank supply of ${shareDenom(pool.id)} is ${supply}`;
        if (pool.reserves[0] <= 0n || pool.reserves[1] <= 0n) return `pool ${pool.id} has an empty reserve`;
        if (curveOf(pool).invariant(pool.reserves[0], pool.reserves[1]) <= 0n) return `pool ${pool.id} has a zero invariant`;
      }
      return undefined;
    },
  };
}
