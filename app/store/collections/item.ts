// Item and Sequence (the SDK's collections.Item and Sequence): one value stored at the
// collection's prefix itself.
import type { ValueCodec } from './codec.js';
import type { Prefix, SchemaBuilder, StoreContext } from './schema.js';
import { uint64Value } from './values.js';

export class Item<V> {
  readonly prefix: Uint8Array;

  constructor(
    readonly schema: SchemaBuilder,
    prefix: Prefix,
    readonly name: string,
    readonly valueCodec: ValueCodec<V>,
  ) {
    this.prefix = schema.register(prefix, name);
  }

  get(ctx: StoreContext): V | undefined {
    const bytes = this.schema.store(ctx).get(this.prefix);
    return bytes === undefined ? undefined : this.valueCodec.decode(bytes);
  }

  has(ctx: StoreContext): boolean {
    return this.schema.store(ctx).has(this.prefix);
  }

  set(ctx: StoreContext, value: V): void {
    this.schema.store(ctx).set(this.prefix, this.valueCodec.encode(value));
  }

  remove(ctx: StoreContext): void {
    this.schema.store(ctx).delete(this.prefix);
  }
}

/** The SDK's DefaultSequenceStart. */
export const DEFAULT_SEQUENCE_START = 0n;

/** A counter that only goes up, stored as a big-endian uint64 (IDs, nonces). */
export class Sequence {
  private readonly item: Item<bigint>;

  constructor(schema: SchemaBuilder, prefix: Prefix, name: string) {
    this.item = new Item(schema, prefix, name, uint64Value);
  }

  /** The next number `next` would hand out. */
  peek(ctx: StoreContext): bigint {
    return this.item.get(ctx) ?? DEFAULT_SEQUENCE_START;
  }

  /** Hands out the current number and moves the sequence past it. */
  next(ctx: StoreContext): bigint {
    const current = this.peek(ctx);
    this.item.set(ctx, current + 1n);
    return current;
  }

  /** Resets the sequence (genesis import). */
  set(ctx: StoreContext, value: bigint): void {
    this.item.set(ctx, value);
  }
}
