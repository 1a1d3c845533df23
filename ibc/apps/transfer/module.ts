// ICS-20 fungible token transfer (ibc-go v8 semantics). Expects bank, auth and IBC core's
// channel keeper (see expects.ts); gives the app a Module and IBC core an IBCModule for the
// `transfer` port. The zone must register the `transfer` module account with the `minter`
// and `burner` permissions.
import { defineModule } from '../../../app/module.js';
import { transferAminoConverters } from './amino.js';
import { transferCli } from './cli.js';
import type { TransferAccountKeeper, TransferBankKeeper, TransferChannelKeeper } from './expects.js';
import { transferGenesis } from './genesis.js';
import { transferIbcModule } from './ibc-module.js';
import { transferInvariants } from './invariants.js';
import { TransferKeeper } from './keeper.js';
import { MODULE_NAME, STORE_KEY } from './keys.js';
import { transferMsgs } from './msgs.js';
import { transferQueries } from './queries.js';
import { transferRest } from './rest.js';

export interface TransferModuleDeps {
  bank: TransferBankKeeper;
  accounts: TransferAccountKeeper;
  channels: TransferChannelKeeper;
}

export function transferModule({ bank, accounts, channels }: TransferModuleDeps) {
  const keeper = new TransferKeeper(bank, accounts, channels);
  return defineModule({
    name: MODULE_NAME,
    storeKey: STORE_KEY,
    keeper,
    /** Bind it to PORT_ID in IBC core's port router. */
    ibcModule: transferIbcModule(keeper),
    msgs: transferMsgs(keeper),
    queries: transferQueries(keeper),
    genesis: transferGenesis(keeper),
    invariants: transferInvariants(keeper),
    aminoConverters: transferAminoConverters,
    rest: transferRest,
    cli: transferCli,
  });
}

export type TransferModule = ReturnType<typeof transferModule>;
