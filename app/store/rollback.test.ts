// Rolling the multistore back to an earlier version (what `zonekit rollback` does to the app):
// the app hash, every read path and the proofs of the earlier version come back, later versions
// are gone, the next commit writes the forgotten version again, and a rollback killed at any
// instant leaves either the old or the rolled-back store, never a mix.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bytesToKey, keyToBytes, toHex } from './encoding.js';
import { StoreError, VersionNotFoundError } from './errors.js';
import { CommitMultiStore } from './multistore.js';
import { rng, tempDir, verifyStoreProof } from './testing.js';

const STORES = ['acc', 'bank', 'ibc'];
const CHILD = fileURLToPath(new URL('./testdata/rollback-child.js', import.meta.url));

/** Store name → (latin1 key → value). */
type State = Map<string, Map<string, Uint8Array>>;
const clone = (state: State): State => new Map([...state].map(([name, m]) => [name, new Map(m)]));

/** Deterministic blocks: sets, overwrites and deletes across the stores (`ibc` stays empty until block 3). */
function block(seed: number, state: State, writes: number): Array<[string, Uint8Array, Uint8Array | null]> {
  const r = rng(seed);
  const ops: Array<[string, Uint8Array, Uint8Array | null]> = [];
  for (let i = 0; i < writes; i++) {
    const name = STORES[r.int(seed >= 3 ? 3 : 2)]!;
    const m = state.get(name)!;
    if (m.size > 0 && r.int(4) === 0) {
      const victim = [...m.keys()][r.int(m.size)]!;
      ops.push([name, keyToBytes(victim), null]);
      m.delete(victim);
    } else {
      const key = r.int(3) === 0 && m.size > 0 ? keyToBytes([...m.keys()][r.int(m.size)]!) : r.bytes(1 + r.int(12));
      const value = r.bytes(1 + r.int(40));
      ops.push([name, key, value]);
      m.set(bytesToKey(key), value);
    }
  }
  return ops;
}

async function commitBlock(ms: CommitMultiStore, ops: ReadonlyArray<[string, Uint8Array, Uint8Array | null]>) {
  const branch = ms.branch();
  for (const [name, key, value] of ops) {
    if (value === null) branch.getStore(name).delete(key);
    else branch.getStore(name).set(key, value);
  }
  branch.write();
  return ms.commit();
}

/** Every read path of the latest version shows exactly `state`. */
function assertLatestHolds(ms: CommitMultiStore, state: State, what: string): void {
  for (const name of STORES) {
    const want = [...state.get(name)!].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const flat = [...ms.readerAt(name).iterator()].map(([k, v]) => [bytesToKey(k), toHex(v)]);
    assert.deepEqual(flat, want.map(([k, v]) => [k, toHex(v)]), `${what}: ${name}'s committed entries`);
    const working = [...ms.getStore(name).iterator()].map(([k]) => bytesToKey(k));
    assert.deepEqual(working, want.map(([k]) => k), `${what}: ${name}'s working store`);
  }
}

describe('CommitMultiStore.rollbackToVersion', () => {
  const dirs: Array<() => void> = [];
  after(() => dirs.forEach((d) => d()));
  const fresh = () => {
    const dir = tempDir();
    dirs.push(dir.cleanup);
    return dir.path;
  };

  /** Commits blocks 1..n; returns the state and hash of each version. */
  async function history(ms: CommitMultiStore, n: number, writes = 300) {
    const state: State = new Map(STORES.map((s) => [s, new Map()]));
    const versions = new Map<number, { hash: Uint8Array; state: State; ops: ReturnType<typeof block> }>();
    for (let v = 1; v <= n; v++) {
      const ops = block(v, state, writes);
      const id = await commitBlock(ms, ops);
      assert.equal(id.version, v);
      versions.set(v, { hash: id.hash, state: clone(state), ops });
    }
    return versions;
  }

  it('brings back the app hash, reads and proofs of H-1; H is gone; committing H again gives the same hash', async () => {
    const path = fresh();
    let ms = CommitMultiStore.open({ path, stores: STORES, pruning: { strategy: 'nothing' } });
    const versions = await history(ms, 5);
    const id = await ms.rollbackToVersion(4);
    assert.deepEqual({ version: id.version, hash: toHex(id.hash) }, { version: 4, hash: toHex(versions.get(4)!.hash) });
    assertLatestHolds(ms, versions.get(4)!.state, 'after the rollback');
    assert.throws(() => ms.query('acc', Uint8Array.of(1), 5), VersionNotFoundError);
    assert.deepEqual(ms.availableVersions(), [1, 2, 3, 4]);
    const [key, value] = [...versions.get(4)!.state.get('bank')!][0]!;
    const q = ms.query('bank', keyToBytes(key), 4, true);
    assert.ok(verifyStoreProof(q.proofOps!, versions.get(4)!.hash, 'bank', keyToBytes(key), value));

    // Reopened from disk, it is the same store.
    await ms.close();
    ms = CommitMultiStore.open({ path, stores: STORES, pruning: { strategy: 'nothing' } });
    assert.equal(toHex(ms.lastCommitId().hash), toHex(versions.get(4)!.hash));
    assertLatestHolds(ms, versions.get(4)!.state, 'reopened');

    // The block of version 5 again: the same app hash (a node re-executing its last block).
    const again = await commitBlock(ms, versions.get(5)!.ops);
    assert.deepEqual({ version: again.version, hash: toHex(again.hash) }, { version: 5, hash: toHex(versions.get(5)!.hash) });
    assertLatestHolds(ms, versions.get(5)!.state, 'version 5 committed again');
    // And the chain goes on past it.
    const next = await commitBlock(ms, block(6, clone(versions.get(5)!.state), 300));
    assert.equal(next.version, 6);
    await ms.close();
  });

  it('rolls back several versions at once, and to the latest as a no-op', async () => {
    const ms = CommitMultiStore.open({ path: fresh(), stores: STORES, pruning: { strategy: 'nothing' } });
    const versions = await history(ms, 6);
    assert.equal(toHex((await ms.rollbackToVersion(6)).hash), toHex(versions.get(6)!.hash));
    const id = await ms.rollbackToVersion(2);
    assert.equal(toHex(id.hash), toHex(versions.get(2)!.hash));
    assertLatestHolds(ms, versions.get(2)!.state, 'rolled back to 2');
    // `ibc` got its first keys in version 3: rolled back, it is empty again.
    assert.equal(versions.get(2)!.state.get('ibc')!.size, 0);
    const redo = await commitBlock(ms, versions.get(3)!.ops);
    assert.equal(toHex(redo.hash), toHex(versions.get(3)!.hash));
    await ms.close();
  });

  it('a different block after the rollback: the store matches one that never saw the forgotten versions', async () => {
    const ms = CommitMultiStore.open({ path: fresh(), stores: STORES, pruning: { strategy: 'nothing' } });
    const versions = await history(ms, 6);
    await ms.rollbackToVersion(3);
    const twin = CommitMultiStore.open({ path: fresh(), stores: STORES, pruning: { strategy: 'nothing' } });
    for (let v = 1; v <= 3; v++) await commitBlock(twin, versions.get(v)!.ops);
    const state = clone(versions.get(3)!.state);
    for (let v = 4; v <= 6; v++) {
      const ops = block(100 + v, state, 300);
      const [mine, theirs] = [await commitBlock(ms, ops), await commitBlock(twin, ops)];
      assert.equal(toHex(mine.hash), toHex(theirs.hash), `version ${v}`);
      assert.notEqual(toHex(mine.hash), toHex(versions.get(v)!.hash));
    }
    assertLatestHolds(ms, state, 'rewritten history');
    // Reads walk the tree too (proofs, past heights): they must find the new nodes, not forgotten ones.
    const appHash = ms.lastCommitId().hash;
    for (const name of STORES) {
      for (const [key, value] of [...state.get(name)!].slice(0, 40)) {
        const q = ms.query(name, keyToBytes(key), 6, true);
        assert.equal(toHex(q.value!), toHex(value));
        assert.ok(verifyStoreProof(q.proofOps!, appHash, name, keyToBytes(key), value), `proof of ${name}/${key}`);
      }
    }
    await twin.close();
    await ms.close();
  });

  it('refuses a version that is pruned, not committed, or before the first', async () => {
    const ms = CommitMultiStore.open({ path: fresh(), stores: STORES, pruning: { strategy: 'custom', keepRecent: 1, interval: 2 } });
    await history(ms, 6, 20);
    await assert.rejects(ms.rollbackToVersion(2), (err: Error) => err instanceof StoreError && /cannot roll back to version 2: it was pruned \(the oldest kept is \d+\)/.test(err.message));
    await assert.rejects(ms.rollbackToVersion(7), /cannot roll back to version 7: the latest committed version is 6/);
    await assert.rejects(ms.rollbackToVersion(0), /versions start at 1/);
    assert.equal(ms.lastCommitId().version, 6);
    await ms.close();
  });

  it('killed at any instant, a rollback leaves the store at H or at H-1, whole', async () => {
    const path = fresh();
    const ms = CommitMultiStore.open({ path, stores: STORES, pruning: { strategy: 'nothing' } });
    // A large last version, so the kill often lands inside the rollback.
    const versions = await history(ms, 4, 200);
    const state5 = clone(versions.get(4)!.state);
    const last = block(5, state5, 20_000);
    const id5 = await commitBlock(ms, last);
    await ms.close();
    /** Runs the child on a copy of the store; kills it `killAfterMs` after it opened the store, if given. */
    const run = async (killAfterMs?: number) => {
      const copy = fresh();
      cpSync(path, copy, { recursive: true });
      const child = spawn(process.execPath, [CHILD, copy, STORES.join(','), '4'], { stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      const opened = Date.now();
      if (killAfterMs === undefined) await exited;
      else {
        await new Promise((resolve) => setTimeout(resolve, killAfterMs));
        child.kill('SIGKILL');
        await exited;
      }
      return { copy, ms: Date.now() - opened };
    };
    // How long a whole rollback takes here, so the kills spread over it.
    const whole = await run();
    const done = CommitMultiStore.open({ path: whole.copy, stores: STORES, pruning: { strategy: 'nothing' } });
    assert.equal(done.lastCommitId().version, 4, 'an uninterrupted rollback reaches version 4');
    await done.close();
    const r = rng(7);
    for (let round = 0; round < 12; round++) {
      const { copy } = await run(r.int(whole.ms + 1));
      const reopened = CommitMultiStore.open({ path: copy, stores: STORES, pruning: { strategy: 'nothing' } });
      const { version, hash } = reopened.lastCommitId();
      assert.equal(toHex(hash), toHex(version === 5 ? id5.hash : versions.get(4)!.hash), `round ${round}: version ${version}'s hash`);
      assertLatestHolds(reopened, version === 5 ? state5 : versions.get(4)!.state, `round ${round}, killed at version ${version}`);
      await reopened.close();
    }
  });
});
