// A multi-validator network on this machine, for tests and `npm run localnet`: the homes of
// `zonekit testnet init-files` (made here on free ports, or an existing output folder), one
// app process and one CometBFT per validator, readiness awaited (never slept), single nodes
// stopped and restarted, and every process this started stopped by PID on close, also when
// starting fails.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appTomlPath, loadAppConfig } from '../../cli/app-config.js';
import type { GenesisFile } from '../../cli/home.js';
import { initTestnetFiles, readKeySeed, readTestnet, type TestnetNode } from '../../cli/testnet.js';
import { theZone, useApp } from '../../cli/context.js';
import { zoneFactory } from '../../zone/zone.js';
import { cometbftBinary, latestHeight, rpc, setTomlValue } from './cometbft.js';
import { freePorts, ProcessGroup, startProcess, waitFor, type ProcessHandle } from './processes.js';
import { describeExit, startZoneApp } from './zone-process.js';

// The localnet's nodes run the default zone; the CLI library it calls builds their genesis from it.
useApp(zoneFactory);

export interface LocalnetOptions {
  /** Validators of a new network (default 4); ignored with an existing `dir`. */
  validators?: number;
  /**
   * A folder: one that holds a testnet (testnet.json) starts as it is; an empty or absent one
   * gets a new network. Default: a new network in a temporary folder, removed on close.
   */
  dir?: string;
  chainId?: string;
  /** Edits a new network's genesis before the validators' accounts and gentxs go in (e.g. short unbonding). */
  genesisMutator?: (genesis: GenesisFile) => void;
  /** A new network's CometBFT timeout_commit (default 200ms) and timeout_propose (default 1s). */
  timeoutCommit?: string;
  timeoutPropose?: string;
  /** A new network's minimum gas prices (default: none). */
  minimumGasPrices?: string;
  /** Give a new network fixed ports (`zonekit testnet`'s defaults) instead of free ones. */
  defaultPorts?: boolean;
  /** Keep the folder on close (default: removed only when it was a temporary one). */
  keepDir?: boolean;
  /** Children in their own process groups: a terminal's Ctrl-C reaches only us (the script). */
  detached?: boolean;
  /** How long to wait for every node to commit a new block, and for an app to listen (default 60s). */
  timeoutMs?: number;
  /** Every app checks the invariants after each Nth block and halts on a broken one (tests: 1). */
  invCheckPeriod?: number;
  /** A new network's genesis consensus_params.abci.vote_extensions_enable_height (default 0: off). */
  voteExtensionsEnableHeight?: bigint;
  /** Every validator's app entry script (default dist/zone/main.js): a zone with extra modules for a test. */
  appMainScript?: string;
  /** A new network's app.toml [state-sync]: every validator snapshots every `snapshotInterval` heights. */
  stateSync?: { snapshotInterval: number; snapshotKeepRecent?: number };
}

export interface LocalnetNode {
  index: number;
  name: string;
  home: string;
  nodeId: string;
  /** http://ip:port of CometBFT's RPC and of the REST API. */
  rpcUrl: string;
  restUrl: string;
  /** ip:port of the gRPC server. */
  grpcAddress: string;
  abciAddress: string;
  p2pAddress: string;
  /** The validator's key (test keyring in `home`), account and operator address. */
  keyName: string;
  address: string;
  validatorAddress: string;
  mnemonic: string;
  readonly running: boolean;
  /** Where its app and CometBFT write. */
  logs: { app: string; cometbft: string };
}

export interface Localnet {
  chainId: string;
  dir: string;
  nodes: LocalnetNode[];
  /** CometBFT first, then the app; its data stays, so startNode resumes it. */
  stopNode(index: number): Promise<void>;
  /**
   * Starts a stopped (or killed) node and resolves once its RPC answers (it may still be
   * catching up). After a kill of CometBFT alone, only CometBFT starts, against the app that
   * kept running.
   */
  startNode(index: number): Promise<void>;
  /**
   * kill -9 of a running node's app, its CometBFT, or both, with no grace: a crash. Resolves
   * once what was killed is gone, and once CometBFT is too when its app was killed (CometBFT
   * exits by itself when it loses the app; if it has not within 15 s, it is killed as well).
   */
  killNode(index: number, part: NodePart): Promise<void>;
  /** The PIDs of a running node's processes. */
  pids(index: number): { app: number; cometbft: number };
  /** Resolves once every running node (or those in `indexes`) has committed `height`. */
  waitForHeight(height: number, options?: { indexes?: readonly number[]; timeoutMs?: number }): Promise<void>;
  /** The latest height of a node (default: the first running one). */
  height(index?: number): Promise<number>;
  /** Resolves, saying which and why, when a process of a running node exits unasked. */
  readonly unexpectedExit: Promise<string>;
  /** Stops every process this localnet started; removes a temporary folder. Idempotent. */
  close(): Promise<void>;
}

/** What of a validator a crash kills. */
export type NodePart = 'app' | 'cometbft' | 'both';

interface Processes {
  app: ProcessHandle;
  comet: ProcessHandle;
}

class Network implements Localnet {
  readonly nodes: LocalnetNode[];
  private readonly running = new Map<number, Processes>();
  /** Apps that kept running after their CometBFT was killed; the next startNode reuses them. */
  private readonly orphanApps = new Map<number, ProcessHandle>();
  private readonly group = new ProcessGroup();
  private closing: Promise<void> | undefined;
  private reportExit: (why: string) => void = () => {};
  readonly unexpectedExit = new Promise<string>((resolve) => (this.reportExit = resolve));

  constructor(
    readonly chainId: string,
    readonly dir: string,
    testnetNodes: readonly TestnetNode[],
    private readonly options: LocalnetOptions & { removeDir: boolean },
  ) {
    const isRunning = (index: number): boolean => this.running.has(index);
    this.nodes = testnetNodes.map((n) => ({
      index: n.index,
      name: n.name,
      home: n.home,
      nodeId: n.nodeId,
      rpcUrl: `http://${n.ip}:${n.ports.rpc}`,
      restUrl: `http://${n.ip}:${n.ports.api}`,
      grpcAddress: `${n.ip}:${n.ports.grpc}`,
      abciAddress: `tcp://127.0.0.1:${n.ports.abci}`,
      p2pAddress: `tcp://${n.ip}:${n.ports.p2p}`,
      keyName: n.keyName,
      address: n.address,
      validatorAddress: n.validatorAddress,
      mnemonic: readKeySeed(n.home),
      get running() {
        return isRunning(n.index);
      },
      logs: { app: join(n.home, 'logs', 'app.log'), cometbft: join(n.home, 'logs', 'cometbft.log') },
    }));
  }

  private node(index: number): LocalnetNode {
    const node = this.nodes[index];
    if (node === undefined) throw new Error(`the localnet has nodes 0..${this.nodes.length - 1}, not ${index}`);
    return node;
  }

  /** Why waiting is pointless: a process of a running node exited. */
  private failure(): string | undefined {
    for (const [index, { app, comet }] of this.running) {
      for (const [child, what] of [[app, 'app'], [comet, 'cometbft']] as const) {
        if (!child.running) return `${this.nodes[index]!.name}'s ${what} exited (${describeExit(child.exitStatus!)}); its log ${child.logFile}:\n${child.logTail(20)}`;
      }
    }
    return undefined;
  }

  async startNode(index: number): Promise<void> {
    const node = this.node(index);
    if (this.running.has(index)) throw new Error(`${node.name} is already running`);
    const orphan = this.orphanApps.get(index);
    this.orphanApps.delete(index);
    const app = orphan?.running ? orphan : await this.startApp(node);
    appendFileSync(node.logs.cometbft, `\n--- start ${new Date().toISOString()} ---\n`);
    const comet = startProcess(cometbftBinary(), ['start', '--home', node.home], { logFile: node.logs.cometbft, group: this.group, detached: this.options.detached ?? false });
    const processes = { app, comet };
    this.running.set(index, processes);
    for (const child of [app, comet]) {
      void child.exited.then(() => {
        if (this.running.get(index) === processes) this.reportExit(this.failure() ?? `${node.name} stopped`);
      });
    }
    // The RPC opens after CometBFT's handshake with the app (which replays missing blocks).
    await waitFor(() => rpc(node.rpcUrl, '/status'), { what: `${node.name}'s RPC at ${node.rpcUrl} (log: ${node.logs.cometbft})`, timeoutMs: 60_000, failIf: () => this.failure() });
  }

  private startApp(node: LocalnetNode): Promise<ProcessHandle> {
    const config = loadAppConfig(node.home, node.rpcUrl);
    return startZoneApp({
      home: node.home,
      abciAddress: node.abciAddress,
      chainId: this.chainId,
      minGasPrices: config.minGasPrices,
      api: { address: config.api.address ?? node.restUrl.replace('http://', 'tcp://'), cometRpc: node.rpcUrl },
      ...(config.grpc.enable ? { grpc: { address: config.grpc.address ?? node.grpcAddress, cometRpc: node.rpcUrl } } : {}),
      logFile: node.logs.app,
      group: this.group,
      detached: this.options.detached ?? false,
      ...(this.options.invCheckPeriod ? { invCheckPeriod: this.options.invCheckPeriod } : {}),
      stateSync: config.stateSync,
      ...(this.options.appMainScript ? { mainScript: this.options.appMainScript } : {}),
      ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
    });
  }

  async killNode(index: number, part: NodePart): Promise<void> {
    const processes = this.running.get(index);
    if (processes === undefined) throw new Error(`${this.node(index).name} is not running`);
    this.running.delete(index);
    const { app, comet } = processes;
    if (part === 'cometbft') {
      await comet.kill();
      this.orphanApps.set(index, app);
      return;
    }
    if (part === 'both') {
      await Promise.all([app.kill(), comet.kill()]);
      return;
    }
    await app.kill();
    const gone = await Promise.race([comet.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000).unref())]);
    if (gone === null) await comet.kill();
  }

  pids(index: number): { app: number; cometbft: number } {
    const processes = this.running.get(index);
    if (processes === undefined) throw new Error(`${this.node(index).name} is not running`);
    return { app: processes.app.pid, cometbft: processes.comet.pid };
  }

  async stopNode(index: number): Promise<void> {
    const processes = this.running.get(index);
    if (processes === undefined) throw new Error(`${this.node(index).name} is not running`);
    this.running.delete(index);
    // CometBFT must not see its app vanish mid-block.
    await processes.comet.stop(15_000);
    await processes.app.stop(15_000);
  }

  async waitForHeight(height: number, options: { indexes?: readonly number[]; timeoutMs?: number } = {}): Promise<void> {
    const indexes = options.indexes ?? [...this.running.keys()];
    await Promise.all(
      indexes.map((index) => {
        const node = this.node(index);
        return waitFor(async () => (await latestHeight(node.rpcUrl)) >= height, {
          what: `height ${height} on ${node.name} (log: ${node.logs.cometbft})`,
          timeoutMs: options.timeoutMs ?? 60_000,
          failIf: () => this.failure(),
        });
      }),
    );
  }

  async height(index?: number): Promise<number> {
    const node = index === undefined ? this.nodes.find((n) => n.running) : this.node(index);
    if (node === undefined) throw new Error('no node of the localnet is running');
    return latestHeight(node.rpcUrl);
  }

  close(options: { keepDir?: boolean } = {}): Promise<void> {
    this.closing ??= (async () => {
      this.running.clear();
      this.orphanApps.clear();
      // Newest first: each CometBFT stops before the app it was started after.
      await this.group.stopAll(15_000);
      if (this.options.removeDir && !this.options.keepDir && !options.keepDir) rmSync(this.dir, { recursive: true, force: true });
    })();
    return this.closing;
  }
}

/** Makes (or opens) the network and starts every validator; resolves once each has committed a new block. */
export async function startLocalnet(options: LocalnetOptions = {}): Promise<Localnet> {
  const temporary = options.dir === undefined;
  const dir = temporary ? mkdtempSync(join(tmpdir(), 'zonekit-localnet-')) : resolve(options.dir!);
  let network: Network | undefined;
  try {
    let testnet;
    try {
      testnet = readTestnet(dir);
    } catch {
      testnet = await newTestnet(dir, options);
    }
    network = new Network(testnet.chainId, dir, testnet.nodes, { ...options, removeDir: temporary });
    const net = network;
    // Every start settles before a failure is reported, so none spawns a child after close.
    const started = await Promise.allSettled(net.nodes.map((node) => net.startNode(node.index)));
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    // A new block on every node, past what any had (a resumed chain starts where it stopped).
    const heights = await Promise.all(net.nodes.map((node) => net.height(node.index)));
    await net.waitForHeight(Math.max(...heights) + 1, { timeoutMs: options.timeoutMs ?? 60_000 });
    return net;
  } catch (err) {
    // Every process goes; the folder stays, since the error points into its logs.
    await network?.close({ keepDir: true });
    if (err instanceof Error && network) err.message += `\n(the localnet's folder, with every node's logs, is kept: ${dir})`;
    else if (temporary) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function newTestnet(dir: string, options: LocalnetOptions) {
  const testnet = await newTestnetFiles(dir, options);
  const { stateSync } = options;
  if (stateSync) {
    for (const node of testnet.nodes) {
      let toml = readFileSync(appTomlPath(node.home), 'utf8');
      toml = setTomlValue(toml, 'state-sync', 'snapshot-interval', stateSync.snapshotInterval);
      if (stateSync.snapshotKeepRecent !== undefined) toml = setTomlValue(toml, 'state-sync', 'snapshot-keep-recent', stateSync.snapshotKeepRecent);
      writeFileSync(appTomlPath(node.home), toml);
    }
  }
  return testnet;
}

async function newTestnetFiles(dir: string, options: LocalnetOptions) {
  const validators = options.validators ?? 4;
  let ports: ((i: number) => { p2p: number; rpc: number; abci: number; api: number; grpc: number }) | undefined;
  if (!options.defaultPorts) {
    const free = await freePorts(5 * validators);
    ports = (i) => {
      const [p2p, rpcPort, abci, api, grpc] = free.slice(5 * i, 5 * i + 5) as [number, number, number, number, number];
      return { p2p, rpc: rpcPort, abci, api, grpc };
    };
  }
  return initTestnetFiles({
    validators,
    outputDir: dir,
    chainId: options.chainId ?? 'localnet-1',
    prefix: theZone().app.bech32Prefix,
    timeoutCommit: options.timeoutCommit ?? '200ms',
    timeoutPropose: options.timeoutPropose ?? '1s',
    ...(options.minimumGasPrices !== undefined ? { minimumGasPrices: options.minimumGasPrices } : {}),
    ...(options.genesisMutator ? { genesisMutator: options.genesisMutator } : {}),
    ...(options.voteExtensionsEnableHeight !== undefined ? { voteExtensionsEnableHeight: options.voteExtensionsEnableHeight } : {}),
    ...(ports ? { ports } : {}),
  });
}
