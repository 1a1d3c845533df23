// x/staking: validators, delegations and the validator set CometBFT runs with. Expects an
// account keeper and a bank (expects.ts); distribution and the court listen through hooks.
import { defineModule } from '../../app/module.js';
import type { StakingAccountKeeper, StakingBankKeeper } from './expects.js';
import { stakingGenesis } from './genesis.js';
import { trackHistoricalInfo } from './historical.js';
import { stakingInvariants } from './invariants.js';
import { DEFAULT_POWER_REDUCTION, StakingKeeper } from './keeper.js';
import { BONDED_POOL, MODULE_NAME, NOT_BONDED_POOL, STORE_KEY } from './keys.js';
import { stakingMsgs } from './msgs.js';
import { stakingQueries } from './queries.js';
import { completeRedelegation, completeUnbonding } from './delegation.js';
import { unbondMatureValidators } from './validator-set.js';
import { stakingAminoConverters } from './amino.js';
import { stakingCli } from './cli.js';
import { stakingRest } from './rest.js';

export interface StakingModuleDeps {
  accounts: StakingAccountKeeper;
  bank: StakingBankKeeper;
  bech32Prefix: string;
  /** Tokens per unit of CometBFT voting power (default 10^6). */
  powerReduction?: bigint;
}

/** The module accounts staking needs, with their permissions (for authModule's moduleAccounts). */
export const STAKING_MODULE_ACCOUNTS: Readonly<Record<string, readonly string[]>> = {
  [BONDED_POOL]: ['burner', 'staking'],
  [NOT_BONDED_POOL]: ['burner', 'staking'],
};

export function stakingModule({ accounts, bank, bech32Prefix, powerReduction = DEFAULT_POWER_REDUCTION }: StakingModuleDeps) {
  const keeper = new StakingKeeper(accounts, bank, bech32Prefix, powerReduction);
  return defineModule({
    name: MODULE_NAME,
    storeKey: STORE_KEY,
    keeper,
    msgs: stakingMsgs(keeper),
    queries: stakingQueries(keeper),
    genesis: stakingGenesis(keeper),
    invariants: stakingInvariants(keeper),
    aminoConverters: stakingAminoConverters,
    rest: stakingRest,
    cli: stakingCli,
    beginBlock(ctx) {
      trackHistoricalInfo(keeper, ctx);
    },
    // As the SDK's BlockValidatorUpdates: the new set first, then everything that matured.
    endBlock(ctx) {
      const updates = keeper.applyAndReturnValidatorSetUpdates(ctx);
      unbondMatureValidators(keeper, ctx);
      for (const { delegator, operator } of keeper.store.dequeueMatureUnbondings(ctx, ctx.header.time)) completeUnbonding(keeper, ctx, delegator, operator);
      for (const { delegator, src, dst } of keeper.store.dequeueMatureRedelegations(ctx, ctx.header.time)) completeRedelegation(keeper, ctx, delegator, src, dst);
      return updates;
    },
  });
}

export type StakingModule = ReturnType<typeof stakingModule>;
