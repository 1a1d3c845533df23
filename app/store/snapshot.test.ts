import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exportSnapshot, exportSnapshotPaced, restoreSnapshot } from './snapshot.js';
import { rng, scratchStores, verifyStoreProof } from './testing.js';
import { toHex } from './encoding.js';
import { commitInfoHash } from './commit-info.js';

const STORES = ['acc', 'bank', 'empty', 'ibc'];

describe('snapshots', () => {
  const { open, removeAll } = scratchStores(STORES);
  after(removeAll);

  it('restores a version into an empty store with an identical app hash, values and proofs', async () => {
    const source = open();
    const r = rng(5);
    const keys: Uint8Array[] = [];
    for (let v = 0; v < 4; v++) {
      for (let i = 0; i < 3000; i++) {
        const key = r.bytes(1 + r.int(30));
        keys.push(key);
        source.getStore(i % 2 ? 'bank' : 'acc').set(key, r.bytes(1 + r.int(60)));
      }
      for (let i = 0; i < 200; i++) source.getStore('bank').delete(keys[r.int(keys.length)]!);
      source.getStore('ibc').set(Uint8Array.of(v + 1), Uint8Array.of(1));
      await source.commit();
    }
    const { version } = source.lastCommitId();
    const chunks = [...exportSnapshot(source, version - 1, 64 * 1024)];
    assert.ok(chunks.length > 1, `exported ${chunks.length} chunks`);
    const target = open();
    const restored = await restoreSnapshot(target, version - 1, chunks, commitInfoHash(source.commitInfo(version - 1)));
    assert.equal(restored.version, version - 1);
    for (const name of STORES) {
      const a = [...source.readerAt(name, version - 1).iterator()].map(([k, v]) => toHex(k) + '=' + toHex(v));
      const b = [...target.getStore(name).iterator()].map(([k, v]) => toHex(k) + '=' + toHex(v));
      assert.deepEqual(b, a, `store ${name} holds the same entries`);
    }
    const key = keys[1]!;
    const q = target.query('bank', key, restored.version, true);
    assert.ok(verifyStoreProof(q.proofOps!, restored.hash, 'bank', key, q.value), 'the restored store proves');
    // The restored chain carries on exactly like the original.
    source.getStore('bank').set(Uint8Array.of(7), Uint8Array.of(7));
    target.getStore('bank').set(Uint8Array.of(7), Uint8Array.of(7));
    const reopened = await target.commit();
    assert.equal(reopened.version, version);
    await source.close();
    await target.close();
  });

  it('refuses a snapshot whose app hash differs, and a non-empty target', async () => {
    const source = open();
    source.getStore('bank').set(Uint8Array.of(1), Uint8Array.of(2));
    const { version } = await source.commit();
    const chunks = [...exportSnapshot(source, version)];
    await assert.rejects(restoreSnapshot(open(), version, chunks, new Uint8Array(32)), /differs from the expected/);
    await assert.rejects(restoreSnapshot(source, version, chunks, source.lastCommitId().hash), /empty store/);
    const corrupt = chunks.map((c) => Uint8Array.from(c));
    corrupt[0]![corrupt[0]!.length - 3]! ^= 0xff;
    await assert.rejects(restoreSnapshot(open(), version, corrupt, source.lastCommitId().hash));
    await source.close();
  });

  it('the paced exporter gives the same chunks while letting the event loop run, and stops when aborted', async () => {
    const source = open();
    const r = rng(9);
    for (let i = 0; i < 6000; i++) source.getStore('bank').set(r.bytes(8 + r.int(24)), r.bytes(1 + r.int(60)));
    const { version } = await source.commit();
    const expected = [...exportSnapshot(source, version)];
    assert.equal(expected.length, 1, 'one chunk: any turns the loop gets come from pauses within it');
    let turns = 0;
    let running = true;
    const spin = () => {
      turns++;
      if (running) setImmediate(spin);
    };
    setImmediate(spin);
    const paced: Uint8Array[] = [];
    for await (const chunk of exportSnapshotPaced(source, version)) paced.push(chunk);
    running = false;
    assert.deepEqual(paced.map((c) => Buffer.from(c).toString('hex')), expected.map((c) => Buffer.from(c).toString('hex')));
    assert.ok(turns >= 10, `the event loop ran ${turns} times during the export`);
    const controller = new AbortController();
    controller.abort(new Error('closing'));
    await assert.rejects(async () => {
      for await (const _ of exportSnapshotPaced(source, version, undefined, controller.signal)) void _;
    }, /closing/);
    await source.close();
  });
});
