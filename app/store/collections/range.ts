// Which keys an iteration visits (the SDK's Ranger): a prefix, a start and an end, each
// inclusive or exclusive, ascending or descending, turned into the store's [start, end) bounds.
import { compareBytes, concatBytes } from '../encoding.js';
import { prefixEnd } from '../kv.js';
import type { KeyCodec } from './codec.js';
import { isComposite, type PrefixOf } from './composite.js';

/**
 * A range over keys K. `prefix`, `start` and `end` take a whole key or, for a composite key,
 * its leading parts: `{ prefix: [delegator] }` visits every (delegator, *) key. A bound of
 * leading parts stands for all the keys under it: `end: [a], endInclusive: true` includes every
 * (a, *), `start: [a], startExclusive: true` begins after them. For a single-part key, `prefix`
 * matches keys whose bytes begin with the key's bytes (a string prefix, as the SDK's Range.Prefix).
 */
export interface Range<K> {
  prefix?: K | PrefixOf<K>;
  start?: K | PrefixOf<K>;
  startExclusive?: boolean;
  end?: K | PrefixOf<K>;
  endInclusive?: boolean;
  reverse?: boolean;
}

/** Store bounds: start ≤ key < end (end undefined: to the last key). */
export interface StoreBounds {
  start: Uint8Array;
  end: Uint8Array | undefined;
  reverse: boolean;
}

function encodeBound<K>(codec: KeyCodec<K>, bound: K | PrefixOf<K>): { bytes: Uint8Array; partial: boolean } {
  if (isComposite(codec) && Array.isArray(bound) && bound.length < codec.arity) {
    return { bytes: codec.encodePrefix(bound as never), partial: true };
  }
  return { bytes: codec.encode(bound as K), partial: false };
}

/** The bytes (after a collection's prefix) that every key under `prefix` starts with. */
export function encodeKeyPrefix<K>(codec: KeyCodec<K>, prefix: K | PrefixOf<K>): Uint8Array {
  return encodeBound(codec, prefix).bytes;
}

/** The key right after `key` in byte order. */
const successor = (key: Uint8Array) => concatBytes(key, Uint8Array.of(0));

/** The store bounds of `range` inside a collection at `prefix`; undefined when no key can be in it. */
export function storeBounds<K>(prefix: Uint8Array, codec: KeyCodec<K>, range: Range<K> = {}): StoreBounds | undefined {
  const starts: Uint8Array[] = [prefix];
  const ends: Array<Uint8Array | undefined> = [prefixEnd(prefix)];
  if (range.prefix !== undefined) {
    const full = concatBytes(prefix, encodeBound(codec, range.prefix).bytes);
    starts.push(full);
    ends.push(prefixEnd(full));
  }
  if (range.start !== undefined) {
    const { bytes, partial } = encodeBound(codec, range.start);
    const full = concatBytes(prefix, bytes);
    if (!range.startExclusive) starts.push(full);
    else {
      const after = partial ? prefixEnd(full) : successor(full);
      if (after === undefined) return undefined;
      starts.push(after);
    }
  }
  if (range.end !== undefined) {
    const { bytes, partial } = encodeBound(codec, range.end);
    const full = concatBytes(prefix, bytes);
    ends.push(!range.endInclusive ? full : partial ? prefixEnd(full) : successor(full));
  }
  const start = starts.reduce((a, b) => (compareBytes(a, b) >= 0 ? a : b));
  let end: Uint8Array | undefined;
  for (const e of ends) if (e !== undefined && (end === undefined || compareBytes(e, end) < 0)) end = e;
  if (end !== undefined && compareBytes(start, end) >= 0) return undefined;
  return { start, end, reverse: range.reverse ?? false };
}
