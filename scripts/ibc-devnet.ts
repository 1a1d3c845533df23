// `npm run ibc:devnet`: the zonekit devnet and an ibc-go simd chain linked by the Go relayer
// with an ICS-20 channel, for trying IBC by hand. Prints the channel on each side and a
// transfer command for each direction, relays (`rly start`) until Ctrl-C, then stops the
// relayer, simd and the zone. Every run starts new chains: a client, connection and channel
// only make sense together with the chains they were made on.
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './lib/cometbft.js';
import { Relayer, type LinkedPath } from './lib/relayer.js';
import { simdBinary, startSimdChain, type SimdChain, type SimdPorts } from './lib/simd.js';
import { describeExit } from './lib/zone-process.js';
import type { DevAccount, DevnetPorts } from './devnet/init.js';
import { isFree } from './devnet/ports.js';
import { startDevnet, watchStopSignals, type RunningDevnet } from './devnet/start.js';

const SIMD_CHAIN_ID = 'simd-devnet-1';
const PATH = 'zonekit-simd';
/** Dev account names (see scripts/devnet/init.ts): erin relays, funded on both chains. */
const RELAYER = 'erin';
const USAGE = `usage: npm run ibc:devnet -- [options]    (or: node dist/scripts/ibc-devnet.js [options])

Starts new chains on every run, in the folder given by --home (default .ibc-devnet in the
project root): zonekit/ (the zone's devnet), simd/ (ibc-go's simd), rly/ (the relayer).

  --home <dir>              the folder (wiped at start)
  --rpc-port <port>         zonekit's CometBFT RPC (default 26657)
  --p2p-port <port>         zonekit's CometBFT P2P (default 26656)
  --abci-port <port>        zonekit's ABCI socket (default 26658)
  --api-port <port>         zonekit's REST API (default 1317)
  --grpc-port <port>        zonekit's gRPC server (default 9090)
  --simd-rpc-port <port>    simd's CometBFT RPC (default 27657)
  --simd-p2p-port <port>    simd's CometBFT P2P (default 27656)
  --simd-grpc-port <port>   simd's gRPC server (default 9190)
  --timeout-commit <duration>  CometBFT timeout_commit on both chains (default 1s)`;

class UsageError extends Error {}

// Installed first, so a Ctrl-C during start-up still stops whatever has started.
const stop = watchStopSignals();

function parseFlags() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        home: { type: 'string', default: join(projectRoot(), '.ibc-devnet') },
        'timeout-commit': { type: 'string', default: '1s' },
        help: { type: 'boolean', short: 'h', default: false },
        'rpc-port': { type: 'string', default: '26657' },
        'p2p-port': { type: 'string', default: '26656' },
        'abci-port': { type: 'string', default: '26658' },
        'api-port': { type: 'string', default: '1317' },
        'grpc-port': { type: 'string', default: '9090' },
        'simd-rpc-port': { type: 'string', default: '27657' },
        'simd-p2p-port': { type: 'string', default: '27656' },
        'simd-grpc-port': { type: 'string', default: '9190' },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const port = (flag: `${'' | 'simd-'}${'rpc' | 'p2p' | 'grpc'}-port` | 'abci-port' | 'api-port'): number => {
    const n = Number(values[flag]);
    if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UsageError(`--${flag} must be a port number, got ${values[flag]}`);
    return n;
  };
  const zonekit: DevnetPorts = { rpc: port('rpc-port'), p2p: port('p2p-port'), abci: port('abci-port'), api: port('api-port'), grpc: port('grpc-port') };
  const simd: Omit<SimdPorts, 'abci'> = { rpc: port('simd-rpc-port'), p2p: port('simd-p2p-port'), grpc: port('simd-grpc-port') };
  return { help: values.help, home: resolve(values.home), timeoutCommit: values['timeout-commit'], ports: { zonekit, simd } };
}

async function assertSimdPortsFree(ports: Omit<SimdPorts, 'abci'>): Promise<void> {
  const named: Array<[number, string]> = [[ports.rpc, '--simd-rpc-port'], [ports.p2p, '--simd-p2p-port'], [ports.grpc, '--simd-grpc-port']];
  const busy: string[] = [];
  for (const [port, flag] of named) if (!(await isFree(port, '127.0.0.1'))) busy.push(`  port ${port} is already in use; choose another with ${flag} <port>`);
  if (busy.length > 0) throw new Error(`cannot start simd:\n${busy.join('\n')}`);
}

function banner(devnet: RunningDevnet, simd: SimdChain, path: LinkedPath, relayer: Relayer, relayerLog: string): string {
  const root = projectRoot();
  const [alice, bob] = devnet.accounts as [DevAccount, DevAccount];
  const rel = (p: string): string => relative(root, p) || '.';
  const zonekit = `node ${rel(join(root, 'dist', 'cli', 'main.js'))}`;
  const simdCli = `HOME=${simd.home} ${rel(simdBinary())}`;
  const zoneEnd = path.src;
  const simdEnd = path.dst;
  return [
    `IBC devnet is running: ${devnet.chainId} <-> ${simd.chainId}, relayed by rly (path ${PATH})`,
    '',
    `  ${devnet.chainId.padEnd(16)} RPC ${devnet.rpcUrl}   transfer channel ${zoneEnd.channelId}  (${zoneEnd.clientId}, ${zoneEnd.connectionId})   home ${devnet.home}`,
    `  ${simd.chainId.padEnd(16)} RPC ${simd.rpcUrl}   transfer channel ${simdEnd.channelId}  (${simdEnd.clientId}, ${simdEnd.connectionId})   home ${simd.home}`,
    `  relayer          ${relayer.home} (key ${RELAYER} on both chains), log ${relayerLog}`,
    `  accounts         the same dev accounts on both chains (${devnet.home}/accounts.json): alice ${alice.address}, bob ${bob.address}, ...`,
    '',
    `Send 1 ATOM from alice on ${devnet.chainId} to bob on ${simd.chainId} (run it in ${root}):`,
    `  ${zonekit} tx ibc-transfer transfer transfer ${zoneEnd.channelId} ${bob.address} 1000000uatom --from alice --home ${devnet.home} --keyring-backend test --chain-id ${devnet.chainId} --node ${devnet.rpcUrl} --gas auto --gas-prices ${devnet.minGasPrices} -y`,
    `  then: ${simdCli} q bank balances ${bob.address} --node ${simd.rpcUrl}   (an ibc/... denom)`,
    '',
    `Send 1000stake from bob on ${simd.chainId} to alice on ${devnet.chainId}:`,
    `  ${simdCli} tx ibc-transfer transfer transfer ${simdEnd.channelId} ${alice.address} 1000stake --from bob --home ${simd.home} --keyring-backend test --chain-id ${simd.chainId} --node ${simd.rpcUrl} --gas 200000 --gas-prices ${simd.minGasPrices} -y`,
    `  then: ${zonekit} query bank balances ${alice.address} --node ${devnet.rpcUrl}`,
    '',
    'Ctrl-C stops the relayer and both chains; the next run starts new ones.',
  ].join('\n');
}

async function run(): Promise<number> {
  const flags = parseFlags();
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  simdBinary();
  await assertSimdPortsFree(flags.ports.simd);
  rmSync(flags.home, { recursive: true, force: true });
  mkdirSync(flags.home, { recursive: true });

  // Stopped in reverse: the relayer, then simd, then the zone (CometBFT before its app).
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    for (const stopOne of stops.reverse()) await stopOne();
  };
  try {
    const devnet = await startDevnet({
      home: join(flags.home, 'zonekit'),
      ports: flags.ports.zonekit,
      reset: true,
      timeoutCommit: flags.timeoutCommit,
      failIf: stop.interrupted,
      log: console.log,
    });
    stops.push(devnet.stop);
    console.log(`${devnet.chainId} is up at ${devnet.rpcUrl}; starting ${SIMD_CHAIN_ID}`);
    const simd = await startSimdChain({
      home: join(flags.home, 'simd'),
      chainId: SIMD_CHAIN_ID,
      accounts: devnet.accounts.map((a) => ({ name: a.name, mnemonic: a.mnemonic, coins: '100000000000stake' })),
      timeoutCommit: flags.timeoutCommit,
      ports: flags.ports.simd,
      detached: true,
      failIf: stop.interrupted,
    });
    stops.push(simd.stop);

    const relayer = await Relayer.init(join(flags.home, 'rly'));
    stops.push(() => relayer.stop());
    const relayerKey = devnet.accounts.find((a) => a.name === RELAYER)!;
    await relayer.addChain({ chainId: devnet.chainId, rpcUrl: devnet.rpcUrl, mnemonic: relayerKey.mnemonic, gasPrices: devnet.minGasPrices });
    await relayer.addChain({ chainId: simd.chainId, rpcUrl: simd.rpcUrl, mnemonic: relayerKey.mnemonic, gasPrices: simd.minGasPrices });
    await relayer.newPath(PATH, devnet.chainId, simd.chainId);
    console.log(`${simd.chainId} is up at ${simd.rpcUrl}; linking them (clients, connection, transfer channel: about 20 s)`);
    const path = await relayer.link(PATH);
    const rly = relayer.start(PATH, { detached: true });
    console.log(`\n${banner(devnet, simd, path, relayer, rly.logFile)}\n`);

    const watched = [[devnet.app, 'the zone app'], [devnet.comet, "the zone's CometBFT"], [simd.process, 'simd'], [rly, 'rly']] as const;
    const outcome = await Promise.race([stop.signal, ...watched.map(([child, name]) => child.exited.then((status) => ({ child, name, status })))]);
    if (typeof outcome === 'string') {
      console.log(`\n${outcome}: stopping the relayer, simd and the zone`);
      await stopAll();
      console.log('IBC devnet stopped');
      return 0;
    }
    console.error(`\n${outcome.name} exited unexpectedly (${describeExit(outcome.status)}); its log: ${outcome.child.logFile}\n${outcome.child.logTail(20)}`);
    await stopAll();
    return 1;
  } catch (err) {
    await stopAll();
    if (stop.requested() !== undefined) {
      console.log(`\nstopped by ${stop.requested()} during start-up`);
      return 0;
    }
    throw err;
  }
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
    else console.error(`ibc-devnet: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
