// The dex's REST paths, where grpc-gateway would put its Query methods (`zonekit.dex.v1` →
// /zonekit/dex/v1/...). Decimals read as the SDK's gateway writes LegacyDec: "1.250000000000000000".
import { z } from 'zod';
import { addressParam, pageRequest, paginationQuery, uint64Param, type RestRoutes } from '../../app/rest/index.js';
import {
  QueryBookRequest,
  QueryBookResponse,
  QueryEstimateSwapExactInRequest,
  QueryEstimateSwapExactInResponse,
  QueryFillsRequest,
  QueryFillsResponse,
  QueryLastAuctionRequest,
  QueryLastAuctionResponse,
  QueryMarketRequest,
  QueryMarketResponse,
  QueryMarketsRequest,
  QueryMarketsResponse,
  QueryOrderRequest,
  QueryOrderResponse,
  QueryOrdersByOwnerRequest,
  QueryOrdersByOwnerResponse,
  QueryParamsRequest,
  QueryParamsResponse,
} from '../../gen/zonekit/dex/v1/query.js';
import {
  dexMsgResponseTypes,
  dexMsgTypes,
  QUERY_BOOK_PATH,
  QUERY_ESTIMATE_SWAP_EXACT_IN_PATH,
  QUERY_FILLS_PATH,
  QUERY_LAST_AUCTION_PATH,
  QUERY_MARKET_PATH,
  QUERY_MARKETS_PATH,
  QUERY_ORDER_PATH,
  QUERY_ORDERS_BY_OWNER_PATH,
  QUERY_PARAMS_PATH,
  typeUrlOf,
} from './codec.js';
import { withDecJson } from './dec-json.js';

export function dexRest(routes: RestRoutes): void {
  for (const codec of [...dexMsgTypes, ...dexMsgResponseTypes]) routes.types.register(typeUrlOf(codec), withDecJson(codec));
  const market = z.object({ market_id: uint64Param('market_id') });

  routes.gateway('/zonekit/dex/v1/params', {
    summary: 'The dex params: market creation fee and default fee rate',
    method: QUERY_PARAMS_PATH,
    request: () => QueryParamsRequest.encode({}).finish(),
    response: withDecJson(QueryParamsResponse),
  });
  routes.gateway('/zonekit/dex/v1/markets', {
    summary: 'Every market, by id',
    query: paginationQuery,
    method: QUERY_MARKETS_PATH,
    request: ({ query }) => QueryMarketsRequest.encode({ pagination: pageRequest(query) }).finish(),
    response: withDecJson(QueryMarketsResponse),
  });
  routes.gateway('/zonekit/dex/v1/markets/:market_id', {
    summary: "A market's parameters",
    params: market,
    method: QUERY_MARKET_PATH,
    request: ({ params }) => QueryMarketRequest.encode({ marketId: params.market_id }).finish(),
    response: withDecJson(QueryMarketResponse),
  });
  routes.gateway('/zonekit/dex/v1/markets/:market_id/book', {
    summary: 'Aggregated depth: bids highest first, asks lowest first (limit levels per side, default 50)',
    params: market,
    query: z.object({ limit: z.coerce.number().int().min(0).max(1000).default(0) }),
    method: QUERY_BOOK_PATH,
    request: ({ params, query }) => QueryBookRequest.encode({ marketId: params.market_id, limit: query.limit }).finish(),
    response: withDecJson(QueryBookResponse),
  });
  routes.gateway('/zonekit/dex/v1/markets/:market_id/last_auction', {
    summary: "The market's last clearing price and volume (empty if it never traded)",
    params: market,
    method: QUERY_LAST_AUCTION_PATH,
    request: ({ params }) => QueryLastAuctionRequest.encode({ marketId: params.market_id }).finish(),
    response: withDecJson(QueryLastAuctionResponse),
  });
  routes.gateway('/zonekit/dex/v1/orders/:order_id', {
    summary: 'An order, open or closed within the last fill_retention_blocks blocks, with its status and what it filled, received and got back',
    params: z.object({ order_id: uint64Param('order_id') }),
    method: QUERY_ORDER_PATH,
    request: ({ params }) => QueryOrderRequest.encode({ orderId: params.order_id }).finish(),
    response: withDecJson(QueryOrderResponse),
  });
  routes.gateway('/zonekit/dex/v1/orders_by_owner/:owner', {
    summary: "An account's open orders, by id",
    params: z.object({ owner: addressParam(routes.addressCodec) }),
    query: paginationQuery,
    method: QUERY_ORDERS_BY_OWNER_PATH,
    request: ({ params, query }) => QueryOrdersByOwnerRequest.encode({ owner: params.owner, pagination: pageRequest(query) }).finish(),
    response: withDecJson(QueryOrdersByOwnerResponse),
  });
  routes.gateway('/zonekit/dex/v1/fills', {
    summary: 'The fills of one owner, market_id or order_id (exactly one), oldest first, kept for fill_retention_blocks blocks',
    query: paginationQuery.extend({
      owner: addressParam(routes.addressCodec).optional(),
      market_id: uint64Param('market_id').optional(),
      order_id: uint64Param('order_id').optional(),
    }),
    method: QUERY_FILLS_PATH,
    request: ({ query }) =>
      QueryFillsRequest.encode({ owner: query.owner ?? '', marketId: query.market_id ?? 0n, orderId: query.order_id ?? 0n, pagination: pageRequest(query) }).finish(),
    response: withDecJson(QueryFillsResponse),
  });
  routes.gateway('/zonekit/dex/v1/estimate_swap_exact_in', {
    summary: 'What MsgSwapExactIn would get for token_in (e.g. 1000uatom) in denom_out, if the batch held only what is known now',
    query: z.object({
      token_in: z.string().regex(/^[0-9]+[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/, { error: 'token_in must be an amount and a denom, like 1000uatom' }),
      denom_out: z.string(),
    }),
    method: QUERY_ESTIMATE_SWAP_EXACT_IN_PATH,
    request: ({ query }) => {
      const [, amount, denom] = /^([0-9]+)(.*)$/.exec(query.token_in)!;
      return QueryEstimateSwapExactInRequest.encode({ tokenIn: { denom: denom!, amount: amount! }, denomOut: query.denom_out }).finish();
    },
    response: withDecJson(QueryEstimateSwapExactInResponse),
  });
}
