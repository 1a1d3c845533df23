import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToKey, compareBytes, keyToBytes } from './encoding.js';

describe('bytesToKey', () => {
  it('is the latin1 string of the bytes, for short and long keys and views into larger buffers', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    for (const length of [0, 1, 2, 20, 21, 127, 128, 129, 500, 70_000]) {
      const backing = new Uint8Array(length + 9).map(rand);
      const bytes = backing.subarray(5, 5 + length);
      const key = bytesToKey(bytes);
      assert.equal(key, Buffer.from(bytes).toString('latin1'), `length ${length}`);
      assert.deepEqual(new Uint8Array(keyToBytes(key)), bytes.slice(), `length ${length}`);
    }
  });

  it('sorts as the bytes do', () => {
    const keys = [[], [0], [0, 0], [0, 255], [1], [127], [128], [128, 0], [200, 1, 2], [255], [255, 255]].map((k) => Uint8Array.from(k));
    const shuffled = [...keys].reverse();
    const byString = [...shuffled].sort((a, b) => (bytesToKey(a) < bytesToKey(b) ? -1 : bytesToKey(a) > bytesToKey(b) ? 1 : 0));
    const byBytes = [...shuffled].sort(compareBytes);
    assert.deepEqual(byString, byBytes);
    assert.deepEqual(byBytes, keys);
  });
});
