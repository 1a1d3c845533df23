import { rng } from '../testing.js';
import type { PruningOptions } from '../pruning.js';

/** The stores and pruning the crash writer and its checker both open. */
export const CRASH_STORES = ['acc', 'bank', 'ibc', 'staking'];
export const CRASH_PRUNING: PruningOptions = { strategy: 'custom', keepRecent: 5, interval: 3 };

/** One write: a value, or null for a delete. */
export type CrashOp = [store: string, key: Uint8Array, value: Uint8Array | null];

/** A transaction of two messages; a failing one is discarded whole. */
export interface CrashTx {
  msgs: CrashOp[][];
  fails: boolean;
}

const TXS_PER_BLOCK = 20;
const OPS_PER_MSG = 5;

/**
 * The block that commits `version`: 200 writes and deletes across every store, a function of
 * the version alone, so a restarted writer rebuilds exactly the block it was killed in and
 * the checker can replay history into a model. Keys come from a small alphabet so deletes
 * and overwrites often hit existing keys.
 */
export function crashBlock(version: number): CrashTx[] {
  const r = rng(version * 2654435761);
  const txs: CrashTx[] = [];
  for (let t = 0; t < TXS_PER_BLOCK; t++) {
    const msgs: CrashOp[][] = [];
    for (let m = 0; m < 2; m++) {
      const ops: CrashOp[] = [];
      for (let i = 0; i < OPS_PER_MSG; i++) {
        const store = CRASH_STORES[r.int(CRASH_STORES.length)]!;
        const key = new Uint8Array(1 + r.int(3));
        for (let j = 0; j < key.length; j++) key[j] = r.int(12) * 23;
        ops.push([store, key, r.int(10) < 3 ? null : r.bytes(1 + r.int(48))]);
      }
      msgs.push(ops);
    }
    txs.push({ msgs, fails: r.int(8) === 0 });
  }
  return txs;
}
