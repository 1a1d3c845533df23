// ICS-27 interchain accounts (ibc-go v8 semantics) as the app sees it: the controller and host
// submodules (each its own store, messages, queries and IBCModule), and the `interchainaccounts`
// module that holds their genesis and CLI, as ibc-go's one app module holds both keepers.
// The zone must declare the `interchainaccounts` module account, bind the host to HOST_PORT_ID
// and the controller to the CONTROLLER_PORT_PREFIX port family.
import { defineModule } from '../../../app/module.js';
import { icaCli } from './cli.js';
import { icaControllerModule, type IcaControllerModule } from './controller/module.js';
import { icaGenesis } from './genesis.js';
import { icaHostModule, type IcaHostModule } from './host/module.js';
import type { IcaAccountKeeper, IcaChannelKeeper, MessageRouter } from './types/expects.js';
import { MODULE_NAME } from './types/keys.js';

export interface InterchainAccountsDeps {
  accounts: IcaAccountKeeper;
  channels: IcaChannelKeeper;
  msgRouter: MessageRouter;
}

export interface InterchainAccounts {
  controller: IcaControllerModule;
  host: IcaHostModule;
  /** Genesis (`app_state.interchainaccounts`) and the `interchain-accounts` CLI; no store of its own. */
  module: ReturnType<typeof icaAppModule>;
}

function icaAppModule(controller: IcaControllerModule, host: IcaHostModule) {
  return defineModule({
    name: MODULE_NAME,
    genesis: icaGenesis(controller.keeper, host.keeper),
    cli: icaCli,
  });
}

export function interchainAccounts(deps: InterchainAccountsDeps): InterchainAccounts {
  const controller = icaControllerModule(deps);
  const host = icaHostModule(deps);
  return { controller, host, module: icaAppModule(controller, host) };
}
