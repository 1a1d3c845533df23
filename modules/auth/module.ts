// x/auth: accounts (keys, numbers, sequences), module accounts, and the params the ante
// pipeline applies. It expects nothing of other modules.
import { bech32Codec } from '../../app/address-codec.js';
import { FEE_COLLECTOR_NAME } from '../../app/ante/index.js';
import { defineModule } from '../../app/module.js';
import { authCli } from './cli.js';
import { authGenesis } from './genesis.js';
import { AccountKeeper } from './keeper.js';
import { MODULE_NAME, STORE_KEY } from './keys.js';
import { authQueries } from './queries.js';
import { authRest } from './rest.js';

export interface AuthModuleOptions {
  /** Bech32 prefix of account addresses; default `cosmos`. */
  bech32Prefix?: string;
  /** Module accounts and their permissions; `fee_collector` is always there. */
  moduleAccounts?: Readonly<Record<string, readonly string[]>>;
}

export function authModule(options: AuthModuleOptions = {}) {
  const keeper = new AccountKeeper(bech32Codec(options.bech32Prefix ?? 'cosmos'), {
    [FEE_COLLECTOR_NAME]: [],
    ...options.moduleAccounts,
  });
  return defineModule({
    name: MODULE_NAME,
    storeKey: STORE_KEY,
    keeper,
    queries: authQueries(keeper),
    genesis: authGenesis(keeper),
    rest: authRest,
    cli: authCli,
  });
}

export type AuthModule = ReturnType<typeof authModule>;
