import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { CodedError } from '../errors.js';
import { decodeTx } from './decode.js';
import { directWallet, signTx } from './wallets.fixture.js';

function assertCode(fn: () => unknown, code: number, pattern?: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof CodedError, `expected a CodedError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    if (pattern) assert.match(err.message, pattern);
    return true;
  });
}

/** Appends a raw protobuf field (tag + payload) to a message's bytes. */
function withField(bytes: Uint8Array, tag: number[], payload: number[]): Uint8Array {
  return new Uint8Array([...bytes, ...tag, ...payload]);
}

function rebuild(txBytes: Uint8Array, edit: (raw: TxRaw) => TxRaw): Uint8Array {
  return TxRaw.encode(edit(TxRaw.decode(txBytes))).finish();
}

const validTx = await signTx(await directWallet(), { memo: 'hello' });

test('decodes a cosmjs-signed tx, keeping body bytes verbatim and messages as Any', () => {
  const tx = decodeTx(validTx);
  const raw = TxRaw.decode(validTx);
  assert.deepEqual(tx.bodyBytes, raw.bodyBytes);
  assert.deepEqual(tx.authInfoBytes, raw.authInfoBytes);
  assert.equal(tx.body.memo, 'hello');
  assert.equal(tx.body.messages.length, 1);
  assert.equal(tx.body.messages[0]!.typeUrl, '/cosmos.bank.v1beta1.MsgSend');
  assert.ok(tx.body.messages[0]!.value instanceof Uint8Array);
  assert.equal(tx.authInfo.signerInfos.length, 1);
  assert.equal(tx.authInfo.signerInfos[0]!.sequence, 3n);
  assert.equal(tx.authInfo.fee?.gasLimit, 100000n);
  assert.equal(tx.signatures.length, 1);
  assert.equal(tx.signatures[0]!.length, 64);
});

test('malformed bytes fail with ErrTxDecode (code 2)', () => {
  assertCode(() => decodeTx(new Uint8Array()), 2, /tx bytes are empty: tx parse error/);
  assertCode(() => decodeTx(new Uint8Array([0xff, 0xff, 0xff])), 2);
  assertCode(() => decodeTx(new TextEncoder().encode('{"body":{"messages":[]}}')), 2);
  assertCode(() => decodeTx(validTx.subarray(0, validTx.length - 5)), 2, /truncated/);
  // Group wire types do not exist in proto3.
  assertCode(() => decodeTx(new Uint8Array([0x0b, 0x0c])), 2);
});

test('trailing garbage and unknown fields in TxRaw are rejected', () => {
  assertCode(() => decodeTx(withField(validTx, [0x20], [0x01])), 2, /unknown field 4 .*TxRaw/);
  assertCode(() => decodeTx(new Uint8Array([...validTx, 0x00])), 2, /invalid field number 0/);
  // Non-critical numbers are allowed only in the body, not in TxRaw.
  assertCode(() => decodeTx(withField(validTx, [0xf8, 0x3f], [0x01])), 2, /unknown field 1023/);
});

test('unknown critical fields in the body fail; non-critical ones (bit 11 set) pass', () => {
  const critical = rebuild(validTx, (raw) => ({ ...raw, bodyBytes: withField(raw.bodyBytes, [0x68], [0x01]) }));
  assertCode(() => decodeTx(critical), 2, /unknown field 13 .*TxBody/);
  // Field 1024 (0x400 bit set), varint: tag = 1024 << 3 = 8192 → 0x80 0x40.
  const nonCritical = rebuild(validTx, (raw) => ({ ...raw, bodyBytes: withField(raw.bodyBytes, [0x80, 0x40], [0x01]) }));
  assert.equal(decodeTx(nonCritical).body.memo, 'hello');
});

test('the auth info is strict, recursively', () => {
  const nonCritical = rebuild(validTx, (raw) => ({ ...raw, authInfoBytes: withField(raw.authInfoBytes, [0x80, 0x40], [0x01]) }));
  assertCode(() => decodeTx(nonCritical), 2, /unknown field 1024 .*AuthInfo/);
  // A Fee (field 2) whose inner bytes carry an unknown field 9.
  const feeWithUnknown = rebuild(validTx, (raw) => ({ ...raw, authInfoBytes: withField(raw.authInfoBytes, [0x12, 0x02], [0x48, 0x01]) }));
  assertCode(() => decodeTx(feeWithUnknown), 2, /unknown field 9 .*Fee/);
  // SignerInfo { mode_info { single { mode: 1, <unknown field 2>: 1 } }, sequence: 3 }
  const single = [0x08, 0x01, 0x10, 0x01];
  const modeInfo = [0x0a, single.length, ...single];
  const signerInfo = [0x12, modeInfo.length, ...modeInfo, 0x18, 0x03];
  const deep = rebuild(validTx, (raw) => ({ ...raw, authInfoBytes: new Uint8Array([0x0a, signerInfo.length, ...signerInfo]) }));
  assertCode(() => decodeTx(deep), 2, /unknown field 2 .*ModeInfo\.Single/);
  const clean = [0x12, 4, 0x0a, 2, 0x08, 0x01, 0x18, 0x03];
  const ok = rebuild(validTx, (raw) => ({ ...raw, authInfoBytes: new Uint8Array([0x0a, clean.length, ...clean]) }));
  assert.equal(decodeTx(ok).authInfo.signerInfos[0]!.sequence, 3n);
});

test('a wire type that does not match the schema is rejected', () => {
  // memo (field 2) sent as a varint.
  const bad = rebuild(validTx, (raw) => ({ ...raw, bodyBytes: withField(raw.bodyBytes, [0x10], [0x01]) }));
  assertCode(() => decodeTx(bad), 2, /field 2 has wire type varint, expected bytes/);
});

test('invalid UTF-8 in a string field is rejected', () => {
  const bad = rebuild(validTx, (raw) => ({ ...raw, bodyBytes: withField(raw.bodyBytes, [0x12, 0x02], [0xc3, 0x28]) }));
  assertCode(() => decodeTx(bad), 2, /not valid UTF-8/);
});

test('signature count must equal signer info count', () => {
  const extra = rebuild(validTx, (raw) => ({ ...raw, signatures: [...raw.signatures, new Uint8Array(64)] }));
  assertCode(() => decodeTx(extra), 2, /2 signatures but 1 signer infos/);
  const none = rebuild(validTx, (raw) => ({ ...raw, signatures: [] }));
  assertCode(() => decodeTx(none), 2, /0 signatures but 1 signer infos/);
});

test('oversized txs fail with ErrTxTooLarge (code 21)', () => {
  assertCode(() => decodeTx(validTx, { maxTxBytes: validTx.length - 1 }), 21, /larger than the maximum/);
  assert.ok(decodeTx(validTx, { maxTxBytes: validTx.length }));
});

test('unsupported body features are refused rather than ignored', () => {
  const body = TxBody.decode(TxRaw.decode(validTx).bodyBytes);
  const withBody = (b: TxBody) => rebuild(validTx, (raw) => ({ ...raw, bodyBytes: TxBody.encode(b).finish() }));
  assertCode(() => decodeTx(withBody({ ...body, unordered: true })), 2, /unordered/);
  assertCode(() => decodeTx(withBody({ ...body, timeoutTimestamp: { seconds: 1n, nanos: 0 } })), 2, /timeout_timestamp/);
  const ext = { typeUrl: '/some.Extension', value: new Uint8Array() };
  assertCode(() => decodeTx(withBody({ ...body, extensionOptions: [ext] })), 31, /^unknown extension options$/);
  assert.ok(decodeTx(withBody({ ...body, nonCriticalExtensionOptions: [ext] })));
});
