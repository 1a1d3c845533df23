// What must always hold in x/bank, checked in tests (and by a crisis-style module if one is added).
import { addCoins, coinsToString, type Coins } from '../../app/coins.js';
import type { Invariant } from '../../app/module.js';
import type { BankViewKeeper } from './view-keeper.js';

export function bankInvariants(keeper: BankViewKeeper): Record<string, Invariant> {
  return {
    'total-supply': (ctx) => {
      let sum: Coins = [];
      for (const { coin } of keeper.iterateAllBalances(ctx)) sum = addCoins(sum, [coin]);
      const supply = keeper.getTotalSupply(ctx);
      return coinsToString(sum) === coinsToString(supply)
        ? undefined
        : `total supply ${coinsToString(supply)} does not equal the sum of balances ${coinsToString(sum)}`;
    },
  };
}
