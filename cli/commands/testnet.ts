// `zonekit testnet init-files`: simd's command for an N-validator network's homes; run them
// all on this machine with `npm run localnet -- --dir <output-dir>`.
import { resolve } from 'node:path';
import { Command } from 'commander';
import { globalOptions, theZone } from '../context.js';
import { askKeyringPassphrase } from '../io.js';
import { CliError, print } from '../output.js';
import { parseVoteExtensionsEnableHeight } from '../home-init.js';
import { initTestnetFiles } from '../testnet.js';

interface InitFilesFlags {
  validators: string;
  outputDir: string;
  chainId?: string;
  startingIpAddress: string;
  nodeDirPrefix: string;
  minimumGasPrices: string;
  timeoutCommit: string;
  voteExtensionsEnableHeight: string;
}

/** The root command's `--keyring-backend`, but `test` unless the user chose one, as simd's testnet. */
function keyringBackendOf(command: Command): string | undefined {
  let root = command;
  while (root.parent) root = root.parent;
  return root.getOptionValueSource('keyringBackend') === 'default' ? 'test' : undefined;
}

function initFilesCommand(): Command {
  return new Command('init-files')
    .description('write the homes of an N-validator network on this machine: <output-dir>/node0..nodeN-1 (keys, funded accounts, gentxs, one genesis, peers, distinct ports)')
    .option('--validators <n>', 'how many validators', '4')
    .option('--output-dir <dir>', 'where the homes go (must be empty or absent)', './.testnets')
    .option('--chain-id <id>', 'the chain id (default: a random one)')
    .option('--starting-ip-address <ip>', 'node0 listens here; nodes on other machines get the next addresses (a 127.x address is shared: ports differ)', '127.0.0.1')
    .option('--node-dir-prefix <prefix>', 'the homes are named <prefix>0..', 'node')
    .option('--minimum-gas-prices <prices>', "every node's app.toml minimum-gas-prices, e.g. 0.025uatom", '')
    .option('--timeout-commit <duration>', "CometBFT's timeout_commit (how long a block waits for more votes)", '1s')
    .option('--vote-extensions-enable-height <height>', "genesis consensus_params.abci.vote_extensions_enable_height: validators extend their precommits from this height on (0: never)", '0')
    .action(async (opts: InitFilesFlags, command: Command) => {
      const validators = Number(opts.validators);
      if (!Number.isInteger(validators) || validators < 1 || validators > 100) throw new CliError(`invalid --validators ${JSON.stringify(opts.validators)}: expected a whole number from 1 to 100`);
      const voteExtensionsEnableHeight = parseVoteExtensionsEnableHeight(opts.voteExtensionsEnableHeight);
      const g = globalOptions(command);
      const backend = keyringBackendOf(command) ?? g.keyringBackend;
      if (backend !== 'test' && backend !== 'file') throw new CliError(`--keyring-backend must be test or file, got ${backend}`);
      let passphrase: Promise<string> | undefined;
      const chainId = opts.chainId ?? `chain-${Math.random().toString(36).slice(2, 8)}`;
      const testnet = await initTestnetFiles({
        validators,
        outputDir: resolve(opts.outputDir),
        chainId,
        startingIp: opts.startingIpAddress,
        nodeDirPrefix: opts.nodeDirPrefix,
        keyringBackend: backend,
        // One passphrase for every node's file keyring, asked once.
        passphrase: () => (passphrase ??= askKeyringPassphrase('create')),
        prefix: theZone().app.bech32Prefix,
        minimumGasPrices: opts.minimumGasPrices,
        timeoutCommit: opts.timeoutCommit,
        voteExtensionsEnableHeight,
      });
      print(g.output, testnet, () =>
        [
          `Successfully initialized ${validators} node directories in ${testnet.outputDir} (chain ${chainId})`,
          ...testnet.nodes.map((n) => `  ${n.name}  ${n.validatorAddress}  rpc ${n.ip}:${n.ports.rpc}  p2p ${n.ip}:${n.ports.p2p}  rest ${n.ip}:${n.ports.api}  grpc ${n.ip}:${n.ports.grpc}`),
          '',
          `start them all: npm run localnet -- --dir ${testnet.outputDir}`,
        ].join('\n'),
      );
    });
}

export function testnetCommand(): Command {
  const testnet = new Command('testnet').description('a multi-validator network on one machine');
  testnet.addCommand(initFilesCommand());
  return testnet;
}
