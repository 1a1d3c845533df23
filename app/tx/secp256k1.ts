import { createHash, createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { createRequire } from 'node:module';

/** Checks a Cosmos secp256k1 signature: 64-byte r||s over sha256(signBytes), low-S. */
export type Secp256k1Verify = (compressedPubKey: Uint8Array, signBytes: Uint8Array, signature: Uint8Array) => boolean;

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const HALF_N = N >> 1n;

function bigintFrom(bytes: Uint8Array): bigint {
  return BigInt('0x' + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex'));
}

/**
 * The checks every backend shares, so validators that run different backends agree:
 * 64 bytes, 0 < r < n and 0 < s <= n/2. High-S is rejected as the SDK does (its
 * VerifySignature refuses malleable signatures); OpenSSL alone would accept it.
 */
export function isCanonicalSignature(signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  const r = bigintFrom(signature.subarray(0, 32));
  const s = bigintFrom(signature.subarray(32));
  return r > 0n && r < N && s > 0n && s <= HALF_N;
}

function sha256(data: Uint8Array): Uint8Array {
  return createHash('sha256').update(data).digest();
}

interface NativeSecp256k1 {
  ecdsaVerify(sig: Uint8Array, msg32: Uint8Array, publicKey: Uint8Array): boolean;
}

// The package's main entry silently falls back to pure-JS elliptic when the addon
// fails to load; requiring `secp256k1/bindings` gets the libsecp256k1 prebuild or throws.
function loadNative(): NativeSecp256k1 | undefined {
  try {
    return createRequire(import.meta.url)('secp256k1/bindings') as NativeSecp256k1;
  } catch {
    return undefined;
  }
}

const native = loadNative();

/** libsecp256k1 through the `secp256k1` package's prebuilt addon; undefined if it did not load. */
export const nativeVerify: Secp256k1Verify | undefined = native
  ? (pubKey, signBytes, signature) => {
      if (!isCanonicalSignature(signature)) return false;
      try {
        return native.ecdsaVerify(signature, sha256(signBytes), pubKey);
      } catch {
        return false; // unparseable key
      }
    }
  : undefined;

// DER SubjectPublicKeyInfo header for an id-ecPublicKey on secp256k1 with a 33-byte point.
const SPKI_PREFIX = Buffer.from('3036301006072a8648ce3d020106052b8104000a032200', 'hex');

/** OpenSSL through node:crypto: always available, 5-10x slower than native (see scripts/bench/sigverify.ts). */
export const opensslVerify: Secp256k1Verify = (pubKey, signBytes, signature) => {
  if (!isCanonicalSignature(signature) || pubKey.length !== 33) return false;
  try {
    const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, pubKey]), format: 'der', type: 'spki' });
    return cryptoVerify('sha256', signBytes, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false; // not a point on the curve
  }
};

/** Which implementation `verifySecp256k1` uses on this node. */
export const secp256k1Backend: 'native' | 'openssl' = nativeVerify ? 'native' : 'openssl';

export const verifySecp256k1: Secp256k1Verify = nativeVerify ?? opensslVerify;
