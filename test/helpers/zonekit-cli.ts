// The `zonekit` command as tests drive it: run it, or run it and assert how it ended.
import assert from 'node:assert/strict';
import { runZonekit } from '../../scripts/lib/zonekit-cli.js';

export { runZonekit, type ZonekitRun } from '../../scripts/lib/zonekit-cli.js';

/** Runs `zonekit args`, asserts it succeeded, returns its stdout. */
export async function zonekitOk(args: readonly string[], input = ''): Promise<string> {
  const run = await runZonekit(args, input);
  assert.equal(run.code, 0, `zonekit ${args.join(' ')} failed:\n${run.stderr}${run.stdout}`);
  return run.stdout;
}

/** Runs `zonekit args`, asserts it failed with stderr matching `pattern`, returns its stderr. */
export async function zonekitFails(args: readonly string[], pattern: RegExp, input = ''): Promise<string> {
  const run = await runZonekit(args, input);
  assert.notEqual(run.code, 0, `zonekit ${args.join(' ')} should fail, printed:\n${run.stdout}`);
  assert.match(run.stderr, pattern);
  return run.stderr;
}
