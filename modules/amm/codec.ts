// Protobuf codecs for amm.proto (zonekit.amm.v1), in the shape cosmjs-types generates, so
// clients can import them into a cosmjs Registry: `new Registry([...defaultRegistryTypes,
// ...ammRegistryTypes])`. Built with proto.ts; field numbers as in amm.proto.
import type { GeneratedType } from '@cosmjs/proto-signing';
import { PageRequest, PageResponse } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import { defineMessage, int64, message, messages, string, uint64, uint64s, type Codec } from './proto.js';

const PROTO_PACKAGE = 'zonekit.amm.v1';

export interface Coin {
  denom: string;
  amount: string;
}
/** cosmos.base.v1beta1.Coin, with an amino form. */
export const Coin: Codec<Coin> = defineMessage<Coin>({ denom: string(1), amount: string(2) });

export interface Params {
  poolCreationFee: Coin[];
  maxSwapFee: string;
  twapHistoryBlocks: bigint;
}
export const Params = defineMessage<Params>({ poolCreationFee: messages(1, Coin), maxSwapFee: string(2), twapHistoryBlocks: uint64(3) });

export interface TwapAccumulator {
  price0Cumulative: string;
  price1Cumulative: string;
  lastTime: bigint;
  lastHeight: bigint;
}
export const TwapAccumulator = defineMessage<TwapAccumulator>({
  price0Cumulative: string(1),
  price1Cumulative: string(2),
  lastTime: int64(3),
  lastHeight: int64(4),
});

export interface Pool {
  id: bigint;
  curve: string;
  amplification: bigint;
  swapFee: string;
  reserves: Coin[];
  totalShares?: Coin;
  twap?: TwapAccumulator;
}
export const Pool = defineMessage<Pool>({
  id: uint64(1),
  curve: string(2),
  amplification: uint64(3),
  swapFee: string(4),
  reserves: messages(5, Coin),
  totalShares: message(6, Coin),
  twap: message(7, TwapAccumulator),
});

export interface TwapObservation {
  time: bigint;
  price0Cumulative: string;
  price1Cumulative: string;
  price0: string;
  price1: string;
}
export const TwapObservation = defineMessage<TwapObservation>({
  time: int64(1),
  price0Cumulative: string(2),
  price1Cumulative: string(3),
  price0: string(4),
  price1: string(5),
});

// ---- Msg service ----

const msgUrl = (name: string) => `/${PROTO_PACKAGE}.${name}`;

export interface MsgCreatePool {
  sender: string;
  curve: string;
  amplification: bigint;
  swapFee: string;
  deposit: Coin[];
}
export const MsgCreatePool = {
  typeUrl: msgUrl('MsgCreatePool'),
  ...defineMessage<MsgCreatePool>({ sender: string(1), curve: string(2), amplification: uint64(3), swapFee: string(4), deposit: messages(5, Coin) }),
};

export interface MsgCreatePoolResponse {
  poolId: bigint;
  shares?: Coin;
}
export const MsgCreatePoolResponse = { typeUrl: msgUrl('MsgCreatePoolResponse'), ...defineMessage<MsgCreatePoolResponse>({ poolId: uint64(1), shares: message(2, Coin) }) };

export interface MsgAddLiquidity {
  sender: string;
  poolId: bigint;
  maxAmounts: Coin[];
  minShares: string;
}
export const MsgAddLiquidity = {
  typeUrl: msgUrl('MsgAddLiquidity'),
  ...defineMessage<MsgAddLiquidity>({ sender: string(1), poolId: uint64(2), maxAmounts: messages(3, Coin), minShares: string(4) }),
};

export interface MsgAddLiquidityResponse {
  shares?: Coin;
  amounts: Coin[];
}
export const MsgAddLiquidityResponse = {
  typeUrl: msgUrl('MsgAddLiquidityResponse'),
  ...defineMessage<MsgAddLiquidityResponse>({ shares: message(1, Coin), amounts: messages(2, Coin) }),
};

export interface MsgRemoveLiquidity {
  sender: string;
  poolId: bigint;
  shares: string;
  minAmounts: Coin[];
}
export const MsgRemoveLiquidity = {
  typeUrl: msgUrl('MsgRemoveLiquidity'),
  ...defineMessage<MsgRemoveLiquidity>({ sender: string(1), poolId: uint64(2), shares: string(3), minAmounts: messages(4, Coin) }),
};

export interface MsgRemoveLiquidityResponse {
  amounts: Coin[];
}
export const MsgRemoveLiquidityResponse = { typeUrl: msgUrl('MsgRemoveLiquidityResponse'), ...defineMessage<MsgRemoveLiquidityResponse>({ amounts: messages(1, Coin) }) };

export interface MsgSwapExactIn {
  sender: string;
  routes: bigint[];
  tokenIn?: Coin;
  tokenOutDenom: string;
  minAmountOut: string;
}
export const MsgSwapExactIn = {
  typeUrl: msgUrl('MsgSwapExactIn'),
  ...defineMessage<MsgSwapExactIn>({ sender: string(1), routes: uint64s(2), tokenIn: message(3, Coin), tokenOutDenom: string(4), minAmountOut: string(5) }),
};

export interface MsgSwapExactInResponse {
  tokenOut?: Coin;
}
export const MsgSwapExactInResponse = { typeUrl: msgUrl('MsgSwapExactInResponse'), ...defineMessage<MsgSwapExactInResponse>({ tokenOut: message(1, Coin) }) };

export interface MsgSwapExactOut {
  sender: string;
  routes: bigint[];
  tokenInDenom: string;
  maxAmountIn: string;
  tokenOut?: Coin;
}
export const MsgSwapExactOut = {
  typeUrl: msgUrl('MsgSwapExactOut'),
  ...defineMessage<MsgSwapExactOut>({ sender: string(1), routes: uint64s(2), tokenInDenom: string(3), maxAmountIn: string(4), tokenOut: message(5, Coin) }),
};

export interface MsgSwapExactOutResponse {
  tokenIn?: Coin;
}
export const MsgSwapExactOutResponse = { typeUrl: msgUrl('MsgSwapExactOutResponse'), ...defineMessage<MsgSwapExactOutResponse>({ tokenIn: message(1, Coin) }) };

/** The messages a client signs, for a cosmjs Registry. */
export const ammRegistryTypes: ReadonlyArray<[string, GeneratedType]> = [
  [MsgCreatePool.typeUrl, MsgCreatePool],
  [MsgAddLiquidity.typeUrl, MsgAddLiquidity],
  [MsgRemoveLiquidity.typeUrl, MsgRemoveLiquidity],
  [MsgSwapExactIn.typeUrl, MsgSwapExactIn],
  [MsgSwapExactOut.typeUrl, MsgSwapExactOut],
];

/** Every Msg with its response, for the REST layer's JSON of txs. */
export const ammMsgTypes = [
  MsgCreatePool,
  MsgCreatePoolResponse,
  MsgAddLiquidity,
  MsgAddLiquidityResponse,
  MsgRemoveLiquidity,
  MsgRemoveLiquidityResponse,
  MsgSwapExactIn,
  MsgSwapExactInResponse,
  MsgSwapExactOut,
  MsgSwapExactOutResponse,
] as const;

// ---- Query service ----

const queryPath = (method: string) => `/${PROTO_PACKAGE}.Query/${method}`;
export const QUERY_PARAMS_PATH = queryPath('Params');
export const QUERY_POOL_PATH = queryPath('Pool');
export const QUERY_POOLS_PATH = queryPath('Pools');
export const QUERY_RESERVES_PATH = queryPath('Reserves');
export const QUERY_SPOT_PRICE_PATH = queryPath('SpotPrice');
export const QUERY_SIMULATE_SWAP_EXACT_IN_PATH = queryPath('SimulateSwapExactIn');
export const QUERY_SIMULATE_SWAP_EXACT_OUT_PATH = queryPath('SimulateSwapExactOut');
export const QUERY_TWAP_PATH = queryPath('Twap');

export type QueryParamsRequest = Record<string, never>;
export const QueryParamsRequest = defineMessage<QueryParamsRequest>({});
export interface QueryParamsResponse {
  params?: Params;
}
export const QueryParamsResponse = defineMessage<QueryParamsResponse>({ params: message(1, Params) });

export interface QueryPoolRequest {
  poolId: bigint;
}
export const QueryPoolRequest = defineMessage<QueryPoolRequest>({ poolId: uint64(1) });
export interface QueryPoolResponse {
  pool?: Pool;
}
export const QueryPoolResponse = defineMessage<QueryPoolResponse>({ pool: message(1, Pool) });

export interface QueryPoolsRequest {
  pagination?: PageRequest;
}
export const QueryPoolsRequest = defineMessage<QueryPoolsRequest>({ pagination: message(1, PageRequest) });
export interface QueryPoolsResponse {
  pools: Pool[];
  pagination?: PageResponse;
}
export const QueryPoolsResponse = defineMessage<QueryPoolsResponse>({ pools: messages(1, Pool), pagination: message(2, PageResponse) });

export interface QueryReservesRequest {
  poolId: bigint;
}
export const QueryReservesRequest = defineMessage<QueryReservesRequest>({ poolId: uint64(1) });
export interface QueryReservesResponse {
  reserves: Coin[];
  totalShares?: Coin;
}
export const QueryReservesResponse = defineMessage<QueryReservesResponse>({ reserves: messages(1, Coin), totalShares: message(2, Coin) });

export interface QuerySpotPriceRequest {
  poolId: bigint;
  baseDenom: string;
  quoteDenom: string;
}
export const QuerySpotPriceRequest = defineMessage<QuerySpotPriceRequest>({ poolId: uint64(1), baseDenom: string(2), quoteDenom: string(3) });
export interface QuerySpotPriceResponse {
  spotPrice: string;
}
export const QuerySpotPriceResponse = defineMessage<QuerySpotPriceResponse>({ spotPrice: string(1) });

export interface QuerySimulateSwapExactInRequest {
  routes: bigint[];
  tokenIn?: Coin;
  tokenOutDenom: string;
}
export const QuerySimulateSwapExactInRequest = defineMessage<QuerySimulateSwapExactInRequest>({ routes: uint64s(1), tokenIn: message(2, Coin), tokenOutDenom: string(3) });
export interface QuerySimulateSwapExactInResponse {
  tokenOut?: Coin;
}
export const QuerySimulateSwapExactInResponse = defineMessage<QuerySimulateSwapExactInResponse>({ tokenOut: message(1, Coin) });

export interface QuerySimulateSwapExactOutRequest {
  routes: bigint[];
  tokenInDenom: string;
  tokenOut?: Coin;
}
export const QuerySimulateSwapExactOutRequest = defineMessage<QuerySimulateSwapExactOutRequest>({ routes: uint64s(1), tokenInDenom: string(2), tokenOut: message(3, Coin) });
export interface QuerySimulateSwapExactOutResponse {
  tokenIn?: Coin;
}
export const QuerySimulateSwapExactOutResponse = defineMessage<QuerySimulateSwapExactOutResponse>({ tokenIn: message(1, Coin) });

export interface QueryTwapRequest {
  poolId: bigint;
  baseDenom: string;
  startHeight: bigint;
  endHeight: bigint;
}
export const QueryTwapRequest = defineMessage<QueryTwapRequest>({ poolId: uint64(1), baseDenom: string(2), startHeight: uint64(3), endHeight: uint64(4) });
export interface QueryTwapResponse {
  twap: string;
  startTime: bigint;
  endTime: bigint;
}
export const QueryTwapResponse = defineMessage<QueryTwapResponse>({ twap: string(1), startTime: int64(2), endTime: int64(3) });
