/**
 * State-sync snapshot export benchmark: how long a snapshot of an N-key state takes, and the
 * longest the event loop waits meanwhile (what block processing would wait for), paced export
 * against the plain one. Run: npm run build && node dist/scripts/bench/snapshot.js [--keys N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CommitMultiStore, exportSnapshot, exportSnapshotPaced } from '../../app/store/index.js';
import { fmt, nowMs } from './stats.js';

const i = process.argv.indexOf('--keys');
const KEYS = i >= 0 ? Number(process.argv[i + 1]) : 200_000;
const BLOCK = 50_000;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-bench-snapshot-'));
  const ms = CommitMultiStore.open({ path: dir, stores: ['bank'], pruning: { strategy: 'nothing' } });
  try {
    for (let done = 0; done < KEYS; done += BLOCK) {
      for (let k = 0; k < Math.min(BLOCK, KEYS - done); k++) ms.getStore('bank').set(randomBytes(32), randomBytes(40));
      await ms.commit();
    }
    const { version } = ms.lastCommitId();
    let last = nowMs();
    let longestGap = 0;
    let running = true;
    const tick = () => {
      const now = nowMs();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    let started = nowMs();
    let chunks = 0;
    for await (const _ of exportSnapshotPaced(ms, version)) chunks++;
    const pacedMs = nowMs() - started;
    running = false;
    started = nowMs();
    const plain = [...exportSnapshot(ms, version)].length;
    const plainMs = nowMs() - started;
    console.log(`snapshot of ${fmt(KEYS, 0)} keys: ${chunks} chunks (plain: ${plain})`);
    console.log(`paced export: ${fmt(pacedMs, 0)} ms, longest event-loop wait ${fmt(longestGap, 0)} ms`);
    console.log(`plain export: ${fmt(plainMs, 0)} ms, all of it blocking`);
  } finally {
    await ms.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
