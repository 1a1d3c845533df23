import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CacheKVStore, type CacheMultiStore } from './cache.js';
import { CommitMultiStore } from './multistore.js';
import { bytesToKey, keyToBytes, toHex } from './encoding.js';
import { prefixEnd, prefixIterator, type Entry, type KVStore } from './kv.js';
import { rng, scratchStores, tempDir } from './testing.js';

const STORES = ['acc', 'bank'];
const b = (...bytes: number[]) => Uint8Array.from(bytes);

/** Entries as `key=value` hex strings, the form every comparison here uses. */
const show = (entries: Iterable<Entry>) => [...entries].map(([k, v]) => `${toHex(k)}=${toHex(v)}`);

/** What an iterator over `state` must yield: start ≤ key < end, in key order or reversed. */
function expectedRange(state: Map<string, Uint8Array>, start?: Uint8Array, end?: Uint8Array, reverse = false): string[] {
  const lo = start && bytesToKey(start);
  const hi = end && bytesToKey(end);
  const keys = [...state.keys()].filter((k) => (lo === undefined || k >= lo) && (hi === undefined || k < hi)).sort();
  if (reverse) keys.reverse();
  return keys.map((k) => `${toHex(keyToBytes(k))}=${toHex(state.get(k)!)}`);
}

/** A parent store that records the order of the writes it receives. */
function recordingStore(): KVStore & { log: string[] } {
  const data = new Map<string, Uint8Array>();
  const log: string[] = [];
  return {
    log,
    get: (key) => data.get(bytesToKey(key)),
    has: (key) => data.has(bytesToKey(key)),
    set: (key, value) => {
      log.push(`set ${toHex(key)}`);
      data.set(bytesToKey(key), value);
    },
    delete: (key) => {
      log.push(`delete ${toHex(key)}`);
      data.delete(bytesToKey(key));
    },
    *iterator(start, end, reverse = false) {
      for (const line of expectedRange(data, start, end, reverse)) {
        const [k, v] = line.split('=') as [string, string];
        yield [Buffer.from(k, 'hex'), Buffer.from(v, 'hex')];
      }
    },
  };
}

describe('cache branches', () => {
  const { open, removeAll } = scratchStores(STORES);
  after(removeAll);

  it('nests block → tx → msg: successes write back level by level, failures leave no trace', async () => {
    const ms = open();
    const base = ms.getStore('bank');
    base.set(b(1), b(1));
    base.set(b(2), b(2));
    base.set(b(3), b(3));
    await ms.commit();

    const block = ms.branch();
    const tx1 = block.branch();
    const msg1 = tx1.branch();
    msg1.getStore('bank').set(b(1), b(10));
    msg1.getStore('bank').delete(b(2));
    msg1.getStore('acc').set(b(7), b(7));
    assert.equal(tx1.getStore('bank').get(b(1))![0], 1, 'a msg branch is invisible to its tx until written');
    msg1.write();
    assert.equal(tx1.getStore('bank').get(b(1))![0], 10);
    assert.equal(tx1.getStore('bank').has(b(2)), false);
    assert.equal(block.getStore('bank').get(b(1))![0], 1, 'the tx is invisible to the block until written');
    assert.equal(block.getStore('acc').get(b(7)), undefined);
    tx1.write();
    assert.deepEqual(show(block.getStore('bank').iterator()), ['01=0a', '03=03']);
    assert.deepEqual(show(block.getStore('acc').iterator()), ['07=07']);

    // A tx whose second msg fails: the failed msg is dropped, then the whole tx is.
    const tx2 = block.branch();
    const ok = tx2.branch();
    ok.getStore('bank').set(b(3), b(30));
    ok.getStore('bank').set(b(4), b(4));
    ok.write();
    const failed = tx2.branch();
    failed.getStore('bank').set(b(5), b(5));
    failed.getStore('bank').delete(b(1));
    assert.deepEqual(show(failed.getStore('bank').iterator()), ['03=1e', '04=04', '05=05']);
    assert.deepEqual(show(tx2.getStore('bank').iterator()), ['01=0a', '03=1e', '04=04'], 'dropping a msg branch discards it');
    assert.deepEqual(show(block.getStore('bank').iterator()), ['01=0a', '03=03'], 'dropping a tx branch discards its written msgs too');

    // A tx that succeeds after a failed one.
    const tx3 = block.branch();
    const msg3 = tx3.branch();
    msg3.getStore('bank').delete(b(3));
    msg3.getStore('bank').set(b(2), b(20));
    msg3.write();
    tx3.write();
    assert.deepEqual(show(block.getStore('bank').iterator()), ['01=0a', '02=14']);
    assert.deepEqual(show(base.iterator()), ['01=01', '02=02', '03=03'], 'the committed store is untouched until the block writes');
    block.write();
    assert.deepEqual(show(base.iterator()), ['01=0a', '02=14']);
    const { version } = await ms.commit();
    assert.deepEqual(show(ms.readerAt('bank', version).iterator()), ['01=0a', '02=14']);
    assert.deepEqual(show(ms.readerAt('acc', version).iterator()), ['07=07']);
    assert.deepEqual(show(ms.readerAt('bank', version - 1).iterator()), ['01=01', '02=02', '03=03']);
    assert.throws(() => block.getStore('nope'), /no store named nope; known stores: acc, bank/);
    await ms.close();
  });

  it('reads the nearest pending write, and deletes hide what lies beneath', async () => {
    const ms = open();
    ms.getStore('bank').set(b(1), b(0));
    ms.getStore('bank').set(b(2), b(0));
    await ms.commit();
    const levels: CacheMultiStore[] = [ms.branch()];
    for (let i = 0; i < 3; i++) levels.push(levels.at(-1)!.branch());
    const [l0, l1, l2, l3] = levels.map((l) => l.getStore('bank')) as [CacheKVStore, CacheKVStore, CacheKVStore, CacheKVStore];
    l0.set(b(1), b(10));
    l1.delete(b(1));
    l2.set(b(1), b(12));
    assert.equal(l3.get(b(1))![0], 12);
    assert.equal(l2.get(b(1))![0], 12);
    assert.equal(l1.get(b(1)), undefined);
    assert.equal(l1.has(b(1)), false);
    assert.equal(l0.get(b(1))![0], 10);
    assert.equal(ms.getStore('bank').get(b(1))![0], 0);
    l1.delete(b(2));
    assert.equal(l3.has(b(2)), false, 'a delete in a parent hides the committed entry from every child');
    assert.deepEqual(show(l3.iterator()), ['01=0c']);
    assert.deepEqual(show(l3.iterator(undefined, undefined, true)), ['01=0c']);
    assert.deepEqual(show(l1.iterator()), []);
    l3.set(b(2), b(32));
    assert.deepEqual(show(l3.iterator()), ['01=0c', '02=20'], 'a child may write back a key its parent deleted');
    assert.equal(l3.pendingWrites, 1);
    l3.write();
    assert.equal(l3.pendingWrites, 0);
    l2.write();
    assert.deepEqual(show(l1.iterator()), ['01=0c', '02=20']);
    assert.deepEqual(show(l0.iterator()), ['01=0a', '02=00'], 'l1 has not written back yet');
    await ms.close();
  });

  it('matches a sorted in-memory model over thousands of random operations on nested branches', async () => {
    const ms = open();
    const r = rng(20240611);
    const alphabet = [0x00, 0x01, 0x02, 0x7f, 0x80, 0xfe, 0xff];
    const randomKey = () => {
      const key = new Uint8Array(1 + r.int(3));
      for (let i = 0; i < key.length; i++) key[i] = alphabet[r.int(alphabet.length)]!;
      return key;
    };
    const randomBound = () => (r.int(4) === 0 ? undefined : randomKey());

    // Level 0 is the committed store with its pending writes; each level above is a branch.
    const base = new Map<string, Uint8Array>();
    const overlays: Array<Map<string, Uint8Array | null>> = [];
    const branches: CacheMultiStore[] = [];
    const storeAt = (level: number): KVStore => (level === 0 ? ms.getStore('bank') : branches[level - 1]!.getStore('bank'));
    const stateAt = (level: number) => {
      const state = new Map(base);
      for (const overlay of overlays.slice(0, level)) {
        for (const [k, v] of overlay) {
          if (v === null) state.delete(k);
          else state.set(k, v);
        }
      }
      return state;
    };

    const counts = { set: 0, delete: 0, get: 0, iterate: 0, prefix: 0, branch: 0, write: 0, discard: 0, commit: 0 };
    for (let step = 0; step < 6000; step++) {
      const depth = branches.length;
      const roll = r.int(100);
      if (roll < 30) {
        const key = randomKey();
        const value = r.bytes(1 + r.int(6));
        storeAt(depth).set(key, value);
        if (depth === 0) base.set(bytesToKey(key), value);
        else overlays[depth - 1]!.set(bytesToKey(key), value);
        counts.set++;
      } else if (roll < 45) {
        const key = randomKey();
        storeAt(depth).delete(key);
        if (depth === 0) base.delete(bytesToKey(key));
        else overlays[depth - 1]!.set(bytesToKey(key), null);
        counts.delete++;
      } else if (roll < 58) {
        const level = r.int(depth + 1);
        const key = randomKey();
        const want = stateAt(level).get(bytesToKey(key));
        const got = storeAt(level).get(key);
        assert.equal(got && toHex(got), want && toHex(want), `step ${step}: get ${toHex(key)} at level ${level}`);
        assert.equal(storeAt(level).has(key), want !== undefined);
        counts.get++;
      } else if (roll < 72) {
        const level = r.int(depth + 1);
        const start = randomBound();
        const end = randomBound();
        const reverse = r.int(2) === 1;
        assert.deepEqual(
          show(storeAt(level).iterator(start, end, reverse)),
          expectedRange(stateAt(level), start, end, reverse),
          `step ${step}: iterator [${start && toHex(start)}, ${end && toHex(end)}) reverse=${reverse} at level ${level}`,
        );
        counts.iterate++;
      } else if (roll < 80) {
        const level = r.int(depth + 1);
        const fixed = [b(0xff), b(0xff, 0xff), b(0x00), b(0x7f, 0x80)];
        const usePrefix = r.int(2) === 0 ? fixed[r.int(fixed.length)]! : randomKey().subarray(0, 1 + r.int(2));
        const reverse = r.int(2) === 1;
        assert.deepEqual(
          show(prefixIterator(storeAt(level), usePrefix, reverse)),
          expectedRange(stateAt(level), usePrefix, prefixEnd(usePrefix), reverse),
          `step ${step}: prefix ${toHex(usePrefix)} reverse=${reverse} at level ${level}`,
        );
        counts.prefix++;
      } else if (roll < 88) {
        if (depth < 3) {
          branches.push(depth === 0 ? ms.branch() : branches[depth - 1]!.branch());
          overlays.push(new Map());
          counts.branch++;
        }
      } else if (roll < 94) {
        if (depth > 0) {
          branches.pop()!.write();
          const overlay = overlays.pop()!;
          for (const [k, v] of overlay) {
            if (depth === 1) {
              if (v === null) base.delete(k);
              else base.set(k, v);
            } else {
              overlays[depth - 2]!.set(k, v);
            }
          }
          counts.write++;
        }
      } else if (roll < 98) {
        if (depth > 0) {
          branches.pop();
          overlays.pop();
          counts.discard++;
        }
      } else if (depth === 0) {
        const { version } = await ms.commit();
        assert.deepEqual(show(ms.readerAt('bank', version).iterator()), expectedRange(base), `step ${step}: committed version ${version}`);
        counts.commit++;
      }
    }
    for (const [op, n] of Object.entries(counts)) assert.ok(n >= 10, `ran ${n} ${op} operations`);
    await ms.close();
  });

  it('gives an iterator the state as of its creation, whatever is written afterwards', async () => {
    const ms = open();
    const base = ms.getStore('bank');
    for (let i = 0; i < 10; i++) base.set(b(i * 2), b(i));
    await ms.commit();
    base.set(b(1), b(100)); // pending in the committed store
    const block = ms.branch();
    block.getStore('bank').set(b(3), b(103));
    block.getStore('bank').delete(b(4));
    const tx = block.branch();
    const store = tx.getStore('bank');
    store.set(b(5), b(105));

    const expected = show(store.iterator());
    const expectedReverse = show(store.iterator(undefined, undefined, true));
    const expectedRangeOf = show(store.iterator(b(3), b(9)));
    const fresh = store.iterator();
    const reverse = store.iterator(undefined, undefined, true);
    const ranged = store.iterator(b(3), b(9));
    const started = store.iterator();
    const head = [started.next().value as Entry, started.next().value as Entry];

    // Writes at every level after the iterators were made, including keys inside their range.
    store.set(b(6), b(206));
    store.delete(b(5));
    store.set(b(99), b(1));
    block.getStore('bank').set(b(7), b(207));
    block.getStore('bank').delete(b(8));
    base.set(b(9), b(209));
    base.delete(b(10));
    const later = tx.branch();
    later.getStore('bank').delete(b(0));
    later.write();

    assert.deepEqual(show(fresh), expected);
    assert.deepEqual(show(reverse), expectedReverse);
    assert.deepEqual(show(ranged), expectedRangeOf);
    assert.deepEqual([...show(head), ...show(started)], expected, 'a half-consumed iterator continues on its snapshot');
    assert.notDeepEqual(show(store.iterator()), expected, 'a new iterator sees the new writes');
    await ms.close();
  });

  it('writes a branch back in key order, so the app hash never depends on write order', async () => {
    const parent = recordingStore();
    const cache = new CacheKVStore(parent);
    const r = rng(77);
    const keys: Uint8Array[] = [];
    for (let i = 0; i < 300; i++) keys.push(r.bytes(1 + r.int(4)));
    for (const key of keys) {
      if (r.int(3) === 0) cache.delete(key);
      else cache.set(key, r.bytes(3));
    }
    cache.write();
    const written = parent.log.map((line) => line.split(' ')[1]!);
    const sorted = [...new Set(keys.map(toHex))].sort((x, y) => Buffer.compare(Buffer.from(x, 'hex'), Buffer.from(y, 'hex')));
    assert.deepEqual(written, sorted, 'each key once, in byte order');
    assert.equal(cache.pendingWrites, 0);

    // The same final writes, made in different orders through nested branches (with overwrites,
    // deletes and discarded branches along the way), give the same working and committed hash.
    const final = new Map<string, Uint8Array | null>();
    for (let i = 0; i < 2000; i++) {
      const key = r.bytes(1 + r.int(6));
      final.set(`${STORES[r.int(STORES.length)]}/${bytesToKey(key)}`, r.int(5) === 0 ? null : r.bytes(1 + r.int(20)));
    }
    const seedA = open();
    const seedB = open();
    for (const ms of [seedA, seedB]) {
      for (let i = 0; i < 500; i++) ms.getStore('bank').set(rng(i + 1).bytes(4), b(i & 0xff));
      await ms.commit();
    }
    const apply = (ms: CommitMultiStore, order: Array<[string, Uint8Array | null]>, seed: number) => {
      const noise = rng(seed);
      const block = ms.branch();
      let tx = block.branch();
      for (const [id, value] of order) {
        const [name, key] = [id.slice(0, id.indexOf('/')), keyToBytes(id.slice(id.indexOf('/') + 1))];
        if (noise.int(4) === 0) tx.getStore(name).set(key, noise.bytes(5)); // overwritten below
        const msg = tx.branch();
        if (value === null) msg.getStore(name).delete(key);
        else msg.getStore(name).set(key, value);
        msg.write();
        if (noise.int(50) === 0) {
          const dropped = tx.branch();
          dropped.getStore(name).set(noise.bytes(3), noise.bytes(3));
          dropped.getStore(name).delete(key);
        }
        if (noise.int(40) === 0) {
          tx.write();
          tx = block.branch();
        }
      }
      tx.write();
      block.write();
    };
    const entries = [...final];
    const shuffled = [...entries];
    const s = rng(5);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = s.int(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    apply(seedA, entries, 1);
    apply(seedB, shuffled.reverse(), 2);
    assert.equal(toHex(seedA.workingHash()), toHex(seedB.workingHash()));
    const [a, bb] = [await seedA.commit(), await seedB.commit()];
    assert.equal(toHex(a.hash), toHex(bb.hash));
    await seedA.close();
    await seedB.close();
  });
});

describe('TreeStore iteration at the root', () => {
  const cleanups: Array<() => void> = [];
  after(() => cleanups.forEach((c) => c()));

  it('merges the flat index with pending writes in both directions, bounds included and excluded exactly', async () => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const ms = CommitMultiStore.open({ path: dir.path, stores: ['bank'], pruning: { strategy: 'nothing' } });
    const store = ms.getStore('bank');
    const model = new Map<string, Uint8Array>();
    const set = (key: Uint8Array, value: Uint8Array) => {
      store.set(key, value);
      model.set(bytesToKey(key), value);
    };
    const del = (key: Uint8Array) => {
      store.delete(key);
      model.delete(bytesToKey(key));
    };
    for (const k of [0x01, 0x03, 0x05, 0x07, 0x09, 0xff]) set(b(k), b(k));
    set(b(0x05, 0x00), b(0x50));
    await ms.commit();
    // Pending: a new key between committed ones, a delete, an overwrite, keys past both ends.
    set(b(0x04), b(0x40));
    del(b(0x05));
    set(b(0x09), b(0x90));
    set(b(0x00, 0x01), b(0x00));
    set(b(0xff, 0xff), b(0xee));
    del(b(0x0b)); // deleting an absent key changes nothing

    assert.deepEqual(show(store.iterator(b(0x03), b(0x09))), ['03=03', '04=40', '0500=50', '07=07'], 'start is included, end excluded');
    assert.deepEqual(show(store.iterator(b(0x03), b(0x09), true)), ['07=07', '0500=50', '04=40', '03=03']);
    assert.deepEqual(show(store.iterator(b(0x05), b(0x05, 0x00))), [], 'a deleted key at the start bound stays hidden');
    assert.deepEqual(show(store.iterator(b(0x05), b(0x05, 0x01), true)), ['0500=50']);
    assert.deepEqual(show(store.iterator(undefined, b(0x01), true)), ['0001=00'], 'a pending key below the flat index');
    assert.deepEqual(show(store.iterator(b(0xff), undefined, true)), ['ffff=ee', 'ff=ff'], 'a pending key above the flat index');

    const bounds: Array<Uint8Array | undefined> = [undefined];
    for (let k = 0; k <= 0x0c; k++) bounds.push(b(k));
    bounds.push(b(0x05, 0x00), b(0xff), b(0xff, 0xff), b(0xff, 0xff, 0x00));
    let checked = 0;
    for (const phase of ['pending', 'committed']) {
      for (const start of bounds) {
        for (const end of bounds) {
          for (const reverse of [false, true]) {
            assert.deepEqual(
              show(store.iterator(start, end, reverse)),
              expectedRange(model, start, end, reverse),
              `${phase}: [${start && toHex(start)}, ${end && toHex(end)}) reverse=${reverse}`,
            );
            checked++;
          }
        }
      }
      await ms.commit();
    }
    assert.equal(checked, 2 * 2 * bounds.length ** 2);
    await ms.close();
  });

  it(
    'reaches a committed key 0x00 when iterating in reverse',
    async () => {
      const dir = tempDir();
      cleanups.push(dir.cleanup);
      const ms = CommitMultiStore.open({ path: dir.path, stores: ['bank'], pruning: { strategy: 'nothing' } });
      const store = ms.getStore('bank');
      for (const key of [b(0x00), b(0x00, 0x01), b(0x01)]) store.set(key, b(7));
      const { version } = await ms.commit();
      try {
        const all = ['01=07', '0001=07', '00=07'];
        assert.deepEqual(show(ms.readerAt('bank', version).iterator(undefined, undefined, true)), all, 'the IAVL tree has it');
        assert.deepEqual(show(store.iterator(undefined, undefined, true)), all, 'whole store, reverse');
        assert.deepEqual(show(store.iterator(b(0x00), b(0x01), true)), ['0001=07', '00=07'], 'start bound 0x00, reverse');
        assert.deepEqual(show(prefixIterator(store, b(0x00), true)), ['0001=07', '00=07'], 'prefix 0x00, reverse');
        assert.deepEqual(show(ms.branch().getStore('bank').iterator(undefined, undefined, true)), all, 'through a branch');
      } finally {
        await ms.close();
      }
    },
  );

  it(
    'serves the block it is committing to reads made while commit() is in flight',
    async () => {
      const dir = tempDir();
      cleanups.push(dir.cleanup);
      const ms = CommitMultiStore.open({ path: dir.path, stores: ['bank'], pruning: { strategy: 'nothing' } });
      const store = ms.getStore('bank');
      store.set(b(1), b(1));
      store.set(b(2), b(2));
      await ms.commit();
      store.set(b(1), b(10));
      store.delete(b(2));
      store.set(b(3), b(3));
      const committing = ms.commit();
      try {
        assert.deepEqual(show(store.iterator()), ['01=0a', '03=03'], 'iteration during the commit');
        assert.equal(toHex(store.get(b(1)) ?? b()), '0a', 'get during the commit');
        assert.equal(store.has(b(2)), false, 'has during the commit');
      } finally {
        await committing;
        await ms.close();
      }
    },
  );
});
