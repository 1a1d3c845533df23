/**
 * The app's share of the load, in process and without CometBFT: the ABCI calls CometBFT makes
 * for a mempool of bank sends (CheckTx, PrepareProposal, ProcessProposal, FinalizeBlock,
 * Commit, ReCheckTx of what is left), with the responses encoded as they are for the wire.
 * Quieter than `bench:tps` on a busy machine, so it suits A/B tests of app changes; it prints
 * the final app hash and digests of every
 * FinalizeBlock and CheckTx response and of the FinalizeBlock responses alone (gas, events,
 * logs), which must not change when only performance changes.
 * Run: node dist/scripts/bench/app-loop.js [--accounts 2000] [--blocks 20] [--block-txs 1000]
 *      [--backlog 800] [--rounds 3]   (add --cpu-prof to node for a profile)
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CheckTxType, Response } from 'cosmjs-types/tendermint/abci/types';
import { BaseApp } from '../../app/baseapp.js';
import { buildZone, zoneGenesis } from '../../zone/zone.js';
import { fmt, median, nowMs } from './stats.js';
import { benchAccounts, signSends } from './tps/txs.js';

const { values: flags } = parseArgs({
  options: {
    accounts: { type: 'string', default: '2000' },
    blocks: { type: 'string', default: '20' },
    'block-txs': { type: 'string', default: '1000' },
    backlog: { type: 'string', default: '800' },
    rounds: { type: 'string', default: '3' },
  },
});

const CHAIN_ID = 'zonekit-bench';
const DENOM = 'uatom';
const accountCount = Number(flags.accounts);
const blocks = Number(flags.blocks);
const blockTxs = Number(flags['block-txs']);
const backlog = Number(flags.backlog);
const rounds = Number(flags.rounds);

const perAccount = Math.ceil((blocks * blockTxs + backlog) / accountCount);
const accounts = benchAccounts(accountCount);
const signed = signSends(accounts, perAccount, { chainId: CHAIN_ID, denom: DENOM, fee: 2_000n, gas: 100_000n });
const txs = signed.map((t) => new Uint8Array(Buffer.from(JSON.parse(t.body).params.tx as string, 'base64')));
const genesis = Buffer.from(
  JSON.stringify(zoneGenesis(accounts.map((a) => ({ address: a.address, coins: [{ denom: DENOM, amount: '1000000000000' }] })))),
);

async function round(): Promise<{ ms: number; cpuMs: number; committed: number; rechecks: number; appHash: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-app-loop-'));
  const app = new BaseApp({ app: buildZone().app, dataDir: join(dir, 'data'), chainId: CHAIN_ID, minGasPrices: `0.01${DENOM}` });
  const time = (height: number) => ({ seconds: BigInt(1_700_000_000 + height), nanos: 0 });
  await app.initChain({ chainId: CHAIN_ID, time: time(0), initialHeight: 1n, appStateBytes: genesis, validators: [] } as never);
  await app.commit();

  let next = 0;
  let mempool: Uint8Array[] = [];
  let committed = 0;
  let rechecks = 0;
  const cpu0 = process.cpuUsage();
  const t0 = nowMs();
  const results = createHash('sha256');
  const blockResults = createHash('sha256');
  const check = (tx: Uint8Array, type: CheckTxType): boolean => {
    const res = app.checkTx({ tx, type });
    results.update(Response.encode({ checkTx: res }).finish());
    return res.code === 0;
  };
  for (let height = 1; height <= blocks; height++) {
    // New txs arrive until the mempool holds a block and the backlog.
    while (mempool.length < blockTxs + backlog && next < txs.length) {
      const tx = txs[next++]!;
      if (check(tx, CheckTxType.NEW)) mempool.push(tx);
    }
    const prepared = app.prepareProposal({ txs: mempool.slice(0, blockTxs), maxTxBytes: 22_020_096n } as never);
    Response.encode({ prepareProposal: prepared }).finish();
    const processed = app.processProposal({ txs: prepared.txs } as never);
    Response.encode({ processProposal: processed }).finish();
    const finalized = app.finalizeBlock({ txs: prepared.txs, height: BigInt(height), time: time(height) } as never);
    const encoded = Response.encode({ finalizeBlock: finalized }).finish();
    results.update(encoded);
    blockResults.update(encoded);
    for (const r of finalized.txResults) if (r.code !== 0) throw new Error(`tx failed in block ${height}: ${r.log}`);
    committed += prepared.txs.length;
    Response.encode({ commit: await app.commit() }).finish();
    const included = new Set(prepared.txs);
    mempool = mempool.filter((tx) => !included.has(tx));
    rechecks += mempool.length;
    mempool = mempool.filter((tx) => check(tx, CheckTxType.RECHECK));
  }
  const ms = nowMs() - t0;
  const cpu = process.cpuUsage(cpu0);
  const appHash = `${Buffer.from(app.lastCommitId.hash).toString('hex').toUpperCase().slice(0, 16)}, results ${results.digest('hex').toUpperCase().slice(0, 16)} (blocks ${blockResults.digest('hex').toUpperCase().slice(0, 16)})`;
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, committed, rechecks, appHash };
}

const rates: number[] = [];
const hashes = new Set<string>();
for (let r = 0; r < rounds; r++) {
  const { ms, cpuMs, committed, rechecks, appHash } = await round();
  rates.push((committed * 1000) / ms);
  hashes.add(appHash);
  console.log(
    `round ${r + 1}: ${fmt(committed, 0)} txs committed (${fmt(rechecks / committed, 2)} rechecks/tx) in ${fmt(ms / 1000, 2)} s, ` +
      `${fmt((committed * 1000) / ms, 0)} tx/s, CPU ${fmt((cpuMs / ms) * 100, 0)}%, app hash ${appHash}`,
  );
}
console.log(`median ${fmt(median(rates), 0)} tx/s over ${rounds} rounds; peak RSS ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MiB`);
if (hashes.size !== 1) throw new Error(`app hashes differ between rounds: ${[...hashes].join(', ')}`);
