// SIGN_MODE_LEGACY_AMINO_JSON for the dex messages (hardware wallets). The same field maps
// serve the zone (which rebuilds the sign doc) and clients (cosmjs AminoTypes), so the two
// cannot drift apart: `new AminoTypes({ ...createDefaultAminoConverters(), ...dexAminoConverters })`.
// Decimals show as the SDK's amino JSON shows LegacyDec ("1.250000000000000000"), so a wallet
// displays the price, not its scaled digits.
import type { AminoConverter } from '../../app/tx/amino.js';
import { MsgCancelOrder, MsgCreateMarket, MsgPlaceLimitOrder, MsgSwapExactIn } from '../../gen/zonekit/dex/v1/tx.js';
import { typeUrlOf } from './codec.js';
import { decFromJson, decJson } from './dec-json.js';

interface AminoMapping<T> {
  aminoType: string;
  codec: { readonly $type: string; decode(bytes: Uint8Array): T };
  toAmino(msg: T): Record<string, unknown>;
  fromAmino(json: any): T;
}

const createMarket: AminoMapping<MsgCreateMarket> = {
  aminoType: 'zonekit/dex/MsgCreateMarket',
  codec: MsgCreateMarket,
  toAmino: (m) => ({ sender: m.sender, base_denom: m.baseDenom, quote_denom: m.quoteDenom, tick_size: decJson(m.tickSize), lot_size: m.lotSize, min_notional: m.minNotional }),
  fromAmino: (j) => ({ sender: j.sender, baseDenom: j.base_denom, quoteDenom: j.quote_denom, tickSize: decFromJson(j.tick_size), lotSize: j.lot_size, minNotional: j.min_notional }),
};

const placeLimitOrder: AminoMapping<MsgPlaceLimitOrder> = {
  aminoType: 'zonekit/dex/MsgPlaceLimitOrder',
  codec: MsgPlaceLimitOrder,
  toAmino: (m) => ({
    sender: m.sender,
    market_id: m.marketId.toString(),
    side: m.side,
    price: decJson(m.price),
    quantity: m.quantity,
    time_in_force: m.timeInForce,
    expiry_height: m.expiryHeight.toString(),
  }),
  fromAmino: (j) => ({
    sender: j.sender,
    marketId: BigInt(j.market_id),
    side: j.side,
    price: decFromJson(j.price),
    quantity: j.quantity,
    timeInForce: j.time_in_force,
    expiryHeight: BigInt(j.expiry_height),
  }),
};

const cancelOrder: AminoMapping<MsgCancelOrder> = {
  aminoType: 'zonekit/dex/MsgCancelOrder',
  codec: MsgCancelOrder,
  toAmino: (m) => ({ sender: m.sender, order_id: m.orderId.toString() }),
  fromAmino: (j) => ({ sender: j.sender, orderId: BigInt(j.order_id) }),
};

const swapExactIn: AminoMapping<MsgSwapExactIn> = {
  aminoType: 'zonekit/dex/MsgSwapExactIn',
  codec: MsgSwapExactIn,
  toAmino: (m) => ({ sender: m.sender, token_in: m.tokenIn ? { denom: m.tokenIn.denom, amount: m.tokenIn.amount } : null, denom_out: m.denomOut, min_out: m.minOut }),
  fromAmino: (j) => ({ sender: j.sender, tokenIn: j.token_in ?? undefined, denomOut: j.denom_out, minOut: j.min_out }),
};

const mappings: Array<AminoMapping<any>> = [createMarket, placeLimitOrder, cancelOrder, swapExactIn];

/** For the zone: how each message appears in an amino sign doc. */
export const dexZoneAminoConverters: Record<string, AminoConverter> = Object.fromEntries(
  mappings.map((m) => [typeUrlOf(m.codec), { aminoType: m.aminoType, decode: (value: Uint8Array) => m.codec.decode(value), toAmino: m.toAmino }]),
);

/** For clients: cosmjs AminoTypes converters. */
export const dexAminoConverters: Record<string, { aminoType: string; toAmino(value: any): any; fromAmino(value: any): any }> = Object.fromEntries(
  mappings.map((m) => [typeUrlOf(m.codec), { aminoType: m.aminoType, toAmino: m.toAmino, fromAmino: m.fromAmino }]),
);
