import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ics23, iavlSpec, tendermintSpec, verifyMembership, verifyNonMembership, calculateExistenceRoot } from '@confio/ics23';
import type { ProofOp } from 'cosmjs-types/tendermint/crypto/proof';
import { CommitMultiStore } from './multistore.js';

/** A temporary folder removed by the returned cleanup. */
export function tempDir(prefix = 'zonekit-store-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** A small deterministic PRNG (xorshift32) so property tests replay from their seed. */
export function rng(seed: number): { int(n: number): number; bytes(n: number): Uint8Array } {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  return {
    int: (n) => next() % n,
    bytes: (n) => {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = next() & 0xff;
      return out;
    },
  };
}

/**
 * Verifies the SDK's two proof ops the way an IBC light client does, with @confio/ics23 and its
 * own protobuf decoder: the key (or its absence) under the store root with `iavlSpec`, then
 * the store root under the app hash with `tendermintSpec`.
 */
export function verifyStoreProof(ops: ProofOp[], appHash: Uint8Array, storeName: string, key: Uint8Array, value: Uint8Array | undefined): boolean {
  if (ops.length !== 2 || ops[0]!.type !== 'ics23:iavl' || ops[1]!.type !== 'ics23:simple') return false;
  try {
    const iavl = ics23.CommitmentProof.decode(ops[0]!.data);
    const simple = ics23.CommitmentProof.decode(ops[1]!.data);
    if (!simple.exist || !simple.exist.value) return false;
    const storeRoot = simple.exist.value;
    if (!verifyMembership(simple, tendermintSpec, appHash, Buffer.from(storeName), storeRoot)) return false;
    if (value === undefined) return verifyNonMembership(iavl, iavlSpec, storeRoot, key);
    return verifyMembership(iavl, iavlSpec, storeRoot, key, value);
  } catch {
    return false;
  }
}

export { calculateExistenceRoot };

/**
 * Throwaway stores for one test file: `open()` makes a new store in a temporary folder;
 * `removeAll` (pass it to `after`) deletes every folder it made.
 */
export function scratchStores(stores: readonly string[]): { open: () => CommitMultiStore; removeAll: () => void } {
  const cleanups: Array<() => void> = [];
  return {
    open: () => {
      const dir = tempDir();
      cleanups.push(dir.cleanup);
      return CommitMultiStore.open({ path: dir.path, stores, pruning: { strategy: 'nothing' } });
    },
    removeAll: () => cleanups.forEach((c) => c()),
  };
}
