// Public surface of the node runtime (`zonekit/node`): any app's ABCI side with its REST API
// and gRPC server (`startApp`), or a whole node from a home made by `init`, with a supervised
// CometBFT (`Node`), which is what `start` runs.
export { Node, type NodeInfo, type NodeOptions } from '../cli/node.js';
export { DEFAULT_API_ADDRESS, DEFAULT_COMET_RPC, startApp, type ApiOptions, type RunningApp, type StartAppOptions, type StateSyncOptions } from './start.js';
export { DEFAULT_GRPC_ADDRESS, type GrpcOptions, type RunningGrpc } from './grpc.js';
export { createLogger, LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel, type LogOptions } from './logger.js';
