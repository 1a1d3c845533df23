// `zonekit init` and `zonekit genesis add-genesis-account|gentx|collect-gentxs|validate`: a
// home and its genesis.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { parseCoins, resolveAddress } from '../chain.js';
import { appFor, globalOptions, openKeyring, theZone } from '../context.js';
import { addGenesisAccount } from '../genesis-accounts.js';
import { initHome, parseVoteExtensionsEnableHeight } from '../home-init.js';
import { genesisPath, readGenesis, writeGenesis } from '../home.js';
import { CliError, fields, print } from '../output.js';
import { collectGentxsCommand, gentxCommand } from './gentx.js';

export function initCommand(): Command {
  return new Command('init')
    .argument('<moniker>', "this node's name in the network")
    .description("make a node's home: CometBFT's config.toml, genesis.json and keys, and the app's app.toml")
    .requiredOption('--chain-id <id>', 'the chain id written into genesis.json')
    .option('-o, --overwrite', 'replace an existing genesis.json and app.toml (keys are kept)')
    .option('--vote-extensions-enable-height <height>', "genesis consensus_params.abci.vote_extensions_enable_height: validators extend their precommits from this height on (0: never)", '0')
    .action((moniker: string, opts: { chainId: string; overwrite?: boolean; voteExtensionsEnableHeight: string }, command: Command) => {
      const g = globalOptions(command);
      const { home } = g;
      const voteExtensionsEnableHeight = parseVoteExtensionsEnableHeight(opts.voteExtensionsEnableHeight);
      const nodeId = initHome({ home, moniker, chainId: opts.chainId, overwrite: opts.overwrite ?? false, voteExtensionsEnableHeight });
      const result = { moniker, chain_id: opts.chainId, node_id: nodeId, home };
      print(g.output, result, () =>
        `${fields([['moniker', moniker], ['chain id', opts.chainId], ['node id', nodeId], ['home', home]])}\n\nnext: zonekit keys add <name>, zonekit genesis add-genesis-account <name> <coins>, zonekit start`,
      );
    });
}

export function genesisCommand(): Command {
  const genesis = new Command('genesis').description('build and check genesis.json');

  genesis
    .command('add-genesis-account <address_or_key_name> <coins>')
    .description('fund an account in genesis.json, e.g. `zonekit genesis add-genesis-account alice 1000000000uatom,1000000ustake`')
    .action((who: string, coinsText: string, _opts: unknown, command: Command) => {
      const g = globalOptions(command);
      const address = resolveAddress(openKeyring(g), theZone().app.bech32Prefix, who);
      const coins = parseCoins(coinsText);
      const file = readGenesis(g.home);
      addGenesisAccount(file, address, coins);
      writeGenesis(g.home, file);
      const text = coins.map((c) => `${c.amount}${c.denom}`).join(',');
      print(g.output, { address, coins }, () => `added ${address} with ${text} to ${genesisPath(g.home)}`);
    });

  genesis.addCommand(gentxCommand());
  genesis.addCommand(collectGentxsCommand());

  genesis
    .command('validate [file]')
    .alias('validate-genesis')
    .description("check genesis.json (default: the home's) and every module's part of app_state")
    .action((file: string | undefined, _opts: unknown, command: Command) => {
      const g = globalOptions(command);
      const path = file ?? genesisPath(g.home);
      let doc: { chain_id?: unknown; app_state?: Record<string, unknown> };
      try {
        doc = JSON.parse(readFileSync(path, 'utf8')) as typeof doc;
      } catch (err) {
        throw new CliError(`cannot read ${path} as JSON: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (typeof doc.chain_id !== 'string' || doc.chain_id === '') throw new CliError(`${path}: chain_id must be a non-empty string`);
      const appState = doc.app_state ?? {};
      // The modules this genesis composes (interchain staking when it has an entry).
      const modules = appFor(doc).app.modules;
      for (const key of Object.keys(appState)) {
        if (!modules.some((m) => m.name === key)) throw new CliError(`${path}: app_state has "${key}", which no module of this zone owns (modules: ${modules.map((m) => m.name).join(', ')})`);
      }
      for (const module of modules) {
        if (!module.genesis) continue;
        try {
          module.genesis.validate(appState[module.name] ?? module.genesis.defaults());
        } catch (err) {
          throw new CliError(`${path}: invalid app_state.${module.name}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      print(g.output, { valid: true, file: path, chain_id: doc.chain_id }, () => `File at ${path} is a valid genesis file`);
    });

  return genesis;
}
