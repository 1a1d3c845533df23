import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CommitMultiStore } from './multistore.js';
import { bytesToKey, keyToBytes, toHex } from './encoding.js';
import { rng, tempDir, verifyStoreProof } from './testing.js';
import { InvalidKeyValueError, VersionNotFoundError } from './errors.js';

const STORES = ['acc', 'bank', 'ibc'];

describe('CommitMultiStore', () => {
  const dirs: Array<() => void> = [];
  after(() => dirs.forEach((d) => d()));
  const fresh = (opts: Partial<Parameters<typeof CommitMultiStore.open>[0]> = {}) => {
    const dir = tempDir();
    dirs.push(dir.cleanup);
    return { ms: CommitMultiStore.open({ path: dir.path, stores: STORES, pruning: { strategy: 'nothing' }, ...opts }), path: dir.path };
  };

  it('closes an iteration that stops early: hundreds of them across commits leak no LMDB readers', async () => {
    const { ms } = fresh();
    const seed = ms.branch();
    for (let i = 0; i < 50; i++) seed.getStore(STORES[0]!).set(Uint8Array.of(1, i), Uint8Array.of(i));
    seed.write();
    await ms.commit();
    // A range left open pins the read transaction it started in; after the next commit LMDB
    // needs another reader. It allows 126, so a leak fails long before 300 blocks.
    for (let round = 0; round < 300; round++) {
      const branch = ms.branch();
      for (const [key] of branch.getStore(STORES[0]!).iterator(Uint8Array.of(1), Uint8Array.of(2), round % 2 === 1)) {
        assert.equal(key[0], 1);
        break;
      }
      branch.getStore(STORES[0]!).set(Uint8Array.of(2), Uint8Array.of(round & 0xff));
      branch.write();
      await ms.commit();
    }
    assert.equal(ms.lastCommitId().version, 301);
  });

  it('proves thousands of random keys, present and absent, against the app hash through both specs', async () => {
    const { ms } = fresh();
    const r = rng(42);
    const model = new Map<string, Map<string, Uint8Array>>(STORES.map((s) => [s, new Map()]));
    const history: Array<{ version: number; hash: Uint8Array; snapshot: Map<string, Map<string, Uint8Array>> }> = [];
    for (let block = 0; block < 8; block++) {
      const branch = ms.branch();
      for (let i = 0; i < 1500; i++) {
        const name = STORES[r.int(STORES.length)]!;
        const m = model.get(name)!;
        const key = r.bytes(1 + r.int(40));
        if (m.size > 0 && r.int(5) === 0) {
          const victim = [...m.keys()][r.int(m.size)]!;
          branch.getStore(name).delete(keyToBytes(victim));
          m.delete(victim);
        } else {
          const value = r.bytes(1 + r.int(100));
          branch.getStore(name).set(key, value);
          m.set(bytesToKey(key), value);
        }
      }
      branch.write();
      const working = ms.workingHash();
      const id = await ms.commit();
      assert.deepEqual(id.hash, working, 'commit hash equals the working hash reported before commit');
      history.push({ version: id.version, hash: id.hash, snapshot: new Map([...model].map(([k, v]) => [k, new Map(v)])) });
    }
    let checked = 0;
    for (const { version, hash, snapshot } of history) {
      for (const name of STORES) {
        const m = snapshot.get(name)!;
        const keys = [...m.keys()];
        for (let i = 0; i < 60; i++) {
          const present = keyToBytes(keys[r.int(keys.length)]!);
          const q = ms.query(name, present, version, true);
          assert.equal(toHex(q.value!), toHex(m.get(bytesToKey(present))!));
          assert.ok(verifyStoreProof(q.proofOps!, hash, name, present, q.value), `existence proof for ${toHex(present)} at ${version}`);
          const tampered = Uint8Array.from(q.value!);
          tampered[0]! ^= 1;
          assert.equal(verifyStoreProof(q.proofOps!, hash, name, present, tampered), false, 'a tampered value fails');
          const absent = r.bytes(1 + r.int(40));
          if (m.has(bytesToKey(absent))) continue;
          const qa = ms.query(name, absent, version, true);
          assert.equal(qa.value, undefined);
          assert.ok(verifyStoreProof(qa.proofOps!, hash, name, absent, undefined), `non-existence proof at ${version}`);
          assert.equal(verifyStoreProof(qa.proofOps!, hash, name, present, undefined), false, 'a non-existence proof does not cover another key');
          checked += 2;
        }
      }
    }
    assert.ok(checked > 2000, `checked ${checked} proofs`);
    await ms.close();
  });

  it('rejects a proof with any byte of its ops tampered', async () => {
    const { ms } = fresh();
    const r = rng(7);
    const store = ms.getStore('bank');
    for (let i = 0; i < 500; i++) store.set(r.bytes(8), r.bytes(20));
    const key = Uint8Array.of(1, 2, 3);
    const value = Uint8Array.of(9, 9, 9);
    store.set(key, value);
    const { hash } = await ms.commit();
    const q = ms.query('bank', key, undefined, true);
    assert.ok(verifyStoreProof(q.proofOps!, hash, 'bank', key, value));
    for (const opIndex of [0, 1]) {
      const data = q.proofOps![opIndex]!.data;
      for (let i = 0; i < data.length; i += 3) {
        const bad = Uint8Array.from(data);
        bad[i]! ^= 0x10;
        const ops = q.proofOps!.map((op, j) => (j === opIndex ? { ...op, data: bad } : op));
        assert.equal(verifyStoreProof(ops, hash, 'bank', key, value), false, `flipped byte ${i} of op ${opIndex}`);
      }
    }
    await ms.close();
  });

  it('gives the same root whatever order a block made its writes in', async () => {
    const a = fresh().ms;
    const b = fresh().ms;
    const r = rng(99);
    const writes: Array<[Uint8Array, Uint8Array]> = [];
    for (let i = 0; i < 3000; i++) writes.push([r.bytes(1 + r.int(12)), r.bytes(1 + r.int(30))]);
    const ba = a.branch();
    for (const [k, v] of writes) ba.getStore('bank').set(k, v);
    ba.write();
    const bb = b.branch();
    for (const [k, v] of [...writes].reverse()) bb.getStore('bank').set(k, v);
    for (const [k, v] of writes) bb.getStore('bank').set(k, v); // last write wins in both
    bb.write();
    assert.deepEqual((await a.commit()).hash, (await b.commit()).hash);
    await a.close();
    await b.close();
  });

  it('refuses bad input with clear errors and keeps its state', async () => {
    const { ms } = fresh();
    const store = ms.getStore('bank');
    store.set(Uint8Array.of(1), Uint8Array.of(1));
    const { hash } = await ms.commit();
    assert.throws(() => store.set(new Uint8Array(0), Uint8Array.of(1)), InvalidKeyValueError);
    assert.throws(() => store.set(new Uint8Array(2000), Uint8Array.of(1)), /limit is 1024/);
    assert.throws(() => ms.branch().getStore('bank').set(Uint8Array.of(1), new Uint8Array(64 * 1024 * 1024 + 1)), /limit/);
    assert.throws(() => ms.branch().getStore('nope'), /no store named nope/);
    assert.throws(() => ms.query('bank', Uint8Array.of(1), 5), (e: unknown) => e instanceof VersionNotFoundError && /not committed yet/.test(e.message));
    assert.throws(() => ms.query('bank', Uint8Array.of(1), 0), VersionNotFoundError);
    assert.deepEqual(ms.workingHash(), hash, 'refused writes left no trace');
    await ms.close();
  });

  it('reopens at the last committed version and serves every earlier version', async () => {
    const { ms, path } = fresh();
    const ids = [];
    for (let v = 1; v <= 5; v++) {
      ms.getStore('acc').set(Uint8Array.of(v), Uint8Array.of(v, v));
      ids.push(await ms.commit());
    }
    ms.getStore('acc').set(Uint8Array.of(99), Uint8Array.of(1)); // never committed
    await ms.close();
    const again = CommitMultiStore.open({ path, stores: STORES, pruning: { strategy: 'nothing' } });
    assert.deepEqual(again.lastCommitId(), ids[4]);
    assert.equal(again.getStore('acc').get(Uint8Array.of(99)), undefined);
    for (const id of ids) {
      assert.equal(toHex(again.readerAt('acc', id.version).get(Uint8Array.of(id.version))!), toHex(Uint8Array.of(id.version, id.version)));
      assert.equal(again.readerAt('acc', id.version).get(Uint8Array.of(id.version + 1)), undefined);
    }
    await again.close();
  });

  it('starts at the initial version', async () => {
    const { ms } = fresh({ initialVersion: 100 });
    ms.getStore('ibc').set(Uint8Array.of(1), Uint8Array.of(2));
    const id = await ms.commit();
    assert.equal(id.version, 100);
    assert.equal((await ms.commit()).version, 101);
    assert.deepEqual(ms.availableVersions(), [100, 101]);
    await ms.close();
  });

  it('keeps a reader at its version across later commits, and ignores the block being built', async () => {
    const { ms } = fresh();
    const store = ms.getStore('bank');
    store.set(Uint8Array.of(1), Uint8Array.of(10));
    store.set(Uint8Array.of(2), Uint8Array.of(20));
    const v1 = (await ms.commit()).version;
    const reader = ms.readerAt('bank', v1);
    store.set(Uint8Array.of(1), Uint8Array.of(11));
    store.delete(Uint8Array.of(2));
    assert.equal(toHex(reader.get(Uint8Array.of(1))!), '0a', 'pending writes are not committed state');
    await ms.commit();
    assert.equal(toHex(reader.get(Uint8Array.of(1))!), '0a', 'still version 1 after version 2 landed');
    assert.deepEqual([...reader.iterator()].map(([k, v]) => toHex(k) + toHex(v)), ['010a', '0214']);
    assert.deepEqual([...ms.readerAt('bank').iterator(undefined, undefined, true)].map(([k, v]) => toHex(k) + toHex(v)), ['010b']);
    await ms.close();
  });

  it('takes the initial version from InitChain before the first write is hashed', async () => {
    const { ms } = fresh();
    ms.getStore('acc').set(Uint8Array.of(1), Uint8Array.of(1));
    ms.setInitialVersion(42);
    assert.equal((await ms.commit()).version, 42);
    assert.throws(() => ms.setInitialVersion(7), /already has version 42/);
    await ms.close();
  });
});
