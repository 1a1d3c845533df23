// `zonekit genesis gentx` and `zonekit genesis collect-gentxs`: the genesis ceremony, with
// simd's names and flags.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { collectGentxs } from '../collect-gentxs.js';
import { globalOptions, openKeyring, theZone } from '../context.js';
import { createGentx } from '../gentx.js';
import { cometConfigPath, genesisPath } from '../home.js';
import { CliError, fields, print } from '../output.js';

interface GentxFlags {
  chainId?: string;
  moniker?: string;
  commissionRate: string;
  commissionMaxRate: string;
  commissionMaxChangeRate: string;
  minSelfDelegation: string;
  identity: string;
  website: string;
  securityContact: string;
  details: string;
  ip?: string;
  p2pPort?: string;
  outputDocument?: string;
}

export function gentxCommand(): Command {
  return new Command('gentx')
    .argument('<key_name>', 'the key whose account self-delegates and operates the validator')
    .argument('<amount>', 'the self-delegation, in the bond denom, e.g. 100000000stake')
    .description("make this node's genesis validator: a signed MsgCreateValidator with the consensus key of config/priv_validator_key.json, written to config/gentx/gentx-<node_id>.json")
    .option('--chain-id <id>', "the chain id (default: genesis.json's; must match it)")
    .option('--moniker <name>', "the validator's name (default: config.toml's moniker)")
    .option('--commission-rate <rate>', 'the initial commission rate', '0.1')
    .option('--commission-max-rate <rate>', 'the highest commission rate the validator may ever set', '0.2')
    .option('--commission-max-change-rate <rate>', 'the most the commission rate may change in a day', '0.01')
    .option('--min-self-delegation <amount>', 'the least the operator must keep self-delegated', '1')
    .option('--identity <id>', 'an identity signature (e.g. a keybase.io key id)', '')
    .option('--website <url>', "the validator's website", '')
    .option('--security-contact <email>', "the validator's security contact", '')
    .option('--details <text>', 'a description of the validator', '')
    .option('--ip <ip>', "the IP other validators dial (default: this machine's first external IPv4)")
    .option('--p2p-port <port>', "the P2P port other validators dial (default: config.toml's [p2p] laddr port)")
    .option('--output-document <file>', 'write the gentx here instead of config/gentx/gentx-<node_id>.json')
    .action(async (keyName: string, amount: string, opts: GentxFlags, command: Command) => {
      const g = globalOptions(command);
      let p2pPort: number | undefined;
      if (opts.p2pPort !== undefined) {
        p2pPort = Number(opts.p2pPort);
        if (!Number.isInteger(p2pPort) || p2pPort < 1 || p2pPort > 65535) throw new CliError(`invalid --p2p-port ${JSON.stringify(opts.p2pPort)}: expected a port number`);
      }
      const gentx = await createGentx({
        home: g.home,
        keyring: openKeyring(g),
        keyName,
        amount,
        ...(opts.chainId !== undefined ? { chainId: opts.chainId } : {}),
        moniker: opts.moniker ?? monikerOf(g.home),
        commission: { rate: opts.commissionRate, maxRate: opts.commissionMaxRate, maxChangeRate: opts.commissionMaxChangeRate },
        minSelfDelegation: opts.minSelfDelegation,
        identity: opts.identity,
        website: opts.website,
        securityContact: opts.securityContact,
        details: opts.details,
        ...(opts.ip !== undefined ? { ip: opts.ip } : {}),
        ...(p2pPort !== undefined ? { p2pPort } : {}),
        ...(opts.outputDocument !== undefined ? { outputDocument: opts.outputDocument } : {}),
        prefix: theZone().app.bech32Prefix,
      });
      print(g.output, { file: gentx.file, node_id: gentx.nodeId, memo: gentx.memo, validator_address: gentx.validatorAddress }, () =>
        `Genesis transaction written to "${gentx.file}"\n${fields([['validator', gentx.validatorAddress], ['peer address', gentx.memo]])}`,
      );
    });
}

function monikerOf(home: string): string {
  const match = /^moniker\s*=\s*"(.*)"\s*$/m.exec(readConfig(home));
  if (!match || match[1] === '') throw new CliError(`config.toml in ${home} has no moniker`, 'pass --moniker <name>');
  return match[1]!;
}

function readConfig(home: string): string {
  try {
    return readFileSync(cometConfigPath(home), 'utf8');
  } catch {
    throw new CliError(`cannot read ${cometConfigPath(home)}`, `run \`zonekit init <moniker> --chain-id <id> --home ${home}\` first`);
  }
}

export function collectGentxsCommand(): Command {
  return new Command('collect-gentxs')
    .description("put the gentxs into genesis.json (app_state.genutil.gen_txs) and make their nodes this node's persistent peers")
    .option('--gentx-dir <dir>', 'the folder of gentx files (default: <home>/config/gentx)')
    .action((opts: { gentxDir?: string }, command: Command) => {
      const g = globalOptions(command);
      const dir = opts.gentxDir ?? join(g.home, 'config', 'gentx');
      const { gentxs, persistentPeers } = collectGentxs(g.home, dir, theZone().app.bech32Prefix);
      print(g.output, { gen_txs: gentxs.length, validators: gentxs.map((x) => ({ moniker: x.moniker, validator_address: x.validatorAddress, peer: x.peer })), persistent_peers: persistentPeers }, () =>
        [
          `collected ${gentxs.length} gentx(s) from ${dir} into ${genesisPath(g.home)}:`,
          ...gentxs.map((x) => `  ${x.moniker}  ${x.validatorAddress}  ${x.peer}`),
          `persistent_peers in ${cometConfigPath(g.home)}: ${persistentPeers || '(none: this node is the only validator)'}`,
          '',
          'next: copy this genesis.json to every validator, then zonekit start',
        ].join('\n'),
      );
    });
}
