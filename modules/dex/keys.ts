// Every key the dex owns in store `dex`, in one place. Integers are big-endian so that key
// order is numeric order; a bid's price is stored inverted so that ascending iteration meets
// the best (highest) bid first, as it meets the best (lowest) ask first.
import { Side } from '../../gen/zonekit/dex/v1/types.js';

export const STORE_KEY = 'dex';
export const MODULE_NAME = 'dex';
/** The module account that holds every order's escrow. */
export const ESCROW_ACCOUNT = 'dex';

export const PARAMS_KEY = Uint8Array.of(0x00);
export const NEXT_MARKET_ID_KEY = Uint8Array.of(0x01);
export const NEXT_ORDER_ID_KEY = Uint8Array.of(0x02);
export const NEXT_FILL_ID_KEY = Uint8Array.of(0x03);
/** 0x10 | market id → Market */
export const MARKET_PREFIX = 0x10;
/** 0x11 | base | 0x00 | quote → market id: one market per pair. */
export const PAIR_PREFIX = 0x11;
/** 0x12 | market id → AuctionResult of the last block that traded. */
export const LAST_AUCTION_PREFIX = 0x12;
/** 0x13 | market id | denom → fees collected so far (decimal text). */
export const FEES_PREFIX = 0x13;
/** 0x20 | order id → market id | side | price key: where the order is (its key under 0x21). */
export const ORDER_ID_PREFIX = 0x20;
/**
 * 0x21 | market id | side | price key | order id → Order. Orders live under their price level,
 * so the auction reads a level's orders in one pass over the store, with no lookups.
 */
export const ORDERS_PREFIX = 0x21;
/** 0x22 | market id | side | price key → level total (count | quantity). */
export const LEVEL_PREFIX = 0x22;
/** 0x23 | len(owner) | owner | order id → PRESENT */
export const OWNER_PREFIX = 0x23;
/** 0x24 | expiry height | order id → PRESENT */
export const EXPIRY_PREFIX = 0x24;
/** 0x25 | order id → PRESENT: IOC orders waiting for this block's auction. */
export const IOC_PREFIX = 0x25;

/** 0x26 | order id → OrderRecord: what an order did, once it has filled or left the book. */
export const ORDER_RECORD_PREFIX = 0x26;
/** 0x27 | closed height | order id → PRESENT: closed orders' records, oldest first, for pruning. */
export const CLOSED_ORDER_PREFIX = 0x27;
/** 0x30 | fill id → Fill. Fill ids grow with height, so this is also oldest first, for pruning. */
export const FILL_PREFIX = 0x30;
/** 0x31 | len(owner) | owner | fill id → PRESENT */
export const FILLS_BY_OWNER_PREFIX = 0x31;
/** 0x32 | market id | fill id → PRESENT */
export const FILLS_BY_MARKET_PREFIX = 0x32;
/** 0x33 | order id | fill id → PRESENT */
export const FILLS_BY_ORDER_PREFIX = 0x33;

/** Prices are below 2^128 (as Dec, about 3.4 × 10^20 quote per base), so a price key is 16 bytes. */
export const MAX_PRICE = (1n << 128n) - 1n;
const PRICE_BYTES = 16;

// Integers are written by hand, big-endian, into one buffer per key: the auction builds a few
// keys for every order it fills, and DataViews and concatenations showed up in its profile.

export function putU64(out: Uint8Array, offset: number, value: bigint): void {
  let hi = Number(value >> 32n);
  let lo = Number(value & 0xffffffffn);
  for (let i = offset + 7; i >= offset + 4; i--) {
    out[i] = lo & 0xff;
    lo >>>= 8;
  }
  for (let i = offset + 3; i >= offset; i--) {
    out[i] = hi & 0xff;
    hi >>>= 8;
  }
}

export function readU64(bytes: Uint8Array, offset = 0): bigint {
  const hi = ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;
  const lo = ((bytes[offset + 4]! << 24) | (bytes[offset + 5]! << 16) | (bytes[offset + 6]! << 8) | bytes[offset + 7]!) >>> 0;
  // One BigInt instead of three while the value fits a double exactly (below 2^53).
  return hi < 0x200000 ? BigInt(hi * 0x100000000 + lo) : (BigInt(hi) << 32n) | BigInt(lo);
}

const U64_MASK = (1n << 64n) - 1n;

/** A value below 2^128 as 16 bytes. */
export function putU128(out: Uint8Array, offset: number, value: bigint): void {
  putU64(out, offset, value >> 64n);
  putU64(out, offset + 8, value & U64_MASK);
}

export function readU128(bytes: Uint8Array, offset = 0): bigint {
  for (let i = offset; i < offset + 8; i++) if (bytes[i] !== 0) return (readU64(bytes, offset) << 64n) | readU64(bytes, offset + 8);
  return readU64(bytes, offset + 8);
}

export function u64(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  putU64(out, 0, value);
  return out;
}

function concat(...parts: Array<Uint8Array | number>): Uint8Array {
  let length = 0;
  for (const part of parts) length += typeof part === 'number' ? 1 : part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    if (typeof part === 'number') out[offset++] = part;
    else {
      out.set(part, offset);
      offset += part.length;
    }
  }
  return out;
}

const storedPrice = (side: Side, price: bigint) => (side === Side.SIDE_BUY ? MAX_PRICE - price : price);

export function priceKey(side: Side, price: bigint): Uint8Array {
  const out = new Uint8Array(PRICE_BYTES);
  putU128(out, 0, storedPrice(side, price));
  return out;
}

export function priceFromKey(side: Side, key: Uint8Array): bigint {
  return storedPrice(side, readU128(key));
}

/** prefix | market id | side | price key, then `extra` bytes for the caller to fill. */
function marketSideKey(prefix: number, marketId: bigint, side: Side, price: bigint | undefined, extra: number): Uint8Array {
  const out = new Uint8Array(10 + (price === undefined ? 0 : PRICE_BYTES) + extra);
  out[0] = prefix;
  putU64(out, 1, marketId);
  out[9] = side;
  if (price !== undefined) putU128(out, 10, storedPrice(side, price));
  return out;
}

const utf8 = new TextEncoder();

export const marketKey = (id: bigint) => concat(MARKET_PREFIX, u64(id));
export const marketsPrefix = () => Uint8Array.of(MARKET_PREFIX);
export const pairKey = (base: string, quote: string) => concat(PAIR_PREFIX, utf8.encode(base), 0, utf8.encode(quote));
export const lastAuctionKey = (marketId: bigint) => concat(LAST_AUCTION_PREFIX, u64(marketId));
export const lastAuctionsPrefix = () => Uint8Array.of(LAST_AUCTION_PREFIX);
export const feesKey = (marketId: bigint, denom: string) => concat(FEES_PREFIX, u64(marketId), utf8.encode(denom));
export function orderIdKey(id: bigint): Uint8Array {
  const out = new Uint8Array(9);
  out[0] = ORDER_ID_PREFIX;
  putU64(out, 1, id);
  return out;
}
/** What orderIdKey holds: the order's key under ORDERS_PREFIX, less the prefix and the id. */
export const orderLocation = (marketId: bigint, side: Side, price: bigint) => orderKey(marketId, side, price, 0n).slice(1, 10 + PRICE_BYTES);
export const orderKeyAt = (location: Uint8Array, id: bigint) => concat(ORDERS_PREFIX, location, u64(id));
/** Every order, by market, side, price and id. */
export const allOrdersPrefix = () => Uint8Array.of(ORDERS_PREFIX);

/** The orders of one side of a market, best price first, then by id. */
export const sideOrdersPrefix = (marketId: bigint, side: Side) => marketSideKey(ORDERS_PREFIX, marketId, side, undefined, 0);
export const levelOrdersPrefix = (marketId: bigint, side: Side, price: bigint) => marketSideKey(ORDERS_PREFIX, marketId, side, price, 0);
export function orderKey(marketId: bigint, side: Side, price: bigint, orderId: bigint): Uint8Array {
  const out = marketSideKey(ORDERS_PREFIX, marketId, side, price, 8);
  putU64(out, 10 + PRICE_BYTES, orderId);
  return out;
}

/** The price levels of one side of a market, best first. */
export const sideLevelsPrefix = (marketId: bigint, side: Side) => marketSideKey(LEVEL_PREFIX, marketId, side, undefined, 0);
export const levelKey = (marketId: bigint, side: Side, price: bigint) => marketSideKey(LEVEL_PREFIX, marketId, side, price, 0);

export const ownerPrefix = (owner: Uint8Array) => concat(OWNER_PREFIX, owner.length, owner);
export function ownerOrderKey(owner: Uint8Array, orderId: bigint): Uint8Array {
  const out = new Uint8Array(2 + owner.length + 8);
  out[0] = OWNER_PREFIX;
  out[1] = owner.length;
  out.set(owner, 2);
  putU64(out, 2 + owner.length, orderId);
  return out;
}
export const expiryKey = (height: bigint, orderId: bigint) => concat(EXPIRY_PREFIX, u64(height), u64(orderId));
export const expiryPrefix = () => Uint8Array.of(EXPIRY_PREFIX);
export const iocKey = (orderId: bigint) => concat(IOC_PREFIX, u64(orderId));
export const iocPrefix = () => Uint8Array.of(IOC_PREFIX);

export const orderRecordKey = (orderId: bigint) => concat(ORDER_RECORD_PREFIX, u64(orderId));
export const orderRecordsPrefix = () => Uint8Array.of(ORDER_RECORD_PREFIX);
export const closedOrderKey = (height: bigint, orderId: bigint) => concat(CLOSED_ORDER_PREFIX, u64(height), u64(orderId));
export const closedOrdersPrefix = () => Uint8Array.of(CLOSED_ORDER_PREFIX);
export const fillKey = (fillId: bigint) => concat(FILL_PREFIX, u64(fillId));
export const fillsPrefix = () => Uint8Array.of(FILL_PREFIX);
export const fillsByOwnerPrefix = (owner: Uint8Array) => concat(FILLS_BY_OWNER_PREFIX, owner.length, owner);
export const fillByOwnerKey = (owner: Uint8Array, fillId: bigint) => concat(FILLS_BY_OWNER_PREFIX, owner.length, owner, u64(fillId));
export const fillsByMarketPrefix = (marketId: bigint) => concat(FILLS_BY_MARKET_PREFIX, u64(marketId));
export const fillByMarketKey = (marketId: bigint, fillId: bigint) => concat(FILLS_BY_MARKET_PREFIX, u64(marketId), u64(fillId));
export const fillsByOrderPrefix = (orderId: bigint) => concat(FILLS_BY_ORDER_PREFIX, u64(orderId));
export const fillByOrderKey = (orderId: bigint, fillId: bigint) => concat(FILLS_BY_ORDER_PREFIX, u64(orderId), u64(fillId));

/** The value of index entries, whose key says it all (one byte: some stores dislike empty values). */
export const PRESENT = Uint8Array.of(1);

/** A level's total: 8-byte order count, then the quantity as decimal text. */
export function encodeLevel(count: bigint, quantity: bigint): Uint8Array {
  return concat(u64(count), utf8.encode(quantity.toString()));
}

export function decodeLevel(bytes: Uint8Array): { count: bigint; quantity: bigint } {
  return { count: readU64(bytes), quantity: BigInt(Buffer.from(bytes.subarray(8)).toString('latin1')) };
}

export function encodeAmount(amount: bigint): Uint8Array {
  return utf8.encode(amount.toString());
}

export function decodeAmount(bytes: Uint8Array): bigint {
  return BigInt(Buffer.from(bytes).toString('latin1'));
}
