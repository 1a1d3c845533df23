// `keys export` / `keys import`: a private key in ASCII armor, sealed with its own export
// passphrase (scrypt + XChaCha20-Poly1305, as the file keyring), safe to copy between machines.
import { open, seal, type SealedSecret } from './crypto.js';

const BEGIN = '-----BEGIN ZONEKIT PRIVATE KEY-----';
const END = '-----END ZONEKIT PRIVATE KEY-----';

export function armorPrivateKey(privateKey: Uint8Array, passphrase: string): string {
  const sealed = seal(privateKey, passphrase);
  const headers = [`kdf: ${sealed.kdf}`, `n: ${sealed.n}`, `r: ${sealed.r}`, `p: ${sealed.p}`, `salt: ${sealed.salt}`, `cipher: ${sealed.cipher}`, `nonce: ${sealed.nonce}`, 'type: secp256k1'];
  const body = Buffer.from(sealed.ciphertext, 'hex').toString('base64');
  return [BEGIN, ...headers, '', body, END, ''].join('\n');
}

export function unarmorPrivateKey(text: string, passphrase: string): Uint8Array {
  const lines = text.trim().split(/\r?\n/);
  if (lines[0] !== BEGIN || lines.at(-1) !== END) throw new Error(`not an exported zonekit key: it must start with ${BEGIN}`);
  const headers = new Map<string, string>();
  let i = 1;
  for (; i < lines.length - 1 && lines[i] !== ''; i++) {
    const [key, ...rest] = lines[i]!.split(':');
    headers.set(key!.trim(), rest.join(':').trim());
  }
  const body = lines.slice(i + 1, -1).join('');
  const header = (name: string): string => {
    const value = headers.get(name);
    if (value === undefined) throw new Error(`the exported key has no ${name} header`);
    return value;
  };
  if (header('type') !== 'secp256k1') throw new Error(`unsupported key type ${header('type')}`);
  const sealed: SealedSecret = {
    kdf: header('kdf') as 'scrypt',
    n: Number(header('n')),
    r: Number(header('r')),
    p: Number(header('p')),
    salt: header('salt'),
    cipher: header('cipher') as 'xchacha20-poly1305',
    nonce: header('nonce'),
    ciphertext: Buffer.from(body, 'base64').toString('hex'),
  };
  return open(sealed, passphrase, 'the exported key');
}
