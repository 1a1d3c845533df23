// The staking store's records and indexes: validators (by operator, consensus address and
// power), delegations, unbonding delegations, redelegations and the three maturity queues.
// Only this file knows the key layout; the keeper's operations go through it.
import {
  Delegation,
  DVPairs,
  DVVTriplets,
  Redelegation,
  UnbondingDelegation,
  ValAddresses,
} from 'cosmjs-types/cosmos/staking/v1beta1/staking';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import type { AddressCodec } from '../../app/address-codec.js';
import type { Context } from '../../app/context.js';
import { decFromProto, decToProto, type Dec } from '../../app/dec.js';
import { firstEntry, prefixEnd, type KVStore } from '../../app/store/kv.js';
import {
  DELEGATION_PREFIX,
  LAST_TOTAL_POWER_KEY,
  LAST_VALIDATOR_POWER_PREFIX,
  REDELEGATION_BY_DST_PREFIX,
  REDELEGATION_BY_SRC_PREFIX,
  REDELEGATION_PREFIX,
  REDELEGATION_QUEUE_PREFIX,
  STORE_KEY,
  UNBONDING_BY_VALIDATOR_PREFIX,
  UNBONDING_DELEGATION_PREFIX,
  UNBONDING_QUEUE_PREFIX,
  VALIDATORS_BY_CONS_ADDR_PREFIX,
  VALIDATORS_BY_POWER_PREFIX,
  VALIDATORS_PREFIX,
  VALIDATOR_QUEUE_PREFIX,
  DELEGATION_BY_VALIDATOR_PREFIX,
  keyOf,
  operatorFromPowerIndexKey,
  powerIndexKey,
  readBigEndian64,
  bigEndian64,
  readLengthPrefixed,
  timeKey,
} from './keys.js';
import { consensusPower, decodeValidator, encodeValidator, type ValidatorState } from './validator.js';

export interface DelegationState {
  delegator: string;
  /** valoper bech32 */
  operator: string;
  shares: Dec;
}

const EMPTY = new Uint8Array();

export class StakingStore {
  constructor(
    readonly accountCodec: AddressCodec,
    readonly valoperCodec: AddressCodec,
    readonly powerReduction: bigint,
  ) {}

  kv(ctx: Context): KVStore {
    return ctx.kvStore(STORE_KEY);
  }

  // --- validators ---

  getValidator(ctx: Context, operator: string): ValidatorState | undefined {
    const bytes = this.kv(ctx).get(keyOf(VALIDATORS_PREFIX, this.valoperCodec.decode(operator)));
    return bytes === undefined ? undefined : decodeValidator(bytes);
  }

  getValidatorByConsAddr(ctx: Context, consAddress: Uint8Array): ValidatorState | undefined {
    const operator = this.kv(ctx).get(keyOf(VALIDATORS_BY_CONS_ADDR_PREFIX, consAddress));
    return operator === undefined ? undefined : this.getValidator(ctx, this.valoperCodec.encode(operator));
  }

  setValidator(ctx: Context, v: ValidatorState): void {
    this.kv(ctx).set(keyOf(VALIDATORS_PREFIX, this.valoperCodec.decode(v.operator)), encodeValidator(v));
  }

  setValidatorByConsAddr(ctx: Context, v: ValidatorState): void {
    this.kv(ctx).set(keyOf(VALIDATORS_BY_CONS_ADDR_PREFIX, v.consAddress), this.valoperCodec.decode(v.operator));
  }

  /** Every validator in operator-address order. */
  allValidators(ctx: Context): ValidatorState[] {
    const out: ValidatorState[] = [];
    for (const [, value] of this.kv(ctx).iterator(VALIDATORS_PREFIX, prefixEnd(VALIDATORS_PREFIX))) out.push(decodeValidator(value));
    return out;
  }

  removeValidator(ctx: Context, v: ValidatorState): void {
    const kv = this.kv(ctx);
    const operator = this.valoperCodec.decode(v.operator);
    kv.delete(keyOf(VALIDATORS_PREFIX, operator));
    kv.delete(keyOf(VALIDATORS_BY_CONS_ADDR_PREFIX, v.consAddress));
    kv.delete(powerIndexKey(consensusPower(v.tokens, this.powerReduction), operator));
  }

  /** The power index holds every validator that is not jailed, keyed by its potential power. */
  setPowerIndex(ctx: Context, v: ValidatorState): void {
    this.kv(ctx).set(powerIndexKey(consensusPower(v.tokens, this.powerReduction), this.valoperCodec.decode(v.operator)), EMPTY);
  }

  deletePowerIndex(ctx: Context, v: ValidatorState): void {
    this.kv(ctx).delete(powerIndexKey(consensusPower(v.tokens, this.powerReduction), this.valoperCodec.decode(v.operator)));
  }

  /** Operators by power descending (ties: operator address ascending), not jailed. */
  *validatorsByPower(ctx: Context): Generator<string> {
    for (const [key] of this.kv(ctx).iterator(VALIDATORS_BY_POWER_PREFIX, prefixEnd(VALIDATORS_BY_POWER_PREFIX), true)) {
      yield this.valoperCodec.encode(operatorFromPowerIndexKey(key));
    }
  }

  // --- the set CometBFT knows ---

  lastValidatorPowers(ctx: Context): Map<string, bigint> {
    const out = new Map<string, bigint>();
    for (const [key, value] of this.kv(ctx).iterator(LAST_VALIDATOR_POWER_PREFIX, prefixEnd(LAST_VALIDATOR_POWER_PREFIX))) {
      const { address } = readLengthPrefixed(key, LAST_VALIDATOR_POWER_PREFIX.length);
      out.set(this.valoperCodec.encode(address), readBigEndian64(value));
    }
    return out;
  }

  setLastValidatorPower(ctx: Context, operator: string, power: bigint): void {
    this.kv(ctx).set(keyOf(LAST_VALIDATOR_POWER_PREFIX, this.valoperCodec.decode(operator)), bigEndian64(power));
  }

  deleteLastValidatorPower(ctx: Context, operator: string): void {
    this.kv(ctx).delete(keyOf(LAST_VALIDATOR_POWER_PREFIX, this.valoperCodec.decode(operator)));
  }

  lastTotalPower(ctx: Context): bigint {
    const bytes = this.kv(ctx).get(LAST_TOTAL_POWER_KEY);
    return bytes === undefined ? 0n : readBigEndian64(bytes);
  }

  setLastTotalPower(ctx: Context, power: bigint): void {
    this.kv(ctx).set(LAST_TOTAL_POWER_KEY, bigEndian64(power));
  }

  // --- delegations ---

  private delegationKey(delegator: string, operator: string): Uint8Array {
    return keyOf(DELEGATION_PREFIX, this.accountCodec.decode(delegator), this.valoperCodec.decode(operator));
  }

  getDelegation(ctx: Context, delegator: string, operator: string): DelegationState | undefined {
    const bytes = this.kv(ctx).get(this.delegationKey(delegator, operator));
    return bytes === undefined ? undefined : delegationFromProto(Delegation.decode(bytes));
  }

  setDelegation(ctx: Context, d: DelegationState): void {
    const kv = this.kv(ctx);
    kv.set(this.delegationKey(d.delegator, d.operator), Delegation.encode(delegationToProto(d)).finish());
    kv.set(keyOf(DELEGATION_BY_VALIDATOR_PREFIX, this.valoperCodec.decode(d.operator), this.accountCodec.decode(d.delegator)), EMPTY);
  }

  removeDelegation(ctx: Context, d: DelegationState): void {
    const kv = this.kv(ctx);
    kv.delete(this.delegationKey(d.delegator, d.operator));
    kv.delete(keyOf(DELEGATION_BY_VALIDATOR_PREFIX, this.valoperCodec.decode(d.operator), this.accountCodec.decode(d.delegator)));
  }

  delegationsOf(ctx: Context, delegator: string): DelegationState[] {
    const prefix = keyOf(DELEGATION_PREFIX, this.accountCodec.decode(delegator));
    const out: DelegationState[] = [];
    for (const [, value] of this.kv(ctx).iterator(prefix, prefixEnd(prefix))) out.push(delegationFromProto(Delegation.decode(value)));
    return out;
  }

  delegationsTo(ctx: Context, operator: string): DelegationState[] {
    const prefix = keyOf(DELEGATION_BY_VALIDATOR_PREFIX, this.valoperCodec.decode(operator));
    const delegators: string[] = [];
    for (const [key] of this.kv(ctx).iterator(prefix, prefixEnd(prefix))) {
      delegators.push(this.accountCodec.encode(readLengthPrefixed(key, prefix.length).address));
    }
    return delegators.map((delegator) => this.getDelegation(ctx, delegator, operator)!);
  }

  allDelegations(ctx: Context): DelegationState[] {
    const out: DelegationState[] = [];
    for (const [, value] of this.kv(ctx).iterator(DELEGATION_PREFIX, prefixEnd(DELEGATION_PREFIX))) out.push(delegationFromProto(Delegation.decode(value)));
    return out;
  }

  // --- unbonding delegations ---

  private unbondingKey(delegator: string, operator: string): Uint8Array {
    return keyOf(UNBONDING_DELEGATION_PREFIX, this.accountCodec.decode(delegator), this.valoperCodec.decode(operator));
  }

  getUnbondingDelegation(ctx: Context, delegator: string, operator: string): UnbondingDelegation | undefined {
    const bytes = this.kv(ctx).get(this.unbondingKey(delegator, operator));
    return bytes === undefined ? undefined : UnbondingDelegation.decode(bytes);
  }

  /** Writes `ubd`, or deletes it when it has no entries left. */
  setUnbondingDelegation(ctx: Context, ubd: UnbondingDelegation): void {
    const kv = this.kv(ctx);
    const key = this.unbondingKey(ubd.delegatorAddress, ubd.validatorAddress);
    const index = keyOf(UNBONDING_BY_VALIDATOR_PREFIX, this.valoperCodec.decode(ubd.validatorAddress), this.accountCodec.decode(ubd.delegatorAddress));
    if (ubd.entries.length === 0) {
      kv.delete(key);
      kv.delete(index);
      return;
    }
    kv.set(key, UnbondingDelegation.encode(ubd).finish());
    kv.set(index, EMPTY);
  }

  unbondingDelegationsOf(ctx: Context, delegator: string): UnbondingDelegation[] {
    const prefix = keyOf(UNBONDING_DELEGATION_PREFIX, this.accountCodec.decode(delegator));
    const out: UnbondingDelegation[] = [];
    for (const [, value] of this.kv(ctx).iterator(prefix, prefixEnd(prefix))) out.push(UnbondingDelegation.decode(value));
    return out;
  }

  unbondingDelegationsFrom(ctx: Context, operator: string): UnbondingDelegation[] {
    const prefix = keyOf(UNBONDING_BY_VALIDATOR_PREFIX, this.valoperCodec.decode(operator));
    const delegators: string[] = [];
    for (const [key] of this.kv(ctx).iterator(prefix, prefixEnd(prefix))) {
      delegators.push(this.accountCodec.encode(readLengthPrefixed(key, prefix.length).address));
    }
    return delegators.map((delegator) => this.getUnbondingDelegation(ctx, delegator, operator)!);
  }

  allUnbondingDelegations(ctx: Context): UnbondingDelegation[] {
    const out: UnbondingDelegation[] = [];
    for (const [, value] of this.kv(ctx).iterator(UNBONDING_DELEGATION_PREFIX, prefixEnd(UNBONDING_DELEGATION_PREFIX))) out.push(UnbondingDelegation.decode(value));
    return out;
  }

  // --- redelegations ---

  private redelegationKey(delegator: string, src: string, dst: string): Uint8Array {
    return keyOf(REDELEGATION_PREFIX, this.accountCodec.decode(delegator), this.valoperCodec.decode(src), this.valoperCodec.decode(dst));
  }

  getRedelegation(ctx: Context, delegator: string, src: string, dst: string): Redelegation | undefined {
    const bytes = this.kv(ctx).get(this.redelegationKey(delegator, src, dst));
    return bytes === undefined ? undefined : Redelegation.decode(bytes);
  }

  /** Writes `red`, or deletes it (and its indexes) when it has no entries left. */
  setRedelegation(ctx: Context, red: Redelegation): void {
    const kv = this.kv(ctx);
    const delegator = this.accountCodec.decode(red.delegatorAddress);
    const src = this.valoperCodec.decode(red.validatorSrcAddress);
    const dst = this.valoperCodec.decode(red.validatorDstAddress);
    const keys = [keyOf(REDELEGATION_PREFIX, delegator, src, dst), keyOf(REDELEGATION_BY_SRC_PREFIX, src, delegator, dst), keyOf(REDELEGATION_BY_DST_PREFIX, dst, delegator, src)];
    if (red.entries.length === 0) {
      for (const key of keys) kv.delete(key);
      return;
    }
    kv.set(keys[0]!, Redelegation.encode(red).finish());
    kv.set(keys[1]!, EMPTY);
    kv.set(keys[2]!, EMPTY);
  }

  redelegationsOf(ctx: Context, delegator: string): Redelegation[] {
    const prefix = keyOf(REDELEGATION_PREFIX, this.accountCodec.decode(delegator));
    const out: Redelegation[] = [];
    for (const [, value] of this.kv(ctx).iterator(prefix, prefixEnd(prefix))) out.push(Redelegation.decode(value));
    return out;
  }

  /** Redelegations away from `src` (what a slash of `src` reaches). */
  redelegationsFrom(ctx: Context, src: string): Redelegation[] {
    const prefix = keyOf(REDELEGATION_BY_SRC_PREFIX, this.valoperCodec.decode(src));
    const found: Array<[string, string]> = [];
    for (const [key] of this.kv(ctx).iterator(prefix, prefixEnd(prefix))) {
      const delegator = readLengthPrefixed(key, prefix.length);
      const dst = readLengthPrefixed(key, delegator.next);
      found.push([this.accountCodec.encode(delegator.address), this.valoperCodec.encode(dst.address)]);
    }
    return found.map(([delegator, dst]) => this.getRedelegation(ctx, delegator, src, dst)!);
  }

  /** True if `delegator` has a maturing redelegation into `dst` (which may not be redelegated on). */
  hasReceivingRedelegation(ctx: Context, delegator: string, dst: string): boolean {
    const prefix = keyOf(REDELEGATION_BY_DST_PREFIX, this.valoperCodec.decode(dst), this.accountCodec.decode(delegator));
    return firstEntry(this.kv(ctx).iterator(prefix, prefixEnd(prefix))) !== undefined;
  }

  allRedelegations(ctx: Context): Redelegation[] {
    const out: Redelegation[] = [];
    for (const [, value] of this.kv(ctx).iterator(REDELEGATION_PREFIX, prefixEnd(REDELEGATION_PREFIX))) out.push(Redelegation.decode(value));
    return out;
  }

  // --- maturity queues (keyed by completion time; each slot a list) ---

  enqueueUnbonding(ctx: Context, time: Timestamp, delegator: string, operator: string): void {
    const key = timeKey(UNBONDING_QUEUE_PREFIX, time.seconds, time.nanos);
    const slot = this.kv(ctx).get(key);
    const pairs = slot === undefined ? { pairs: [] } : DVPairs.decode(slot);
    pairs.pairs.push({ delegatorAddress: delegator, validatorAddress: operator });
    this.kv(ctx).set(key, DVPairs.encode(pairs).finish());
  }

  /** Removes and returns every (delegator, validator) pair due at or before `now`. */
  dequeueMatureUnbondings(ctx: Context, now: Timestamp): Array<{ delegator: string; operator: string }> {
    const out: Array<{ delegator: string; operator: string }> = [];
    for (const value of this.dequeue(ctx, UNBONDING_QUEUE_PREFIX, now)) {
      for (const p of DVPairs.decode(value).pairs) out.push({ delegator: p.delegatorAddress, operator: p.validatorAddress });
    }
    return out;
  }

  enqueueRedelegation(ctx: Context, time: Timestamp, delegator: string, src: string, dst: string): void {
    const key = timeKey(REDELEGATION_QUEUE_PREFIX, time.seconds, time.nanos);
    const slot = this.kv(ctx).get(key);
    const triplets = slot === undefined ? { triplets: [] } : DVVTriplets.decode(slot);
    triplets.triplets.push({ delegatorAddress: delegator, validatorSrcAddress: src, validatorDstAddress: dst });
    this.kv(ctx).set(key, DVVTriplets.encode(triplets).finish());
  }

  dequeueMatureRedelegations(ctx: Context, now: Timestamp): Array<{ delegator: string; src: string; dst: string }> {
    const out: Array<{ delegator: string; src: string; dst: string }> = [];
    for (const value of this.dequeue(ctx, REDELEGATION_QUEUE_PREFIX, now)) {
      for (const t of DVVTriplets.decode(value).triplets) out.push({ delegator: t.delegatorAddress, src: t.validatorSrcAddress, dst: t.validatorDstAddress });
    }
    return out;
  }

  enqueueValidator(ctx: Context, time: Timestamp, operator: string): void {
    const key = timeKey(VALIDATOR_QUEUE_PREFIX, time.seconds, time.nanos);
    const slot = this.kv(ctx).get(key);
    const list = slot === undefined ? { addresses: [] } : ValAddresses.decode(slot);
    list.addresses.push(operator);
    this.kv(ctx).set(key, ValAddresses.encode(list).finish());
  }

  /** Takes `operator` out of the slot for `time` (a validator bonded again before maturing). */
  unqueueValidator(ctx: Context, time: Timestamp, operator: string): void {
    const key = timeKey(VALIDATOR_QUEUE_PREFIX, time.seconds, time.nanos);
    const slot = this.kv(ctx).get(key);
    if (slot === undefined) return;
    const addresses = ValAddresses.decode(slot).addresses.filter((a) => a !== operator);
    if (addresses.length === 0) this.kv(ctx).delete(key);
    else this.kv(ctx).set(key, ValAddresses.encode({ addresses }).finish());
  }

  dequeueMatureValidators(ctx: Context, now: Timestamp): string[] {
    return this.dequeue(ctx, VALIDATOR_QUEUE_PREFIX, now).flatMap((value) => ValAddresses.decode(value).addresses);
  }

  private dequeue(ctx: Context, prefix: Uint8Array, now: Timestamp): Uint8Array[] {
    const kv = this.kv(ctx);
    // The end bound is exclusive, so stop one nanosecond after `now`.
    const end = now.nanos === 999_999_999 ? timeKey(prefix, now.seconds + 1n, 0) : timeKey(prefix, now.seconds, now.nanos + 1);
    const due = [...kv.iterator(prefix, end)];
    for (const [key] of due) kv.delete(key);
    return due.map(([, value]) => value);
  }
}

export function delegationToProto(d: DelegationState): Delegation {
  return { delegatorAddress: d.delegator, validatorAddress: d.operator, shares: decToProto(d.shares) };
}

export function delegationFromProto(d: Delegation): DelegationState {
  return { delegator: d.delegatorAddress, operator: d.validatorAddress, shares: decFromProto(d.shares) };
}

