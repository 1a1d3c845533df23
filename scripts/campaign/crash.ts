/**
 * The crash campaign: kill -9 of validators' processes at random moments on a 4-validator
 * localnet under mixed load (bank sends, delegations, dex orders, AMM swaps), each crash
 * followed by restart, catch-up and a check that nothing committed was lost and that every
 * node agrees (scripts/campaign/crash/campaign.ts).
 * Run: npm run campaign:crash -- [--crashes 100] [--seed 1] [--accounts 50] [--short]
 */
import { parseArgs } from 'node:util';
import { runCrashCampaign } from './crash/campaign.js';

const { values: flags } = parseArgs({
  options: {
    crashes: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    accounts: { type: 'string', default: '50' },
    short: { type: 'boolean', default: false },
  },
});

const crashes = flags.short ? 10 : Number(flags.crashes);
const seed = Number(flags.seed);
console.log(`zonekit crash campaign: ${crashes} crashes, seed ${seed}, ${flags.accounts} accounts`);
const report = await runCrashCampaign({ crashes, seed, accounts: Number(flags.accounts), log: (line) => console.log(line) });
const sorted = [...report.catchUpMs].sort((a, b) => a - b);
const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
console.log('crashes by kind:');
for (const [kind, count] of Object.entries(report.crashes).sort()) console.log(`  kill -9 ${kind}: ${count}`);
console.log(`txs committed: ${report.txsCommitted} (${Object.entries(report.txsByKind).map(([kind, count]) => `${kind} ${count}`).join(', ')})`);
console.log(`dex auctions: ${report.orderFills} order fills, ${report.poolFills} fills of the AMM pool`);
console.log(`heights checked: ${report.heightsChecked} (same block and app hash on all 4 nodes; txs by hash, sequences, invariants, supply)`);
console.log(`txs in a node's block but missing from its CometBFT tx index: ${report.txIndexGaps.length}${report.txIndexGaps.length > 0 ? ` (${[...new Set(report.txIndexGaps)].join(', ')})` : ''}`);
console.log(`catch-up: median ${(median / 1000).toFixed(1)} s, max ${((sorted.at(-1) ?? 0) / 1000).toFixed(1)} s`);
console.log(`all checks passed in ${report.seconds.toFixed(0)} s`);
