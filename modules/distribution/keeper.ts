// The distribution keeper: rewards per share, withdrawals, commission, the community pool.
//
// Each validator keeps the cumulative delegator rewards per share since its creation; a
// delegation keeps its shares and that value when it was last settled, and is owed
// shares × (now − then). Slashing burns tokens but never shares, so no slash bookkeeping is
// needed. Rounding: a delegator is paid whole units, truncated; what is cut off stays in the
// validator's outstanding rewards (visible in queries) and goes to the community pool when the
// validator is removed.
import type { AddressCodec } from '../../app/address-codec.js';
import { coinsToString, type Coins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { ErrUnauthorized } from '../../app/errors.js';
import {
  addDecCoins,
  amountOfDec,
  decCoinsFromCoins,
  minDecCoins,
  subDecCoins,
  truncateDecCoins,
  type DecCoins,
} from './dec-coins.js';
import { ErrNoValidatorCommission, ErrSetWithdrawAddrDisabled } from './errors.js';
import type { DistributionAccountKeeper, DistributionBankKeeper, DistributionStakingKeeper } from './expects.js';
import { MODULE_ACCOUNT } from './keys.js';
import { PER_SHARE_ONE, type DelegationSnapshot } from './rewards-per-share.js';
import { DistributionState } from './state.js';

export interface DistributionKeeperDeps {
  staking: DistributionStakingKeeper;
  bank: DistributionBankKeeper;
  accounts: DistributionAccountKeeper;
  /** Validator operator addresses (`cosmosvaloper1...`). */
  valoperCodec: AddressCodec;
  /** The denom of a zero `withdraw_rewards` amount, as the SDK's (its default: `stake`). */
  bondDenom: string;
}

function sameAmounts(a: DecCoins, b: DecCoins): boolean {
  return a.length === b.length && a.every((coin, i) => coin.denom === b[i]!.denom && coin.amount === b[i]!.amount);
}

export class DistributionKeeper extends DistributionState {
  readonly staking: DistributionStakingKeeper;
  readonly bank: DistributionBankKeeper;
  readonly accounts: DistributionAccountKeeper;
  readonly accountCodec: AddressCodec;
  readonly valoperCodec: AddressCodec;
  readonly bondDenom: string;

  constructor(deps: DistributionKeeperDeps) {
    super();
    this.staking = deps.staking;
    this.bank = deps.bank;
    this.accounts = deps.accounts;
    this.accountCodec = deps.accounts.addressCodec;
    this.valoperCodec = deps.valoperCodec;
    this.bondDenom = deps.bondDenom;
  }

  /** Empty records for a new validator (the SDK's initializeValidator). */
  initValidator(ctx: Context, validator: Uint8Array): void {
    this.setOutstanding(ctx, validator, []);
    this.setCommission(ctx, validator, []);
    this.setRewardsPerShare(ctx, validator, []);
  }

  /** Records for a validator staking knows but this module does not yet (one created without hooks). */
  ensureValidator(ctx: Context, validator: Uint8Array): void {
    if (!this.hasValidator(ctx, validator)) this.initValidator(ctx, validator);
  }

  addToCommunityPool(ctx: Context, amount: DecCoins): void {
    if (amount.length > 0) this.setCommunityPool(ctx, addDecCoins(this.communityPool(ctx), amount));
  }

  /**
   * What a snapshot is owed now, in DecCoins (18 places, truncated). Capped at the validator's
   * outstanding rewards less its commission, as the SDK caps at outstanding: never more than is held.
   */
  owed(ctx: Context, validator: Uint8Array, snapshot: DelegationSnapshot): DecCoins {
    const now = this.rewardsPerShare(ctx, validator);
    const owed = now.map(({ denom, amount }) => ({ denom, amount: (snapshot.shares * (amount - amountOfDec(snapshot.rewardsPerShare, denom))) / PER_SHARE_ONE }));
    const available = subDecCoins(this.outstanding(ctx, validator), this.commission(ctx, validator));
    return minDecCoins(owed, available);
  }

  /** A delegation's rewards so far, to 18 places (queries); empty when it has no snapshot. */
  pendingRewards(ctx: Context, delegator: string, operator: string): DecCoins {
    const validator = this.valoperCodec.decode(operator);
    const snapshot = this.snapshot(ctx, validator, this.accountCodec.decode(delegator));
    return snapshot === undefined ? [] : this.owed(ctx, validator, snapshot);
  }

  /**
   * Pays a delegation's rewards, in whole units, to its withdraw address and settles it at the
   * current rewards per share (its shares stay as recorded). Returns what was paid.
   */
  withdrawDelegationRewards(ctx: Context, delegator: string, operator: string): Coins {
    const validator = this.valoperCodec.decode(operator);
    const delegatorBytes = this.accountCodec.decode(delegator);
    const snapshot = this.snapshot(ctx, validator, delegatorBytes);
    let paid: Coins = [];
    if (snapshot !== undefined) {
      paid = truncateDecCoins(this.owed(ctx, validator, snapshot)).whole;
      if (paid.length > 0) {
        this.setOutstanding(ctx, validator, subDecCoins(this.outstanding(ctx, validator), decCoinsFromCoins(paid)));
        this.bank.sendCoinsFromModuleToAccount(ctx, MODULE_ACCOUNT, this.withdrawAddress(ctx, delegatorBytes), paid);
      }
      this.setSnapshot(ctx, validator, delegatorBytes, { shares: snapshot.shares, rewardsPerShare: this.rewardsPerShare(ctx, validator) });
    }
    // As the SDK: a zero amount is written as 0<bond denom>, not left empty.
    const amount = paid.length > 0 ? coinsToString(paid) : `0${this.bondDenom}`;
    ctx.events.emit('withdraw_rewards', ['amount', amount], ['validator', operator], ['delegator', delegator]);
    return paid;
  }

  /**
   * Records the delegation's current shares, settled at the current rewards per share (the
   * SDK's initializeDelegation). Rewards still owed under the old shares are paid first, so a
   * staking path that changed shares without the before-hook cannot make a delegator lose them.
   */
  snapshotDelegation(ctx: Context, delegator: string, operator: string): void {
    const validator = this.valoperCodec.decode(operator);
    const delegatorBytes = this.accountCodec.decode(delegator);
    const delegation = this.staking.delegation(ctx, delegator, operator);
    if (delegation === undefined) {
      this.deleteSnapshot(ctx, validator, delegatorBytes);
      return;
    }
    this.ensureValidator(ctx, validator);
    if (this.unsettled(ctx, delegator, operator)) this.withdrawDelegationRewards(ctx, delegator, operator);
    this.setSnapshot(ctx, validator, delegatorBytes, { shares: delegation.shares, rewardsPerShare: this.rewardsPerShare(ctx, validator) });
  }

  /** Whether the delegation has a snapshot taken before the latest allocation to its validator. */
  unsettled(ctx: Context, delegator: string, operator: string): boolean {
    const validator = this.valoperCodec.decode(operator);
    const snapshot = this.snapshot(ctx, validator, this.accountCodec.decode(delegator));
    return snapshot !== undefined && !sameAmounts(snapshot.rewardsPerShare, this.rewardsPerShare(ctx, validator));
  }

  /** Pays the whole units of a validator's commission to its operator's withdraw address; fractions stay. */
  withdrawValidatorCommission(ctx: Context, operator: string): Coins {
    const validator = this.valoperCodec.decode(operator);
    const commission = this.commission(ctx, validator);
    if (commission.length === 0) throw ErrNoValidatorCommission.wrap(`validator ${operator} has no accumulated commission`);
    const { whole, change } = truncateDecCoins(commission);
    this.setCommission(ctx, validator, change);
    if (whole.length > 0) {
      this.setOutstanding(ctx, validator, subDecCoins(this.outstanding(ctx, validator), decCoinsFromCoins(whole)));
      // The operator's account is the valoper address's own bytes.
      this.bank.sendCoinsFromModuleToAccount(ctx, MODULE_ACCOUNT, this.withdrawAddress(ctx, validator), whole);
    }
    ctx.events.emit('withdraw_commission', ['amount', coinsToString(whole)]);
    return whole;
  }

  fundCommunityPool(ctx: Context, depositor: Uint8Array, amount: Coins): void {
    this.bank.sendCoinsFromAccountToModule(ctx, depositor, MODULE_ACCOUNT, amount);
    this.addToCommunityPool(ctx, decCoinsFromCoins(amount));
  }

  setWithdrawAddr(ctx: Context, delegator: Uint8Array, withdraw: Uint8Array): void {
    const withdrawAddress = this.accountCodec.encode(withdraw);
    if (this.bank.blockedAddr(withdraw)) throw ErrUnauthorized.wrap(`${withdrawAddress} is not allowed to receive external funds`);
    if (!this.params(ctx).withdrawAddrEnabled) throw ErrSetWithdrawAddrDisabled.wrap('params.withdraw_addr_enabled is false');
    ctx.events.emit('set_withdraw_address', ['withdraw_address', withdrawAddress]);
    this.setWithdrawAddress(ctx, delegator, withdraw);
  }

  /**
   * A validator is about to be deleted (no delegations left): its commission's whole units go to
   * its operator, every fraction and any reward left in outstanding to the community pool.
   */
  removeValidator(ctx: Context, operator: string): void {
    const validator = this.valoperCodec.decode(operator);
    if (!this.hasValidator(ctx, validator)) return;
    const commission = this.commission(ctx, validator);
    const { whole, change } = truncateDecCoins(commission);
    const leftOver = subDecCoins(this.outstanding(ctx, validator), commission);
    if (whole.length > 0) this.bank.sendCoinsFromModuleToAccount(ctx, MODULE_ACCOUNT, this.withdrawAddress(ctx, validator), whole);
    this.addToCommunityPool(ctx, addDecCoins(change, leftOver));
    this.deleteValidator(ctx, validator);
  }
}
