// The campaign's figures as text: per target and per generator, rates, memory, violations.
import type { CampaignResult } from './campaign.js';

function rate(n: number, seconds: number): string {
  return seconds > 0 ? `${Math.round(n / seconds)}/s` : '-';
}

export function formatReport(result: CampaignResult): string {
  const lines: string[] = ['', `== zonekit fuzz campaign: seed ${result.seed}, ${result.total} inputs, ${result.seconds.toFixed(1)} s ==`];
  for (const t of result.targets) {
    lines.push(`${t.target}: ${t.inputs} inputs in ${t.seconds.toFixed(1)} s (${rate(t.inputs, t.seconds)}), ${t.probes} liveness probes, RSS ${t.rss.beforeMiB.toFixed(0)} -> ${t.rss.afterMiB.toFixed(0)} MiB${t.rss.liveHeapAfterMiB !== undefined ? `, live heap ${t.rss.liveHeapBeforeMiB!.toFixed(0)} -> ${t.rss.liveHeapAfterMiB.toFixed(0)} MiB` : ''} (${t.rss.process})`);
    for (const [name, g] of Object.entries(t.generators)) {
      const answers = Object.entries(g.answers)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([a, n]) => `${a} ${n}`)
        .join(', ');
      lines.push(`  ${name.padEnd(24)} ${String(g.inputs).padStart(8)}  ${answers}`);
    }
    for (const note of t.notes) lines.push(`  ${note}`);
  }
  lines.push(result.violationCount === 0 ? 'violations: none' : `VIOLATIONS: ${result.violationCount} (samples below)`);
  for (const v of result.violations) lines.push(`  [${v.target}] ${v.generator} input ${v.input}: ${v.what}`);
  return lines.join('\n');
}
