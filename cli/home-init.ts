// Making a node's home, as `simd init` does: CometBFT's config.toml, keys and genesis.json,
// the app's app.toml, and every module's default genesis under the chain id.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cometbftBinary } from './binaries.js';
import { setTomlValue } from './toml.js';
import { appTomlPath, writeAppToml } from './app-config.js';
import { DEFAULT_CLIENT_CONFIG, readClientConfig, writeClientConfig, type ClientConfig } from './client-config.js';
import { appFor } from './context.js';
import { cometConfigPath, genesisPath, readGenesis, writeGenesis, type GenesisFile } from './home.js';
import { nodeId } from './node-keys.js';
import { CliError } from './output.js';

/** Every module's default genesis, in the app's module order. */
export function defaultAppState(): Record<string, unknown> {
  return Object.fromEntries(appFor().app.modules.filter((m) => m.genesis).map((m) => [m.name, m.genesis!.defaults()]));
}

export interface InitHomeOptions {
  home: string;
  moniker: string;
  chainId: string;
  /** Replace an existing genesis.json and app.toml (keys are kept). */
  overwrite?: boolean;
  /** client.toml keys besides the chain id (a testnet home's keyring backend and RPC). */
  client?: Partial<ClientConfig>;
  /** Genesis consensus_params.abci.vote_extensions_enable_height (default 0: off). */
  voteExtensionsEnableHeight?: bigint;
}

/** Returns the node id. */
export function initHome({ home, moniker, chainId, overwrite = false, client = {}, voteExtensionsEnableHeight = 0n }: InitHomeOptions): string {
  if (existsSync(genesisPath(home))) {
    if (!overwrite) throw new CliError(`${genesisPath(home)} already exists`, 'pass --overwrite to replace it (the node and validator keys are kept), or choose another --home');
    rmSync(genesisPath(home));
  }
  // cometbft init keeps keys that already exist, as simd init does.
  execFileSync(cometbftBinary(), ['init', '--home', home], { stdio: ['ignore', 'pipe', 'pipe'] });
  let config = readFileSync(cometConfigPath(home), 'utf8');
  config = setTomlValue(config, null, 'moniker', moniker);
  config = setTomlValue(config, 'tx_index', 'indexer', 'kv');
  // Debug listener off: nodes on one machine would fight over its fixed port.
  config = setTomlValue(config, 'rpc', 'pprof_laddr', '');
  writeFileSync(cometConfigPath(home), config);
  if (overwrite || !existsSync(appTomlPath(home))) writeAppToml(home);
  // As simd init: client.toml's defaults, with this chain's id (other keys already set are kept).
  writeClientConfig(home, { ...DEFAULT_CLIENT_CONFIG, ...readClientConfig(home), ...client, 'chain-id': chainId });
  const genesis = readGenesis(home);
  genesis.chain_id = chainId;
  genesis.app_state = defaultAppState();
  setVoteExtensionsEnableHeight(genesis, voteExtensionsEnableHeight);
  writeGenesis(home, genesis);
  return nodeId(home);
}

/**
 * Sets consensus_params.abci.vote_extensions_enable_height, as CometBFT v0.38 names it: from
 * that height on validators extend their precommits (0: never).
 */
export function setVoteExtensionsEnableHeight(genesis: GenesisFile, height: bigint): void {
  const params = (genesis.consensus_params ??= {}) as { abci?: { vote_extensions_enable_height?: string } };
  params.abci = { ...params.abci, vote_extensions_enable_height: height.toString() };
}

/** Parses `--vote-extensions-enable-height`: a whole number, 0 for off. */
export function parseVoteExtensionsEnableHeight(text: string): bigint {
  if (!/^[0-9]+$/.test(text)) throw new CliError(`invalid --vote-extensions-enable-height ${JSON.stringify(text)}: expected a whole number (0: vote extensions off)`);
  return BigInt(text);
}
