// The figures of a run, from what the client saw: when each block was committed, which txs
// each block holds, and when each tx's broadcast began.
import { readFileSync } from 'node:fs';
import { percentile } from '../stats.js';

export interface RunFigures {
  fromHeight: number;
  toHeight: number;
  seconds: number;
  committedTxs: number;
  txPerSecond: number;
  blockSeconds: number;
  txPerBlock: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencySamples: number;
}

/**
 * Sustained rate over the blocks committed inside [fromMs, toMs]: the txs of every block after
 * the first one in the window, over the time between the first and the last commit.
 */
export function measure(
  committedAt: ReadonlyMap<number, number>,
  txHeights: ReadonlyMap<number, number[]>,
  sentAt: Float64Array,
  fromMs: number,
  toMs: number,
): RunFigures {
  const heights = [...committedAt.entries()].filter(([, t]) => t >= fromMs && t <= toMs).map(([h]) => h).sort((a, b) => a - b);
  if (heights.length < 2) throw new Error('fewer than two blocks were committed in the measured window; run longer');
  const fromHeight = heights[0]!;
  const toHeight = heights.at(-1)!;
  let committedTxs = 0;
  for (let h = fromHeight + 1; h <= toHeight; h++) committedTxs += txHeights.get(h)?.length ?? 0;
  const seconds = (committedAt.get(toHeight)! - committedAt.get(fromHeight)!) / 1000;

  // Latency of every tx first broadcast inside the window, wherever it was committed.
  const latencies: number[] = [];
  for (const [height, indexes] of txHeights) {
    const at = committedAt.get(height);
    if (at === undefined) continue;
    for (const i of indexes) {
      const sent = sentAt[i]!;
      if (sent >= fromMs && sent <= toMs) latencies.push(at - sent);
    }
  }
  return {
    fromHeight,
    toHeight,
    seconds,
    committedTxs,
    txPerSecond: committedTxs / seconds,
    blockSeconds: seconds / (toHeight - fromHeight),
    txPerBlock: committedTxs / (toHeight - fromHeight),
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    latencySamples: latencies.length,
  };
}

/** Peak resident memory (VmHWM) of a live process, in MiB; Linux only. */
export function peakRssMiB(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a process has used so far; Linux only, assumes 100 ticks per second. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th of them.
    const rest = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(rest[11]) + Number(rest[12])) / 100;
  } catch {
    return undefined;
  }
}
