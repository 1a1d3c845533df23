// ed25519 verification of what CometBFT validators sign (votes, vote extensions) with their
// consensus keys. OpenSSL verifies several times faster than pure JS; parsing a key costs
// nearly as much as a verification, and the same validators sign height after height, so
// parsed keys are kept (a bounded cache: it only saves work, it never changes an answer).
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

export const ED25519_KEY_BYTES = 32;
const ED25519_SIGNATURE_BYTES = 64;
// DER SubjectPublicKeyInfo header of a raw 32-byte ed25519 key (RFC 8410).
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const MAX_CACHED_KEYS = 10_000;
const keyObjects = new Map<string, KeyObject>();

function ed25519KeyObject(raw: Uint8Array): KeyObject {
  const id = Buffer.from(raw).toString('hex');
  let key = keyObjects.get(id);
  if (key === undefined) {
    if (keyObjects.size >= MAX_CACHED_KEYS) keyObjects.clear();
    key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
    keyObjects.set(id, key);
  }
  return key;
}

/** Whether `signature` is `pubKey`'s (a raw 32-byte key) over `message`; false for malformed keys and signatures. */
export function verifyEd25519(pubKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (pubKey.length !== ED25519_KEY_BYTES || signature.length !== ED25519_SIGNATURE_BYTES) return false;
  try {
    return verify(null, message, ed25519KeyObject(pubKey), signature);
  } catch {
    return false;
  }
}
