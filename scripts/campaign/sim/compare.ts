// Comparing two nodes' states: module by module (genesis exports) and byte by byte (every
// store's keys and values), to tell exactly what an export and import did not carry over.
import type { Context } from '../../../app/context.js';

export interface StoreDiff {
  store: string;
  onlyLeft: number;
  onlyRight: number;
  differing: number;
  /** A few of the keys concerned, hex, for the report. */
  examples: string[];
  /** The first byte (hex) of every key concerned: which of the module's collections differ. */
  prefixes: string[];
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

function entries(ctx: Context, store: string, rules: CompareRules): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of ctx.store.getStore(store).iterator()) {
    const keyHex = hex(key);
    if (!rules.ignore?.(store, keyHex)) out.set(keyHex, rules.normalize?.(store, keyHex, value) ?? hex(value));
  }
  return out;
}

/** How to compare a store: keys left out (they differ by design), values put in a canonical form. */
export interface CompareRules {
  ignore?(store: string, keyHex: string): boolean;
  normalize?(store: string, keyHex: string, value: Uint8Array): string;
}

/**
 * A protobuf message of one repeated length-delimited field, its elements sorted: a queue
 * slot holds the same pairs whatever order they were queued in.
 */
export function sortedElements(value: Uint8Array): string {
  const elements: string[] = [];
  let at = 0;
  while (at < value.length) {
    const start = at++;
    let length = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = value[at++]!;
      length += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    at += length;
    elements.push(hex(value.subarray(start, at)));
  }
  return elements.sort().join('');
}

/** Every store of `left` against the same store of `right`; stores equal in both are left out. */
export function diffStores(left: Context, right: Context, stores: readonly string[], rules: CompareRules = {}): StoreDiff[] {
  const diffs: StoreDiff[] = [];
  for (const store of stores) {
    const a = entries(left, store, rules);
    const b = entries(right, store, rules);
    const diff: StoreDiff = { store, onlyLeft: 0, onlyRight: 0, differing: 0, examples: [], prefixes: [] };
    const prefixes = new Set<string>();
    const note = (key: string, what: string) => {
      prefixes.add(key.slice(0, 2));
      if (diff.examples.length < 5) diff.examples.push(`${what} ${key}`);
    };
    for (const [key, value] of a) {
      const other = b.get(key);
      if (other === undefined) (diff.onlyLeft++, note(key, 'only before export:'));
      else if (other !== value) (diff.differing++, note(key, 'differs:'));
    }
    for (const key of b.keys()) if (!a.has(key)) (diff.onlyRight++, note(key, 'only after import:'));
    diff.prefixes = [...prefixes].sort();
    if (diff.onlyLeft + diff.onlyRight + diff.differing > 0) diffs.push(diff);
  }
  return diffs;
}

/** The modules whose genesis exports differ (compared as JSON, field order included). */
export function diffExports(left: Record<string, unknown>, right: Record<string, unknown>): string[] {
  const names = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return names.filter((name) => JSON.stringify(left[name]) !== JSON.stringify(right[name]));
}
