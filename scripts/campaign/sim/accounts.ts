// The simulation's actors: secp256k1 accounts with keys derived from the seed, and their txs
// signed in SIGN_MODE_DIRECT exactly as cosmjs signs them (native libsecp256k1, for speed).
import { createHash } from 'node:crypto';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { AuthInfo, SignDoc, TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import secp256k1 from 'secp256k1';
import { addressFromPubKey, toBech32Address } from '../../../app/tx/address.js';

export interface SimAccount {
  index: number;
  address: string;
  /** The same key's validator operator address (cosmosvaloper...). */
  valoper: string;
  bytes: Uint8Array;
  privateKey: Uint8Array;
  pubKey: Uint8Array;
}

export function simAccounts(seed: number, count: number, prefix = 'cosmos'): SimAccount[] {
  return Array.from({ length: count }, (_, index) => {
    const privateKey = new Uint8Array(createHash('sha256').update(`zonekit sim ${seed} account ${index}`).digest());
    const pubKey = secp256k1.publicKeyCreate(privateKey, true);
    const bytes = addressFromPubKey(pubKey);
    return { index, address: toBech32Address(prefix, bytes), valoper: toBech32Address(`${prefix}valoper`, bytes), bytes, privateKey, pubKey };
  });
}

export interface SignOptions {
  chainId: string;
  accountNumber: bigint;
  sequence: bigint;
  fee: { denom: string; amount: bigint };
  gas: bigint;
}

export function signTx(account: SimAccount, messages: Any[], o: SignOptions): Uint8Array {
  const bodyBytes = TxBody.encode(TxBody.fromPartial({ messages })).finish();
  const authInfoBytes = AuthInfo.encode(
    AuthInfo.fromPartial({
      signerInfos: [
        {
          publicKey: { typeUrl: '/cosmos.crypto.secp256k1.PubKey', value: PubKey.encode({ key: account.pubKey }).finish() },
          modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } },
          sequence: o.sequence,
        },
      ],
      fee: { amount: o.fee.amount > 0n ? [{ denom: o.fee.denom, amount: o.fee.amount.toString() }] : [], gasLimit: o.gas },
    }),
  ).finish();
  const signDoc = SignDoc.encode({ bodyBytes, authInfoBytes, chainId: o.chainId, accountNumber: o.accountNumber }).finish();
  const { signature } = secp256k1.ecdsaSign(createHash('sha256').update(signDoc).digest(), account.privateKey);
  return TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [signature] }).finish();
}
