// The ICS-27 controller submodule (ibc-go v8 semantics): store `icacontroller`, the
// RegisterInterchainAccount and SendTx messages, its queries, and the IBCModule to bind to
// the `icacontroller-` port family. Its genesis is the `interchainaccounts` module's.
import { defineModule } from '../../../../app/module.js';
import type { IcaAccountKeeper, IcaChannelKeeper, MessageRouter } from '../types/expects.js';
import { controllerAminoConverters } from './amino.js';
import { controllerIbcModule } from './ibc-module.js';
import { ControllerKeeper } from './keeper.js';
import { STORE_KEY, SUBMODULE_NAME } from './keys.js';
import { controllerMsgs } from './msgs.js';
import { controllerQueries } from './queries.js';
import { controllerRest } from './rest.js';

export interface IcaControllerModuleDeps {
  accounts: Pick<IcaAccountKeeper, 'addressCodec' | 'getModuleAddress'>;
  channels: IcaChannelKeeper;
  /** The app's message router: registration opens channels with MsgChannelOpenInit through it. */
  msgRouter: MessageRouter;
}

export function icaControllerModule({ accounts, channels, msgRouter }: IcaControllerModuleDeps) {
  const keeper = new ControllerKeeper(accounts, channels, msgRouter);
  return defineModule({
    name: SUBMODULE_NAME,
    storeKey: STORE_KEY,
    keeper,
    /** Bind it to the CONTROLLER_PORT_PREFIX port family in IBC core's port router. */
    ibcModule: controllerIbcModule(keeper),
    msgs: controllerMsgs(keeper),
    queries: controllerQueries(keeper),
    aminoConverters: controllerAminoConverters,
    rest: controllerRest,
  });
}

export type IcaControllerModule = ReturnType<typeof icaControllerModule>;
