// Runs the default zone's ABCI server: `node dist/zone/main.js --home <dir> [--abci tcp://127.0.0.1:26658]
// [--chain-id <id>] [--minimum-gas-prices 0.025uatom] [--pruning default|nothing|everything]
// [--api-enable] [--api-address tcp://127.0.0.1:1317] [--rpc-laddr http://127.0.0.1:26657]
// [--api-cors-origins '*' | a comma-separated list, empty for none] [--grpc-enable]
// [--grpc-address 127.0.0.1:9090] [--inv-check-period N] [--state-sync.snapshot-interval N]
// [--state-sync.snapshot-keep-recent N] [--log_level info] [--log_format plain|json]`.
// Flags fall back to ZONEKIT_* environment variables. CometBFT connects to it as its proxy_app;
// the REST API and the gRPC server (off unless enabled) forward broadcasts and block queries to
// CometBFT's RPC.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseApiSection } from './api-config.js';
import { parseGrpcSection } from './grpc-config.js';
import { createLogger } from './logger.js';
import { startZone, zoneOptionsFromGenesis } from './zone.js';

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

/** The chain id from CometBFT's genesis in the same home, as simd reads it. */
function chainIdFromGenesis(): string {
  const path = join(home, 'config', 'genesis.json');
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { chain_id: string }).chain_id;
  } catch (err) {
    throw new Error(`no --chain-id given and cannot read it from ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The modules genesis asks for (zoneOptionsFromGenesis); none beyond the default without a readable genesis. */
function genesisZoneOptions() {
  try {
    return zoneOptionsFromGenesis(JSON.parse(readFileSync(join(home, 'config', 'genesis.json'), 'utf8')) as { app_state?: Record<string, unknown> });
  } catch {
    return {};
  }
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
