/**
 * secp256k1 verification throughput, single thread: native libsecp256k1 vs node:crypto
 * (OpenSSL) vs @noble/secp256k1, then the whole stateless path of a cosmjs-signed DIRECT
 * MsgSend (decode + sign bytes + verify). Prints the median of several rounds.
 * Run: npx tsc -p . && node dist/scripts/bench/sigverify.js [--sigs N] [--rounds N]
 */
import { createHash, createHmac, createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import * as noble from '@noble/secp256k1';
import { decodeTx } from '../../app/tx/decode.js';
import { nativeVerify, opensslVerify, secp256k1Backend, type Secp256k1Verify } from '../../app/tx/secp256k1.js';
import { verifyTxSignatures } from '../../app/tx/signatures.js';
import { directWallet, signTx, CHAIN_ID } from '../../app/tx/wallets.fixture.js';
import { fmt, median, nowMs } from './stats.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const SIGS = arg('sigs', 2000);
const ROUNDS = arg('rounds', 7);

noble.hashes.sha256 = (m) => new Uint8Array(createHash('sha256').update(m).digest());
noble.hashes.hmacSha256 = (k, m) => new Uint8Array(createHmac('sha256', k).update(m).digest());

interface Sample {
  pubKey: Uint8Array;
  message: Uint8Array;
  signature: Uint8Array;
}

function makeSamples(): Sample[] {
  const samples: Sample[] = [];
  for (let i = 0; i < SIGS; i++) {
    // 64 keys, so per-key caches (if any) cannot make every check a hit.
    const secretKey = new Uint8Array(createHash('sha256').update(`bench key ${i % 64}`).digest());
    const message = new Uint8Array(createHash('sha512').update(`sign bytes ${i}`).digest()).subarray(0, 200 - (i % 50));
    samples.push({ pubKey: noble.getPublicKey(secretKey, true), message, signature: noble.sign(message, secretKey) });
  }
  return samples;
}

/** Median operations per second over ROUNDS rounds, after one warm-up round. */
function opsPerSecond(run: () => number): number {
  run();
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = nowMs();
    const n = run();
    rates.push(n / ((nowMs() - t0) / 1000));
  }
  return median(rates);
}

function verifyAll(samples: Sample[], verify: Secp256k1Verify): () => number {
  return () => {
    for (const s of samples) if (!verify(s.pubKey, s.message, s.signature)) throw new Error('valid signature rejected');
    return samples.length;
  };
}

// node:crypto with the KeyObject built once per key: the best OpenSSL can do when accounts repeat.
const SPKI_PREFIX = Buffer.from('3036301006072a8648ce3d020106052b8104000a032200', 'hex');
const keyObjects = new Map<string, KeyObject>();
const opensslCachedKey: Secp256k1Verify = (pubKey, message, signature) => {
  const id = Buffer.from(pubKey).toString('hex');
  let key = keyObjects.get(id);
  if (!key) {
    key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, pubKey]), format: 'der', type: 'spki' });
    keyObjects.set(id, key);
  }
  return cryptoVerify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, signature);
};

const nobleVerify: Secp256k1Verify = (pubKey, message, signature) => noble.verify(signature, message, pubKey);

async function main() {
  console.log(`zonekit sig-verify benchmark: ${fmt(SIGS, 0)} signatures x ${ROUNDS} rounds, one thread (node ${process.version})`);
  console.log(`default backend on this node: ${secp256k1Backend}`);
  const samples = makeSamples();
  const rows: [string, Secp256k1Verify | undefined, Sample[]][] = [
    ['native libsecp256k1 (secp256k1 v5 prebuild)', nativeVerify, samples],
    ['node:crypto OpenSSL, key parsed per call', opensslVerify, samples],
    ['node:crypto OpenSSL, KeyObject cached per key', opensslCachedKey, samples],
    ['@noble/secp256k1 v3 (pure JS)', nobleVerify, samples.slice(0, Math.max(1, SIGS / 4))],
  ];
  for (const [name, verify, set] of rows) {
    if (!verify) {
      console.log(`${name.padEnd(48)} not available`);
      continue;
    }
    console.log(`${name.padEnd(48)} ${fmt(opsPerSecond(verifyAll(set, verify)), 0).padStart(8)} verifies/s`);
  }

  const wallet = await directWallet();
  const address = (await wallet.getAccounts())[0]!.address;
  const txs: Uint8Array[] = [];
  for (let i = 0; i < 200; i++) txs.push(await signTx(wallet, { sequence: i, memo: `tx ${i}` }));
  const pipeline = () => {
    txs.forEach((bytes, i) => {
      verifyTxSignatures(decodeTx(bytes), [{ address, accountNumber: 7n, sequence: BigInt(i) }], CHAIN_ID);
    });
    return txs.length;
  };
  console.log(`${'decode + verify a DIRECT MsgSend tx (default)'.padEnd(48)} ${fmt(opsPerSecond(pipeline), 0).padStart(8)} txs/s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
