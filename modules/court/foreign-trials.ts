// Foreign trials: verdicts of another zone's court that reached this zone over IBC (an
// interchain staking Slash packet) and were carried out here against stake locked behind the
// judged validator. Kept under their own ids, apart from this court's own trials, whose
// indexes assume this zone's validators.
import type { Context } from '../../app/context.js';
import { prefixStore, type KVStore } from '../../app/store/index.js';
import { ForeignTrial } from '../../gen/zonekit/court/v1/types.js';
import { FOREIGN_TRIAL_PREFIX, NEXT_FOREIGN_TRIAL_ID_KEY, STORE_KEY, readUint64, uint64Bytes } from './keys.js';

export type NewForeignTrial = Omit<ForeignTrial, 'id' | 'judgedHeight' | 'judgedTime'>;

export class ForeignTrials {
  nextId(ctx: Context): bigint {
    const bytes = ctx.kvStore(STORE_KEY).get(NEXT_FOREIGN_TRIAL_ID_KEY);
    return bytes === undefined ? 1n : readUint64(bytes);
  }

  setNextId(ctx: Context, id: bigint): void {
    ctx.kvStore(STORE_KEY).set(NEXT_FOREIGN_TRIAL_ID_KEY, uint64Bytes(id));
  }

  /** Records a foreign verdict under the next id, judged now; returns the stored trial. */
  record(ctx: Context, trial: NewForeignTrial): ForeignTrial {
    const stored: ForeignTrial = { ...trial, id: this.nextId(ctx), judgedHeight: ctx.blockHeight, judgedTime: ctx.header.time };
    this.put(ctx, stored);
    this.setNextId(ctx, stored.id + 1n);
    return stored;
  }

  /** Writes a foreign trial (genesis, or `record`). */
  put(ctx: Context, trial: ForeignTrial): void {
    this.store(ctx).set(uint64Bytes(trial.id), ForeignTrial.encode(trial).finish());
  }

  /** All foreign trials by id. */
  *all(ctx: Context): Generator<ForeignTrial> {
    for (const [, value] of this.store(ctx).iterator()) yield ForeignTrial.decode(value);
  }

  get(ctx: Context, id: bigint): ForeignTrial | undefined {
    const bytes = this.store(ctx).get(uint64Bytes(id));
    return bytes === undefined ? undefined : ForeignTrial.decode(bytes);
  }

  /**
   * The first foreign trial of `evidenceHash`. A scan: foreign trials are rare, and one
   * piece of evidence may be carried out on several channels (so no unique index).
   */
  byEvidence(ctx: Context, evidenceHash: Uint8Array): ForeignTrial | undefined {
    for (const trial of this.all(ctx)) if (Buffer.compare(trial.evidenceHash, evidenceHash) === 0) return trial;
    return undefined;
  }

  /** The first foreign trial of a fork verified against `clientId` (this zone's trial of a consumer fork). */
  byClient(ctx: Context, clientId: string): ForeignTrial | undefined {
    for (const trial of this.all(ctx)) if (trial.clientId === clientId) return trial;
    return undefined;
  }

  /** Foreign trials by id, the prefix stripped from keys. */
  store(ctx: Context): KVStore {
    return prefixStore(ctx.kvStore(STORE_KEY), FOREIGN_TRIAL_PREFIX);
  }
}
