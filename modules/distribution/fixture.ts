// Test fixture: a fake staking keeper that calls the hooks as the SDK's staking keeper does,
// the real auth and bank modules, and a block runner with CometBFT's last commit.
import type { VoteInfo } from 'cosmjs-types/tendermint/abci/types';
import { bech32Codec } from '../../app/address-codec.js';
import { FEE_COLLECTOR_NAME } from '../../app/ante/index.js';
import type { Coins } from '../../app/coins.js';
import { Context } from '../../app/context.js';
import { DEC_ONE, type Dec } from '../../app/dec.js';
import { CodedError } from '../../app/errors.js';
import { EventManager } from '../../app/events.js';
import type { Module } from '../../app/module.js';
import { testContext } from '../../app/testing.js';
import { authModule, STORE_KEY as AUTH_STORE } from '../auth/index.js';
import { bankModule, STORE_KEY as BANK_STORE } from '../bank/index.js';
import type { StakingHooks } from '../staking/hooks.js';
import type { DistributionDelegation, DistributionStakingKeeper, DistributionValidator } from './expects.js';
import { distributionModule } from './module.js';
import { MODULE_ACCOUNT, STORE_KEY } from './keys.js';

export const accounts = bech32Codec('cosmos');
export const valopers = bech32Codec('cosmosvaloper');
export const addr = (byte: number) => new Uint8Array(20).fill(byte);
export const account = (byte: number) => accounts.encode(addr(byte));
export const valoper = (byte: number) => valopers.encode(addr(byte));
export const consAddr = (byte: number) => new Uint8Array(20).fill(byte).map((b, i) => (i === 0 ? 0xc0 : b));
/** Pays the fees: funded at genesis, never a delegator. */
export const PAYER = 0xfa;

/** Staking as far as distribution sees it, calling the hooks where the SDK's keeper does. */
export class FakeStaking implements DistributionStakingKeeper {
  hooks: StakingHooks = {};
  readonly validators = new Map<string, DistributionValidator>();
  readonly delegations = new Map<string, DistributionDelegation>();

  validatorByConsAddr(_ctx: Context, consAddress: Uint8Array): DistributionValidator | undefined {
    return [...this.validators.values()].find((v) => Buffer.from(v.consAddress).equals(consAddress));
  }
  validatorByOperator(_ctx: Context, operator: string): DistributionValidator | undefined {
    return this.validators.get(operator);
  }
  delegation(_ctx: Context, delegator: string, operator: string): DistributionDelegation | undefined {
    return this.delegations.get(`${delegator}/${operator}`);
  }
  delegationsOf(_ctx: Context, delegator: string): DistributionDelegation[] {
    return [...this.delegations.values()].filter((d) => d.delegator === delegator).sort((a, b) => (a.operator < b.operator ? -1 : 1));
  }
  tokensFromShares(validator: DistributionValidator, shares: Dec): bigint {
    return (shares * validator.tokens) / validator.delegatorShares;
  }

  createValidator(ctx: Context, byte: number, commissionRate: Dec, selfBond: bigint): string {
    const operator = valoper(byte);
    this.validators.set(operator, { operator, consAddress: consAddr(byte), status: 'bonded', tokens: 0n, delegatorShares: 0n, commissionRate });
    this.hooks.afterValidatorCreated?.(ctx, operator);
    this.delegate(ctx, account(byte), operator, selfBond);
    return operator;
  }

  /** Shares issued = tokens × shares per token, truncated (the SDK's SharesFromTokens). */
  delegate(ctx: Context, delegator: string, operator: string, tokens: bigint): void {
    const validator = this.validators.get(operator)!;
    if (validator.tokens === 0n && validator.delegatorShares > 0n) throw new Error(`${operator} has shares but no tokens: delegating to it is refused`);
    const key = `${delegator}/${operator}`;
    const existing = this.delegations.get(key);
    if (existing) this.hooks.beforeDelegationSharesModified?.(ctx, delegator, operator);
    else this.hooks.beforeDelegationCreated?.(ctx, delegator, operator);
    const shares = validator.tokens === 0n ? tokens * DEC_ONE : (validator.delegatorShares * tokens) / validator.tokens;
    validator.tokens += tokens;
    validator.delegatorShares += shares;
    this.delegations.set(key, { delegator, operator, shares: (existing?.shares ?? 0n) + shares });
    this.hooks.afterDelegationModified?.(ctx, delegator, operator);
  }

  undelegate(ctx: Context, delegator: string, operator: string, shares: Dec): void {
    const validator = this.validators.get(operator)!;
    const key = `${delegator}/${operator}`;
    const delegation = this.delegations.get(key)!;
    this.hooks.beforeDelegationSharesModified?.(ctx, delegator, operator);
    validator.tokens -= this.tokensFromShares(validator, shares);
    validator.delegatorShares -= shares;
    if (delegation.shares === shares) {
      this.hooks.beforeDelegationRemoved?.(ctx, delegator, operator);
      this.delegations.delete(key);
    } else {
      this.delegations.set(key, { ...delegation, shares: delegation.shares - shares });
      this.hooks.afterDelegationModified?.(ctx, delegator, operator);
    }
  }

  /** Burns a fraction of the tokens; shares stay (the SDK's Slash). */
  slash(ctx: Context, operator: string, fraction: Dec): void {
    const validator = this.validators.get(operator)!;
    this.hooks.beforeValidatorSlashed?.(ctx, operator, fraction);
    validator.tokens -= (validator.tokens * fraction) / DEC_ONE;
  }

  removeValidator(ctx: Context, operator: string): void {
    const validator = this.validators.get(operator)!;
    this.hooks.beforeValidatorRemoved?.(ctx, validator.consAddress, operator);
    this.validators.delete(operator);
  }
}

export interface SetupOptions {
  /** Distribution genesis JSON (default: the module's defaults). */
  genesis?: unknown;
  /** Bank genesis JSON (default: the payer funded with 10^12 uatom and ustake). */
  bankGenesis?: unknown;
}

export function setup(options: SetupOptions = {}) {
  const auth = authModule({ bech32Prefix: 'cosmos', moduleAccounts: { [MODULE_ACCOUNT]: [] } });
  const bank = bankModule({ accounts: auth.keeper, blockedAddresses: auth.keeper.moduleAccountAddresses() });
  const staking = new FakeStaking();
  const distribution = distributionModule({ staking, bank: bank.keeper, accounts: auth.keeper, bech32Prefix: 'cosmos' });
  staking.hooks = distribution.hooks;
  const ctx = testContext({ stores: [AUTH_STORE, BANK_STORE, STORE_KEY], height: 2n });
  const coins = [{ denom: 'uatom', amount: '1000000000000' }, { denom: 'ustake', amount: '1000000000000' }];
  bank.genesis.init(ctx, bank.genesis.validate(options.bankGenesis ?? { balances: [{ address: account(PAYER), coins }] }));
  distribution.genesis.init(ctx, distribution.genesis.validate(options.genesis ?? distribution.genesis.defaults()));
  const feeCollector = auth.keeper.getModuleAddress(FEE_COLLECTOR_NAME)!;
  const moduleAddress = auth.keeper.getModuleAddress(MODULE_ACCOUNT)!;
  return { auth, bank, staking, distribution, keeper: distribution.keeper, ctx, feeCollector, moduleAddress };
}

export type Setup = ReturnType<typeof setup>;

/** Runs BeginBlock at `height` with `votes` ([validator byte, power]) as the last commit; returns its events. */
export function beginBlock(s: Setup, votes: Array<[number, bigint]>, height = 2n): EventManager {
  const voteInfos: VoteInfo[] = votes.map(([byte, power]) => ({ validator: { address: consAddr(byte), power }, blockIdFlag: 2 }));
  const events = new EventManager();
  const header = {
    ...s.ctx.header,
    height,
    comet: {
      proposerAddress: consAddr(votes[0]?.[0] ?? 0),
      decidedLastCommit: { round: 0, votes: voteInfos },
      misbehavior: [],
      nextValidatorsHash: new Uint8Array(32),
      hash: new Uint8Array(32),
      lastAppHash: new Uint8Array(32),
    },
  };
  (s.distribution as Module).beginBlock!(new Context(s.ctx.store, header, s.ctx.gasMeter, events, 'block'));
  return events;
}

/** The fees of a block: moved from the payer to the fee collector, as the ante handler does. */
export function payFees(s: Setup, fees: Coins): void {
  s.bank.keeper.sendCoinsFromAccountToModule(s.ctx, addr(PAYER), FEE_COLLECTOR_NAME, fees);
}

/** Every entry of the distribution and bank stores, for "nothing changed" checks. */
export function dumpState(s: Setup): string[] {
  return [STORE_KEY, BANK_STORE].flatMap((name) =>
    [...s.ctx.store.getStore(name).iterator()].map(([k, v]) => `${name}:${Buffer.from(k).toString('hex')}=${Buffer.from(v).toString('hex')}`),
  );
}

/** Runs a message as the app does after decoding: its stateless checks, then its handler. */
export function run(s: Setup, typeUrl: string, bytes: Uint8Array) {
  const handler = s.distribution.msgs[typeUrl]!;
  const msg = handler.decode(bytes);
  handler.validate?.(msg);
  return handler.handle(s.ctx, msg);
}

export const coded = (codespace: string, code: number, pattern?: RegExp) => (err: unknown) =>
  err instanceof CodedError && err.codespace === codespace && err.code === code && (pattern === undefined || pattern.test(err.message));
