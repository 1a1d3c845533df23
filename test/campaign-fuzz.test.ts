// The fuzz campaign's short mode (50,000 inputs) as CI runs it: the script itself, started as a
// user would, must exit 0 with no violation, every target reached and the state check passed.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CampaignResult } from '../scripts/campaign/fuzz/campaign.js';
import { projectRoot } from './helpers/cometbft.js';

const SCRIPT = join(projectRoot(), 'dist', 'scripts', 'campaign', 'fuzz.js');

describe('npm run campaign:fuzz -- --short', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-campaign-fuzz-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('sends 50,000 bad inputs to every target and finds no violation', { timeout: 600_000 }, async () => {
    const json = join(dir, 'result.json');
    const child = spawn(process.execPath, [SCRIPT, '--short', '--seed', '7', '--json', json], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    // The whole report, so a failure says which input broke what (reproducible with --seed 7).
    assert.equal(code, 0, `the campaign failed:\n${output}`);
    const result = JSON.parse(readFileSync(json, 'utf8')) as CampaignResult;
    assert.equal(result.violationCount, 0, output);
    assert.deepEqual(result.targets.map((t) => t.target), ['checktx-direct', 'checktx-rpc', 'abci', 'rest', 'grpc']);
    assert.equal(result.targets.reduce((n, t) => n + t.inputs, 0), 50_000);
    for (const t of result.targets) assert.ok(t.probes > 0, `${t.target} was probed for liveness`);
    assert.match(output, /app hash [0-9a-f]+… equals a fresh chain's that executed only the valid txs/);
    assert.match(output, /the devnet's \d+ blocks hold \d+ txs, exactly the \d+ valid ones; balances match/);
  });
});
