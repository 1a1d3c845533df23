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
import * as amm from '../../../modules/amm/codec.js';
import { MsgPlaceLimitOrder, Side, TimeInForce } from '../../../modules/dex/codec.js';
import { parseDec } from '../../../app/dec.js';
import type { BenchAccount } from '../../bench/tps/txs.js';
import { BASE_DENOM, LOT_SIZE, MARKET_ID, POOL_ID, QUOTE_DENOM } from './exchange.js';

export interface SignedTx {
  bytes: Uint8Array;
  /** sha256 of the bytes, upper-case hex, as CometBFT names txs. */
  hash: string;
  kind: TxKind;
}

export const TX_KINDS = ['send', 'delegate', 'order', 'swap'] as const;
export type TxKind = (typeof TX_KINDS)[number];

const TICK = parseDec('0.01');

/**
 * A random tx of `account`: a bank send to another account (40%), a small delegation (20%), a
 * limit order on the dex market (20%) or a swap through the AMM pool (20%), all of which must
 * succeed. An order is a buy or a sell at 0.90 to 1.10 (the pool's price is 1), 2,000 to
 * 200,000 base (so its notional is over the market's minimum), GTC or IOC without an expiry
 * height (a rebroadcast tx may land many blocks late): it fills in the block's auction against
 * the pool or other orders, rests, or (IOC) comes back, and each is success. A swap puts 100 to
 * 10,099 of either denom into the pool with a minimum out of 1: the pool's reserves (10^12 each)
 * would have to move its price a hundredfold before that returned nothing, which the load's few
 * hundred thousand per tx cannot do.
 */
export function randomTx(
  random: () => number,
  account: BenchAccount & { accountNumber: bigint },
  sequence: bigint,
  context: { chainId: string; others: readonly string[]; validators: readonly string[]; bondDenom: string },
): SignedTx {
  const roll = random();
  const kind: TxKind = roll < 0.4 ? 'send' : roll < 0.6 ? 'delegate' : roll < 0.8 ? 'order' : 'swap';
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (min: number, max: number): bigint => BigInt(min + Math.floor(random() * (max - min + 1)));
  const amount = String(1 + Math.floor(random() * 1000));
  const message: Any =
    kind === 'send'
      ? { typeUrl: '/cosmos.bank.v1beta1.MsgSend', value: MsgSend.encode({ fromAddress: account.address, toAddress: pick(context.others), amount: [{ denom: 'uatom', amount }] }).finish() }
      : kind === 'delegate'
        ? { typeUrl: '/cosmos.staking.v1beta1.MsgDelegate', value: MsgDelegate.encode({ delegatorAddress: account.address, validatorAddress: pick(context.validators), amount: { denom: context.bondDenom, amount } }).finish() }
        : kind === 'order'
          ? {
              typeUrl: MsgPlaceLimitOrder.typeUrl,
              value: MsgPlaceLimitOrder.encode({
                sender: account.address,
                marketId: MARKET_ID,
                side: random() < 0.5 ? Side.SIDE_BUY : Side.SIDE_SELL,
                price: (TICK * between(90, 110)).toString(),
                quantity: (LOT_SIZE * between(20, 2000)).toString(),
                timeInForce: random() < 0.5 ? TimeInForce.TIME_IN_FORCE_GTC : TimeInForce.TIME_IN_FORCE_IOC,
                expiryHeight: 0n,
              }).finish(),
            }
          : (() => {
              const [denomIn, denomOut] = random() < 0.5 ? [BASE_DENOM, QUOTE_DENOM] : [QUOTE_DENOM, BASE_DENOM];
              return {
                typeUrl: amm.MsgSwapExactIn.typeUrl,
                value: amm.MsgSwapExactIn.encode({ sender: account.address, routes: [POOL_ID], tokenIn: { denom: denomIn, amount: between(100, 10_099).toString() }, tokenOutDenom: denomOut, minAmountOut: '1' }).finish(),
              };
            })();
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
