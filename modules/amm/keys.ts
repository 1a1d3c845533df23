// Every key the AMM owns in store `amm`, in one place.
//   0x01 | pool id (u64 BE)                      → Pool
//   0x02 | len | denom0 | len | denom1 | pool id → (empty): pools by pair, for the auction and the router
//   0x03                                         → next pool id (u64 BE)
//   0x04                                         → Params
//   0x05 | pool id | height (u64 BE)             → TwapObservation at the pool's first touch in that block
//   0x06 | height (u64 BE)                       → block time (unix seconds, i64 BE), while pools exist
import { decodeUint64 as decodeU64, encodeUint64 as encodeU64 } from '../../app/store/collections/index.js';

export const STORE_KEY = 'amm';
export const MODULE_NAME = 'amm';
/** The module account that holds every pool's reserves and the locked LP shares. */
export const MODULE_ACCOUNT = 'amm';

const POOL_PREFIX = 0x01;
const PAIR_PREFIX = 0x02;
export const NEXT_POOL_ID_KEY = Uint8Array.of(0x03);
export const PARAMS_KEY = Uint8Array.of(0x04);
const OBSERVATION_PREFIX = 0x05;
const BLOCK_TIME_PREFIX = 0x06;

export const POOLS_PREFIX = Uint8Array.of(POOL_PREFIX);
export const BLOCK_TIMES_PREFIX = Uint8Array.of(BLOCK_TIME_PREFIX);

export { decodeU64, encodeU64 };

export function encodeI64(value: bigint): Uint8Array {
  const out = Buffer.alloc(8);
  out.writeBigInt64BE(value);
  return out;
}

export function decodeI64(bytes: Uint8Array): bigint {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readBigInt64BE();
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

const lengthPrefixed = (text: string): Uint8Array => {
  const bytes = Buffer.from(text, 'utf8');
  return concat(Uint8Array.of(bytes.length), bytes);
};

export function poolKey(id: bigint): Uint8Array {
  return concat(POOLS_PREFIX, encodeU64(id));
}

/** The pair's prefix, denoms in sorted order, so (a, b) and (b, a) find the same pools. */
export function pairPrefix(denomA: string, denomB: string): Uint8Array {
  const [d0, d1] = denomA < denomB ? [denomA, denomB] : [denomB, denomA];
  return concat(Uint8Array.of(PAIR_PREFIX), lengthPrefixed(d0), lengthPrefixed(d1));
}

export function pairKey(denomA: string, denomB: string, id: bigint): Uint8Array {
  return concat(pairPrefix(denomA, denomB), encodeU64(id));
}

export function observationsPrefix(poolId: bigint): Uint8Array {
  return concat(Uint8Array.of(OBSERVATION_PREFIX), encodeU64(poolId));
}

export function observationKey(poolId: bigint, height: bigint): Uint8Array {
  return concat(observationsPrefix(poolId), encodeU64(height));
}

export function blockTimeKey(height: bigint): Uint8Array {
  return concat(BLOCK_TIMES_PREFIX, encodeU64(height));
}

/** The bank denom of a pool's LP shares. */
export function shareDenom(poolId: bigint): string {
  return `amm/pool/${poolId}`;
}
