// What must always hold in the dex: the escrow account holds exactly what the open orders
// are owed back (no coin leaks in or out through an auction), and every price level's total
// is the sum of its orders (the auction trusts the totals).
import type { Context } from '../../app/context.js';
import type { Invariant } from '../../app/module.js';
import { prefixIterator } from '../../app/store/index.js';
import type { DexKeeper } from './keeper.js';
import { allOrdersPrefix } from './keys.js';
import type { MarketInfo } from './market.js';
import { decodeOrder, escrowOf } from './order.js';

/** Per denom, what the open orders hold in escrow. */
export function expectedEscrow(ctx: Context, keeper: DexKeeper): Map<string, bigint> {
  const markets = new Map<bigint, MarketInfo>();
  const owed = new Map<string, bigint>();
  for (const [, value] of prefixIterator(keeper.store(ctx), allOrdersPrefix())) {
    const order = decodeOrder(value);
    let market = markets.get(order.marketId);
    if (market === undefined) {
      market = keeper.requireMarket(ctx, order.marketId);
      markets.set(order.marketId, market);
    }
    const coin = escrowOf(market, order);
    owed.set(coin.denom, (owed.get(coin.denom) ?? 0n) + coin.amount);
  }
  return owed;
}

export function dexInvariants(keeper: DexKeeper): Record<string, Invariant> {
  return {
    escrow: (ctx) => {
      const owed = expectedEscrow(ctx, keeper);
      const escrow = keeper.escrowAddress();
      for (const [denom, amount] of owed) {
        const held = keeper.bank.getBalance(ctx, escrow, denom);
        if (held !== amount) return `escrow holds ${held}${denom} but open orders are owed ${amount}${denom}`;
      }
      return undefined;
    },
    levels: (ctx) => {
      const sums = new Map<string, { count: bigint; quantity: bigint }>();
      for (const [, value] of prefixIterator(keeper.store(ctx), allOrdersPrefix())) {
        const order = decodeOrder(value);
        const id = `${order.marketId}:${order.side}:${order.price}`;
        const sum = sums.get(id) ?? { count: 0n, quantity: 0n };
        sums.set(id, { count: sum.count + 1n, quantity: sum.quantity + order.remaining });
      }
      for (const market of keeper.iterateMarkets(ctx)) {
        for (const side of [1, 2] as const) {
          for (const level of keeper.iterateLevels(ctx, market.id, side)) {
            const id = `${market.id}:${side}:${level.price}`;
            const sum = sums.get(id);
            if (sum === undefined || sum.count !== level.count || sum.quantity !== level.quantity) {
              return `market ${market.id} level ${level.price} records ${level.count} orders of ${level.quantity}, its orders say ${sum?.count ?? 0n} of ${sum?.quantity ?? 0n}`;
            }
            sums.delete(id);
          }
        }
      }
      return sums.size === 0 ? undefined : `${sums.size} price levels have orders but no total`;
    },
  };
}
