// A real CometBFT v0.38 node for integration tests: find the binary, make a home
// with private ports and test-speed timeouts, start it, and talk to its RPC.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePorts, startProcess, waitFor, type ProcessGroup, type ProcessHandle } from './processes.js';

/** The repository root: the nearest folder above this file with a package.json (works from src and dist). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the project root (no package.json above test/helpers)');
    dir = parent;
  }
  return dir;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Path to cometbft: the project's `.bin/cometbft`, else one on PATH; throws with the fix if neither. */
export function cometbftBinary(): string {
  const local = join(projectRoot(), '.bin', 'cometbft');
  if (isExecutable(local)) return local;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && isExecutable(join(dir, 'cometbft'))) return join(dir, 'cometbft');
  }
  throw new Error(
    `cometbft not found (looked in ${local} and on PATH). Run scripts/install-cometbft.sh to install the pinned CometBFT v0.38.`,
  );
}

export interface CometHomeOptions {
  chainId: string;
  /** Address of the ABCI app; default: tcp://127.0.0.1:<a free port>. */
  proxyApp?: string;
  /** Default 200ms, so tests see blocks quickly. */
  timeoutCommit?: string;
  /** Default true. With false, blocks are only made when txs arrive. */
  createEmptyBlocks?: boolean;
  logLevel?: string;
  moniker?: string;
}

export interface CometHome {
  home: string;
  chainId: string;
  proxyApp: string;
  rpcPort: number;
  p2pPort: number;
  /** http://127.0.0.1:<rpcPort> */
  rpcUrl: string;
}

/** `cometbft init` into `dir`, then points it at private ports and test timings. */
export async function initCometHome(dir: string, options: CometHomeOptions): Promise<CometHome> {
  const binary = cometbftBinary();
  execFileSync(binary, ['init', '--home', dir], { stdio: ['ignore', 'pipe', 'pipe'] });

  const [rpcPort, p2pPort, abciPort] = (await freePorts(3)) as [number, number, number];
  const proxyApp = options.proxyApp ?? `tcp://127.0.0.1:${abciPort}`;

  const configPath = join(dir, 'config', 'config.toml');
  let config = readFileSync(configPath, 'utf8');
  const set = (section: string | null, key: string, value: string | boolean): void => {
    config = setTomlValue(config, section, key, value);
  };
  set(null, 'proxy_app', proxyApp);
  set(null, 'moniker', options.moniker ?? options.chainId);
  set(null, 'log_level', options.logLevel ?? 'info');
  set('rpc', 'laddr', `tcp://127.0.0.1:${rpcPort}`);
  // Debug listeners are off so parallel nodes never fight over their fixed default ports.
  set('rpc', 'pprof_laddr', '');
  set('instrumentation', 'prometheus', false);
  set('p2p', 'laddr', `tcp://127.0.0.1:${p2pPort}`);
  set('p2p', 'allow_duplicate_ip', true);
  set('consensus', 'timeout_commit', options.timeoutCommit ?? '200ms');
  set('consensus', 'create_empty_blocks', options.createEmptyBlocks ?? true);
  set('tx_index', 'indexer', 'kv');
  writeFileSync(configPath, config);

  const genesisPath = join(dir, 'config', 'genesis.json');
  const genesis = JSON.parse(readFileSync(genesisPath, 'utf8')) as { chain_id: string };
  genesis.chain_id = options.chainId;
  writeFileSync(genesisPath, JSON.stringify(genesis, null, 2));

  return { home: dir, chainId: options.chainId, proxyApp, rpcPort, p2pPort, rpcUrl: `http://127.0.0.1:${rpcPort}` };
}

/**
 * Replaces `key = ...` inside `[section]` (null: the top level, before any section).
 * Throws when the key is absent, so a changed config layout fails loudly.
 */
export function setTomlValue(text: string, section: string | null, key: string, value: string | boolean): string {
  const lines = text.split('\n');
  let current: string | null = null;
  const rendered = typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(lines[i]!);
    if (header !== null) {
      current = header[1]!.trim();
      continue;
    }
    if (current === section && new RegExp(`^\\s*${key}\\s*=`).test(lines[i]!)) {
      lines[i] = `${key} = ${rendered}`;
      return lines.join('\n');
    }
  }
  throw new Error(`config.toml has no ${key} in ${section === null ? 'the top level' : `[${section}]`}`);
}

export interface CometNode {
  home: CometHome;
  process: ProcessHandle;
}

/** Starts `cometbft start` on a prepared home and resolves once its RPC answers /status. */
export async function startCometbft(
  home: CometHome,
  options: { group?: ProcessGroup; timeoutMs?: number } = {},
): Promise<CometNode> {
  const logFile = join(home.home, 'cometbft.log');
  const child = startProcess(cometbftBinary(), ['start', '--home', home.home], { logFile, group: options.group });
  await waitFor(() => rpc(home.rpcUrl, '/status'), {
    what: `cometbft RPC at ${home.rpcUrl} (log: ${logFile})`,
    timeoutMs: options.timeoutMs ?? 30_000,
    failIf: () => (child.running ? undefined : `cometbft exited:\n${child.logTail()}`),
  });
  return { home, process: child };
}

/** GET `path` on the RPC with URI-style params; returns `result`, throws on a JSON-RPC error. */
export async function rpc<T = unknown>(rpcUrl: string, path: string, params: Record<string, string> = {}): Promise<T> {
  const url = new URL(path, rpcUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  const body = (await response.json()) as { result?: T; error?: { message: string; data?: string } };
  if (body.error !== undefined) throw new Error(`RPC ${path}: ${body.error.message} ${body.error.data ?? ''}`.trim());
  return body.result as T;
}

export async function latestHeight(rpcUrl: string): Promise<number> {
  const status = await rpc<{ sync_info: { latest_block_height: string } }>(rpcUrl, '/status');
  return Number(status.sync_info.latest_block_height);
}

/** Waits until the node has committed block `height`. */
export async function waitForHeight(node: CometNode, height: number, timeoutMs = 30_000): Promise<number> {
  return waitFor(
    async () => {
      const latest = await latestHeight(node.home.rpcUrl);
      return latest >= height ? latest : 0;
    },
    {
      what: `height ${height} on ${node.home.chainId}`,
      timeoutMs,
      failIf: () => (node.process.running ? undefined : `cometbft exited:\n${node.process.logTail()}`),
    },
  );
}

/** Writes the app's genesis state (`app_state`) into the home's genesis.json. */
export function setGenesisAppState(home: CometHome, appState: unknown): void {
  const genesisPath = join(home.home, 'config', 'genesis.json');
  const genesis = JSON.parse(readFileSync(genesisPath, 'utf8')) as Record<string, unknown>;
  genesis.app_state = appState;
  writeFileSync(genesisPath, JSON.stringify(genesis, null, 2));
}
