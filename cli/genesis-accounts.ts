// Accounts and balances in genesis.json's app_state (auth and bank), as
// `simd genesis add-genesis-account` writes them, and the balance checks gentxs need.
import { baseAccountJson } from '../modules/auth/index.js';
import type { CoinProto } from '../app/coins.js';
import { defaultAppState } from './home-init.js';
import type { GenesisFile } from './home.js';
import { CliError } from './output.js';

interface AccountJson {
  address?: string;
  account_number?: string;
  base_account?: { address: string; account_number: string };
}

interface BankJson {
  balances?: Array<{ address: string; coins: CoinProto[] }>;
  supply?: CoinProto[];
}

/** Adds a numbered BaseAccount holding `coins` to `genesis` (in place). */
export function addGenesisAccount(genesis: GenesisFile, address: string, coins: readonly CoinProto[]): void {
  const appState = (genesis.app_state ??= defaultAppState());
  const auth = (appState.auth ??= { accounts: [] }) as { accounts?: AccountJson[] };
  const accounts = (auth.accounts ??= []);
  const addressOf = (a: AccountJson) => a.address ?? a.base_account?.address;
  if (accounts.some((a) => addressOf(a) === address)) throw new CliError(`${address} is already in genesis.json`, 'each account is added once; edit its balance in genesis.json instead');
  const numbers = accounts.map((a) => BigInt(a.account_number ?? a.base_account?.account_number ?? '0'));
  accounts.push(baseAccountJson(address, numbers.length === 0 ? 0n : numbers.reduce((x, y) => (x > y ? x : y)) + 1n));
  const bank = (appState.bank ??= {}) as BankJson;
  (bank.balances ??= []).push({ address, coins: coins.map((c) => ({ ...c })) });
  // A stated supply must stay the sum of the balances (bank genesis checks it).
  if (bank.supply && bank.supply.length > 0) {
    for (const coin of coins) {
      const entry = bank.supply.find((s) => s.denom === coin.denom);
      if (entry) entry.amount = (BigInt(entry.amount) + BigInt(coin.amount)).toString();
      else bank.supply.push({ ...coin });
    }
    bank.supply.sort((a, b) => (a.denom < b.denom ? -1 : 1));
  }
}

/** The account's genesis balance of `denom`, or undefined when it has no balance entry. */
export function genesisBalance(genesis: GenesisFile, address: string, denom: string): bigint | undefined {
  const bank = genesis.app_state?.bank as BankJson | undefined;
  const entry = bank?.balances?.find((b) => b.address === address);
  if (entry === undefined) return undefined;
  return BigInt(entry.coins.find((c) => c.denom === denom)?.amount ?? '0');
}

/** Throws as simd does when the account cannot pay `amount` from its genesis balance. */
export function assertGenesisFunds(genesis: GenesisFile, address: string, amount: CoinProto, what: string): void {
  const balance = genesisBalance(genesis, address, amount.denom);
  if (balance === undefined) {
    throw new CliError(`account ${address} has no balance in genesis.json, so it cannot ${what}`, `fund it first: zonekit genesis add-genesis-account ${address} <coins>`);
  }
  if (balance < BigInt(amount.amount)) {
    throw new CliError(`account ${address} has ${balance}${amount.denom} in genesis.json, not the ${amount.amount}${amount.denom} it needs to ${what}`, 'lower the amount, or raise its balance in genesis.json');
  }
}

/** The bond denom in genesis (staking params), else the SDK's default "stake". */
export function bondDenom(genesis: GenesisFile): string {
  const staking = genesis.app_state?.staking as { params?: { bond_denom?: string } } | undefined;
  return staking?.params?.bond_denom ?? 'stake';
}
