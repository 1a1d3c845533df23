// genutil: the genesis validators' gentxs, delivered at InitChain. No store, no messages:
// the gentxs run through the whole tx pipeline (ante, signatures with account number 0,
// staking's MsgCreateValidator), as the SDK's x/genutil delivers them.
import { defineModule } from '../../app/module.js';
import { defaultTxJsonRegistry, type TxJsonRegistry } from '../../app/tx/tx-json.js';
import { genutilGenesis, type GenutilStaking } from './genesis.js';

export const MODULE_NAME = 'genutil';

export interface GenutilModuleDeps {
  staking: GenutilStaking;
  /** Reads gentx JSON; default: the SDK's messages and keys. */
  txJson?: TxJsonRegistry;
}

export function genutilModule({ staking, txJson }: GenutilModuleDeps) {
  return defineModule({
    name: MODULE_NAME,
    genesis: genutilGenesis(staking, txJson ?? defaultTxJsonRegistry()),
  });
}

export type GenutilModule = ReturnType<typeof genutilModule>;
