// ibc-go's total-escrow-per-denom invariant: the escrow accounts of the transfer channels
// hold at least what total_escrow says (more is possible: anyone may send coins there).
import { addCoins, coinsToString, isAllGTE, type Coins } from '../../../app/coins.js';
import type { Invariant } from '../../../app/module.js';
import type { TransferKeeper } from './keeper.js';
import { escrowAddress } from './keys.js';

export function transferInvariants(keeper: TransferKeeper): Record<string, Invariant> {
  const listChannels = keeper.channels.getAllChannelsWithPortPrefix?.bind(keeper.channels);
  if (listChannels === undefined) return {};
  return {
    'total-escrow-per-denom': (ctx) => {
      const expected = keeper.getAllTotalEscrowed(ctx);
      const portId = keeper.getPort(ctx);
      let actual: Coins = [];
      for (const channel of listChannels(ctx, portId)) {
        actual = addCoins(actual, keeper.bank.getAllBalances(ctx, escrowAddress(portId, channel.channelId)));
      }
      if (isAllGTE(actual, expected)) return undefined;
      return `found denom(s) with total escrow amount lower than expected:\nactual total escrowed: ${coinsToString(actual)}\nexpected total escrowed: ${coinsToString(expected)}`;
    },
  };
}
