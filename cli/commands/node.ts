// `zonekit start`, `zonekit status`, `zonekit version`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { createLogger, LOG_FORMATS, LOG_LEVELS } from '../../zone/logger.js';
import { cometbftBinary, projectRoot } from '../binaries.js';
import { buildDeps, REPORTED_SDK_VERSION } from '../../app/services/tendermint.js';
import { cometJson, DEFAULT_NODE } from '../chain.js';
import { appFactory, globalOptions, theZone } from '../context.js';
import { Node } from '../node.js';
import { fields, print } from '../output.js';

interface StartFlags {
  withCometbft?: boolean;
  proxy_app?: string;
  'rpc.laddr'?: string;
  'p2p.laddr'?: string;
  minimumGasPrices?: string;
  pruning?: string;
  'api.enable'?: boolean;
  'api.address'?: string;
  'grpc.enable'?: boolean;
  'grpc.address'?: string;
  'state-sync.snapshot-interval'?: number;
  'state-sync.snapshot-keep-recent'?: number;
  log_level: string;
  log_format: string;
}

/** `--grpc.enable` alone is true; `--grpc.enable false` (or `=false`) turns it off, as simd's flag does. */
function parseBool(flag: string) {
  return (value: string): boolean => {
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw new InvalidArgumentError(`${flag} takes true or false, got ${JSON.stringify(value)}`);
  };
}

function parseWhole(flag: string) {
  return (value: string): number => {
    if (!/^[0-9]+$/.test(value)) throw new InvalidArgumentError(`${flag} takes a whole number, got ${JSON.stringify(value)}`);
    return Number(value);
  };
}

export function startCommand(): Command {
  return new Command('start')
    .description("run the node from its home: the ABCI app, the REST API and the gRPC server (app.toml), and with --with-cometbft CometBFT too; Ctrl-C stops both")
    .option('--with-cometbft', 'also run and supervise CometBFT from the same home (logs in <home>/logs/cometbft.log)')
    .option('--proxy_app <address>', "the app's ABCI socket (default: config.toml's proxy_app)")
    .option('--rpc.laddr <address>', "CometBFT's RPC (default: config.toml's [rpc] laddr)")
    .option('--p2p.laddr <address>', "CometBFT's P2P address (default: config.toml's [p2p] laddr)")
    .option('--minimum-gas-prices <prices>', "app.toml's minimum-gas-prices, e.g. 0.025uatom")
    .option('--pruning <strategy>', "app.toml's pruning: default, nothing, everything or custom")
    .option('--api.enable', "serve the REST API (app.toml's [api] enable)")
    .option('--api.address <address>', "the REST API's address (app.toml's [api] address), e.g. tcp://127.0.0.1:1317")
    .option('--grpc.enable [bool]', "serve gRPC (app.toml's [grpc] enable, on by default); --grpc.enable false turns it off", parseBool('--grpc.enable'))
    .option('--grpc.address <address>', "the gRPC server's address (app.toml's [grpc] address), e.g. 127.0.0.1:9090")
    .option('--state-sync.snapshot-interval <blocks>', "app.toml's [state-sync] snapshot-interval: take a state-sync snapshot every this many blocks (0: none)", parseWhole('--state-sync.snapshot-interval'))
    .option('--state-sync.snapshot-keep-recent <count>', "app.toml's [state-sync] snapshot-keep-recent: snapshots to keep (0: all)", parseWhole('--state-sync.snapshot-keep-recent'))
    .addOption(new Option('--log_level <level>', "the node log's level: a line per block at info, each failed tx at debug").choices(LOG_LEVELS).default('info'))
    .addOption(new Option('--log_format <format>', 'plain lines for people, or json for log shippers').choices(LOG_FORMATS).default('plain'))
    .action(async (opts: StartFlags, command: Command) => {
      const g = globalOptions(command);
      const log = createLogger({ level: opts.log_level, format: opts.log_format });
      const node = new Node({
        app: appFactory(),
        log,
        home: g.home,
        withCometbft: opts.withCometbft ?? false,
        appConfig: {
          ...(opts.minimumGasPrices !== undefined ? { 'minimum-gas-prices': opts.minimumGasPrices } : {}),
          ...(opts.pruning !== undefined ? { pruning: opts.pruning } : {}),
          ...(opts['api.enable'] !== undefined ? { 'api.enable': opts['api.enable'] } : {}),
          ...(opts['api.address'] !== undefined ? { 'api.address': opts['api.address'] } : {}),
          ...(opts['grpc.enable'] !== undefined ? { 'grpc.enable': opts['grpc.enable'] } : {}),
          ...(opts['grpc.address'] !== undefined ? { 'grpc.address': opts['grpc.address'] } : {}),
          ...(opts['state-sync.snapshot-interval'] !== undefined ? { 'state-sync.snapshot-interval': opts['state-sync.snapshot-interval'] } : {}),
          ...(opts['state-sync.snapshot-keep-recent'] !== undefined ? { 'state-sync.snapshot-keep-recent': opts['state-sync.snapshot-keep-recent'] } : {}),
        },
        ...(opts.proxy_app !== undefined ? { proxyApp: opts.proxy_app } : {}),
        ...(opts['rpc.laddr'] !== undefined ? { rpcLaddr: opts['rpc.laddr'] } : {}),
        ...(opts['p2p.laddr'] !== undefined ? { p2pLaddr: opts['p2p.laddr'] } : {}),
      });
      // Installed before start, so a Ctrl-C during start-up still stops what has started.
      const stop = new Promise<string>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(`received ${signal}`));
      });
      const info = await Promise.race([node.start(), stop.then((why) => Promise.reject(new Error(`${why} during start-up`)))]).catch(async (err: unknown) => {
        await node.close();
        throw err;
      });
      const state = info.height === 0 ? 'no blocks yet' : `height ${info.height}, app hash ${info.appHash}`;
      console.log(`zonekit: ABCI listening on ${info.abciAddress} (chain ${info.chainId}, ${state})`);
      if (info.restUrl) console.log(`zonekit: REST API listening on ${info.restUrl} (OpenAPI UI: ${info.restUrl}/swagger/)`);
      if (info.grpcAddress) console.log(`zonekit: gRPC server listening on ${info.grpcAddress}`);
      if (info.cometbft) console.log(`zonekit: CometBFT running (pid ${info.cometbft.pid}), RPC ${info.rpcUrl}, log ${info.cometbft.logFile}`);
      console.log(`zonekit: the app logs to stdout (level ${opts.log_level}, format ${opts.log_format}; --log_level and --log_format change them)${info.cometbft ? `, CometBFT to ${info.cometbft.logFile}` : ''}`);
      const outcome = await Promise.race([stop.then((why) => ({ why, failed: false })), ...(node.cometExited ? [node.cometExited.then((why) => ({ why, failed: true }))] : [])]);
      console.log(`zonekit: ${outcome.why}; stopping${info.cometbft ? ' CometBFT, then the app' : ''}`);
      // Routine lines end with the shutdown, so "stopping" and "stopped" stay together; warnings and errors still show.
      if (log.isLevelEnabled('info')) log.level = 'warn';
      await node.close();
      console.log('zonekit: stopped');
      if (outcome.failed) process.exitCode = 1;
    });
}

interface CometStatus {
  node_info: { id: string; network: string; moniker: string; version: string };
  sync_info: { latest_block_height: string; latest_block_hash: string; latest_block_time: string; catching_up: boolean };
  validator_info: { address: string; voting_power: string };
}

export function statusCommand(): Command {
  return new Command('status')
    .description("the node's CometBFT status: chain, latest height, whether it is catching up, node id")
    .option('-n, --node <url>', 'CometBFT RPC', DEFAULT_NODE)
    .action(async (opts: { node: string }, command: Command) => {
      const g = globalOptions(command);
      const status = await cometJson<CometStatus>(opts.node, 'status');
      print(g.output, status, () =>
        fields([
          ['chain id', status.node_info.network],
          ['moniker', status.node_info.moniker],
          ['node id', status.node_info.id],
          ['latest height', status.sync_info.latest_block_height],
          ['latest block', `${status.sync_info.latest_block_hash} at ${status.sync_info.latest_block_time}`],
          ['catching up', status.sync_info.catching_up],
          ['validator', `${status.validator_info.address} (voting power ${status.validator_info.voting_power})`],
          ['cometbft', status.node_info.version],
        ]),
      );
    });
}

/** The git commit the code was built from, when it runs from a checkout (a packed release has none). */
function sourceCommit(): string {
  // An installed package sits inside its user's repository: that repository's commit is not ours.
  if (!existsSync(join(projectRoot(), '.git'))) return '';
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: projectRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export function versionCommand(): Command {
  return new Command('version')
    .description("the zonekit version; --long (or -o json): name, commit, Node.js, CometBFT and the versions it matches on the wire, as simd's version --long")
    .option('--long', 'everything simd prints with --long that applies to a zone')
    .action((opts: { long?: boolean }, command: Command) => {
      const g = globalOptions(command);
      let cometbft = '';
      try {
        cometbft = execFileSync(cometbftBinary(), ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      } catch {
        // No CometBFT on this machine: the CLI still works against a remote node.
      }
      const commit = sourceCommit();
      const { app } = theZone();
      const info = {
        name: app.name,
        server_name: app.name,
        version: app.version,
        commit,
        node: process.version,
        cometbft,
        cosmos_sdk_version: REPORTED_SDK_VERSION,
        build_deps: buildDeps(app, cometbft || 'unknown').map((d) => `${d.path}@${d.version}`),
      };
      if (g.output === 'text' && !opts.long) {
        print('text', info, () => app.version);
        return;
      }
      print(g.output, info, () =>
        [
          fields([
            ['name', info.name],
            ['server_name', info.server_name],
            ['version', info.version],
            ['commit', info.commit || '(unknown: not run from a git checkout)'],
            ['node', info.node],
            ['cometbft', info.cometbft || '(not found: run npm run setup, or put cometbft on the PATH)'],
            ['cosmos_sdk_version', `${info.cosmos_sdk_version} (the SDK whose wire formats the zone speaks)`],
          ]),
          'build_deps:',
          ...info.build_deps.map((d) => `- ${d}`),
        ].join('\n'),
      );
    });
}
