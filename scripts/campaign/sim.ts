/**
 * The simulation campaign (the Cosmos SDK's app simulation, for zonekit): for each seed, N
 * blocks of random operations of every module, executed by two in-process nodes that must
 * agree after every block, every invariant checked after every block, the same seed run a
 * second time to the same app hashes, and the final state exported and imported into a
 * fresh node. Exits 1 on the first difference, naming the seed and block to replay.
 * Run: npm run campaign:sim -- [--seed 1] [--seeds 3] [--blocks 200] [--accounts 30] [--max-txs 30]
 */
import { parseArgs } from 'node:util';
import { runSimulation, SimFailure, type SimReport } from './sim/run.js';

const { values: flags } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    seeds: { type: 'string', default: '1' },
    blocks: { type: 'string', default: '200' },
    accounts: { type: 'string', default: '30' },
    'max-txs': { type: 'string', default: '30' },
  },
});
const whole = (name: string, text: string): number => {
  if (!/^[0-9]+$/.test(text) || Number(text) < 1) throw new Error(`--${name} takes a positive whole number, got ${JSON.stringify(text)}`);
  return Number(text);
};
const firstSeed = whole('seed', flags.seed);
const seeds = whole('seeds', flags.seeds);
const blocks = whole('blocks', flags.blocks);
const accounts = whole('accounts', flags.accounts);
const maxTxs = whole('max-txs', flags['max-txs']);

function print(report: SimReport, rerunMs: number): void {
  console.log(`seed ${report.seed}: ${report.blocks} blocks, ${report.txs} txs, ${report.msPerBlock.toFixed(1)} ms per block (two nodes), rerun ${(rerunMs / report.blocks).toFixed(1)} ms per block (one node)`);
  console.log(`  final app hash ${report.appHashes.at(-1)}; node B restarted ${report.restarts} times; ${report.missedVotes} missed votes, ${report.doubleSigns} double signs; ${report.validators} validators, ${report.jailed} jailed`);
  const width = Math.max(...report.operations.map((o) => o.name.length));
  for (const o of report.operations) console.log(`  ${o.name.padEnd(width)}  ok ${String(o.ok).padStart(6)}  failed ${String(o.failed).padStart(6)}`);
  console.log('  most frequent failures:');
  for (const f of report.failures.slice(0, 8)) console.log(`    ${String(f.count).padStart(6)}  ${f.reason}`);
  console.log('  export → import: every module identical, every store byte identical (but the history genesis leaves out by design)');
}

let failed = false;
for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
  try {
    const report = await runSimulation({
      seed,
      blocks,
      accounts,
      maxTxs,
      progress: (height) => height % 100 === 0 && process.stderr.write(`  seed ${seed}: block ${height}\n`),
    });
    const t0 = performance.now();
    await runSimulation({ seed, blocks, accounts, maxTxs, single: true, expectHashes: report.appHashes });
    print(report, performance.now() - t0);
  } catch (err) {
    failed = true;
    console.error(err instanceof SimFailure ? `FAILED: ${err.message}` : err);
    break;
  }
}
process.exitCode = failed ? 1 : 0;
