// x/distribution: fees to validators (commission) and their delegators, withdrawable, and the
// community pool. Expects staking, bank and auth through the interfaces in expects.ts; gives
// staking its hooks (`hooks`), which the staking keeper must call.
import { bech32Codec } from '../../app/address-codec.js';
import { defineModule } from '../../app/module.js';
import { beginBlock } from './allocation.js';
import { distributionAminoConverters } from './amino.js';
import { distributionCli } from './cli.js';
import type { DistributionAccountKeeper, DistributionBankKeeper, DistributionStakingKeeper } from './expects.js';
import { distributionGenesis } from './genesis.js';
import { distributionHooks } from './hooks.js';
import { distributionInvariants } from './invariants.js';
import { DistributionKeeper } from './keeper.js';
import { MODULE_NAME, STORE_KEY } from './keys.js';
import { distributionMsgs } from './msgs.js';
import { distributionQueries } from './queries.js';
import { distributionRest } from './rest.js';

export interface DistributionModuleDeps {
  staking: DistributionStakingKeeper;
  bank: DistributionBankKeeper;
  /** The auth keeper: module addresses (fee_collector, distribution) and the account address codec. */
  accounts: DistributionAccountKeeper;
  /** Bech32 prefix of account addresses; validators are `<prefix>valoper`. Default: the auth codec's. */
  bech32Prefix?: string;
  /** The denom a zero `withdraw_rewards` amount is written in (`0stake`), as the SDK's default. */
  bondDenom?: string;
}

export function distributionModule({ staking, bank, accounts, bech32Prefix = accounts.addressCodec.prefix, bondDenom = 'stake' }: DistributionModuleDeps) {
  const valoperCodec = bech32Codec(`${bech32Prefix}valoper`);
  const keeper = new DistributionKeeper({ staking, bank, accounts, valoperCodec, bondDenom });
  return defineModule({
    name: MODULE_NAME,
    storeKey: STORE_KEY,
    keeper,
    hooks: distributionHooks(keeper),
    msgs: distributionMsgs(keeper),
    queries: distributionQueries(keeper),
    genesis: distributionGenesis(keeper),
    beginBlock: (ctx) => beginBlock(keeper, ctx),
    invariants: distributionInvariants(keeper),
    aminoConverters: distributionAminoConverters,
    rest: distributionRest(valoperCodec),
    cli: distributionCli,
  });
}

export type DistributionModule = ReturnType<typeof distributionModule>;
