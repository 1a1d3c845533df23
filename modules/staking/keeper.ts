// The staking keeper: validators, delegations and their pools. The operations live in
// their own files (delegation.ts, validator-set.ts, slash.ts); this class ties them to the
// store and offers the narrow views other modules expect (the court, distribution, genutil).
import type { ValidatorUpdate } from 'cosmjs-types/tendermint/abci/types';
import { bech32Codec, type AddressCodec } from '../../app/address-codec.js';
import type { Context } from '../../app/context.js';
import type { Dec } from '../../app/dec.js';
import { getHistoricalInfo, historicalValidatorSet } from './historical.js';
import type { HistoricalInfo } from 'cosmjs-types/cosmos/staking/v1beta1/staking';
import { combineHooks, type StakingHooks } from './hooks.js';
import { BONDED_POOL, NOT_BONDED_POOL } from './keys.js';
import type { StakingAccountKeeper, StakingBankKeeper } from './expects.js';
import { getParams, type StakingParams } from './params.js';
import { jail, slash, unjail, type SlashOutcome } from './slash.js';
import { StakingStore, type DelegationState } from './store.js';
import { applyAndReturnValidatorSetUpdates } from './validator-set.js';
import { tokensFromShares, type ValidatorState, type ValidatorStatus } from './validator.js';

/** 10^6: one unit of CometBFT voting power per 1,000,000 base tokens, as the SDK's default. */
export const DEFAULT_POWER_REDUCTION = 1_000_000n;

export class StakingKeeper {
  readonly store: StakingStore;
  readonly valoperCodec: AddressCodec;
  private hookList: StakingHooks[] = [];
  hooks: Required<StakingHooks> = combineHooks([]);

  constructor(
    readonly accounts: StakingAccountKeeper,
    readonly bank: StakingBankKeeper,
    readonly bech32Prefix: string,
    readonly powerReduction: bigint = DEFAULT_POWER_REDUCTION,
  ) {
    this.valoperCodec = bech32Codec(`${bech32Prefix}valoper`);
    this.store = new StakingStore(accounts.addressCodec, this.valoperCodec, powerReduction);
  }

  /** Adds listeners (distribution, the court). Call while composing the app, before any block. */
  addHooks(hooks: StakingHooks): void {
    this.hookList.push(hooks);
    this.hooks = combineHooks(this.hookList);
  }

  params(ctx: Context): StakingParams {
    return getParams(ctx);
  }

  bondDenom(ctx: Context): string {
    return getParams(ctx).bondDenom;
  }

  /** The account address that operates `operator` (same bytes, account prefix). */
  operatorAccount(operator: string): string {
    return this.accounts.addressCodec.encode(this.valoperCodec.decode(operator));
  }

  valoperOf(account: string): string {
    return this.valoperCodec.encode(this.accounts.addressCodec.decode(account));
  }

  poolFor(status: ValidatorStatus): string {
    return status === 'bonded' ? BONDED_POOL : NOT_BONDED_POOL;
  }

  poolBalance(ctx: Context, pool: string): bigint {
    const address = this.accounts.getModuleAddress(pool);
    return address === undefined ? 0n : this.bank.getBalance(ctx, address, this.bondDenom(ctx));
  }

  /** Moves `amount` of the bond denom between the pools when a validator changes status. */
  movePoolTokens(ctx: Context, from: ValidatorStatus, to: ValidatorStatus, amount: bigint): void {
    const source = this.poolFor(from);
    const target = this.poolFor(to);
    if (source === target || amount === 0n) return;
    this.bank.sendCoinsFromModuleToModule(ctx, source, target, [{ denom: this.bondDenom(ctx), amount }]);
  }

  burnFromPool(ctx: Context, status: ValidatorStatus, amount: bigint): void {
    if (amount > 0n) this.bank.burnCoins(ctx, this.poolFor(status), [{ denom: this.bondDenom(ctx), amount }]);
  }

  // --- views for other modules (court, distribution, genutil) ---

  validatorByOperator(ctx: Context, operator: string): ValidatorState | undefined {
    return this.store.getValidator(ctx, operator);
  }

  validatorByConsAddr(ctx: Context, consAddress: Uint8Array): ValidatorState | undefined {
    return this.store.getValidatorByConsAddr(ctx, consAddress);
  }

  delegation(ctx: Context, delegator: string, operator: string): DelegationState | undefined {
    return this.store.getDelegation(ctx, delegator, operator);
  }

  delegationsOf(ctx: Context, delegator: string): DelegationState[] {
    return this.store.delegationsOf(ctx, delegator);
  }

  tokensFromShares(validator: { tokens: bigint; delegatorShares: Dec }, shares: Dec): bigint {
    return tokensFromShares(validator, shares);
  }

  selfDelegationTokens(ctx: Context, operator: string): bigint {
    const validator = this.store.getValidator(ctx, operator);
    const delegation = this.store.getDelegation(ctx, this.operatorAccount(operator), operator);
    return validator === undefined || delegation === undefined ? 0n : tokensFromShares(validator, delegation.shares);
  }

  slash(ctx: Context, consAddress: Uint8Array, infractionHeight: bigint, power: bigint, fraction: Dec): SlashOutcome {
    return slash(this, ctx, consAddress, infractionHeight, power, fraction);
  }

  jail(ctx: Context, consAddress: Uint8Array): void {
    jail(this, ctx, consAddress);
  }

  unjail(ctx: Context, consAddress: Uint8Array): void {
    unjail(this, ctx, consAddress);
  }

  /**
   * The validators that signed votes at `height`. HistoricalInfo(h) holds the set as it
   * stood when block h began, which CometBFT uses from height h + 1 on (updates take
   * effect one block after the block that returns them): so the signers of `height` are
   * HistoricalInfo(height − 1).
   */
  validatorSetAt(ctx: Context, height: bigint): readonly { consPubKey: Uint8Array; power: bigint }[] | undefined {
    return historicalValidatorSet(this, ctx, height - 1n);
  }

  /** This chain's header and bonded set at `height` (IBC builds its self consensus state from it). */
  historicalInfo(ctx: Context, height: bigint): HistoricalInfo | undefined {
    return getHistoricalInfo(this, ctx, height);
  }

  totalBondedTokens(ctx: Context): bigint {
    return this.poolBalance(ctx, BONDED_POOL);
  }

  applyAndReturnValidatorSetUpdates(ctx: Context): ValidatorUpdate[] {
    return applyAndReturnValidatorSetUpdates(this, ctx);
  }
}
