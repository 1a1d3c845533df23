// The `ibc` store, addressed by ICS-24 paths. Core (clients, connections, channels, packets)
// keeps everything here, because counterparties prove it under the commitment prefix "ibc".
import type { Context } from '../../app/context.js';
import type { KVStore } from '../../app/store/index.js';
import { key } from './24-host/paths.js';
import { decodeUint64, encodeUint64 as encodeU64 } from '../../app/store/collections/index.js';

export const STORE_KEY = 'ibc';
/** The commitment prefix counterparties prove our paths under (the store key). */
export const COMMITMENT_PREFIX = new TextEncoder().encode(STORE_KEY);

export class IbcStore {
  kv(ctx: Context): KVStore {
    return ctx.kvStore(STORE_KEY);
  }

  get(ctx: Context, path: string): Uint8Array | undefined {
    return this.kv(ctx).get(key(path));
  }

  has(ctx: Context, path: string): boolean {
    return this.kv(ctx).has(key(path));
  }

  set(ctx: Context, path: string, value: Uint8Array): void {
    this.kv(ctx).set(key(path), value);
  }

  delete(ctx: Context, path: string): void {
    this.kv(ctx).delete(key(path));
  }

  /** A uint64 stored big-endian (sequences, as sdk.Uint64ToBigEndian). */
  getU64(ctx: Context, path: string): bigint | undefined {
    const bytes = this.get(ctx, path);
    return bytes === undefined ? undefined : decodeU64(bytes);
  }

  setU64(ctx: Context, path: string, value: bigint): void {
    this.set(ctx, path, encodeU64(value));
  }
}

export { encodeU64 };

export function decodeU64(bytes: Uint8Array): bigint {
  if (bytes.length !== 8) throw new Error(`expected 8 bytes for a uint64, got ${bytes.length}`);
  return decodeUint64(bytes);
}
