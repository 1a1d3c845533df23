// Test-only helpers: signs txs the way stock cosmjs clients do. Not imported by library code.
import { Secp256k1HdWallet, type StdFee } from '@cosmjs/amino';
import { DirectSecp256k1HdWallet, type EncodeObject, type OfflineSigner } from '@cosmjs/proto-signing';
import { SigningStargateClient } from '@cosmjs/stargate';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';

// BIP39 test vector; Keplr and simd derive cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4 from it.
export const MNEMONIC =
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
export const CHAIN_ID = 'zonekit-test-1';
export const RECIPIENT = 'cosmos1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du';

export const FEE: StdFee = { amount: [{ denom: 'uatom', amount: '2500' }], gas: '100000' };

export async function directWallet(): Promise<DirectSecp256k1HdWallet> {
  return DirectSecp256k1HdWallet.fromMnemonic(MNEMONIC);
}

export async function aminoWallet(): Promise<Secp256k1HdWallet> {
  return Secp256k1HdWallet.fromMnemonic(MNEMONIC);
}

export function sendMsg(from: string, amount = '1000'): EncodeObject {
  return {
    typeUrl: '/cosmos.bank.v1beta1.MsgSend',
    value: { fromAddress: from, toAddress: RECIPIENT, amount: [{ denom: 'uatom', amount }] },
  };
}

export interface SignArgs {
  messages?: EncodeObject[];
  accountNumber?: bigint;
  sequence?: number;
  chainId?: string;
  memo?: string;
  fee?: StdFee;
  timeoutHeight?: bigint;
}

/** Signs with SigningStargateClient: DIRECT for a direct wallet, amino JSON for an amino one. */
export async function signTx(wallet: OfflineSigner, args: SignArgs = {}): Promise<Uint8Array> {
  const [account] = await wallet.getAccounts();
  const client = await SigningStargateClient.offline(wallet);
  const raw = await client.sign(
    account!.address,
    args.messages ?? [sendMsg(account!.address)],
    args.fee ?? FEE,
    args.memo ?? '',
    { accountNumber: args.accountNumber ?? 7n, sequence: args.sequence ?? 3, chainId: args.chainId ?? CHAIN_ID },
    args.timeoutHeight,
  );
  return TxRaw.encode(raw).finish();
}
