// Typed reads and writes of every record in store `distribution`: the only code that touches it.
import { FeePool, Params, ValidatorAccumulatedCommission, ValidatorOutstandingRewards } from 'cosmjs-types/cosmos/distribution/v1beta1/distribution';
import type { Context } from '../../app/context.js';
import { prefixIterator, type KVStore } from '../../app/store/index.js';
import { DelegationRewardSnapshot, ValidatorRewardsPerShare } from '../../gen/zonekit/distribution/v1/types.js';
import { decCoinsFromProto, decCoinsToProto, type DecCoins } from './dec-coins.js';
import {
  COMMISSION_PREFIX,
  FEE_POOL_KEY,
  OUTSTANDING_PREFIX,
  PARAMS_KEY,
  SNAPSHOT_PREFIX,
  STORE_KEY,
  WITHDRAW_ADDR_PREFIX,
  addressFromKey,
  commissionKey,
  outstandingKey,
  rewardsPerShareKey,
  snapshotKey,
  splitSnapshotKey,
  validatorSnapshotsPrefix,
  withdrawAddrKey,
} from './keys.js';
import { DEFAULT_DISTRIBUTION_PARAMS, paramsFromProto, paramsToProto, type DistributionParams } from './params.js';
import { snapshotFromProto, snapshotToProto, type DelegationSnapshot } from './rewards-per-share.js';

export interface SnapshotEntry {
  validator: Uint8Array;
  delegator: Uint8Array;
  snapshot: DelegationSnapshot;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export class DistributionState {
  protected store(ctx: Context): KVStore {
    return ctx.kvStore(STORE_KEY);
  }

  params(ctx: Context): DistributionParams {
    const bytes = this.store(ctx).get(PARAMS_KEY);
    return bytes === undefined ? { ...DEFAULT_DISTRIBUTION_PARAMS } : paramsFromProto(Params.decode(bytes));
  }

  setParams(ctx: Context, params: DistributionParams): void {
    this.store(ctx).set(PARAMS_KEY, Params.encode(paramsToProto(params)).finish());
  }

  communityPool(ctx: Context): DecCoins {
    const bytes = this.store(ctx).get(FEE_POOL_KEY);
    return bytes === undefined ? [] : decCoinsFromProto(FeePool.decode(bytes).communityPool);
  }

  setCommunityPool(ctx: Context, pool: DecCoins): void {
    this.store(ctx).set(FEE_POOL_KEY, FeePool.encode({ communityPool: decCoinsToProto(pool) }).finish());
  }

  /** Whether the validator has distribution records (created with it, deleted with it). */
  hasValidator(ctx: Context, validator: Uint8Array): boolean {
    return this.store(ctx).has(outstandingKey(validator));
  }

  outstanding(ctx: Context, validator: Uint8Array): DecCoins {
    const bytes = this.store(ctx).get(outstandingKey(validator));
    return bytes === undefined ? [] : decCoinsFromProto(ValidatorOutstandingRewards.decode(bytes).rewards);
  }

  setOutstanding(ctx: Context, validator: Uint8Array, rewards: DecCoins): void {
    this.store(ctx).set(outstandingKey(validator), ValidatorOutstandingRewards.encode({ rewards: decCoinsToProto(rewards) }).finish());
  }

  commission(ctx: Context, validator: Uint8Array): DecCoins {
    const bytes = this.store(ctx).get(commissionKey(validator));
    return bytes === undefined ? [] : decCoinsFromProto(ValidatorAccumulatedCommission.decode(bytes).commission);
  }

  setCommission(ctx: Context, validator: Uint8Array, commission: DecCoins): void {
    this.store(ctx).set(commissionKey(validator), ValidatorAccumulatedCommission.encode({ commission: decCoinsToProto(commission) }).finish());
  }

  /** Cumulative delegator rewards per share, scaled by 10^36 (rewards-per-share.ts). */
  rewardsPerShare(ctx: Context, validator: Uint8Array): DecCoins {
    const bytes = this.store(ctx).get(rewardsPerShareKey(validator));
    return bytes === undefined ? [] : decCoinsFromProto(ValidatorRewardsPerShare.decode(bytes).rewardsPerShare);
  }

  setRewardsPerShare(ctx: Context, validator: Uint8Array, rewardsPerShare: DecCoins): void {
    this.store(ctx).set(rewardsPerShareKey(validator), ValidatorRewardsPerShare.encode({ rewardsPerShare: decCoinsToProto(rewardsPerShare) }).finish());
  }

  /** Deletes the validator's own records and any snapshot of a delegation to it. */
  deleteValidator(ctx: Context, validator: Uint8Array): void {
    const store = this.store(ctx);
    store.delete(outstandingKey(validator));
    store.delete(commissionKey(validator));
    store.delete(rewardsPerShareKey(validator));
    const keys = [...prefixIterator(store, validatorSnapshotsPrefix(validator))].map(([key]) => key);
    for (const key of keys) store.delete(key);
  }

  /** Every validator with records, in key order. */
  *validators(ctx: Context): Generator<Uint8Array> {
    for (const [key] of prefixIterator(this.store(ctx), OUTSTANDING_PREFIX)) yield addressFromKey(key);
  }

  /** Every validator with a commission record (genesis export: one list per record kind). */
  *commissionValidators(ctx: Context): Generator<Uint8Array> {
    for (const [key] of prefixIterator(this.store(ctx), COMMISSION_PREFIX)) yield addressFromKey(key);
  }

  snapshot(ctx: Context, validator: Uint8Array, delegator: Uint8Array): DelegationSnapshot | undefined {
    const bytes = this.store(ctx).get(snapshotKey(validator, delegator));
    return bytes === undefined ? undefined : snapshotFromProto(DelegationRewardSnapshot.decode(bytes));
  }

  setSnapshot(ctx: Context, validator: Uint8Array, delegator: Uint8Array, snapshot: DelegationSnapshot): void {
    this.store(ctx).set(snapshotKey(validator, delegator), DelegationRewardSnapshot.encode(snapshotToProto(snapshot)).finish());
  }

  deleteSnapshot(ctx: Context, validator: Uint8Array, delegator: Uint8Array): void {
    this.store(ctx).delete(snapshotKey(validator, delegator));
  }

  /** Snapshots of one validator's delegations, or of all, in key order (validator, then delegator). */
  *snapshots(ctx: Context, validator?: Uint8Array): Generator<SnapshotEntry> {
    const prefix = validator === undefined ? SNAPSHOT_PREFIX : validatorSnapshotsPrefix(validator);
    for (const [key, value] of prefixIterator(this.store(ctx), prefix)) yield { ...splitSnapshotKey(key), snapshot: snapshotFromProto(DelegationRewardSnapshot.decode(value)) };
  }

  /** Where the delegator's rewards go: the address it set, else itself. */
  withdrawAddress(ctx: Context, delegator: Uint8Array): Uint8Array {
    return this.store(ctx).get(withdrawAddrKey(delegator)) ?? delegator;
  }

  /** Stores only an address other than the delegator's own, so the default costs no state. */
  setWithdrawAddress(ctx: Context, delegator: Uint8Array, withdraw: Uint8Array): void {
    if (sameBytes(delegator, withdraw)) this.store(ctx).delete(withdrawAddrKey(delegator));
    else this.store(ctx).set(withdrawAddrKey(delegator), withdraw.slice());
  }

  *withdrawAddresses(ctx: Context): Generator<{ delegator: Uint8Array; withdraw: Uint8Array }> {
    for (const [key, value] of prefixIterator(this.store(ctx), WITHDRAW_ADDR_PREFIX)) yield { delegator: addressFromKey(key), withdraw: value };
  }
}
