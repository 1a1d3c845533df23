// Protobuf-first modules: what the runtime derives from a module's .proto files (through the
// descriptors `npm run proto` embeds): message signers, amino JSON, the SDK's JSON with Dec
// fields as decimals, REST routes from `google.api.http`, and query commands.
export { aminoConverter, aminoConverters, cosmjsAminoConverters, type CosmjsAminoConverter } from './amino.js';
export { queryCommands } from './autocli.js';
export { gatewayRoutes } from './gateway.js';
export { decJson, decWire, generatedJsonCodec, messageFromJson, messageToJson, registerJsonTypes } from './json.js';
export { codecsOf, msgHandler, msgResponse, signersOf, type MsgLogic } from './msgs.js';
export { registryTypes } from './registry.js';
export { ProtoSchema, typeUrlOf, type GeneratedCodec } from './schema.js';
