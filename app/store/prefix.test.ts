import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToKey, concatBytes, keyToBytes, toHex } from './encoding.js';
import type { Entry, KVStore } from './kv.js';
import { prefixStore } from './prefix.js';
import { rng, scratchStores } from './testing.js';

const b = (...bytes: number[]) => Uint8Array.from(bytes);
const show = (entries: Iterable<Entry>) => [...entries].map(([k, v]) => `${toHex(k)}=${toHex(v)}`);

/**
 * Keys around the edges of the prefixes below: equal to them, just inside and just outside.
 */
const NEIGHBOURS = [
  [0x00], [0x01], [0x01, 0x00], [0x01, 0xfe], [0x01, 0xfe, 0xff], [0x01, 0xff], [0x01, 0xff, 0x00], [0x01, 0xff, 0x01],
  [0x01, 0xff, 0xff], [0x01, 0xff, 0xff, 0xff], [0x02], [0x02, 0x00], [0xfe, 0xff], [0xff], [0xff, 0x00], [0xff, 0xfe, 0xff],
  [0xff, 0xff], [0xff, 0xff, 0x00], [0xff, 0xff, 0xff], [0xff, 0xff, 0xff, 0x01],
];

/** What a prefix view of `parent` must hold: its entries under `prefix`, the prefix stripped, in key order. */
function expectedView(parent: Map<string, Uint8Array>, prefix: Uint8Array, start?: Uint8Array, end?: Uint8Array, reverse = false): string[] {
  const p = bytesToKey(prefix);
  const lo = start && bytesToKey(start);
  const hi = end && bytesToKey(end);
  const keys = [...parent.keys()]
    .filter((k) => k.startsWith(p))
    .map((k) => k.slice(p.length))
    .filter((k) => (lo === undefined || k >= lo) && (hi === undefined || k < hi))
    .sort();
  if (reverse) keys.reverse();
  return keys.map((k) => `${toHex(keyToBytes(k))}=${toHex(parent.get(p + k)!)}`);
}

describe('prefixStore', () => {
  const { open, removeAll } = scratchStores(['bank']);
  after(removeAll);

  /** A committed store holding NEIGHBOURS plus pending writes, and its model. */
  async function neighbourhood() {
    const ms = open();
    const store = ms.getStore('bank');
    const model = new Map<string, Uint8Array>();
    NEIGHBOURS.forEach((k, i) => {
      store.set(Uint8Array.from(k), b(i));
      model.set(bytesToKey(Uint8Array.from(k)), b(i));
    });
    await ms.commit();
    // Pending, in the committed store and in a branch on top of it.
    store.set(b(0x01, 0xff, 0x80), b(0x80));
    model.set(bytesToKey(b(0x01, 0xff, 0x80)), b(0x80));
    const branch = ms.branch().getStore('bank');
    branch.delete(b(0x01, 0xff, 0x01));
    model.delete(bytesToKey(b(0x01, 0xff, 0x01)));
    branch.set(b(0xff, 0xff, 0x7f), b(0x7f));
    model.set(bytesToKey(b(0xff, 0xff, 0x7f)), b(0x7f));
    return { ms, store, branch, model };
  }

  it('iterates only the keys under the prefix, stripped of it, in both directions, including prefixes ending in 0xff', async () => {
    const { ms, store, branch, model } = await neighbourhood();
    const prefixes = [b(0x01), b(0x01, 0xff), b(0x01, 0xff, 0xff), b(0xff), b(0xff, 0xff), b(0xff, 0xff, 0xff), b(0x01, 0xfe), b(0x00), b(0x03)];
    for (const prefix of prefixes) {
      const view = prefixStore(branch, prefix);
      for (const reverse of [false, true]) {
        assert.deepEqual(show(view.iterator(undefined, undefined, reverse)), expectedView(model, prefix, undefined, undefined, reverse), `prefix ${toHex(prefix)} reverse=${reverse}`);
      }
    }
    // Spelled out for the all-0xff prefix, which has no upper bound to iterate to.
    assert.deepEqual(show(prefixStore(branch, b(0xff, 0xff)).iterator()), ['=10', '00=11', '7f=7f', 'ff=12', 'ff01=13']);
    assert.deepEqual(show(prefixStore(branch, b(0xff, 0xff)).iterator(undefined, undefined, true)), ['ff01=13', 'ff=12', '7f=7f', '00=11', '=10']);
    assert.deepEqual(show(prefixStore(branch, b(0x01, 0xff)).iterator()), ['=05', '00=06', '80=80', 'ff=08', 'ffff=09']);
    // The committed store without the branch still has the key the branch deleted.
    assert.deepEqual(show(prefixStore(store, b(0x01, 0xff)).iterator(undefined, undefined, true)), ['ffff=09', 'ff=08', '80=80', '01=07', '00=06', '=05']);
    await ms.close();
  });

  it('applies start and end relative to the prefix', async () => {
    const { ms, branch, model } = await neighbourhood();
    const bounds: Array<Uint8Array | undefined> = [undefined, b(0x00), b(0x01), b(0x7f), b(0x80), b(0xff), b(0xff, 0x00), b(0xff, 0xff)];
    let checked = 0;
    for (const prefix of [b(0x01, 0xff), b(0xff), b(0xff, 0xff)]) {
      const view = prefixStore(branch, prefix);
      for (const start of bounds) {
        for (const end of bounds) {
          for (const reverse of [false, true]) {
            assert.deepEqual(
              show(view.iterator(start, end, reverse)),
              expectedView(model, prefix, start, end, reverse),
              `prefix ${toHex(prefix)} [${start && toHex(start)}, ${end && toHex(end)}) reverse=${reverse}`,
            );
            checked++;
          }
        }
      }
    }
    assert.equal(checked, 3 * bounds.length ** 2 * 2);
    await ms.close();
  });

  it('reads and writes through the prefix and nowhere else', async () => {
    const ms = open();
    const parent = ms.getStore('bank');
    parent.set(b(0x01, 0x05), b(1));
    parent.set(b(0x02, 0x05), b(2));
    parent.set(b(0x01), b(3));
    await ms.commit();
    const branch = ms.branch();
    const view = prefixStore(branch.getStore('bank'), b(0x01));
    assert.equal(view.get(b(0x05))![0], 1);
    assert.equal(view.has(b(0x05)), true);
    assert.equal(view.get(b(0x01, 0x05)), undefined, 'the view never reads the parent key itself');
    assert.equal(view.get(new Uint8Array(0))![0], 3, 'the empty key is the prefix itself, as in the SDK');
    view.set(b(0x06), b(6));
    view.delete(b(0x05));
    view.set(b(0x02, 0x05), b(7)); // lands under the prefix, not on the parent's 02 05
    assert.deepEqual(show(branch.getStore('bank').iterator()), ['01=03', '010205=07', '0106=06', '0205=02']);
    const nested = prefixStore(prefixStore(branch.getStore('bank'), b(0x01)), b(0x02));
    assert.deepEqual(show(nested.iterator()), ['05=07'], 'a prefix of a prefix is their concatenation');
    nested.set(b(0x09), b(9));
    assert.equal(branch.getStore('bank').get(b(0x01, 0x02, 0x09))![0], 9);
    assert.equal(parent.get(b(0x01, 0x06)), undefined, 'the committed store sees nothing until the branch writes');
    branch.write();
    assert.equal(parent.get(b(0x01, 0x06))![0], 6);
    assert.equal(parent.get(b(0x02, 0x05))![0], 2);
    await ms.close();
  });

  it('matches a model over random keys, values and prefixes', async () => {
    const ms = open();
    const r = rng(4242);
    const alphabet = [0x00, 0x01, 0x7f, 0xfe, 0xff];
    const randomBytes = (max: number) => {
      const out = new Uint8Array(1 + r.int(max));
      for (let i = 0; i < out.length; i++) out[i] = alphabet[r.int(alphabet.length)]!;
      return out;
    };
    const model = new Map<string, Uint8Array>();
    const parent: KVStore = ms.getStore('bank');
    for (let round = 0; round < 6; round++) {
      const branch = ms.branch().getStore('bank');
      for (let step = 0; step < 400; step++) {
        const prefix = randomBytes(2);
        const view = prefixStore(branch, prefix);
        const key = randomBytes(2);
        const full = bytesToKey(concatBytes(prefix, key));
        const roll = r.int(10);
        if (roll < 5) {
          const value = r.bytes(1 + r.int(4));
          view.set(key, value);
          model.set(full, value);
        } else if (roll < 7) {
          view.delete(key);
          model.delete(full);
        } else if (roll < 9) {
          const want = model.get(full);
          assert.equal(toHex(view.get(key) ?? b()), toHex(want ?? b()), `get ${toHex(key)} under ${toHex(prefix)}`);
        } else {
          const reverse = r.int(2) === 1;
          const start = r.int(3) === 0 ? randomBytes(2) : undefined;
          const end = r.int(3) === 0 ? randomBytes(2) : undefined;
          assert.deepEqual(show(view.iterator(start, end, reverse)), expectedView(model, prefix, start, end, reverse), `round ${round} step ${step}: prefix ${toHex(prefix)}`);
        }
      }
      branch.write();
      await ms.commit();
      for (const prefix of [b(0xff), b(0xff, 0xff), b(0x00), b(0x7f, 0xff)]) {
        assert.deepEqual(show(prefixStore(parent, prefix).iterator(undefined, undefined, true)), expectedView(model, prefix, undefined, undefined, true));
      }
    }
    await ms.close();
  });
});
