import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BinaryWriter } from 'cosmjs-types/binary';
import { DEFAULT_MAX_FRAME_BYTES, FrameDecoder, FrameError, encodeFrame, varintSize } from './framing.js';

function body(length: number, seed = length): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return bytes;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function decodeChunks(chunks: Uint8Array[], max?: number): Uint8Array[] {
  const decoder = new FrameDecoder(max);
  const frames: Uint8Array[] = [];
  // Copy each frame: views into a chunk are only promised while onFrame runs.
  for (const chunk of chunks) decoder.push(chunk, (f) => frames.push(f.slice()));
  assert.ok(decoder.idle, 'decoder left with a half-read frame');
  return frames;
}

const SIZES = [0, 1, 2, 127, 128, 129, 300, 16383, 16384, 70000];

describe('encodeFrame', () => {
  it('prefixes an unsigned varint length, as protoio / protobuf ldelim do', () => {
    for (const size of SIZES) {
      const payload = body(size);
      const expected = new BinaryWriter().bytes(payload).finish();
      assert.deepEqual(encodeFrame(payload), expected, `size ${size}`);
      assert.equal(varintSize(size) + size, expected.length);
    }
  });

  it('is not zigzag: a 1-byte message has length byte 0x01', () => {
    assert.equal(encodeFrame(new Uint8Array([7]))[0], 0x01);
    assert.deepEqual([...encodeFrame(body(300)).subarray(0, 2)], [0xac, 0x02]);
  });
});

describe('FrameDecoder', () => {
  const payloads = SIZES.map((n) => body(n));
  const stream = concat(payloads.map(encodeFrame));

  it('decodes many frames from one chunk', () => {
    assert.deepEqual(decodeChunks([stream]), payloads);
  });

  it('hands out whole frames as views of the chunk (no copy)', () => {
    const chunk = encodeFrame(body(10));
    new FrameDecoder().push(chunk, (frame) => assert.equal(frame.buffer, chunk.buffer));
  });

  it('reassembles frames split at every byte offset', () => {
    const small = concat([body(1), body(200), body(0), body(5)].map(encodeFrame));
    const expected = [body(1), body(200), body(0), body(5)];
    for (let cut = 0; cut <= small.length; cut++) {
      assert.deepEqual(decodeChunks([small.subarray(0, cut), small.subarray(cut)]), expected, `cut at ${cut}`);
    }
    for (let cut = 0; cut <= stream.length; cut += 997) {
      assert.deepEqual(decodeChunks([stream.subarray(0, cut), stream.subarray(cut)]), payloads, `cut at ${cut}`);
    }
  });

  it('reassembles a stream fed one byte at a time', () => {
    const chunks = Array.from(stream, (byte) => new Uint8Array([byte]));
    assert.deepEqual(decodeChunks(chunks), payloads);
  });

  it('reports a half-read frame as not idle', () => {
    const decoder = new FrameDecoder();
    decoder.push(encodeFrame(body(300)).subarray(0, 1), () => assert.fail('no frame yet'));
    assert.equal(decoder.idle, false);
  });

  it('rejects an over-size frame from its length prefix alone', () => {
    const decoder = new FrameDecoder(100);
    const header = encodeFrame(body(101)).subarray(0, 1);
    assert.throws(() => decoder.push(header, () => {}), FrameError);
    assert.doesNotThrow(() => new FrameDecoder(100).push(encodeFrame(body(100)), () => {}));
  });

  it('rejects a huge length long before reading it', () => {
    const header = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x7f]);
    assert.throws(() => new FrameDecoder().push(header, () => {}), /exceeds the maximum/);
    assert.ok(DEFAULT_MAX_FRAME_BYTES < 2 ** 35);
  });

  it('rejects a varint longer than 10 bytes', () => {
    const junk = new Uint8Array(11).fill(0x80);
    assert.throws(() => new FrameDecoder().push(junk, () => {}), /varint too long/);
  });
});
