// The body of the zone's ABCI server executable (see main.ts for its flags), for any
// composition of the zone: main.ts runs the default one; tests run it with extra modules
// (zone/vote-extensions-testing/main.ts).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseApiSection } from './api-config.js';
import { parseGrpcSection } from './grpc-config.js';
import { createLogger } from './logger.js';
import { startZone, zoneOptionsFromGenesis, type ZoneOptions } from './zone.js';

/** Parses the flags, starts the zone's ABCI server (with REST and gRPC when enabled) and closes it on SIGINT/SIGTERM. */
export async function runZoneNode(zoneOptions: ZoneOptions = {}): Promise<void> {
  const { values } = parseArgs({
    options: {
      home: { type: 'string', default: process.env.ZONEKIT_HOME ?? join(homedir(), '.zonekit') },
      abci: { type: 'string', default: process.env.ZONEKIT_ABCI ?? 'tcp://127.0.0.1:26658' },
      'chain-id': { type: 'string', default: process.env.ZONEKIT_CHAIN_ID },
      'minimum-gas-prices': { type: 'string', default: process.env.ZONEKIT_MINIMUM_GAS_PRICES ?? '' },
      pruning: { type: 'string', default: process.env.ZONEKIT_PRUNING ?? 'default' },
      'api-enable': { type: 'boolean', default: process.env.ZONEKIT_API_ENABLE === 'true' },
      'api-address': { type: 'string', default: process.env.ZONEKIT_API_ADDRESS },
      'rpc-laddr': { type: 'string', default: process.env.ZONEKIT_RPC_LADDR },
      'api-cors-origins': { type: 'string', default: process.env.ZONEKIT_API_CORS_ORIGINS },
      'grpc-enable': { type: 'boolean', default: process.env.ZONEKIT_GRPC_ENABLE === 'true' },
      'grpc-address': { type: 'string', default: process.env.ZONEKIT_GRPC_ADDRESS },
      'inv-check-period': { type: 'string', default: process.env.ZONEKIT_INV_CHECK_PERIOD ?? '0' },
      'state-sync.snapshot-interval': { type: 'string', default: process.env.ZONEKIT_STATE_SYNC_SNAPSHOT_INTERVAL ?? '0' },
      'state-sync.snapshot-keep-recent': { type: 'string', default: process.env.ZONEKIT_STATE_SYNC_SNAPSHOT_KEEP_RECENT ?? '2' },
      log_level: { type: 'string', default: process.env.ZONEKIT_LOG_LEVEL ?? 'info' },
      log_format: { type: 'string', default: process.env.ZONEKIT_LOG_FORMAT ?? 'plain' },
    },
  });

  const home = values.home!;

  // CometBFT's genesis in the same home, read once: a large chain's genesis is large.
  const genesisPath = join(home, 'config', 'genesis.json');
  let genesis: { chain_id?: string; app_state?: Record<string, unknown> } | undefined;
  let genesisError: unknown;
  try {
    genesis = JSON.parse(readFileSync(genesisPath, 'utf8')) as typeof genesis;
  } catch (err) {
    genesisError = err;
  }

  /** The modules genesis asks for (zoneOptionsFromGenesis); none beyond the default without a readable genesis. */
  function genesisZoneOptions(): ZoneOptions {
    return genesis ? zoneOptionsFromGenesis(genesis) : {};
  }

  /** The chain id from the genesis, as simd reads it. */
  function chainIdFromGenesis(): string {
    if (!genesis) throw new Error(`no --chain-id given and cannot read it from ${genesisPath}: ${genesisError instanceof Error ? genesisError.message : String(genesisError)}`);
    return genesis.chain_id as string;
  }

  const pruning = values.pruning!;
  if (pruning !== 'default' && pruning !== 'nothing' && pruning !== 'everything') {
    throw new Error(`--pruning must be default, nothing or everything, got ${pruning}`);
  }

  const invCheckPeriod = Number(values['inv-check-period']);
  if (!Number.isSafeInteger(invCheckPeriod) || invCheckPeriod < 0) {
    throw new Error(`--inv-check-period must be a whole number of blocks (0 for never), got ${values['inv-check-period']}`);
  }

  function wholeFlag(flag: 'state-sync.snapshot-interval' | 'state-sync.snapshot-keep-recent'): number {
    const text = values[flag]!;
    if (!/^[0-9]+$/.test(text)) throw new Error(`--${flag} must be a whole number, got ${text}`);
    return Number(text);
  }
  const stateSync = { snapshotInterval: wholeFlag('state-sync.snapshot-interval'), snapshotKeepRecent: wholeFlag('state-sync.snapshot-keep-recent') };

  const corsOrigins = values['api-cors-origins'];
  const api = parseApiSection(
    {
      enable: values['api-enable']!,
      ...(values['api-address'] !== undefined ? { address: values['api-address'] } : {}),
      ...(values['rpc-laddr'] !== undefined ? { 'rpc-laddr': values['rpc-laddr'] } : {}),
      ...(corsOrigins !== undefined ? { 'cors-allowed-origins': corsOrigins.split(',').map((o) => o.trim()).filter((o) => o !== '') } : {}),
    },
    (key) => `--${{ enable: 'api-enable', address: 'api-address', 'rpc-laddr': 'rpc-laddr', 'cors-allowed-origins': 'api-cors-origins' }[key] ?? key}`,
  );

  const grpc = parseGrpcSection(
    { enable: values['grpc-enable']!, ...(values['grpc-address'] !== undefined ? { address: values['grpc-address'] } : {}) },
    api.cometRpc!,
    (key) => `--grpc-${key}`,
  );

  // simd's flags, simd's spelling: the log goes to stdout (the devnet writes it to logs/app.log).
  const log = createLogger({ level: values.log_level!, format: values.log_format! });

  const zone = await startZone({
    ...genesisZoneOptions(),
    ...zoneOptions,
    home,
    abciAddress: values.abci!,
    chainId: values['chain-id'] ?? chainIdFromGenesis(),
    minGasPrices: values['minimum-gas-prices']!,
    pruning: { strategy: pruning },
    api,
    grpc,
    invCheckPeriod,
    stateSync,
    log,
  });
  const { version, hash } = zone.app.lastCommitId;
  const state = version === 0 ? 'no blocks yet' : `height ${version}, app hash ${Buffer.from(hash).toString('hex').toUpperCase()}`;
  console.log(`zonekit: ABCI listening on ${zone.address} (chain ${zone.app.chainId}, ${state})`);
  if (zone.rest) console.log(`zonekit: REST API listening on ${zone.rest.url} (OpenAPI UI: ${zone.rest.url}/swagger/, forwarding to CometBFT at ${api.cometRpc})`);
  if (zone.grpc) console.log(`zonekit: gRPC server listening on ${zone.grpc.address} (forwarding to CometBFT at ${api.cometRpc})`);

  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      zone.close().then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err: err instanceof Error ? err.message : String(err) }, 'error while closing');
          process.exit(1);
        },
      );
    });
  }
}
