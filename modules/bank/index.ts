export { bankModule, type BankModule, type BankModuleDeps } from './module.js';
export { BankKeeper, BURNER, MINTER } from './keeper.js';
export { BankSendKeeper, type Transfer } from './send-keeper.js';
export { BankViewKeeper } from './view-keeper.js';
export type { BankAccountKeeper } from './expects.js';
export type { BankGenesis, BankGenesisJson } from './genesis.js';
export * from './errors.js';
export { MODULE_NAME, STORE_KEY, balanceKey, supplyKey } from './keys.js';
