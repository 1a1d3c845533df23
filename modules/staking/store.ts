// The staking store's records and indexes, declared once as collections: validators (by
// operator, consensus address and power), delegations, unbonding delegations, redelegations
// and the three maturity queues. Every key is the bytes zonekit wrote before collections
// (store-layout.test.ts pins them, and the gas each access costs).
import {
  Delegation,
  DVPairs,
  DVVTriplets,
  HistoricalInfo,
  Redelegation,
  UnbondingDelegation,
  ValAddresses,
} from 'cosmjs-types/cosmos/staking/v1beta1/staking';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import type { AddressCodec } from '../../app/address-codec.js';
import type { Context } from '../../app/context.js';
import { decFromProto, decToProto, type Dec } from '../../app/dec.js';
import * as collections from '../../app/store/collections/index.js';
import * as keys from './keys.js';
import { consensusPower, decodeValidator, encodeValidator, type ValidatorState } from './validator.js';

export interface DelegationState {
  delegator: string;
  /** valoper bech32 */
  operator: string;
  shares: Dec;
}

export function delegationToProto(d: DelegationState): Delegation {
  return { delegatorAddress: d.delegator, validatorAddress: d.operator, shares: decToProto(d.shares) };
}

export function delegationFromProto(d: Delegation): DelegationState {
  return { delegator: d.delegatorAddress, operator: d.validatorAddress, shares: decFromProto(d.shares) };
}

/**
 * The power index's operator part: the address with every bit inverted, length-prefixed even
 * as the last part (the SDK's GetValidatorsByPowerIndexKey layout, older than collections).
 * Iterated in reverse, validators come by power descending and, at equal power, by operator
 * address ascending (the SDK's tie-break), so every node picks the same active set.
 */
function invertedOperatorKey(valopers: AddressCodec): collections.KeyCodec<string> {
  const invert = (bytes: Uint8Array) => bytes.map((b) => 0xff - b);
  const inner = collections.lengthPrefixedBytesKey;
  const encode = (operator: string) => inner.encode(invert(valopers.decode(operator)));
  const decode = (bytes: Uint8Array): [string, number] => {
    const [inverted, read] = inner.decode(bytes);
    return [valopers.encode(invert(inverted)), read];
  };
  return { keyType: 'index_key/inverted sdk.ValAddress', encode, decode, encodeNonTerminal: encode, decodeNonTerminal: decode, stringify: (k) => k };
}

/** Every collection of store `staking`, at the prefixes of keys.ts. Addresses are length-prefixed (as `address.MustLengthPrefix`). */
function stakingSchema(accounts: AddressCodec, valopers: AddressCodec) {
  const sb = new collections.SchemaBuilder(keys.STORE_KEY);
  const account = collections.lengthPrefixedAddressKey(accounts, 'sdk.AccAddress');
  const valoper = collections.lengthPrefixedAddressKey(valopers, 'sdk.ValAddress');
  // Queue slots sort by completion time: seconds (8 bytes) then nanos (4 bytes), big-endian.
  const time = collections.pairKey(collections.uint64Key, collections.uint32Key);
  const byDelegator = collections.pairKey(account, valoper);
  const redelegation = collections.tripleKey(account, valoper, valoper);
  // (validator, delegator, other validator): the source or destination first.
  const redelegationByValidator = collections.tripleKey(valoper, account, valoper);
  type Red = collections.Triple<string, string, string>;
  return {
    lastValidatorPower: new collections.Map(sb, keys.LAST_VALIDATOR_POWER_PREFIX, 'last_validator_power', valoper, collections.uint64Value),
    lastTotalPower: new collections.Item(sb, keys.LAST_TOTAL_POWER_KEY, 'last_total_power', collections.uint64Value),
    validators: new collections.Map(sb, keys.VALIDATORS_PREFIX, 'validators', valoper, { valueType: 'validator', encode: encodeValidator, decode: decodeValidator, stringify: (v) => v.operator }),
    validatorsByConsAddr: new collections.Map(sb, keys.VALIDATORS_BY_CONS_ADDR_PREFIX, 'validators_by_cons_addr', collections.lengthPrefixedBytesKey, collections.keyValue(collections.addressKey(valopers))),
    validatorsByPower: new collections.KeySet(sb, keys.VALIDATORS_BY_POWER_PREFIX, 'validators_by_power', collections.pairKey(collections.uint64Key, invertedOperatorKey(valopers))),
    delegations: new collections.IndexedMap(sb, keys.DELEGATION_PREFIX, 'delegations', byDelegator, collections.mappedValue(collections.protoValue(Delegation), delegationFromProto, delegationToProto), {
      byValidator: collections.reversePairIndex(sb, keys.DELEGATION_BY_VALIDATOR_PREFIX, 'delegations_by_validator', byDelegator),
    }),
    unbondingDelegations: new collections.IndexedMap(sb, keys.UNBONDING_DELEGATION_PREFIX, 'unbonding_delegations', byDelegator, collections.protoValue(UnbondingDelegation), {
      byValidator: collections.reversePairIndex(sb, keys.UNBONDING_BY_VALIDATOR_PREFIX, 'unbonding_delegations_by_validator', byDelegator),
    }),
    redelegations: new collections.IndexedMap(sb, keys.REDELEGATION_PREFIX, 'redelegations', redelegation, collections.protoValue(Redelegation), {
      bySrc: new collections.KeyIndex<Red, Red>(sb, keys.REDELEGATION_BY_SRC_PREFIX, 'redelegations_by_src', redelegationByValidator, ([d, s, t]) => [s, d, t], ([s, d, t]) => [d, s, t]),
      byDst: new collections.KeyIndex<Red, Red>(sb, keys.REDELEGATION_BY_DST_PREFIX, 'redelegations_by_dst', redelegationByValidator, ([d, s, t]) => [t, d, s], ([t, d, s]) => [d, s, t]),
    }),
    unbondingQueue: new collections.Map(sb, keys.UNBONDING_QUEUE_PREFIX, 'unbonding_queue', time, collections.protoValue(DVPairs)),
    redelegationQueue: new collections.Map(sb, keys.REDELEGATION_QUEUE_PREFIX, 'redelegation_queue', time, collections.protoValue(DVVTriplets)),
    validatorQueue: new collections.Map(sb, keys.VALIDATOR_QUEUE_PREFIX, 'validator_queue', time, collections.protoValue(ValAddresses)),
    historicalInfo: new collections.Map(sb, keys.HISTORICAL_INFO_PREFIX, 'historical_info', collections.uint64Key, collections.protoValue(HistoricalInfo)),
  };
}

type Slot = collections.Pair<bigint, number>;
const slot = (time: Timestamp): Slot => [time.seconds, time.nanos];

export class StakingStore {
  readonly c: ReturnType<typeof stakingSchema>;

  constructor(
    readonly accountCodec: AddressCodec,
    readonly valoperCodec: AddressCodec,
    readonly powerReduction: bigint,
  ) {
    this.c = stakingSchema(accountCodec, valoperCodec);
  }

  // --- validators ---

  getValidator(ctx: Context, operator: string): ValidatorState | undefined {
    return this.c.validators.get(ctx, operator);
  }

  getValidatorByConsAddr(ctx: Context, consAddress: Uint8Array): ValidatorState | undefined {
    const operator = this.c.validatorsByConsAddr.get(ctx, consAddress);
    return operator === undefined ? undefined : this.getValidator(ctx, operator);
  }

  setValidator(ctx: Context, v: ValidatorState): void {
    this.c.validators.set(ctx, v.operator, v);
  }

  setValidatorByConsAddr(ctx: Context, v: ValidatorState): void {
    this.c.validatorsByConsAddr.set(ctx, v.consAddress, v.operator);
  }

  /** Every validator in operator-address order. */
  allValidators(ctx: Context): ValidatorState[] {
    return [...this.c.validators.values(ctx)];
  }

  removeValidator(ctx: Context, v: ValidatorState): void {
    this.c.validators.remove(ctx, v.operator);
    this.c.validatorsByConsAddr.remove(ctx, v.consAddress);
    this.deletePowerIndex(ctx, v);
  }

  /** The power index holds every validator that is not jailed, keyed by its potential power. */
  setPowerIndex(ctx: Context, v: ValidatorState): void {
    this.c.validatorsByPower.set(ctx, [consensusPower(v.tokens, this.powerReduction), v.operator]);
  }

  deletePowerIndex(ctx: Context, v: ValidatorState): void {
    this.c.validatorsByPower.remove(ctx, [consensusPower(v.tokens, this.powerReduction), v.operator]);
  }

  /** Operators by power descending (ties: operator address ascending), not jailed. */
  *validatorsByPower(ctx: Context): Generator<string> {
    for (const [, operator] of this.c.validatorsByPower.keys(ctx, { reverse: true })) yield operator;
  }

  // --- the set CometBFT knows ---

  lastValidatorPowers(ctx: Context): Map<string, bigint> {
    return new Map(this.c.lastValidatorPower.iterate(ctx));
  }

  setLastValidatorPower(ctx: Context, operator: string, power: bigint): void {
    this.c.lastValidatorPower.set(ctx, operator, power);
  }

  deleteLastValidatorPower(ctx: Context, operator: string): void {
    this.c.lastValidatorPower.remove(ctx, operator);
  }

  lastTotalPower(ctx: Context): bigint {
    return this.c.lastTotalPower.get(ctx) ?? 0n;
  }

  setLastTotalPower(ctx: Context, power: bigint): void {
    this.c.lastTotalPower.set(ctx, power);
  }

  // --- delegations ---

  getDelegation(ctx: Context, delegator: string, operator: string): DelegationState | undefined {
    return this.c.delegations.get(ctx, [delegator, operator]);
  }

  setDelegation(ctx: Context, d: DelegationState): void {
    this.c.delegations.set(ctx, [d.delegator, d.operator], d);
  }

  removeDelegation(ctx: Context, d: DelegationState): void {
    this.c.delegations.remove(ctx, [d.delegator, d.operator]);
  }

  delegationsOf(ctx: Context, delegator: string): DelegationState[] {
    return [...this.c.delegations.values(ctx, { prefix: [delegator] })];
  }

  delegationsTo(ctx: Context, operator: string): DelegationState[] {
    const keys = [...this.c.delegations.indexes.byValidator.primaryKeys(ctx, { prefix: [operator] })];
    return keys.map(([delegator]) => this.getDelegation(ctx, delegator, operator)!);
  }

  allDelegations(ctx: Context): DelegationState[] {
    return [...this.c.delegations.values(ctx)];
  }

  // --- unbonding delegations ---

  getUnbondingDelegation(ctx: Context, delegator: string, operator: string): UnbondingDelegation | undefined {
    return this.c.unbondingDelegations.get(ctx, [delegator, operator]);
  }

  /** Writes `ubd`, or deletes it when it has no entries left. */
  setUnbondingDelegation(ctx: Context, ubd: UnbondingDelegation): void {
    const key = [ubd.delegatorAddress, ubd.validatorAddress] as const;
    if (ubd.entries.length === 0) this.c.unbondingDelegations.remove(ctx, key);
    else this.c.unbondingDelegations.set(ctx, key, ubd);
  }

  unbondingDelegationsOf(ctx: Context, delegator: string): UnbondingDelegation[] {
    return [...this.c.unbondingDelegations.values(ctx, { prefix: [delegator] })];
  }

  unbondingDelegationsFrom(ctx: Context, operator: string): UnbondingDelegation[] {
    const keys = [...this.c.unbondingDelegations.indexes.byValidator.primaryKeys(ctx, { prefix: [operator] })];
    return keys.map(([delegator]) => this.getUnbondingDelegation(ctx, delegator, operator)!);
  }

  allUnbondingDelegations(ctx: Context): UnbondingDelegation[] {
    return [...this.c.unbondingDelegations.values(ctx)];
  }

  // --- redelegations ---

  getRedelegation(ctx: Context, delegator: string, src: string, dst: string): Redelegation | undefined {
    return this.c.redelegations.get(ctx, [delegator, src, dst]);
  }

  /** Writes `red`, or deletes it (and its indexes) when it has no entries left. */
  setRedelegation(ctx: Context, red: Redelegation): void {
    const key = [red.delegatorAddress, red.validatorSrcAddress, red.validatorDstAddress] as const;
    if (red.entries.length === 0) this.c.redelegations.remove(ctx, key);
    else this.c.redelegations.set(ctx, key, red);
  }

  redelegationsOf(ctx: Context, delegator: string): Redelegation[] {
    return [...this.c.redelegations.values(ctx, { prefix: [delegator] })];
  }

  /** Redelegations away from `src` (what a slash of `src` reaches). */
  redelegationsFrom(ctx: Context, src: string): Redelegation[] {
    const keys = [...this.c.redelegations.indexes.bySrc.primaryKeys(ctx, { prefix: [src] })];
    return keys.map(([delegator, , dst]) => this.getRedelegation(ctx, delegator, src, dst)!);
  }

  /** True if `delegator` has a maturing redelegation into `dst` (which may not be redelegated on). */
  hasReceivingRedelegation(ctx: Context, delegator: string, dst: string): boolean {
    return this.c.redelegations.indexes.byDst.has(ctx, { prefix: [dst, delegator] });
  }

  allRedelegations(ctx: Context): Redelegation[] {
    return [...this.c.redelegations.values(ctx)];
  }

  // --- maturity queues (keyed by completion time; each slot a list) ---

  enqueueUnbonding(ctx: Context, time: Timestamp, delegator: string, operator: string): void {
    const pairs = this.c.unbondingQueue.get(ctx, slot(time)) ?? { pairs: [] };
    pairs.pairs.push({ delegatorAddress: delegator, validatorAddress: operator });
    this.c.unbondingQueue.set(ctx, slot(time), pairs);
  }

  /** Removes and returns every (delegator, validator) pair due at or before `now`. */
  dequeueMatureUnbondings(ctx: Context, now: Timestamp): Array<{ delegator: string; operator: string }> {
    return dequeue(ctx, this.c.unbondingQueue, now).flatMap((v) => v.pairs.map((p) => ({ delegator: p.delegatorAddress, operator: p.validatorAddress })));
  }

  enqueueRedelegation(ctx: Context, time: Timestamp, delegator: string, src: string, dst: string): void {
    const triplets = this.c.redelegationQueue.get(ctx, slot(time)) ?? { triplets: [] };
    triplets.triplets.push({ delegatorAddress: delegator, validatorSrcAddress: src, validatorDstAddress: dst });
    this.c.redelegationQueue.set(ctx, slot(time), triplets);
  }

  dequeueMatureRedelegations(ctx: Context, now: Timestamp): Array<{ delegator: string; src: string; dst: string }> {
    return dequeue(ctx, this.c.redelegationQueue, now).flatMap((v) => v.triplets.map((t) => ({ delegator: t.delegatorAddress, src: t.validatorSrcAddress, dst: t.validatorDstAddress })));
  }

  enqueueValidator(ctx: Context, time: Timestamp, operator: string): void {
    const list = this.c.validatorQueue.get(ctx, slot(time)) ?? { addresses: [] };
    list.addresses.push(operator);
    this.c.validatorQueue.set(ctx, slot(time), list);
  }

  /** Takes `operator` out of the slot for `time` (a validator bonded again before maturing). */
  unqueueValidator(ctx: Context, time: Timestamp, operator: string): void {
    const list = this.c.validatorQueue.get(ctx, slot(time));
    if (list === undefined) return;
    const addresses = list.addresses.filter((a) => a !== operator);
    if (addresses.length === 0) this.c.validatorQueue.remove(ctx, slot(time));
    else this.c.validatorQueue.set(ctx, slot(time), { addresses });
  }

  dequeueMatureValidators(ctx: Context, now: Timestamp): string[] {
    return dequeue(ctx, this.c.validatorQueue, now).flatMap((v) => v.addresses);
  }
}

/** Removes and returns the slots due at or before `now`, earliest first. */
function dequeue<V>(ctx: Context, queue: collections.Map<Slot, V>, now: Timestamp): V[] {
  const due = [...queue.iterate(ctx, { end: slot(now), endInclusive: true })];
  for (const [key] of due) queue.remove(ctx, key);
  return due.map(([, value]) => value);
}
