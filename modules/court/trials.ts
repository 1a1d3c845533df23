// The court record: every verdict as a Trial under a sequential id, indexed by the evidence
// it judged (so nothing is judged twice) and by the validator (operator and consensus
// address), all in the court's Merkle store so other chains can verify a trial with a proof.
import type { Context } from '../../app/context.js';
import { prefixStore, type KVStore } from '../../app/store/index.js';
import type { CourtAddresses } from './addresses.js';
import { Trial } from '../../gen/zonekit/court/v1/types.js';
import {
  INDEX_MARKER,
  NEXT_TRIAL_ID_KEY,
  STORE_KEY,
  TRIAL_PREFIX,
  concat,
  judgedEvidenceKey,
  readUint64,
  trialKey,
  trialsByConsPrefix,
  trialsByOperatorPrefix,
  uint64Bytes,
} from './keys.js';

/**
 * A trial as the court writes it: every message field set (times, slashed stake), as the
 * record has been written from the start (gogoproto's non-nullable fields), so its bytes
 * never depend on a field left undefined.
 */
export type StoredTrial = { [K in keyof Trial]: NonNullable<Trial[K]> };

export class Trials {
  constructor(private readonly addresses: CourtAddresses) {}

  /** The id the next trial gets (ids start at 1). */
  nextId(ctx: Context): bigint {
    const bytes = ctx.kvStore(STORE_KEY).get(NEXT_TRIAL_ID_KEY);
    return bytes === undefined ? 1n : readUint64(bytes);
  }

  setNextId(ctx: Context, id: bigint): void {
    ctx.kvStore(STORE_KEY).set(NEXT_TRIAL_ID_KEY, uint64Bytes(id));
  }

  /** Records a verdict under the next id and returns the stored trial. */
  record(ctx: Context, trial: Omit<StoredTrial, 'id'>): StoredTrial {
    const stored: StoredTrial = { ...trial, id: this.nextId(ctx) };
    this.put(ctx, stored);
    this.setNextId(ctx, stored.id + 1n);
    return stored;
  }

  /** Writes a trial and its indexes (genesis, or `record`). */
  put(ctx: Context, trial: StoredTrial): void {
    const store = ctx.kvStore(STORE_KEY);
    const id = uint64Bytes(trial.id);
    store.set(trialKey(trial.id), Trial.encode(trial).finish());
    store.set(judgedEvidenceKey(trial.evidenceHash), id);
    store.set(concat(trialsByOperatorPrefix(this.addresses.operator.decode(trial.validatorAddress)), id), INDEX_MARKER);
    store.set(concat(trialsByConsPrefix(this.addresses.consensus.decode(trial.consensusAddress)), id), INDEX_MARKER);
  }

  get(ctx: Context, id: bigint): Trial | undefined {
    const bytes = ctx.kvStore(STORE_KEY).get(trialKey(id));
    return bytes === undefined ? undefined : Trial.decode(bytes);
  }

  /** The trial that judged this evidence, if any. */
  judgedBy(ctx: Context, evidenceHash: Uint8Array): bigint | undefined {
    const bytes = ctx.kvStore(STORE_KEY).get(judgedEvidenceKey(evidenceHash));
    return bytes === undefined ? undefined : readUint64(bytes);
  }

  /** All trials by id (the store's key order is id order: 8-byte big-endian). */
  *all(ctx: Context): Generator<Trial> {
    for (const [, value] of this.store(ctx).iterator()) yield Trial.decode(value);
  }

  /** Trials by id, the prefix already stripped from keys. */
  store(ctx: Context): KVStore {
    return prefixStore(ctx.kvStore(STORE_KEY), TRIAL_PREFIX);
  }

  /** Trial ids of one validator (keys are 8-byte ids), by operator or consensus address bytes. */
  indexOf(ctx: Context, by: 'operator' | 'consensus', address: Uint8Array): KVStore {
    return prefixStore(ctx.kvStore(STORE_KEY), by === 'operator' ? trialsByOperatorPrefix(address) : trialsByConsPrefix(address));
  }
}
