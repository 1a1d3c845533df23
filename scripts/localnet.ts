// `npm run localnet`: every validator of a `zonekit testnet init-files` folder on this
// machine (one app and one CometBFT each), its endpoints printed, all stopped, each CometBFT
// before its app, on Ctrl-C. A folder without a testnet gets a new one (4 validators on
// `zonekit testnet`'s default ports); running it again resumes the same chain.
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { theZone, useApp } from '../cli/context.js';
import { zoneFactory } from '../zone/zone.js';
import { defaultNodePorts, initTestnetFiles, manifestPath, readTestnet } from '../cli/testnet.js';
import { projectRoot } from './lib/cometbft.js';
import { startLocalnet, type Localnet } from './lib/localnet.js';
import { assertLocalnetPortsFree } from './lib/localnet-ports.js';

// The localnet's nodes run the default zone; the CLI library it calls builds their genesis from it.
useApp(zoneFactory);

const USAGE = `usage: npm run localnet -- [options]    (or: node dist/scripts/localnet.js [options])

  --dir <dir>                  a testnet folder (zonekit testnet init-files --output-dir <dir>);
                               default .localnet in the project root, made on first use
  --validators <n>             validators of a new testnet (default 4)
  --chain-id <id>              chain id of a new testnet (default localnet-1)
  --timeout-commit <duration>  CometBFT timeout_commit of a new testnet (default 1s)
  --reset                      wipe the folder and start a new chain`;

class UsageError extends Error {}

function parseFlags() {
  try {
    const { values } = parseArgs({
      options: {
        dir: { type: 'string', default: join(projectRoot(), '.localnet') },
        validators: { type: 'string', default: '4' },
        'chain-id': { type: 'string', default: 'localnet-1' },
        'timeout-commit': { type: 'string', default: '1s' },
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const validators = Number(values.validators);
    if (!Number.isInteger(validators) || validators < 1 || validators > 100) throw new UsageError(`--validators must be a whole number from 1 to 100, got ${values.validators}`);
    return { dir: resolve(values.dir), validators, chainId: values['chain-id'], timeoutCommit: values['timeout-commit'], reset: values.reset, help: values.help };
  } catch (err) {
    throw err instanceof UsageError ? err : new UsageError(err instanceof Error ? err.message : String(err));
  }
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

function banner(net: Localnet, height: number): string {
  const n0 = net.nodes[0]!;
  const node = n0.rpcUrl.replace('http://', 'tcp://');
  const rows = net.nodes.map((n) => [
    `  ${n.name}  validator ${n.validatorAddress} (key ${n.keyName}, account ${n.address})`,
    `         RPC ${n.rpcUrl}   REST ${n.restUrl}   gRPC ${n.grpcAddress}   P2P ${n.p2pAddress}   ABCI ${n.abciAddress}`,
    `         home ${n.home}   logs ${join(n.home, 'logs')}`,
  ]);
  return [
    `zonekit localnet is running: chain ${net.chainId}, ${net.nodes.length} validators, height ${height}`,
    '',
    ...rows.flat(),
    '',
    'Try it (each validator key is in its home\'s test keyring):',
    `  node dist/cli/main.js query bank balances ${n0.address} --node ${node}`,
    `  node dist/cli/main.js tx bank send ${n0.keyName} ${net.nodes.at(-1)!.address} 1000uatom --home ${n0.home} --keyring-backend test --chain-id ${net.chainId} --node ${node} -y`,
    `  curl ${n0.rpcUrl}/validators`,
    '',
    'Ctrl-C stops every node; npm run localnet resumes the chain; --reset starts a new one.',
  ].join('\n');
}

async function run(): Promise<number> {
  const flags = parseFlags();
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  if (flags.reset) rmSync(flags.dir, { recursive: true, force: true });
  if (existsSync(manifestPath(flags.dir))) {
    console.log(`resuming the localnet in ${flags.dir}`);
  } else {
    console.log(`initializing a ${flags.validators}-validator localnet in ${flags.dir}`);
    await initTestnetFiles({
      validators: flags.validators,
      outputDir: flags.dir,
      chainId: flags.chainId,
      prefix: theZone().app.bech32Prefix,
      ports: defaultNodePorts,
      timeoutCommit: flags.timeoutCommit,
    });
  }
  await assertLocalnetPortsFree(readTestnet(flags.dir).nodes, '(another localnet, devnet or CometBFT node may be running; stop it first)');

  const starting = startLocalnet({ dir: flags.dir, detached: true, keepDir: true });
  const first = await Promise.race([starting, stopSignal]);
  if (typeof first === 'string') {
    console.log(`\n${first} during start-up: stopping`);
    await starting.then((net) => net.close(), () => undefined);
    return 0;
  }
  const net = first;
  console.log(`\n${banner(net, await net.height())}\n`);
  const outcome = await Promise.race([stopSignal.then((signal) => ({ signal })), net.unexpectedExit.then((why) => ({ why }))]);
  if ('signal' in outcome) {
    console.log(`\n${outcome.signal}: stopping every CometBFT, then its app`);
    await net.close();
    console.log('localnet stopped; npm run localnet resumes it');
    return 0;
  }
  console.error(`\n${outcome.why}\nstopping the localnet`);
  await net.close();
  return 1;
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
    else console.error(`localnet: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
