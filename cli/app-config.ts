// The app's own settings, <home>/config/app.toml (CometBFT's are in config.toml beside it).
// Checked with zod at start-up: a bad value stops the node with the key and what it accepts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { z } from 'zod';
import { parseDecCoins } from '../app/coins.js';
import type { PruningOptions } from '../app/store/index.js';
import { parseApiSection } from '../zone/api-config.js';
import { parseGrpcSection } from '../zone/grpc-config.js';
import { DEFAULT_GRPC_ADDRESS, type GrpcOptions } from '../zone/grpc.js';
import { DEFAULT_API_ADDRESS, type ApiOptions, type StateSyncOptions } from '../zone/start.js';

export const appTomlPath = (home: string): string => join(home, 'config', 'app.toml');

/** What `zonekit init` writes; comments say what each key does, as simd's template does. */
export function appTomlTemplate(): string {
  return `# zonekit app configuration (CometBFT's own settings are in config.toml).

###############################################################################
###                           Base Configuration                            ###
###############################################################################

# The lowest gas price this node accepts for a tx into its mempool, e.g. "0.025uatom"
# or "0.025uatom,0.001ustake" (any of them may pay). Empty accepts any fee.
minimum-gas-prices = ""

# default: keep the last 362880 states, prune every 10 blocks
# nothing: keep every state (an archive node)
# everything: keep the last 2 states, prune every 10 blocks
# custom: keep pruning-keep-recent states, prune every pruning-interval blocks
pruning = "default"

# Used only with pruning = "custom".
pruning-keep-recent = "0"
pruning-interval = "0"

###############################################################################
###                           API Configuration                             ###
###############################################################################

[api]

# Serve the REST API (the gRPC-gateway paths wallets and explorers call).
enable = false

# Where it listens.
address = "${DEFAULT_API_ADDRESS}"

# Origins browsers may call it from: ["*"] for any, [] for none.
cors-allowed-origins = ["*"]

###############################################################################
###                           gRPC Configuration                            ###
###############################################################################

[grpc]

# Serve gRPC (every module's queries, Simulate, the tx and tendermint services): what Hermes
# and the SDK's Go and Rust clients call.
enable = true

# Where it listens (host:port); 0.0.0.0:9090 serves other hosts.
address = "${DEFAULT_GRPC_ADDRESS}"

###############################################################################
###                        State Sync Configuration                         ###
###############################################################################

[state-sync]

# Take a state-sync snapshot after every commit of a multiple of this height (0: never).
# Snapshots go to <home>/data/snapshots and are served to nodes that join with CometBFT's
# [statesync] enable = true; a node restores from peers' snapshots whatever this says.
snapshot-interval = 0

# Keep this many recent snapshots (0: keep all).
snapshot-keep-recent = 2
`;
}

export function writeAppToml(home: string): void {
  writeFileSync(appTomlPath(home), appTomlTemplate());
}

const uintText = (key: string) =>
  z.union([z.string(), z.number()]).transform((v, ctx) => {
    const text = String(v);
    if (!/^[0-9]+$/.test(text)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `must be a whole number of blocks (e.g. "100"), got ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return Number(text);
  });

const Base = z.object({
  'minimum-gas-prices': z
    .string({ error: (i) => `must be a string of gas prices like "0.025uatom", got ${JSON.stringify(i.input)}` })
    .refine(
      (v) => {
        try {
          parseDecCoins(v);
          return true;
        } catch {
          return false;
        }
      },
      { error: (i) => `must be gas prices like "0.025uatom" or "0.025uatom,0.001ustake" (or empty), got ${JSON.stringify(i.input)}` },
    )
    .default(''),
  pruning: z.enum(['default', 'nothing', 'everything', 'custom'], { error: (i) => `must be one of default, nothing, everything, custom; got ${JSON.stringify(i.input)}` }).default('default'),
  'pruning-keep-recent': uintText('pruning-keep-recent').default(0),
  'pruning-interval': uintText('pruning-interval').default(0),
});

const wholeNumber = (key: string) =>
  z.number({ error: (i) => `must be a whole number, got ${JSON.stringify(i.input)}` }).int({ error: `${key} must be a whole number` }).nonnegative({ error: (i) => `must be a whole number, got ${JSON.stringify(i.input)}` });

const StateSync = z.object({
  'snapshot-interval': wholeNumber('snapshot-interval').default(0),
  'snapshot-keep-recent': wholeNumber('snapshot-keep-recent').default(2),
});

export interface AppConfig {
  minGasPrices: string;
  pruning: PruningOptions;
  api: ApiOptions;
  grpc: GrpcOptions;
  stateSync: StateSyncOptions;
}

export interface AppConfigOverrides {
  'minimum-gas-prices'?: string;
  pruning?: string;
  'api.enable'?: boolean;
  'api.address'?: string;
  'grpc.enable'?: boolean;
  'grpc.address'?: string;
  'state-sync.snapshot-interval'?: number;
  'state-sync.snapshot-keep-recent'?: number;
}

/**
 * Reads app.toml, applies flag overrides (by app.toml key, as simd's flags are named) and checks
 * everything; `rpcUrl` is CometBFT's RPC, which the REST API forwards to. Throws naming the key.
 */
export function loadAppConfig(home: string, rpcUrl: string, overrides: AppConfigOverrides = {}): AppConfig {
  const path = appTomlPath(home);
  let raw: Record<string, unknown>;
  try {
    raw = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist (run `zonekit init` first)' : (err as Error).message;
    throw new Error(`cannot read ${path}: ${why}`);
  }
  const section = (name: string): Record<string, unknown> => ({ ...((raw[name] as Record<string, unknown> | undefined) ?? {}) });
  const base = { ...raw };
  for (const key of ['minimum-gas-prices', 'pruning'] as const) if (overrides[key] !== undefined) base[key] = overrides[key];
  const api = section('api');
  if (overrides['api.enable'] !== undefined) api.enable = overrides['api.enable'];
  if (overrides['api.address'] !== undefined) api.address = overrides['api.address'];
  const grpc = section('grpc');
  if (overrides['grpc.enable'] !== undefined) grpc.enable = overrides['grpc.enable'];
  if (overrides['grpc.address'] !== undefined) grpc.address = overrides['grpc.address'];

  const stateSync = section('state-sync');
  for (const key of ['snapshot-interval', 'snapshot-keep-recent'] as const) {
    const value = overrides[`state-sync.${key}`];
    if (value !== undefined) stateSync[key] = value;
  }

  const fail = (where: string, issue: z.core.$ZodIssue): never => {
    throw new Error(`invalid ${where}${issue.path.length > 0 ? `${where === '' ? '' : ' '}${issue.path.join('.')}` : ''} in ${path} (or its flag): ${issue.message}`);
  };
  const b = Base.safeParse(base);
  if (!b.success) fail('', b.error.issues[0]!);
  const s = StateSync.safeParse(stateSync);
  if (!s.success) fail('[state-sync]', s.error.issues[0]!);
  const { data } = b as { data: z.output<typeof Base> };

  let pruning: PruningOptions;
  if (data.pruning === 'custom') {
    if (data['pruning-interval'] < 1) throw new Error(`invalid pruning-interval in ${path}: pruning = "custom" needs pruning-interval of at least 1, got ${data['pruning-interval']}`);
    pruning = { strategy: 'custom', keepRecent: data['pruning-keep-recent'], interval: data['pruning-interval'] };
  } else {
    pruning = { strategy: data.pruning };
  }
  return {
    minGasPrices: data['minimum-gas-prices'],
    pruning,
    api: parseApiSection({ ...api, 'rpc-laddr': rpcUrl }, (key) => (key === 'rpc-laddr' ? `[rpc] laddr in config.toml` : `[api] ${key} in ${path} (or --api.${key})`)),
    grpc: parseGrpcSection(grpc, rpcUrl, (key) => `[grpc] ${key} in ${path} (or --grpc.${key})`),
    stateSync: { snapshotInterval: s.data!['snapshot-interval'], snapshotKeepRecent: s.data!['snapshot-keep-recent'] },
  };
}
