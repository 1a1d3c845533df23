// Test helpers for keepers and handlers: a Context over an in-memory store, no LMDB needed.
import { Context, type ExecMode } from './context.js';
import { EventManager } from './events.js';
import { CacheMultiStore, GasMeter, type KVStore, type MultiStore } from './store/index.js';

const empty: KVStore = {
  get: () => undefined,
  has: () => false,
  iterator: () => [][Symbol.iterator](),
  set: () => {
    throw new Error('the empty base store is read-only; write through a branch');
  },
  delete: () => {
    throw new Error('the empty base store is read-only; write through a branch');
  },
};

/** A branch over empty stores: reads, writes and iteration all work, in memory. */
export function memoryStore(storeNames: readonly string[]): CacheMultiStore {
  const base: MultiStore = { storeNames, getStore: () => empty, branch: () => new CacheMultiStore(base) };
  return new CacheMultiStore(base);
}

export interface TestContextOptions {
  stores: readonly string[];
  mode?: ExecMode;
  height?: bigint;
  chainId?: string;
  gasLimit?: number;
}

export function testContext(options: TestContextOptions): Context {
  return new Context(
    memoryStore(options.stores),
    { chainId: options.chainId ?? 'test-chain', height: options.height ?? 1n, time: { seconds: 1_700_000_000n, nanos: 0 } },
    new GasMeter(options.gasLimit),
    new EventManager(),
    options.mode ?? 'finalize',
  );
}

/** The events of `ctx` as `type: key=value, ...` lines, for readable assertions. */
export function eventLines(events: EventManager): string[] {
  return events.events.map((e) => `${e.type}: ${e.attributes.map((a) => `${a.key}=${a.value}`).join(', ')}`);
}
