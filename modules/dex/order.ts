// An order as numbers, its stored form, and what it holds in escrow. A buy escrows
// remaining × limit price of quote, a sell its remaining base: after every fill the buyer
// gets back the difference between its limit and the clearing price, so the escrow of an
// open order is always exactly this, and a cancel returns exactly this.
import type { Coin } from '../../app/coins.js';
import { decToProto, type Dec } from '../../app/dec.js';
import { Order, Side, TimeInForce } from '../../gen/zonekit/dex/v1/types.js';
import { putU128, putU64, readU128, readU64 } from './keys.js';
import type { MarketInfo } from './market.js';
import { notional } from './market.js';

export interface OrderState {
  readonly id: bigint;
  readonly marketId: bigint;
  /** Bech32, as stored: decoded only when coins move. */
  readonly owner: string;
  readonly side: Side;
  readonly price: Dec;
  readonly quantity: bigint;
  remaining: bigint;
  readonly timeInForce: TimeInForce;
  /** 0 = none; else the last block whose auction it joins. */
  readonly expiryHeight: bigint;
  readonly placedHeight: bigint;
}

export function orderToProto(order: OrderState): Order {
  return {
    id: order.id,
    marketId: order.marketId,
    owner: order.owner,
    side: order.side,
    price: decToProto(order.price),
    quantity: order.quantity.toString(),
    remaining: order.remaining.toString(),
    timeInForce: order.timeInForce,
    expiryHeight: order.expiryHeight,
    placedHeight: order.placedHeight,
  };
}

// The stored form: fixed-width big-endian fields, then the owner's bech32 text. Not protobuf,
// because decoding orders is the auction's hot path (protobuf's string fields cost several
// times more); queries answer with the Order message built from it.
//   version(1) id(8) market(8) side(1) tif(1) expiry(8) placed(8) price(16) quantity(16) remaining(16) owner(...)
const STORED_VERSION = 1;
const OWNER_AT = 83;

export function encodeOrder(order: OrderState): Uint8Array {
  const out = new Uint8Array(OWNER_AT + order.owner.length);
  out[0] = STORED_VERSION;
  putU64(out, 1, order.id);
  putU64(out, 9, order.marketId);
  out[17] = order.side;
  out[18] = order.timeInForce;
  putU64(out, 19, order.expiryHeight);
  putU64(out, 27, order.placedHeight);
  putU128(out, 35, order.price);
  putU128(out, 51, order.quantity);
  putU128(out, 67, order.remaining);
  for (let i = 0; i < order.owner.length; i++) out[OWNER_AT + i] = order.owner.charCodeAt(i);
  return out;
}

export function decodeOrder(bytes: Uint8Array): OrderState {
  if (bytes[0] !== STORED_VERSION) throw new Error(`stored order has unknown version ${bytes[0]}`);
  return {
    id: readU64(bytes, 1),
    marketId: readU64(bytes, 9),
    side: bytes[17]! as Side,
    timeInForce: bytes[18]! as TimeInForce,
    expiryHeight: readU64(bytes, 19),
    placedHeight: readU64(bytes, 27),
    price: readU128(bytes, 35),
    quantity: readU128(bytes, 51),
    remaining: readU128(bytes, 67),
    owner: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', OWNER_AT),
  };
}

/** What the dex holds for the unfilled part of `order`. */
export function escrowOf(market: MarketInfo, order: Pick<OrderState, 'side' | 'price' | 'remaining'>): Coin {
  return order.side === Side.SIDE_BUY
    ? { denom: market.quoteDenom, amount: notional(order.remaining, order.price) }
    : { denom: market.baseDenom, amount: order.remaining };
}

export const sideName = (side: Side): string => (side === Side.SIDE_BUY ? 'buy' : 'sell');
export const tifName = (tif: TimeInForce): string => (tif === TimeInForce.TIME_IN_FORCE_IOC ? 'ioc' : 'gtc');
