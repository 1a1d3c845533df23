/**
 * Reliability campaign, fuzzing: generated bad input against every way into a zone, checking
 * that the node never crashes or stalls, answers every bad input with an error, keeps its
 * memory bounded, and ends in the state its valid txs alone produce.
 * Targets: CheckTx in-process and through CometBFT's broadcast_tx_sync on a one-node devnet;
 * raw ABCI frames on the app's socket (no CometBFT); REST and gRPC requests.
 * Run: npm run campaign:fuzz -- [--short] [--seed N] [--inputs N] [--only target,...] [--json file]
 * --short: 50,000 inputs in all (CI); default 1,000,000. Exits 1 on any violation.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runCampaign, TARGETS, type TargetName } from './fuzz/campaign.js';
import { formatReport } from './fuzz/report.js';

const { values: flags } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    inputs: { type: 'string' },
    only: { type: 'string' },
    json: { type: 'string' },
  },
});

const total = flags.inputs !== undefined ? Number(flags.inputs) : flags.short ? 50_000 : 1_000_000;
const seed = Number(flags.seed);
if (!Number.isSafeInteger(total) || total <= 0) throw new Error(`--inputs must be a positive whole number, got ${flags.inputs}`);
if (!Number.isSafeInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new Error(`--seed must be a whole number in [0, 2^32), got ${flags.seed}`);
const only = flags.only?.split(',').map((t) => t.trim()) as TargetName[] | undefined;
for (const name of only ?? []) if (!TARGETS.includes(name)) throw new Error(`--only takes ${TARGETS.join(', ')}; got ${name}`);

const log = (line: string): void => console.log(line);
runCampaign({ total, seed, ...(only ? { only } : {}), log })
  .then((result) => {
    log(formatReport(result));
    if (flags.json !== undefined) writeFileSync(flags.json, `${JSON.stringify(result, null, 2)}\n`);
    if (result.violations.length > 0) process.exitCode = 1;
  })
  .catch((err: unknown) => {
    console.error(`campaign failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  });
