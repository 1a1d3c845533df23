// SIGN_MODE_LEGACY_AMINO_JSON for the AMM's messages (hardware wallets). The same codec
// writes the JSON on both sides: the zone's converters below, and `createAmmAminoConverters`
// for a client's cosmjs AminoTypes, so the sign docs always agree.
import type { AminoConverter } from '../../app/tx/amino.js';
import { MsgAddLiquidity, MsgCreatePool, MsgRemoveLiquidity, MsgSwapExactIn, MsgSwapExactOut } from './codec.js';
import type { Codec } from './proto.js';

type MsgCodec = Codec<any> & { typeUrl: string };

const MSGS: ReadonlyArray<readonly [MsgCodec, string]> = [
  [MsgCreatePool, 'zonekit/amm/MsgCreatePool'],
  [MsgAddLiquidity, 'zonekit/amm/MsgAddLiquidity'],
  [MsgRemoveLiquidity, 'zonekit/amm/MsgRemoveLiquidity'],
  [MsgSwapExactIn, 'zonekit/amm/MsgSwapExactIn'],
  [MsgSwapExactOut, 'zonekit/amm/MsgSwapExactOut'],
];

/** For the zone's module definition. */
export const ammAminoConverters: Record<string, AminoConverter> = Object.fromEntries(
  MSGS.map(([codec, aminoType]) => [codec.typeUrl, { aminoType, decode: (value: Uint8Array) => codec.decode(value), toAmino: (msg: unknown) => codec.toAmino(msg as never) }]),
);

/** For a client: `new AminoTypes({ ...createDefaultAminoConverters(), ...createAmmAminoConverters() })`. */
export function createAmmAminoConverters(): Record<string, { aminoType: string; toAmino(value: any): any; fromAmino(value: any): any }> {
  return Object.fromEntries(MSGS.map(([codec, aminoType]) => [codec.typeUrl, { aminoType, toAmino: (value: any) => codec.toAmino(value), fromAmino: (json: any) => codec.fromAmino(json) }]));
}
