// `zonekit comet ...` (aliases `cometbft`, `tendermint`), simd's CometBFT subcommands: the node
// id, the consensus key and address read from the home's key files, CometBFT's versions, and
// unsafe-reset-all, which simd takes from CometBFT itself and zonekit runs in the pinned binary.
import { execFileSync, spawnSync } from 'node:child_process';
import { Command } from 'commander';
import { toBech32Address } from '../../app/tx/address.js';
import { cometbftBinary } from '../binaries.js';
import { globalOptions, theZone } from '../context.js';
import { consensusAddress, consensusPubKey, nodeId } from '../node-keys.js';
import { assertNodeStopped } from '../node-stopped.js';
import { CliError, print } from '../output.js';

interface CometVersions {
  cometbft: string;
  abci: string;
  block_protocol: number;
  p2p_protocol: number;
}

function cometVersions(): CometVersions {
  try {
    return JSON.parse(execFileSync(cometbftBinary(), ['version', '--verbose'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as CometVersions;
  } catch (err) {
    throw new CliError(`cannot read CometBFT's versions: ${err instanceof Error ? err.message : String(err)}`, 'run npm run setup (it installs the pinned CometBFT into .bin/), or put cometbft on the PATH');
  }
}

export function cometCommand(): Command {
  const comet = new Command('comet').aliases(['cometbft', 'tendermint']).description('CometBFT subcommands: node id, consensus key and address, versions, unsafe-reset-all');

  comet
    .command('show-node-id')
    .description("this node's P2P id (config/node_key.json), as in id@host:port peer addresses")
    .action((_opts: unknown, command: Command) => {
      console.log(nodeId(globalOptions(command).home));
    });

  comet
    .command('show-validator')
    .description("this node's consensus public key (config/priv_validator_key.json) in the SDK's JSON, for create-validator --pubkey")
    .action((_opts: unknown, command: Command) => {
      const key = Buffer.from(consensusPubKey(globalOptions(command).home)).toString('base64');
      // Always JSON, compact, as simd prints it (scripts pass it straight to --pubkey).
      console.log(JSON.stringify({ '@type': '/cosmos.crypto.ed25519.PubKey', key }));
    });

  comet
    .command('show-address')
    .description("this node's consensus address (<prefix>valcons1...), derived from config/priv_validator_key.json")
    .action((_opts: unknown, command: Command) => {
      console.log(toBech32Address(`${theZone().app.bech32Prefix}valcons`, consensusAddress(globalOptions(command).home)));
    });

  comet
    .command('version')
    .description("the versions of the CometBFT the node runs: CometBFT, ABCI, block and P2P protocols (-o json for JSON)")
    .action((_opts: unknown, command: Command) => {
      const v = cometVersions();
      // simd's keys and order (YAML of the Go struct's field names, sorted); no build suffix.
      const versions = { ABCI: v.abci, BlockProtocol: v.block_protocol, CometBFT: v.cometbft.replace(/\+.*$/, ''), P2PProtocol: v.p2p_protocol };
      print(globalOptions(command).output, versions, () => Object.entries(versions).map(([k, value]) => `${k}: ${value}`).join('\n') + '\n');
    });

  comet
    .command('unsafe-reset-all')
    .alias('unsafe_reset_all')
    .description("(unsafe) remove all the data (CometBFT's blocks, state, WAL and the app's state) and reset this node's validator to genesis state; config and keys stay")
    .option('--keep-addr-book', 'keep the address book intact')
    .action(async (opts: { keepAddrBook?: boolean }, command: Command) => {
      const { home } = globalOptions(command);
      await assertNodeStopped(home, 'unsafe-reset-all');
      // CometBFT's own reset, as simd runs it: data/ (the app's state lives there too) is
      // removed and made again, and priv_validator_state.json is reset to height 0.
      const args = ['unsafe-reset-all', '--home', home, ...(opts.keepAddrBook ? ['--keep-addr-book'] : [])];
      const result = spawnSync(cometbftBinary(), args, { encoding: 'utf8' });
      process.stdout.write(result.stdout ?? '');
      process.stderr.write(result.stderr ?? '');
      if (result.status !== 0) throw new CliError(`cometbft unsafe-reset-all failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
    });

  return comet;
}

