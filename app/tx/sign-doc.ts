import { makeSignDoc, serializeSignDoc, type StdFee, type StdSignDoc } from '@cosmjs/amino';
import { SignDoc } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { AminoConverters } from './amino.js';
import type { DecodedTx } from './decode.js';

/** SIGN_MODE_DIRECT: the protobuf SignDoc over the body and auth info bytes as received. */
export function directSignBytes(tx: DecodedTx, chainId: string, accountNumber: bigint): Uint8Array {
  return SignDoc.encode({
    bodyBytes: tx.bodyBytes,
    authInfoBytes: tx.authInfoBytes,
    chainId,
    accountNumber,
  }).finish();
}

function stdFee(tx: Pick<DecodedTx, 'authInfo'>): StdFee {
  const fee = tx.authInfo.fee;
  // payer and granter are omitempty in the SDK's StdFee and absent from cosmjs's by default.
  return {
    amount: (fee?.amount ?? []).map(({ denom, amount }) => ({ denom, amount })),
    gas: (fee?.gasLimit ?? 0n).toString(),
    ...(fee?.granter ? { granter: fee.granter } : {}),
    ...(fee?.payer ? { payer: fee.payer } : {}),
  };
}

/**
 * SIGN_MODE_LEGACY_AMINO_JSON: the StdSignDoc rebuilt from the tx, serialized with
 * cosmjs's serializeSignDoc (keys sorted, `&<>` escaped as Go's encoding/json does), so
 * the bytes equal what a cosmjs or Ledger signer signed. The sequence is part of the
 * doc, unlike in DIRECT where it is inside the auth info bytes.
 */
export function aminoJsonSignBytes(
  tx: Pick<DecodedTx, 'body' | 'authInfo'>,
  chainId: string,
  accountNumber: bigint,
  sequence: bigint,
  converters: AminoConverters,
): Uint8Array {
  return serializeSignDoc(aminoSignDoc(tx, chainId, accountNumber, sequence, converters));
}

/** The StdSignDoc itself, for a signer (`zonekit tx sign --sign-mode amino-json`, a Ledger) to sign. */
export function aminoSignDoc(tx: Pick<DecodedTx, 'body' | 'authInfo'>, chainId: string, accountNumber: bigint, sequence: bigint, converters: AminoConverters): StdSignDoc {
  const msgs = tx.body.messages.map((msg) => converters.toAmino(msg));
  return makeSignDoc(msgs, stdFee(tx), chainId, tx.body.memo, accountNumber, sequence.toString(), tx.body.timeoutHeight);
}
