import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { memoizeMultiStoreReads, memoizeReads } from './read-memo.js';
import { memoryStore } from './testing.js';

const b = (...bytes: number[]) => Uint8Array.from(bytes);

describe('memoizeReads', () => {
  it('fetches each key once, including absent keys, and sees its own writes and deletes', () => {
    const base = memoryStore(['s']).getStore('s');
    base.set(b(1), b(10));
    let fetches = 0;
    const counted = { ...base, get: (key: Uint8Array) => (fetches++, base.get(key)), iterator: base.iterator.bind(base), set: base.set.bind(base), delete: base.delete.bind(base), has: base.has.bind(base) };
    const store = memoizeReads(counted);
    assert.deepEqual(store.get(b(1)), b(10));
    assert.deepEqual(store.get(b(1)), b(10));
    assert.equal(store.get(b(2)), undefined);
    assert.equal(store.has(b(2)), false);
    assert.equal(fetches, 2);
    store.set(b(2), b(20));
    store.delete(b(1));
    assert.deepEqual(store.get(b(2)), b(20));
    assert.equal(store.get(b(1)), undefined);
    assert.equal(fetches, 2);
    assert.deepEqual(base.get(b(2)), b(20), 'writes go through');
    assert.equal(base.get(b(1)), undefined, 'deletes go through');
    assert.deepEqual([...store.iterator()].map(([k, v]) => [[...k], [...v]]), [[[2], [20]]]);
  });

  it('rejects invalid keys as the store does, and remembers nothing for them', () => {
    const store = memoizeReads(memoryStore(['s']).getStore('s'));
    assert.throws(() => store.get(b()), /key must not be empty/);
    assert.throws(() => store.set(b(), b(1)), /key must not be empty/);
    assert.throws(() => store.get(b()), /key must not be empty/);
  });

  it('a branch of a memoized multistore writes back through the memo', () => {
    const parent = memoryStore(['s']);
    parent.getStore('s').set(b(1), b(1));
    const view = memoizeMultiStoreReads(parent);
    assert.deepEqual(view.getStore('s').get(b(1)), b(1));
    const branch = view.branch();
    branch.getStore('s').set(b(1), b(2));
    assert.deepEqual(view.getStore('s').get(b(1)), b(1), 'not before write()');
    branch.write();
    assert.deepEqual(view.getStore('s').get(b(1)), b(2));
    assert.deepEqual(parent.getStore('s').get(b(1)), b(2));
  });
});
