export { distributionModule, type DistributionModule, type DistributionModuleDeps } from './module.js';
export { DistributionKeeper } from './keeper.js';
export { distributionHooks } from './hooks.js';
export type { DistributionAccountKeeper, DistributionBankKeeper, DistributionDelegation, DistributionStakingKeeper, DistributionValidator } from './expects.js';
export type { DistributionGenesis, DistributionGenesisJson } from './genesis.js';
export { DEFAULT_DISTRIBUTION_PARAMS, type DistributionParams } from './params.js';
export * from './errors.js';
export { MODULE_ACCOUNT, MODULE_NAME, STORE_KEY } from './keys.js';
