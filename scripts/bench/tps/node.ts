// A one-validator zone for the load harness: CometBFT configured as a validator would for
// throughput, the app as its own process, both in a throwaway folder on free ports.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zoneGenesis } from '../../../zone/zone.js';
import { cometbftBinary, latestHeight, setTomlValue, type TomlValue } from '../../lib/cometbft.js';
import { freePorts, startProcess, waitFor, type ProcessGroup, type ProcessHandle } from '../../lib/processes.js';
import { startZoneApp } from '../../lib/zone-process.js';

export interface BenchNodeOptions {
  dir: string;
  chainId: string;
  addresses: readonly string[];
  denom: string;
  minGasPrices: string;
  timeoutCommit: string;
  mempoolSize: number;
  recheck: boolean;
  indexer: 'null' | 'kv';
  /** Flags for the app's node process (e.g. --cpu-prof). */
  appNodeArgs: readonly string[];
  group: ProcessGroup;
}

export interface BenchNode {
  rpcUrl: string;
  app: ProcessHandle;
  cometbft: ProcessHandle;
  /** The config.toml settings this run changed, as `[section] key = value` lines. */
  settings: string[];
  appLog: string;
  cometLog: string;
}

export async function startBenchNode(options: BenchNodeOptions): Promise<BenchNode> {
  const home = join(options.dir, 'node');
  execFileSync(cometbftBinary(), ['init', '--home', home], { stdio: ['ignore', 'pipe', 'pipe'] });
  const [rpcPort, p2pPort, abciPort] = (await freePorts(3)) as [number, number, number];

  const configPath = join(home, 'config', 'config.toml');
  let config = readFileSync(configPath, 'utf8');
  const settings: string[] = [];
  const set = (section: string | null, key: string, value: TomlValue, why?: string): void => {
    config = setTomlValue(config, section, key, value);
    if (why !== undefined) settings.push(`${section === null ? '' : `[${section}] `}${key} = ${JSON.stringify(value)}  (${why})`);
  };
  set(null, 'proxy_app', `tcp://127.0.0.1:${abciPort}`);
  set(null, 'moniker', 'zonekit-bench');
  set('rpc', 'laddr', `tcp://127.0.0.1:${rpcPort}`);
  set('rpc', 'pprof_laddr', '');
  set('p2p', 'laddr', `tcp://127.0.0.1:${p2pPort}`);
  set('instrumentation', 'prometheus', false);
  set('consensus', 'timeout_commit', options.timeoutCommit, 'measured best here: with 1s the app waits idle between blocks');
  set('mempool', 'size', options.mempoolSize, 'room for a few blocks of txs, so proposals are full');
  set('mempool', 'cache_size', Math.max(10_000, options.mempoolSize * 4), 'dedup cache larger than the mempool');
  set('mempool', 'recheck', options.recheck, options.recheck ? "needed: an account's next tx checks against the pending one's sequence" : 'no recheck after blocks');
  set('mempool', 'broadcast', false, 'one validator, no peers to gossip to');
  set('tx_index', 'indexer', options.indexer, options.indexer === 'null' ? 'a validator that serves no tx queries does not index' : 'txs indexed for queries');
  set('storage', 'discard_abci_responses', options.indexer === 'null', 'no /block_results kept when nothing reads them');
  set('rpc', 'max_open_connections', 2_000, 'many concurrent broadcast_tx_sync connections');
  writeFileSync(configPath, config);

  const genesisPath = join(home, 'config', 'genesis.json');
  const genesis = JSON.parse(readFileSync(genesisPath, 'utf8')) as Record<string, unknown>;
  genesis.chain_id = options.chainId;
  genesis.app_state = zoneGenesis(options.addresses.map((address) => ({ address, coins: [{ denom: options.denom, amount: '1000000000000' }] })));
  writeFileSync(genesisPath, JSON.stringify(genesis));

  const appLog = join(options.dir, 'app.log');
  const app = await startZoneApp({
    home: join(options.dir, 'app'),
    abciAddress: `tcp://127.0.0.1:${abciPort}`,
    chainId: options.chainId,
    minGasPrices: options.minGasPrices,
    logFile: appLog,
    group: options.group,
    nodeArgs: options.appNodeArgs,
  });
  const cometLog = join(options.dir, 'cometbft.log');
  const cometbft = startProcess(cometbftBinary(), ['start', '--home', home], { logFile: cometLog, group: options.group });
  const rpcUrl = `http://127.0.0.1:${rpcPort}`;
  await waitFor(async () => (await latestHeight(rpcUrl)) >= 2, {
    what: `the bench chain to make blocks (logs: ${appLog}, ${cometLog})`,
    timeoutMs: 120_000,
    failIf: () => (app.running && cometbft.running ? undefined : `a process exited:\n${app.logTail(10)}\n${cometbft.logTail(10)}`),
  });
  return { rpcUrl, app, cometbft, settings, appLog, cometLog };
}
