// The AMM's REST paths, where grpc-gateway would put its Query service (`zonekit.amm.v1` →
// /zonekit/amm/v1/...); repeated fields repeat in the query string (`routes=1&routes=2`) and
// message fields are dotted (`token_in.denom=uatom&token_in.amount=100`), as grpc-gateway reads them.
import { z } from 'zod';
import { generatedJsonCodec, registerJsonTypes } from '../../app/proto/json.js';
import { ProtoSchema } from '../../app/proto/schema.js';
import { pageRequest, paginationQuery, uint64Param, type RestRoutes } from '../../app/rest/index.js';
import { descriptorSetBase64 } from '../../gen/descriptor-set.js';
import {
  QueryParamsRequest,
  QueryParamsResponse,
  QueryPoolRequest,
  QueryPoolResponse,
  QueryPoolsRequest,
  QueryPoolsResponse,
  QueryReservesRequest,
  QueryReservesResponse,
  QuerySimulateSwapExactInRequest,
  QuerySimulateSwapExactInResponse,
  QuerySimulateSwapExactOutRequest,
  QuerySimulateSwapExactOutResponse,
  QuerySpotPriceRequest,
  QuerySpotPriceResponse,
  QueryTwapRequest,
  QueryTwapResponse,
} from '../../gen/zonekit/amm/v1/query.js';
import {
  ammMsgTypes,
  QUERY_PARAMS_PATH,
  QUERY_POOLS_PATH,
  QUERY_POOL_PATH,
  QUERY_RESERVES_PATH,
  QUERY_SIMULATE_SWAP_EXACT_IN_PATH,
  QUERY_SIMULATE_SWAP_EXACT_OUT_PATH,
  QUERY_SPOT_PRICE_PATH,
  QUERY_TWAP_PATH,
} from './codec.js';

const poolParams = z.object({ pool_id: uint64Param('pool_id') });
const routesQuery = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(z.array(uint64Param('routes')));
const schema = ProtoSchema.fromBase64(descriptorSetBase64);
const json = (codec: Parameters<typeof generatedJsonCodec>[1]) => generatedJsonCodec(schema, codec);
const text = (name: string) => z.string({ error: `${name} is required` });

export function ammRest(routes: RestRoutes): void {
  // Messages and answers in the SDK's JSON, from their descriptors: a cosmos.Dec field (swap fee,
  // spot price, TWAP) as the decimal, and tx files read back by their fields.
  registerJsonTypes(routes.types, schema, ammMsgTypes);

  routes.gateway('/zonekit/amm/v1/params', {
    summary: "The AMM's params: pool creation fee, maximum swap fee, TWAP history",
    method: QUERY_PARAMS_PATH,
    request: () => QueryParamsRequest.encode({}).finish(),
    response: json(QueryParamsResponse),
  });
  routes.gateway('/zonekit/amm/v1/pools', {
    summary: 'Every pool, by id',
    query: paginationQuery,
    method: QUERY_POOLS_PATH,
    request: ({ query }) => QueryPoolsRequest.encode({ pagination: pageRequest(query) }).finish(),
    response: json(QueryPoolsResponse),
  });
  routes.gateway('/zonekit/amm/v1/pools/:pool_id', {
    summary: 'One pool: curve, fee, reserves, shares, TWAP accumulators',
    params: poolParams,
    method: QUERY_POOL_PATH,
    request: ({ params }) => QueryPoolRequest.encode({ poolId: params.pool_id }).finish(),
    response: json(QueryPoolResponse),
  });
  routes.gateway('/zonekit/amm/v1/pools/:pool_id/reserves', {
    summary: "A pool's reserves and total LP shares",
    params: poolParams,
    method: QUERY_RESERVES_PATH,
    request: ({ params }) => QueryReservesRequest.encode({ poolId: params.pool_id }).finish(),
    response: json(QueryReservesResponse),
  });
  routes.gateway('/zonekit/amm/v1/pools/:pool_id/spot_price', {
    summary: 'Quote units per base unit at the current reserves, without the fee (LegacyDec)',
    params: poolParams,
    query: z.object({ base_denom: text('base_denom'), quote_denom: text('quote_denom') }),
    method: QUERY_SPOT_PRICE_PATH,
    request: ({ params, query }) => QuerySpotPriceRequest.encode({ poolId: params.pool_id, baseDenom: query.base_denom, quoteDenom: query.quote_denom }).finish(),
    response: json(QuerySpotPriceResponse),
  });
  routes.gateway('/zonekit/amm/v1/pools/:pool_id/twap', {
    summary: 'The time-weighted average price of base_denom between two heights (end_height 0 or absent: the latest)',
    params: poolParams,
    query: z.object({ base_denom: text('base_denom'), start_height: uint64Param('start_height'), end_height: uint64Param('end_height').optional() }),
    method: QUERY_TWAP_PATH,
    request: ({ params, query }) =>
      QueryTwapRequest.encode({ poolId: params.pool_id, baseDenom: query.base_denom, startHeight: query.start_height, endHeight: query.end_height ?? 0n }).finish(),
    response: json(QueryTwapResponse),
  });
  routes.gateway('/zonekit/amm/v1/simulate/swap_exact_in', {
    summary: 'What a MsgSwapExactIn would return now',
    query: z.object({ routes: routesQuery, 'token_in.denom': text('token_in.denom'), 'token_in.amount': text('token_in.amount'), token_out_denom: text('token_out_denom') }),
    method: QUERY_SIMULATE_SWAP_EXACT_IN_PATH,
    request: ({ query }) =>
      QuerySimulateSwapExactInRequest.encode({
        routes: query.routes,
        tokenIn: { denom: query['token_in.denom'], amount: query['token_in.amount'] },
        tokenOutDenom: query.token_out_denom,
      }).finish(),
    response: json(QuerySimulateSwapExactInResponse),
  });
  routes.gateway('/zonekit/amm/v1/simulate/swap_exact_out', {
    summary: 'What a MsgSwapExactOut would cost now',
    query: z.object({ routes: routesQuery, token_in_denom: text('token_in_denom'), 'token_out.denom': text('token_out.denom'), 'token_out.amount': text('token_out.amount') }),
    method: QUERY_SIMULATE_SWAP_EXACT_OUT_PATH,
    request: ({ query }) =>
      QuerySimulateSwapExactOutRequest.encode({
        routes: query.routes,
        tokenInDenom: query.token_in_denom,
        tokenOut: { denom: query['token_out.denom'], amount: query['token_out.amount'] },
      }).finish(),
    response: json(QuerySimulateSwapExactOutResponse),
  });
}
