// Map, KeySet, Item, Sequence, ranges, the schema's checks and collection pagination, over a
// real Context (so every access also goes through the gas store).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Coin } from 'cosmjs-types/cosmos/base/v1beta1/coin';
import { paginateCollection } from '../../pagination.js';
import { testContext } from '../../testing.js';
import type { Entry, KVStore } from '../kv.js';
import { toHex } from '../encoding.js';
import {
  bytesKey,
  CollectionSchemaError,
  Item,
  KeySet,
  Map as CollectionMap,
  pairKey,
  protoValue,
  SchemaBuilder,
  Sequence,
  stringKey,
  tripleKey,
  uint64Key,
  uint64Value,
  type StoreContext,
} from './index.js';

const ctx = () => testContext({ stores: ['test'] });

describe('collections', () => {
  it('Map: get, has, set, remove, and keys at the prefix then the key bytes', () => {
    const c = ctx();
    const sb = new SchemaBuilder('test');
    const balances = new CollectionMap(sb, 0x02, 'balances', pairKey(bytesKey, stringKey), protoValue(Coin));
    const owner = Uint8Array.of(0xaa, 0xbb);
    assert.equal(balances.get(c, [owner, 'stake']), undefined);
    balances.set(c, [owner, 'stake'], { denom: 'stake', amount: '5' });
    assert.deepEqual(balances.get(c, [owner, 'stake']), { denom: 'stake', amount: '5' });
    assert.equal(balances.has(c, [owner, 'stake']), true);
    const raw = [...c.kvStore('test').iterator()];
    assert.equal(toHex(raw[0]![0]), '02' + '02aabb' + toHex(Buffer.from('stake')));
    balances.remove(c, [owner, 'stake']);
    balances.remove(c, [owner, 'stake']); // absent: nothing happens
    assert.equal(balances.has(c, [owner, 'stake']), false);
  });

  it('iterates ranges: prefixes of pairs stop at their own keys, bounds in and out, reverse', () => {
    const c = ctx();
    const sb = new SchemaBuilder('test');
    const m = new CollectionMap(sb, 'm', 'm', pairKey(bytesKey, uint64Key), uint64Value);
    // (01, n) and (0102, n): without the length prefix, the second would start with the first.
    for (const n of [1n, 2n, 3n, 4n]) {
      m.set(c, [Uint8Array.of(1), n], n);
      m.set(c, [Uint8Array.of(1, 2), n], 10n + n);
    }
    const values = (range: Parameters<typeof m.values>[1]) => [...m.values(c, range)];
    assert.deepEqual(values({ prefix: [Uint8Array.of(1)] }), [1n, 2n, 3n, 4n]);
    assert.deepEqual(values({ prefix: [Uint8Array.of(1, 2)], reverse: true }), [14n, 13n, 12n, 11n]);
    assert.deepEqual(values({ prefix: [Uint8Array.of(1)], start: [Uint8Array.of(1), 2n], end: [Uint8Array.of(1), 4n] }), [2n, 3n]);
    assert.deepEqual(values({ prefix: [Uint8Array.of(1)], start: [Uint8Array.of(1), 2n], startExclusive: true, end: [Uint8Array.of(1), 4n], endInclusive: true }), [3n, 4n]);
    assert.deepEqual(values({ end: [Uint8Array.of(1)], endInclusive: true }), [1n, 2n, 3n, 4n]);
    assert.deepEqual(values({ start: [Uint8Array.of(1)], startExclusive: true }), [11n, 12n, 13n, 14n]);
    assert.deepEqual(values({ start: [Uint8Array.of(1), 3n], end: [Uint8Array.of(1), 3n] }), []);
    assert.deepEqual(values({ start: [Uint8Array.of(9), 3n], end: [Uint8Array.of(1), 3n] }), []);
    assert.deepEqual([...m.keys(c, { prefix: [Uint8Array.of(1, 2)], reverse: true })][0], [Uint8Array.of(1, 2), 4n]);

    const t = new CollectionMap(sb, 't', 't', tripleKey(stringKey, stringKey, uint64Key), uint64Value);
    for (const [a, b] of [['a', 'x'], ['a', 'xy'], ['ab', 'x'], ['a', '']]) t.set(c, [a!, b!, 1n], 1n);
    assert.deepEqual([...t.keys(c, { prefix: ['a'] })].map(([a, b]) => `${a}/${b}`), ['a/', 'a/x', 'a/xy']);
    assert.deepEqual([...t.keys(c, { prefix: ['a', 'x'] })].map(([a, b]) => `${a}/${b}`), ['a/x']);
    // A single-part string key's prefix is a prefix of the string, as the SDK's Range.Prefix.
    const s = new KeySet(sb, 's', 's', stringKey);
    for (const w of ['ab', 'abc', 'abd', 'b']) s.set(c, w);
    assert.deepEqual([...s.keys(c, { prefix: 'ab' })], ['ab', 'abc', 'abd']);
  });

  it('closes the store iterator when a loop stops early', () => {
    const c = ctx();
    let open = 0;
    const counting: StoreContext = {
      kvStore(key): KVStore {
        const store = c.kvStore(key);
        return {
          ...store,
          get: (k) => store.get(k),
          has: (k) => store.has(k),
          set: (k, v) => store.set(k, v),
          delete: (k) => store.delete(k),
          *iterator(start, end, reverse) {
            open++;
            try {
              yield* store.iterator(start, end, reverse) as Iterable<Entry>;
            } finally {
              open--;
            }
          },
        };
      },
    };
    const set = new KeySet(new SchemaBuilder('test'), 1, 'numbers', uint64Key);
    for (let i = 0n; i < 10n; i++) set.set(counting, i);
    for (const n of set.keys(counting)) if (n === 2n) break;
    assert.equal(open, 0);
  });

  it('Item and Sequence', () => {
    const c = ctx();
    const sb = new SchemaBuilder('test');
    const total = new Item(sb, 0x01, 'total', uint64Value);
    assert.equal(total.get(c), undefined);
    total.set(c, 9n);
    assert.equal(total.get(c), 9n);
    assert.equal(toHex([...c.kvStore('test').iterator()][0]![0]), '01');
    total.remove(c);
    assert.equal(total.has(c), false);
    const ids = new Sequence(sb, 0x02, 'ids');
    assert.equal(ids.peek(c), 0n);
    assert.equal(ids.next(c), 0n);
    assert.equal(ids.next(c), 1n);
    assert.equal(ids.peek(c), 2n);
    ids.set(c, 100n);
    assert.equal(ids.next(c), 100n);
    assert.equal(toHex(c.kvStore('test').get(Uint8Array.of(0x02))!), '0000000000000065');
  });

  it('refuses a schema with a name or prefix used twice, or one prefix inside another', () => {
    const sb = new SchemaBuilder('test');
    new Item(sb, 0x01, 'a', uint64Value);
    const refused = (f: () => unknown, message: RegExp) => assert.throws(f, (err) => err instanceof CollectionSchemaError && message.test(err.message));
    refused(() => new Item(sb, 0x02, 'a', uint64Value), /collection name a is already taken in store test/);
    refused(() => new Item(sb, 0x01, 'b', uint64Value), /prefix 01 of collection b overlaps prefix 01 of collection a/);
    refused(() => new Item(sb, Uint8Array.of(1, 5), 'c', uint64Value), /prefix 0105 of collection c overlaps prefix 01 of collection a/);
    refused(() => new Item(sb, 0x100, 'd', uint64Value), /a numeric prefix is one byte, got 256/);
    refused(() => new Item(sb, 0x03, 'bad name', uint64Value), /must match/);
    new Item(sb, 0x02, 'e', uint64Value);
    assert.deepEqual(sb.layout(), [
      { name: 'a', prefix: '01' },
      { name: 'e', prefix: '02' },
    ]);
  });

  it('paginates a collection, or the keys under a prefix, as the SDK does', () => {
    const c = ctx();
    const m = new CollectionMap(new SchemaBuilder('test'), 0x05, 'm', pairKey(stringKey, uint64Key), uint64Value);
    for (const owner of ['a', 'b']) for (let i = 0n; i < 5n; i++) m.set(c, [owner, i], i);
    const seen: string[] = [];
    const first = paginateCollection(c, m, { key: new Uint8Array(), offset: 0n, limit: 2n, countTotal: true, reverse: false }, ([o, i]) => seen.push(`${o}${i}`), ['b']);
    assert.deepEqual(seen, ['b0', 'b1']);
    assert.equal(first.total, 5n);
    // next_key is relative to the prefix: the rest of (b, 2).
    assert.equal(toHex(first.nextKey), '0000000000000002');
    paginateCollection(c, m, { key: first.nextKey, offset: 0n, limit: 10n, countTotal: false, reverse: false }, ([o, i]) => seen.push(`${o}${i}`), ['b']);
    assert.deepEqual(seen, ['b0', 'b1', 'b2', 'b3', 'b4']);
    const all = paginateCollection(c, m, undefined, () => {});
    assert.equal(all.total, 10n);
  });
});
