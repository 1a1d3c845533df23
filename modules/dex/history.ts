// What the dex remembers after the fact, so that users can see their results: every fill (by
// owner, market and order) and each order's record (status, filled, given, received,
// refunded), kept for `fill_retention_blocks` after they happen or the order leaves the book.
// Written by the auction and by cancels in the same deterministic order as the coins move;
// pruned at the end of each block, oldest first, at most PRUNE_LIMIT entries of each kind.
import type { Coin } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { decToProto, type Dec } from '../../app/dec.js';
import { prefixIterator } from '../../app/store/index.js';
import { Fill, OrderRecord, OrderStatus } from '../../gen/zonekit/dex/v1/types.js';
import type { DexKeeper } from './keeper.js';
import {
  PRESENT,
  closedOrderKey,
  closedOrdersPrefix,
  fillByMarketKey,
  fillByOrderKey,
  fillByOwnerKey,
  fillKey,
  fillsPrefix,
  orderRecordKey,
  readU64,
} from './keys.js';
import { orderToProto, type OrderState } from './order.js';

/**
 * The most fills, and the most closed orders' records, deleted per block. Pruning never
 * falls behind for long: a block cannot fill more orders than it holds, and whatever is left
 * over waits for the next block, oldest first.
 */
export const PRUNE_LIMIT = 2000;

/** One order's part in one auction, as the settlement computed it. */
export interface FillAmounts {
  readonly price: Dec;
  readonly quantity: bigint;
  readonly given: Coin;
  readonly received: Coin;
  readonly fee: Coin;
  /** Escrow returned with the fill: a buy's price improvement. */
  readonly refunded: Coin;
}

const coin = (c: Coin) => ({ denom: c.denom, amount: c.amount.toString() });
const zero = (denom: string) => ({ denom, amount: '0' });
const plus = (a: { denom: string; amount: string } | undefined, b: Coin) => ({ denom: b.denom, amount: (BigInt(a?.amount ?? '0') + b.amount).toString() });

/** The order's record, or a fresh one (nothing filled yet) in the denoms of its market. */
export function orderRecord(ctx: Context, keeper: DexKeeper, order: OrderState, denoms: { given: string; received: string; refunded: string }): OrderRecord {
  const bytes = keeper.store(ctx).get(orderRecordKey(order.id));
  if (bytes !== undefined) return OrderRecord.decode(bytes);
  return {
    order: undefined,
    status: OrderStatus.ORDER_STATUS_OPEN,
    filled: '0',
    given: zero(denoms.given),
    received: zero(denoms.received),
    refunded: zero(denoms.refunded),
    closedHeight: 0n,
  };
}

export function storedOrderRecord(ctx: Context, keeper: DexKeeper, orderId: bigint): OrderRecord | undefined {
  const bytes = keeper.store(ctx).get(orderRecordKey(orderId));
  return bytes === undefined ? undefined : OrderRecord.decode(bytes);
}

function writeRecord(ctx: Context, keeper: DexKeeper, order: OrderState, record: OrderRecord, status: OrderStatus): void {
  const store = keeper.store(ctx);
  record.order = orderToProto(order);
  record.status = status;
  if (status !== OrderStatus.ORDER_STATUS_OPEN) {
    record.closedHeight = ctx.blockHeight;
    store.set(closedOrderKey(ctx.blockHeight, order.id), PRESENT);
  }
  store.set(orderRecordKey(order.id), OrderRecord.encode(record).finish());
}

/** Records a fill and adds it to its order's record (`order.remaining` already reduced by it). */
export function recordFill(ctx: Context, keeper: DexKeeper, order: OrderState, ownerAddress: Uint8Array, fill: FillAmounts): void {
  const id = keeper.takeId(ctx, 'fill');
  const store = keeper.store(ctx);
  const value: Fill = {
    id,
    marketId: order.marketId,
    orderId: order.id,
    owner: order.owner,
    side: order.side,
    height: ctx.blockHeight,
    price: decToProto(fill.price),
    quantity: fill.quantity.toString(),
    given: coin(fill.given),
    received: coin(fill.received),
    fee: coin(fill.fee),
  };
  store.set(fillKey(id), Fill.encode(value).finish());
  store.set(fillByOwnerKey(ownerAddress, id), PRESENT);
  store.set(fillByMarketKey(order.marketId, id), PRESENT);
  store.set(fillByOrderKey(order.id, id), PRESENT);
  const record = orderRecord(ctx, keeper, order, { given: fill.given.denom, received: fill.received.denom, refunded: fill.refunded.denom });
  record.filled = (BigInt(record.filled || '0') + fill.quantity).toString();
  record.given = plus(record.given, fill.given);
  record.received = plus(record.received, fill.received);
  record.refunded = plus(record.refunded, fill.refunded);
  writeRecord(ctx, keeper, order, record, order.remaining === 0n ? OrderStatus.ORDER_STATUS_FILLED : OrderStatus.ORDER_STATUS_OPEN);
}

/** Records that an order left the book unfilled in part, with the escrow that came back. */
export function recordClose(ctx: Context, keeper: DexKeeper, order: OrderState, refund: Coin, status: OrderStatus, denoms: { given: string; received: string }): void {
  const record = orderRecord(ctx, keeper, order, { ...denoms, refunded: refund.denom });
  record.refunded = plus(record.refunded, refund);
  writeRecord(ctx, keeper, order, record, status);
}

/** Writes a fill with its indexes as it was (genesis). */
export function restoreFill(ctx: Context, keeper: DexKeeper, fill: Fill): void {
  const store = keeper.store(ctx);
  store.set(fillKey(fill.id), Fill.encode(fill).finish());
  store.set(fillByOwnerKey(keeper.accounts.addressCodec.decode(fill.owner), fill.id), PRESENT);
  store.set(fillByMarketKey(fill.marketId, fill.id), PRESENT);
  store.set(fillByOrderKey(fill.orderId, fill.id), PRESENT);
}

/** Writes an order's record as it was (genesis), in the pruning index once closed. */
export function restoreOrderRecord(ctx: Context, keeper: DexKeeper, record: OrderRecord): void {
  const id = record.order!.id;
  const store = keeper.store(ctx);
  store.set(orderRecordKey(id), OrderRecord.encode(record).finish());
  if (record.status !== OrderStatus.ORDER_STATUS_OPEN) store.set(closedOrderKey(record.closedHeight, id), PRESENT);
}

/** Deletes fills and closed orders' records older than `retention` blocks, oldest first, at most `limit` of each. */
export function pruneHistory(ctx: Context, keeper: DexKeeper, retention: bigint, limit = PRUNE_LIMIT): void {
  const store = keeper.store(ctx);
  const codec = keeper.accounts.addressCodec;
  // Collected before deleting: a store's iterator must not see its own deletes.
  const fills: Fill[] = [];
  for (const [, value] of prefixIterator(store, fillsPrefix())) {
    const fill = Fill.decode(value);
    if (fills.length === limit || fill.height + retention > ctx.blockHeight) break;
    fills.push(fill);
  }
  for (const fill of fills) {
    store.delete(fillKey(fill.id));
    store.delete(fillByOwnerKey(codec.decode(fill.owner), fill.id));
    store.delete(fillByMarketKey(fill.marketId, fill.id));
    store.delete(fillByOrderKey(fill.orderId, fill.id));
  }
  const closed: Uint8Array[] = [];
  // Records closed at height h go at the end of block h + retention.
  const end = ctx.blockHeight - retention + 1n;
  if (end <= 0n) return;
  for (const [key] of store.iterator(closedOrdersPrefix(), closedOrderKey(end, 0n))) {
    if (closed.length === limit) break;
    closed.push(key);
  }
  for (const key of closed) {
    store.delete(key);
    store.delete(orderRecordKey(readU64(key, 9)));
  }
}
