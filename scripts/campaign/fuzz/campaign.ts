// One campaign run: the input budget split over the targets, each run in turn with its own
// seeded stream, the devnet started once for the targets that need it and always stopped.
import { runAbci } from './abci.js';
import { startFuzzDevnet, type FuzzDevnet } from './devnet.js';
import { runDirect } from './direct.js';
import { runGrpc } from './grpc.js';
import { runRest } from './rest.js';
import { runRpc } from './rpc.js';
import { Rng } from './rng.js';
import { MAX_RSS_GROWTH_MIB, type TargetReport, type Tally, type Violation } from './tally.js';

export const TARGETS = ['checktx-direct', 'checktx-rpc', 'abci', 'rest', 'grpc'] as const;
export type TargetName = (typeof TARGETS)[number];

/** Share of the inputs each target gets: in-process CheckTx is cheapest, so it takes the most. */
const SHARES: Record<TargetName, number> = { 'checktx-direct': 0.7, 'checktx-rpc': 0.12, abci: 0.1, rest: 0.04, grpc: 0.04 };

export interface CampaignOptions {
  total: number;
  seed: number;
  only?: readonly TargetName[];
  log: (line: string) => void;
}

export interface CampaignResult {
  seed: number;
  total: number;
  seconds: number;
  targets: TargetReport[];
  violations: Violation[];
  violationCount: number;
}

export function planInputs(total: number, targets: readonly TargetName[]): Map<TargetName, number> {
  const shares = targets.reduce((sum, t) => sum + SHARES[t], 0);
  const plan = new Map<TargetName, number>();
  let left = total;
  targets.forEach((t, i) => {
    const n = i === targets.length - 1 ? left : Math.round((total * SHARES[t]) / shares);
    plan.set(t, n);
    left -= n;
  });
  return plan;
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const targets = options.only ?? TARGETS;
  const plan = planInputs(options.total, targets);
  const seeds = new Rng(options.seed);
  const seedOf = new Map(TARGETS.map((t) => [t, seeds.u32()]));
  const started = performance.now();
  const tallies: Tally[] = [];
  options.log(`zonekit fuzz campaign: seed ${options.seed}, ${options.total} inputs (${[...plan].map(([t, n]) => `${t} ${n}`).join(', ')})`);

  const needsDevnet = targets.some((t) => t === 'checktx-rpc' || t === 'rest' || t === 'grpc');
  let devnet: FuzzDevnet | undefined;
  try {
    for (const target of targets) {
      const inputs = plan.get(target)!;
      const seed = seedOf.get(target)!;
      options.log(`${target}: ${inputs} inputs (seed ${seed})`);
      if (needsDevnet && devnet === undefined && target !== 'checktx-direct' && target !== 'abci') devnet = await startFuzzDevnet(options.log);
      const run = { inputs, seed, log: options.log };
      let result: { tally: Tally };
      if (target === 'checktx-direct') result = await runDirect(run);
      else if (target === 'abci') result = await runAbci(run);
      else if (target === 'checktx-rpc') result = await runRpc({ ...run, devnet: devnet! });
      else if (target === 'rest') result = await runRest({ ...run, devnet: devnet! });
      else result = await runGrpc({ ...run, devnet: devnet! });
      // In-process, the live heap is the measure (RSS keeps the high-water mark of garbage); else RSS.
      const { rss } = result.tally.report;
      const [before, after, what] = rss.liveHeapAfterMiB !== undefined ? [rss.liveHeapBeforeMiB!, rss.liveHeapAfterMiB, 'live heap'] : [rss.beforeMiB, rss.afterMiB, 'RSS'];
      if (!(after - before <= MAX_RSS_GROWTH_MIB)) {
        result.tally.violation('memory', inputs, `${rss.process}: ${what} grew from ${before.toFixed(0)} to ${after.toFixed(0)} MiB`);
      }
      tallies.push(result.tally);
      options.log(`${target}: done in ${result.tally.report.seconds.toFixed(1)} s, ${result.tally.violationCount} violations`);
    }
    if (devnet !== undefined) {
      const devnetTally = tallies.find((t) => t.report.target === 'checktx-rpc') ?? tallies.at(-1);
      try {
        await devnet.verifyState(devnetTally);
      } catch (err) {
        devnetTally?.violation('state', 0, `the devnet's state could not be checked: ${err instanceof Error ? err.message : String(err)}\n${devnet.logTail()}`);
      }
    }
  } finally {
    await devnet?.close();
  }
  return {
    seed: options.seed,
    total: options.total,
    seconds: (performance.now() - started) / 1000,
    targets: tallies.map((t) => t.report),
    violations: tallies.flatMap((t) => t.violations),
    violationCount: tallies.reduce((n, t) => n + t.violationCount, 0),
  };
}
