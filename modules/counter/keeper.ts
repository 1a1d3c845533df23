// The counter keeper: one uint64 per address in store `counter` (key 0x01 | address), declared
// as a collection.
import type { Context } from '../../app/context.js';
import * as collections from '../../app/store/collections/index.js';
import { ErrCounterOverflow } from './errors.js';

export const STORE_KEY = 'counter';
export const MODULE_NAME = 'counter';

const MAX_UINT64 = (1n << 64n) - 1n;

export class CounterKeeper {
  private readonly schema = new collections.SchemaBuilder(STORE_KEY);
  /** address → count, as 8 big-endian bytes (the SDK's Uint64Value). */
  readonly counts = new collections.Map(this.schema, 0x01, 'counts', collections.bytesKey, collections.uint64Value);

  getCount(ctx: Context, address: Uint8Array): bigint {
    return this.counts.get(ctx, address) ?? 0n;
  }

  setCount(ctx: Context, address: Uint8Array, count: bigint): void {
    this.counts.set(ctx, address, count);
  }

  /** Adds `by` and returns the new count; refuses to wrap around. */
  increment(ctx: Context, address: Uint8Array, by: bigint): bigint {
    const count = this.getCount(ctx, address) + by;
    if (count > MAX_UINT64) throw ErrCounterOverflow.wrap(`${count} does not fit in a uint64`);
    this.setCount(ctx, address, count);
    return count;
  }

  *iterateCounts(ctx: Context): Generator<{ address: Uint8Array; count: bigint }> {
    for (const [address, count] of this.counts.iterate(ctx)) yield { address, count };
  }
}
