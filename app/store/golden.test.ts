import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CommitMultiStore } from './multistore.js';
import { toHex } from './encoding.js';
import { rng, tempDir } from './testing.js';

/**
 * Pinned app hashes for a fixed history of writes. Every validator, on every machine and every
 * future version of zonekit, must compute exactly these: a change here is a consensus break.
 */
const GOLDEN = [
  'e418d9ce2a9908d65c6e1e01c3c35d6bdf361ef4b078ae09962084ed000ef0ae',
  '6c648b36a9bf961fbe50e0908e159c7ccb8cfbdefd2228ca0f6dabb587a46a36',
  '3c820330bf5fe6495233fd12fb84efc30e1fce69b91ff88c31eccc5e4b871f13',
  '3cc5b301b9d530f80cab9d973d1b3fda3fc717c785239447867e666a533c66b2',
];

describe('golden app hashes', () => {
  const cleanups: Array<() => void> = [];
  after(() => cleanups.forEach((c) => c()));

  it('reproduces the pinned app hash of every version of a fixed history', async () => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const ms = CommitMultiStore.open({ path: dir.path, stores: ['acc', 'bank', 'ibc'], pruning: { strategy: 'nothing' } });
    const r = rng(2024);
    const keys: Uint8Array[] = [];
    const hashes: string[] = [];
    for (let v = 1; v <= 4; v++) {
      for (let i = 0; i < 2000; i++) {
        const store = ms.getStore(['acc', 'bank', 'ibc'][r.int(3)]!);
        if (keys.length > 0 && r.int(4) === 0) store.delete(keys[r.int(keys.length)]!);
        else {
          const key = r.bytes(1 + r.int(24));
          keys.push(key);
          store.set(key, r.bytes(r.int(48)));
        }
      }
      hashes.push(toHex((await ms.commit()).hash));
    }
    assert.deepEqual(hashes, GOLDEN);
    await ms.close();
  });
});
