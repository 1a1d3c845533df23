import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CommitMultiStore } from './multistore.js';
import { pruneHeight, pruningPolicy, type PruningOptions } from './pruning.js';
import { rng, tempDir, verifyStoreProof } from './testing.js';
import { VersionNotFoundError } from './errors.js';

describe('pruning', () => {
  const cleanups: Array<() => void> = [];
  after(() => cleanups.forEach((c) => c()));

  it('decides versions as the SDK pruning manager does', () => {
    const everything = pruningPolicy({ strategy: 'everything' });
    assert.equal(pruneHeight(everything, 10), 7);
    assert.equal(pruneHeight(everything, 11), 0);
    assert.equal(pruneHeight(pruningPolicy({ strategy: 'nothing' }), 1000), 0);
    assert.equal(pruneHeight(pruningPolicy({ strategy: 'default' }), 362890), 9);
    assert.equal(pruneHeight(pruningPolicy({ strategy: 'custom', keepRecent: 5, interval: 3 }), 9), 3);
  });

  /** Commits `blocks` blocks rewriting the same 2,000 keys; returns the store and its file size. */
  async function churn(pruning: PruningOptions, blocks: number) {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const ms = CommitMultiStore.open({ path: dir.path, stores: ['bank'], pruning });
    const r = rng(11);
    for (let b = 0; b < blocks; b++) {
      const store = ms.getStore('bank');
      for (let i = 0; i < 2000; i++) store.set(Uint8Array.of(i >> 8, i & 0xff), r.bytes(64));
      await ms.commit();
    }
    return { ms, fileBytes: statSync(join(dir.path, 'data.mdb')).size, entries: ms.getStore('bank').db.nodes.getCount() };
  }

  it('keeps only recent versions, still proves them, and reuses the freed space', async () => {
    const kept = await churn({ strategy: 'custom', keepRecent: 3, interval: 5 }, 60);
    const all = await churn({ strategy: 'nothing' }, 60);
    assert.deepEqual(kept.ms.availableVersions(), [57, 58, 59, 60]);
    assert.equal(all.ms.availableVersions().length, 60);
    assert.throws(() => kept.ms.query('bank', Uint8Array.of(0, 1), 40), (e: unknown) => e instanceof VersionNotFoundError && /pruned/.test(e.message));
    for (const version of kept.ms.availableVersions()) {
      const q = kept.ms.query('bank', Uint8Array.of(0, 1), version, true);
      assert.ok(verifyStoreProof(q.proofOps!, CommitMultiStoreHash(kept.ms, version), 'bank', Uint8Array.of(0, 1), q.value));
    }
    assert.ok(kept.entries * 5 < all.entries, `pruned store holds ${kept.entries} nodes, unpruned ${all.entries}`);
    assert.ok(kept.fileBytes * 3 < all.fileBytes, `pruned file ${kept.fileBytes} bytes, unpruned ${all.fileBytes}`);
    await kept.ms.close();
    await all.ms.close();
  });
});

function CommitMultiStoreHash(ms: CommitMultiStore, version: number): Uint8Array {
  // The app hash at `version` is the commit-info root; readers get it from the block header.
  return commitInfoHash(ms.commitInfo(version));
}
import { commitInfoHash } from './commit-info.js';
