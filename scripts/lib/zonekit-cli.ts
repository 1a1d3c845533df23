// Runs the built `zonekit` command (dist/cli/main.js) as a user would, capturing its output:
// the CLI, ceremony and exchange tests all drive it this way.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './cometbft.js';

export interface ZonekitRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `zonekit args` with `input` on stdin; resolves when it exits, whatever its code. */
export function runZonekit(args: readonly string[], input = ''): Promise<ZonekitRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(projectRoot(), 'dist', 'cli', 'main.js'), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
