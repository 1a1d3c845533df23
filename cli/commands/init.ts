// `zonekit init` and `zonekit genesis add-genesis-account|validate`: a home and its genesis.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { baseAccountJson } from '../../modules/auth/index.js';
import { cometbftBinary, setTomlValue } from '../../scripts/lib/cometbft.js';
import { appTomlPath, writeAppToml } from '../app-config.js';
import { parseCoins, resolveAddress } from '../chain.js';
import { globalOptions, openKeyring, theZone } from '../context.js';
import { cometConfigPath, genesisPath, readGenesis, writeGenesis } from '../home.js';
import { CliError, fields, print } from '../output.js';

/** Every module's default genesis, in the app's module order. */
export function defaultAppState(): Record<string, unknown> {
  return Object.fromEntries(theZone().app.modules.filter((m) => m.genesis).map((m) => [m.name, m.genesis!.defaults()]));
}

export function initCommand(): Command {
  return new Command('init')
    .argument('<moniker>', "this node's name in the network")
    .description("make a node's home: CometBFT's config.toml, genesis.json and keys, and the app's app.toml")
    .requiredOption('--chain-id <id>', 'the chain id written into genesis.json')
    .option('-o, --overwrite', 'replace an existing genesis.json and app.toml (keys are kept)')
    .action((moniker: string, opts: { chainId: string; overwrite?: boolean }, command: Command) => {
      const g = globalOptions(command);
      const { home } = g;
      if (existsSync(genesisPath(home))) {
        if (!opts.overwrite) throw new CliError(`${genesisPath(home)} already exists`, 'pass --overwrite to replace it (the node and validator keys are kept), or choose another --home');
        rmSync(genesisPath(home));
      }
      // cometbft init keeps keys that already exist, as simd init does.
      execFileSync(cometbftBinary(), ['init', '--home', home], { stdio: ['ignore', 'pipe', 'pipe'] });
      let config = readFileSync(cometConfigPath(home), 'utf8');
      config = setTomlValue(config, null, 'moniker', moniker);
      config = setTomlValue(config, 'tx_index', 'indexer', 'kv');
      // Debug listener off: nodes on one machine would fight over its fixed port.
      config = setTomlValue(config, 'rpc', 'pprof_laddr', '');
      writeFileSync(cometConfigPath(home), config);
      if (opts.overwrite || !existsSync(appTomlPath(home))) writeAppToml(home);
      const genesis = readGenesis(home);
      genesis.chain_id = opts.chainId;
      genesis.app_state = defaultAppState();
      writeGenesis(home, genesis);
      const nodeId = execFileSync(cometbftBinary(), ['show-node-id', '--home', home], { encoding: 'utf8' }).trim();
      const result = { moniker, chain_id: opts.chainId, node_id: nodeId, home };
      print(g.output, result, () =>
        `${fields([['moniker', moniker], ['chain id', opts.chainId], ['node id', nodeId], ['home', home]])}\n\nnext: zonekit keys add <name>, zonekit genesis add-genesis-account <name> <coins>, zonekit start`,
      );
    });
}

interface AccountJson {
  address?: string;
  account_number?: string;
  base_account?: { address: string; account_number: string };
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
      const appState = (file.app_state ??= defaultAppState());
      const auth = (appState.auth ??= { accounts: [] }) as { accounts?: AccountJson[] };
      const accounts = (auth.accounts ??= []);
      const addressOf = (a: AccountJson) => a.address ?? a.base_account?.address;
      if (accounts.some((a) => addressOf(a) === address)) throw new CliError(`${address} is already in genesis.json`, 'each account is added once; edit its balance in genesis.json instead');
      const numbers = accounts.map((a) => BigInt(a.account_number ?? a.base_account?.account_number ?? '0'));
      accounts.push(baseAccountJson(address, numbers.length === 0 ? 0n : numbers.reduce((x, y) => (x > y ? x : y)) + 1n));
      const bank = (appState.bank ??= {}) as { balances?: Array<{ address: string; coins: unknown[] }>; supply?: Array<{ denom: string; amount: string }> };
      (bank.balances ??= []).push({ address, coins });
      // A stated supply must stay the sum of the balances (bank genesis checks it).
      if (bank.supply && bank.supply.length > 0) {
        for (const coin of coins) {
          const entry = bank.supply.find((s) => s.denom === coin.denom);
          if (entry) entry.amount = (BigInt(entry.amount) + BigInt(coin.amount)).toString();
          else bank.supply.push({ ...coin });
        }
        bank.supply.sort((a, b) => (a.denom < b.denom ? -1 : 1));
      }
      writeGenesis(g.home, file);
      const text = coins.map((c) => `${c.amount}${c.denom}`).join(',');
      print(g.output, { address, coins }, () => `added ${address} with ${text} to ${genesisPath(g.home)}`);
    });

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
      const modules = theZone().app.modules;
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
