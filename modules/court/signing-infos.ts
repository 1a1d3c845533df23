// Per-validator liveness state: the SDK's ValidatorSigningInfo and the missed-blocks bitmap
// over the signed-blocks window, stored in 1024-bit chunks so a block touches one chunk.
import { ValidatorSigningInfo } from 'cosmjs-types/cosmos/slashing/v1beta1/slashing';
import type { Context } from '../../app/context.js';
import { prefixStore } from '../../app/store/index.js';
import {
  BITMAP_CHUNK_BITS,
  SIGNING_INFO_PREFIX,
  STORE_KEY,
  missedBitmapChunkKey,
  missedBitmapPrefix,
  readUint64,
  signingInfoKey,
} from './keys.js';

const CHUNK_BYTES = Number(BITMAP_CHUNK_BITS / 8n);

export class SigningInfos {
  get(ctx: Context, consAddress: Uint8Array): ValidatorSigningInfo | undefined {
    const bytes = ctx.kvStore(STORE_KEY).get(signingInfoKey(consAddress));
    return bytes === undefined ? undefined : ValidatorSigningInfo.decode(bytes);
  }

  set(ctx: Context, consAddress: Uint8Array, info: ValidatorSigningInfo): void {
    ctx.kvStore(STORE_KEY).set(signingInfoKey(consAddress), ValidatorSigningInfo.encode(info).finish());
  }

  /** Every signing info with its consensus address, in key order. */
  *all(ctx: Context): Generator<{ consAddress: Uint8Array; info: ValidatorSigningInfo }> {
    for (const [key, value] of prefixStore(ctx.kvStore(STORE_KEY), SIGNING_INFO_PREFIX).iterator()) {
      yield { consAddress: key.subarray(1, 1 + key[0]!), info: ValidatorSigningInfo.decode(value) };
    }
  }

  missed(ctx: Context, consAddress: Uint8Array, index: bigint): boolean {
    const chunk = ctx.kvStore(STORE_KEY).get(missedBitmapChunkKey(consAddress, index / BITMAP_CHUNK_BITS));
    if (chunk === undefined) return false;
    const bit = Number(index % BITMAP_CHUNK_BITS);
    return ((chunk[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
  }

  setMissed(ctx: Context, consAddress: Uint8Array, index: bigint, missed: boolean): void {
    const store = ctx.kvStore(STORE_KEY);
    const key = missedBitmapChunkKey(consAddress, index / BITMAP_CHUNK_BITS);
    const chunk = new Uint8Array(CHUNK_BYTES);
    const old = store.get(key);
    if (old !== undefined) chunk.set(old.subarray(0, CHUNK_BYTES));
    const bit = Number(index % BITMAP_CHUNK_BITS);
    if (missed) chunk[bit >> 3]! |= 1 << (bit & 7);
    else chunk[bit >> 3]! &= ~(1 << (bit & 7));
    // An all-clear chunk is deleted: the bitmap holds only windows with misses.
    if (chunk.every((b) => b === 0)) store.delete(key);
    else store.set(key, chunk);
  }

  /** Forgets every miss (after a downtime verdict), as x/slashing's DeleteMissedBlockBitmap. */
  clearMissed(ctx: Context, consAddress: Uint8Array): void {
    const store = prefixStore(ctx.kvStore(STORE_KEY), missedBitmapPrefix(consAddress));
    const keys = [...store.iterator()].map(([key]) => key);
    for (const key of keys) store.delete(key);
  }

  /** The indexes marked missed, ascending. */
  *missedIndexes(ctx: Context, consAddress: Uint8Array): Generator<bigint> {
    for (const [key, chunk] of prefixStore(ctx.kvStore(STORE_KEY), missedBitmapPrefix(consAddress)).iterator()) {
      const base = readUint64(key) * BITMAP_CHUNK_BITS;
      for (let bit = 0; bit < chunk.length * 8; bit++) {
        if ((chunk[bit >> 3]! & (1 << (bit & 7))) !== 0) yield base + BigInt(bit);
      }
    }
  }
}
