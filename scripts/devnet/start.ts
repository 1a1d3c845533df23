// Starts the devnet's one validator (the zone's app, then CometBFT) from its home, making a new
// chain there first when there is none: what `npm start` runs, and the zonekit side of the
// IBC devnet.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appHeight, cometbftBinary, latestHeight } from '../lib/cometbft.js';
import { ProcessGroup, startProcess, waitFor, type ExitStatus, type ProcessHandle } from '../lib/processes.js';
import { describeExit, startZoneApp } from '../lib/zone-process.js';
import { initDevnetHome, isDevnetHome, readDevAccounts, setDevnetPorts, type DevAccount, type DevnetPorts } from './init.js';
import { assertPortsFree, livePids } from './ports.js';

export const DEVNET_CHAIN_ID = 'zonekit-devnet';
export const DEVNET_MIN_GAS_PRICES = '0.01uatom';

export interface DevnetStartOptions {
  home: string;
  ports: DevnetPorts;
  /** A new chain's id (default `zonekit-devnet`); a resumed chain keeps the one in its genesis. */
  chainId?: string;
  /** Wipe the home and start a new chain. */
  reset: boolean;
  /** CometBFT timeout_commit for a new chain. */
  timeoutCommit: string;
  /** Checked while waiting for the chain; a returned reason (e.g. a Ctrl-C) aborts the start. */
  failIf?: () => string | undefined;
  /** Progress lines ("initializing a new devnet in ..."). */
  log?: (line: string) => void;
}

export interface RunningDevnet {
  home: string;
  ports: DevnetPorts;
  chainId: string;
  minGasPrices: string;
  rpcUrl: string;
  /** The first new block's height after the start. */
  height: number;
  accounts: DevAccount[];
  app: ProcessHandle;
  comet: ProcessHandle;
  /** Resolves when the app or CometBFT exits (unasked, unless stop() was called). */
  exited: Promise<{ child: ProcessHandle; name: string; status: ExitStatus }>;
  /** CometBFT first, then the app; removes the pids file. */
  stop(): Promise<void>;
}

/**
 * Starts the devnet in `home` and resolves once it has committed a new block; records the PIDs
 * (this process's too) in pids.json so a second start refuses while it runs. Whatever it started
 * is stopped again when starting fails.
 */
export async function startDevnet(options: DevnetStartOptions): Promise<RunningDevnet> {
  const { home, ports } = options;
  const log = options.log ?? (() => {});
  const pidsFile = join(home, 'pids.json');
  if (existsSync(pidsFile)) {
    const recorded = JSON.parse(readFileSync(pidsFile, 'utf8')) as Record<string, number>;
    const live = livePids(Object.values(recorded));
    if (live.length > 0) {
      throw new Error(`a devnet is already running from ${home} (pids ${live.join(', ')}); stop it first (Ctrl-C in its terminal, or kill ${live.join(' ')})`);
    }
  }
  if (options.reset) rmSync(home, { recursive: true, force: true });

  let chainId = options.chainId ?? DEVNET_CHAIN_ID;
  if (isDevnetHome(home)) {
    log(`resuming the devnet in ${home}`);
    chainId = (JSON.parse(readFileSync(join(home, 'config', 'genesis.json'), 'utf8')) as { chain_id: string }).chain_id;
  } else {
    if (existsSync(home) && readdirSync(home).length > 0) {
      throw new Error(`${home} exists but is not a devnet (it has no accounts.json); move it away, or start over with --reset`);
    }
    rmSync(home, { recursive: true, force: true });
    log(`initializing a new devnet in ${home}`);
    await initDevnetHome(home, { chainId, timeoutCommit: options.timeoutCommit });
  }
  await assertPortsFree(ports, '\n(another CometBFT node or devnet may be running)');
  setDevnetPorts(home, ports);
  const logs = join(home, 'logs');
  mkdirSync(logs, { recursive: true });

  const group = new ProcessGroup();
  const stop = async (): Promise<void> => {
    // Newest first, so CometBFT stops before its app: it must not see the app vanish mid-block.
    for (const child of group.live) await child.stop(15_000);
    rmSync(pidsFile, { force: true });
  };
  try {
    // Children run detached, in their own process groups: a Ctrl-C reaches only this script,
    // which then stops them in order.
    const app = await startZoneApp({
      home,
      abciAddress: `tcp://127.0.0.1:${ports.abci}`,
      chainId,
      minGasPrices: DEVNET_MIN_GAS_PRICES,
      api: { address: `tcp://127.0.0.1:${ports.api}`, cometRpc: `http://127.0.0.1:${ports.rpc}` },
      grpc: { address: `127.0.0.1:${ports.grpc}`, cometRpc: `http://127.0.0.1:${ports.rpc}` },
      logFile: join(logs, 'app.log'),
      group,
      detached: true,
      ...(options.failIf ? { failIf: options.failIf } : {}),
    });
    const cometLog = join(logs, 'cometbft.log');
    appendFileSync(cometLog, `\n--- start ${new Date().toISOString()} ---\n`);
    const comet = startProcess(cometbftBinary(), ['start', '--home', home], { logFile: cometLog, group, detached: true });
    const rpcUrl = `http://127.0.0.1:${ports.rpc}`;
    const alive = (): string | undefined =>
      options.failIf?.() ??
      [app, comet].map((c) => (c.running ? undefined : `${c.command} exited (${describeExit(c.exitStatus!)}):\n${c.logTail(20)}`)).find(Boolean);
    // The RPC opens after CometBFT's handshake, which replays any blocks the app is missing.
    const atStart = await waitFor(() => latestHeight(rpcUrl).then((height) => ({ height })), {
      what: `CometBFT's RPC at ${rpcUrl} (log: ${comet.logFile})`,
      timeoutMs: 120_000,
      failIf: alive,
    });
    const height = await waitFor(
      async () => {
        const latest = await latestHeight(rpcUrl);
        return latest > atStart.height ? latest : 0;
      },
      { what: `a new block (log: ${comet.logFile})`, timeoutMs: 60_000, failIf: alive },
    );
    // Ready means queryable: the app has committed that block too.
    await waitFor(async () => (await appHeight(rpcUrl)) >= height || undefined, { what: `the app to commit block ${height} (log: ${app.logFile})`, timeoutMs: 30_000, failIf: alive });
    writeFileSync(pidsFile, JSON.stringify({ devnet: process.pid, app: app.pid, cometbft: comet.pid }) + '\n');
    const died = (child: ProcessHandle, name: string) => child.exited.then((status) => ({ child, name, status }));
    return {
      home,
      ports,
      chainId,
      minGasPrices: DEVNET_MIN_GAS_PRICES,
      rpcUrl,
      height,
      accounts: readDevAccounts(home),
      app,
      comet,
      exited: Promise.race([died(app, 'the app'), died(comet, 'CometBFT')]),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

export interface StopSignals {
  /** Resolves with the first SIGINT, SIGTERM or SIGHUP. */
  signal: Promise<NodeJS.Signals>;
  /** The signal received, if any. */
  requested(): NodeJS.Signals | undefined;
  /** For `failIf`: "interrupted by SIGINT" once a signal came. */
  interrupted(): string | undefined;
}

/** Ctrl-C and friends as a value, so a script stops its children itself, in order. */
export function watchStopSignals(): StopSignals {
  let received: NodeJS.Signals | undefined;
  const signal = new Promise<NodeJS.Signals>((resolveSignal) => {
    for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(name, () => {
        if (received !== undefined) return;
        received = name;
        resolveSignal(name);
      });
    }
  });
  return { signal, requested: () => received, interrupted: () => (received ? `interrupted by ${received}` : undefined) };
}
