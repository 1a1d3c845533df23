import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GasKVStore, GasMeter, KV_GAS_CONFIG, OutOfGasError } from './gas.js';
import { StoreError } from './errors.js';
import { toHex } from './encoding.js';
import type { Entry } from './kv.js';
import { prefixStore } from './prefix.js';
import { rng, scratchStores } from './testing.js';

const b = (...bytes: number[]) => Uint8Array.from(bytes);

/** A meter that also records each charge, as [descriptor, amount]. */
class RecordingMeter extends GasMeter {
  readonly charges: Array<[string, number]> = [];
  override consume(amount: number, descriptor: string): void {
    if (amount > 0) this.charges.push([descriptor, amount]);
    super.consume(amount, descriptor);
  }
  /** Gas used by `fn` and the charges it made. */
  measure(fn: () => void): { gas: number; charges: Array<[string, number]> } {
    const before = this.consumed;
    const from = this.charges.length;
    fn();
    return { gas: this.consumed - before, charges: this.charges.slice(from) };
  }
}

/** The SDK also charges zero amounts (an empty value's bytes); a zero charge changes nothing. */
const nonZero = (...charges: Array<[string, number]>) => charges.filter(([, amount]) => amount > 0);

describe('GasKVStore', () => {
  const { open, removeAll } = scratchStores(['bank']);
  after(removeAll);

  it("uses the Cosmos SDK's KVGasConfig", () => {
    assert.deepEqual(
      { ...KV_GAS_CONFIG },
      { hasCost: 1000, deleteCost: 1000, readCostFlat: 1000, readCostPerByte: 3, writeCostFlat: 2000, writeCostPerByte: 30, iterNextCostFlat: 30 },
    );
    assert.ok(Object.isFrozen(KV_GAS_CONFIG));
  });

  it('charges get, has, set and delete exactly as the SDK gaskv store does', async () => {
    const ms = open();
    const meter = new RecordingMeter();
    const store = new GasKVStore(ms.branch().getStore('bank'), meter);
    const r = rng(3);
    for (let i = 0; i < 200; i++) {
      const key = r.bytes(1 + r.int(40));
      const value = r.bytes(r.int(300)); // empty values included
      const set = meter.measure(() => store.set(key, value));
      assert.equal(set.gas, 2000 + 30 * key.length + 30 * value.length);
      assert.deepEqual(set.charges, nonZero(['WriteFlat', 2000], ['WritePerByte', 30 * key.length], ['WritePerByte', 30 * value.length]));
      const get = meter.measure(() => assert.equal(toHex(store.get(key)!), toHex(value)));
      assert.equal(get.gas, 1000 + 3 * key.length + 3 * value.length);
      assert.deepEqual(get.charges, nonZero(['ReadFlat', 1000], ['ReadPerByte', 3 * key.length], ['ReadPerByte', 3 * value.length]));
      assert.deepEqual(meter.measure(() => assert.equal(store.has(key), true)).charges, [['Has', 1000]]);
      if (r.int(2) === 0) {
        assert.deepEqual(meter.measure(() => store.delete(key)).charges, [['Delete', 1000]]);
        const absent = meter.measure(() => assert.equal(store.get(key), undefined));
        assert.equal(absent.gas, 1000 + 3 * key.length, 'a miss pays for the key only');
        assert.deepEqual(meter.measure(() => assert.equal(store.has(key), false)).charges, [['Has', 1000]]);
        assert.equal(meter.measure(() => store.delete(key)).gas, 1000, 'deleting an absent key costs the same');
      }
    }
    await ms.close();
  });

  it('charges per byte of the full key when a prefix store sits on top, as keepers use it', async () => {
    const ms = open();
    const meter = new RecordingMeter();
    const store = prefixStore(new GasKVStore(ms.getStore('bank'), meter), b(0x02, 0x14));
    assert.equal(meter.measure(() => store.set(b(1, 2, 3), b(9, 9))).gas, 2000 + 30 * 5 + 30 * 2);
    assert.equal(meter.measure(() => store.get(b(1, 2, 3))).gas, 1000 + 3 * 5 + 3 * 2);
    await ms.close();
  });

  it('charges iterNextCostFlat plus readCostPerByte × (key + value) for each further item an iterator yields', async () => {
    const ms = open();
    const base = ms.getStore('bank');
    const r = rng(8);
    for (let i = 0; i < 40; i++) base.set(b(i, ...r.bytes(r.int(5))), r.bytes(r.int(30)));
    await ms.commit();
    const branch = ms.branch().getStore('bank');
    branch.set(b(7, 7), r.bytes(11)); // a pending write is charged like a committed entry
    branch.delete(b(9)); // a pending delete is skipped, not charged
    const all = [...branch.iterator()];
    /** Gas of iterating exactly `entries` (ascending, adjacent in the store) to the end. */
    const fullCost = (entries: Entry[], reverse: boolean) => {
      const meter = new GasMeter();
      const successor = Uint8Array.from([...entries.at(-1)![0], 0]);
      assert.equal([...new GasKVStore(branch, meter).iterator(entries[0]![0], successor, reverse)].length, entries.length);
      return meter.consumed;
    };
    for (const reverse of [false, true]) {
      for (let n = 2; n <= all.length; n++) {
        const items = reverse ? all.slice(all.length - n) : all.slice(0, n);
        const added = reverse ? items[0]! : items.at(-1)!;
        const shorter = reverse ? items.slice(1) : items.slice(0, -1);
        assert.equal(fullCost(items, reverse) - fullCost(shorter, reverse), 30 + 3 * (added[0].length + added[1].length), `item ${n} reverse=${reverse}`);
      }
    }
    await ms.close();
  });

  it(
    "charges an iteration exactly as the SDK's gasIterator: a seek on creation, then each Next",
    async () => {
      const ms = open();
      const store = ms.getStore('bank');
      const entries: Entry[] = [
        [b(1), b(1, 1, 1)],
        [b(2, 2), b(2)],
        [b(3), b(3, 3, 3, 3, 3)],
      ];
      for (const [k, v] of entries) store.set(k, v);
      await ms.commit();
      const meter = new GasMeter();
      const gas = new GasKVStore(store, meter);
      assert.equal([...gas.iterator(b(5), b(6))].length, 0);
      assert.equal(meter.consumed, 30, 'an empty range still pays the seek');
      // SDK: creation charges the first item and a seek; each Next() charges the item it leaves.
      const bytes = (e: Entry) => 3 * (e[0].length + e[1].length);
      const before = meter.consumed;
      assert.equal([...gas.iterator()].length, 3);
      const sdk = bytes(entries[0]!) + 30 + entries.reduce((sum, e) => sum + bytes(e) + 30, 0);
      assert.equal(meter.consumed - before, sdk, 'a full iteration of three items');
      await ms.close();
    },
  );

  it('throws OutOfGasError with the descriptor, limit and consumption, in the SDK wording, and skips the write', async () => {
    const ms = open();
    const store = ms.getStore('bank');
    const meter = new GasMeter(2100);
    const gas = new GasKVStore(store, meter);
    let error: unknown;
    try {
      gas.set(b(1), new Uint8Array(10));
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof OutOfGasError);
    assert.ok(error instanceof StoreError, 'the app maps store errors');
    assert.equal(error.name, 'OutOfGasError');
    assert.equal(error.descriptor, 'WritePerByte');
    assert.equal(error.limit, 2100);
    assert.equal(error.consumed, 2000 + 30 + 300);
    assert.equal(error.message, 'out of gas in location: WritePerByte; gasWanted: 2100, gasUsed: 2330');
    assert.equal(meter.consumed, 2330, 'the meter keeps counting past the limit, like the SDK basic meter');
    assert.equal(meter.consumedToLimit, 2100, 'what the tx result reports');
    assert.equal(store.get(b(1)), undefined, 'the write was not made');

    const exact = new GasMeter(1000 + 3);
    assert.equal(new GasKVStore(store, exact).get(b(1)), undefined, 'reaching the limit exactly is allowed');
    assert.throws(() => new GasKVStore(store, exact).has(b(1)), (e: unknown) => e instanceof OutOfGasError && e.descriptor === 'Has' && e.consumed === 2003);
    assert.throws(() => new GasKVStore(store, new GasMeter(999)).get(b(1)), /out of gas in location: ReadFlat; gasWanted: 999, gasUsed: 1000/);
    assert.throws(() => new GasKVStore(store, new GasMeter(0)).delete(b(1)), /location: Delete/);
    assert.throws(() => new GasMeter(-1), StoreError);
    assert.throws(() => new GasMeter(1.5), StoreError);
    assert.throws(() => new GasMeter(2 ** 53), StoreError);
    assert.equal(new GasMeter().limit, Number.MAX_SAFE_INTEGER);
    await ms.close();
  });

  it('leaves the parent unchanged when a branch that ran out of gas is discarded', async () => {
    const ms = open();
    const committed = ms.getStore('bank');
    for (let i = 0; i < 20; i++) committed.set(b(i), b(i));
    await ms.commit();
    const block = ms.branch();
    block.getStore('bank').set(b(100), b(1)); // an earlier tx of the block
    const blockBefore = [...block.getStore('bank').iterator()].map(([k, v]) => toHex(k) + toHex(v));

    const tx = block.branch();
    const meter = new GasMeter(20_000);
    const store = new GasKVStore(tx.getStore('bank'), meter);
    let written = 0;
    assert.throws(() => {
      for (let i = 0; ; i++) {
        store.set(b(i), new Uint8Array(40).fill(i));
        store.delete(b(19 - i));
        written++;
      }
    }, OutOfGasError);
    assert.ok(written >= 3, `the tx wrote ${written} times before running out`);
    assert.equal(tx.getStore('bank').get(b(0))![0], 0, 'the tx branch holds its partial writes');
    assert.throws(() => [...store.iterator()], OutOfGasError, 'iteration runs out too');
    // The tx fails: its branch is dropped, never written.
    assert.deepEqual([...block.getStore('bank').iterator()].map(([k, v]) => toHex(k) + toHex(v)), blockBefore);
    block.write();
    assert.equal(toHex(committed.get(b(0))!), '00');
    assert.equal(toHex(committed.get(b(19))!), '13');
    assert.equal(toHex(committed.get(b(100))!), '01');
    assert.equal(committed.pendingWrites, 1);
    // The app hash is the one of a chain that never ran the failed tx.
    const reference = open();
    for (let i = 0; i < 20; i++) reference.getStore('bank').set(b(i), b(i));
    await reference.commit();
    reference.getStore('bank').set(b(100), b(1));
    assert.equal(toHex(ms.workingHash()), toHex(reference.workingHash()));
    await reference.close();
    await ms.close();
  });
});
