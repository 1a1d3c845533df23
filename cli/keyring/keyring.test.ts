import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { armorPrivateKey, decodeArmor, encodeArmor, unarmorPrivateKey } from './armor.js';
import { bcryptHash } from './bcrypt.js';
import { WrongPassphraseError } from './crypto.js';
import { Keyring, KeyringError } from './keyring.js';

const ABANDON = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const ABANDON_ADDRESS = 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4';
const home = () => mkdtempSync(join(tmpdir(), 'zonekit-keyring-'));
const fixed = (passphrase: string) => async () => passphrase;

describe('keyring', () => {
  it('a recovered mnemonic gives the address cosmjs (and Keplr, simd) derive', async () => {
    const keyring = new Keyring({ home: home(), backend: 'test' });
    const { key } = await keyring.add('abandon', ABANDON);
    const [account] = await (await DirectSecp256k1HdWallet.fromMnemonic(ABANDON)).getAccounts();
    assert.equal(key.address, ABANDON_ADDRESS);
    assert.equal(key.address, account!.address);
    assert.equal(key.pubkey, Buffer.from(account!.pubkey).toString('base64'));
  });

  it('a new key has a 24-word mnemonic that recovers it', async () => {
    const keyring = new Keyring({ home: home(), backend: 'test' });
    const { key, mnemonic } = await keyring.add('alice');
    assert.equal(mnemonic.split(' ').length, 24);
    const [account] = await (await DirectSecp256k1HdWallet.fromMnemonic(mnemonic)).getAccounts();
    assert.equal(key.address, account!.address);
    const [signer] = await (await keyring.signer('alice')).getAccounts();
    assert.equal(signer!.address, key.address);
  });

  it('the test backend keeps keys in plain files; list, show and delete', async () => {
    const dir = home();
    const keyring = new Keyring({ home: dir, backend: 'test' });
    await keyring.add('b-key', ABANDON);
    await keyring.add('a-key');
    assert.deepEqual(readdirSync(join(dir, 'keyring-test')).sort(), ['a-key.json', 'b-key.json']);
    assert.match(readFileSync(join(dir, 'keyring-test', 'b-key.json'), 'utf8'), /"privkey"/);
    assert.deepEqual(keyring.list().map((k) => k.name), ['a-key', 'b-key']);
    keyring.delete('a-key');
    assert.deepEqual(keyring.list().map((k) => k.name), ['b-key']);
  });

  it('an unknown name is refused with the names there are', async () => {
    const keyring = new Keyring({ home: home(), backend: 'test' });
    await keyring.add('alice');
    assert.throws(() => keyring.get('bob'), (err: KeyringError) => /no key named "bob"/.test(err.message) && /alice/.test(err.hint ?? ''));
    await assert.rejects(keyring.add('alice'), /already exists/);
    await assert.rejects(keyring.add('../evil'), /invalid key name/);
  });

  it('the file backend seals the private key and opens it with the passphrase', async () => {
    const dir = home();
    const keyring = new Keyring({ home: dir, backend: 'file', passphrase: fixed('correct horse') });
    const { key } = await keyring.add('alice', ABANDON);
    const text = readFileSync(join(dir, 'keyring-file', 'alice.json'), 'utf8');
    assert.doesNotMatch(text, /privkey/);
    const sealed = JSON.parse(text).sealed;
    assert.equal(sealed.kdf, 'scrypt');
    assert.equal(sealed.cipher, 'xchacha20-poly1305');
    assert.equal(sealed.nonce.length, 48);
    const [account] = await (await keyring.signer('alice')).getAccounts();
    assert.equal(account!.address, key.address);
    // Names and addresses need no passphrase.
    assert.equal(new Keyring({ home: dir, backend: 'file' }).get('alice').address, ABANDON_ADDRESS);
  });

  it('a wrong passphrase cannot open the file keyring, nor add to it', async () => {
    const dir = home();
    await new Keyring({ home: dir, backend: 'file', passphrase: fixed('correct horse') }).add('alice', ABANDON);
    const wrong = new Keyring({ home: dir, backend: 'file', passphrase: fixed('battery staple') });
    await assert.rejects(wrong.privateKey('alice'), (err: Error) => err instanceof WrongPassphraseError && /wrong passphrase/.test(err.message));
    await assert.rejects(wrong.add('bob'), WrongPassphraseError);
    assert.deepEqual(wrong.list().map((k) => k.name), ['alice']);
  });

  it('a new file keyring wants a passphrase of at least 8 characters', async () => {
    await assert.rejects(new Keyring({ home: home(), backend: 'file', passphrase: fixed('short') }).add('alice'), /at least 8/);
  });

  it('export and import move a key in the SDK v0.50 armor sealed with its own passphrase', async () => {
    const from = new Keyring({ home: home(), backend: 'test' });
    await from.add('alice', ABANDON);
    const armor = armorPrivateKey(await from.privateKey('alice'), 'export pass');
    assert.match(armor, /^-----BEGIN TENDERMINT PRIVATE KEY-----\nkdf: argon2\nsalt: [0-9A-F]{32}\ntype: secp256k1\n\n[A-Za-z0-9+/=\n]+\n=[A-Za-z0-9+/]{4}\n-----END TENDERMINT PRIVATE KEY-----$/);
    // amino prefix (5 bytes) + key (32) + Poly1305 tag (16)
    assert.equal(decodeArmor(armor).data.length, 53);
    assert.throws(() => unarmorPrivateKey(armor.replace(/\n\n(.)/, (_m, c: string) => `\n\n${c === 'A' ? 'B' : 'A'}`), 'export pass'), /checksum does not match/);
    assert.throws(() => unarmorPrivateKey(armor, 'not it'), WrongPassphraseError);
    const to = new Keyring({ home: home(), backend: 'file', passphrase: fixed('correct horse') });
    const key = await to.addPrivateKey('imported', unarmorPrivateKey(armor, 'export pass'));
    assert.equal(key.address, ABANDON_ADDRESS);
  });

  it('bcrypt gives the published test vectors (OpenBSD and John the Ripper)', () => {
    const alphabet = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const std = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const salt = (text: string) => new Uint8Array(Buffer.from([...text].map((c) => std[alphabet.indexOf(c)]).join(''), 'base64')).slice(0, 16);
    for (const [password, hash] of [
      ['U*U', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW'],
      ['', '$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.'],
      ['abcdefghijklmnopqrstuvwxyz', '$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC'],
    ] as const) {
      assert.equal(new TextDecoder().decode(bcryptHash(new TextEncoder().encode(password), salt(hash.slice(7, 29)), Number(hash.slice(4, 6)))), hash);
    }
  });

  it('imports the bcrypt armor SDKs before v0.50 wrote (sha256 of the bcrypt hash, xsalsa20-poly1305, nonce first)', async () => {
    const from = new Keyring({ home: home(), backend: 'test' });
    await from.add('alice', ABANDON);
    const saltBytes = new Uint8Array(16).fill(7);
    const key = sha256(bcryptHash(new TextEncoder().encode('old pass'), saltBytes, 12));
    const nonce = new Uint8Array(24).fill(9);
    const plain = new Uint8Array([0xe1, 0xb0, 0xf7, 0x9b, 0x20, ...(await from.privateKey('alice'))]);
    const sealed = new Uint8Array([...nonce, ...xsalsa20poly1305(key, nonce).encrypt(plain)]);
    const armor = encodeArmor('TENDERMINT PRIVATE KEY', { kdf: 'bcrypt', salt: Buffer.from(saltBytes).toString('hex').toUpperCase(), type: 'secp256k1' }, sealed);
    assert.deepEqual(unarmorPrivateKey(armor, 'old pass'), await from.privateKey('alice'));
    assert.throws(() => unarmorPrivateKey(armor, 'not it'), WrongPassphraseError);
  });
});
