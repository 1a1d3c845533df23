// What a client needs of the AMM's protobuf types: the codecs generated from
// proto/zonekit/amm/v1 (gen/, `npm run proto`), each Msg codec with its type URL, the gRPC
// query paths, and the messages a cosmjs Registry signs:
//   new Registry([...defaultRegistryTypes, ...ammRegistryTypes])
import type { GeneratedType } from '@cosmjs/proto-signing';
import * as tx from '../../gen/zonekit/amm/v1/tx.js';
import type { GeneratedCodec } from '../../app/proto/schema.js';

export * from '../../gen/zonekit/amm/v1/types.js';
export * from '../../gen/zonekit/amm/v1/genesis.js';
export * from '../../gen/zonekit/amm/v1/query.js';
export { Coin } from '../../gen/cosmos/base/v1beta1/coin.js';

/** The type URL of a generated message: '/' + its full protobuf name. */
export const typeUrlOf = (codec: { readonly $type: string }): string => `/${codec.$type}`;

// cosmjs-types' codecs carry `typeUrl`, and clients (and the tests under test/) use it.
// Each export names its type (the generated MessageFns is not exported, so .d.ts could not name it).
type WithTypeUrl<C> = C & { readonly typeUrl: string };
const withTypeUrl = <C extends { readonly $type: string }>(codec: C): WithTypeUrl<C> => ({ ...codec, typeUrl: typeUrlOf(codec) });

export type MsgCreatePool = tx.MsgCreatePool;
export const MsgCreatePool: WithTypeUrl<typeof tx.MsgCreatePool> = withTypeUrl(tx.MsgCreatePool);
export type MsgCreatePoolResponse = tx.MsgCreatePoolResponse;
export const MsgCreatePoolResponse: WithTypeUrl<typeof tx.MsgCreatePoolResponse> = withTypeUrl(tx.MsgCreatePoolResponse);
export type MsgAddLiquidity = tx.MsgAddLiquidity;
export const MsgAddLiquidity: WithTypeUrl<typeof tx.MsgAddLiquidity> = withTypeUrl(tx.MsgAddLiquidity);
export type MsgAddLiquidityResponse = tx.MsgAddLiquidityResponse;
export const MsgAddLiquidityResponse: WithTypeUrl<typeof tx.MsgAddLiquidityResponse> = withTypeUrl(tx.MsgAddLiquidityResponse);
export type MsgRemoveLiquidity = tx.MsgRemoveLiquidity;
export const MsgRemoveLiquidity: WithTypeUrl<typeof tx.MsgRemoveLiquidity> = withTypeUrl(tx.MsgRemoveLiquidity);
export type MsgRemoveLiquidityResponse = tx.MsgRemoveLiquidityResponse;
export const MsgRemoveLiquidityResponse: WithTypeUrl<typeof tx.MsgRemoveLiquidityResponse> = withTypeUrl(tx.MsgRemoveLiquidityResponse);
export type MsgSwapExactIn = tx.MsgSwapExactIn;
export const MsgSwapExactIn: WithTypeUrl<typeof tx.MsgSwapExactIn> = withTypeUrl(tx.MsgSwapExactIn);
export type MsgSwapExactInResponse = tx.MsgSwapExactInResponse;
export const MsgSwapExactInResponse: WithTypeUrl<typeof tx.MsgSwapExactInResponse> = withTypeUrl(tx.MsgSwapExactInResponse);
export type MsgSwapExactOut = tx.MsgSwapExactOut;
export const MsgSwapExactOut: WithTypeUrl<typeof tx.MsgSwapExactOut> = withTypeUrl(tx.MsgSwapExactOut);
export type MsgSwapExactOutResponse = tx.MsgSwapExactOutResponse;
export const MsgSwapExactOutResponse: WithTypeUrl<typeof tx.MsgSwapExactOutResponse> = withTypeUrl(tx.MsgSwapExactOutResponse);

/**
 * The messages a client signs, for a cosmjs Registry. The generated codecs write with
 * @bufbuild/protobuf's BinaryWriter, cosmjs-types' with their own: the types differ, the calls
 * cosmjs makes (encode(...).finish(), decode, fromPartial) do not.
 */
export const ammRegistryTypes: ReadonlyArray<[string, GeneratedType]> = [tx.MsgCreatePool, tx.MsgAddLiquidity, tx.MsgRemoveLiquidity, tx.MsgSwapExactIn, tx.MsgSwapExactOut].map(
  (codec): [string, GeneratedType] => [typeUrlOf(codec), codec as unknown as GeneratedType],
);

/** Every Msg with its response, for the REST layer's JSON of txs. */
export const ammMsgTypes: readonly GeneratedCodec[] = [
  tx.MsgCreatePool,
  tx.MsgCreatePoolResponse,
  tx.MsgAddLiquidity,
  tx.MsgAddLiquidityResponse,
  tx.MsgRemoveLiquidity,
  tx.MsgRemoveLiquidityResponse,
  tx.MsgSwapExactIn,
  tx.MsgSwapExactInResponse,
  tx.MsgSwapExactOut,
  tx.MsgSwapExactOutResponse,
];

// ---- Query service ----

const queryPath = (method: string) => `/zonekit.amm.v1.Query/${method}`;
export const QUERY_PARAMS_PATH = queryPath('Params');
export const QUERY_POOL_PATH = queryPath('Pool');
export const QUERY_POOLS_PATH = queryPath('Pools');
export const QUERY_RESERVES_PATH = queryPath('Reserves');
export const QUERY_SPOT_PRICE_PATH = queryPath('SpotPrice');
export const QUERY_SIMULATE_SWAP_EXACT_IN_PATH = queryPath('SimulateSwapExactIn');
export const QUERY_SIMULATE_SWAP_EXACT_OUT_PATH = queryPath('SimulateSwapExactOut');
export const QUERY_TWAP_PATH = queryPath('Twap');
