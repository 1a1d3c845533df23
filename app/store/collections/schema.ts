// A module's state layout declared in one place (the SDK's SchemaBuilder): every collection of
// one store registers its name and prefix here, and a name or prefix used twice, or a prefix
// that begins another, is refused when the module is built, not found later as corrupt state.
import { toHex } from '../encoding.js';
import type { KVStore } from '../kv.js';
import { CollectionSchemaError } from './codec.js';

/** What collections need of a context: its module's store. `Context` has it. */
export interface StoreContext {
  kvStore(storeKey: string): KVStore;
}

/** A collection's prefix: one byte (as the SDK's `collections.NewPrefix(0x21)`), a string or bytes. */
export type Prefix = number | string | Uint8Array;

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export function prefixBytes(prefix: Prefix): Uint8Array {
  if (typeof prefix === 'number') {
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > 0xff) throw new CollectionSchemaError(`a numeric prefix is one byte, got ${prefix}`);
    return Uint8Array.of(prefix);
  }
  return typeof prefix === 'string' ? Buffer.from(prefix, 'utf8') : prefix.slice();
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

export class SchemaBuilder {
  private readonly prefixes = new Map<string, Uint8Array>();

  constructor(readonly storeKey: string) {}

  /** The store every collection of this schema reads and writes. */
  store(ctx: StoreContext): KVStore {
    return ctx.kvStore(this.storeKey);
  }

  /** Claims `prefix` for the collection `name`; returns the prefix bytes. */
  register(prefix: Prefix, name: string): Uint8Array {
    if (!NAME.test(name)) throw new CollectionSchemaError(`collection name ${JSON.stringify(name)} must match ${NAME.source}`);
    if (this.prefixes.has(name)) throw new CollectionSchemaError(`collection name ${name} is already taken in store ${this.storeKey}`);
    const bytes = prefixBytes(prefix);
    if (bytes.length === 0) throw new CollectionSchemaError(`collection ${name} needs a non-empty prefix`);
    for (const [other, taken] of this.prefixes) {
      if (startsWith(bytes, taken) || startsWith(taken, bytes)) {
        throw new CollectionSchemaError(`prefix ${toHex(bytes)} of collection ${name} overlaps prefix ${toHex(taken)} of collection ${other} in store ${this.storeKey}`);
      }
    }
    this.prefixes.set(name, bytes);
    return bytes;
  }

  /** Every collection's name and prefix, in prefix order: the store's layout at a glance. */
  layout(): Array<{ name: string; prefix: string }> {
    return [...this.prefixes].map(([name, prefix]) => ({ name, prefix: toHex(prefix) })).sort((a, b) => (a.prefix < b.prefix ? -1 : 1));
  }
}
