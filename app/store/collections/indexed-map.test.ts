// IndexedMap and its indexes: consistent on insert, update and remove, a unique index's
// conflicts refused, key indexes that cost no read, and a seeded run of thousands of random
// operations checked against a plain JS Map.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Coin } from 'cosmjs-types/cosmos/base/v1beta1/coin';
import type { Context } from '../../context.js';
import { testContext } from '../../testing.js';
import { compareBytes } from '../encoding.js';
import { rng } from '../testing.js';
import {
  CollectionConflictError,
  IndexedMap,
  KeySet,
  Map as CollectionMap,
  MultiIndex,
  pairKey,
  protoValue,
  reversePairIndex,
  SchemaBuilder,
  stringKey,
  uint64Key,
  UniqueIndex,
  type Pair,
  type Range,
} from './index.js';

type PK = Pair<bigint, string>;
const pkCodec = pairKey(uint64Key, stringKey);

/** Records keyed by (number, name); the value's denom is its owner, its amount a unique code. */
function records(sb: SchemaBuilder) {
  return new IndexedMap(sb, 0x01, 'records', pkCodec, protoValue(Coin), {
    byOwner: new MultiIndex<string, PK, Coin>(sb, 0x02, 'records_by_owner', stringKey, pkCodec, (_pk, v) => v.denom),
    byCode: new UniqueIndex<string, PK, Coin>(sb, 0x03, 'records_by_code', stringKey, pkCodec, (_pk, v) => v.amount),
    byName: reversePairIndex<bigint, string, Coin>(sb, 0x04, 'records_by_name', pkCodec),
  });
}

const ctx = () => testContext({ stores: ['test'] });

describe('IndexedMap', () => {
  it('keeps every index consistent on insert, update and remove', () => {
    const c = ctx();
    const r = records(new SchemaBuilder('test'));
    r.set(c, [1n, 'a'], { denom: 'alice', amount: '100' });
    r.set(c, [2n, 'b'], { denom: 'alice', amount: '200' });
    r.set(c, [3n, 'a'], { denom: 'bob', amount: '300' });
    assert.deepEqual([...r.indexes.byOwner.matchExact(c, 'alice')], [[1n, 'a'], [2n, 'b']]);
    assert.deepEqual(r.indexes.byCode.matchExact(c, '300'), [3n, 'a']);
    assert.deepEqual([...r.indexes.byName.primaryKeys(c, { prefix: ['a'] })], [[1n, 'a'], [3n, 'a']]);
    // An update moves the multi and unique references and drops the old ones.
    r.set(c, [1n, 'a'], { denom: 'bob', amount: '101' });
    assert.deepEqual([...r.indexes.byOwner.matchExact(c, 'alice')], [[2n, 'b']]);
    assert.deepEqual([...r.indexes.byOwner.matchExact(c, 'bob')], [[1n, 'a'], [3n, 'a']]);
    assert.equal(r.indexes.byCode.matchExact(c, '100'), undefined);
    assert.deepEqual(r.indexes.byCode.matchExact(c, '101'), [1n, 'a']);
    // Setting the same value again keeps the references.
    r.set(c, [1n, 'a'], { denom: 'bob', amount: '101' });
    assert.deepEqual(r.indexes.byCode.matchExact(c, '101'), [1n, 'a']);
    r.remove(c, [3n, 'a']);
    assert.deepEqual([...r.indexes.byOwner.matchExact(c, 'bob')], [[1n, 'a']]);
    assert.equal(r.indexes.byCode.matchExact(c, '300'), undefined);
    assert.deepEqual([...r.indexes.byName.primaryKeys(c, { prefix: ['a'] })], [[1n, 'a']]);
    r.remove(c, [9n, 'zz']); // absent: nothing happens
    assert.deepEqual([...r.keys(c)], [[1n, 'a'], [2n, 'b']]);
  });

  it('refuses a second record with the same unique reference', () => {
    const c = ctx();
    const r = records(new SchemaBuilder('test'));
    r.set(c, [1n, 'a'], { denom: 'alice', amount: '100' });
    assert.throws(
      () => r.set(c, [2n, 'b'], { denom: 'bob', amount: '100' }),
      (err) => err instanceof CollectionConflictError && /index uniqueness constraint violation: 100/.test(err.message),
    );
    assert.equal(r.get(c, [2n, 'b']), undefined);
  });

  it('reads nothing for an index made of the primary key alone: the gas of two plain writes', () => {
    const sb = new SchemaBuilder('test');
    const delegations = new IndexedMap(sb, 0x01, 'delegations', pkCodec, protoValue(Coin), { byName: reversePairIndex(sb, 0x02, 'by_name', pkCodec) });
    const plain = new SchemaBuilder('test');
    const map = new CollectionMap(plain, 0x01, 'delegations', pkCodec, protoValue(Coin));
    const index = new KeySet(plain, 0x02, 'by_name', pairKey(stringKey, uint64Key));
    const gas = (f: (c: Context) => void) => {
      const c = ctx();
      f(c);
      return c.gasMeter.consumed;
    };
    const value = { denom: 'a', amount: '1' };
    assert.equal(
      gas((c) => delegations.set(c, [1n, 'x'], value)),
      gas((c) => {
        map.set(c, [1n, 'x'], value);
        index.set(c, ['x', 1n]);
      }),
    );
    assert.equal(
      gas((c) => delegations.remove(c, [1n, 'x'])),
      gas((c) => {
        map.remove(c, [1n, 'x']);
        index.remove(c, ['x', 1n]);
      }),
    );
  });

  it('agrees with a plain JS Map over thousands of seeded random operations', () => {
    const c = ctx();
    const r = records(new SchemaBuilder('test'));
    const model = new Map<string, { pk: PK; value: Coin }>();
    const rand = rng(1337);
    const names = ['', 'a', 'ab', 'b', 'ba', 'zeta'];
    const owners = ['alice', 'bob', 'carol', 'dave'];
    const id = (pk: PK) => `${pk[0]}/${pk[1]}`;
    const cmpPk = (a: PK, b: PK) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : compareBytes(Buffer.from(a[1]), Buffer.from(b[1])));
    const sorted = () => [...model.values()].sort((a, b) => cmpPk(a.pk, b.pk));
    const randomPk = (): PK => [BigInt(rand.int(40)), names[rand.int(names.length)]!];
    let conflicts = 0;

    const check = () => {
      const expected = sorted();
      assert.deepEqual([...r.iterate(c)], expected.map((e) => [e.pk, e.value]));
      for (const owner of owners) {
        assert.deepEqual([...r.indexes.byOwner.matchExact(c, owner)], expected.filter((e) => e.value.denom === owner).map((e) => e.pk));
      }
      assert.deepEqual([...r.indexes.byCode.iterate(c)].map(([code, pk]) => `${code}=${id(pk)}`).sort(), expected.map((e) => `${e.value.amount}=${id(e.pk)}`).sort());
      const byName = [...expected].sort((a, b) => compareBytes(Buffer.from(a.pk[1]), Buffer.from(b.pk[1])) || (a.pk[0] < b.pk[0] ? -1 : a.pk[0] > b.pk[0] ? 1 : 0));
      assert.deepEqual([...r.indexes.byName.primaryKeys(c)], byName.map((e) => e.pk));
    };

    for (let op = 0; op < 5000; op++) {
      const pk = randomPk();
      const roll = rand.int(10);
      if (roll < 6) {
        const value = { denom: owners[rand.int(owners.length)]!, amount: String(rand.int(300)) };
        const holder = [...model.values()].find((e) => e.value.amount === value.amount && id(e.pk) !== id(pk));
        // Each write in a branch, as a tx: a refused one keeps nothing.
        const branch = c.store.branch();
        const bc = c.with(branch);
        if (holder !== undefined) {
          assert.throws(() => r.set(bc, pk, value), CollectionConflictError);
          conflicts++;
        } else {
          r.set(bc, pk, value);
          branch.write();
          model.set(id(pk), { pk, value });
        }
      } else if (roll < 9) {
        r.remove(c, pk);
        model.delete(id(pk));
      } else {
        // A random range over the primary key, against the model filtered the same way.
        const a = randomPk();
        const b = randomPk();
        const [lo, hi] = cmpPk(a, b) <= 0 ? [a, b] : [b, a];
        const range: Range<PK> = { start: lo, end: hi, startExclusive: rand.int(2) === 0, endInclusive: rand.int(2) === 0, reverse: rand.int(2) === 0 };
        let expected = sorted().filter((e) => {
          const s = cmpPk(e.pk, lo);
          const t = cmpPk(e.pk, hi);
          return (range.startExclusive ? s > 0 : s >= 0) && (range.endInclusive ? t <= 0 : t < 0);
        });
        if (range.reverse) expected = expected.reverse();
        assert.deepEqual([...r.keys(c, range)], expected.map((e) => e.pk));
        const prefix = BigInt(rand.int(40));
        assert.deepEqual([...r.keys(c, { prefix: [prefix] })], sorted().filter((e) => e.pk[0] === prefix).map((e) => e.pk));
      }
      if (op % 250 === 0) check();
    }
    check();
    assert.ok(model.size > 20, `model holds ${model.size} records`);
    assert.ok(conflicts > 10, `${conflicts} unique conflicts were tried`);
  });
});
