// The Query service (gRPC paths /zonekit.amm.v1.Query/...). Keeper errors become gRPC
// statuses as the SDK reports them: an unknown pool is NotFound, any other bad request
// InvalidArgument, with the keeper's wording kept.
import { coinFromProto, coinToProto } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { decToProto } from '../../app/dec.js';
import { CodedError } from '../../app/errors.js';
import { grpcInvalidArgument, grpcNotFound } from '../../app/grpc.js';
import type { QueryHandler } from '../../app/module.js';
import { paginate } from '../../app/pagination.js';
import { prefixStore } from '../../app/store/index.js';
import type { Coin as CoinProto } from '../../gen/cosmos/base/v1beta1/coin.js';
import {
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
import type { Pool } from '../../gen/zonekit/amm/v1/types.js';
import {
  QUERY_PARAMS_PATH,
  QUERY_POOLS_PATH,
  QUERY_POOL_PATH,
  QUERY_RESERVES_PATH,
  QUERY_SIMULATE_SWAP_EXACT_IN_PATH,
  QUERY_SIMULATE_SWAP_EXACT_OUT_PATH,
  QUERY_SPOT_PRICE_PATH,
  QUERY_TWAP_PATH,
} from './codec.js';
import { ErrPoolNotFound } from './errors.js';
import type { AmmKeeper } from './keeper.js';
import { POOLS_PREFIX, STORE_KEY } from './keys.js';
import { paramsToProto } from './params.js';
import { poolToProto, sideOf, decodePool } from './pool.js';
import { spotPrices } from './twap.js';

function asQuery(handler: (ctx: Context, data: Uint8Array) => Uint8Array): QueryHandler {
  return (ctx, data) => {
    try {
      return handler(ctx, data);
    } catch (err) {
      if (!(err instanceof CodedError) || err.codespace === 'sdk') throw err;
      throw err.is(ErrPoolNotFound) ? grpcNotFound(err.message) : grpcInvalidArgument(err.message);
    }
  };
}

function coinArg(coin: CoinProto | undefined, field: string) {
  if (coin === undefined) throw grpcInvalidArgument(`${field} is required`);
  return coinFromProto(coin);
}

export function ammQueries(keeper: AmmKeeper): Record<string, QueryHandler> {
  return {
    [QUERY_PARAMS_PATH]: asQuery((ctx) => QueryParamsResponse.encode({ params: paramsToProto(keeper.params(ctx)) }).finish()),

    [QUERY_POOL_PATH]: asQuery((ctx, data) => {
      const { poolId } = QueryPoolRequest.decode(data);
      return QueryPoolResponse.encode({ pool: poolToProto(keeper.pool(ctx, poolId)) }).finish();
    }),

    [QUERY_POOLS_PATH]: asQuery((ctx, data) => {
      const { pagination } = QueryPoolsRequest.decode(data);
      const pools: Pool[] = [];
      const page = paginate(prefixStore(ctx.kvStore(STORE_KEY), POOLS_PREFIX), pagination, (_key, value) => pools.push(poolToProto(decodePool(value))));
      return QueryPoolsResponse.encode({ pools, pagination: page }).finish();
    }),

    [QUERY_RESERVES_PATH]: asQuery((ctx, data) => {
      const { reserves, totalShares } = poolToProto(keeper.pool(ctx, QueryReservesRequest.decode(data).poolId));
      return QueryReservesResponse.encode({ reserves, totalShares }).finish();
    }),

    [QUERY_SPOT_PRICE_PATH]: asQuery((ctx, data) => {
      const { poolId, baseDenom, quoteDenom } = QuerySpotPriceRequest.decode(data);
      const pool = keeper.pool(ctx, poolId);
      const side = sideOf(pool, baseDenom);
      if (pool.denoms[1 - side] !== quoteDenom) throw grpcInvalidArgument(`pool ${poolId} pairs ${baseDenom} with ${pool.denoms[1 - side]}, not ${quoteDenom}`);
      return QuerySpotPriceResponse.encode({ spotPrice: decToProto(spotPrices(pool)[side]) }).finish();
    }),

    [QUERY_SIMULATE_SWAP_EXACT_IN_PATH]: asQuery((ctx, data) => {
      const { routes, tokenIn, tokenOutDenom } = QuerySimulateSwapExactInRequest.decode(data);
      const plan = keeper.simulateSwapExactIn(ctx, routes, coinArg(tokenIn, 'token_in'), tokenOutDenom);
      return QuerySimulateSwapExactInResponse.encode({ tokenOut: coinToProto(plan.tokenOut) }).finish();
    }),

    [QUERY_SIMULATE_SWAP_EXACT_OUT_PATH]: asQuery((ctx, data) => {
      const { routes, tokenInDenom, tokenOut } = QuerySimulateSwapExactOutRequest.decode(data);
      const plan = keeper.simulateSwapExactOut(ctx, routes, tokenInDenom, coinArg(tokenOut, 'token_out'));
      return QuerySimulateSwapExactOutResponse.encode({ tokenIn: coinToProto(plan.tokenIn) }).finish();
    }),

    [QUERY_TWAP_PATH]: asQuery((ctx, data) => {
      const { poolId, baseDenom, startHeight, endHeight } = QueryTwapRequest.decode(data);
      const result = keeper.twap(ctx, poolId, baseDenom, startHeight, endHeight);
      return QueryTwapResponse.encode({ twap: decToProto(result.twap), startTime: result.startTime, endTime: result.endTime }).finish();
    }),
  };
}
