// A real CometBFT v0.38 node for integration tests: make a home with private ports and
// test-speed timeouts, start it, and wait for its heights.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cometbftBinary, latestHeight, rpc, setTomlValue, type TomlValue } from '../../scripts/lib/cometbft.js';
import { freePorts, startProcess, waitFor, type ProcessGroup, type ProcessHandle } from './processes.js';

export { cometbftBinary, latestHeight, projectRoot, rpc, setTomlValue } from '../../scripts/lib/cometbft.js';

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
  const set = (section: string | null, key: string, value: TomlValue): void => {
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
