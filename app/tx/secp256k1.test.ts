import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { test } from 'node:test';
import * as noble from '@noble/secp256k1';
import { isCanonicalSignature, nativeVerify, opensslVerify, secp256k1Backend, verifySecp256k1 } from './secp256k1.js';

noble.hashes.sha256 = (m) => new Uint8Array(createHash('sha256').update(m).digest());
noble.hashes.hmacSha256 = (k, m) => new Uint8Array(createHmac('sha256', k).update(m).digest());

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const secretKey = new Uint8Array(createHash('sha256').update('zonekit secp256k1 test key').digest());
const pubKey = noble.getPublicKey(secretKey, true);
const message = new TextEncoder().encode('sign bytes');
const signature = noble.sign(message, secretKey);

function withS(sig: Uint8Array, s: bigint): Uint8Array {
  const out = sig.slice();
  out.set(Buffer.from(s.toString(16).padStart(64, '0'), 'hex'), 32);
  return out;
}

function withR(sig: Uint8Array, r: bigint): Uint8Array {
  const out = sig.slice();
  out.set(Buffer.from(r.toString(16).padStart(64, '0'), 'hex'), 0);
  return out;
}

const s = BigInt('0x' + Buffer.from(signature.subarray(32)).toString('hex'));
const r = BigInt('0x' + Buffer.from(signature.subarray(0, 32)).toString('hex'));
const highS = withS(signature, N - s);

test('the native libsecp256k1 addon loads and is the default backend', () => {
  assert.equal(secp256k1Backend, 'native');
  assert.ok(nativeVerify);
  assert.equal(verifySecp256k1, nativeVerify);
});

const backends = { native: nativeVerify!, openssl: opensslVerify };

for (const [name, verify] of Object.entries(backends)) {
  test(`${name}: accepts a valid signature and rejects tampering`, () => {
    assert.equal(verify(pubKey, message, signature), true);
    assert.equal(verify(pubKey, new TextEncoder().encode('sign bytez'), signature), false);
    const flipped = signature.slice();
    flipped[10]! ^= 0x01;
    assert.equal(verify(pubKey, message, flipped), false);
    const otherKey = noble.getPublicKey(new Uint8Array(32).fill(7), true);
    assert.equal(verify(otherKey, message, signature), false);
  });

  test(`${name}: rejects a high-S signature that is otherwise valid`, () => {
    assert.equal(noble.verify(highS, message, pubKey, { lowS: false }), true, 'the malleated signature is mathematically valid');
    assert.equal(verify(pubKey, message, highS), false);
  });

  test(`${name}: rejects out-of-range scalars, wrong lengths and invalid keys without throwing`, () => {
    assert.equal(verify(pubKey, message, withR(signature, 0n)), false);
    assert.equal(verify(pubKey, message, withR(signature, r + N < 2n ** 256n ? r + N : N)), false);
    assert.equal(verify(pubKey, message, withS(signature, 0n)), false);
    assert.equal(verify(pubKey, message, signature.subarray(0, 63)), false);
    assert.equal(verify(pubKey, message, new Uint8Array([...signature, 0])), false);
    const notOnCurve = new Uint8Array(33);
    notOnCurve[0] = 0x02; // x = 0 has no point on secp256k1
    assert.equal(verify(notOnCurve, message, signature), false);
    const badPrefix = pubKey.slice();
    badPrefix[0] = 0x05;
    assert.equal(verify(badPrefix, message, signature), false);
  });
}

test('backends agree with each other and with noble on many signatures', () => {
  for (let i = 0; i < 200; i++) {
    const msg = new TextEncoder().encode(`message ${i}`);
    const sig = noble.sign(msg, secretKey);
    const bad = sig.slice();
    bad[i % 64]! ^= 1 << (i % 8);
    for (const candidate of [sig, bad]) {
      const expected = noble.verify(candidate, msg, pubKey);
      assert.equal(backends.native(pubKey, msg, candidate), expected);
      assert.equal(backends.openssl(pubKey, msg, candidate), expected);
    }
  }
});

test('isCanonicalSignature bounds r and s', () => {
  assert.equal(isCanonicalSignature(signature), true);
  assert.equal(isCanonicalSignature(highS), false);
  assert.equal(isCanonicalSignature(withS(signature, N >> 1n)), true);
  assert.equal(isCanonicalSignature(withS(signature, (N >> 1n) + 1n)), false);
});
