// Codecs for distribution.proto's two records, in the cosmjs-types style (see counter/codec.ts).
import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';
import { DecCoin } from 'cosmjs-types/cosmos/base/v1beta1/coin';
import { decFromProto, decToProto, type Dec } from '../../app/dec.js';
import { decCoinsFromProto, decCoinsToProto, type DecCoins } from './dec-coins.js';

/** Rewards per share carry 36 decimal places (see distribution.proto). */
export const PER_SHARE_PLACES = 36;
export const PER_SHARE_ONE = 10n ** BigInt(PER_SHARE_PLACES);

export interface DelegationSnapshot {
  shares: Dec;
  rewardsPerShare: DecCoins;
}

// (field << 3) | wire type 2 (length-delimited).
const TAG_1 = (1 << 3) | 2;
const TAG_2 = (2 << 3) | 2;

function writeCoins(writer: BinaryWriter, tag: number, coins: DecCoins): void {
  for (const coin of decCoinsToProto(coins)) DecCoin.encode(coin, writer.uint32(tag).fork()).ldelim();
}

export function encodeRewardsPerShare(rewardsPerShare: DecCoins): Uint8Array {
  const writer = BinaryWriter.create();
  writeCoins(writer, TAG_1, rewardsPerShare);
  return writer.finish();
}

export function decodeRewardsPerShare(bytes: Uint8Array): DecCoins {
  const r = new BinaryReader(bytes);
  const coins: DecCoin[] = [];
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag === TAG_1) coins.push(DecCoin.decode(r, r.uint32()));
    else r.skipType(tag & 7);
  }
  return decCoinsFromProto(coins);
}

export function encodeSnapshot(snapshot: DelegationSnapshot): Uint8Array {
  const writer = BinaryWriter.create();
  if (snapshot.shares !== 0n) writer.uint32(TAG_1).string(decToProto(snapshot.shares));
  writeCoins(writer, TAG_2, snapshot.rewardsPerShare);
  return writer.finish();
}

export function decodeSnapshot(bytes: Uint8Array): DelegationSnapshot {
  const r = new BinaryReader(bytes);
  let shares = 0n;
  const coins: DecCoin[] = [];
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag === TAG_1) shares = decFromProto(r.string());
    else if (tag === TAG_2) coins.push(DecCoin.decode(r, r.uint32()));
    else r.skipType(tag & 7);
  }
  return { shares, rewardsPerShare: decCoinsFromProto(coins) };
}
