// `keys export` / `keys import`: a private key in the ASCII armor the Cosmos SDK writes
// (crypto/armor.go), so keys move between zonekit and simd (or any SDK chain's binary):
//
//   -----BEGIN TENDERMINT PRIVATE KEY-----
//   kdf: argon2
//   salt: <16 random bytes, hex>
//   type: secp256k1
//
//   <base64 of the sealed amino-encoded private key, 64 characters a line>
//   =<CRC-24 of those bytes, base64>
//   -----END TENDERMINT PRIVATE KEY-----
//
// SDK v0.50 seals with argon2id (t=1, 64 MiB, 4 lanes) and ChaCha20-Poly1305 under a zero
// nonce (the salt is fresh each time, so the key is too); earlier SDKs used bcrypt (cost 12),
// sha256 of its hash as the key, and xsalsa20-poly1305 with the nonce in front. Both import.
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { argon2id } from '@noble/hashes/argon2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bcryptHash } from './bcrypt.js';
import { open as openSealed, WrongPassphraseError, type SealedSecret } from './crypto.js';

const BLOCK_TYPE = 'TENDERMINT PRIVATE KEY';
// What zonekit exported before it wrote the SDK's armor: still imported.
const OLD_BLOCK_TYPE = 'ZONEKIT PRIVATE KEY';

/** Legacy amino's prefix for `tendermint/PrivKeySecp256k1`, then the 32-byte key's length. */
const AMINO_SECP256K1_PRIVKEY = Uint8Array.from([0xe1, 0xb0, 0xf7, 0x9b, 0x20]);

const ARGON2 = { t: 1, m: 64 * 1024, p: 4, dkLen: 32 } as const;
const BCRYPT_COST = 12;

export class ArmorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArmorError';
  }
}

/** OpenPGP's CRC-24 (RFC 4880 §6.1), which the armor's `=` line carries. */
function crc24(bytes: Uint8Array): number {
  let crc = 0xb704ce;
  for (const byte of bytes) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

export interface Armored {
  blockType: string;
  headers: Record<string, string>;
  data: Uint8Array;
}

/** The armor as Go's openpgp/armor encodes it (headers sorted, 64-character lines, CRC line). */
export function encodeArmor(blockType: string, headers: Record<string, string>, data: Uint8Array): string {
  const body = Buffer.from(data).toString('base64').match(/.{1,64}/g) ?? [];
  const crc = Buffer.from([crc24(data) >> 16, (crc24(data) >> 8) & 0xff, crc24(data) & 0xff]).toString('base64');
  const headerLines = Object.keys(headers)
    .sort()
    .map((k) => `${k}: ${headers[k]}`);
  return [`-----BEGIN ${blockType}-----`, ...headerLines, '', ...body, `=${crc}`, `-----END ${blockType}-----`].join('\n');
}

export function decodeArmor(text: string): Armored {
  const lines = text.trim().split(/\r?\n/).map((l) => l.trimEnd());
  const begin = /^-----BEGIN (.+)-----$/.exec(lines[0] ?? '');
  if (!begin) throw new ArmorError('not an armored key: it must start with a -----BEGIN TENDERMINT PRIVATE KEY----- line');
  const blockType = begin[1]!;
  if (lines.at(-1) !== `-----END ${blockType}-----`) throw new ArmorError(`the armor has no -----END ${blockType}----- line: the file is cut short`);
  const headers: Record<string, string> = {};
  let i = 1;
  for (; i < lines.length - 1 && lines[i] !== ''; i++) {
    const colon = lines[i]!.indexOf(':');
    if (colon < 0) throw new ArmorError(`bad armor header line ${JSON.stringify(lines[i])}: expected <name>: <value>`);
    headers[lines[i]!.slice(0, colon).trim()] = lines[i]!.slice(colon + 1).trim();
  }
  const bodyLines = lines.slice(i + 1, -1);
  const crcLine = bodyLines.at(-1)?.startsWith('=') ? bodyLines.pop()!.slice(1) : undefined;
  const data = new Uint8Array(Buffer.from(bodyLines.join(''), 'base64'));
  if (crcLine !== undefined) {
    const want = Buffer.from(crcLine, 'base64');
    if (want.length !== 3 || ((want[0]! << 16) | (want[1]! << 8) | want[2]!) !== crc24(data)) throw new ArmorError('the armor checksum does not match its body: the file is damaged');
  }
  return { blockType, headers, data };
}

function argon2Key(passphrase: string, salt: Uint8Array): Uint8Array {
  return argon2id(new TextEncoder().encode(passphrase), salt, ARGON2);
}

/** The SDK's v0.50 export of a secp256k1 private key, sealed with `passphrase`. */
export function armorPrivateKey(privateKey: Uint8Array, passphrase: string): string {
  const salt = randomBytes(16);
  const plain = new Uint8Array([...AMINO_SECP256K1_PRIVKEY, ...privateKey]);
  const sealed = chacha20poly1305(argon2Key(passphrase, salt), new Uint8Array(12)).encrypt(plain);
  return encodeArmor(BLOCK_TYPE, { kdf: 'argon2', salt: Buffer.from(salt).toString('hex').toUpperCase(), type: 'secp256k1' }, sealed);
}

/** The private key in an armor from `keys export` (zonekit's or any SDK binary's); WrongPassphraseError for a wrong passphrase. */
export function unarmorPrivateKey(text: string, passphrase: string): Uint8Array {
  const { blockType, headers, data } = decodeArmor(text);
  if (blockType === OLD_BLOCK_TYPE) return openOldArmor(headers, data, passphrase);
  if (blockType !== BLOCK_TYPE) throw new ArmorError(`unrecognized armor type ${JSON.stringify(blockType)}, expected ${JSON.stringify(BLOCK_TYPE)}`);
  const type = headers.type || 'secp256k1';
  if (type !== 'secp256k1') throw new ArmorError(`unsupported key type ${JSON.stringify(type)}: zonekit keys are secp256k1`);
  if (!headers.salt) throw new ArmorError('the armor has no salt header');
  const salt = new Uint8Array(Buffer.from(headers.salt, 'hex'));
  if (salt.length !== 16) throw new ArmorError(`the armor's salt must be 16 bytes of hex, got ${JSON.stringify(headers.salt)}`);
  let plain: Uint8Array;
  try {
    if (headers.kdf === 'argon2') {
      plain = chacha20poly1305(argon2Key(passphrase, salt), new Uint8Array(12)).decrypt(data);
    } else if (headers.kdf === 'bcrypt') {
      const key = sha256(bcryptHash(new TextEncoder().encode(passphrase), salt, BCRYPT_COST));
      if (data.length <= 24 + 16) throw new ArmorError('the armored key is too short');
      plain = xsalsa20poly1305(key, data.subarray(0, 24)).decrypt(data.subarray(24));
    } else {
      throw new ArmorError(`unrecognized KDF type ${JSON.stringify(headers.kdf ?? '')}: expected argon2 or bcrypt`);
    }
  } catch (err) {
    if (err instanceof ArmorError) throw err;
    throw new WrongPassphraseError('the exported key');
  }
  const prefix = plain.subarray(0, AMINO_SECP256K1_PRIVKEY.length);
  if (plain.length !== AMINO_SECP256K1_PRIVKEY.length + 32 || prefix.some((b, i) => b !== AMINO_SECP256K1_PRIVKEY[i])) {
    throw new ArmorError('the armored key is not an amino-encoded secp256k1 private key');
  }
  return plain.slice(AMINO_SECP256K1_PRIVKEY.length);
}

function openOldArmor(headers: Record<string, string>, data: Uint8Array, passphrase: string): Uint8Array {
  const sealed: SealedSecret = {
    kdf: headers.kdf as 'scrypt',
    n: Number(headers.n),
    r: Number(headers.r),
    p: Number(headers.p),
    salt: headers.salt ?? '',
    cipher: headers.cipher as 'xchacha20-poly1305',
    nonce: headers.nonce ?? '',
    ciphertext: Buffer.from(data).toString('hex'),
  };
  return openSealed(sealed, passphrase, 'the exported key');
}
