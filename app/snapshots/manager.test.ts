import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Metadata } from 'cosmjs-types/cosmos/store/snapshots/v1/snapshot';
import {
  ResponseApplySnapshotChunk_Result as Apply,
  ResponseOfferSnapshot_Result as Offer,
  type Snapshot,
} from 'cosmjs-types/tendermint/abci/types';
import { commitInfoHash, CommitMultiStore, type PruningOptions } from '../store/index.js';
import { toHex } from '../store/encoding.js';
import { rng, tempDir } from '../store/testing.js';
import { SnapshotManager, type SnapshotOptions } from './manager.js';
import { SNAPSHOT_FORMAT } from './store.js';

const STORES = ['acc', 'bank', 'empty'];

describe('snapshot manager (state sync)', () => {
  const cleanups: Array<() => void> = [];
  after(() => cleanups.forEach((c) => c()));
  const dir = () => {
    const d = tempDir('zonekit-snapshots-');
    cleanups.push(d.cleanup);
    return d.path;
  };
  const openStore = (pruning: PruningOptions = { strategy: 'nothing' }) => CommitMultiStore.open({ path: dir(), stores: STORES, pruning });
  const manager = (ms: CommitMultiStore, options: Partial<SnapshotOptions> = {}) => new SnapshotManager(ms, { dir: dir(), chunkBytes: 2048, ...options });

  /** Commits `blocks` blocks of random writes, each followed by the manager's after-commit hook. */
  async function commitBlocks(ms: CommitMultiStore, snapshots: SnapshotManager | undefined, blocks: number, seed = 3): Promise<void> {
    const r = rng(seed + ms.lastCommitId().version);
    for (let b = 0; b < blocks; b++) {
      for (let i = 0; i < 400; i++) ms.getStore(i % 3 ? 'bank' : 'acc').set(r.bytes(1 + r.int(20)), r.bytes(1 + r.int(40)));
      const { version } = await ms.commit();
      snapshots?.afterCommit(version);
    }
  }

  const entries = (ms: CommitMultiStore, name: string, version?: number) =>
    [...(version === undefined ? ms.getStore(name).iterator() : ms.readerAt(name, version).iterator())].map(([k, v]) => `${toHex(k)}=${toHex(v)}`);

  /** Feeds every chunk of `snapshot` from `source` to `target`, returning each result. */
  async function applyAll(source: SnapshotManager, target: SnapshotManager, snapshot: Snapshot) {
    const results = [];
    for (let index = 0; index < snapshot.chunks; index++) {
      const { chunk } = source.loadSnapshotChunk({ height: snapshot.height, format: snapshot.format, chunk: index });
      results.push(await target.applySnapshotChunk({ index, chunk, sender: 'peer-a' }));
    }
    return results;
  }

  it('lists, offers, loads and applies a snapshot: the restored store equals the source at that height', async () => {
    const source = openStore();
    const snapshots = manager(source, { interval: 3 });
    await commitBlocks(source, snapshots, 4);
    await snapshots.idle();
    const { snapshots: listed } = snapshots.listSnapshots();
    assert.equal(listed.length, 1);
    const snapshot = listed[0]!;
    assert.equal(snapshot.height, 3n);
    assert.equal(snapshot.format, SNAPSHOT_FORMAT);
    assert.ok(snapshot.chunks > 1, `${snapshot.chunks} chunks`);
    assert.equal(Metadata.decode(snapshot.metadata).chunkHashes.length, snapshot.chunks);
    assert.equal(snapshot.hash.length, 32);

    const target = openStore();
    const restoring = manager(target);
    const appHash = commitInfoHash(source.commitInfo(3));
    assert.equal(restoring.offerSnapshot({ snapshot, appHash }).result, Offer.ACCEPT);
    const results = await applyAll(snapshots, restoring, snapshot);
    assert.ok(results.every((r) => r.response.result === Apply.ACCEPT));
    assert.deepEqual(results.at(-1)!.restored, { version: 3, hash: appHash });
    assert.deepEqual(target.lastCommitId(), { version: 3, hash: appHash });
    for (const name of STORES) assert.deepEqual(entries(target, name), entries(source, name, 3), `store ${name}`);
    assert.deepEqual(target.availableVersions(), [3], 'no history below the snapshot');
    // An unknown chunk is an empty answer, never an exception (which would stop CometBFT).
    assert.equal(snapshots.loadSnapshotChunk({ height: 99n, format: SNAPSHOT_FORMAT, chunk: 0 }).chunk.length, 0);
    await snapshots.close();
    await source.close();
    await target.close();
  });

  it('answers bad offers and corrupted chunks as the SDK does: REJECT_FORMAT, REJECT, RETRY with the sender rejected', async () => {
    const source = openStore();
    const snapshots = manager(source, { interval: 2 });
    await commitBlocks(source, snapshots, 2);
    await snapshots.idle();
    const snapshot = snapshots.listSnapshots().snapshots[0]!;
    const appHash = source.lastCommitId().hash;
    const target = openStore();
    const restoring = manager(target);

    assert.equal(restoring.offerSnapshot({ snapshot: { ...snapshot, format: 2 }, appHash }).result, Offer.REJECT_FORMAT);
    assert.equal(restoring.offerSnapshot({ snapshot: undefined, appHash }).result, Offer.REJECT);
    assert.equal(restoring.offerSnapshot({ snapshot: { ...snapshot, metadata: Uint8Array.of(0xff, 0xff) }, appHash }).result, Offer.REJECT);
    assert.equal(restoring.offerSnapshot({ snapshot: { ...snapshot, chunks: snapshot.chunks + 1 }, appHash }).result, Offer.REJECT);
    assert.equal(restoring.offerSnapshot({ snapshot: { ...snapshot, chunks: 0, metadata: new Uint8Array() }, appHash }).result, Offer.REJECT);
    assert.equal((await restoring.applySnapshotChunk({ index: 0, chunk: new Uint8Array(), sender: 'x' })).response.result, Apply.ABORT, 'no restore in progress');

    assert.equal(restoring.offerSnapshot({ snapshot, appHash }).result, Offer.ACCEPT);
    const first = snapshots.loadSnapshotChunk({ height: snapshot.height, format: snapshot.format, chunk: 0 }).chunk;
    const corrupt = Uint8Array.from(first);
    corrupt[10]! ^= 0x01;
    const retry = await restoring.applySnapshotChunk({ index: 0, chunk: corrupt, sender: 'bad-peer' });
    assert.equal(retry.response.result, Apply.RETRY);
    assert.deepEqual(retry.response.refetchChunks, [0]);
    assert.deepEqual(retry.response.rejectSenders, ['bad-peer']);
    // The refetched, intact chunk carries on where the corrupt one stopped.
    const results = await applyAll(snapshots, restoring, snapshot);
    assert.ok(results.every((r) => r.response.result === Apply.ACCEPT));
    assert.deepEqual(target.lastCommitId(), source.lastCommitId());
    // Once state exists, another snapshot is refused.
    assert.equal(restoring.offerSnapshot({ snapshot, appHash }).result, Offer.ABORT);
    await source.close();
    await target.close();
  });

  it('refuses a snapshot whose restored app hash is not the trusted one, committing nothing', async () => {
    const source = openStore();
    const snapshots = manager(source, { interval: 2 });
    await commitBlocks(source, snapshots, 2);
    await snapshots.idle();
    const snapshot = snapshots.listSnapshots().snapshots[0]!;
    const target = openStore();
    const restoring = manager(target);
    const wrong = new Uint8Array(32).fill(7);
    assert.equal(restoring.offerSnapshot({ snapshot, appHash: wrong }).result, Offer.ACCEPT);
    const results = await applyAll(snapshots, restoring, snapshot);
    assert.equal(results.at(-1)!.response.result, Apply.REJECT_SNAPSHOT);
    assert.equal(results.at(-1)!.restored, undefined);
    assert.equal(target.lastCommitId().version, 0, 'the store stays empty');
    // CometBFT may then offer another snapshot (here the same one, with the right hash).
    assert.equal(restoring.offerSnapshot({ snapshot, appHash: source.lastCommitId().hash }).result, Offer.ACCEPT);
    const retried = await applyAll(snapshots, restoring, snapshot);
    assert.equal(retried.at(-1)!.response.result, Apply.ACCEPT);
    assert.deepEqual(target.lastCommitId(), source.lastCommitId());
    await source.close();
    await target.close();
  });

  it('keeps snapshot-keep-recent snapshots (0 keeps all)', async () => {
    const source = openStore();
    const keepTwo = manager(source, { interval: 1, keepRecent: 2 });
    for (let i = 0; i < 5; i++) {
      await commitBlocks(source, keepTwo, 1);
      await keepTwo.idle();
    }
    assert.deepEqual(keepTwo.listSnapshots().snapshots.map((s) => s.height), [5n, 4n]);
    assert.equal(keepTwo.loadSnapshotChunk({ height: 3n, format: SNAPSHOT_FORMAT, chunk: 0 }).chunk.length, 0, 'a pruned snapshot is gone');

    const keepAll = manager(source, { interval: 1, keepRecent: 0 });
    for (let i = 0; i < 3; i++) {
      await commitBlocks(source, keepAll, 1);
      await keepAll.idle();
    }
    assert.deepEqual(keepAll.listSnapshots().snapshots.map((s) => s.height), [8n, 7n, 6n]);
    await source.close();
  });

  it('keeps the snapshot height from pruning while the snapshot is written, and prunes it after', async () => {
    // Pruning that keeps nothing: without protection, the commits after height 2 would delete it mid-export.
    const source = openStore({ strategy: 'custom', keepRecent: 0, interval: 1 });
    const snapshots = manager(source, { interval: 2, chunkBytes: 256 });
    await commitBlocks(source, snapshots, 2);
    const appHash = source.lastCommitId().hash;
    await commitBlocks(source, undefined, 3); // lands between the snapshot's chunks
    assert.ok(source.availableVersions().includes(2), `height 2 kept while its snapshot is written: ${source.availableVersions().join(',')}`);
    await snapshots.idle();
    const snapshot = snapshots.listSnapshots().snapshots[0]!;
    assert.equal(snapshot.height, 2n);
    await commitBlocks(source, undefined, 1);
    assert.deepEqual(source.availableVersions(), [6], 'pruning catches up once the snapshot is written');

    const target = openStore();
    const restoring = manager(target);
    assert.equal(restoring.offerSnapshot({ snapshot, appHash }).result, Offer.ACCEPT);
    assert.equal((await applyAll(snapshots, restoring, snapshot)).at(-1)!.response.result, Apply.ACCEPT);
    assert.deepEqual(target.lastCommitId(), { version: 2, hash: appHash });
    await source.close();
    await target.close();
  });
});
