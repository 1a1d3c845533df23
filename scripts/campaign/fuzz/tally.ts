// Counts and violations of a campaign run: per target and per generator, what was sent, how
// the node answered, and every broken promise (kept as a few samples per kind to reproduce).
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Violation {
  target: string;
  generator: string;
  /** Index of the input within its target: with the seed, enough to make it again. */
  input: number;
  what: string;
}

export interface TargetReport {
  target: string;
  inputs: number;
  seconds: number;
  /** Inputs per generator, and how they were answered (answer kind -> count). */
  generators: Record<string, { inputs: number; answers: Record<string, number> }>;
  rss: { beforeMiB: number; afterMiB: number; process: string; liveHeapBeforeMiB?: number; liveHeapAfterMiB?: number };
  probes: number;
  notes: string[];
}

const MAX_SAMPLES_PER_KIND = 5;

export class Tally {
  readonly violations: Violation[] = [];
  private readonly violationKinds = new Map<string, number>();
  readonly report: TargetReport;
  private readonly started = performance.now();

  constructor(target: string, rss: { beforeMiB: number; process: string }) {
    this.report = { target, inputs: 0, seconds: 0, generators: {}, rss: { ...rss, afterMiB: rss.beforeMiB }, probes: 0, notes: [] };
  }

  /** One input from `generator`, answered as `answer` (e.g. "code 2 (sdk)", "http 400"). */
  count(generator: string, answer: string): number {
    const entry = (this.report.generators[generator] ??= { inputs: 0, answers: {} });
    entry.inputs++;
    entry.answers[answer] = (entry.answers[answer] ?? 0) + 1;
    return this.report.inputs++;
  }

  violation(generator: string, input: number, what: string): void {
    const kind = `${generator}: ${what.slice(0, 80)}`;
    const seen = this.violationKinds.get(kind) ?? 0;
    this.violationKinds.set(kind, seen + 1);
    if (seen < MAX_SAMPLES_PER_KIND) this.violations.push({ target: this.report.target, generator, input, what });
  }

  get violationCount(): number {
    let n = 0;
    for (const count of this.violationKinds.values()) n += count;
    return n;
  }

  finish(afterMiB: number): TargetReport {
    this.report.seconds = (performance.now() - this.started) / 1000;
    this.report.rss.afterMiB = afterMiB;
    return this.report;
  }
}

/** Resident memory of a process (VmRSS), in MiB. */
export function rssMiB(pid: number = process.pid): number {
  if (pid === process.pid) return process.memoryUsage().rss / 2 ** 20;
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return NaN; // the process is gone: a crash, reported as such by the liveness probe
  }
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** How a process's memory may grow over a target before it counts as unbounded. */
export const MAX_RSS_GROWTH_MIB = 768;

/**
 * This process's live JS heap after a full collection, in MiB: what it still holds, unlike RSS,
 * which keeps the high-water mark of garbage (10 MB memos) the allocator has not returned.
 */
export function liveHeapMiB(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}
