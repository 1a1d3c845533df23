// IBC for zonekit zones: core (02-client, 03-connection, 04-channel, 05-port, 23-commitment,
// 24-host), the 07-tendermint light client and the applications that plug in by port.
export { ibcModule, MODULE_NAME, type IbcModule, type IbcModuleDeps } from './module.js';
export type { IBCModule, Acknowledgement } from './core/05-port/ibc-module.js';
export type { AppChannelKeeper } from './core/app-channels.js';
export type { LightClient, ClientStatus } from './core/02-client/light-client.js';
export type { SelfConsensusSource } from './core/02-client/expects.js';
