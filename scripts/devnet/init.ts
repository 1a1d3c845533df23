// Makes a devnet home: a one-validator CometBFT home (config, keys, genesis) with the
// zone's genesis state and funded dev accounts, plus accounts.json with their mnemonics.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { zoneGenesis } from '../../zone/zone.js';
import { cometbftBinary, setTomlValue, type TomlValue } from '../lib/cometbft.js';

export interface DevAccount {
  name: string;
  address: string;
  mnemonic: string;
}

export const DEV_ACCOUNT_NAMES = ['alice', 'bob', 'carol', 'dave', 'erin'] as const;
// 1,000,000 ATOM and 10,000 STAKE each: enough that nobody runs out while developing.
export const DEV_BALANCES = [
  { denom: 'uatom', amount: '1000000000000' },
  { denom: 'ustake', amount: '10000000000' },
] as const;

export const accountsFile = (home: string): string => join(home, 'accounts.json');

/** A home is a devnet once accounts.json exists: init writes it last, inside a folder renamed into place. */
export function isDevnetHome(home: string): boolean {
  return existsSync(accountsFile(home)) && existsSync(join(home, 'config', 'genesis.json'));
}

export function readDevAccounts(home: string): DevAccount[] {
  return JSON.parse(readFileSync(accountsFile(home), 'utf8')) as DevAccount[];
}

/** Fresh 24-word mnemonics; the address is the one Keplr and simd derive (m/44'/118'/0'/0/0, cosmos prefix). */
async function newDevAccounts(): Promise<DevAccount[]> {
  return Promise.all(
    DEV_ACCOUNT_NAMES.map(async (name) => {
      const wallet = await DirectSecp256k1HdWallet.generate(24);
      const [account] = await wallet.getAccounts();
      return { name, address: account!.address, mnemonic: wallet.mnemonic };
    }),
  );
}

export interface DevnetInitOptions {
  chainId: string;
  timeoutCommit: string;
}

/**
 * Builds the home in a sibling folder and renames it into place, so an interrupted init
 * leaves no half-made devnet behind for the next start to trip over.
 */
export async function initDevnetHome(home: string, options: DevnetInitOptions): Promise<DevAccount[]> {
  const building = `${home}.init-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  try {
    execFileSync(cometbftBinary(), ['init', '--home', building], { stdio: ['ignore', 'pipe', 'pipe'] });

    const configPath = join(building, 'config', 'config.toml');
    let config = readFileSync(configPath, 'utf8');
    const set = (section: string | null, key: string, value: TomlValue): void => {
      config = setTomlValue(config, section, key, value);
    };
    set(null, 'moniker', 'zonekit-devnet');
    set('consensus', 'timeout_commit', options.timeoutCommit);
    // cosmjs's getTx and searchTx, and explorers, read CometBFT's tx index.
    set('tx_index', 'indexer', 'kv');
    // Browser wallets and dapps on localhost call the RPC cross-origin.
    set('rpc', 'cors_allowed_origins', ['*']);
    set('rpc', 'pprof_laddr', '');
    set('instrumentation', 'prometheus', false);
    writeFileSync(configPath, config);

    const accounts = await newDevAccounts();
    const genesisPath = join(building, 'config', 'genesis.json');
    const genesis = JSON.parse(readFileSync(genesisPath, 'utf8')) as Record<string, unknown>;
    genesis.chain_id = options.chainId;
    genesis.app_state = zoneGenesis(accounts.map(({ address }) => ({ address, coins: DEV_BALANCES })));
    writeFileSync(genesisPath, JSON.stringify(genesis, null, 2));
    writeFileSync(accountsFile(building), JSON.stringify(accounts, null, 2) + '\n', { mode: 0o600 });

    renameSync(building, home);
    return accounts;
  } catch (err) {
    rmSync(building, { recursive: true, force: true });
    throw err;
  }
}

export interface DevnetPorts {
  rpc: number;
  p2p: number;
  abci: number;
  /** The app's REST API. */
  api: number;
}

/** Points the home at this run's ports; done on every start, so port flags also apply to a resumed chain. */
export function setDevnetPorts(home: string, ports: DevnetPorts): void {
  const configPath = join(home, 'config', 'config.toml');
  let config = readFileSync(configPath, 'utf8');
  config = setTomlValue(config, null, 'proxy_app', `tcp://127.0.0.1:${ports.abci}`);
  config = setTomlValue(config, 'rpc', 'laddr', `tcp://127.0.0.1:${ports.rpc}`);
  config = setTomlValue(config, 'p2p', 'laddr', `tcp://127.0.0.1:${ports.p2p}`);
  writeFileSync(configPath, config);
}
