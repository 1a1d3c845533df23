// `npm start`: a one-validator zone for development. Inits a chain in .devnet/ on first use
// (funded dev accounts in accounts.json), runs the app and CometBFT as child processes,
// prints where to reach them, and stops both, CometBFT first, on Ctrl-C. Running it again
// resumes the same chain; --reset starts a new one.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cometbftBinary, latestHeight, projectRoot } from './lib/cometbft.js';
import { ProcessGroup, startProcess, waitFor, type ProcessHandle } from './lib/processes.js';
import { describeExit, startZoneApp } from './lib/zone-process.js';
import { accountsFile, initDevnetHome, isDevnetHome, readDevAccounts, setDevnetPorts, type DevAccount, type DevnetPorts } from './devnet/init.js';
import { assertPortsFree, livePids } from './devnet/ports.js';

const CHAIN_ID = 'zonekit-devnet';
const MIN_GAS_PRICES = '0.01uatom';
const USAGE = `usage: npm start -- [options]    (or: node dist/scripts/devnet.js [options])

  --reset             wipe the devnet folder and start a new chain
  --home <dir>        devnet folder (default: .devnet in the project root)
  --rpc-port <port>   CometBFT RPC (default 26657)
  --p2p-port <port>   CometBFT P2P (default 26656)
  --abci-port <port>  the app's ABCI socket (default 26658)
  --api-port <port>   the REST API (default 1317)
  --grpc-port <port>  the gRPC server (default 9090)
  --timeout-commit <duration>  CometBFT timeout_commit for a new chain (default 1s)`;

class UsageError extends Error {}

function parseFlags() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        reset: { type: 'boolean', default: false },
        home: { type: 'string', default: join(projectRoot(), '.devnet') },
        'rpc-port': { type: 'string', default: '26657' },
        'p2p-port': { type: 'string', default: '26656' },
        'abci-port': { type: 'string', default: '26658' },
        'api-port': { type: 'string', default: '1317' },
        'grpc-port': { type: 'string', default: '9090' },
        'timeout-commit': { type: 'string', default: '1s' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const port = (flag: 'rpc-port' | 'p2p-port' | 'abci-port' | 'api-port' | 'grpc-port'): number => {
    const n = Number(values[flag]);
    if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UsageError(`--${flag} must be a port number, got ${values[flag]}`);
    return n;
  };
  const ports: DevnetPorts = { rpc: port('rpc-port'), p2p: port('p2p-port'), abci: port('abci-port'), api: port('api-port'), grpc: port('grpc-port') };
  return { help: values.help, reset: values.reset, home: resolve(values.home), ports, timeoutCommit: values['timeout-commit'] };
}

// Installed first, so a Ctrl-C during start-up still stops whatever has started.
let stopRequested: NodeJS.Signals | undefined;
const stopSignal = new Promise<NodeJS.Signals>((resolveSignal) => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopRequested !== undefined) return;
      stopRequested = signal;
      resolveSignal(signal);
    });
  }
});
const interrupted = (): string | undefined => (stopRequested ? `interrupted by ${stopRequested}` : undefined);

function banner(home: string, ports: DevnetPorts, height: number, accounts: DevAccount[]): string {
  const rpcUrl = `http://127.0.0.1:${ports.rpc}`;
  const file = accountsFile(home);
  const width = Math.max(...accounts.map((a) => a.name.length));
  const [from, to] = accounts as [DevAccount, DevAccount];
  const example =
    `node -e "const {DirectSecp256k1HdWallet}=require('@cosmjs/proto-signing');const {SigningStargateClient,GasPrice}=require('@cosmjs/stargate');` +
    `const [a,b]=require('${file}');DirectSecp256k1HdWallet.fromMnemonic(a.mnemonic)` +
    `.then(w=>SigningStargateClient.connectWithSigner('${rpcUrl}',w,{gasPrice:GasPrice.fromString('0.025uatom')}))` +
    `.then(c=>c.sendTokens(a.address,b.address,[{denom:'uatom',amount:'1000000'}],'auto'))` +
    `.then(r=>{console.log('code',r.code,'height',r.height,'tx',r.transactionHash);process.exit(r.code)})"`;
  return [
    `zonekit devnet is running: chain ${CHAIN_ID}, height ${height}`,
    '',
    `  CometBFT RPC    ${rpcUrl}`,
    `  REST API        http://127.0.0.1:${ports.api}  (e.g. /cosmos/bank/v1beta1/balances/${from.address})`,
    `  OpenAPI         http://127.0.0.1:${ports.api}/swagger/`,
    `  gRPC            127.0.0.1:${ports.grpc}  (every query, the tx and tendermint services; Hermes: grpc_addr = "http://127.0.0.1:${ports.grpc}")`,
    `  ABCI (the app)  tcp://127.0.0.1:${ports.abci}`,
    `  P2P             tcp://127.0.0.1:${ports.p2p}`,
    `  chain id        ${CHAIN_ID}`,
    `  min gas price   ${MIN_GAS_PRICES}`,
    `  home            ${home}`,
    `  logs            ${join(home, 'logs', 'app.log')}, ${join(home, 'logs', 'cometbft.log')}`,
    `  accounts        ${file} (mnemonics: for this devnet only)`,
    ...accounts.map((a) => `    ${a.name.padEnd(width)}  ${a.address}`),
    '',
    `Send 1 ATOM from ${from.name} to ${to.name} with cosmjs (run it in ${projectRoot()}):`,
    `  ${example}`,
    '',
    'Ctrl-C stops the chain; npm start resumes it; npm start -- --reset starts a new one.',
  ].join('\n');
}

async function run(): Promise<number> {
  const flags = parseFlags();
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  const { home, ports } = flags;
  const pidsFile = join(home, 'pids.json');
  if (existsSync(pidsFile)) {
    const recorded = JSON.parse(readFileSync(pidsFile, 'utf8')) as Record<string, number>;
    const live = livePids(Object.values(recorded));
    if (live.length > 0) {
      throw new Error(`a devnet is already running from ${home} (pids ${live.join(', ')}); stop it first (Ctrl-C in its terminal, or kill ${live.join(' ')})`);
    }
  }
  if (flags.reset) rmSync(home, { recursive: true, force: true });

  if (isDevnetHome(home)) {
    console.log(`resuming the devnet in ${home}`);
  } else {
    if (existsSync(home) && readdirSync(home).length > 0) {
      throw new Error(`${home} exists but is not a devnet (it has no accounts.json); move it away, or start over with --reset`);
    }
    rmSync(home, { recursive: true, force: true });
    console.log(`initializing a new devnet in ${home}`);
    await initDevnetHome(home, { chainId: CHAIN_ID, timeoutCommit: flags.timeoutCommit });
  }
  await assertPortsFree(ports, '\n(another CometBFT node or devnet may be running)');
  setDevnetPorts(home, ports);
  const logs = join(home, 'logs');
  mkdirSync(logs, { recursive: true });

  const group = new ProcessGroup();
  const stopAll = async (): Promise<void> => {
    // CometBFT first: it must not see its app vanish mid-block.
    for (const child of group.live) await child.stop(15_000);
    rmSync(pidsFile, { force: true });
  };
  try {
    // Children run detached, in their own process groups: a Ctrl-C reaches only this script,
    // which then stops them in order.
    const app = await startZoneApp({
      home,
      abciAddress: `tcp://127.0.0.1:${ports.abci}`,
      chainId: CHAIN_ID,
      minGasPrices: MIN_GAS_PRICES,
      api: { address: `tcp://127.0.0.1:${ports.api}`, cometRpc: `http://127.0.0.1:${ports.rpc}` },
      grpc: { address: `127.0.0.1:${ports.grpc}`, cometRpc: `http://127.0.0.1:${ports.rpc}` },
      logFile: join(logs, 'app.log'),
      group,
      detached: true,
      failIf: interrupted,
    });
    const cometLog = join(logs, 'cometbft.log');
    appendFileSync(cometLog, `\n--- start ${new Date().toISOString()} ---\n`);
    const comet = startProcess(cometbftBinary(), ['start', '--home', home], { logFile: cometLog, group, detached: true });
    const rpcUrl = `http://127.0.0.1:${ports.rpc}`;
    const alive = (): string | undefined =>
      interrupted() ??
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
    writeFileSync(pidsFile, JSON.stringify({ devnet: process.pid, app: app.pid, cometbft: comet.pid }) + '\n');
    console.log(`\n${banner(home, ports, height, readDevAccounts(home))}\n`);

    const died = (child: ProcessHandle, name: string) => child.exited.then((status) => ({ child, name, status }));
    const outcome = await Promise.race([stopSignal, died(app, 'the app'), died(comet, 'CometBFT')]);
    if (typeof outcome === 'string') {
      console.log(`\n${outcome}: stopping CometBFT, then the app`);
      await stopAll();
      console.log('devnet stopped; npm start resumes it');
      return 0;
    }
    console.error(`\n${outcome.name} exited unexpectedly (${describeExit(outcome.status)}); its log: ${outcome.child.logFile}\n${outcome.child.logTail(20)}`);
    await stopAll();
    return 1;
  } catch (err) {
    await stopAll();
    if (stopRequested !== undefined) {
      console.log(`\nstopped by ${stopRequested} during start-up`);
      return 0;
    }
    throw err;
  }
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
    else console.error(`devnet: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
