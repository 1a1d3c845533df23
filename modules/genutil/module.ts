// genutil: the genesis validators' gentxs, delivered at InitChain. No store, no messages:
// the gentxs run through the whole tx pipeline (ante, signatures with account number 0,
// staking's MsgCreateValidator), as the SDK's x/genutil delivers them.
import { defineModule } from '../../app/module.js';
import { baseJsonTypes } from '../../app/rest/json-types.js';
import { TxJsonRegistry } from '../../app/tx/tx-json.js';
import { registerStakingTypes } from '../staking/rest.js';
import { genutilGenesis, type GenutilStaking } from './genesis.js';

export const MODULE_NAME = 'genutil';

export interface GenutilModuleDeps {
  staking: GenutilStaking;
  /** Reads gentx JSON; default: gentxJson(). */
  txJson?: TxJsonRegistry;
}

/** What a gentx holds: keys and staking's MsgCreateValidator, read with the staking module's own codecs. */
export function gentxJson(): TxJsonRegistry {
  const types = baseJsonTypes();
  registerStakingTypes(types);
  return new TxJsonRegistry(types);
}

export function genutilModule({ staking, txJson }: GenutilModuleDeps) {
  return defineModule({
    name: MODULE_NAME,
    genesis: genutilGenesis(staking, txJson ?? gentxJson()),
  });
}

export type GenutilModule = ReturnType<typeof genutilModule>;
