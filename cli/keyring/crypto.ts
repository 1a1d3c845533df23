// Secrets at rest: scrypt stretches the passphrase into a key, XChaCha20-Poly1305 seals the
// secret. Salt and nonce are random per file and the scrypt cost travels with the ciphertext,
// so a later release can raise it without breaking old files.
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { scrypt } from '@noble/hashes/scrypt.js';

export interface SealedSecret {
  kdf: 'scrypt';
  /** scrypt cost: N (CPU/memory), r (block size), p (parallelism). */
  n: number;
  r: number;
  p: number;
  salt: string;
  cipher: 'xchacha20-poly1305';
  nonce: string;
  ciphertext: string;
}

/** 2^15: about 0.1 s and 32 MiB per open, as interactive tools use (the `file` keyring opens one key per command). */
export const SCRYPT_N = 1 << 15;

export class WrongPassphraseError extends Error {
  constructor(what: string) {
    super(`wrong passphrase for ${what}: it cannot be decrypted with the passphrase given`);
    this.name = 'WrongPassphraseError';
  }
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const unhex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));

function deriveKey(passphrase: string, salt: Uint8Array, n: number, r: number, p: number): Uint8Array {
  return scrypt(new TextEncoder().encode(passphrase), salt, { N: n, r, p, dkLen: 32 });
}

export function seal(secret: Uint8Array, passphrase: string, n = SCRYPT_N): SealedSecret {
  const salt = randomBytes(16);
  const nonce = randomBytes(24);
  const key = deriveKey(passphrase, salt, n, 8, 1);
  const ciphertext = xchacha20poly1305(key, nonce).encrypt(secret);
  return { kdf: 'scrypt', n, r: 8, p: 1, salt: hex(salt), cipher: 'xchacha20-poly1305', nonce: hex(nonce), ciphertext: hex(ciphertext) };
}

/** Throws WrongPassphraseError when the tag does not verify (a wrong passphrase or a damaged file). */
export function open(sealed: SealedSecret, passphrase: string, what: string): Uint8Array {
  if (sealed.kdf !== 'scrypt' || sealed.cipher !== 'xchacha20-poly1305') {
    throw new Error(`${what} is sealed with ${sealed.kdf}/${sealed.cipher}, which this version cannot open`);
  }
  const key = deriveKey(passphrase, unhex(sealed.salt), sealed.n, sealed.r, sealed.p);
  try {
    return xchacha20poly1305(key, unhex(sealed.nonce)).decrypt(unhex(sealed.ciphertext));
  } catch {
    throw new WrongPassphraseError(what);
  }
}
