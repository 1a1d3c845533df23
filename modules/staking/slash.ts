// Slashing and jailing, as the SDK's x/staking Slash: the fraction applies to the stake the
// validator had at the infraction height. Stake that left since (unbonding entries and
// redelegations created at or after that height) pays its share first; the rest is burned
// from the validator's tokens, which lowers every current delegator's stake pro rata.
import type { Context } from '../../app/context.js';
import { DEC_ONE, decMulTrunc, mulIntTrunc, type Dec } from '../../app/dec.js';
import { ErrInvalidRequest } from '../../app/errors.js';
import { unbond } from './delegation.js';
import { ErrNoValidatorFound } from './errors.js';
import type { StakingKeeper } from './keeper.js';
import { compareTime } from '../../app/time.js';
import type { ValidatorState } from './validator.js';

export interface SlashOutcome {
  /** Total tokens burned. */
  burned: bigint;
  /** From the validator's tokens (all its current delegators, pro rata). */
  fromValidator: bigint;
  fromUnbondingDelegations: Array<{ delegator: string; amount: bigint }>;
  fromRedelegations: Array<{ delegator: string; validatorDst: string; amount: bigint }>;
}

export function slash(k: StakingKeeper, ctx: Context, consAddress: Uint8Array, infractionHeight: bigint, power: bigint, fraction: Dec): SlashOutcome {
  if (fraction < 0n || fraction > DEC_ONE) throw ErrInvalidRequest.wrap(`slash fraction must be between 0 and 1, got ${fraction}`);
  if (infractionHeight > ctx.blockHeight) throw ErrInvalidRequest.wrap(`cannot slash for a future infraction at height ${infractionHeight} (now ${ctx.blockHeight})`);
  const outcome: SlashOutcome = { burned: 0n, fromValidator: 0n, fromUnbondingDelegations: [], fromRedelegations: [] };
  let v = k.store.getValidatorByConsAddr(ctx, consAddress);
  // As the SDK: a validator that is already gone (unbonded and removed) cannot pay.
  if (v === undefined) return outcome;
  const slashAmount = mulIntTrunc(power * k.powerReduction, fraction);
  let remaining = slashAmount;

  if (infractionHeight < ctx.blockHeight) {
    for (const ubd of k.store.unbondingDelegationsFrom(ctx, v.operator)) {
      let changed = false;
      let taken = 0n;
      for (const entry of ubd.entries) {
        if (entry.creationHeight < infractionHeight || compareTime(entry.completionTime, ctx.header.time) <= 0) continue;
        const balance = BigInt(entry.balance);
        const due = mulIntTrunc(BigInt(entry.initialBalance), fraction);
        const amount = due < balance ? due : balance;
        if (amount === 0n) continue;
        entry.balance = (balance - amount).toString();
        taken += amount;
        remaining -= due;
        changed = true;
      }
      if (!changed) continue;
      k.store.setUnbondingDelegation(ctx, ubd);
      k.burnFromPool(ctx, 'unbonding', taken);
      outcome.fromUnbondingDelegations.push({ delegator: ubd.delegatorAddress, amount: taken });
      outcome.burned += taken;
    }
    for (const red of k.store.redelegationsFrom(ctx, v.operator)) {
      for (const entry of red.entries) {
        if (entry.creationHeight < infractionHeight || compareTime(entry.completionTime, ctx.header.time) <= 0) continue;
        remaining -= mulIntTrunc(BigInt(entry.initialBalance), fraction);
        const delegation = k.store.getDelegation(ctx, red.delegatorAddress, red.validatorDstAddress);
        if (delegation === undefined) continue;
        let shares = decMulTrunc(BigInt(entry.sharesDst), fraction);
        if (shares > delegation.shares) shares = delegation.shares;
        if (shares === 0n) continue;
        const dst = k.store.getValidator(ctx, red.validatorDstAddress)!;
        const tokens = unbond(k, ctx, red.delegatorAddress, red.validatorDstAddress, shares);
        k.burnFromPool(ctx, dst.status, tokens);
        outcome.fromRedelegations.push({ delegator: red.delegatorAddress, validatorDst: red.validatorDstAddress, amount: tokens });
        outcome.burned += tokens;
      }
    }
    v = k.store.getValidator(ctx, v.operator)!;
  }

  let toBurn = remaining < v.tokens ? remaining : v.tokens;
  if (toBurn < 0n) toBurn = 0n;
  if (toBurn > 0n) {
    const effective = (toBurn * DEC_ONE + v.tokens - 1n) / v.tokens;
    k.hooks.beforeValidatorSlashed(ctx, v.operator, effective > DEC_ONE ? DEC_ONE : effective);
    v = k.store.getValidator(ctx, v.operator)!;
    k.store.deletePowerIndex(ctx, v);
    const next: ValidatorState = { ...v, tokens: v.tokens - toBurn };
    k.store.setValidator(ctx, next);
    if (!next.jailed) k.store.setPowerIndex(ctx, next);
    k.burnFromPool(ctx, v.status, toBurn);
    outcome.fromValidator = toBurn;
    outcome.burned += toBurn;
  }
  return outcome;
}

function byConsAddr(k: StakingKeeper, ctx: Context, consAddress: Uint8Array): ValidatorState {
  const v = k.store.getValidatorByConsAddr(ctx, consAddress);
  if (v === undefined) throw ErrNoValidatorFound.wrap(`no validator with consensus address ${Buffer.from(consAddress).toString('hex').toUpperCase()}`);
  return v;
}

/** Takes the validator out of the power index; the end of the block removes it from the set. */
export function jail(k: StakingKeeper, ctx: Context, consAddress: Uint8Array): void {
  const v = byConsAddr(k, ctx, consAddress);
  if (v.jailed) return;
  k.store.deletePowerIndex(ctx, v);
  k.store.setValidator(ctx, { ...v, jailed: true });
}

export function unjail(k: StakingKeeper, ctx: Context, consAddress: Uint8Array): void {
  const v = byConsAddr(k, ctx, consAddress);
  if (!v.jailed) return;
  const next: ValidatorState = { ...v, jailed: false };
  k.store.setValidator(ctx, next);
  k.store.setPowerIndex(ctx, next);
}
