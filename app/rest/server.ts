// The REST server: the SDK's gRPC-gateway paths on fastify, for wallets (Keplr) and
// explorers (Ping.pub). The tx and tendermint services come from here; every module adds
// its own paths through its `rest` registration. Errors are gRPC statuses, as the gateway
// writes them; the OpenAPI document is generated from the routes' zod schemas.
import '../codec.js'; // cosmjs-types' 64-bit varints repaired (codec.ts): the routes encode query requests
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AppDefinition } from '../app.js';
import { bech32Codec } from '../address-codec.js';
import { TendermintService } from '../services/tendermint.js';
import { TxService } from '../services/tx.js';
import { CometRpc } from './comet-rpc.js';
import { defaultJsonTypes } from './json-types.js';
import type { AbciQuerier } from './querier.js';
import { fastifyRoutes } from './routes.js';
import { GrpcCode, GrpcStatusError, statusOf } from './status.js';
import { nodeRoutes, type NodeConfig } from './node-routes.js';
import { tendermintRoutes } from './tendermint-routes.js';
import { txRoutes } from './tx-routes.js';

export interface RestServerOptions {
  app: AppDefinition;
  /** The app's ABCI queries (localQuerier in the node's process). */
  query: AbciQuerier;
  /** The CometBFT RPC that broadcasts, tx lookups and blocks go to: http://127.0.0.1:26657. */
  cometRpcUrl: string;
  /** Origins allowed to call from a browser; default every origin (devnets, local wallets). Empty: no CORS headers. */
  corsOrigins?: readonly string[];
  logger?: FastifyServerOptions['logger'];
  /** What `/cosmos/base/node/v1beta1/config` reports (default: no minimum gas price). */
  node?: NodeConfig;
  /** The largest request body accepted (default 1 MiB, fastify's); larger ones get 413. */
  bodyLimit?: number;
}

export interface RestServer {
  readonly fastify: FastifyInstance;
  /** Listens on tcp://host:port (or host:port); resolves to the URL it serves, with the real port when asked for 0. */
  listen(address: string): Promise<string>;
  close(): Promise<void>;
}

export const OPENAPI_PATH = '/swagger/openapi.json';
// fastify's default: a signed tx, base64 in JSON, is far smaller.
const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** `tcp://127.0.0.1:1317`, `127.0.0.1:1317` or `:1317` → host and port. */
export function parseListenAddress(address: string): { host: string; port: number } {
  const match = /^(?:tcp:\/\/)?(\[[^\]]+\]|[^:/]*):(\d{1,5})$/.exec(address);
  const port = match ? Number(match[2]) : NaN;
  if (match === null || port > 65535) throw new Error(`invalid API address ${address}: expected tcp://host:port, e.g. tcp://127.0.0.1:1317`);
  const host = match[1]!.replace(/^\[|\]$/g, '');
  return { host: host === '' ? '0.0.0.0' : host, port };
}

/** A fastify error (bad JSON, unknown content type, body too large) as a status. */
function statusOfFastifyError(err: { statusCode?: number; message: string }): GrpcStatusError | undefined {
  const http = err.statusCode ?? 500;
  if (http === 404) return new GrpcStatusError(GrpcCode.NotFound, err.message);
  if (http >= 400 && http < 500) return new GrpcStatusError(GrpcCode.InvalidArgument, err.message);
  return undefined;
}

export async function createRestServer(options: RestServerOptions): Promise<RestServer> {
  const { app } = options;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const server = Fastify({ logger: options.logger ?? false, bodyLimit });
  const origins = options.corsOrigins ?? ['*'];
  if (origins.length > 0) await server.register(cors, { origin: origins.includes('*') ? '*' : [...origins] });
  await server.register(swagger, {
    openapi: {
      info: { title: `${app.name} REST API`, version: app.version, description: 'The Cosmos SDK gRPC-gateway paths this zone serves.' },
    },
  });
  await server.register(swaggerUi, { routePrefix: '/swagger' });
  server.get(OPENAPI_PATH, { schema: { hide: true } }, async () => server.swagger());

  server.setErrorHandler((err, request, reply) => {
    // grpc-gateway has no word for it, but HTTP does: 413, and how big a body may be.
    if ((err as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const size = request.headers['content-length'];
      return reply.status(413).send({
        code: GrpcCode.InvalidArgument,
        message: `request body too large${size ? ` (${size} bytes)` : ''}: this API accepts at most ${bodyLimit} bytes; a signed tx is far smaller (the chain refuses txs over its max tx bytes anyway)`,
        details: [],
      });
    }
    const fastifyStatus = err instanceof GrpcStatusError ? undefined : statusOfFastifyError(err as { statusCode?: number; message: string });
    const status = fastifyStatus ?? statusOf(err);
    if (status.grpcCode === GrpcCode.Internal) request.log.error({ err }, 'REST request failed');
    return reply.status(status.httpStatus).send(status.toBody());
  });
  // grpc-gateway's answer for a path it does not serve.
  server.setNotFoundHandler((_request, reply) => reply.status(404).send({ code: GrpcCode.NotFound, message: 'Not Found', details: [] }));

  const comet = new CometRpc(options.cometRpcUrl);
  const base = { addressCodec: bech32Codec(app.bech32Prefix), query: options.query, types: defaultJsonTypes(app) };
  const tendermint = new TendermintService(comet, app);
  txRoutes(fastifyRoutes(server, base, 'tx'), new TxService(comet), tendermint);
  tendermintRoutes(fastifyRoutes(server, base, 'tendermint'), tendermint);
  nodeRoutes(fastifyRoutes(server, base, 'node'), comet, options.node ?? { minGasPrices: '' });
  for (const module of app.modules) module.rest?.(fastifyRoutes(server, base, module.name));

  return {
    fastify: server,
    async listen(address) {
      const { host, port } = parseListenAddress(address);
      await server.listen({ host, port });
      const bound = server.server.address();
      const realPort = bound !== null && typeof bound === 'object' ? bound.port : port;
      return `http://${host.includes(':') ? `[${host}]` : host}:${realPort}`;
    },
    close: () => server.close(),
  };
}
