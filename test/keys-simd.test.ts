// Keys and debug output against the real simd (ibc-go v8, Cosmos SDK v0.50): a key simd
// exports imports into zonekit with the same address and the other way round, and `debug` /
// `keys parse` print what simd prints. simd runs with its own HOME (it writes ~/.simapp).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simdBinary } from '../scripts/lib/simd.js';
import { zonekitFails as fails, zonekitOk as ok } from './helpers/zonekit-cli.js';

const ARMOR = /-----BEGIN TENDERMINT PRIVATE KEY-----\n[\s\S]*?\n-----END TENDERMINT PRIVATE KEY-----/;

describe('keys and debug against the real simd', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-keys-simd-'));
  const simdHome = join(dir, 'simd');
  const zoneKeys = ['--home', join(dir, 'zone'), '--keyring-backend', 'test'];

  /** simd's stdout and stderr together (cobra prints much of its output on stderr); asserts it exited 0. */
  function simd(args: readonly string[], input = ''): string {
    const run = spawnSync(simdBinary(), args, { input, encoding: 'utf8', env: { ...process.env, HOME: dir }, timeout: 60_000 });
    assert.equal(run.status, 0, `simd ${args.join(' ')} failed:\n${run.stderr}${run.stdout}`);
    return `${run.stdout}${run.stderr}`;
  }
  const simdKeys = (...args: string[]) => [...args, '--home', simdHome, '--keyring-backend', 'test'];

  it('a key simd exports imports into zonekit with the same address', async () => {
    simd(simdKeys('keys', 'add', 'from-simd'));
    const address = simd(simdKeys('keys', 'show', 'from-simd', '-a')).trim();
    const armor = ARMOR.exec(simd(simdKeys('keys', 'export', 'from-simd'), 'simd export pass\n'))?.[0];
    assert.ok(armor, 'simd printed no armor');
    assert.match(armor, /\nkdf: argon2\n/);
    const file = join(dir, 'from-simd.armor');
    writeFileSync(file, `${armor}\n`);
    await fails(['keys', 'import', 'from-simd', file, ...zoneKeys], /wrong passphrase for the exported key/, 'not the pass\n');
    const imported = JSON.parse(await ok(['keys', 'import', 'from-simd', file, ...zoneKeys, '-o', 'json'], 'simd export pass\n'));
    assert.equal(imported.address, address);
  });

  it('a key zonekit exports imports into simd with the same address', async () => {
    const { address } = JSON.parse(await ok(['keys', 'add', 'from-zone', ...zoneKeys, '-o', 'json']));
    const armor = await ok(['keys', 'export', 'from-zone', ...zoneKeys], 'zone export pass\n');
    const file = join(dir, 'from-zone.armor');
    writeFileSync(file, armor);
    const wrong = spawnSync(simdBinary(), simdKeys('keys', 'import', 'wrong', file), { input: 'not the pass\n', encoding: 'utf8', env: { ...process.env, HOME: dir } });
    assert.notEqual(wrong.status, 0);
    simd(simdKeys('keys', 'import', 'from-zone', file), 'zone export pass\n');
    assert.equal(simd(simdKeys('keys', 'show', 'from-zone', '-a')).trim(), address);
  });

  it('debug and keys parse print what simd prints', async () => {
    const { address, pubkey } = JSON.parse(await ok(['keys', 'show', 'from-zone', ...zoneKeys, '-o', 'json']));
    const key = (JSON.parse(pubkey) as { key: string }).key;
    const hex = Buffer.from(key, 'base64').toString('hex');
    for (const args of [
      ['debug', 'addr', address],
      ['debug', 'addr', (await ok(['keys', 'show', 'from-zone', '--bech', 'val', '-a', ...zoneKeys])).trim()],
      ['debug', 'pubkey', pubkey],
      ['debug', 'pubkey-raw', key],
      ['debug', 'pubkey-raw', hex, '-t', 'secp256k1'],
      ['debug', 'pubkey-raw', Buffer.alloc(32, 7).toString('hex')],
      ['debug', 'raw-bytes', '[1 2 3 100]'],
      ['keys', 'parse', address],
      ['keys', 'parse', 'B4A0DCC2A0F0F1D6A5A8A5B1C3D4E5F60718293A'],
    ]) {
      assert.equal(await ok([...args, '--home', join(dir, 'zone')]), simd([...args, '--home', simdHome]), args.join(' '));
    }
  });
});
