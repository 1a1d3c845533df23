// The exchange the campaign's load trades on, written into genesis: one dex market and one
// constant-product AMM pool over the same pair (so the pool also joins the market's auction).
// The pool's coins are bank genesis too: the `amm` module account holds the reserves and the
// locked minimum of LP shares, and the rest of the shares belong to one liquidity provider.
import type { GenesisFile } from '../../../cli/home.js';
import { toBech32Address } from '../../../app/tx/address.js';
import { moduleAddress } from '../../../modules/auth/index.js';
import { MINIMUM_LIQUIDITY, MODULE_ACCOUNT as AMM_ACCOUNT, shareDenom } from '../../../modules/amm/index.js';

export const BASE_DENOM = 'uatom';
export const QUOTE_DENOM = 'uusdc';
export const MARKET_ID = 1n;
export const POOL_ID = 1n;
/** Each reserve of the pool: deep enough that the load (swaps and fills of at most a few hundred thousand) cannot move its price far from 1. */
export const POOL_RESERVE = 1_000_000_000_000n;
/** The market's grid: prices in steps of 0.01, quantities in lots of 100, at least 1,000 quote per order. */
export const TICK_SIZE = '0.010000000000000000';
export const LOT_SIZE = 100n;
export const MIN_NOTIONAL = 1000n;

interface CoinJson {
  denom: string;
  amount: string;
}

/** Adds the market and the pool to `genesis` (in place); `provider` (a bech32 address already in genesis) gets the pool's LP shares. */
export function addExchange(genesis: GenesisFile, provider: string): void {
  const appState = genesis.app_state as Record<string, any>;
  appState.dex.markets = [{ id: MARKET_ID.toString(), base_denom: BASE_DENOM, quote_denom: QUOTE_DENOM, tick_size: TICK_SIZE, lot_size: LOT_SIZE.toString(), min_notional: MIN_NOTIONAL.toString(), fee_rate: '0.002000000000000000' }];
  appState.dex.next_market_id = (MARKET_ID + 1n).toString();
  // For equal reserves, constant product's first deposit mints sqrt(x·y) = x shares.
  const shares = POOL_RESERVE;
  const reserves = [BASE_DENOM, QUOTE_DENOM].sort().map((denom) => ({ denom, amount: POOL_RESERVE.toString() }));
  appState.amm.pools = [{ id: POOL_ID.toString(), curve: 'constant_product', amplification: '0', swap_fee: '0.003000000000000000', reserves, total_shares: { denom: shareDenom(POOL_ID), amount: shares.toString() } }];
  appState.amm.next_pool_id = (POOL_ID + 1n).toString();
  const prefix = provider.slice(0, provider.lastIndexOf('1'));
  addBalance(appState, toBech32Address(prefix, moduleAddress(AMM_ACCOUNT)), [...reserves, { denom: shareDenom(POOL_ID), amount: MINIMUM_LIQUIDITY.toString() }]);
  addBalance(appState, provider, [{ denom: shareDenom(POOL_ID), amount: (shares - MINIMUM_LIQUIDITY).toString() }]);
}

/** Adds coins to an address's bank genesis balance (and to the stated supply, when there is one). */
function addBalance(appState: Record<string, any>, address: string, coins: CoinJson[]): void {
  const bank = appState.bank as { balances: Array<{ address: string; coins: CoinJson[] }>; supply?: CoinJson[] };
  let entry = bank.balances.find((b) => b.address === address);
  if (entry === undefined) bank.balances.push((entry = { address, coins: [] }));
  for (const coin of coins) {
    for (const list of bank.supply && bank.supply.length > 0 ? [entry.coins, bank.supply] : [entry.coins]) {
      const existing = list.find((c) => c.denom === coin.denom);
      if (existing) existing.amount = (BigInt(existing.amount) + BigInt(coin.amount)).toString();
      else list.push({ ...coin });
      list.sort((a, b) => (a.denom < b.denom ? -1 : 1));
    }
  }
}
