// Summarizes a V8 .cpuprofile (node --cpu-prof): where the time went, by function (self and
// inclusive) and by file, with paths relative to the project so hot spots point at our code.
// Run: node dist/scripts/bench/cpuprofile.js <file.cpuprofile> [--top 25]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../lib/cometbft.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  selfByFunction: Array<[string, number]>;
  selfByFile: Array<[string, number]>;
  inclusiveByFunction: Array<[string, number]>;
}

function where(url: string): string {
  if (url === '') return '';
  const root = `file://${projectRoot()}/`;
  let path = url.startsWith(root) ? url.slice(root.length) : url;
  path = path.replace(/^dist\//, '');
  return path.startsWith('file://') ? fileURLToPath(path) : path;
}

const functionKey = (n: ProfileNode): string => {
  const file = where(n.callFrame.url);
  const name = n.callFrame.functionName || '(anonymous)';
  return file === '' ? name : `${name}  ${file}:${n.callFrame.lineNumber + 1}`;
};

const sorted = (map: Map<string, number>, top: number): Array<[string, number]> =>
  [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);

export function summarizeProfile(path: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const selfByFunction = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    totalMs += ms;
    if (node.callFrame.functionName === '(idle)') idleMs += ms;
    const key = functionKey(node);
    selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + ms);
    const file = where(node.callFrame.url) || node.callFrame.functionName;
    selfByFile.set(file, (selfByFile.get(file) ?? 0) + ms);
    // Every distinct function on the stack gets this sample once (recursion counted once).
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = functionKey(byId.get(at)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  }
  return { totalMs, idleMs, selfByFunction: sorted(selfByFunction, top), selfByFile: sorted(selfByFile, top), inclusiveByFunction: sorted(inclusive, top) };
}

export function formatProfile(summary: ProfileSummary): string {
  const busy = summary.totalMs - summary.idleMs;
  const pct = (ms: number) => `${((100 * ms) / busy).toFixed(1).padStart(5)}%`;
  const table = (rows: Array<[string, number]>) =>
    rows.filter(([k]) => k !== '(idle)' && k !== '(root)').map(([k, ms]) => `  ${pct(ms)}  ${k}`).join('\n');
  return [
    `profile: ${(summary.totalMs / 1000).toFixed(1)} s sampled, ${(summary.idleMs / 1000).toFixed(1)} s idle; percentages are of the ${(busy / 1000).toFixed(1)} s busy`,
    'self time by function:',
    table(summary.selfByFunction),
    'self time by file:',
    table(summary.selfByFile),
    'inclusive time by function:',
    table(summary.inclusiveByFunction),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (file === undefined) {
    console.error('usage: node dist/scripts/bench/cpuprofile.js <file.cpuprofile> [--top N]');
    process.exit(2);
  }
  const topIndex = process.argv.indexOf('--top');
  console.log(formatProfile(summarizeProfile(file, topIndex > 0 ? Number(process.argv[topIndex + 1]) : 25)));
}
