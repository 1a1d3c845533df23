// The counter keeper: one uint64 per address in store `counter` (key 0x01 | address).
import type { Context } from '../../app/context.js';
import { prefixStore } from '../../app/store/index.js';
import { ErrCounterOverflow } from './errors.js';

export const STORE_KEY = 'counter';
export const MODULE_NAME = 'counter';
const COUNTS_PREFIX = Uint8Array.of(0x01);

function countKey(address: Uint8Array): Uint8Array {
  const key = new Uint8Array(1 + address.length);
  key.set(COUNTS_PREFIX);
  key.set(address, 1);
  return key;
}

function encodeCount(count: bigint): Uint8Array {
  const out = Buffer.alloc(8);
  out.writeBigUInt64BE(count);
  return out;
}

const MAX_UINT64 = (1n << 64n) - 1n;

export class CounterKeeper {
  getCount(ctx: Context, address: Uint8Array): bigint {
    const bytes = ctx.kvStore(STORE_KEY).get(countKey(address));
    return bytes === undefined ? 0n : Buffer.from(bytes).readBigUInt64BE();
  }

  setCount(ctx: Context, address: Uint8Array, count: bigint): void {
    ctx.kvStore(STORE_KEY).set(countKey(address), encodeCount(count));
  }

  /** Adds `by` and returns the new count; refuses to wrap around. */
  increment(ctx: Context, address: Uint8Array, by: bigint): bigint {
    const count = this.getCount(ctx, address) + by;
    if (count > MAX_UINT64) throw ErrCounterOverflow.wrap(`${count} does not fit in a uint64`);
    this.setCount(ctx, address, count);
    return count;
  }

  *iterateCounts(ctx: Context): Generator<{ address: Uint8Array; count: bigint }> {
    for (const [key, value] of prefixStore(ctx.kvStore(STORE_KEY), COUNTS_PREFIX).iterator()) {
      yield { address: key, count: Buffer.from(value).readBigUInt64BE() };
    }
  }
}
