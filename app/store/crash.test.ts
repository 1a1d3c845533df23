import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommitMultiStore } from './multistore.js';
import { commitInfoHash } from './commit-info.js';
import { bytesToKey, keyToBytes, toHex } from './encoding.js';
import { VersionNotFoundError } from './errors.js';
import type { Entry } from './kv.js';
import { pruneHeight, pruningPolicy } from './pruning.js';
import { rng, tempDir, verifyStoreProof } from './testing.js';
import { CRASH_PRUNING, CRASH_STORES, crashBlock } from './testdata/crash-blocks.js';

const WRITER = fileURLToPath(new URL('./testdata/crash-writer.js', import.meta.url));
const KILLS = 56;
const POLICY = pruningPolicy(CRASH_PRUNING);

/** Store name → (latin1 key → value): the state a version should hold. */
type State = Map<string, Map<string, Uint8Array>>;

/** Replays the writer's deterministic blocks, keeping the states of recent versions. */
class Model {
  private readonly state: State = new Map(CRASH_STORES.map((s) => [s, new Map()]));
  private version = 0;
  private readonly kept = new Map<number, State>([[0, cloneState(this.state)]]);

  /** Replays up to `version`, keeping the state of every version from `keepFrom` on. */
  advanceTo(version: number, keepFrom: number): void {
    for (let v = this.version + 1; v <= version; v++) {
      for (const tx of crashBlock(v)) {
        if (tx.fails) continue;
        for (const ops of tx.msgs) {
          for (const [store, key, value] of ops) {
            const m = this.state.get(store)!;
            if (value === null) m.delete(bytesToKey(key));
            else m.set(bytesToKey(key), value);
          }
        }
      }
      this.version = v;
      if (v >= keepFrom) this.kept.set(v, cloneState(this.state));
    }
    for (const v of this.kept.keys()) if (v < keepFrom) this.kept.delete(v);
  }

  at(version: number): State {
    const state = this.kept.get(version);
    if (!state) throw new Error(`the model did not keep version ${version}`);
    return state;
  }
}

function cloneState(state: State): State {
  return new Map([...state].map(([name, m]) => [name, new Map(m)]));
}

/** The versions the pruning policy retains once `latest` is committed, oldest first. */
function retainedVersions(latest: number): number[] {
  let pruned = 0;
  for (let v = 1; v <= latest; v++) pruned = Math.max(pruned, pruneHeight(POLICY, v));
  const out: number[] = [];
  for (let v = pruned + 1; v <= latest; v++) out.push(v);
  return out;
}

function assertEntries(actual: Iterable<Entry>, expected: Map<string, Uint8Array>, label: string): void {
  const keys = [...expected.keys()].sort();
  let i = 0;
  for (const [k, v] of actual) {
    const key = bytesToKey(k);
    if (key !== keys[i]) {
      assert.fail(`${label}: entry ${i} has key ${toHex(k)}, expected ${keys[i] === undefined ? 'no more entries' : toHex(keyToBytes(keys[i]!))}`);
    }
    const want = expected.get(key)!;
    if (Buffer.compare(v, want) !== 0) assert.fail(`${label}: key ${toHex(k)} holds ${toHex(v)}, expected ${toHex(want)}`);
    i++;
  }
  assert.equal(i, keys.length, `${label}: number of entries`);
}

type KillPlan =
  | { kind: 'at-start'; delayMs: number }
  | { kind: 'after-ready'; delayMs: number }
  | { kind: 'on-prepared'; block: number; delayMs: number };

type Phase = 'before ready' | 'mid-block' | 'during commit';

interface WriterRun {
  lines: string[];
  ready?: { version: number; hash: string };
  lastPrepared: number;
  lastCommitted: number;
  phase: Phase;
}

/** Kill plans: right after start, at random instants after `ready`, and around commits. */
function killPlan(i: number): KillPlan {
  const random = (n: number) => Math.floor(Math.random() * n);
  if (i % 8 === 0) return { kind: 'at-start', delayMs: random(60) };
  if (i % 8 <= 3) return { kind: 'on-prepared', block: 1 + random(15), delayMs: random(2) === 0 ? 0 : random(15) };
  return { kind: 'after-ready', delayMs: random(400) };
}

describe('atomic commit under SIGKILL', () => {
  const cleanups: Array<() => void> = [];
  const children = new Set<ChildProcess>();
  after(() => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    }
    cleanups.forEach((c) => c());
  });

  /** Starts the writer on `path` and kills it by PID as `plan` says; resolves once it is gone. */
  async function runUntilKilled(path: string, plan: KillPlan): Promise<WriterRun> {
    const child = spawn(process.execPath, [WRITER, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    const pid = child.pid!;
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
    };
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.on('close', (code, signal) => resolve({ code, signal }));
    });
    let hung = false;
    const watchdog = setTimeout(() => {
      hung = true;
      kill();
    }, 15_000);
    let out = '';
    let err = '';
    let seen = 0;
    let prepared = 0;
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n');
      for (; seen < lines.length - 1; seen++) {
        const line = lines[seen]!;
        if (plan.kind === 'after-ready' && line.startsWith('ready ')) setTimeout(kill, plan.delayMs);
        if (plan.kind === 'on-prepared' && line.startsWith('prepared ') && ++prepared === plan.block) {
          if (plan.delayMs === 0) kill();
          else setTimeout(kill, plan.delayMs);
        }
      }
    });
    if (plan.kind === 'at-start') setTimeout(kill, plan.delayMs);
    const { code, signal } = await closed;
    clearTimeout(watchdog);
    children.delete(child);
    assert.equal(signal, 'SIGKILL', `the writer exited on its own (code ${code}):\n${err}`);
    assert.equal(hung, false, `the writer was still running after 15 s without reaching its kill point (plan ${plan.kind}); output:\n${out.slice(-500)}`);

    // What the writer printed before it died, whole lines only (each was one writeSync).
    const lines = out.split('\n').slice(0, -1);
    const run: WriterRun = { lines, lastPrepared: 0, lastCommitted: 0, phase: 'before ready' };
    for (const line of lines) {
      const [word, v, hash] = line.split(' ');
      const version = Number(v);
      assert.ok(Number.isSafeInteger(version) && /^[0-9a-f]{64}$/.test(hash ?? ''), `unexpected writer output: ${line}`);
      if (word === 'ready') run.ready = { version, hash: hash! };
      else if (word === 'prepared') run.lastPrepared = version;
      else if (word === 'committed') run.lastCommitted = version;
      else assert.fail(`unexpected writer output: ${line}`);
    }
    const last = lines.at(-1)?.split(' ')[0];
    if (run.ready) run.phase = last === 'prepared' ? 'during commit' : 'mid-block';
    return run;
  }

  it(`restarts at the last committed version and app hash, whole and provable, after ${KILLS} kills`, { timeout: 180_000 }, async (t) => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const model = new Model();
    /** Every app hash the writer printed, by version: runs that rebuild a version must agree. */
    const printed = new Map<number, string>();
    const phases: Record<Phase, number> = { 'before ready': 0, 'mid-block': 0, 'during commit': 0 };
    let landedUnreported = 0;
    let duringPruningCommit = 0;
    let latest = 0;
    let proofs = 0;
    const started = Date.now();

    for (let kill = 0; kill < KILLS; kill++) {
      const plan = killPlan(kill);
      const run = await runUntilKilled(dir.path, plan);
      const where = `kill ${kill} (${plan.kind}, ${run.phase}, last line "${run.lines.at(-1) ?? ''}")`;
      phases[run.phase]++;
      if (run.ready) {
        assert.equal(run.ready.version, latest, `${where}: the writer resumed at the version the checker saw`);
        if (latest > 0) assert.equal(run.ready.hash, printed.get(latest), `${where}: the writer resumed at the checked app hash`);
      }
      for (const line of run.lines) {
        const [word, v, hash] = line.split(' ') as [string, string, string];
        if (word === 'ready') continue;
        const version = Number(v);
        const known = printed.get(version);
        assert.ok(known === undefined || known === hash, `${where}: version ${version} hashed to ${hash} after ${known} in an earlier run`);
        printed.set(version, hash);
      }

      const ms = CommitMultiStore.open({ path: dir.path, stores: CRASH_STORES, pruning: CRASH_PRUNING });
      try {
        const id = ms.lastCommitId();
        // The last version the writer reported committed, or the one it prepared next when the
        // kill fell between LMDB's commit and the report; nothing else.
        const committed = Math.max(latest, run.lastCommitted);
        const allowed = run.lastPrepared === committed + 1 ? [committed, committed + 1] : [committed];
        assert.ok(allowed.includes(id.version), `${where}: reopened at version ${id.version}; expected one of ${allowed.join(', ')}`);
        if (id.version === committed + 1) landedUnreported++;
        if (run.phase === 'during commit' && pruneHeight(POLICY, run.lastPrepared) > 0) duringPruningCommit++;
        latest = id.version;
        if (latest > 0) {
          assert.equal(toHex(id.hash), printed.get(latest), `${where}: app hash of version ${latest}`);
          assert.equal(toHex(ms.workingHash()), toHex(id.hash), `${where}: the reopened trees are at the committed root`);
        }

        // Nothing of the next version was written, in any store.
        assert.throws(() => ms.commitInfo(latest + 1), VersionNotFoundError, `${where}: commit info of ${latest + 1}`);
        for (const name of CRASH_STORES) {
          assert.equal(ms.getStore(name).db.getRoot(latest + 1), undefined, `${where}: store ${name} has a root for uncommitted version ${latest + 1}`);
        }

        // Pruning ran with the commits that asked for it, in every store, and only then.
        const retained = retainedVersions(latest);
        assert.deepEqual(ms.availableVersions(), retained, `${where}: available versions`);
        for (const name of CRASH_STORES) {
          const roots = [...ms.getStore(name).db.roots.getKeys({})].map((k) => Buffer.from(k).readUIntBE(2, 6));
          assert.deepEqual(roots, retained, `${where}: store ${name} has a root for each retained version and no other`);
        }
        if (retained.length > 0 && retained[0]! > 1) {
          const gone = retained[0]! - 1;
          assert.throws(() => ms.commitInfo(gone), VersionNotFoundError, `${where}: commit info of pruned version ${gone}`);
          assert.throws(() => ms.readerAt('bank', gone), /pruned/, `${where}: reading pruned version ${gone}`);
        }

        model.advanceTo(latest, retained[0] ?? latest);
        const r = rng(latest * 7919 + kill);
        for (const version of retained) {
          const infos = ms.commitInfo(version);
          assert.deepEqual(infos.map((i) => i.name).sort(), [...CRASH_STORES].sort(), `${where}: stores in the commit info of ${version}`);
          for (const info of infos) {
            const root = ms.getStore(info.name).db.getRoot(version)!;
            assert.equal(toHex(root.hash), toHex(info.hash), `${where}: store ${info.name} root at ${version} matches its commit info`);
          }
          const appHash = commitInfoHash(infos);
          const printedHash = printed.get(version);
          if (printedHash !== undefined) assert.equal(toHex(appHash), printedHash, `${where}: app hash of retained version ${version}`);
          const state = model.at(version);
          for (const name of CRASH_STORES) {
            const expected = state.get(name)!;
            assertEntries(ms.readerAt(name, version).iterator(), expected, `${where}: store ${name} at version ${version}`);
            const keys = [...expected.keys()];
            for (let i = 0; i < 2 && keys.length > 0; i++) {
              const key = keyToBytes(keys[r.int(keys.length)]!);
              const q = ms.query(name, key, version, true);
              assert.ok(verifyStoreProof(q.proofOps!, appHash, name, key, expected.get(bytesToKey(key))), `${where}: proof of ${toHex(key)} in ${name} at ${version}`);
              proofs++;
            }
            const absent = Uint8Array.of(0xff, r.int(256));
            const qa = ms.query(name, absent, version, true);
            assert.equal(qa.value, undefined);
            assert.ok(verifyStoreProof(qa.proofOps!, appHash, name, absent, undefined), `${where}: absence proof in ${name} at ${version}`);
            proofs++;
          }
        }

        // The flat index the next block reads from was committed with the trees.
        const state = model.at(latest);
        for (const name of CRASH_STORES) assertEntries(ms.getStore(name).iterator(), state.get(name)!, `${where}: flat index of ${name} at ${latest}`);
      } finally {
        await ms.close();
      }
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    t.diagnostic(
      `${KILLS} kills in ${seconds} s, reached version ${latest}: ${phases['before ready']} before ready, ${phases['mid-block']} mid-block, ` +
        `${phases['during commit']} during commit (${duringPruningCommit} of them in a pruning commit, ` +
        `${landedUnreported} after LMDB committed but before the writer reported it); ${proofs} proofs verified`,
    );
    assert.ok(phases['during commit'] >= 3, 'at least a few kills fell inside commit()');
    assert.ok(latest >= 30, `the writer made progress (reached version ${latest})`);
  });
});

describe('store folder', () => {
  const cleanups: Array<() => void> = [];
  after(() => cleanups.forEach((c) => c()));

  it(
    'keeps its LMDB environment inside the folder it is given, whatever the folder is called',
    async () => {
      const dir = tempDir();
      cleanups.push(dir.cleanup);
      const path = join(dir.path, 'zone-1.data');
      mkdirSync(path);
      const ms = CommitMultiStore.open({ path, stores: ['bank'] });
      ms.getStore('bank').set(Uint8Array.of(1), Uint8Array.of(1));
      const id = await ms.commit();
      await ms.close();
      assert.ok(statSync(join(path, 'data.mdb')).isFile(), 'data.mdb is inside the folder');
      const again = CommitMultiStore.open({ path, stores: ['bank'] });
      assert.deepEqual(again.lastCommitId(), id);
      await again.close();
    },
  );
});
