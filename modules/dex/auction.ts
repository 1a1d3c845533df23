// One market's batch auction: find the clearing price (clearing-price.ts), decide every fill
// (planAuction, which only reads), then move the coins (settlePools, settleOrders). Reading
// everything before writing anything matters for speed: a store branch re-sorts its pending
// writes for the first iterator opened after a new key is written.
//
// Every fill is at the one clearing price. A buyer pays fill × price from its escrow and gets
// back fill × (limit − price); a seller gets fill × price. Fees are charged on what each
// receives (base for buyers, quote for sellers), rounded up, and go to the fee collector.
// Pools pay no dex fee: their own swap fee is already inside the curve they offer.
import type { Coin } from '../../app/coins.js';
import { normalizeCoins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { decToProto, decToString, type Dec } from '../../app/dec.js';
import { ErrLogic } from '../../app/errors.js';
import { prefixEnd } from '../../app/store/index.js';
import { loadBook } from './book.js';
import { buyAllocation, clearingPrice, sellAllocation, type SideAllocation } from './clearing-price.js';
import { Side } from '../../gen/zonekit/dex/v1/types.js';
import type { AuctionPool } from './expects.js';
import type { DexKeeper } from './keeper.js';
import { ESCROW_ACCOUNT, levelOrdersPrefix, sideOrdersPrefix } from './keys.js';
import { recordFill, type FillAmounts } from './history.js';
import { feeOn, notional, type MarketInfo } from './market.js';
import { decodeOrder, sideName, type OrderState } from './order.js';
import { proRata } from './pro-rata.js';

export interface AuctionOutcome {
  readonly price: Dec;
  /** Base units traded. */
  readonly volume: bigint;
  readonly quoteVolume: bigint;
  readonly orderFills: number;
  /** Per pool (in the order given): base it sold (negative: bought). */
  readonly poolBase: readonly bigint[];
}

interface Fill {
  readonly order: OrderState;
  readonly quantity: bigint;
}

/** Every fill of one auction, decided before anything is written. */
export interface AuctionPlan {
  readonly price: Dec;
  readonly volume: bigint;
  readonly buys: readonly Fill[];
  readonly sells: readonly Fill[];
  readonly pools: readonly AuctionPool[];
  /** Per pool: base it sells (negative: buys). */
  readonly poolBase: readonly bigint[];
}

// Pools rank after every order when pro-rata remainders tie.
const POOL_RANK = 1n << 64n;

/** Reads the book and decides the auction; undefined when nothing crosses. Writes nothing. */
export function planAuction(ctx: Context, keeper: DexKeeper, market: MarketInfo, pools: readonly AuctionPool[]): AuctionPlan | undefined {
  const { curves, referenceTick } = loadBook(ctx, keeper, market, pools);
  const point = clearingPrice(curves, referenceTick);
  if (point === undefined) return undefined;
  const buy = buyAllocation(curves, point);
  const sell = sellAllocation(curves, point);
  const buyFills = sideFills(readTradingOrders(ctx, keeper, market, Side.SIDE_BUY, buy.marginalTick * market.tickSize), buy, market.unit);
  const sellFills = sideFills(readTradingOrders(ctx, keeper, market, Side.SIDE_SELL, sell.marginalTick * market.tickSize), sell, market.unit);
  if (buyFills.total !== point.volume || sellFills.total !== point.volume) {
    throw ErrLogic.wrap(`market ${market.id}: fills (${buyFills.total} bought, ${sellFills.total} sold) do not match the volume ${point.volume}`);
  }
  return {
    price: point.tick * market.tickSize,
    volume: point.volume,
    buys: buyFills.orders,
    sells: sellFills.orders,
    pools,
    poolBase: pools.map((_, j) => sellFills.pools[j]! - buyFills.pools[j]!),
  };
}

/** The orders' side of a planned auction: coins, order updates, records and events. Pools must be settled first. */
export function settleAuction(ctx: Context, keeper: DexKeeper, market: MarketInfo, plan: AuctionPlan): AuctionOutcome {
  const { price, volume } = plan;
  settleOrders(ctx, keeper, market, price, plan.buys, plan.sells);
  const quoteVolume = notional(volume, price);
  const orderFills = plan.buys.length + plan.sells.length;
  keeper.setLastAuction(ctx, { marketId: market.id, height: ctx.blockHeight, price: decToProto(price), volume: volume.toString(), quoteVolume: quoteVolume.toString() });
  ctx.events.emit(
    'auction_cleared',
    ['market_id', market.id.toString()],
    ['price', decToString(price)],
    ['volume', volume.toString()],
    ['quote_volume', quoteVolume.toString()],
    ['orders_filled', orderFills.toString()],
    ['pools', plan.pools.map((p) => p.id).join(',')],
  );
  return { price, volume, quoteVolume, orderFills, poolBase: plan.poolBase };
}

interface TradingOrders {
  /** At levels better than the marginal one: they fill in full. */
  readonly full: OrderState[];
  readonly marginal: OrderState[];
}

/** The orders of one side from the best level down to the marginal one: one pass over the store. */
function readTradingOrders(ctx: Context, keeper: DexKeeper, market: MarketInfo, side: Side, marginalPrice: Dec): TradingOrders {
  const result: TradingOrders = { full: [], marginal: [] };
  for (const [, value] of keeper.store(ctx).iterator(sideOrdersPrefix(market.id, side), prefixEnd(levelOrdersPrefix(market.id, side, marginalPrice)))) {
    const order = decodeOrder(value);
    (order.price === marginalPrice ? result.marginal : result.full).push(order);
  }
  return result;
}

interface SideFills {
  readonly orders: Fill[];
  /** Per pool: base filled on this side. */
  readonly pools: bigint[];
  readonly total: bigint;
}

function sideFills(trading: TradingOrders, allocation: SideAllocation, unit: bigint): SideFills {
  const orders: Fill[] = [];
  let total = 0n;
  for (const order of trading.full) {
    orders.push({ order, quantity: order.remaining });
    total += order.remaining;
  }
  const amounts = [...trading.marginal.map((o) => o.remaining), ...allocation.poolMarginal];
  const ranks = [...trading.marginal.map((o) => o.id), ...allocation.poolMarginal.map((_, j) => POOL_RANK + BigInt(j))];
  const offered = amounts.reduce((a, b) => a + b, 0n);
  if (allocation.marginalFill > offered) throw ErrLogic.wrap(`the marginal level offers ${offered} but must fill ${allocation.marginalFill}`);
  const shares = proRata(amounts, ranks, allocation.marginalFill, unit);
  trading.marginal.forEach((order, i) => {
    if (shares[i]! > 0n) orders.push({ order, quantity: shares[i]! });
  });
  const pools = allocation.poolFull.map((full, j) => full + shares[trading.marginal.length + j]!);
  for (const amount of pools) total += amount;
  for (let i = 0; i < trading.marginal.length; i++) total += shares[i]!;
  return { orders, pools, total };
}

/**
 * Pools settle first, each moving coins between its reserves and the escrow account. The
 * escrow holds every filled order's coins, so a pool trading with orders always finds what
 * it takes there; pools trading with each other are settled in an order the escrow can fund,
 * and if there is none this throws, and the market is planned again with fewer pools.
 */
export function settlePools(ctx: Context, keeper: DexKeeper, market: MarketInfo, plan: AuctionPlan): void {
  const { price, pools, poolBase } = plan;
  const escrow = keeper.escrowAddress();
  const balance = (denom: string) => keeper.bank.getBalance(ctx, escrow, denom);
  const pending = pools.map((_, j) => j).filter((j) => poolBase[j] !== 0n);
  while (pending.length > 0) {
    const next = pending.findIndex((j) => {
      const base = poolBase[j]!;
      return base > 0n ? balance(market.quoteDenom) >= notional(base, price) : balance(market.baseDenom) >= -base;
    });
    if (next < 0) throw ErrLogic.wrap(`market ${market.id}: the escrow cannot fund the pools' trades in any order`);
    const j = pending.splice(next, 1)[0]!;
    const baseOut = poolBase[j]!;
    const quoteIn = baseOut > 0n ? notional(baseOut, price) : -notional(-baseOut, price);
    const before = [balance(market.baseDenom), balance(market.quoteDenom)];
    pools[j]!.settle(ctx, baseOut, quoteIn, ESCROW_ACCOUNT);
    // A pool that moved other amounts than agreed would break conservation: refuse it.
    if (balance(market.baseDenom) !== before[0]! + baseOut || balance(market.quoteDenom) !== before[1]! - quoteIn) {
      throw ErrLogic.wrap(`pool ${pools[j]!.id} settled other amounts than ${baseOut}${market.baseDenom} out, ${quoteIn}${market.quoteDenom} in`);
    }
    ctx.events.emit(
      'pool_filled',
      ['market_id', market.id.toString()],
      ['pool_id', pools[j]!.id],
      ['price', decToString(price)],
      ['base_out', baseOut.toString()],
      ['quote_in', quoteIn.toString()],
    );
  }
}

function settleOrders(ctx: Context, keeper: DexKeeper, market: MarketInfo, price: Dec, buys: readonly Fill[], sells: readonly Fill[]): void {
  const codec = keeper.accounts.addressCodec;
  const owners = new Map<string, { address: Uint8Array; base: bigint; quote: bigint }>();
  const account = (owner: string) => {
    let entry = owners.get(owner);
    if (entry === undefined) {
      entry = { address: codec.decode(owner), base: 0n, quote: 0n };
      owners.set(owner, entry);
    }
    return entry;
  };
  // Per level touched: how many orders left it and how much quantity.
  const levels = new Map<string, { side: Side; price: Dec; removed: bigint; quantity: bigint }>();
  const priceText = decToString(price);
  const marketId = market.id.toString();
  let baseFees = 0n;
  let quoteFees = 0n;

  // Fills are remembered only while the params keep them; read once per auction.
  const keepHistory = keeper.params(ctx).fillRetentionBlocks > 0n;
  const record = ({ order, quantity }: Fill, fee: Coin, owner: { address: Uint8Array }, amounts: Omit<FillAmounts, 'price' | 'quantity' | 'fee'>) => {
    order.remaining -= quantity;
    const levelId = `${order.side}:${order.price}`;
    const level = levels.get(levelId) ?? { side: order.side, price: order.price, removed: 0n, quantity: 0n };
    level.quantity += quantity;
    if (order.remaining === 0n) {
      level.removed += 1n;
      keeper.deleteOrder(ctx, order, owner.address);
    } else keeper.setOrder(ctx, order);
    levels.set(levelId, level);
    ctx.events.emit(
      'order_filled',
      ['market_id', marketId],
      ['order_id', order.id.toString()],
      ['owner', order.owner],
      ['side', sideName(order.side)],
      ['price', priceText],
      ['quantity', quantity.toString()],
      ['remaining', order.remaining.toString()],
      ['fee', `${fee.amount}${fee.denom}`],
    );
    if (keepHistory) recordFill(ctx, keeper, order, owner.address, { price, quantity, fee, ...amounts });
  };

  for (const fill of buys) {
    const owner = account(fill.order.owner);
    const fee = feeOn(fill.quantity, market.feeRate);
    const paid = notional(fill.quantity, price);
    const improvement = notional(fill.quantity, fill.order.price) - paid;
    owner.base += fill.quantity - fee;
    owner.quote += improvement;
    baseFees += fee;
    record(fill, { denom: market.baseDenom, amount: fee }, owner, {
      given: { denom: market.quoteDenom, amount: paid },
      received: { denom: market.baseDenom, amount: fill.quantity - fee },
      refunded: { denom: market.quoteDenom, amount: improvement },
    });
  }
  for (const fill of sells) {
    const owner = account(fill.order.owner);
    const proceeds = notional(fill.quantity, price);
    const fee = feeOn(proceeds, market.feeRate);
    owner.quote += proceeds - fee;
    quoteFees += fee;
    record(fill, { denom: market.quoteDenom, amount: fee }, owner, {
      given: { denom: market.baseDenom, amount: fill.quantity },
      received: { denom: market.quoteDenom, amount: proceeds - fee },
      refunded: { denom: market.baseDenom, amount: 0n },
    });
  }

  for (const level of levels.values()) {
    const stored = keeper.getLevel(ctx, market.id, level.side, level.price);
    keeper.setLevel(ctx, market.id, level.side, { price: level.price, count: stored.count - level.removed, quantity: stored.quantity - level.quantity });
  }
  // Sorted so that the transfers (and their events) come in the same order on every node.
  for (const owner of [...owners.keys()].sort()) {
    const { address, base, quote } = owners.get(owner)!;
    const coins = normalizeCoins([
      { denom: market.baseDenom, amount: base },
      { denom: market.quoteDenom, amount: quote },
    ]);
    if (coins.length > 0) keeper.bank.sendCoinsFromModuleToAccount(ctx, ESCROW_ACCOUNT, address, coins);
  }
  const fees = normalizeCoins([
    { denom: market.baseDenom, amount: baseFees },
    { denom: market.quoteDenom, amount: quoteFees },
  ]);
  if (fees.length > 0) keeper.bank.sendCoinsFromModuleToModule(ctx, ESCROW_ACCOUNT, keeper.feeCollector, fees);
  for (const fee of fees) keeper.addFeesCollected(ctx, market.id, fee);
}
