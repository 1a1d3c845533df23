// The AMM's params: what creating a pool costs, the highest swap fee, how much TWAP history
// is kept. Stored as the Params protobuf; JSON in genesis as the SDK writes it.
import { z } from 'zod';
import { coinsFromProto, coinsToProto, type Coins } from '../../app/coins.js';
import { ErrInvalidRequest } from '../../app/errors.js';
import { DEC_ONE, decFromProto, decToProto, decToString, parseDec, type Dec } from '../../app/dec.js';
import { Params as ParamsProto } from '../../gen/zonekit/amm/v1/types.js';
import { ErrInvalidSwapFee } from './errors.js';

export interface AmmParams {
  poolCreationFee: Coins;
  maxSwapFee: Dec;
  twapHistoryBlocks: bigint;
}

export const DEFAULT_AMM_PARAMS: AmmParams = {
  poolCreationFee: [],
  maxSwapFee: DEC_ONE / 10n,
  // About three days of 5-second blocks.
  twapHistoryBlocks: 50_000n,
};

function validateParams(params: AmmParams): void {
  if (params.maxSwapFee < 0n || params.maxSwapFee >= DEC_ONE) {
    throw ErrInvalidSwapFee.wrap(`max_swap_fee must be at least 0 and below 1, got ${decToString(params.maxSwapFee)}`);
  }
  if (params.twapHistoryBlocks < 1n) throw ErrInvalidRequest.wrap('twap_history_blocks must be at least 1');
}

export function paramsToProto(params: AmmParams): ParamsProto {
  return { poolCreationFee: coinsToProto(params.poolCreationFee), maxSwapFee: decToProto(params.maxSwapFee), twapHistoryBlocks: params.twapHistoryBlocks };
}

export function encodeParams(params: AmmParams): Uint8Array {
  return ParamsProto.encode(paramsToProto(params)).finish();
}

export function decodeParams(bytes: Uint8Array): AmmParams {
  const proto = ParamsProto.decode(bytes);
  return { poolCreationFee: coinsFromProto(proto.poolCreationFee), maxSwapFee: decFromProto(proto.maxSwapFee), twapHistoryBlocks: proto.twapHistoryBlocks };
}

export const ParamsJson = z.object({
  pool_creation_fee: z.array(z.object({ denom: z.string(), amount: z.string() })).default([]),
  max_swap_fee: z.string().default(decToString(DEFAULT_AMM_PARAMS.maxSwapFee)),
  twap_history_blocks: z.string().regex(/^[0-9]+$/).default(DEFAULT_AMM_PARAMS.twapHistoryBlocks.toString()),
});

export function paramsFromJson(json: z.output<typeof ParamsJson>): AmmParams {
  const params = {
    poolCreationFee: coinsFromProto(json.pool_creation_fee),
    maxSwapFee: parseDec(json.max_swap_fee),
    twapHistoryBlocks: BigInt(json.twap_history_blocks),
  };
  validateParams(params);
  return params;
}

export function paramsToJson(params: AmmParams): z.input<typeof ParamsJson> {
  return {
    pool_creation_fee: coinsToProto(params.poolCreationFee),
    max_swap_fee: decToString(params.maxSwapFee),
    twap_history_blocks: params.twapHistoryBlocks.toString(),
  };
}
