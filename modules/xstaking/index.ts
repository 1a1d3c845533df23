export { xstakingModule, type XStakingModule, type XStakingModuleDeps } from './module.js';
export { XStakingKeeper } from './keeper.js';
export type { XStakingAccountKeeper, XStakingBankKeeper, XStakingClientKeeper, XStakingCourtKeeper, XStakingStakingKeeper } from './expects.js';
export { judgeConsumerFork } from './fork.js';
export { buy, sell, reserveFor, supplyFor, initialSupply, curveParamsProblem, MAX_RATIO_TERM, type CurveParams } from './curve.js';
export { DEFAULT_PARAMS, curveOf, forkSlashFractionOf } from './params.js';
export { MODULE_ACCOUNT, MODULE_NAME, PORT_ID, STORE_KEY, VERSION, interchainDelegator } from './keys.js';
export * from './schema.js';
export * from './errors.js';
