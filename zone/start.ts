// Running any app as a node's ABCI side: BaseApp on the home's data, the ABCI server CometBFT
// connects to, and (when app.toml enables them) the REST API and the gRPC server. The app is
// whatever its factory composes, so a chain builder's zone runs here as the default one does.
import { join } from 'node:path';
import type { Logger } from 'pino';
import { AbciServer, type AbciLogger } from '../abci/index.js';
import type { AppFactory, ComposedApp } from '../app/app.js';
import { BaseApp } from '../app/baseapp.js';
import { createRestServer, localQuerier, type RestServer } from '../app/rest/index.js';
import type { PruningOptions } from '../app/store/index.js';
import { withBlockLog } from './block-log.js';
import { readConsensusAddress } from './consensus-address.js';
import { startGrpc, type GrpcOptions, type RunningGrpc } from './grpc.js';
import { abciLogger } from './logger.js';
import { nodeServiceMethods, withNodeQueries } from './node-queries.js';

export interface StartAppOptions<Z extends ComposedApp = ComposedApp> {
  /** Composes the app this node runs (e.g. `buildZone`). */
  app: AppFactory<Z>;
  /** The node's home folder; state goes to `<home>/data/zonekit` unless `dataDir` says otherwise. */
  home: string;
  dataDir?: string;
  /** Where CometBFT's `proxy_app` points: tcp://host:port or unix:///path. */
  abciAddress: string;
  chainId: string;
  /** e.g. "0.025uatom"; empty accepts any fee (CheckTx only). */
  minGasPrices?: string;
  pruning?: PruningOptions;
  logger?: AbciLogger;
  /** The node's structured log: a line per committed block, failed txs at debug, the ABCI server's events. */
  log?: Logger;
  /** The REST API (app.toml's [api]); off unless enabled. */
  api?: ApiOptions;
  /** The gRPC server (app.toml's [grpc]); off unless enabled. */
  grpc?: GrpcOptions;
  /** Check invariants after every Nth block (0: never); a broken one halts the node. */
  invCheckPeriod?: number;
  /** app.toml's [state-sync]: snapshots into <home>/data/snapshots every `snapshotInterval` heights (0, the default: none; restoring works regardless). */
  stateSync?: StateSyncOptions;
}

export interface StateSyncOptions {
  snapshotInterval: number;
  snapshotKeepRecent: number;
}

export interface ApiOptions {
  enable: boolean;
  /** Where it listens; default tcp://127.0.0.1:1317 (tcp://0.0.0.0:1317 to serve other hosts). */
  address?: string;
  /** The CometBFT RPC it forwards broadcasts and block queries to; default http://127.0.0.1:26657. */
  cometRpc?: string;
  /** Origins browsers may call it from; default every origin. */
  corsOrigins?: readonly string[];
}

export const DEFAULT_API_ADDRESS = 'tcp://127.0.0.1:1317';
export const DEFAULT_COMET_RPC = 'http://127.0.0.1:26657';

export interface RunningApp<Z extends ComposedApp = ComposedApp> {
  /** What the factory composed: the app definition and the handles kept beside it. */
  zone: Z;
  app: BaseApp;
  server: AbciServer;
  /** The bound ABCI address (the real port when asked for port 0). */
  address: string;
  /** The REST server and its URL, when the API is enabled. */
  rest?: { server: RestServer; url: string };
  /** The gRPC server and its host:port, when enabled. */
  grpc?: RunningGrpc;
  close(): Promise<void>;
}

export async function startApp<Z extends ComposedApp>(options: StartAppOptions<Z>): Promise<RunningApp<Z>> {
  const zone = options.app();
  const app = new BaseApp({
    app: zone.app,
    dataDir: options.dataDir ?? join(options.home, 'data', 'zonekit'),
    chainId: options.chainId,
    ...(options.minGasPrices !== undefined ? { minGasPrices: options.minGasPrices } : {}),
    ...(options.pruning ? { pruning: options.pruning } : {}),
    ...(options.invCheckPeriod ? { invCheckPeriod: options.invCheckPeriod } : {}),
    snapshots: {
      dir: join(options.home, 'data', 'snapshots'),
      interval: options.stateSync?.snapshotInterval ?? 0,
      keepRecent: options.stateSync?.snapshotKeepRecent ?? 2,
    },
    ...(options.log ? { log: options.log.child({ module: 'baseapp' }) } : {}),
    ...consensusAddressOption(options.home),
  });
  // The node's services on abci_query too, as on a Go node (Hermes reads GetNodeInfo and Config there).
  const cometRpc = options.api?.cometRpc ?? options.grpc?.cometRpc ?? DEFAULT_COMET_RPC;
  const served = withNodeQueries(app, nodeServiceMethods(zone.app, cometRpc, options.minGasPrices ?? ''), () => BigInt(app.lastCommitId.version));
  const abciApp = options.log ? withBlockLog(served, options.log) : served;
  const logger = options.logger ?? (options.log ? abciLogger(options.log) : undefined);
  const server = new AbciServer(abciApp, logger ? { logger } : {});
  let address: string;
  let rest: RunningApp['rest'];
  let grpc: RunningGrpc | undefined;
  try {
    address = await server.listen(options.abciAddress);
    if (options.api?.enable) rest = await startApi(zone, app, options.api, options.minGasPrices ?? '');
    if (options.grpc?.enable) grpc = await startGrpc(zone.app, app, { ...options.grpc, cometRpc: options.grpc.cometRpc ?? DEFAULT_COMET_RPC, minGasPrices: options.minGasPrices ?? '' });
  } catch (err) {
    await rest?.server.close();
    await server.close();
    await app.close();
    throw err;
  }
  return {
    zone,
    app,
    server,
    address,
    ...(rest ? { rest } : {}),
    ...(grpc ? { grpc } : {}),
    async close() {
      // Stop answering clients before the state they read goes away.
      await grpc?.server.close();
      await rest?.server.close();
      await server.close();
      await app.close();
    },
  };
}

async function startApi(zone: ComposedApp, app: BaseApp, api: ApiOptions, minGasPrices: string): Promise<NonNullable<RunningApp['rest']>> {
  const server = await createRestServer({
    app: zone.app,
    query: localQuerier(app),
    cometRpcUrl: api.cometRpc ?? DEFAULT_COMET_RPC,
    node: { minGasPrices },
    ...(api.corsOrigins ? { corsOrigins: api.corsOrigins } : {}),
  });
  try {
    return { server, url: await server.listen(api.address ?? DEFAULT_API_ADDRESS) };
  } catch (err) {
    await server.close();
    throw err;
  }
}

/** This node's consensus address (priv_validator_key.json), when it has one: what its vote extensions speak for. */
function consensusAddressOption(home: string): { consensusAddress?: Uint8Array } {
  const address = readConsensusAddress(home);
  return address ? { consensusAddress: address } : {};
}
