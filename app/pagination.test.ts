import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PageRequest } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import { CodedError } from './errors.js';
import { paginate } from './pagination.js';
import { memoryStore } from './testing.js';

const store = memoryStore(['s']).getStore('s');
for (const k of ['a', 'b', 'c', 'd', 'e']) store.set(Buffer.from(k), Buffer.from(k.toUpperCase()));

function page(request: Partial<PageRequest>) {
  const keys: string[] = [];
  const response = paginate(store, PageRequest.fromPartial(request), (key) => keys.push(Buffer.from(key).toString()));
  return { keys, next: Buffer.from(response.nextKey).toString(), total: response.total };
}

describe('paginate', () => {
  it('walks pages by key until next_key is empty', () => {
    assert.deepEqual(page({ limit: 2n }), { keys: ['a', 'b'], next: 'c', total: 0n });
    assert.deepEqual(page({ limit: 2n, key: Buffer.from('c') }), { keys: ['c', 'd'], next: 'e', total: 0n });
    assert.deepEqual(page({ limit: 2n, key: Buffer.from('e') }), { keys: ['e'], next: '', total: 0n });
  });

  it('pages by offset, counts the total when asked, and goes in reverse', () => {
    assert.deepEqual(page({ offset: 1n, limit: 2n, countTotal: true }), { keys: ['b', 'c'], next: 'd', total: 5n });
    assert.deepEqual(page({ limit: 2n, reverse: true }), { keys: ['e', 'd'], next: 'c', total: 0n });
    assert.deepEqual(page({ limit: 2n, reverse: true, key: Buffer.from('c') }), { keys: ['c', 'b'], next: 'a', total: 0n });
    assert.deepEqual(page({}), { keys: ['a', 'b', 'c', 'd', 'e'], next: '', total: 5n }, 'no limit: the SDK counts the total');
  });

  it('refuses a key and an offset together', () => {
    assert.throws(() => page({ key: Buffer.from('a'), offset: 1n }), (err: unknown) => err instanceof CodedError && err.code === 18);
  });
});
