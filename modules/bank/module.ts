// x/bank: balances, supply and transfers. Expects only an account keeper (see expects.ts).
import { defineModule } from '../../app/module.js';
import { bankCli } from './cli.js';
import { bankAminoConverters } from '../../app/tx/bank-amino.js';
import type { BankAccountKeeper } from './expects.js';
import { bankGenesis } from './genesis.js';
import { bankInvariants } from './invariants.js';
import { BankKeeper } from './keeper.js';
import { MODULE_NAME, STORE_KEY } from './keys.js';
import { bankMsgs } from './msgs.js';
import { bankQueries } from './queries.js';
import { bankRest } from './rest.js';

export interface BankModuleDeps {
  accounts: BankAccountKeeper;
  /** Addresses MsgSend may not pay to: module accounts, whose coins only their module may move. */
  blockedAddresses?: Iterable<Uint8Array>;
}

export function bankModule({ accounts, blockedAddresses = [] }: BankModuleDeps) {
  const keeper = new BankKeeper(accounts, blockedAddresses);
  return defineModule({
    name: MODULE_NAME,
    storeKey: STORE_KEY,
    keeper,
    msgs: bankMsgs(keeper),
    queries: bankQueries(keeper),
    genesis: bankGenesis(keeper),
    invariants: bankInvariants(keeper),
    aminoConverters: bankAminoConverters,
    rest: bankRest,
    cli: bankCli,
  });
}

export type BankModule = ReturnType<typeof bankModule>;
