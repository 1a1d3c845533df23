// The dex keeper: markets, orders and their indexes in store `dex`, escrow through the bank.
// Placing and cancelling happen here; clearing is in auction.ts, which uses the same indexes.
import { coinToString, type Coin, type Coins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { DEC_ONE, decToString, type Dec } from '../../app/dec.js';
import { CodedError, ErrUnknownAddress } from '../../app/errors.js';
import { prefixIterator, prefixStore, type KVStore } from '../../app/store/index.js';
import { AuctionResult, Market, OrderStatus, Params, Side, TimeInForce } from '../../gen/zonekit/dex/v1/types.js';
import { ErrBadLot, ErrBadTick, ErrInvalidOrder, ErrMarketExists, ErrMinNotional, ErrNotOrderOwner, ErrUnknownMarket, ErrUnknownOrder } from './errors.js';
import type { DexAccountKeeper, DexBankKeeper } from './expects.js';
import { recordClose } from './history.js';
import {
  ESCROW_ACCOUNT,
  MAX_PRICE,
  NEXT_FILL_ID_KEY,
  NEXT_MARKET_ID_KEY,
  NEXT_ORDER_ID_KEY,
  PARAMS_KEY,
  PRESENT,
  STORE_KEY,
  decodeAmount,
  decodeLevel,
  encodeAmount,
  encodeLevel,
  expiryKey,
  feesKey,
  iocKey,
  lastAuctionKey,
  levelKey,
  marketKey,
  marketsPrefix,
  orderIdKey,
  orderKey,
  orderKeyAt,
  orderLocation,
  ownerOrderKey,
  pairKey,
  priceFromKey,
  readU64,
  sideLevelsPrefix,
  u64,
} from './keys.js';
import { marketFromProto, marketInfo, marketToProto, notional, type MarketInfo, type MarketParams } from './market.js';
import { decodeOrder, encodeOrder, escrowOf, sideName, tifName, type OrderState } from './order.js';

export interface DexParams {
  /** Paid to the fee collector by whoever creates a market. */
  marketCreationFee: Coins;
  /** The fee rate of markets created by message. */
  defaultFeeRate: Dec;
  /** How many blocks fills and closed orders' records are kept; 0 keeps none. */
  fillRetentionBlocks: bigint;
}

export const DEFAULT_PARAMS: DexParams = Object.freeze({
  marketCreationFee: [{ denom: 'uatom', amount: 1_000_000n }],
  defaultFeeRate: DEC_ONE / 1000n,
  // A day of 6-second blocks: long enough for a client to come back for its results.
  fillRetentionBlocks: 14_400n,
});

export interface PlaceOrderInput {
  marketId: bigint;
  side: Side;
  price: Dec;
  quantity: bigint;
  timeInForce: TimeInForce;
  expiryHeight: bigint;
}

export interface Level {
  price: Dec;
  count: bigint;
  quantity: bigint;
}

export type CancelReason = 'user' | 'ioc' | 'expired';

export type IdKind = 'market' | 'order' | 'fill';
const NEXT_ID_KEYS: Record<IdKind, Uint8Array> = { market: NEXT_MARKET_ID_KEY, order: NEXT_ORDER_ID_KEY, fill: NEXT_FILL_ID_KEY };

export class DexKeeper {
  constructor(
    readonly bank: DexBankKeeper,
    readonly accounts: DexAccountKeeper,
    /** Where trading fees and market creation fees go. */
    readonly feeCollector: string,
  ) {}

  store(ctx: Context): KVStore {
    return ctx.kvStore(STORE_KEY);
  }

  escrowAddress(): Uint8Array {
    const address = this.accounts.getModuleAddress(ESCROW_ACCOUNT);
    if (address === undefined) throw ErrUnknownAddress.wrap(`module account ${ESCROW_ACCOUNT} is not registered: add it to the auth module's moduleAccounts`);
    return address;
  }

  params(ctx: Context): DexParams {
    const bytes = this.store(ctx).get(PARAMS_KEY);
    if (bytes === undefined) return DEFAULT_PARAMS;
    const params = Params.decode(bytes);
    return {
      marketCreationFee: params.marketCreationFee.map((c) => ({ denom: c.denom, amount: BigInt(c.amount) })),
      defaultFeeRate: BigInt(params.defaultFeeRate || '0'),
      fillRetentionBlocks: params.fillRetentionBlocks,
    };
  }

  setParams(ctx: Context, params: DexParams): void {
    const proto = {
      marketCreationFee: params.marketCreationFee.map((c) => ({ denom: c.denom, amount: c.amount.toString() })),
      defaultFeeRate: params.defaultFeeRate.toString(),
      fillRetentionBlocks: params.fillRetentionBlocks,
    };
    this.store(ctx).set(PARAMS_KEY, Params.encode(proto).finish());
  }

  /** The id the next market, order or fill gets (ids start at 1, so 0 means "none" in messages). */
  peekNextId(ctx: Context, which: IdKind): bigint {
    const bytes = this.store(ctx).get(NEXT_ID_KEYS[which]);
    return bytes === undefined ? 1n : readU64(bytes);
  }

  setNextId(ctx: Context, which: IdKind, id: bigint): void {
    this.store(ctx).set(NEXT_ID_KEYS[which], u64(id));
  }

  takeId(ctx: Context, which: IdKind): bigint {
    const id = this.peekNextId(ctx, which);
    this.setNextId(ctx, which, id + 1n);
    return id;
  }

  // Markets.

  getMarket(ctx: Context, id: bigint): MarketInfo | undefined {
    const bytes = this.store(ctx).get(marketKey(id));
    return bytes === undefined ? undefined : marketFromProto(Market.decode(bytes));
  }

  requireMarket(ctx: Context, id: bigint): MarketInfo {
    const market = this.getMarket(ctx, id);
    if (market === undefined) throw ErrUnknownMarket.wrap(`no market with id ${id} (query dex markets lists them)`);
    return market;
  }

  /** The market trading `base` against `quote`, in that order. */
  marketByPair(ctx: Context, base: string, quote: string): MarketInfo | undefined {
    const id = this.store(ctx).get(pairKey(base, quote));
    return id === undefined ? undefined : this.getMarket(ctx, readU64(id));
  }

  setMarket(ctx: Context, market: MarketInfo): void {
    this.store(ctx).set(marketKey(market.id), Market.encode(marketToProto(market)).finish());
    this.store(ctx).set(pairKey(market.baseDenom, market.quoteDenom), u64(market.id));
  }

  *iterateMarkets(ctx: Context): Generator<MarketInfo> {
    for (const [, value] of prefixIterator(this.store(ctx), marketsPrefix())) yield marketFromProto(Market.decode(value));
  }

  /** One market per pair, in either order: a second would split the pair's liquidity. */
  addMarket(ctx: Context, params: MarketParams, id = this.takeId(ctx, 'market')): MarketInfo {
    const existing = this.marketByPair(ctx, params.baseDenom, params.quoteDenom) ?? this.marketByPair(ctx, params.quoteDenom, params.baseDenom);
    if (existing !== undefined) {
      throw ErrMarketExists.wrap(`market ${existing.id} already trades ${existing.baseDenom}/${existing.quoteDenom}`);
    }
    const market = marketInfo(id, params);
    this.setMarket(ctx, market);
    return market;
  }

  /** MsgCreateMarket: charges the creation fee, then adds the market with the default fee rate. */
  createMarket(ctx: Context, creator: string, params: Omit<MarketParams, 'feeRate'>): MarketInfo {
    const { marketCreationFee, defaultFeeRate } = this.params(ctx);
    // Checked before the fee moves, so a refused market costs nothing.
    marketInfo(0n, { ...params, feeRate: defaultFeeRate });
    const market = this.addMarket(ctx, { ...params, feeRate: defaultFeeRate });
    if (marketCreationFee.length > 0) {
      const address = this.accounts.addressCodec.decode(creator);
      try {
        this.bank.sendCoinsFromAccountToModule(ctx, address, this.feeCollector, marketCreationFee);
      } catch (err) {
        throw err instanceof CodedError ? err.wrap(`market creation fee of ${marketCreationFee.map(coinToString).join(',')}`) : err;
      }
    }
    ctx.events.emit(
      'market_created',
      ['market_id', market.id.toString()],
      ['base_denom', market.baseDenom],
      ['quote_denom', market.quoteDenom],
      ['tick_size', decToString(market.tickSize)],
      ['lot_size', market.lotSize.toString()],
      ['min_notional', market.minNotional.toString()],
      ['fee_rate', decToString(market.feeRate)],
      ['creator', creator],
    );
    return market;
  }

  // Orders.

  getOrder(ctx: Context, id: bigint): OrderState | undefined {
    const location = this.store(ctx).get(orderIdKey(id));
    if (location === undefined) return undefined;
    const bytes = this.store(ctx).get(orderKeyAt(location, id));
    return bytes === undefined ? undefined : decodeOrder(bytes);
  }

  /** Checks an order against its market; throws the error a client can act on. */
  checkOrder(ctx: Context, market: MarketInfo, input: PlaceOrderInput): void {
    const { price, quantity } = input;
    if (price <= 0n || price > MAX_PRICE) throw ErrInvalidOrder.wrap(`price must be positive and below 2^128 as Dec, got ${decToString(price)}`);
    if (price % market.tickSize !== 0n) {
      throw ErrBadTick.wrap(`price ${decToString(price)} is not a multiple of market ${market.id}'s tick size ${decToString(market.tickSize)}`);
    }
    if (quantity <= 0n || quantity > MAX_PRICE) throw ErrInvalidOrder.wrap(`quantity must be positive and below 2^128, got ${quantity}`);
    if (quantity % market.lotSize !== 0n) {
      throw ErrBadLot.wrap(`quantity ${quantity} is not a multiple of market ${market.id}'s lot size ${market.lotSize}`);
    }
    const value = notional(quantity, price);
    if (value < market.minNotional) {
      throw ErrMinNotional.wrap(`price × quantity is ${value}${market.quoteDenom}, market ${market.id} needs at least ${market.minNotional}${market.quoteDenom}`);
    }
    if (input.expiryHeight !== 0n && input.expiryHeight < ctx.blockHeight) {
      throw ErrInvalidOrder.wrap(`expiry height ${input.expiryHeight} is before the current height ${ctx.blockHeight}`);
    }
  }

  /** MsgPlaceLimitOrder: checks, escrows, and adds the order to the book for this block's auction. */
  placeLimitOrder(ctx: Context, owner: string, input: PlaceOrderInput): OrderState {
    const market = this.requireMarket(ctx, input.marketId);
    this.checkOrder(ctx, market, input);
    const escrow = escrowOf(market, { side: input.side, price: input.price, remaining: input.quantity });
    try {
      this.bank.sendCoinsFromAccountToModule(ctx, this.accounts.addressCodec.decode(owner), ESCROW_ACCOUNT, [escrow]);
    } catch (err) {
      throw err instanceof CodedError ? err.wrap(`escrow of ${coinToString(escrow)} for the order`) : err;
    }
    const order: OrderState = {
      id: this.takeId(ctx, 'order'),
      marketId: market.id,
      owner,
      side: input.side,
      price: input.price,
      quantity: input.quantity,
      remaining: input.quantity,
      timeInForce: input.timeInForce,
      expiryHeight: input.expiryHeight,
      placedHeight: ctx.blockHeight,
    };
    this.insertOrder(ctx, order);
    ctx.events.emit(
      'order_placed',
      ['market_id', market.id.toString()],
      ['order_id', order.id.toString()],
      ['owner', owner],
      ['side', sideName(order.side)],
      ['price', decToString(order.price)],
      ['quantity', order.quantity.toString()],
      ['time_in_force', tifName(order.timeInForce)],
      ['expiry_height', order.expiryHeight.toString()],
    );
    return order;
  }

  /** Writes a new order with its indexes and adds it to its price level (placement and genesis). */
  insertOrder(ctx: Context, order: OrderState): void {
    const store = this.store(ctx);
    store.set(orderIdKey(order.id), orderLocation(order.marketId, order.side, order.price));
    store.set(orderKey(order.marketId, order.side, order.price, order.id), encodeOrder(order));
    store.set(ownerOrderKey(this.accounts.addressCodec.decode(order.owner), order.id), PRESENT);
    if (order.expiryHeight !== 0n) store.set(expiryKey(order.expiryHeight, order.id), PRESENT);
    if (order.timeInForce === TimeInForce.TIME_IN_FORCE_IOC) store.set(iocKey(order.id), PRESENT);
    this.adjustLevel(ctx, order.marketId, order.side, order.price, 1n, order.remaining);
  }

  /** Deletes an order and its indexes; the caller settles its level total (one write per level in the auction). */
  deleteOrder(ctx: Context, order: OrderState, ownerBytes = this.accounts.addressCodec.decode(order.owner)): void {
    const store = this.store(ctx);
    store.delete(orderIdKey(order.id));
    store.delete(orderKey(order.marketId, order.side, order.price, order.id));
    store.delete(ownerOrderKey(ownerBytes, order.id));
    if (order.expiryHeight !== 0n) store.delete(expiryKey(order.expiryHeight, order.id));
    if (order.timeInForce === TimeInForce.TIME_IN_FORCE_IOC) store.delete(iocKey(order.id));
  }

  setOrder(ctx: Context, order: OrderState): void {
    this.store(ctx).set(orderKey(order.marketId, order.side, order.price, order.id), encodeOrder(order));
  }

  /** MsgCancelOrder (and IOC and expiry clean-up): refunds exactly the unfilled escrow. */
  cancelOrder(ctx: Context, order: OrderState, reason: CancelReason): Coin {
    const market = this.requireMarket(ctx, order.marketId);
    const refund = escrowOf(market, order);
    const owner = this.accounts.addressCodec.decode(order.owner);
    if (refund.amount > 0n) this.bank.sendCoinsFromModuleToAccount(ctx, ESCROW_ACCOUNT, owner, [refund]);
    this.deleteOrder(ctx, order, owner);
    this.adjustLevel(ctx, order.marketId, order.side, order.price, -1n, -order.remaining);
    if (this.params(ctx).fillRetentionBlocks > 0n) {
      const status = reason === 'expired' ? OrderStatus.ORDER_STATUS_EXPIRED : OrderStatus.ORDER_STATUS_CANCELLED;
      const [given, received] = order.side === Side.SIDE_BUY ? [market.quoteDenom, market.baseDenom] : [market.baseDenom, market.quoteDenom];
      recordClose(ctx, this, order, refund, status, { given, received });
    }
    ctx.events.emit(
      'order_cancelled',
      ['market_id', order.marketId.toString()],
      ['order_id', order.id.toString()],
      ['owner', order.owner],
      ['refund', coinToString(refund)],
      ['reason', reason],
    );
    return refund;
  }

  /** A user's cancel: only the owner may. */
  cancelOwnOrder(ctx: Context, sender: string, orderId: bigint): Coin {
    const order = this.getOrder(ctx, orderId);
    if (order === undefined) throw ErrUnknownOrder.wrap(`no open order with id ${orderId} (it may have filled, expired or been cancelled)`);
    if (order.owner !== sender) throw ErrNotOrderOwner.wrap(`order ${orderId} belongs to ${order.owner}, not ${sender}`);
    return this.cancelOrder(ctx, order, 'user');
  }

  // Price levels.

  getLevel(ctx: Context, marketId: bigint, side: Side, price: Dec): Level {
    const bytes = this.store(ctx).get(levelKey(marketId, side, price));
    return bytes === undefined ? { price, count: 0n, quantity: 0n } : { price, ...decodeLevel(bytes) };
  }

  setLevel(ctx: Context, marketId: bigint, side: Side, level: Level): void {
    const key = levelKey(marketId, side, level.price);
    if (level.count === 0n) this.store(ctx).delete(key);
    else this.store(ctx).set(key, encodeLevel(level.count, level.quantity));
  }

  adjustLevel(ctx: Context, marketId: bigint, side: Side, price: Dec, count: bigint, quantity: bigint): void {
    const level = this.getLevel(ctx, marketId, side, price);
    this.setLevel(ctx, marketId, side, { price, count: level.count + count, quantity: level.quantity + quantity });
  }

  /** One side's levels, best price first. */
  *iterateLevels(ctx: Context, marketId: bigint, side: Side): Generator<Level> {
    for (const [key, value] of prefixStore(this.store(ctx), sideLevelsPrefix(marketId, side)).iterator()) {
      yield { price: priceFromKey(side, key), ...decodeLevel(value) };
    }
  }

  bestPrice(ctx: Context, marketId: bigint, side: Side): Dec | undefined {
    for (const level of this.iterateLevels(ctx, marketId, side)) return level.price;
    return undefined;
  }

  // Auction records.

  lastAuction(ctx: Context, marketId: bigint): AuctionResult | undefined {
    const bytes = this.store(ctx).get(lastAuctionKey(marketId));
    return bytes === undefined ? undefined : AuctionResult.decode(bytes);
  }

  setLastAuction(ctx: Context, result: AuctionResult): void {
    this.store(ctx).set(lastAuctionKey(result.marketId), AuctionResult.encode(result).finish());
  }

  feesCollected(ctx: Context, marketId: bigint, denom: string): bigint {
    const bytes = this.store(ctx).get(feesKey(marketId, denom));
    return bytes === undefined ? 0n : decodeAmount(bytes);
  }

  addFeesCollected(ctx: Context, marketId: bigint, coin: Coin): void {
    if (coin.amount === 0n) return;
    this.store(ctx).set(feesKey(marketId, coin.denom), encodeAmount(this.feesCollected(ctx, marketId, coin.denom) + coin.amount));
  }
}
