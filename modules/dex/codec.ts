// What a client needs of the dex's protobuf types: the codecs generated from
// proto/zonekit/dex/v1 (gen/, `npm run proto`), each Msg codec with its type URL, the gRPC
// query paths, and the messages a cosmjs Registry signs:
//   new Registry([...defaultRegistryTypes, ...dexRegistryTypes])
import type { GeneratedType } from '@cosmjs/proto-signing';
import * as tx from '../../gen/zonekit/dex/v1/tx.js';

export * from '../../gen/zonekit/dex/v1/types.js';
export * from '../../gen/zonekit/dex/v1/query.js';

/** The type URL of a generated message: '/' + its full protobuf name. */
export const typeUrlOf = (codec: { readonly $type: string }): string => `/${codec.$type}`;

// cosmjs-types' codecs carry `typeUrl`, and clients (and the tests under test/) use it.
// Each export names its type (the generated MessageFns is not exported, so .d.ts could not name it).
type WithTypeUrl<C> = C & { readonly typeUrl: string };
const withTypeUrl = <C extends { readonly $type: string }>(codec: C): WithTypeUrl<C> => ({ ...codec, typeUrl: typeUrlOf(codec) });

export type MsgCreateMarket = tx.MsgCreateMarket;
export const MsgCreateMarket: WithTypeUrl<typeof tx.MsgCreateMarket> = withTypeUrl(tx.MsgCreateMarket);
export type MsgCreateMarketResponse = tx.MsgCreateMarketResponse;
export const MsgCreateMarketResponse: WithTypeUrl<typeof tx.MsgCreateMarketResponse> = withTypeUrl(tx.MsgCreateMarketResponse);
export type MsgPlaceLimitOrder = tx.MsgPlaceLimitOrder;
export const MsgPlaceLimitOrder: WithTypeUrl<typeof tx.MsgPlaceLimitOrder> = withTypeUrl(tx.MsgPlaceLimitOrder);
export type MsgPlaceLimitOrderResponse = tx.MsgPlaceLimitOrderResponse;
export const MsgPlaceLimitOrderResponse: WithTypeUrl<typeof tx.MsgPlaceLimitOrderResponse> = withTypeUrl(tx.MsgPlaceLimitOrderResponse);
export type MsgCancelOrder = tx.MsgCancelOrder;
export const MsgCancelOrder: WithTypeUrl<typeof tx.MsgCancelOrder> = withTypeUrl(tx.MsgCancelOrder);
export type MsgCancelOrderResponse = tx.MsgCancelOrderResponse;
export const MsgCancelOrderResponse: WithTypeUrl<typeof tx.MsgCancelOrderResponse> = withTypeUrl(tx.MsgCancelOrderResponse);
export type MsgSwapExactIn = tx.MsgSwapExactIn;
export const MsgSwapExactIn: WithTypeUrl<typeof tx.MsgSwapExactIn> = withTypeUrl(tx.MsgSwapExactIn);
export type MsgSwapExactInResponse = tx.MsgSwapExactInResponse;
export const MsgSwapExactInResponse: WithTypeUrl<typeof tx.MsgSwapExactInResponse> = withTypeUrl(tx.MsgSwapExactInResponse);

/** The Msg service's requests, as the app routes them and a client signs them. */
// Typed by `typeof`: the generated MessageFns type is not exported, so emitted .d.ts could not name it.
export const dexMsgTypes: readonly [typeof tx.MsgCreateMarket, typeof tx.MsgPlaceLimitOrder, typeof tx.MsgCancelOrder, typeof tx.MsgSwapExactIn] = [
  tx.MsgCreateMarket,
  tx.MsgPlaceLimitOrder,
  tx.MsgCancelOrder,
  tx.MsgSwapExactIn,
];

/**
 * The dex's messages for a cosmjs Registry: `new Registry([...defaultRegistryTypes, ...dexRegistryTypes])`.
 * The generated codecs write with @bufbuild/protobuf's BinaryWriter, cosmjs-types' with their own:
 * the types differ, the calls cosmjs makes (encode(...).finish(), decode, fromPartial) do not.
 */
export const dexRegistryTypes: ReadonlyArray<[string, GeneratedType]> = dexMsgTypes.map((codec): [string, GeneratedType] => [
  typeUrlOf(codec),
  codec as unknown as GeneratedType,
]);

/** The Msg service's responses, by type URL (for JSON of tx results). */
export const dexMsgResponseTypes: readonly [
  typeof tx.MsgCreateMarketResponse,
  typeof tx.MsgPlaceLimitOrderResponse,
  typeof tx.MsgCancelOrderResponse,
  typeof tx.MsgSwapExactInResponse,
] = [tx.MsgCreateMarketResponse, tx.MsgPlaceLimitOrderResponse, tx.MsgCancelOrderResponse, tx.MsgSwapExactInResponse];

// Queries.

export const queryPath = (method: string) => `/zonekit.dex.v1.Query/${method}`;
export const QUERY_PARAMS_PATH = queryPath('Params');
export const QUERY_MARKETS_PATH = queryPath('Markets');
export const QUERY_MARKET_PATH = queryPath('Market');
export const QUERY_BOOK_PATH = queryPath('Book');
export const QUERY_ORDER_PATH = queryPath('Order');
export const QUERY_ORDERS_BY_OWNER_PATH = queryPath('OrdersByOwner');
export const QUERY_FILLS_PATH = queryPath('Fills');
export const QUERY_LAST_AUCTION_PATH = queryPath('LastAuction');
export const QUERY_ESTIMATE_SWAP_EXACT_IN_PATH = queryPath('EstimateSwapExactIn');
