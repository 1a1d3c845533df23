// Funded bench accounts and their pre-signed bank sends. Keys are derived from the account
// index, so a run needs no key files; txs are SIGN_MODE_DIRECT exactly as cosmjs builds
// them, signed with native libsecp256k1 because signing is set-up, not what is measured.
import { createHash } from 'node:crypto';
import { MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { AuthInfo, SignDoc, TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import secp256k1 from 'secp256k1';
import { addressFromPubKey, toBech32Address } from '../../../app/tx/address.js';

export interface BenchAccount {
  index: number;
  address: string;
  privateKey: Uint8Array;
  pubKey: Uint8Array;
}

export function benchAccounts(count: number): BenchAccount[] {
  return Array.from({ length: count }, (_, index) => {
    const privateKey = new Uint8Array(createHash('sha256').update(`zonekit bench account ${index}`).digest());
    const pubKey = secp256k1.publicKeyCreate(privateKey, true);
    return { index, address: toBech32Address('cosmos', addressFromPubKey(pubKey)), privateKey, pubKey };
  });
}

export interface SendTxOptions {
  chainId: string;
  denom: string;
  fee: bigint;
  gas: bigint;
}

export interface SignedTx {
  /** The broadcast_tx_sync request body, built ahead so the load loop only writes bytes. */
  body: string;
  /** sha256 of the tx bytes, upper-case hex, as CometBFT names txs. */
  hash: string;
  account: number;
}

/**
 * `perAccount` sends from each account (sequences 0..perAccount-1, account number = index, as
 * genesis numbers them) to the next account, ordered sequence-major: every account's tx at
 * sequence s comes before any account's tx at s+1, so each account's txs reach the mempool in order.
 */
export function signSends(accounts: readonly BenchAccount[], perAccount: number, options: SendTxOptions): SignedTx[] {
  const txs: SignedTx[] = [];
  const pubKeyAny = (a: BenchAccount) => ({ typeUrl: '/cosmos.crypto.secp256k1.PubKey', value: PubKey.encode({ key: a.pubKey }).finish() });
  const pubKeys = accounts.map(pubKeyAny);
  for (let sequence = 0; sequence < perAccount; sequence++) {
    for (const from of accounts) {
      const to = accounts[(from.index + 1) % accounts.length]!;
      const msg = MsgSend.encode({ fromAddress: from.address, toAddress: to.address, amount: [{ denom: options.denom, amount: '1' }] }).finish();
      const bodyBytes = TxBody.encode(TxBody.fromPartial({ messages: [{ typeUrl: '/cosmos.bank.v1beta1.MsgSend', value: msg }] })).finish();
      const authInfoBytes = AuthInfo.encode(
        AuthInfo.fromPartial({
          signerInfos: [{ publicKey: pubKeys[from.index]!, modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } }, sequence: BigInt(sequence) }],
          fee: { amount: [{ denom: options.denom, amount: options.fee.toString() }], gasLimit: options.gas },
        }),
      ).finish();
      const signDoc = SignDoc.encode({ bodyBytes, authInfoBytes, chainId: options.chainId, accountNumber: BigInt(from.index) }).finish();
      const digest = createHash('sha256').update(signDoc).digest();
      const { signature } = secp256k1.ecdsaSign(digest, from.privateKey);
      const tx = TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [signature] }).finish();
      txs.push({
        body: `{"jsonrpc":"2.0","id":0,"method":"broadcast_tx_sync","params":{"tx":"${Buffer.from(tx).toString('base64')}"}}`,
        hash: createHash('sha256').update(tx).digest('hex').toUpperCase(),
        account: from.index,
      });
    }
  }
  return txs;
}
