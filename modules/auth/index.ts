export { authModule, type AuthModule, type AuthModuleOptions } from './module.js';
export { AccountKeeper } from './keeper.js';
export { type Account, accountToAny, accountFromAny, BASE_ACCOUNT_TYPE_URL, INTERCHAIN_ACCOUNT_TYPE_URL, MODULE_ACCOUNT_TYPE_URL } from './account.js';
export { authGenesisToJson, baseAccountJson, type AuthGenesis, type AuthGenesisJson } from './genesis.js';
export { DEFAULT_AUTH_PARAMS, type AuthParams } from './params.js';
export { MODULE_NAME, STORE_KEY, moduleAddress } from './keys.js';
