/**
 * State store benchmark: a 1,000,000-key state on LMDB, then blocks of 10,000 random writes.
 * Prints medians. Run: npm run bench:store [-- --keys N --block N --blocks N]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CommitMultiStore } from '../../app/store/index.js';
import { fmt, median, nowMs } from './stats.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const KEYS = arg('keys', 1_000_000);
const BLOCK = arg('block', 10_000);
const BLOCKS = arg('blocks', 30);
const LOAD_BLOCK = 50_000;

const dir = mkdtempSync(join(tmpdir(), 'zonekit-bench-store-'));
const ms = CommitMultiStore.open({ path: dir, stores: ['bank'], pruning: { strategy: 'default' } });
const keys: Buffer[] = [];
const newKey = () => randomBytes(32);
const newValue = () => randomBytes(40);

async function main() {
  console.log(`zonekit store benchmark: ${fmt(KEYS, 0)} keys, blocks of ${fmt(BLOCK, 0)} writes (node ${process.version})`);
  let t0 = nowMs();
  for (let loaded = 0; loaded < KEYS; ) {
    const n = Math.min(LOAD_BLOCK, KEYS - loaded);
    const store = ms.getStore('bank');
    for (let i = 0; i < n; i++) {
      const k = newKey();
      keys.push(k);
      store.set(k, newValue());
    }
    await ms.commit();
    loaded += n;
  }
  const loadMs = nowMs() - t0;
  console.log(`initial load: ${fmt(KEYS / (loadMs / 1000), 0)} keys/s (${fmt(loadMs / 1000, 1)} s)`);

  const blockMs: number[] = [];
  const hashMs: number[] = [];
  let totalWrites = 0;
  t0 = nowMs();
  for (let b = 0; b < BLOCKS; b++) {
    // Half updates of existing keys, half new keys: a mix of balance changes and new accounts.
    const writes: Array<[Buffer, Buffer]> = [];
    for (let i = 0; i < BLOCK; i++) {
      const k = i % 2 === 0 ? keys[Math.floor(Math.random() * keys.length)]! : newKey();
      if (i % 2 === 1) keys.push(k);
      writes.push([k, newValue()]);
    }
    const start = nowMs();
    const branch = ms.branch();
    const store = branch.getStore('bank');
    for (const [k, v] of writes) store.set(k, v);
    branch.write();
    ms.workingHash();
    const hashed = nowMs();
    await ms.commit();
    const end = nowMs();
    blockMs.push(end - start);
    hashMs.push(hashed - start);
    totalWrites += BLOCK;
  }
  const sustainedMs = nowMs() - t0;
  console.log(`block of ${fmt(BLOCK, 0)} writes into ${fmt(KEYS, 0)} keys: median ${fmt(median(blockMs))} ms (apply+hash ${fmt(median(hashMs))} ms, persist ${fmt(median(blockMs) - median(hashMs))} ms), min ${fmt(Math.min(...blockMs))} ms, max ${fmt(Math.max(...blockMs))} ms`);
  console.log(`sustained leaves written: ${fmt(totalWrites / (sustainedMs / 1000), 0)}/s over ${BLOCKS} blocks`);

  const latest = ms.lastCommitId().version;
  const proofRuns: number[] = [];
  for (let run = 0; run < 5; run++) {
    const n = 2000;
    const s = nowMs();
    for (let i = 0; i < n; i++) ms.query('bank', keys[Math.floor(Math.random() * keys.length)]!, latest, true);
    proofRuns.push(n / ((nowMs() - s) / 1000));
  }
  console.log(`proofs (existence, both ops, encoded): median ${fmt(median(proofRuns), 0)}/s`);

  const readRuns: number[] = [];
  const treeReadRuns: number[] = [];
  // One version back: the latest version is served from the flat index, older ones walk the tree.
  const reader = ms.readerAt('bank', latest - 1);
  const store = ms.getStore('bank');
  for (let run = 0; run < 5; run++) {
    const n = 50_000;
    let s = nowMs();
    for (let i = 0; i < n; i++) store.get(keys[Math.floor(Math.random() * keys.length)]!);
    readRuns.push(n / ((nowMs() - s) / 1000));
    s = nowMs();
    for (let i = 0; i < n / 5; i++) reader.get(keys[Math.floor(Math.random() * keys.length)]!);
    treeReadRuns.push(n / 5 / ((nowMs() - s) / 1000));
  }
  console.log(`random reads, latest (flat index): median ${fmt(median(readRuns), 0)}/s; through the tree at a version: median ${fmt(median(treeReadRuns), 0)}/s`);

  const fileBytes = statSync(join(dir, 'data.mdb')).size;
  console.log(`disk: ${fmt(fileBytes / 1024 ** 2)} MiB file, ${fmt(fileBytes / keys.length, 0)} bytes per key (${fmt(keys.length, 0)} keys, ${ms.availableVersions().length} versions retained)`);
  // RSS counts the LMDB pages this process touched through its memory map (page cache the
  // kernel can drop); the JS heap is what the store itself holds.
  console.log(`peak resident memory: ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MiB (LMDB map pages included); JS heap ${fmt(process.memoryUsage().heapUsed / 1024 ** 2, 0)} MiB`);
  await ms.close();
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
