// zonekit as a package other repositories use: `npm pack`, then a fresh repository
// (test/fixtures/greeter-zone) with the tarball unpacked as its node_modules/zonekit and the
// other dependencies linked from this checkout's node_modules (no registry needed). There a
// module of its own (greeter) is composed with auth and bank through the public entry points,
// type-checked against the emitted .d.ts, run in the test kit, and given its own CLI; and
// `zonekit/client` is loaded in a fresh process to see that no server code comes with it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { cometbftBinary, projectRoot } from '../cli/binaries.js';

const root = projectRoot();
const fixture = join(root, 'test', 'fixtures', 'greeter-zone');

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Ran {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function ok(ran: Ran, what: string): string {
  assert.equal(ran.status, 0, `${what} exited ${ran.status}:\n${ran.stdout}\n${ran.stderr}`);
  return ran.stdout;
}

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: Array<{ path: string }>;
}

/** Every file an `exports` entry names, with `./modules/*` expanded over the packed modules. */
function exportTargets(pkgDir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { exports: Record<string, string | Record<string, string>> };
  const modules = readdirSync(join(pkgDir, 'dist', 'modules'));
  const targets: string[] = [];
  for (const [key, value] of Object.entries(pkg.exports)) {
    const files = typeof value === 'string' ? [value] : Object.values(value);
    for (const file of files) {
      if (key.includes('*')) targets.push(...modules.map((m) => file.replace('*', m)));
      else targets.push(file);
    }
  }
  return targets;
}

/** The specifiers a user imports: every `exports` key, with each module for `./modules/*`. */
function entrySpecifiers(pkgDir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  const modules = readdirSync(join(pkgDir, 'dist', 'modules'));
  return Object.keys(pkg.exports)
    .filter((key) => key !== './package.json')
    .flatMap((key) => (key.includes('*') ? modules.map((m) => key.replace('*', m)) : [key]))
    .map((key) => `zonekit${key.slice(1)}`);
}

const SERVER_PACKAGES = /\/node_modules\/(lmdb|fastify|@fastify\/[^/]+|@grpc\/grpc-js|pino|secp256k1)\//;

describe('the zonekit package, installed in a repository of its own', () => {
  let dir: string;
  let consumer: string;
  let installed: string;
  let packed: Packed;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'zonekit-package-'));
    // Scripts off: dist is this test's own build (prepack would rebuild it under our feet).
    const out = ok(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], root), 'npm pack');
    packed = (JSON.parse(out) as Packed[])[0]!;
    renameSync(join(dir, packed.filename), join(dir, 'zonekit.tgz'));
    consumer = join(dir, 'greeter-zone');
    cpSync(fixture, consumer, { recursive: true });
    const modules = join(consumer, 'node_modules');
    mkdirSync(modules);
    for (const name of readdirSync(join(root, 'node_modules'))) {
      if (name.startsWith('.') || name === 'zonekit') continue;
      symlinkSync(realpathSync(join(root, 'node_modules', name)), join(modules, name));
    }
    installed = join(modules, 'zonekit');
    mkdirSync(installed);
    ok(run('tar', ['-xzf', join(dir, 'zonekit.tgz'), '-C', installed, '--strip-components=1'], dir), 'tar');
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('packs what every export points to, and no tests', () => {
    console.log(`npm pack: ${packed.filename}, ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.entryCount} files`);
    for (const target of exportTargets(installed)) assert.ok(existsSync(join(installed, target)), `exports names ${target}, which the package lacks`);
    const paths = packed.files.map((f) => f.path);
    assert.deepEqual(paths.filter((p) => /\.test\.|^dist\/test\/|^dist\/scripts\/(?!lib\/)/.test(p)), []);
    // The shipped CLI's own imports (scripts/lib is part of it until the node/ folder exists).
    assert.ok(paths.includes('dist/cli/main.js') && paths.includes('dist/scripts/lib/processes.js'));
  });

  it("type-checks the zone's own code against the emitted declarations", () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    ok(run(process.execPath, [tsc, '-p', 'tsconfig.json'], consumer), 'tsc in the new repository');
  });

  it('loads every entry point', () => {
    const specifiers = entrySpecifiers(installed);
    assert.ok(specifiers.includes('zonekit/modules/bank') && specifiers.includes('zonekit/client'), specifiers.join(' '));
    const script = `for (const s of ${JSON.stringify(specifiers)}) { const m = await import(s); if (Object.keys(m).length === 0) throw new Error(s + ' exports nothing'); }`;
    ok(run(process.execPath, ['--input-type=module', '-e', script], consumer), 'importing every entry point');
  });

  it('runs its module with auth and bank in the test kit: a signed MsgSetGreeting, then the query', () => {
    const seen = JSON.parse(ok(run(process.execPath, ['dist/run.js'], consumer), 'dist/run.js')) as {
      app: string;
      modules: string[];
      delivered: { code: number; log: string; events: string[] };
      tooLong: { code: number; codespace: string; log: string };
      query: { code: number; text: string };
      keeperSays: string;
    };
    assert.equal(seen.app, 'greeter');
    assert.deepEqual(seen.modules, ['auth', 'bank', 'greeter']);
    assert.equal(seen.delivered.code, 0, seen.delivered.log);
    assert.ok(seen.delivered.events.includes('greeting'), seen.delivered.events.join(', '));
    assert.deepEqual({ code: seen.tooLong.code, codespace: seen.tooLong.codespace }, { code: 2, codespace: 'greeter' });
    assert.match(seen.tooLong.log, /greeting too long/);
    assert.deepEqual(seen.query, { code: 0, text: 'hello from greeter' });
    assert.equal(seen.keeperSays, 'hello from greeter');
  });

  it("builds the zone's own CLI with createCli: its name, version and genesis", () => {
    const version = JSON.parse(ok(run(process.execPath, ['dist/cli.js', 'version', '--long', '-o', 'json'], consumer), 'greeterd version')) as { name: string; version: string; commit: string };
    assert.deepEqual({ name: version.name, version: version.version, commit: version.commit }, { name: 'greeter', version: '0.0.1', commit: '' });
    assert.match(ok(run(process.execPath, ['dist/cli.js', '--help'], consumer), 'greeterd --help'), /^Usage: greeterd /);
    // init writes every module's default genesis: this app's modules, not the default zone's.
    const home = join(dir, 'greeter-home');
    const env = { ...process.env, PATH: `${dirname(cometbftBinary())}${delimiter}${process.env.PATH ?? ''}` };
    ok(run(process.execPath, ['dist/cli.js', 'init', 'node0', '--chain-id', 'greeter-1', '--home', home], consumer, env), 'greeterd init');
    const genesis = JSON.parse(readFileSync(join(home, 'config', 'genesis.json'), 'utf8')) as { chain_id: string; app_state: Record<string, unknown> };
    assert.equal(genesis.chain_id, 'greeter-1');
    assert.deepEqual(Object.keys(genesis.app_state), ['auth', 'bank']);
  });

  it('ships the zonekit binary for the default zone', () => {
    const out = ok(run(process.execPath, [join(installed, 'dist', 'cli', 'main.js'), 'version', '-o', 'json'], consumer), 'zonekit version');
    assert.equal((JSON.parse(out) as { name: string }).name, 'zonekit');
  });

  it('zonekit/client loads codecs only: no LMDB, fastify, gRPC server or keeper', () => {
    const load = (specifier: string, log: string) =>
      JSON.parse(ok(run(process.execPath, ['loaded.mjs', specifier, join(dir, log)], consumer), `loading ${specifier}`)) as { exports: string[]; loaded: string[] };
    const client = load('zonekit/client', 'client.log');
    for (const name of ['zonekitRegistryTypes', 'createZonekitAminoConverters', 'counter', 'amm', 'dex', 'registryTypes']) assert.ok(client.exports.includes(name), `zonekit/client lacks ${name}`);
    assert.deepEqual(client.loaded.filter((url) => SERVER_PACKAGES.test(url)), []);
    const own = client.loaded.filter((url) => url.includes('/node_modules/zonekit/dist/'));
    assert.ok(own.length > 0, 'the check saw none of zonekit/client itself');
    assert.deepEqual(own.filter((url) => /\/(keeper|module|baseapp|store|rest|grpc-server|cli)[/.]/.test(url)), []);
    // The same check on the state machine's entry does see the store: it can tell.
    const full = load('zonekit', 'full.log');
    assert.ok(full.loaded.some((url) => /\/node_modules\/lmdb\//.test(url)), 'the check missed lmdb in the main entry');
  });
});
