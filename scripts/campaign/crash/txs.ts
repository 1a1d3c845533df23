// The campaign's accounts and their txs: keys derived from the account index (the bench's),
// each tx SIGN_MODE_DIRECT exactly as cosmjs builds it, signed with native libsecp256k1.
import { createHash } from 'node:crypto';
import { MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { MsgDelegate } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { AuthInfo, SignDoc, TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import secp256k1 from 'secp256k1';
import type { BenchAccount } from '../../bench/tps/txs.js';

export interface SignedTx {
  bytes: Uint8Array;
  /** sha256 of the bytes, upper-case hex, as CometBFT names txs. */
  hash: string;
  kind: TxKind;
}

export type TxKind = 'send' | 'delegate';

/** A random tx of `account`: a bank send to another account, or a small delegation. */
export function randomTx(
  random: () => number,
  account: BenchAccount & { accountNumber: bigint },
  sequence: bigint,
  context: { chainId: string; others: readonly string[]; validators: readonly string[]; bondDenom: string },
): SignedTx {
  const kind: TxKind = random() < 0.7 ? 'send' : 'delegate';
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const amount = String(1 + Math.floor(random() * 1000));
  const message: Any =
    kind === 'send'
      ? { typeUrl: '/cosmos.bank.v1beta1.MsgSend', value: MsgSend.encode({ fromAddress: account.address, toAddress: pick(context.others), amount: [{ denom: 'uatom', amount }] }).finish() }
      : { typeUrl: '/cosmos.staking.v1beta1.MsgDelegate', value: MsgDelegate.encode({ delegatorAddress: account.address, validatorAddress: pick(context.validators), amount: { denom: context.bondDenom, amount } }).finish() };
  const bodyBytes = TxBody.encode(TxBody.fromPartial({ messages: [message] })).finish();
  const authInfoBytes = AuthInfo.encode(
    AuthInfo.fromPartial({
      signerInfos: [{ publicKey: { typeUrl: '/cosmos.crypto.secp256k1.PubKey', value: PubKey.encode({ key: account.pubKey }).finish() }, modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } }, sequence }],
      fee: { amount: [{ denom: 'uatom', amount: '4000' }], gasLimit: 400_000n },
    }),
  ).finish();
  const signDoc = SignDoc.encode({ bodyBytes, authInfoBytes, chainId: context.chainId, accountNumber: account.accountNumber }).finish();
  const { signature } = secp256k1.ecdsaSign(createHash('sha256').update(signDoc).digest(), account.privateKey);
  const bytes = TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [signature] }).finish();
  return { bytes, hash: createHash('sha256').update(bytes).digest('hex').toUpperCase(), kind };
}

/** A seeded PRNG (mulberry32): a campaign's choices repeat with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
