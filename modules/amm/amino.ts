// SIGN_MODE_LEGACY_AMINO_JSON for the AMM's messages (hardware wallets). The same field maps
// write the JSON on both sides: the zone's converters below, and `createAmmAminoConverters`
// for a client's cosmjs AminoTypes, so the sign docs always agree. Every field is present,
// snake_case, 64-bit integers as strings, an unset coin as null; decimals keep their
// protobuf form (the scaled digits), as they always have here.
import type { AminoConverter } from '../../app/tx/amino.js';
import { Coin } from '../../gen/cosmos/base/v1beta1/coin.js';
import { MsgAddLiquidity, MsgCreatePool, MsgRemoveLiquidity, MsgSwapExactIn, MsgSwapExactOut } from '../../gen/zonekit/amm/v1/tx.js';
import { typeUrlOf } from './codec.js';

interface AminoMapping<T> {
  aminoType: string;
  codec: { readonly $type: string; decode(bytes: Uint8Array): T; fromPartial(object: any): T };
  toAmino(msg: T): Record<string, unknown>;
  fromAmino(json: any): Partial<T>;
}

const coinToAmino = (coin: Coin) => ({ denom: coin.denom, amount: coin.amount });
const coinsToAmino = (coins: readonly Coin[]) => coins.map(coinToAmino);
const coinFromAmino = (json: any): Coin | undefined =>
  json === undefined || json === null ? undefined : Coin.fromPartial({ denom: json.denom, amount: json.amount });
const coinsFromAmino = (json: any): Coin[] => (json ?? []).map(coinFromAmino);
const uint64 = (json: unknown): bigint => (json === undefined || json === null ? 0n : BigInt(String(json)));

const createPool: AminoMapping<MsgCreatePool> = {
  aminoType: 'zonekit/amm/MsgCreatePool',
  codec: MsgCreatePool,
  toAmino: (m) => ({ sender: m.sender, curve: m.curve, amplification: m.amplification.toString(), swap_fee: m.swapFee, deposit: coinsToAmino(m.deposit) }),
  fromAmino: (j) => ({ sender: j.sender, curve: j.curve, amplification: uint64(j.amplification), swapFee: j.swap_fee, deposit: coinsFromAmino(j.deposit) }),
};

const addLiquidity: AminoMapping<MsgAddLiquidity> = {
  aminoType: 'zonekit/amm/MsgAddLiquidity',
  codec: MsgAddLiquidity,
  toAmino: (m) => ({ sender: m.sender, pool_id: m.poolId.toString(), max_amounts: coinsToAmino(m.maxAmounts), min_shares: m.minShares }),
  fromAmino: (j) => ({ sender: j.sender, poolId: uint64(j.pool_id), maxAmounts: coinsFromAmino(j.max_amounts), minShares: j.min_shares }),
};

const removeLiquidity: AminoMapping<MsgRemoveLiquidity> = {
  aminoType: 'zonekit/amm/MsgRemoveLiquidity',
  codec: MsgRemoveLiquidity,
  toAmino: (m) => ({ sender: m.sender, pool_id: m.poolId.toString(), shares: m.shares, min_amounts: coinsToAmino(m.minAmounts) }),
  fromAmino: (j) => ({ sender: j.sender, poolId: uint64(j.pool_id), shares: j.shares, minAmounts: coinsFromAmino(j.min_amounts) }),
};

const swapExactIn: AminoMapping<MsgSwapExactIn> = {
  aminoType: 'zonekit/amm/MsgSwapExactIn',
  codec: MsgSwapExactIn,
  toAmino: (m) => ({
    sender: m.sender,
    routes: m.routes.map(String),
    token_in: m.tokenIn === undefined ? null : coinToAmino(m.tokenIn),
    token_out_denom: m.tokenOutDenom,
    min_amount_out: m.minAmountOut,
  }),
  fromAmino: (j) => ({
    sender: j.sender,
    routes: (j.routes ?? []).map(uint64),
    tokenIn: coinFromAmino(j.token_in),
    tokenOutDenom: j.token_out_denom,
    minAmountOut: j.min_amount_out,
  }),
};

const swapExactOut: AminoMapping<MsgSwapExactOut> = {
  aminoType: 'zonekit/amm/MsgSwapExactOut',
  codec: MsgSwapExactOut,
  toAmino: (m) => ({
    sender: m.sender,
    routes: m.routes.map(String),
    token_in_denom: m.tokenInDenom,
    max_amount_in: m.maxAmountIn,
    token_out: m.tokenOut === undefined ? null : coinToAmino(m.tokenOut),
  }),
  fromAmino: (j) => ({
    sender: j.sender,
    routes: (j.routes ?? []).map(uint64),
    tokenInDenom: j.token_in_denom,
    maxAmountIn: j.max_amount_in,
    tokenOut: coinFromAmino(j.token_out),
  }),
};

const mappings: Array<AminoMapping<any>> = [createPool, addLiquidity, removeLiquidity, swapExactIn, swapExactOut];

// A client may hand cosmjs a partial message: fill the defaults first, as the zone's decode does.
const toAmino = (m: AminoMapping<any>) => (value: unknown) => m.toAmino(m.codec.fromPartial(value));
const fromAmino = (m: AminoMapping<any>) => (json: any) => m.codec.fromPartial(m.fromAmino(json));

/** For the zone's module definition. */
export const ammAminoConverters: Record<string, AminoConverter> = Object.fromEntries(
  mappings.map((m) => [typeUrlOf(m.codec), { aminoType: m.aminoType, decode: (value: Uint8Array) => m.codec.decode(value), toAmino: toAmino(m) }]),
);

/** For a client: `new AminoTypes({ ...createDefaultAminoConverters(), ...createAmmAminoConverters() })`. */
export function createAmmAminoConverters(): Record<string, { aminoType: string; toAmino(value: any): any; fromAmino(value: any): any }> {
  return Object.fromEntries(mappings.map((m) => [typeUrlOf(m.codec), { aminoType: m.aminoType, toAmino: toAmino(m), fromAmino: fromAmino(m) }]));
}
