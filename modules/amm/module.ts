// x/amm: pools with pluggable curves (constant product, stableswap), LP shares as bank
// coins, exact-in/exact-out swaps along routes, TWAP accumulators, and each pool's curve
// offered inside the orderbook's batch auction (the keeper implements dex's AuctionLiquidity;
// `market` is the AMM as a venue for the dex's router).
// Expects a bank keeper that may mint and burn for the `amm` module account, and auth's
// module addresses (see expects.ts).
import { defineModule } from '../../app/module.js';
import { ammAminoConverters } from './amino.js';
import { ammCli } from './cli.js';
import type { AmmAccountKeeper, AmmBankKeeper } from './expects.js';
import { ammGenesis } from './genesis.js';
import { ammInvariants } from './invariants.js';
import { AmmKeeper } from './keeper.js';
import { AmmMarket } from './market.js';
import { MODULE_NAME, STORE_KEY } from './keys.js';
import { ammMsgs } from './msgs.js';
import { ammQueries } from './queries.js';
import { ammRest } from './rest.js';

export interface AmmModuleDeps {
  bank: AmmBankKeeper;
  accounts: AmmAccountKeeper;
}

export function ammModule({ bank, accounts }: AmmModuleDeps) {
  const keeper = new AmmKeeper(bank, accounts);
  return defineModule({
    name: MODULE_NAME,
    storeKey: STORE_KEY,
    keeper,
    /** The pools as one immediate venue for the dex's router (`venues: [amm.market]`). */
    market: new AmmMarket(keeper),
    msgs: ammMsgs(keeper, accounts.addressCodec),
    queries: ammQueries(keeper),
    genesis: ammGenesis(keeper),
    invariants: ammInvariants(keeper),
    beginBlock: (ctx) => keeper.beginBlock(ctx),
    aminoConverters: ammAminoConverters,
    rest: ammRest,
    cli: ammCli,
  });
}

export type AmmModule = ReturnType<typeof ammModule>;
