// Signed txs for the campaign: SIGN_MODE_DIRECT as cosmjs builds them, signed with native
// libsecp256k1 (as the tps harness does), with every part exposed so generators can mutate it.
import { createHash } from 'node:crypto';
import { BinaryWriter } from 'cosmjs-types/binary';
import { MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { AuthInfo, SignDoc, TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import secp256k1 from 'secp256k1';
import { addressFromPubKey, toBech32Address } from '../../../app/tx/address.js';

export interface FuzzKey {
  address: string;
  privateKey: Uint8Array;
  pubKey: Uint8Array;
  accountNumber: bigint;
}

/** A key derived from `label`, so a run needs no key files and the same seed finds the same accounts. */
export function fuzzKey(label: string, accountNumber: bigint, privateKey?: Uint8Array): FuzzKey {
  const key = privateKey ?? new Uint8Array(createHash('sha256').update(`zonekit fuzz key ${label}`).digest());
  const pubKey = secp256k1.publicKeyCreate(key, true);
  return { address: toBech32Address('cosmos', addressFromPubKey(pubKey)), privateKey: key, pubKey, accountNumber };
}

export interface TxParts {
  bodyBytes: Uint8Array;
  authInfoBytes: Uint8Array;
  signatures: Uint8Array[];
  /** TxRaw of the three. */
  tx: Uint8Array;
}

export interface TxSpec {
  key: FuzzKey;
  sequence: bigint;
  chainId: string;
  messages: Any[];
  memo?: string;
  fee?: { denom: string; amount: string };
  gasLimit?: bigint;
  /** Sign for this account number / chain id instead of the right ones (wrong signer data). */
  signAccountNumber?: bigint;
  signChainId?: string;
}

export function pubKeyAny(key: FuzzKey): Any {
  return { typeUrl: '/cosmos.crypto.secp256k1.PubKey', value: PubKey.encode({ key: key.pubKey }).finish() };
}

export function authInfoBytes(key: FuzzKey, sequence: bigint, fee: TxSpec['fee'], gasLimit: bigint): Uint8Array {
  return AuthInfo.encode(
    AuthInfo.fromPartial({
      signerInfos: [{ publicKey: pubKeyAny(key), modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } }, sequence }],
      fee: { amount: fee ? [fee] : [], gasLimit },
    }),
  ).finish();
}

export function signBytes(key: FuzzKey, bodyBytes: Uint8Array, authInfo: Uint8Array, chainId: string, accountNumber = key.accountNumber): Uint8Array {
  const doc = SignDoc.encode({ bodyBytes, authInfoBytes: authInfo, chainId, accountNumber }).finish();
  return secp256k1.ecdsaSign(createHash('sha256').update(doc).digest(), key.privateKey).signature;
}

export function encodeTxRaw(bodyBytes: Uint8Array, authInfo: Uint8Array, signatures: Uint8Array[]): Uint8Array {
  return TxRaw.encode({ bodyBytes, authInfoBytes: authInfo, signatures }).finish();
}

/** A tx body written field by field, so a memo of megabytes costs one copy. */
export function bodyBytesOf(messages: readonly Any[], memo = ''): Uint8Array {
  return TxBody.encode(TxBody.fromPartial({ messages: [...messages], memo })).finish();
}

export function signTx(spec: TxSpec): TxParts {
  const bodyBytes = bodyBytesOf(spec.messages, spec.memo);
  const authInfo = authInfoBytes(spec.key, spec.sequence, spec.fee, spec.gasLimit ?? 200_000n);
  return signParts(spec.key, bodyBytes, authInfo, spec.signChainId ?? spec.chainId, spec.signAccountNumber ?? spec.key.accountNumber);
}

export function signParts(key: FuzzKey, bodyBytes: Uint8Array, authInfo: Uint8Array, chainId: string, accountNumber = key.accountNumber): TxParts {
  const signature = signBytes(key, bodyBytes, authInfo, chainId, accountNumber);
  return { bodyBytes, authInfoBytes: authInfo, signatures: [signature], tx: encodeTxRaw(bodyBytes, authInfo, [signature]) };
}

export function sendMsg(from: string, to: string, denom: string, amount: bigint): Any {
  return { typeUrl: '/cosmos.bank.v1beta1.MsgSend', value: MsgSend.encode({ fromAddress: from, toAddress: to, amount: [{ denom, amount: amount.toString() }] }).finish() };
}

/** sha256 of the tx bytes, upper-case hex: CometBFT's tx hash. */
export function txHash(tx: Uint8Array): string {
  return createHash('sha256').update(tx).digest('hex').toUpperCase();
}

/** A protobuf tag + length-delimited payload, for hand-built (and deliberately wrong) messages. */
export function lenField(field: number, payload: Uint8Array): Uint8Array {
  const w = BinaryWriter.create();
  w.uint32((field << 3) | 2).bytes(payload);
  return w.finish();
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}
