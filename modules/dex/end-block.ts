// The dex's end of block: every market's auction (in market id order), then the IOC orders
// that did not fill and the orders whose expiry height is this block go back to their owners;
// last, fills and closed orders older than the retention window are pruned (history.ts).
//
// Pools are outside code, so what they do runs in a store branch: if a pool's curve throws
// or the pools' trades cannot be settled, the branch is dropped and the market is planned
// again without the last pool, then the one before, down to none. A misbehaving pool can
// neither halt the chain nor take the orderbook down with it. (Two pools that trade with
// each other need the escrow to bridge them; one pool alone always finds what it takes in
// the escrow of the orders it trades with.) The orders' side of the settlement runs on the
// block's state directly: it only moves coins the escrow holds by construction, and a
// failure there would be a bug that must halt the chain rather than be skipped.
import type { Context } from '../../app/context.js';
import { CodedError } from '../../app/errors.js';
import { EventManager } from '../../app/events.js';
import { prefixIterator } from '../../app/store/index.js';
import { planAuction, settleAuction, settlePools, type AuctionOutcome, type AuctionPlan } from './auction.js';
import type { AuctionLiquidity, AuctionPool } from './expects.js';
import { pruneHistory } from './history.js';
import type { DexKeeper } from './keeper.js';
import { EXPIRY_PREFIX, expiryKey, iocPrefix, readU64 } from './keys.js';
import type { MarketInfo } from './market.js';

export function dexEndBlock(ctx: Context, keeper: DexKeeper, liquidity?: AuctionLiquidity): void {
  // Collected before the auctions write anything (iterating after writes re-sorts them).
  const store = keeper.store(ctx);
  const ioc = [...prefixIterator(store, iocPrefix())].map(([key]) => readU64(key, 1));
  const expired = [...store.iterator(Uint8Array.of(EXPIRY_PREFIX), expiryKey(ctx.blockHeight + 1n, 0n))].map(([key]) => ({ key, id: readU64(key, 9) }));
  for (const market of [...keeper.iterateMarkets(ctx)]) clearMarket(ctx, keeper, market, liquidity);
  for (const id of ioc) {
    const order = keeper.getOrder(ctx, id);
    if (order !== undefined) keeper.cancelOrder(ctx, order, 'ioc');
  }
  for (const { key, id } of expired) {
    const order = keeper.getOrder(ctx, id);
    if (order !== undefined) keeper.cancelOrder(ctx, order, 'expired');
    else store.delete(key);
  }
  pruneHistory(ctx, keeper, keeper.params(ctx).fillRetentionBlocks);
}

export function clearMarket(ctx: Context, keeper: DexKeeper, market: MarketInfo, liquidity?: AuctionLiquidity): AuctionOutcome | undefined {
  let pools: readonly AuctionPool[] = [];
  try {
    pools = liquidity?.auctionPools(ctx, market.baseDenom, market.quoteDenom) ?? [];
  } catch (err) {
    failed(ctx, market, err);
  }
  for (let count = pools.length; count > 0; count--) {
    const branch = ctx.store.branch();
    const events = new EventManager();
    let plan: AuctionPlan | undefined;
    try {
      plan = planAuction(ctx, keeper, market, pools.slice(0, count));
      if (plan === undefined) return undefined;
      settlePools(ctx.with(branch, events), keeper, market, plan);
    } catch (err) {
      failed(ctx, market, err);
      continue;
    }
    branch.write();
    ctx.events.emitEvents(events.events);
    return settleAuction(ctx, keeper, market, plan);
  }
  const plan = planAuction(ctx, keeper, market, []);
  return plan === undefined ? undefined : settleAuction(ctx, keeper, market, plan);
}

/** Only a registered error's text goes into the event: anything else may differ between nodes. */
function failed(ctx: Context, market: MarketInfo, err: unknown): void {
  ctx.events.emit('auction_failed', ['market_id', market.id.toString()], ['error', err instanceof CodedError ? err.message : 'internal error']);
}
