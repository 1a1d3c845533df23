/**
 * Load harness: sustained committed bank sends per second through a real one-validator zone
 * (the app and CometBFT as separate processes). Pre-signs MsgSends from many genesis accounts,
 * pushes them through CometBFT's RPC as fast as it accepts them, and prints committed tx/s,
 * tx/day, broadcast-to-commit latency, block time and the app's peak memory.
 * Run: npm run bench:tps -- [--duration 60] [--warmup 10] [--accounts 5000] [--max-rate 5000]
 *      [--concurrency 256] [--timeout-commit 500ms] [--mempool-size 20000] [--no-recheck]
 *      [--indexer null|kv] [--app-node-args=--max-semi-space-size=64] [--profile] [--keep]
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHash } from 'node:crypto';
import { StargateClient } from '@cosmjs/stargate';
import { rpc } from '../lib/cometbft.js';
import { ProcessGroup } from '../lib/processes.js';
import { formatProfile, summarizeProfile } from './cpuprofile.js';
import { fmt, nowMs } from './stats.js';
import { CommitWatcher } from './tps/commits.js';
import { broadcast } from './tps/load.js';
import { cpuSeconds, measure, peakRssMiB } from './tps/measure.js';
import { startBenchNode } from './tps/node.js';
import { benchAccounts, signSends } from './tps/txs.js';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '10' },
    accounts: { type: 'string', default: '5000' },
    'max-rate': { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '256' },
    'timeout-commit': { type: 'string', default: '500ms' },
    'mempool-size': { type: 'string', default: '20000' },
    'no-recheck': { type: 'boolean', default: false },
    indexer: { type: 'string', default: 'null' },
    profile: { type: 'boolean', default: false },
    'app-node-args': { type: 'string', default: '' },
    keep: { type: 'boolean', default: false },
  },
});

const CHAIN_ID = 'zonekit-bench';
const DENOM = 'uatom';
const FEE = 2_000n;
const GAS = 100_000n;
const durationS = Number(flags.duration);
const warmupS = Number(flags.warmup);
const accountCount = Number(flags.accounts);
const concurrency = Number(flags.concurrency);
if (flags.indexer !== 'null' && flags.indexer !== 'kv') throw new Error('--indexer must be null or kv');

const dir = mkdtempSync(join(tmpdir(), 'zonekit-tps-'));
const group = new ProcessGroup();
const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  log(`zonekit tps harness: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}, folder ${dir}`);
  // Enough pre-signed txs to sustain --max-rate over the whole run; signing is not measured.
  const perAccount = Math.ceil((Number(flags['max-rate']) * (warmupS + durationS)) / accountCount);
  let t = nowMs();
  const accounts = benchAccounts(accountCount);
  const txs = signSends(accounts, perAccount, { chainId: CHAIN_ID, denom: DENOM, fee: FEE, gas: GAS });
  log(`signed ${fmt(txs.length, 0)} MsgSend txs (${perAccount} from each of ${fmt(accountCount, 0)} accounts) in ${fmt((nowMs() - t) / 1000)} s`);

  t = nowMs();
  const node = await startBenchNode({
    dir,
    chainId: CHAIN_ID,
    addresses: accounts.map((a) => a.address),
    denom: DENOM,
    minGasPrices: `0.01${DENOM}`,
    timeoutCommit: flags['timeout-commit'],
    mempoolSize: Number(flags['mempool-size']),
    recheck: !flags['no-recheck'],
    indexer: flags.indexer as 'null' | 'kv',
    appNodeArgs: [
      ...flags['app-node-args'].split(' ').filter(Boolean),
      ...(flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(dir, 'profile')}`] : []),
    ],
    group,
  });
  log(`chain up in ${fmt((nowMs() - t) / 1000)} s (RPC ${node.rpcUrl}); CometBFT settings:\n${node.settings.map((s) => `  ${s}`).join('\n')}`);

  const watcher = new CommitWatcher(node.rpcUrl);
  const start = nowMs();
  const measureFrom = start + warmupS * 1000;
  const until = measureFrom + durationS * 1000;
  const pids = { app: node.app.pid, cometbft: node.cometbft.pid, harness: process.pid };
  const cpuAt: Record<string, Record<string, number | undefined>> = {};
  const snapshotCpu = (label: string) => (cpuAt[label] = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSeconds(pid)])));
  const cpuTimer = setTimeout(() => snapshotCpu('from'), warmupS * 1000);
  const progress = setInterval(() => {
    const height = watcher.lastHeight;
    void rpc<{ n_txs: string }>(node.rpcUrl, '/num_unconfirmed_txs').then(
      (m) => log(`  ${fmt((nowMs() - start) / 1000, 0)} s: height ${height}, mempool ${m.n_txs}`),
      () => undefined,
    );
  }, 10_000);
  log(`broadcasting with ${concurrency} concurrent broadcast_tx_sync calls for ${warmupS} s warm-up + ${durationS} s measured`);
  const load = await broadcast(node.rpcUrl, txs, concurrency, until);
  const end = Math.min(nowMs(), load.ranOutAt ?? Infinity);
  snapshotCpu('to');
  clearTimeout(cpuTimer);
  clearInterval(progress);

  // Let the mempool drain so late txs get their commit times, then map txs to blocks.
  const drainUntil = nowMs() + 20_000;
  while (nowMs() < drainUntil && (await rpc<{ n_txs: string }>(node.rpcUrl, '/num_unconfirmed_txs')).n_txs !== '0') await sleep(200);
  await sleep(1_500);
  await watcher.stop();
  const memory = { app: peakRssMiB(node.app.pid), cometbft: peakRssMiB(node.cometbft.pid) };

  const indexOf = new Map(txs.map((tx, i) => [tx.hash, i]));
  const txHeights = new Map<number, number[]>();
  const perAccountIncluded = new Map<number, number>();
  for (const height of [...watcher.committedAt.keys()].sort((a, b) => a - b)) {
    const { block } = await rpc<{ block: { data: { txs: string[] | null } } }>(node.rpcUrl, '/block', { height: String(height) });
    const indexes = (block.data.txs ?? []).map((b64) => indexOf.get(createHash('sha256').update(Buffer.from(b64, 'base64')).digest('hex').toUpperCase())!);
    txHeights.set(height, indexes);
    for (const i of indexes) perAccountIncluded.set(txs[i]!.account, (perAccountIncluded.get(txs[i]!.account) ?? 0) + 1);
  }
  const figures = measure(watcher.committedAt, txHeights, load.sentAt, measureFrom, end);

  // Every included send succeeded: an account's balance is what its sends, fees and the one
  // account sending to it say (each account sends 1 to the next).
  const client = await StargateClient.connect(node.rpcUrl);
  let checked = 0;
  for (let i = 0; i < accountCount; i += Math.max(1, Math.floor(accountCount / 20))) {
    const sent = BigInt(perAccountIncluded.get(i) ?? 0);
    const received = BigInt(perAccountIncluded.get((i - 1 + accountCount) % accountCount) ?? 0);
    const expected = 1_000_000_000_000n - sent * (FEE + 1n) + received;
    const actual = BigInt((await client.getBalance(accounts[i]!.address, DENOM)).amount);
    if (actual !== expected) throw new Error(`account ${i}: balance ${actual}, expected ${expected} from its ${sent} included sends`);
    checked++;
  }
  client.disconnect();

  await group.stopAll(30_000);
  const cpu = (k: string) => {
    const [a, b] = [cpuAt.from?.[k], cpuAt.to?.[k]];
    return a === undefined || b === undefined ? 'n/a' : `${fmt((100 * (b - a)) / ((end - measureFrom) / 1000), 0)}%`;
  };
  const rejected = [...load.rejected].map(([k, n]) => `${k}: ${n}`).join(', ') || 'none';
  const errors = [...load.otherErrors].map(([k, n]) => `${k}: ${n}`).join('; ') || 'none';
  log('');
  log(`== zonekit tps: one validator, ${cpus().length} CPUs, bank MsgSend, ${fmt(accountCount, 0)} accounts ==`);
  if (load.ranOutAt !== undefined) log(`NOTE: the ${fmt(txs.length, 0)} pre-signed txs ran out ${fmt((load.ranOutAt - start) / 1000)} s in; raise --max-rate`);
  log(`measured window   ${fmt(figures.seconds)} s, blocks ${figures.fromHeight + 1}..${figures.toHeight} (after ${warmupS} s warm-up)`);
  log(`committed         ${fmt(figures.committedTxs, 0)} txs`);
  log(`sustained         ${fmt(figures.txPerSecond, 0)} tx/s  =  ${fmt(figures.txPerSecond * 86_400, 0)} tx/day`);
  log(`latency           p50 ${fmt(figures.latencyP50Ms, 0)} ms, p99 ${fmt(figures.latencyP99Ms, 0)} ms (broadcast to app commit, ${fmt(figures.latencySamples, 0)} txs)`);
  log(`block time        ${fmt(figures.blockSeconds, 2)} s, ${fmt(figures.txPerBlock, 0)} txs per block`);
  log(`peak memory       app ${fmt(memory.app ?? NaN, 0)} MiB (VmHWM), CometBFT ${fmt(memory.cometbft ?? NaN, 0)} MiB`);
  log(`CPU in window     app ${cpu('app')}, CometBFT ${cpu('cometbft')}, harness ${cpu('harness')} (100% = one core)`);
  log(`CheckTx           ${fmt(load.accepted, 0)} accepted; rejected ${rejected}; mempool full ${fmt(load.mempoolFull, 0)} times; other errors ${errors}`);
  log(`verified          balances of ${checked} sampled accounts match their included sends (all succeeded)`);
  if (flags.profile) {
    const profileDir = join(dir, 'profile');
    for (const file of readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'))) {
      log(`\napp CPU profile (${join(profileDir, file)}):\n${formatProfile(summarizeProfile(join(profileDir, file)))}`);
    }
  }
}

main()
  .catch((err: unknown) => {
    console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await group.stopAll();
    if (flags.keep || flags.profile) log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });
