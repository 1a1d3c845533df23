// x/auth params: limits and gas prices the ante pipeline applies to every tx.
import { Params } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { z } from 'zod';

export type AuthParams = Params;

/** The SDK's DefaultParams. */
export const DEFAULT_AUTH_PARAMS: Readonly<AuthParams> = Object.freeze({
  maxMemoCharacters: 256n,
  txSigLimit: 7n,
  txSizeCostPerByte: 10n,
  sigVerifyCostEd25519: 590n,
  sigVerifyCostSecp256k1: 1000n,
});

const positive = (name: string) =>
  z.union([z.string(), z.number()]).transform((v, c) => {
    const s = String(v);
    if (!/^[0-9]+$/.test(s) || BigInt(s) === 0n) {
      c.addIssue({ code: 'custom', message: `invalid ${name}: ${s}; it must be a positive integer` });
      return z.NEVER;
    }
    return BigInt(s);
  });

/** The params as the SDK writes them in genesis JSON (uint64 as strings). */
export const AuthParamsJson = z.object({
  max_memo_characters: positive('max memo characters'),
  tx_sig_limit: positive('tx signature limit'),
  tx_size_cost_per_byte: positive('tx size cost per byte'),
  sig_verify_cost_ed25519: positive('ED25519 signature verification cost'),
  sig_verify_cost_secp256k1: positive('SECK256k1 signature verification cost'),
});

export function paramsFromJson(p: z.output<typeof AuthParamsJson>): AuthParams {
  return {
    maxMemoCharacters: p.max_memo_characters,
    txSigLimit: p.tx_sig_limit,
    txSizeCostPerByte: p.tx_size_cost_per_byte,
    sigVerifyCostEd25519: p.sig_verify_cost_ed25519,
    sigVerifyCostSecp256k1: p.sig_verify_cost_secp256k1,
  };
}

export function paramsToJson(p: AuthParams): z.input<typeof AuthParamsJson> {
  return {
    max_memo_characters: p.maxMemoCharacters.toString(),
    tx_sig_limit: p.txSigLimit.toString(),
    tx_size_cost_per_byte: p.txSizeCostPerByte.toString(),
    sig_verify_cost_ed25519: p.sigVerifyCostEd25519.toString(),
    sig_verify_cost_secp256k1: p.sigVerifyCostSecp256k1.toString(),
  };
}

export function encodeParams(p: AuthParams): Uint8Array {
  return Params.encode(p).finish();
}

export function decodeParams(bytes: Uint8Array): AuthParams {
  return Params.decode(bytes);
}
