// The default zone's ABCI app (dist/zone/main.js) as its own process, the way a validator
// runs it beside CometBFT: the devnet, the crash test and the benchmark all start it here.
import { appendFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from './cometbft.js';
import { startProcess, waitFor, type ExitStatus, type ProcessGroup, type ProcessHandle } from './processes.js';

export interface ZoneAppOptions {
  home: string;
  /** tcp://127.0.0.1:<port>, where CometBFT's proxy_app points. */
  abciAddress: string;
  chainId: string;
  minGasPrices?: string;
  /** Serve the REST API here (tcp://127.0.0.1:1317), forwarding to the CometBFT RPC at `cometRpc`. */
  api?: { address: string; cometRpc: string };
  /** Serve gRPC here (127.0.0.1:9090), its tx and tendermint services calling the CometBFT RPC at `cometRpc`. */
  grpc?: { address: string; cometRpc: string };
  logFile: string;
  group?: ProcessGroup;
  detached?: boolean;
  /** Check invariants after every Nth block (tests use 1); a broken one halts the app. */
  invCheckPeriod?: number;
  /** app.toml's [state-sync] (the localnet reads it from each home). */
  stateSync?: { snapshotInterval: number; snapshotKeepRecent: number };
  /** The app's entry script (default dist/zone/main.js, the default zone); tests run zones with extra modules. */
  mainScript?: string;
  /** Flags for node itself, e.g. --cpu-prof. */
  nodeArgs?: readonly string[];
  /** Checked while waiting; a returned reason aborts the start. */
  failIf?: () => string | undefined;
  timeoutMs?: number;
}

export function describeExit({ code, signal }: ExitStatus): string {
  return signal !== null ? `killed by ${signal}` : `exit code ${code}`;
}

/** Starts the app and resolves once it listens for CometBFT (its "ABCI listening" line, after a start marker in the log). */
export async function startZoneApp(options: ZoneAppOptions): Promise<ProcessHandle> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  appendFileSync(options.logFile, `\n--- start ${new Date().toISOString()} ---\n`);
  const offset = statSync(options.logFile).size;
  const args = [
    ...(options.nodeArgs ?? []),
    options.mainScript ?? join(projectRoot(), 'dist', 'zone', 'main.js'),
    '--home', options.home,
    '--abci', options.abciAddress,
    '--chain-id', options.chainId,
    '--minimum-gas-prices', options.minGasPrices ?? '',
    ...(options.api ? ['--api-enable', '--api-address', options.api.address, '--rpc-laddr', options.api.cometRpc] : []),
    ...(options.grpc ? ['--grpc-enable', '--grpc-address', options.grpc.address, ...(options.api ? [] : ['--rpc-laddr', options.grpc.cometRpc])] : []),
    ...(options.invCheckPeriod ? ['--inv-check-period', String(options.invCheckPeriod)] : []),
    ...(options.stateSync
      ? ['--state-sync.snapshot-interval', String(options.stateSync.snapshotInterval), '--state-sync.snapshot-keep-recent', String(options.stateSync.snapshotKeepRecent)]
      : []),
  ];
  const child = startProcess(process.execPath, args, { logFile: options.logFile, group: options.group, detached: options.detached ?? false });
  await waitFor(() => readFileSync(options.logFile).subarray(offset).includes('ABCI listening on'), {
    what: `the app to listen on ${options.abciAddress} (log: ${options.logFile})`,
    timeoutMs: options.timeoutMs ?? 60_000,
    failIf: () => options.failIf?.() ?? (child.running ? undefined : `the app exited (${describeExit(child.exitStatus!)}):\n${child.logTail(20)}`),
  });
  return child;
}
