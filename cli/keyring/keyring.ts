// The keyring, as simd's: keys by name in <home>/keyring-<backend>/. The `test` backend keeps
// private keys in plain JSON (development only); the `file` backend seals each one with the
// keyring passphrase (see crypto.ts). Names, addresses and public keys stay readable, so
// `keys list` and `keys show` need no passphrase.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toBech32 } from '@cosmjs/encoding';
import { DirectSecp256k1Wallet } from '@cosmjs/proto-signing';
import { ripemd160 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { HDKey } from '@scure/bip32';
import { generateMnemonic, mnemonicToSeedSync, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { multisigAddress } from '../../app/tx/multisig.js';
import { open, seal, type SealedSecret } from './crypto.js';

export const KEYRING_BACKENDS = ['file', 'test'] as const;
export type KeyringBackend = (typeof KEYRING_BACKENDS)[number];

/** The Cosmos Hub's path (coin type 118): the same address as Keplr, Ledger and simd. */
export const HD_PATH = "m/44'/118'/0'/0/0";

export interface KeyInfo {
  name: string;
  /** `local`: a key with its private part here; `multi`: a threshold multisig of other keys (public only). */
  type: 'local' | 'multi';
  address: string;
  /** Compressed secp256k1 public key, base64 (as the SDK's JSON writes it); empty for a multi key. */
  pubkey: string;
  /** A multi key: its threshold and its keys (base64), in the multisig's order. */
  multisig?: { threshold: number; pubkeys: string[] };
}

interface KeyFile extends KeyInfo {
  /** `test` backend: the private key in hex. */
  privkey?: string;
  /** `file` backend: the private key sealed with the keyring passphrase. */
  sealed?: SealedSecret;
}

export class KeyringError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'KeyringError';
  }
}

export interface KeyringOptions {
  home: string;
  backend: KeyringBackend;
  /** Bech32 prefix of addresses; default `cosmos`. */
  prefix?: string;
  /** Asked only by the `file` backend, and only when a private key is sealed or opened. */
  passphrase?: (purpose: 'open' | 'create') => Promise<string>;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The key at m/44'/118'/0'/0/0 of a BIP39 mnemonic (no BIP39 passphrase). */
export function deriveKey(mnemonic: string): { privateKey: Uint8Array; publicKey: Uint8Array } {
  const words = mnemonic.trim().split(/\s+/).join(' ');
  if (!validateMnemonic(words, wordlist)) throw new KeyringError('invalid mnemonic: not a BIP39 English mnemonic (12 or 24 words with a valid checksum)');
  const node = HDKey.fromMasterSeed(mnemonicToSeedSync(words)).derive(HD_PATH);
  return { privateKey: node.privateKey!, publicKey: node.publicKey! };
}

export function addressOf(publicKey: Uint8Array, prefix = 'cosmos'): string {
  return toBech32(prefix, ripemd160(sha256(publicKey)));
}

export class Keyring {
  readonly dir: string;
  private readonly prefix: string;

  constructor(private readonly options: KeyringOptions) {
    this.dir = join(options.home, `keyring-${options.backend}`);
    this.prefix = options.prefix ?? 'cosmos';
  }

  get backend(): KeyringBackend {
    return this.options.backend;
  }

  list(): KeyInfo[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => publicPart(this.readFile(join(this.dir, f))));
  }

  has(name: string): boolean {
    return NAME.test(name) && existsSync(this.path(name));
  }

  /** Throws, listing the keys there are, when `name` is not one of them. */
  get(name: string): KeyInfo {
    return publicPart(this.keyFile(name));
  }

  /** Adds a key from `mnemonic`, or from a new 24-word one (returned: shown once, never stored). */
  async add(name: string, mnemonic?: string): Promise<{ key: KeyInfo; mnemonic: string }> {
    this.checkNewName(name);
    const words = mnemonic ?? generateMnemonic(wordlist, 256);
    const { privateKey, publicKey } = deriveKey(words);
    const key = await this.store(name, privateKey, publicKey);
    return { key, mnemonic: words.trim().split(/\s+/).join(' ') };
  }

  /** Adds a key from its raw private key (import). */
  async addPrivateKey(name: string, privateKey: Uint8Array): Promise<KeyInfo> {
    this.checkNewName(name);
    const wallet = await DirectSecp256k1Wallet.fromKey(privateKey, this.prefix);
    const [account] = await wallet.getAccounts();
    return this.store(name, privateKey, account!.pubkey);
  }

  /**
   * Adds a multisig key (simd's `keys add --multisig`): `threshold` of the keys `members`,
   * sorted by address unless `nosort` (so any order of names gives the SDK's same address).
   */
  addMultisig(name: string, members: readonly KeyInfo[], threshold: number, nosort: boolean): KeyInfo {
    this.checkNewName(name);
    if (members.some((m) => m.type !== 'local')) throw new KeyringError('a multisig key is made of local keys, not of other multisig keys');
    if (!Number.isInteger(threshold) || threshold < 1 || threshold > members.length) throw new KeyringError(`--multisig-threshold ${threshold} must be between 1 and the number of keys (${members.length})`);
    const keys = members.map((m) => new Uint8Array(Buffer.from(m.pubkey, 'base64')));
    if (!nosort) keys.sort((a, b) => Buffer.compare(ripemd160(sha256(a)), ripemd160(sha256(b))));
    const key = { threshold, pubKeys: keys };
    const info: KeyInfo = { name, type: 'multi', address: toBech32(this.prefix, multisigAddress(key)), pubkey: '', multisig: { threshold, pubkeys: keys.map((k) => Buffer.from(k).toString('base64')) } };
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeFileSync(this.path(name), JSON.stringify(info, null, 2) + '\n', { mode: 0o600 });
    return info;
  }

  delete(name: string): void {
    this.keyFile(name);
    rmSync(this.path(name));
  }

  /** Renames a key (its file; the key and its sealing are unchanged). */
  rename(from: string, to: string): KeyInfo {
    const file = this.keyFile(from);
    this.checkNewName(to);
    writeFileSync(this.path(to), JSON.stringify({ ...file, name: to }, null, 2) + '\n', { mode: 0o600 });
    chmodSync(this.path(to), 0o600);
    rmSync(this.path(from));
    return publicPart({ ...file, name: to });
  }

  async privateKey(name: string): Promise<Uint8Array> {
    const file = this.keyFile(name);
    if (file.type === 'multi') throw new KeyringError(`${name} is a multisig key: it cannot sign alone`, `sign with each of its keys (tx sign --from <key> --multisig ${name}), then combine them with tx multisign`);
    if (file.privkey !== undefined) return new Uint8Array(Buffer.from(file.privkey, 'hex'));
    if (file.sealed === undefined) throw new KeyringError(`key ${name} in ${this.dir} has no private key`);
    return open(file.sealed, await this.askPassphrase('open'), `key ${name} in the file keyring ${this.dir}`);
  }

  /** A cosmjs signer for the key (what SigningStargateClient takes). */
  async signer(name: string): Promise<DirectSecp256k1Wallet> {
    return DirectSecp256k1Wallet.fromKey(await this.privateKey(name), this.prefix);
  }

  private async store(name: string, privateKey: Uint8Array, publicKey: Uint8Array): Promise<KeyInfo> {
    const info: KeyInfo = { name, type: 'local', address: addressOf(publicKey, this.prefix), pubkey: Buffer.from(publicKey).toString('base64') };
    const clash = this.list().find((k) => k.address === info.address);
    if (clash) throw new KeyringError(`the key for ${info.address} is already in the keyring as ${clash.name}`);
    let file: KeyFile;
    if (this.options.backend === 'test') {
      file = { ...info, privkey: Buffer.from(privateKey).toString('hex') };
    } else {
      file = { ...info, sealed: seal(privateKey, await this.keyringPassphrase()) };
    }
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeFileSync(this.path(name), JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
    chmodSync(this.path(name), 0o600);
    return info;
  }

  /**
   * Every key of a `file` keyring is sealed with one passphrase: with keys already there, the
   * passphrase given must open one of them, so a typo cannot split the keyring in two.
   */
  private async keyringPassphrase(): Promise<string> {
    const existing = this.list()[0];
    if (existing === undefined) return this.askPassphrase('create');
    const passphrase = await this.askPassphrase('open');
    open(this.keyFile(existing.name).sealed!, passphrase, `the file keyring ${this.dir}`);
    return passphrase;
  }

  private async askPassphrase(purpose: 'open' | 'create'): Promise<string> {
    if (!this.options.passphrase) throw new KeyringError(`the file keyring ${this.dir} needs a passphrase and none can be asked for here`);
    const passphrase = await this.options.passphrase(purpose);
    if (purpose === 'create' && passphrase.length < 8) throw new KeyringError('the keyring passphrase must be at least 8 characters');
    return passphrase;
  }

  private checkNewName(name: string): void {
    if (!NAME.test(name)) throw new KeyringError(`invalid key name ${JSON.stringify(name)}: use letters, digits, '.', '_' or '-' (at most 64)`);
    if (existsSync(this.path(name))) {
      throw new KeyringError(`a key named ${name} already exists in ${this.dir}`, `choose another name, or remove it first: zonekit keys delete ${name} --keyring-backend ${this.backend}`);
    }
  }

  private keyFile(name: string): KeyFile {
    if (!this.has(name)) {
      const names = this.list().map((k) => k.name);
      throw new KeyringError(
        `no key named ${JSON.stringify(name)} in the ${this.backend} keyring (${this.dir})`,
        names.length > 0 ? `the keys there are: ${names.join(', ')}` : `it has no keys; add one with: zonekit keys add <name> --keyring-backend ${this.backend}`,
      );
    }
    return this.readFile(this.path(name));
  }

  private readFile(path: string): KeyFile {
    return JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  }

  private path(name: string): string {
    return join(this.dir, `${name}.json`);
  }
}

function publicPart(file: KeyFile): KeyInfo {
  return { name: file.name, type: file.type, address: file.address, pubkey: file.pubkey, ...(file.multisig ? { multisig: file.multisig } : {}) };
}
