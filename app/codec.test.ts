// The exact-size protobuf allocator (codec.ts): same bytes as cosmjs-types' own writer.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';
import { BaseAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { Any } from 'cosmjs-types/google/protobuf/any';
import { ResponseFinalizeBlock } from 'cosmjs-types/tendermint/abci/types';

// Captured before codec.ts is loaded (imported dynamically below), so the comparison is
// against the allocator cosmjs-types ships.
const shippedAlloc = BinaryWriter.alloc;
const shippedString = BinaryReader.prototype.string;

function samples(): Array<() => Uint8Array> {
  const key = new Uint8Array(33).map((_, i) => i + 2);
  const account = BaseAccount.fromPartial({
    address: 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4',
    pubKey: { typeUrl: '/cosmos.crypto.secp256k1.PubKey', value: PubKey.encode({ key }).finish() },
    accountNumber: 12345678901n,
    sequence: 42n,
  });
  const send = MsgSend.fromPartial({
    fromAddress: 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4',
    toAddress: 'cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu',
    amount: [{ denom: 'uatom', amount: '1000' }],
  });
  const body = TxBody.fromPartial({ messages: [{ typeUrl: '/cosmos.bank.v1beta1.MsgSend', value: MsgSend.encode(send).finish() }], memo: 'é'.repeat(300) });
  const big = new Uint8Array(20_000).map((_, i) => i % 251);
  return [
    () => BaseAccount.encode(BaseAccount.fromPartial({})).finish(),
    () => PubKey.encode({ key }).finish(),
    () => Any.encode({ typeUrl: '/cosmos.auth.v1beta1.BaseAccount', value: BaseAccount.encode(account).finish() }).finish(),
    () => MsgSend.encode(send).finish(),
    () => TxBody.encode(body).finish(),
    () => TxRaw.encode({ bodyBytes: big, authInfoBytes: big.subarray(5, 4100), signatures: [big.subarray(0, 64)] }).finish(),
    () =>
      ResponseFinalizeBlock.encode(
        ResponseFinalizeBlock.fromPartial({
          txResults: Array.from({ length: 50 }, (_, i) => ({ code: i % 3, log: `log ${i}`, gasUsed: BigInt(i * 1000), events: [{ type: 'tx', attributes: [{ key: 'fee', value: `${i}uatom`, index: true }] }] })),
          appHash: key,
        }),
      ).finish(),
  ];
}

describe('protobuf codec patches (codec.ts)', () => {
  it('encodes byte-identically to the shipped allocator, and allocates exactly the encoded length', async () => {
    const shipped = samples().map((encode) => encode());
    const { exactAlloc, protobufAllocPatched } = await import('./codec.js');
    assert.notEqual(shippedAlloc, exactAlloc);
    assert.equal(protobufAllocPatched(), true);
    const patched = samples().map((encode) => encode());
    assert.equal(patched.length, shipped.length);
    patched.forEach((bytes, i) => {
      assert.deepEqual(Buffer.from(bytes), Buffer.from(shipped[i]!), `sample ${i}`);
      // Its own buffer, not a view into a shared slab.
      assert.equal(bytes.byteOffset, 0, `sample ${i}`);
      assert.equal(bytes.buffer.byteLength, bytes.length, `sample ${i}`);
    });
  });

  it('is what finish() allocates with (a cosmjs-types upgrade that bypasses alloc fails here)', async () => {
    await import('./codec.js');
    const seen: number[] = [];
    const installed = BinaryWriter.alloc;
    BinaryWriter.alloc = (size: number) => {
      seen.push(size);
      return installed(size);
    };
    try {
      const bytes = MsgSend.encode(MsgSend.fromPartial({ fromAddress: 'a', toAddress: 'b' })).finish();
      assert.deepEqual(seen, [bytes.length]);
    } finally {
      BinaryWriter.alloc = installed;
    }
  });
});

describe('BinaryReader.string patch', () => {
  /** A length-delimited field 1 holding `bytes`, read back with `read`. */
  const readWith = (read: (this: BinaryReader) => string, bytes: Uint8Array): string => {
    const writer = BinaryWriter.create();
    writer.uint32(10).bytes(bytes);
    const reader = new BinaryReader(writer.finish());
    reader.uint32();
    return read.call(reader);
  };

  it('reads every string exactly as the shipped decoder does, valid UTF-8 or not', async () => {
    const { readString } = await import('./codec.js');
    assert.equal(BinaryReader.prototype.string, readString);
    assert.notEqual(shippedString, readString);
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const samples: Uint8Array[] = [
      new Uint8Array(),
      Buffer.from('cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4'),
      Buffer.from('/cosmos.auth.v1beta1.BaseAccount'),
      Buffer.from('é ü 中文 😀 mixed'),
      Buffer.from('x'.repeat(1024)),
      Buffer.from('x'.repeat(1025)),
      Buffer.from('y'.repeat(20_000)),
      Uint8Array.of(0x7f, 0x00, 0x41),
      Uint8Array.of(0x80),
      Uint8Array.of(0xff, 0xfe, 0x41),
      Uint8Array.of(0xc3),
      Uint8Array.of(0xf0, 0x9f, 0x98),
    ];
    for (let i = 0; i < 300; i++) samples.push(Uint8Array.from({ length: rand(40) }, () => (rand(4) === 0 ? rand(256) : rand(128))));
    for (const bytes of samples) assert.equal(readWith(readString, bytes), readWith(shippedString, bytes), `bytes ${Buffer.from(bytes).toString('hex')}`);
  });
});

/** The protobuf varint of a value as two's complement over 64 bits: the reference. */
function varintOf(value: bigint): string {
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  while (v > 127n) {
    out.push(Number(v & 127n) | 128);
    v >>= 7n;
  }
  out.push(Number(v));
  return Buffer.from(out).toString('hex');
}

describe('64-bit varints (codec.ts repairs cosmjs-types writeVarint64)', () => {
  const unsigned = [0n, 1n, 127n, 128n, 2n ** 28n, 2n ** 31n - 1n, 2n ** 31n, 3_000_000_000n, 4_241_688_275n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n];

  it('writes uint64 and int64 as protobuf does over the whole range, and reads them back', async () => {
    const { varint64Repaired } = await import('./codec.js');
    assert.equal(varint64Repaired(), true);
    for (const value of unsigned) {
      const bytes = new BinaryWriter().uint64(value).finish();
      assert.equal(Buffer.from(bytes).toString('hex'), varintOf(value), `uint64 ${value}`);
      assert.equal(new BinaryReader(bytes).uint64(), value, `uint64 ${value} read back`);
    }
    for (const value of [-1n, -(2n ** 31n), -(2n ** 31n) - 1n, -3_000_000_000n, 2n ** 31n, 3_000_000_000n, 2n ** 63n - 1n, -(2n ** 63n)]) {
      const bytes = new BinaryWriter().int64(value).finish();
      assert.equal(Buffer.from(bytes).toString('hex'), varintOf(value), `int64 ${value}`);
      assert.equal(new BinaryReader(bytes).int64(), value, `int64 ${value} read back`);
    }
    for (const value of [2n ** 30n, -(2n ** 30n) - 1n, 2n ** 31n - 1n, -(2n ** 31n)]) {
      const bytes = new BinaryWriter().sint64(value).finish();
      assert.equal(Buffer.from(bytes).toString('hex'), varintOf(value >= 0n ? value * 2n : -value * 2n - 1n), `sint64 ${value}`);
      assert.equal(new BinaryReader(bytes).sint64(), value, `sint64 ${value} read back`);
    }
  });

  it('answers CometBFT with a gas figure above 2^31 that decodes as sent (the original wrote a tag 0)', async () => {
    await import('./codec.js');
    const response = ResponseFinalizeBlock.fromPartial({ txResults: [{ code: 0, gasWanted: 3_000_000_000n, gasUsed: 2_500_000_000n }] });
    const decoded = ResponseFinalizeBlock.decode(ResponseFinalizeBlock.encode(response).finish());
    assert.equal(decoded.txResults[0]!.gasWanted, 3_000_000_000n);
    assert.equal(decoded.txResults[0]!.gasUsed, 2_500_000_000n);
  });
});
