// `npm start`: a one-validator zone for development. Inits a chain in .devnet/ on first use
// (funded dev accounts in accounts.json), runs the app and CometBFT as child processes,
// prints where to reach them, and stops both, CometBFT first, on Ctrl-C. Running it again
// resumes the same chain; --reset starts a new one.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './lib/cometbft.js';
import { describeExit } from './lib/zone-process.js';
import { accountsFile, type DevAccount, type DevnetPorts } from './devnet/init.js';
import { DEVNET_CHAIN_ID, DEVNET_MIN_GAS_PRICES, startDevnet, watchStopSignals, type RunningDevnet } from './devnet/start.js';

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
const stop = watchStopSignals();

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
    `zonekit devnet is running: chain ${DEVNET_CHAIN_ID}, height ${height}`,
    '',
    `  CometBFT RPC    ${rpcUrl}`,
    `  REST API        http://127.0.0.1:${ports.api}  (e.g. /cosmos/bank/v1beta1/balances/${from.address})`,
    `  OpenAPI         http://127.0.0.1:${ports.api}/swagger/`,
    `  gRPC            127.0.0.1:${ports.grpc}  (every query, the tx and tendermint services; Hermes: grpc_addr = "http://127.0.0.1:${ports.grpc}")`,
    `  ABCI (the app)  tcp://127.0.0.1:${ports.abci}`,
    `  P2P             tcp://127.0.0.1:${ports.p2p}`,
    `  chain id        ${DEVNET_CHAIN_ID}`,
    `  min gas price   ${DEVNET_MIN_GAS_PRICES}`,
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
  let devnet: RunningDevnet;
  try {
    devnet = await startDevnet({ home: flags.home, ports: flags.ports, reset: flags.reset, timeoutCommit: flags.timeoutCommit, failIf: stop.interrupted, log: console.log });
  } catch (err) {
    if (stop.requested() !== undefined) {
      console.log(`\nstopped by ${stop.requested()} during start-up`);
      return 0;
    }
    throw err;
  }
  console.log(`\n${banner(devnet.home, devnet.ports, devnet.height, devnet.accounts)}\n`);

  const outcome = await Promise.race([stop.signal, devnet.exited]);
  if (typeof outcome === 'string') {
    console.log(`\n${outcome}: stopping CometBFT, then the app`);
    await devnet.stop();
    console.log('devnet stopped; npm start resumes it');
    return 0;
  }
  console.error(`\n${outcome.name} exited unexpectedly (${describeExit(outcome.status)}); its log: ${outcome.child.logFile}\n${outcome.child.logTail(20)}`);
  await devnet.stop();
  return 1;
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
    else console.error(`devnet: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
