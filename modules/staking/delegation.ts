// Delegating, undelegating, redelegating and cancelling an undelegation, with the SDK's
// rules and order of hooks. Tokens always sit in the pool matching the validator's status
// (bonded → bonded_tokens_pool, otherwise not_bonded_tokens_pool); unbonding tokens wait in
// the not-bonded pool until their entry matures.
import type { UnbondingDelegation, UnbondingDelegationEntry } from 'cosmjs-types/cosmos/staking/v1beta1/staking';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import type { Context } from '../../app/context.js';
import { ErrInvalidRequest } from '../../app/errors.js';
import type { Dec } from '../../app/dec.js';
import {
  ErrBadRedelegationDst,
  ErrBadRedelegationSrc,
  ErrDelegatorShareExRateInvalid,
  ErrInsufficientShares,
  ErrMaxRedelegationEntries,
  ErrMaxUnbondingDelegationEntries,
  ErrNoDelegation,
  ErrNoUnbondingDelegation,
  ErrNoValidatorFound,
  ErrNotEnoughDelegationShares,
  ErrSelfRedelegation,
  ErrTinyRedelegationAmount,
  ErrTransitiveRedelegation,
  ErrValidatorJailed,
} from './errors.js';
import type { StakingKeeper } from './keeper.js';
import { addSeconds, compareTime } from '../../app/time.js';
import { formatTime } from './time.js';
import { removeValidator } from './validator-set.js';
import { sharesFromTokens, sharesFromTokensRoundUp, tokensFromShares, type ValidatorState, type ValidatorStatus } from './validator.js';

/** Where delegated tokens come from: the delegator's account, or a pool (redelegation, cancel). */
export type TokenSource = 'account' | ValidatorStatus;

function mustGetValidator(k: StakingKeeper, ctx: Context, operator: string): ValidatorState {
  const v = k.store.getValidator(ctx, operator);
  if (v === undefined) throw ErrNoValidatorFound.wrap(`validator ${operator} does not exist`);
  return v;
}

/** Rewrites a validator whose tokens change, keeping its power-index entry in step. */
function changeTokens(k: StakingKeeper, ctx: Context, v: ValidatorState, tokens: bigint, shares: Dec): ValidatorState {
  k.store.deletePowerIndex(ctx, v);
  const next: ValidatorState = { ...v, tokens, delegatorShares: shares };
  k.store.setValidator(ctx, next);
  if (!next.jailed) k.store.setPowerIndex(ctx, next);
  return next;
}

/** Adds `amount` tokens to `operator` for `delegator`; returns the shares issued. */
export function delegate(k: StakingKeeper, ctx: Context, delegator: string, operator: string, amount: bigint, source: TokenSource): Dec {
  let v = mustGetValidator(k, ctx, operator);
  if (v.tokens === 0n && v.delegatorShares > 0n) throw ErrDelegatorShareExRateInvalid.wrap(`validator ${operator} has shares but no tokens`);
  const existing = k.store.getDelegation(ctx, delegator, operator);
  if (existing) k.hooks.beforeDelegationSharesModified(ctx, delegator, operator);
  else k.hooks.beforeDelegationCreated(ctx, delegator, operator);

  const coins = [{ denom: k.bondDenom(ctx), amount }];
  if (source === 'account') {
    k.bank.sendCoinsFromAccountToModule(ctx, k.accounts.addressCodec.decode(delegator), k.poolFor(v.status), coins);
  } else {
    k.movePoolTokens(ctx, source, v.status, amount);
  }
  v = mustGetValidator(k, ctx, operator);
  const shares = sharesFromTokens(v, amount);
  changeTokens(k, ctx, v, v.tokens + amount, v.delegatorShares + shares);
  const current = k.store.getDelegation(ctx, delegator, operator);
  k.store.setDelegation(ctx, { delegator, operator, shares: (current?.shares ?? 0n) + shares });
  k.hooks.afterDelegationModified(ctx, delegator, operator);
  return shares;
}

/**
 * Removes `shares` of `delegator`'s delegation from `operator`; returns the tokens they were
 * worth (still in the validator's pool: the caller decides where they go). An operator whose
 * own stake falls below its minimum self-delegation is jailed, as the SDK does.
 */
export function unbond(k: StakingKeeper, ctx: Context, delegator: string, operator: string, shares: Dec): bigint {
  const d = k.store.getDelegation(ctx, delegator, operator);
  if (d === undefined) throw ErrNoDelegation.wrap(`${delegator} has no delegation to ${operator}`);
  if (d.shares < shares) throw ErrNotEnoughDelegationShares.wrap(`${delegator} has ${d.shares} shares of ${operator}, not ${shares}`);
  let v = mustGetValidator(k, ctx, operator);
  k.hooks.beforeDelegationSharesModified(ctx, delegator, operator);
  const remaining = d.shares - shares;
  if (delegator === k.operatorAccount(operator) && !v.jailed && tokensFromShares(v, remaining) < v.minSelfDelegation) {
    k.jail(ctx, v.consAddress);
    v = mustGetValidator(k, ctx, operator);
  }
  if (remaining === 0n) {
    k.hooks.beforeDelegationRemoved(ctx, delegator, operator);
    k.store.removeDelegation(ctx, d);
  } else {
    k.store.setDelegation(ctx, { ...d, shares: remaining });
    k.hooks.afterDelegationModified(ctx, delegator, operator);
  }
  v = mustGetValidator(k, ctx, operator);
  // The last shares take every remaining token, so no dust is stranded in a validator.
  const amount = shares === v.delegatorShares ? v.tokens : tokensFromShares(v, shares);
  v = changeTokens(k, ctx, v, v.tokens - amount, v.delegatorShares - shares);
  if (v.delegatorShares === 0n && v.status === 'unbonded') removeValidator(k, ctx, v);
  return amount;
}

/**
 * The shares an undelegation of `amount` tokens burns: rounded up (the delegator never gets
 * more than they had), but capped at the whole delegation, as the SDK's ValidateUnbondAmount.
 */
export function sharesForAmount(k: StakingKeeper, ctx: Context, delegator: string, operator: string, amount: bigint): Dec {
  const v = mustGetValidator(k, ctx, operator);
  const d = k.store.getDelegation(ctx, delegator, operator);
  if (d === undefined) throw ErrNoDelegation.wrap(`${delegator} has no delegation to ${operator}`);
  if (v.tokens === 0n) throw ErrInsufficientShares.wrap(`validator ${operator} has no tokens`);
  const truncated = sharesFromTokens(v, amount);
  if (truncated > d.shares) {
    throw ErrInsufficientShares.wrap(`cannot unbond ${amount} tokens: the delegation is worth ${tokensFromShares(v, d.shares)}`);
  }
  const shares = sharesFromTokensRoundUp(v, amount);
  return shares > d.shares ? d.shares : shares;
}

function addUnbondingEntry(ubd: UnbondingDelegation, entry: UnbondingDelegationEntry): void {
  const same = ubd.entries.find((e) => e.creationHeight === entry.creationHeight && compareTime(e.completionTime, entry.completionTime) === 0);
  if (same) {
    same.balance = (BigInt(same.balance) + BigInt(entry.balance)).toString();
    same.initialBalance = (BigInt(same.initialBalance) + BigInt(entry.initialBalance)).toString();
  } else {
    ubd.entries.push(entry);
  }
}

export function undelegate(k: StakingKeeper, ctx: Context, delegator: string, operator: string, amount: bigint): { completionTime: Timestamp; amount: bigint } {
  const v = mustGetValidator(k, ctx, operator);
  const params = k.params(ctx);
  const ubd = k.store.getUnbondingDelegation(ctx, delegator, operator) ?? { delegatorAddress: delegator, validatorAddress: operator, entries: [] };
  if (ubd.entries.length >= params.maxEntries) throw ErrMaxUnbondingDelegationEntries.wrap(`${ubd.entries.length} entries already wait; the limit is ${params.maxEntries}`);
  const shares = sharesForAmount(k, ctx, delegator, operator, amount);
  const returned = unbond(k, ctx, delegator, operator, shares);
  if (returned === 0n) throw ErrTinyRedelegationAmount.wrap(`undelegating ${amount} returns no tokens`);
  if (v.status === 'bonded') k.movePoolTokens(ctx, 'bonded', 'unbonded', returned);
  const completionTime = addSeconds(ctx.header.time, params.unbondingTime);
  addUnbondingEntry(ubd, {
    creationHeight: ctx.blockHeight,
    completionTime,
    initialBalance: returned.toString(),
    balance: returned.toString(),
    unbondingId: 0n,
    unbondingOnHoldRefCount: 0n,
  });
  k.store.setUnbondingDelegation(ctx, ubd);
  k.store.enqueueUnbonding(ctx, completionTime, delegator, operator);
  const coin = `${returned}${params.bondDenom}`;
  ctx.events.emit('unbond', ['validator', operator], ['delegator', delegator], ['amount', coin], ['completion_time', formatTime(completionTime)]);
  return { completionTime, amount: returned };
}

/** Pays out every matured entry of one unbonding delegation. */
export function completeUnbonding(k: StakingKeeper, ctx: Context, delegator: string, operator: string): bigint {
  const ubd = k.store.getUnbondingDelegation(ctx, delegator, operator);
  if (ubd === undefined) return 0n;
  let paid = 0n;
  const waiting: UnbondingDelegationEntry[] = [];
  for (const entry of ubd.entries) {
    if (compareTime(entry.completionTime, ctx.header.time) <= 0) paid += BigInt(entry.balance);
    else waiting.push(entry);
  }
  if (waiting.length === ubd.entries.length) return 0n;
  k.store.setUnbondingDelegation(ctx, { ...ubd, entries: waiting });
  const denom = k.bondDenom(ctx);
  if (paid > 0n) k.bank.sendCoinsFromModuleToAccount(ctx, k.poolFor('unbonded'), k.accounts.addressCodec.decode(delegator), [{ denom, amount: paid }]);
  ctx.events.emit('complete_unbonding', ['amount', `${paid}${denom}`], ['validator', operator], ['delegator', delegator]);
  return paid;
}

/**
 * When a redelegation away from `src` matures: at once if `src` is unbonded (its stake is
 * not at risk), when its own unbonding ends if it is unbonding, else after the unbonding time.
 */
function redelegationBeginInfo(k: StakingKeeper, ctx: Context, src: ValidatorState): { completionTime: Timestamp; height: bigint; now: boolean } {
  if (src.status === 'unbonded') return { completionTime: ctx.header.time, height: 0n, now: true };
  if (src.status === 'unbonding') {
    if (compareTime(src.unbondingTime, ctx.header.time) <= 0) return { completionTime: ctx.header.time, height: 0n, now: true };
    return { completionTime: src.unbondingTime, height: src.unbondingHeight, now: false };
  }
  return { completionTime: addSeconds(ctx.header.time, k.params(ctx).unbondingTime), height: ctx.blockHeight, now: false };
}

export function redelegate(k: StakingKeeper, ctx: Context, delegator: string, src: string, dst: string, amount: bigint): Timestamp {
  if (src === dst) throw ErrSelfRedelegation.wrap(`source and destination are both ${src}`);
  const srcV = k.store.getValidator(ctx, src);
  if (srcV === undefined) throw ErrBadRedelegationSrc.wrap(`validator ${src} does not exist`);
  if (k.store.getValidator(ctx, dst) === undefined) throw ErrBadRedelegationDst.wrap(`validator ${dst} does not exist`);
  if (k.store.hasReceivingRedelegation(ctx, delegator, src)) throw ErrTransitiveRedelegation.wrap(`${delegator} has a redelegation into ${src} that has not matured`);
  const params = k.params(ctx);
  const red = k.store.getRedelegation(ctx, delegator, src, dst) ?? { delegatorAddress: delegator, validatorSrcAddress: src, validatorDstAddress: dst, entries: [] };
  if (red.entries.length >= params.maxEntries) throw ErrMaxRedelegationEntries.wrap(`${red.entries.length} entries already wait; the limit is ${params.maxEntries}`);

  const shares = sharesForAmount(k, ctx, delegator, src, amount);
  const returned = unbond(k, ctx, delegator, src, shares);
  if (returned === 0n) throw ErrTinyRedelegationAmount.wrap(`redelegating ${amount} moves no tokens`);
  const sharesDst = delegate(k, ctx, delegator, dst, returned, srcV.status);
  const begin = redelegationBeginInfo(k, ctx, srcV);
  if (!begin.now) {
    red.entries.push({
      creationHeight: begin.height,
      completionTime: begin.completionTime,
      initialBalance: returned.toString(),
      sharesDst: sharesDst.toString(),
      unbondingId: 0n,
      unbondingOnHoldRefCount: 0n,
    });
    k.store.setRedelegation(ctx, red);
    k.store.enqueueRedelegation(ctx, begin.completionTime, delegator, src, dst);
  }
  ctx.events.emit(
    'redelegate',
    ['source_validator', src],
    ['destination_validator', dst],
    ['amount', `${returned}${params.bondDenom}`],
    ['completion_time', formatTime(begin.completionTime)],
  );
  return begin.completionTime;
}

/** Drops every matured entry of a redelegation (the stake already sits with the destination). */
export function completeRedelegation(k: StakingKeeper, ctx: Context, delegator: string, src: string, dst: string): void {
  const red = k.store.getRedelegation(ctx, delegator, src, dst);
  if (red === undefined) return;
  const waiting = red.entries.filter((e) => compareTime(e.completionTime, ctx.header.time) > 0);
  if (waiting.length === red.entries.length) return;
  k.store.setRedelegation(ctx, { ...red, entries: waiting });
  ctx.events.emit('complete_redelegation', ['delegator', delegator], ['source_validator', src], ['destination_validator', dst]);
}

/** Takes back `amount` of the undelegation entry made at `creationHeight` and delegates it again. */
export function cancelUnbondingDelegation(k: StakingKeeper, ctx: Context, delegator: string, operator: string, amount: bigint, creationHeight: bigint): void {
  const v = mustGetValidator(k, ctx, operator);
  if (v.jailed) throw ErrValidatorJailed.wrap(`validator ${operator} is jailed`);
  const ubd = k.store.getUnbondingDelegation(ctx, delegator, operator);
  if (ubd === undefined) throw ErrNoUnbondingDelegation.wrap(`${delegator} is not undelegating from ${operator}`);
  const index = ubd.entries.findIndex((e) => e.creationHeight === creationHeight);
  if (index < 0) throw ErrInvalidRequest.wrap(`unbonding delegation entry is not found at block height ${creationHeight}`);
  const entry = ubd.entries[index]!;
  if (compareTime(entry.completionTime, ctx.header.time) <= 0) throw ErrInvalidRequest.wrap('unbonding delegation is already processed');
  const balance = BigInt(entry.balance);
  if (amount > balance) throw ErrInvalidRequest.wrap(`amount ${amount} is greater than the unbonding delegation entry balance ${balance}`);
  delegate(k, ctx, delegator, operator, amount, 'unbonding');
  if (amount === balance) ubd.entries.splice(index, 1);
  else ubd.entries[index] = { ...entry, balance: (balance - amount).toString(), initialBalance: (BigInt(entry.initialBalance) - amount).toString() };
  k.store.setUnbondingDelegation(ctx, ubd);
  ctx.events.emit(
    'cancel_unbonding_delegation',
    ['amount', `${amount}${k.bondDenom(ctx)}`],
    ['validator', operator],
    ['delegator', delegator],
    ['creation_height', creationHeight.toString()],
  );
}
