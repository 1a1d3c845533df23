export { genutilModule, gentxJson, MODULE_NAME, type GenutilModule, type GenutilModuleDeps } from './module.js';
export { MSG_CREATE_VALIDATOR_TYPE_URL, parseGenTx, type GenTx, type GenutilGenesis, type GenutilStaking } from './genesis.js';
