// x/dex: a batch-auction limit orderbook. Orders escrow at placement, every market clears at
// end of block at one uniform price (pools paired with the market take part through
// `AuctionLiquidity`), and MsgSwapExactIn routes an exact input between the auction and
// immediate venues. Expects a bank keeper and an account keeper (see expects.ts); a zone
// without pools leaves `liquidity` and `venues` out.
import { FEE_COLLECTOR_NAME } from '../../app/ante/index.js';
import { defineModule } from '../../app/module.js';
import { dexZoneAminoConverters } from './amino.js';
import { dexCli } from './cli.js';
import { dexEndBlock } from './end-block.js';
import type { AuctionLiquidity, DexAccountKeeper, DexBankKeeper, Market } from './expects.js';
import { dexGenesis } from './genesis.js';
import { dexInvariants } from './invariants.js';
import { DexKeeper } from './keeper.js';
import { MODULE_NAME, STORE_KEY } from './keys.js';
import { dexMsgs } from './msgs.js';
import { dexQueries } from './queries.js';
import { dexRest } from './rest.js';
import { OrderbookMarket, type RouterDeps } from './router.js';

export interface DexModuleDeps {
  bank: DexBankKeeper;
  accounts: DexAccountKeeper;
  /** Pools that take part in each market's auction (the AMM). */
  liquidity?: AuctionLiquidity;
  /** Venues that fill at once, tried by MsgSwapExactIn beside the auction (the AMM's Market). */
  venues?: readonly Market[];
  /** The module account that receives trading and market creation fees; default `fee_collector`. */
  feeCollector?: string;
}

export function dexModule({ bank, accounts, liquidity, venues = [], feeCollector = FEE_COLLECTOR_NAME }: DexModuleDeps) {
  const keeper = new DexKeeper(bank, accounts, feeCollector);
  const router: RouterDeps = { keeper, venues, ...(liquidity ? { liquidity } : {}) };
  return defineModule({
    name: MODULE_NAME,
    storeKey: STORE_KEY,
    keeper,
    /** The orderbook as a venue for other routers: it quotes, but fills only in its auction. */
    market: new OrderbookMarket(keeper, liquidity),
    msgs: dexMsgs(keeper, router),
    queries: dexQueries(keeper, router),
    genesis: dexGenesis(keeper),
    endBlock: (ctx) => dexEndBlock(ctx, keeper, liquidity),
    invariants: dexInvariants(keeper),
    aminoConverters: dexZoneAminoConverters,
    rest: dexRest,
    cli: dexCli,
  });
}

export type DexModule = ReturnType<typeof dexModule>;
