// The ICS-27 host submodule (ibc-go v8 semantics): store `icahost`, its params query, and the
// IBCModule to bind to port `icahost`. Its genesis is the `interchainaccounts` module's
// (../module.ts), as ibc-go keeps both submodules under one app module.
import { defineModule } from '../../../../app/module.js';
import type { IcaAccountKeeper, IcaChannelKeeper, MessageRouter } from '../types/expects.js';
import { hostIbcModule } from './ibc-module.js';
import { HostKeeper } from './keeper.js';
import { STORE_KEY, SUBMODULE_NAME } from './keys.js';
import { hostQueries } from './queries.js';
import { hostRest } from './rest.js';

export interface IcaHostModuleDeps {
  accounts: IcaAccountKeeper;
  channels: IcaChannelKeeper;
  /** The app's message router: interchain accounts' messages run through it. */
  msgRouter: MessageRouter;
}

export function icaHostModule({ accounts, channels, msgRouter }: IcaHostModuleDeps) {
  const keeper = new HostKeeper(accounts, channels, msgRouter);
  return defineModule({
    name: SUBMODULE_NAME,
    storeKey: STORE_KEY,
    keeper,
    /** Bind it to HOST_PORT_ID in IBC core's port router. */
    ibcModule: hostIbcModule(keeper),
    queries: hostQueries(keeper),
    rest: hostRest,
  });
}

export type IcaHostModule = ReturnType<typeof icaHostModule>;
