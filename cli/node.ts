// The node as a library: `new Node({ app, home }).start()` runs an app's ABCI side (and its REST
// API and gRPC server) from a home made by `zonekit init`, and, with `withCometbft`, a supervised CometBFT
// child from the same home; `close()` stops CometBFT first, then the app. The `start`
// command is a thin shell around it.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { AbciLogger } from '../abci/index.js';
import { cometbftBinary, latestHeight } from '../scripts/lib/cometbft.js';
import { ProcessGroup, startProcess, waitFor, type ProcessHandle } from '../scripts/lib/processes.js';
import { describeExit } from '../scripts/lib/zone-process.js';
import type { AppFactory } from '../app/app.js';
import { startApp, type RunningApp } from '../zone/start.js';
import { loadAppConfig, type AppConfig, type AppConfigOverrides } from './app-config.js';
import { readCometAddresses, readGenesis, rpcHttpUrl } from './home.js';

export interface NodeOptions {
  /** Composes the app the node runs (`buildZone`, or a chain builder's own). */
  app: AppFactory;
  home: string;
  /** Also run CometBFT (`cometbft start --home <home>`) as a supervised child. */
  withCometbft?: boolean;
  /** app.toml values set by flags. */
  appConfig?: AppConfigOverrides;
  /** CometBFT addresses set by flags (else config.toml's): the ABCI socket, RPC and P2P. */
  proxyApp?: string;
  rpcLaddr?: string;
  p2pLaddr?: string;
  logger?: AbciLogger;
  /** The node's structured log (zone/logger.ts): block lines, failed txs at debug, errors. */
  log?: Logger;
  /** How long to wait for CometBFT's RPC (its handshake replays missing blocks first). */
  cometTimeoutMs?: number;
}

export interface NodeInfo {
  chainId: string;
  abciAddress: string;
  rpcUrl: string;
  /** The app's state when it opened. */
  height: number;
  appHash: string;
  restUrl?: string;
  /** host:port of the gRPC server, when enabled. */
  grpcAddress?: string;
  cometbft?: { pid: number; logFile: string };
}

export class Node {
  private zone: RunningApp | undefined;
  private comet: ProcessHandle | undefined;
  private readonly group = new ProcessGroup();
  private closing: Promise<void> | undefined;
  config: AppConfig | undefined;

  constructor(readonly options: NodeOptions) {}

  /** Resolves once the app listens and, with CometBFT, once CometBFT's RPC answers. */
  async start(): Promise<NodeInfo> {
    const { home } = this.options;
    const genesis = readGenesis(home);
    const chainId = genesis.chain_id;
    const addresses = readCometAddresses(home);
    const proxyApp = this.options.proxyApp ?? addresses.proxyApp;
    const rpcLaddr = this.options.rpcLaddr ?? addresses.rpcLaddr;
    const rpcUrl = rpcHttpUrl(rpcLaddr);
    this.config = loadAppConfig(home, rpcUrl, this.options.appConfig);
    // The app this chain's genesis composes (opt-in modules it enables), as on every node of it.
    const factory = this.options.app;
    this.zone = await startApp({
      app: () => factory(genesis),
      home,
      abciAddress: proxyApp,
      chainId,
      minGasPrices: this.config.minGasPrices,
      pruning: this.config.pruning,
      api: this.config.api,
      grpc: this.config.grpc,
      stateSync: this.config.stateSync,
      ...(this.options.logger ? { logger: this.options.logger } : {}),
      ...(this.options.log ? { log: this.options.log } : {}),
    });
    const { version, hash } = this.zone.app.lastCommitId;
    const info: NodeInfo = {
      chainId,
      abciAddress: this.zone.address,
      rpcUrl,
      height: version,
      appHash: Buffer.from(hash).toString('hex').toUpperCase(),
      ...(this.zone.rest ? { restUrl: this.zone.rest.url } : {}),
      ...(this.zone.grpc ? { grpcAddress: this.zone.grpc.address } : {}),
    };
    if (!this.options.withCometbft) return info;

    try {
      const logs = join(home, 'logs');
      mkdirSync(logs, { recursive: true });
      const logFile = join(logs, 'cometbft.log');
      appendFileSync(logFile, `\n--- start ${new Date().toISOString()} ---\n`);
      const args = ['start', '--home', home, '--proxy_app', this.zone.address, '--rpc.laddr', rpcLaddr];
      if (this.options.p2pLaddr !== undefined) args.push('--p2p.laddr', this.options.p2pLaddr);
      // Its own process group: a Ctrl-C reaches only us, and we stop it before the app.
      this.comet = startProcess(cometbftBinary(), args, { logFile, group: this.group, detached: true });
      const comet = this.comet;
      await waitFor(() => latestHeight(rpcUrl).then(() => true), {
        what: `CometBFT's RPC at ${rpcUrl} (log: ${logFile})`,
        timeoutMs: this.options.cometTimeoutMs ?? 120_000,
        failIf: () => (comet.running ? undefined : `cometbft exited (${describeExit(comet.exitStatus!)}):\n${comet.logTail(20)}`),
      });
      return { ...info, cometbft: { pid: comet.pid, logFile } };
    } catch (err) {
      await this.close();
      throw err;
    }
  }

  /** Resolves with a description if the CometBFT child exits while the node runs. */
  get cometExited(): Promise<string> | undefined {
    const comet = this.comet;
    return comet?.exited.then((status) => `cometbft exited (${describeExit(status)}); its log: ${comet.logFile}\n${comet.logTail(20)}`);
  }

  /** CometBFT first (it must not see its app vanish mid-block), then the app. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.group.stopAll(15_000);
      await this.zone?.close();
    })();
    return this.closing;
  }
}
