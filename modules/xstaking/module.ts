// x/xstaking: interchain staking (issue 14, seed 002). One module, two roles chosen by its
// params: on the hub, MsgXStake escrows the stake denom and sends XStake on an `xstaking`
// channel; on the consumer, the sublinear bonding curve (curve.ts) turns it into BAR delegated
// through staking. Composed only in zones that ask for it (ZoneOptions.xstaking).
import type { Context } from '../../app/context.js';
import { defineModule } from '../../app/module.js';
import type { Trial } from '../../gen/zonekit/court/v1/types.js';
import { aminoConverters } from '../../app/proto/index.js';
import type { AppChannelKeeper } from '../../ibc/core/app-channels.js';
import { xstakingCli } from './cli.js';
import type { XStakingAccountKeeper, XStakingBankKeeper, XStakingClientKeeper, XStakingCourtKeeper, XStakingStakingKeeper } from './expects.js';
import { xstakingGenesis } from './genesis.js';
import { xstakingIbcModule } from './ibc-module.js';
import { xstakingInvariants } from './invariants.js';
import { XStakingKeeper } from './keeper.js';
import { MODULE_NAME, STORE_KEY } from './keys.js';
import { xstakingMsgs } from './msgs.js';
import { xstakingQueries } from './queries.js';
import { xstakingRest } from './rest.js';
import { msgCodecs, schema } from './schema.js';

export interface XStakingModuleDeps {
  bank: XStakingBankKeeper;
  accounts: XStakingAccountKeeper;
  channels: AppChannelKeeper;
  staking?: XStakingStakingKeeper;
  /** The hub's court, which records the consumer verdicts it carries out. */
  court?: XStakingCourtKeeper;
  /** The hub's IBC clients (02-client), against which a consumer fork is verified. */
  clients?: XStakingClientKeeper;
}

export function xstakingModule({ bank, accounts, channels, staking, court, clients }: XStakingModuleDeps) {
  const keeper = new XStakingKeeper(bank, accounts, channels, staking, court);
  return defineModule({
    name: MODULE_NAME,
    storeKey: STORE_KEY,
    keeper,
    /** Give these to the court's verdict hooks: a consumer forwards verdicts to the hub. */
    verdictHooks: { afterVerdict: (ctx: Context, trial: Trial) => keeper.afterVerdict(ctx, trial) },
    /** Bound by the zone to port `xstaking`. */
    ibcModule: xstakingIbcModule(keeper),
    msgs: xstakingMsgs(keeper, accounts.addressCodec, { keeper, channels, ...(clients ? { clients } : {}), ...(court ? { court } : {}) }),
    queries: xstakingQueries(keeper),
    genesis: xstakingGenesis(keeper),
    invariants: xstakingInvariants(keeper),
    // After staking's EndBlock, which pays out the unbondings this one sells.
    endBlock: (ctx) => keeper.endBlock(ctx),
    aminoConverters: aminoConverters(schema, msgCodecs),
    rest: xstakingRest,
    cli: xstakingCli,
  });
}

export type XStakingModule = ReturnType<typeof xstakingModule>;
