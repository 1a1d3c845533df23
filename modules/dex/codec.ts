// Protobuf codecs for dex.proto (zonekit.dex.v1), in the shape cosmjs-types generates, so a
// cosmjs Registry signs these messages like any SDK message:
//   new Registry([...defaultRegistryTypes, ...dexRegistryTypes])
import type { GeneratedType } from '@cosmjs/proto-signing';
import { Coin } from 'cosmjs-types/cosmos/base/v1beta1/coin';
import { PageRequest, PageResponse } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import { protoMessage, type MessageCodec } from './proto.js';

const PKG = 'zonekit.dex.v1';
const url = (name: string) => `/${PKG}.${name}`;
export const queryPath = (method: string) => `/${PKG}.Query/${method}`;

export enum Side {
  SIDE_UNSPECIFIED = 0,
  SIDE_BUY = 1,
  SIDE_SELL = 2,
}
const SIDE = { enum: ['SIDE_UNSPECIFIED', 'SIDE_BUY', 'SIDE_SELL'] } as const;

export enum TimeInForce {
  TIME_IN_FORCE_GTC = 0,
  TIME_IN_FORCE_IOC = 1,
}
const TIF = { enum: ['TIME_IN_FORCE_GTC', 'TIME_IN_FORCE_IOC'] } as const;

export interface Params {
  marketCreationFee: Coin[];
  defaultFeeRate: string;
}
export const Params: MessageCodec<Params> = protoMessage(url('Params'), [
  { name: 'marketCreationFee', no: 1, kind: Coin, repeated: true },
  { name: 'defaultFeeRate', no: 2, kind: 'dec' },
]);

export interface Market {
  id: bigint;
  baseDenom: string;
  quoteDenom: string;
  tickSize: string;
  lotSize: string;
  minNotional: string;
  feeRate: string;
}
export const Market: MessageCodec<Market> = protoMessage(url('Market'), [
  { name: 'id', no: 1, kind: 'uint64' },
  { name: 'baseDenom', no: 2, kind: 'string' },
  { name: 'quoteDenom', no: 3, kind: 'string' },
  { name: 'tickSize', no: 4, kind: 'dec' },
  { name: 'lotSize', no: 5, kind: 'string' },
  { name: 'minNotional', no: 6, kind: 'string' },
  { name: 'feeRate', no: 7, kind: 'dec' },
]);

export interface Order {
  id: bigint;
  marketId: bigint;
  owner: string;
  side: Side;
  price: string;
  quantity: string;
  remaining: string;
  timeInForce: TimeInForce;
  expiryHeight: bigint;
  placedHeight: bigint;
}
export const Order: MessageCodec<Order> = protoMessage(url('Order'), [
  { name: 'id', no: 1, kind: 'uint64' },
  { name: 'marketId', no: 2, kind: 'uint64' },
  { name: 'owner', no: 3, kind: 'string' },
  { name: 'side', no: 4, kind: SIDE },
  { name: 'price', no: 5, kind: 'dec' },
  { name: 'quantity', no: 6, kind: 'string' },
  { name: 'remaining', no: 7, kind: 'string' },
  { name: 'timeInForce', no: 8, kind: TIF },
  { name: 'expiryHeight', no: 9, kind: 'int64' },
  { name: 'placedHeight', no: 10, kind: 'int64' },
]);

export interface BookLevel {
  price: string;
  quantity: string;
  orders: bigint;
}
export const BookLevel: MessageCodec<BookLevel> = protoMessage(url('BookLevel'), [
  { name: 'price', no: 1, kind: 'dec' },
  { name: 'quantity', no: 2, kind: 'string' },
  { name: 'orders', no: 3, kind: 'uint64' },
]);

export interface AuctionResult {
  marketId: bigint;
  height: bigint;
  price: string;
  volume: string;
  quoteVolume: string;
}
export const AuctionResult: MessageCodec<AuctionResult> = protoMessage(url('AuctionResult'), [
  { name: 'marketId', no: 1, kind: 'uint64' },
  { name: 'height', no: 2, kind: 'int64' },
  { name: 'price', no: 3, kind: 'dec' },
  { name: 'volume', no: 4, kind: 'string' },
  { name: 'quoteVolume', no: 5, kind: 'string' },
]);

// Messages.

export interface MsgCreateMarket {
  sender: string;
  baseDenom: string;
  quoteDenom: string;
  tickSize: string;
  lotSize: string;
  minNotional: string;
}
export const MsgCreateMarket: MessageCodec<MsgCreateMarket> = protoMessage(url('MsgCreateMarket'), [
  { name: 'sender', no: 1, kind: 'string' },
  { name: 'baseDenom', no: 2, kind: 'string' },
  { name: 'quoteDenom', no: 3, kind: 'string' },
  { name: 'tickSize', no: 4, kind: 'dec' },
  { name: 'lotSize', no: 5, kind: 'string' },
  { name: 'minNotional', no: 6, kind: 'string' },
]);
export interface MsgCreateMarketResponse {
  marketId: bigint;
}
export const MsgCreateMarketResponse: MessageCodec<MsgCreateMarketResponse> = protoMessage(url('MsgCreateMarketResponse'), [
  { name: 'marketId', no: 1, kind: 'uint64' },
]);

export interface MsgPlaceLimitOrder {
  sender: string;
  marketId: bigint;
  side: Side;
  price: string;
  quantity: string;
  timeInForce: TimeInForce;
  expiryHeight: bigint;
}
export const MsgPlaceLimitOrder: MessageCodec<MsgPlaceLimitOrder> = protoMessage(url('MsgPlaceLimitOrder'), [
  { name: 'sender', no: 1, kind: 'string' },
  { name: 'marketId', no: 2, kind: 'uint64' },
  { name: 'side', no: 3, kind: SIDE },
  { name: 'price', no: 4, kind: 'dec' },
  { name: 'quantity', no: 5, kind: 'string' },
  { name: 'timeInForce', no: 6, kind: TIF },
  { name: 'expiryHeight', no: 7, kind: 'int64' },
]);
export interface MsgPlaceLimitOrderResponse {
  orderId: bigint;
}
export const MsgPlaceLimitOrderResponse: MessageCodec<MsgPlaceLimitOrderResponse> = protoMessage(url('MsgPlaceLimitOrderResponse'), [
  { name: 'orderId', no: 1, kind: 'uint64' },
]);

export interface MsgCancelOrder {
  sender: string;
  orderId: bigint;
}
export const MsgCancelOrder: MessageCodec<MsgCancelOrder> = protoMessage(url('MsgCancelOrder'), [
  { name: 'sender', no: 1, kind: 'string' },
  { name: 'orderId', no: 2, kind: 'uint64' },
]);
export interface MsgCancelOrderResponse {
  refund?: Coin;
}
export const MsgCancelOrderResponse: MessageCodec<MsgCancelOrderResponse> = protoMessage(url('MsgCancelOrderResponse'), [
  { name: 'refund', no: 1, kind: Coin },
]);

export interface MsgSwapExactIn {
  sender: string;
  tokenIn?: Coin;
  denomOut: string;
  minOut: string;
}
export const MsgSwapExactIn: MessageCodec<MsgSwapExactIn> = protoMessage(url('MsgSwapExactIn'), [
  { name: 'sender', no: 1, kind: 'string' },
  { name: 'tokenIn', no: 2, kind: Coin },
  { name: 'denomOut', no: 3, kind: 'string' },
  { name: 'minOut', no: 4, kind: 'string' },
]);
export interface MsgSwapExactInResponse {
  amountOut: string;
  orderId: bigint;
  amountInAuction: string;
}
export const MsgSwapExactInResponse: MessageCodec<MsgSwapExactInResponse> = protoMessage(url('MsgSwapExactInResponse'), [
  { name: 'amountOut', no: 1, kind: 'string' },
  { name: 'orderId', no: 2, kind: 'uint64' },
  { name: 'amountInAuction', no: 3, kind: 'string' },
]);

/** The dex's messages for a cosmjs Registry: `new Registry([...defaultRegistryTypes, ...dexRegistryTypes])`. */
export const dexRegistryTypes: ReadonlyArray<[string, GeneratedType & MessageCodec<any>]> = [
  [MsgCreateMarket.typeUrl, MsgCreateMarket],
  [MsgPlaceLimitOrder.typeUrl, MsgPlaceLimitOrder],
  [MsgCancelOrder.typeUrl, MsgCancelOrder],
  [MsgSwapExactIn.typeUrl, MsgSwapExactIn],
];

// Queries.

export const QUERY_PARAMS_PATH = queryPath('Params');
export const QUERY_MARKETS_PATH = queryPath('Markets');
export const QUERY_MARKET_PATH = queryPath('Market');
export const QUERY_BOOK_PATH = queryPath('Book');
export const QUERY_ORDER_PATH = queryPath('Order');
export const QUERY_ORDERS_BY_OWNER_PATH = queryPath('OrdersByOwner');
export const QUERY_LAST_AUCTION_PATH = queryPath('LastAuction');
export const QUERY_ESTIMATE_SWAP_EXACT_IN_PATH = queryPath('EstimateSwapExactIn');

export type QueryParamsRequest = Record<string, never>;
export const QueryParamsRequest: MessageCodec<QueryParamsRequest> = protoMessage(url('QueryParamsRequest'), []);
export interface QueryParamsResponse {
  params?: Params;
}
export const QueryParamsResponse: MessageCodec<QueryParamsResponse> = protoMessage(url('QueryParamsResponse'), [{ name: 'params', no: 1, kind: Params }]);

export interface QueryMarketsRequest {
  pagination?: PageRequest;
}
export const QueryMarketsRequest: MessageCodec<QueryMarketsRequest> = protoMessage(url('QueryMarketsRequest'), [{ name: 'pagination', no: 1, kind: PageRequest }]);
export interface QueryMarketsResponse {
  markets: Market[];
  pagination?: PageResponse;
}
export const QueryMarketsResponse: MessageCodec<QueryMarketsResponse> = protoMessage(url('QueryMarketsResponse'), [
  { name: 'markets', no: 1, kind: Market, repeated: true },
  { name: 'pagination', no: 2, kind: PageResponse },
]);

export interface QueryMarketRequest {
  marketId: bigint;
}
export const QueryMarketRequest: MessageCodec<QueryMarketRequest> = protoMessage(url('QueryMarketRequest'), [{ name: 'marketId', no: 1, kind: 'uint64' }]);
export interface QueryMarketResponse {
  market?: Market;
}
export const QueryMarketResponse: MessageCodec<QueryMarketResponse> = protoMessage(url('QueryMarketResponse'), [{ name: 'market', no: 1, kind: Market }]);

export interface QueryBookRequest {
  marketId: bigint;
  limit: number;
}
export const QueryBookRequest: MessageCodec<QueryBookRequest> = protoMessage(url('QueryBookRequest'), [
  { name: 'marketId', no: 1, kind: 'uint64' },
  { name: 'limit', no: 2, kind: 'uint32' },
]);
export interface QueryBookResponse {
  bids: BookLevel[];
  asks: BookLevel[];
}
export const QueryBookResponse: MessageCodec<QueryBookResponse> = protoMessage(url('QueryBookResponse'), [
  { name: 'bids', no: 1, kind: BookLevel, repeated: true },
  { name: 'asks', no: 2, kind: BookLevel, repeated: true },
]);

export interface QueryOrderRequest {
  orderId: bigint;
}
export const QueryOrderRequest: MessageCodec<QueryOrderRequest> = protoMessage(url('QueryOrderRequest'), [{ name: 'orderId', no: 1, kind: 'uint64' }]);
export interface QueryOrderResponse {
  order?: Order;
}
export const QueryOrderResponse: MessageCodec<QueryOrderResponse> = protoMessage(url('QueryOrderResponse'), [{ name: 'order', no: 1, kind: Order }]);

export interface QueryOrdersByOwnerRequest {
  owner: string;
  pagination?: PageRequest;
}
export const QueryOrdersByOwnerRequest: MessageCodec<QueryOrdersByOwnerRequest> = protoMessage(url('QueryOrdersByOwnerRequest'), [
  { name: 'owner', no: 1, kind: 'string' },
  { name: 'pagination', no: 2, kind: PageRequest },
]);
export interface QueryOrdersByOwnerResponse {
  orders: Order[];
  pagination?: PageResponse;
}
export const QueryOrdersByOwnerResponse: MessageCodec<QueryOrdersByOwnerResponse> = protoMessage(url('QueryOrdersByOwnerResponse'), [
  { name: 'orders', no: 1, kind: Order, repeated: true },
  { name: 'pagination', no: 2, kind: PageResponse },
]);

export interface QueryLastAuctionRequest {
  marketId: bigint;
}
export const QueryLastAuctionRequest: MessageCodec<QueryLastAuctionRequest> = protoMessage(url('QueryLastAuctionRequest'), [{ name: 'marketId', no: 1, kind: 'uint64' }]);
export interface QueryLastAuctionResponse {
  auction?: AuctionResult;
}
export const QueryLastAuctionResponse: MessageCodec<QueryLastAuctionResponse> = protoMessage(url('QueryLastAuctionResponse'), [
  { name: 'auction', no: 1, kind: AuctionResult },
]);

export interface QueryEstimateSwapExactInRequest {
  tokenIn?: Coin;
  denomOut: string;
}
export const QueryEstimateSwapExactInRequest: MessageCodec<QueryEstimateSwapExactInRequest> = protoMessage(url('QueryEstimateSwapExactInRequest'), [
  { name: 'tokenIn', no: 1, kind: Coin },
  { name: 'denomOut', no: 2, kind: 'string' },
]);
export interface QueryEstimateSwapExactInResponse {
  amountOut: string;
  amountInImmediate: string;
}
export const QueryEstimateSwapExactInResponse: MessageCodec<QueryEstimateSwapExactInResponse> = protoMessage(url('QueryEstimateSwapExactInResponse'), [
  { name: 'amountOut', no: 1, kind: 'string' },
  { name: 'amountInImmediate', no: 2, kind: 'string' },
]);
