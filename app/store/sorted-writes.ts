import { bytesToKey, keyToBytes } from './encoding.js';
import type { Overlay } from './kv.js';

/**
 * Pending writes keyed by the bytes' latin1 string (which sorts as the bytes do), with a sorted
 * key list rebuilt only when a new key arrives, so iterators and write-back see key order.
 */
export class SortedWrites {
  private readonly writes = new Map<string, Uint8Array | null>();
  private sorted: string[] | undefined;

  get size(): number {
    return this.writes.size;
  }

  /** The pending value: bytes, null for a pending delete, undefined when untouched. */
  lookup(key: Uint8Array): Uint8Array | null | undefined {
    return this.writes.get(bytesToKey(key));
  }

  put(key: Uint8Array, value: Uint8Array | null): void {
    const k = bytesToKey(key);
    if (this.sorted && !this.writes.has(k)) this.sorted = undefined;
    this.writes.set(k, value);
  }

  clear(): void {
    this.writes.clear();
    this.sorted = undefined;
  }

  private sortedKeys(): string[] {
    if (!this.sorted) this.sorted = [...this.writes.keys()].sort();
    return this.sorted;
  }

  /** A snapshot of the writes with start ≤ key < end, in iteration order. */
  range(start: Uint8Array | undefined, end: Uint8Array | undefined, reverse: boolean): Overlay[] {
    const keys = this.sortedKeys();
    const lo = start ? lowerBound(keys, bytesToKey(start)) : 0;
    const hi = end ? lowerBound(keys, bytesToKey(end)) : keys.length;
    const out: Overlay[] = [];
    for (let i = lo; i < hi; i++) out.push([keyToBytes(keys[i]!), this.writes.get(keys[i]!)!]);
    return reverse ? out.reverse() : out;
  }

  /** All writes in key order: the order write-back applies them, so tree shape never depends on call order. */
  entries(): Overlay[] {
    return this.range(undefined, undefined, false);
  }
}

function lowerBound(keys: string[], target: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
