// The REST API: the server, the querier adapters, and what modules register routes with.
export { createRestServer, parseListenAddress, OPENAPI_PATH, type RestServer, type RestServerOptions } from './server.js';
export { localQuerier, type AbciQuerier, type QueryResult } from './querier.js';
export { CometRpc, CometRpcError } from './comet-rpc.js';
export { HEIGHT_HEADER, type GatewaySpec, type RestRoutes, type RouteHandler, type RouteInput, type RouteSpec } from './routes.js';
export { addressParam, pageRequest, paginationQuery, uint64Param } from './params.js';
export { JsonTypes, type Json, type JsonCodec } from './proto-json.js';
export { GrpcCode, GrpcStatusError, httpStatusOf, invalidArgument, notFound, statusFromAbci, type StatusBody } from './status.js';
