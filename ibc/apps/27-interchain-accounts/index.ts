export { interchainAccounts, type InterchainAccounts, type InterchainAccountsDeps } from './module.js';
export { icaControllerModule, type IcaControllerModule } from './controller/module.js';
export { icaHostModule, type IcaHostModule } from './host/module.js';
export { ControllerKeeper } from './controller/keeper.js';
export { HostKeeper } from './host/keeper.js';
export { controllerAminoConverters } from './controller/amino.js';
export { generatePacketData } from './host/cli.js';
export type { IcaGenesis, IcaGenesisJson } from './genesis.js';
export type { IcaAccount, IcaAccountKeeper, IcaChannelKeeper, MessageRouter } from './types/expects.js';
export { CONTROLLER_PORT_PREFIX, HOST_PORT_ID, MODULE_NAME, VERSION, controllerPortId } from './types/keys.js';
export { HOST_ACCOUNTS_ADDRESS, generateAddress, validateAccountAddress } from './types/account.js';
export {
  ENCODING_PROTO3_JSON,
  ENCODING_PROTOBUF,
  TX_TYPE_SDK_MULTI_MSG,
  metadataFromVersion,
  metadataToVersion,
  newDefaultMetadata,
  type Metadata,
} from './types/metadata.js';
export { decodePacketData, packetDataBytes, packetDataJson, parsePacketData, validatePacketData, Type, type InterchainAccountPacketData } from './types/packet.js';
export { CosmosTx, deserializeCosmosTx, serializeCosmosTx } from './types/cosmos-tx.js';
export * from './types/errors.js';
export * from './types/events.js';
export { ErrHostSubModuleDisabled } from './host/errors.js';
export { ErrControllerSubModuleDisabled } from './controller/errors.js';
