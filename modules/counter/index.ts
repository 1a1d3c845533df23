export { counterModule, type CounterModule, type CounterModuleDeps } from './module.js';
export { CounterKeeper, MODULE_NAME, STORE_KEY } from './keeper.js';
export * from './schema.js';
export * from './errors.js';
