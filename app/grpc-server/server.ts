// The SDK's gRPC server (port 9090): every query the app's router knows, Simulate, and the
// node's tx and tendermint services, over real gRPC/HTTP2. Hermes and other Go and Rust
// clients call it with their generated stubs; no .proto files are needed here because the
// handlers already take and return protobuf bytes, so each method is registered by its path
// with pass-through serializers.
//
// As the SDK's server does, a query reads at the height in the `x-cosmos-block-height` request
// header (absent or 0: the latest) and reports the height it read at in the same response
// header; errors are gRPC statuses with the message the REST API gives. Server reflection
// (reflection.ts) describes every service it serves, for grpcurl and other generic clients.
import type { FileRegistry } from '@bufbuild/protobuf';
import { Metadata, Server, ServerCredentials, status as GrpcStatus, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import type { AppDefinition } from '../app.js';
import { SIMULATE_PATH } from '../query.js';
import { CometRpc } from '../rest/comet-rpc.js';
import type { AbciQuerier } from '../rest/querier.js';
import { HEIGHT_HEADER } from '../rest/routes.js';
import { invalidArgument, statusOf } from '../rest/status.js';
import { TendermintService } from '../services/tendermint.js';
import { TxService } from '../services/tx.js';
import { REFLECTION_PATHS, registerReflection, serviceOf, ServerReflection } from './reflection.js';
import { serviceMethods } from './services.js';

export interface GrpcServerOptions {
  app: AppDefinition;
  /** The app's ABCI queries (localQuerier in the node's process). */
  query: AbciQuerier;
  /** The CometBFT RPC that broadcasts, tx lookups, blocks and validator sets go to. */
  cometRpcUrl: string;
  /** The app's last committed height, reported by the methods answered from CometBFT. */
  latestHeight(): bigint;
  /** The node's minimum-gas-prices ("0.025uatom"), for cosmos.base.node.v1beta1.Service/Config. */
  minGasPrices?: string;
  /** The descriptors of every service it serves and their imports, which server reflection answers with. */
  descriptors: FileRegistry;
}

export interface GrpcServer {
  /** Every method path it serves. */
  readonly paths: readonly string[];
  /** Listens on host:port (or tcp://host:port); resolves to host:port, with the real port when asked for 0. */
  listen(address: string): Promise<string>;
  close(): Promise<void>;
}

/** What one call answers: the response bytes and the height they were read at. */
type Method = (request: Uint8Array, height: bigint) => Promise<{ value: Uint8Array; height: bigint }>;

// The SDK's limits: 10 MiB in (a large tx or proof request), no limit out.
const MAX_RECEIVE_BYTES = 10 * 1024 * 1024;
const SHUTDOWN_GRACE_MS = 5_000;

/** `127.0.0.1:9090`, `tcp://0.0.0.0:9090`, `[::]:9090` → what grpc-js binds. */
export function grpcBindAddress(address: string): string {
  const bare = address.replace(/^tcp:\/\//, '');
  const match = /^(\[[^\]]+\]|[^:/\s[\]]+):(\d{1,5})$/.exec(bare);
  if (match === null || Number(match[2]) > 65535) throw new Error(`invalid gRPC address ${address}: expected host:port, e.g. 127.0.0.1:9090`);
  return bare;
}

function requestedHeight(metadata: Metadata): bigint {
  const values = metadata.get(HEIGHT_HEADER);
  if (values.length === 0) return 0n;
  const text = String(values[0]);
  if (values.length > 1 || !/^[0-9]{1,19}$/.test(text)) throw invalidArgument(`invalid height header "${HEIGHT_HEADER}": must be one non-negative integer, got "${values.join(', ')}"`);
  return BigInt(text);
}

function methodsOf(options: GrpcServerOptions): Map<string, Method> {
  const methods = new Map<string, Method>();
  for (const path of [...options.app.queryRoutes.keys(), SIMULATE_PATH]) methods.set(path, (request, height) => options.query(path, request, height));
  const comet = new CometRpc(options.cometRpcUrl);
  for (const [path, serve] of serviceMethods(new TxService(comet), new TendermintService(comet, options.app), options.app, options.minGasPrices ?? '')) {
    if (methods.has(path)) throw new Error(`gRPC method ${path} is both an app query and a node service`);
    methods.set(path, async (request) => ({ value: await serve(request), height: options.latestHeight() }));
  }
  return methods;
}

/**
 * `text` with lone UTF-16 surrogates replaced by U+FFFD. grpc-js sends a status's details through
 * encodeURI, which throws on a lone surrogate, outside any handler: an error message that quotes
 * a malformed client string (random bytes decoded as UTF-8) would otherwise kill the process.
 */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const fromBuffer = (buffer: Buffer): Uint8Array => buffer;

export function createGrpcServer(options: GrpcServerOptions): GrpcServer {
  const server = new Server({ 'grpc.max_receive_message_length': MAX_RECEIVE_BYTES });
  const methods = methodsOf(options);
  for (const [path, method] of methods) {
    const handler = (call: ServerUnaryCall<Uint8Array, Uint8Array>, callback: sendUnaryData<Uint8Array>): void => {
      (async () => {
        const answer = await method(call.request, requestedHeight(call.metadata));
        const header = new Metadata();
        header.set(HEIGHT_HEADER, answer.height.toString());
        call.sendMetadata(header);
        callback(null, answer.value);
      })().catch((err: unknown) => {
        const status = statusOf(err);
        callback({ code: status.grpcCode as GrpcStatus, details: wellFormed(status.message) });
      });
    };
    server.register(path, handler, toBuffer, fromBuffer, 'unary');
  }
  const paths = [...methods.keys(), ...REFLECTION_PATHS];
  registerReflection(server, new ServerReflection(options.descriptors, paths.map(serviceOf)));

  return {
    paths,
    listen(address) {
      const bind = grpcBindAddress(address);
      return new Promise((resolve, reject) => {
        server.bindAsync(bind, ServerCredentials.createInsecure(), (err, port) => {
          if (err === null) return resolve(`${bind.slice(0, bind.lastIndexOf(':'))}:${port}`);
          const inUse = /EADDRINUSE/.test(err.message);
          reject(new Error(inUse ? `cannot serve gRPC on ${address}: the port is in use (another node's gRPC server?); choose another address, or turn gRPC off` : `cannot serve gRPC on ${address}: ${err.message}`));
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        // Calls in flight may finish; a client that keeps its connection open does not hold us up.
        const force = setTimeout(() => server.forceShutdown(), SHUTDOWN_GRACE_MS);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
    },
  };
}
