import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { encodeSecp256k1Pubkey } from '@cosmjs/amino';
import {
  DirectSecp256k1HdWallet,
  encodePubkey,
  makeAuthInfoBytes,
  makeSignDoc,
  Registry,
  type EncodeObject,
} from '@cosmjs/proto-signing';
import { defaultRegistryTypes } from '@cosmjs/stargate';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { AuthInfo, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { CodedError } from '../errors.js';
import { addressFromPubKey, toBech32Address } from './address.js';
import { AminoConverters } from './amino.js';
import { bankAminoConverters } from './bank-amino.js';
import { decodeTx, type DecodedTx } from './decode.js';
import { opensslVerify, verifySecp256k1, type Secp256k1Verify } from './secp256k1.js';
import { SignatureCache } from './sig-cache.js';
import { signatureCacheKey, verifyTxSignatures, type SignerAccount, type VerifiedSigners } from './signatures.js';
import { aminoWallet, CHAIN_ID, directWallet, FEE, RECIPIENT, signTx } from './wallets.fixture.js';

const aminoConverters = new AminoConverters().registerAll(bankAminoConverters);
const direct = await directWallet();
const amino = await aminoWallet();
const [account] = await direct.getAccounts();
const address = account!.address;
const pubKey = account!.pubkey;
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

function signer(overrides: Partial<SignerAccount> = {}): SignerAccount {
  return { address, accountNumber: 7n, sequence: 3n, ...overrides };
}

function assertCode(fn: () => unknown, code: number, message?: string | RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof CodedError, `expected a CodedError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    if (typeof message === 'string') assert.equal(err.message, message);
    else if (message) assert.match(err.message, message);
    return true;
  });
}

function editTx(tx: DecodedTx, edit: (raw: TxRaw) => TxRaw): DecodedTx {
  return decodeTx(TxRaw.encode(edit(TxRaw.decode(tx.txBytes))).finish());
}

const directTx = decodeTx(await signTx(direct));
const aminoTx = decodeTx(await signTx(amino));

const directFailure = `signature verification failed; please verify account number (7) and chain-id (${CHAIN_ID}): (unable to verify single signer signature): unauthorized`;

test('the address derived from the signer info pubkey is the wallet address (Keplr/simd derivation)', () => {
  const key = directTx.authInfo.signerInfos[0]!.publicKey!;
  assert.equal(key.typeUrl, '/cosmos.crypto.secp256k1.PubKey');
  assert.equal(toBech32Address('cosmos', addressFromPubKey(pubKey)), address);
  assert.equal(address, 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4');
});

test('DIRECT and LEGACY_AMINO_JSON signatures from cosmjs wallets verify', () => {
  assert.equal(directTx.authInfo.signerInfos[0]!.modeInfo?.single?.mode, SignMode.SIGN_MODE_DIRECT);
  assert.equal(aminoTx.authInfo.signerInfos[0]!.modeInfo?.single?.mode, SignMode.SIGN_MODE_LEGACY_AMINO_JSON);
  for (const tx of [directTx, aminoTx]) {
    const { pubKeys } = verifyTxSignatures(tx, [signer()], CHAIN_ID, { aminoConverters });
    assert.deepEqual(pubKeys, [pubKey]);
    // The account's stored key is used when there is one; the offered one must still match.
    assert.deepEqual(verifyTxSignatures(tx, [signer({ pubKey })], CHAIN_ID, { aminoConverters }).pubKeys, [pubKey]);
  }
});

test('the node:crypto fallback verifies the same txs', () => {
  for (const tx of [directTx, aminoTx]) {
    assert.ok(verifyTxSignatures(tx, [signer()], CHAIN_ID, { aminoConverters, verify: opensslVerify }));
  }
});

test('a wrong chain id, account number or flipped bit fails with code 4 in the SDK wording', () => {
  assertCode(
    () => verifyTxSignatures(directTx, [signer()], 'other-chain', { aminoConverters }),
    4,
    'signature verification failed; please verify account number (7) and chain-id (other-chain): (unable to verify single signer signature): unauthorized',
  );
  assertCode(
    () => verifyTxSignatures(directTx, [signer({ accountNumber: 8n })], CHAIN_ID),
    4,
    `signature verification failed; please verify account number (8) and chain-id (${CHAIN_ID}): (unable to verify single signer signature): unauthorized`,
  );
  // With only amino signers the sequence is inside the sign doc, so the SDK names it too.
  assertCode(
    () => verifyTxSignatures(aminoTx, [signer()], 'other-chain', { aminoConverters }),
    4,
    'signature verification failed; please verify account number (7), sequence (3) and chain-id (other-chain): unauthorized',
  );
  const flippedSig = editTx(directTx, (raw) => {
    const sig = raw.signatures[0]!.slice();
    sig[5]! ^= 0x10;
    return { ...raw, signatures: [sig] };
  });
  assertCode(() => verifyTxSignatures(flippedSig, [signer()], CHAIN_ID), 4, directFailure);
  const flippedBody = editTx(directTx, (raw) => {
    const body = raw.bodyBytes.slice();
    body[body.length - 1]! ^= 0x01; // last byte of the amount string
    return { ...raw, bodyBytes: body };
  });
  assertCode(() => verifyTxSignatures(flippedBody, [signer()], CHAIN_ID), 4, directFailure);
});

test('a wrong sequence: mismatch with the account is ErrWrongSequence; an amino doc signed for another sequence is code 4', () => {
  // Relayers parse this exact wording to resync their sequence.
  assertCode(
    () => verifyTxSignatures(directTx, [signer({ sequence: 4n })], CHAIN_ID),
    32,
    'account sequence mismatch, expected 4, got 3: incorrect account sequence',
  );
  // Amino signed for sequence 3, auth info rewritten to claim 4: amino does not sign the
  // auth info bytes, so only the sign doc's sequence catches it.
  const resequenced = editTx(aminoTx, (raw) => {
    const authInfo = AuthInfo.decode(raw.authInfoBytes);
    authInfo.signerInfos[0]!.sequence = 4n;
    return { ...raw, authInfoBytes: AuthInfo.encode(authInfo).finish() };
  });
  assertCode(
    () => verifyTxSignatures(resequenced, [signer({ sequence: 4n })], CHAIN_ID, { aminoConverters }),
    4,
    `signature verification failed; please verify account number (7), sequence (4) and chain-id (${CHAIN_ID}): unauthorized`,
  );
});

test('a high-S signature is rejected', () => {
  const highS = editTx(directTx, (raw) => {
    const sig = raw.signatures[0]!.slice();
    const s = BigInt('0x' + Buffer.from(sig.subarray(32)).toString('hex'));
    sig.set(Buffer.from((N - s).toString(16).padStart(64, '0'), 'hex'), 32);
    return { ...raw, signatures: [sig] };
  });
  assertCode(() => verifyTxSignatures(highS, [signer()], CHAIN_ID), 4, directFailure);
  assertCode(() => verifyTxSignatures(highS, [signer()], CHAIN_ID, { verify: opensslVerify }), 4, directFailure);
});

test('pubkey problems are ErrInvalidPubKey (code 8)', () => {
  const otherAddress = toBech32Address('cosmos', new Uint8Array(20).fill(9));
  assertCode(
    () => verifyTxSignatures(directTx, [signer({ address: otherAddress })], CHAIN_ID),
    8,
    `pubKey does not match signer address ${otherAddress} with signer index: 0: invalid pubkey`,
  );
  const noKey = editTx(directTx, (raw) => {
    const authInfo = AuthInfo.decode(raw.authInfoBytes);
    delete authInfo.signerInfos[0]!.publicKey;
    return { ...raw, authInfoBytes: AuthInfo.encode(authInfo).finish() };
  });
  assertCode(() => verifyTxSignatures(noKey, [signer()], CHAIN_ID), 8, 'pubkey on account is not set: invalid pubkey');
  // Without a key in the tx the stored one is used (the auth info changed, so the signature no longer matches).
  assertCode(() => verifyTxSignatures(noKey, [signer({ pubKey })], CHAIN_ID), 4, directFailure);
  const ed25519 = editTx(directTx, (raw) => {
    const authInfo = AuthInfo.decode(raw.authInfoBytes);
    authInfo.signerInfos[0]!.publicKey = { typeUrl: '/cosmos.crypto.ed25519.PubKey', value: new Uint8Array(34) };
    return { ...raw, authInfoBytes: AuthInfo.encode(authInfo).finish() };
  });
  assertCode(() => verifyTxSignatures(ed25519, [signer()], CHAIN_ID), 8, /unsupported public key type/);
  const withKeyBytes = (value: Uint8Array) =>
    editTx(directTx, (raw) => {
      const authInfo = AuthInfo.decode(raw.authInfoBytes);
      authInfo.signerInfos[0]!.publicKey = { typeUrl: '/cosmos.crypto.secp256k1.PubKey', value };
      return { ...raw, authInfoBytes: AuthInfo.encode(authInfo).finish() };
    });
  const uncompressed = new Uint8Array([0x0a, 65, 0x04, ...new Uint8Array(64).fill(1)]);
  const trailing = new Uint8Array([0x0a, 33, ...pubKey, 0x10, 0x01]);
  for (const value of [uncompressed, trailing, new Uint8Array()]) {
    assertCode(() => verifyTxSignatures(withKeyBytes(value), [signer()], CHAIN_ID), 8, /must be a 33-byte compressed key/);
  }
});

test('signature and signer counts, and sign modes', () => {
  assertCode(
    () => verifyTxSignatures(directTx, [signer(), signer()], CHAIN_ID),
    4,
    'invalid number of signer;  expected: 2, got 1: unauthorized',
  );
  const unsigned = { ...directTx, signatures: [], authInfo: { ...directTx.authInfo, signerInfos: [] } };
  assertCode(() => verifyTxSignatures(unsigned, [], CHAIN_ID), 15, 'no signatures supplied');
  const textual = editTx(directTx, (raw) => {
    const authInfo = AuthInfo.decode(raw.authInfoBytes);
    authInfo.signerInfos[0]!.modeInfo = { single: { mode: SignMode.SIGN_MODE_TEXTUAL } };
    return { ...raw, authInfoBytes: AuthInfo.encode(authInfo).finish() };
  });
  assertCode(() => verifyTxSignatures(textual, [signer()], CHAIN_ID), 37, /sign mode SIGN_MODE_TEXTUAL is not supported/);
  assertCode(() => verifyTxSignatures(aminoTx, [signer()], CHAIN_ID), 37, /LEGACY_AMINO_JSON is not enabled/);
});

test('two signers (MsgMultiSend) each sign DIRECT over the same body', async () => {
  const second = await DirectSecp256k1HdWallet.fromMnemonic('zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong');
  const [other] = await second.getAccounts();
  const registry = new Registry(defaultRegistryTypes);
  const msg: EncodeObject = {
    typeUrl: '/cosmos.bank.v1beta1.MsgMultiSend',
    value: {
      inputs: [
        { address, coins: [{ denom: 'uatom', amount: '1' }] },
        { address: other!.address, coins: [{ denom: 'uatom', amount: '1' }] },
      ],
      outputs: [{ address: RECIPIENT, coins: [{ denom: 'uatom', amount: '2' }] }],
    },
  };
  const bodyBytes = registry.encode({ typeUrl: '/cosmos.tx.v1beta1.TxBody', value: { messages: [msg], memo: '' } });
  const authInfoBytes = makeAuthInfoBytes(
    [
      { pubkey: encodePubkey(encodeSecp256k1Pubkey(pubKey)), sequence: 3 },
      { pubkey: encodePubkey(encodeSecp256k1Pubkey(other!.pubkey)), sequence: 0 },
    ],
    FEE.amount,
    Number(FEE.gas),
    undefined,
    undefined,
  );
  const sig1 = await direct.signDirect(address, makeSignDoc(bodyBytes, authInfoBytes, CHAIN_ID, 7));
  const sig2 = await second.signDirect(other!.address, makeSignDoc(bodyBytes, authInfoBytes, CHAIN_ID, 11));
  const txBytes = TxRaw.encode({
    bodyBytes,
    authInfoBytes,
    signatures: [Buffer.from(sig1.signature.signature, 'base64'), Buffer.from(sig2.signature.signature, 'base64')],
  }).finish();
  const tx = decodeTx(txBytes);
  const signers = [signer(), { address: other!.address, accountNumber: 11n, sequence: 0n }];
  assert.deepEqual(verifyTxSignatures(tx, signers, CHAIN_ID).pubKeys, [pubKey, other!.pubkey]);
  assertCode(
    () => verifyTxSignatures(tx, [signers[0]!, { ...signers[1]!, accountNumber: 12n }], CHAIN_ID),
    4,
    /account number \(12\)/,
  );
});

test('simulate runs every check except the signature itself', () => {
  const emptySig = editTx(directTx, (raw) => ({ ...raw, signatures: [new Uint8Array()] }));
  assertCode(() => verifyTxSignatures(emptySig, [signer()], CHAIN_ID), 4, directFailure);
  assert.deepEqual(verifyTxSignatures(emptySig, [signer()], CHAIN_ID, { simulate: true }).pubKeys, [pubKey]);
  assertCode(() => verifyTxSignatures(emptySig, [signer({ sequence: 2n })], CHAIN_ID, { simulate: true }), 32);
  const cache = new SignatureCache<VerifiedSigners>();
  verifyTxSignatures(emptySig, [signer()], CHAIN_ID, { simulate: true, cache });
  assert.equal(cache.size, 0);
});

test('the cache skips a second verification for identical inputs only', () => {
  let calls = 0;
  const counting: Secp256k1Verify = (...args) => {
    calls++;
    return verifySecp256k1(...args);
  };
  const cache = new SignatureCache<VerifiedSigners>(2);
  const opts = { aminoConverters, cache, verify: counting };

  verifyTxSignatures(directTx, [signer()], CHAIN_ID, opts); // CheckTx
  verifyTxSignatures(directTx, [signer()], CHAIN_ID, opts); // FinalizeBlock
  assert.equal(calls, 1);

  // Different inputs are different keys: a cached verdict never answers for them.
  assertCode(() => verifyTxSignatures(directTx, [signer({ accountNumber: 8n })], CHAIN_ID, opts), 4);
  assertCode(() => verifyTxSignatures(directTx, [signer()], 'other-chain', opts), 4);
  assert.equal(calls, 3);
  assertCode(() => verifyTxSignatures(directTx, [signer({ sequence: 4n })], CHAIN_ID, opts), 32);
  assert.equal(calls, 3, 'failures are not cached and stop before the signature check');
  assert.equal(cache.size, 1);

  // FIFO eviction at capacity.
  verifyTxSignatures(aminoTx, [signer()], CHAIN_ID, opts);
  verifyTxSignatures(directTx, [signer({ pubKey })], CHAIN_ID, opts);
  assert.equal(cache.size, 2);
  assert.equal(calls, 5);
  verifyTxSignatures(directTx, [signer()], CHAIN_ID, opts);
  assert.equal(calls, 6, 'the oldest entry was evicted');
  verifyTxSignatures(directTx, [signer({ pubKey })], CHAIN_ID, opts);
  assert.equal(calls, 6);
});

test('the cache key hashes every input of the verdict, length-prefixed (its layout is stable)', () => {
  // The layout as first written, with one hash update per part.
  const u64 = (value: bigint) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64BE(BigInt.asUintN(64, value));
    return b;
  };
  const reference = (tx: DecodedTx, signers: SignerAccount[], chainId: string) => {
    const h = createHash('sha256');
    h.update(createHash('sha256').update(tx.txBytes).digest());
    const prefixed = (data: Uint8Array) => h.update(u64(BigInt(data.length))).update(data);
    prefixed(Buffer.from(chainId, 'utf8'));
    for (const s of signers) {
      prefixed(Buffer.from(s.address, 'utf8'));
      h.update(u64(s.accountNumber)).update(u64(s.sequence));
      prefixed((s.pubKey as Uint8Array | undefined) ?? new Uint8Array());
    }
    return h.digest('hex');
  };
  const cases: Array<[DecodedTx, SignerAccount[], string]> = [
    [directTx, [signer()], CHAIN_ID],
    [aminoTx, [signer({ pubKey, accountNumber: 2n ** 64n - 1n })], 'chain-é'],
    [directTx, [signer({ pubKey }), signer({ address: RECIPIENT, sequence: 0n })], ''],
  ];
  for (const [tx, signers, chainId] of cases) assert.equal(signatureCacheKey(tx, signers, chainId), reference(tx, signers, chainId));
  assert.notEqual(signatureCacheKey(directTx, [signer()], CHAIN_ID), signatureCacheKey(directTx, [signer({ sequence: 4n })], CHAIN_ID));
});
