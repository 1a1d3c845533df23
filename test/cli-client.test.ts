// The CLI habits simd users bring, offline (no node): client.toml and `zonekit config`, the
// keys commands (show --bech, rename, mnemonic, parse, export/import), `debug`, and shell
// completion. Every run is the built CLI in a temp home with the test keyring.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { freePorts } from './helpers/processes.js';
import { zonekitFails as fails, zonekitOk as ok } from './helpers/zonekit-cli.js';

const ABANDON = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const ABANDON_ADDRESS = 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4';
const ABANDON_PUBKEY = 'Ak9OKtmcNNYLm6YoPJQxqEGK+GcyEpYfl6d7Y3f80Fti';
const newHome = () => mkdtempSync(join(tmpdir(), 'zonekit-client-'));

/** A home made by `zonekit init`, with the abandon key in its test keyring. */
async function initHome(chainId = 'client-test-1'): Promise<{ home: string; keys: string[] }> {
  const home = newHome();
  await ok(['init', 'node', '--chain-id', chainId, '--home', home]);
  const keys = ['--home', home, '--keyring-backend', 'test'];
  await ok(['keys', 'add', 'abandon', '--recover', ...keys], `${ABANDON}\n`);
  return { home, keys };
}

describe('client.toml and zonekit config', () => {
  it('init writes client.toml as simd does, with the chain id; config get|view|home and the older config <key> read it', async () => {
    const { home } = await initHome('my-chain-7');
    const toml = readFileSync(join(home, 'config', 'client.toml'), 'utf8');
    assert.match(toml, /^chain-id = "my-chain-7"$/m);
    assert.match(toml, /^keyring-backend = "file"$/m);
    assert.match(toml, /^output = "text"$/m);
    assert.match(toml, /^node = "tcp:\/\/localhost:26657"$/m);
    assert.match(toml, /^broadcast-mode = "block"$/m);
    assert.equal(JSON.parse(await ok(['config', 'get', 'client', 'chain-id', '--home', home])), 'my-chain-7');
    assert.equal(JSON.parse(await ok(['config', 'get', 'client', 'node', '--home', home])), 'tcp://localhost:26657');
    assert.equal((await ok(['config', 'chain-id', '--home', home])).trim(), 'my-chain-7');
    assert.equal(JSON.parse(await ok(['config', 'chain-id', '--home', home, '-o', 'json'])), 'my-chain-7');
    assert.deepEqual(JSON.parse(await ok(['config', 'view', 'client', '--home', home, '-o', 'json'])), {
      'chain-id': 'my-chain-7',
      'keyring-backend': 'file',
      output: 'text',
      node: 'tcp://localhost:26657',
      'broadcast-mode': 'block',
    });
    assert.equal((await ok(['config', 'home', '--home', home])).trim(), home);
  });

  it('config set writes a key (making the file if missing); the older config <key> <value> too', async () => {
    const home = newHome();
    assert.equal(existsSync(join(home, 'config', 'client.toml')), false);
    assert.equal(JSON.parse(await ok(['config', 'get', 'client', 'output', '--home', home])), 'text');
    await ok(['config', 'set', 'client', 'chain-id', 'other-1', '--home', home]);
    await ok(['config', 'broadcast-mode', 'async', '--home', home]);
    const all = JSON.parse(await ok(['config', '--home', home]));
    assert.equal(all['chain-id'], 'other-1');
    assert.equal(all['broadcast-mode'], 'async');
    assert.match(readFileSync(join(home, 'config', 'client.toml'), 'utf8'), /^# The network chain ID\nchain-id = "other-1"$/m);
  });

  it('an unknown key is refused in one sentence listing the keys; a bad value names what is allowed', async () => {
    const home = newHome();
    const valid = /unknown client\.toml key "bogus": the keys are chain-id, keyring-backend, output, node, broadcast-mode\./;
    await fails(['config', 'set', 'client', 'bogus', 'x', '--home', home], valid);
    await fails(['config', 'get', 'client', 'bogus', '--home', home], valid);
    await fails(['config', 'bogus', '--home', home], valid);
    await fails(['config', 'set', 'client', 'output', 'yaml', '--home', home], /invalid output "yaml": expected one of text, json/);
    await fails(['config', 'set', 'client', 'keyring-backend', 'os', '--home', home], /invalid keyring-backend "os": expected one of file, test/);
    await fails(['config', 'set', 'client', 'broadcast-mode', 'commit', '--home', home], /invalid broadcast-mode "commit": expected one of sync, async, block/);
    await fails(['config', 'set', 'client', 'node', 'localhost', '--home', home], /invalid --node "localhost"/);
    await fails(['config', 'set', 'app', 'minimum-gas-prices', '1uatom', '--home', home], /unknown config "app"/);
    assert.equal(existsSync(join(home, 'config', 'client.toml')), false);
  });

  it('every command takes its defaults from client.toml; a flag on the command line wins', async () => {
    const home = newHome();
    await ok(['config', 'set', 'client', 'keyring-backend', 'test', '--home', home]);
    // No --keyring-backend: the test keyring, so no passphrase is asked.
    const added = JSON.parse(await ok(['keys', 'add', 'abandon', '--recover', '--home', home, '-o', 'json'], `${ABANDON}\n`));
    assert.equal(added.address, ABANDON_ADDRESS);
    assert.ok(existsSync(join(home, 'keyring-test', 'abandon.json')));
    await ok(['config', 'set', 'client', 'output', 'json', '--home', home]);
    assert.equal(JSON.parse(await ok(['keys', 'list', '--home', home]))[0].address, ABANDON_ADDRESS);
    assert.match(await ok(['keys', 'list', '--home', home, '-o', 'text']), /^- address: cosmos1/);
    // The file keyring, asked for explicitly, is another (empty) keyring.
    assert.deepEqual(JSON.parse(await ok(['keys', 'list', '--home', home, '--keyring-backend', 'file'])), []);

    const [port, other] = (await freePorts(2)) as [number, number];
    await ok(['config', 'set', 'client', 'node', `tcp://127.0.0.1:${port}`, '--home', home]);
    await fails(['status', '--home', home], new RegExp(`cannot reach the node at tcp://127\\.0\\.0\\.1:${port}`));
    await fails(['query', 'bank', 'balances', 'abandon', '--home', home], new RegExp(`cannot reach the node at tcp://127\\.0\\.0\\.1:${port}`));
    await fails(['status', '--home', home, '--node', `tcp://127.0.0.1:${other}`], new RegExp(`cannot reach the node at tcp://127\\.0\\.0\\.1:${other}`));
  });

  it('a value client.toml cannot hold is refused naming the file, and config set still fixes it', async () => {
    const { home } = await initHome();
    const path = join(home, 'config', 'client.toml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('keyring-backend = "file"', 'keyring-backend = "os"'));
    await fails(['keys', 'list', '--home', home], new RegExp(`${path.replace(/[.]/g, '\\.')}: invalid keyring-backend "os": expected one of file, test`));
    await ok(['config', 'set', 'client', 'keyring-backend', 'test', '--home', home]);
    assert.equal(JSON.parse(await ok(['keys', 'list', '--home', home, '-o', 'json']))[0].name, 'abandon');
  });

  it('testnet init-files homes point client.toml at their own node and keyring', async () => {
    const dir = join(newHome(), 'net');
    await ok(['testnet', 'init-files', '--validators', '2', '--output-dir', dir, '--chain-id', 'net-1', '-o', 'json']);
    const node1 = JSON.parse(await ok(['config', 'view', 'client', '--home', join(dir, 'node1'), '-o', 'json']));
    assert.deepEqual(node1, { 'chain-id': 'net-1', 'keyring-backend': 'test', output: 'text', node: 'tcp://127.0.0.1:26667', 'broadcast-mode': 'block' });
    // Its key lists without --keyring-backend.
    assert.equal(JSON.parse(await ok(['keys', 'list', '--home', join(dir, 'node1'), '-o', 'json']))[0].name, 'node1');
  });
});

describe('keys: show --bech, rename, mnemonic, parse, export and import', () => {
  it('show --bech acc|val|cons, -a, -p, as simd', async () => {
    const { keys } = await initHome();
    const acc = JSON.parse(await ok(['keys', 'show', 'abandon', ...keys, '-o', 'json']));
    assert.deepEqual(acc, { name: 'abandon', type: 'local', address: ABANDON_ADDRESS, pubkey: `{"@type":"/cosmos.crypto.secp256k1.PubKey","key":"${ABANDON_PUBKEY}"}` });
    assert.equal(JSON.parse(await ok(['keys', 'show', 'abandon', '--bech', 'val', ...keys, '-o', 'json'])).address, 'cosmosvaloper19rl4cm2hmr8afy4kldpxz3fka4jguq0ae5egnx');
    assert.equal(await ok(['keys', 'show', 'abandon', '--bech', 'cons', '-a', ...keys]), 'cosmosvalcons19rl4cm2hmr8afy4kldpxz3fka4jguq0ad825l8\n');
    assert.equal(await ok(['keys', 'show', ABANDON_ADDRESS, '-a', ...keys]), `${ABANDON_ADDRESS}\n`);
    assert.deepEqual(JSON.parse(await ok(['keys', 'show', 'abandon', '-p', ...keys])), { '@type': '/cosmos.crypto.secp256k1.PubKey', key: ABANDON_PUBKEY });
    await fails(['keys', 'show', 'abandon', '-a', '-p', ...keys], /cannot use both --address and --pubkey at once/);
    await fails(['keys', 'show', 'abandon', '--bech', 'xyz', ...keys], /invalid Bech32 prefix encoding provided: xyz/);
    await fails(['keys', 'show', 'nobody', ...keys], /no key named "nobody"/);
  });

  it('rename moves a key to a new name; an existing or unknown name is refused', async () => {
    const { keys } = await initHome();
    await ok(['keys', 'add', 'other', ...keys]);
    const renamed = JSON.parse(await ok(['keys', 'rename', 'abandon', 'kept', '-y', ...keys, '-o', 'json']));
    assert.equal(renamed.name, 'kept');
    assert.equal(renamed.address, ABANDON_ADDRESS);
    assert.deepEqual(JSON.parse(await ok(['keys', 'list', ...keys, '-o', 'json'])).map((k: { name: string }) => k.name), ['kept', 'other']);
    await fails(['keys', 'rename', 'kept', 'other', '-y', ...keys], /a key named other already exists/);
    await fails(['keys', 'rename', 'abandon', 'x', '-y', ...keys], /no key named "abandon"/);
    await fails(['keys', 'rename', 'kept', 'again', ...keys], /canceled: the key keeps its name/, 'n\n');
    assert.match(await ok(['keys', 'rename', 'kept', 'again', ...keys], 'y\n'), /Key was successfully renamed from kept to again/);
  });

  it('mnemonic prints a fresh valid 24-word BIP39 mnemonic each time', async () => {
    const home = newHome();
    const first = JSON.parse(await ok(['keys', 'mnemonic', '--home', home, '-o', 'json'])).mnemonic as string;
    const second = (await ok(['keys', 'mnemonic', '--home', home])).trim();
    for (const words of [first, second]) {
      assert.equal(words.split(' ').length, 24);
      assert.ok(validateMnemonic(words, wordlist));
    }
    assert.notEqual(first, second);
  });

  it('parse: hex to every bech32 form with the SDK prefixes; bech32 to its prefix and bytes (simd v0.50.9 output)', async () => {
    const home = newHome();
    assert.equal(
      await ok(['keys', 'parse', '2FFF5C6D57D8CFD492B6FB4261453769648E01FD', '--home', home]),
      [
        'formats:',
        '- cosmos19ll4cm2hmr8afy4kldpxz3fhd9jguq0ay9pav6',
        '- cosmospub19ll4cm2hmr8afy4kldpxz3fhd9jguq0amrdw4l',
        '- cosmosvaloper19ll4cm2hmr8afy4kldpxz3fhd9jguq0ap34gqf',
        '- cosmosvaloperpub19ll4cm2hmr8afy4kldpxz3fhd9jguq0anjvtzv',
        '- cosmosvalcons19ll4cm2hmr8afy4kldpxz3fhd9jguq0a4zx5vg',
        '- cosmosvalconspub19ll4cm2hmr8afy4kldpxz3fhd9jguq0azkhrga',
        '',
        '',
      ].join('\n'),
    );
    assert.equal(JSON.parse(await ok(['keys', 'parse', '2fff5c6d57d8cfd492b6fb4261453769648e01fd', '--home', home, '-o', 'json'])).formats.length, 6);
    assert.equal(await ok(['keys', 'parse', ABANDON_ADDRESS, '--home', home]), 'bytes: 28FF5C6D57D8CFD492B6FB42614536ED648E01FD\nhuman: cosmos\n\n');
    assert.deepEqual(JSON.parse(await ok(['keys', 'parse', ABANDON_ADDRESS, '--home', home, '-o', 'json'])), { human: 'cosmos', bytes: '28FF5C6D57D8CFD492B6FB42614536ED648E01FD' });
    await fails(['keys', 'parse', 'zzz', '--home', home], /couldn't find valid bech32 nor hex data/);
  });

  it('export writes the SDK armor; import reads it back with its passphrase, and refuses a wrong one', async () => {
    const { keys } = await initHome();
    const armor = await ok(['keys', 'export', 'abandon', ...keys], 'export pass\n');
    assert.match(armor, /^-----BEGIN TENDERMINT PRIVATE KEY-----\nkdf: argon2\nsalt: [0-9A-F]{32}\ntype: secp256k1\n\n/);
    const to = ['--home', newHome(), '--keyring-backend', 'test'];
    const file = join(newHome(), 'key.armor');
    writeFileSync(file, armor);
    await fails(['keys', 'import', 'back', file, ...to], /wrong passphrase for the exported key/, 'not it\n');
    assert.equal(JSON.parse(await ok(['keys', 'import', 'back', file, ...to, '-o', 'json'], 'export pass\n')).address, ABANDON_ADDRESS);
    writeFileSync(file, 'not armor');
    await fails(['keys', 'import', 'again', file, ...to], /not an armored key/, 'export pass\n');
  });
});

describe('debug', () => {
  const home = newHome();
  const debug = (...args: string[]) => ok(['debug', ...args, '--home', home]);

  it('addr converts hex and any bech32 form, as simd prints it', async () => {
    const expected = [
      'Address: [40 255 92 109 87 216 207 212 146 182 251 66 97 69 54 237 100 142 1 253]',
      'Address (hex): 28FF5C6D57D8CFD492B6FB42614536ED648E01FD',
      `Bech32 Acc: ${ABANDON_ADDRESS}`,
      'Bech32 Val: cosmosvaloper19rl4cm2hmr8afy4kldpxz3fka4jguq0ae5egnx',
      'Bech32 Con: cosmosvalcons19rl4cm2hmr8afy4kldpxz3fka4jguq0ad825l8',
      '',
    ].join('\n');
    assert.equal(await debug('addr', ABANDON_ADDRESS), expected);
    assert.equal(await debug('addr', '28FF5C6D57D8CFD492B6FB42614536ED648E01FD'), expected);
    assert.equal(await debug('addr', 'cosmosvaloper19rl4cm2hmr8afy4kldpxz3fka4jguq0ae5egnx'), expected);
    assert.equal(JSON.parse(await debug('addr', ABANDON_ADDRESS, '-o', 'json')).bech32_val, 'cosmosvaloper19rl4cm2hmr8afy4kldpxz3fka4jguq0ae5egnx');
    await fails(['debug', 'addr', 'zz', '--home', home], /expected hex or bech32\. Got errors: hex: .*bech32 acc: .*bech32 val: .*bech32 con: /);
  });

  it('pubkey decodes proto JSON (and a legacy bech32 or base64 key) to its address', async () => {
    const expected = 'Address: 28FF5C6D57D8CFD492B6FB42614536ED648E01FD\nPubKey Hex: 024f4e2ad99c34d60b9ba6283c9431a8418af8673212961f97a77b6377fcd05b62\n';
    assert.equal(await debug('pubkey', `{"@type":"/cosmos.crypto.secp256k1.PubKey","key":"${ABANDON_PUBKEY}"}`), expected);
    assert.equal(await debug('pubkey', 'cosmospub1addwnpepqf85u2kens6dvzum5c5re9p34pqc47r8xgffv8uh5aakxalu6pdky2qr0sc'), expected);
    assert.equal(await debug('pubkey', ABANDON_PUBKEY), expected);
    assert.equal(JSON.parse(await debug('pubkey', ABANDON_PUBKEY, '-o', 'json')).address, '28FF5C6D57D8CFD492B6FB42614536ED648E01FD');
    await fails(['debug', 'pubkey', '{"@type":"/cosmos.crypto.secp256k1.PubKey","key":"AAAA"}', '--home', home], /invalid secp256k1 pubkey: "key" must be 33 bytes in base64/);
    await fails(['debug', 'pubkey', 'nonsense', '--home', home], /pubkey "nonsense" invalid/);
  });

  it('pubkey-raw decodes hex, base64 or bech32, as simd prints it (secp256k1 and ed25519)', async () => {
    const secp = [
      'Parsed key as secp256k1',
      'Address: 28FF5C6D57D8CFD492B6FB42614536ED648E01FD',
      `JSON (base64): {"type":"tendermint/PubKeySecp256k1","value":"${ABANDON_PUBKEY}"}`,
      'Bech32 Acc: cosmospub1addwnpepqf85u2kens6dvzum5c5re9p34pqc47r8xgffv8uh5aakxalu6pdky2qr0sc',
      'Bech32 Validator Operator: cosmosvaloperpub1addwnpepqf85u2kens6dvzum5c5re9p34pqc47r8xgffv8uh5aakxalu6pdkyrrxzlt',
    ];
    // The default type is ed25519, as simd's: a 33-byte key is still read as secp256k1, with an empty consensus line.
    assert.equal(await debug('pubkey-raw', ABANDON_PUBKEY), [...secp, 'Bech32 Validator Consensus: ', ''].join('\n'));
    assert.equal(await debug('pubkey-raw', '024f4e2ad99c34d60b9ba6283c9431a8418af8673212961f97a77b6377fcd05b62', '-t', 'secp256k1'), [...secp, ''].join('\n'));
    assert.equal(await debug('pubkey-raw', 'cosmospub1addwnpepqf85u2kens6dvzum5c5re9p34pqc47r8xgffv8uh5aakxalu6pdky2qr0sc', '-t', 'secp256k1'), [...secp, ''].join('\n'));
    const ed = JSON.parse(await debug('pubkey-raw', Buffer.alloc(32, 1).toString('base64'), '-o', 'json'));
    assert.equal(ed.type, 'ed25519');
    assert.match(ed.bech32_validator_consensus, /^cosmosvalconspub1zcjduepq/);
    assert.match(await debug('pubkey-raw', Buffer.alloc(32, 1).toString('hex')), /^Hex: 0101(01)+\nParsed key as ed25519\n/);
    await fails(['debug', 'pubkey-raw', 'zz', '--home', home], /pubkey 'zz' invalid; expected hex, base64, or bech32 of correct size/);
    await fails(['debug', 'pubkey-raw', ABANDON_PUBKEY, '-t', 'rsa', '--home', home], /invalid pubkey type, expected oneof ed25519 or secp256k1/);
  });

  it('raw-bytes turns Go-printed bytes into hex', async () => {
    assert.equal(await debug('raw-bytes', '[72 101 108 108 111 255]'), '48656C6C6FFF\n');
    assert.deepEqual(JSON.parse(await debug('raw-bytes', '[10 20]', '-o', 'json')), { hex: '0A14' });
    await fails(['debug', 'raw-bytes', '[1,2]', '--home', home], /invalid byte "1,2"/);
    await fails(['debug', 'raw-bytes', '[256]', '--home', home], /invalid byte "256"/);
  });
});

describe('completion', () => {
  it('bash: a valid script from the command tree that completes commands, module commands and flags', async () => {
    const script = await ok(['completion', 'bash']);
    const file = join(newHome(), 'zonekit.bash');
    writeFileSync(file, script);
    execFileSync('bash', ['-n', file]);
    const complete = (...words: string[]) =>
      execFileSync('bash', ['-c', `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _zonekit; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' })
        .trim()
        .split('\n');
    const top = complete('zonekit', '');
    for (const command of ['init', 'keys', 'config', 'tx', 'query', 'debug', 'completion', 'status']) assert.ok(top.includes(command), command);
    assert.deepEqual(complete('zonekit', 'ke'), ['keys']);
    assert.ok(complete('zonekit', 'keys', '').includes('rename'));
    // Flags and their values are skipped on the way down; module commands come from the zone.
    assert.deepEqual(complete('zonekit', '--home', '/tmp/x', 'tx', 'ba'), ['bank']);
    assert.ok(complete('zonekit', 'q', 'bank', '').includes('balances'));
    assert.ok(complete('zonekit', 'keys', 'show', '--').includes('--bech'));
  });

  it('zsh and fish scripts come from the same tree; an unknown shell is refused', async () => {
    assert.match(await ok(['completion', 'zsh']), /^#compdef zonekit\n[\s\S]*bashcompinit[\s\S]*complete -o default -F _zonekit zonekit/);
    const fish = await ok(['completion', 'fish']);
    assert.match(fish, /case 'keys'\n\s+printf '%s\\n' 'add' 'list' 'show'/);
    assert.match(fish, /complete -c zonekit -f -a '\(__zonekit_complete\)'/);
    await fails(['completion', 'tcsh'], /value 'tcsh' is invalid for argument 'shell'\. Allowed choices are bash, zsh, fish/);
  });
});
