// Makes a devnet home: a one-validator CometBFT home (config, keys, genesis) with the
// zone's genesis state and funded dev accounts, plus accounts.json with their mnemonics.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { zoneClientFactory, zoneFactory, zoneGenesis } from '../../zone/zone.js';
import { useApp } from '../../cli/context.js';
import { collectGentxs } from '../../cli/collect-gentxs.js';
import { createGentx } from '../../cli/gentx.js';
import { Keyring } from '../../cli/keyring/keyring.js';
import { cometbftBinary, setTomlValue, type TomlValue } from '../lib/cometbft.js';

// The devnet runs the default zone: the CLI functions it calls (gentx) work with its app.
useApp(zoneFactory, zoneClientFactory);

export interface DevAccount {
  name: string;
  address: string;
  mnemonic: string;
}

export const DEV_ACCOUNT_NAMES = ['alice', 'bob', 'carol', 'dave', 'erin'] as const;
// 1,000,000 ATOM each, and 10,000,000,000 of the bond denom `stake` (staking's default).
export const DEV_BALANCES = [
  { denom: 'stake', amount: '10000000000' },
  { denom: 'uatom', amount: '1000000000000' },
] as const;
/** alice operates the devnet's one validator with this self-delegation (CometBFT power 1,000). */
export const DEV_SELF_DELEGATION = '1000000000stake';
/**
 * Bank metadata for the devnet's denoms (the SDK's genesis JSON): wallets and explorers read
 * the display unit and its exponent from it, so 1000000uatom shows as 1 ATOM.
 */
export const DEV_DENOM_METADATA = [
  {
    description: 'The devnet fee token: 1 ATOM is 1,000,000 uatom',
    denom_units: [
      { denom: 'uatom', exponent: 0, aliases: ['microatom'] },
      { denom: 'matom', exponent: 3, aliases: ['milliatom'] },
      { denom: 'atom', exponent: 6, aliases: [] },
    ],
    base: 'uatom',
    display: 'atom',
    name: 'Cosmos Hub Atom',
    symbol: 'ATOM',
    uri: '',
    uri_hash: '',
  },
  {
    description: 'The devnet bond denom (staking), counted in whole units',
    denom_units: [{ denom: 'stake', exponent: 0, aliases: [] }],
    base: 'stake',
    display: 'stake',
    name: 'Stake',
    symbol: 'STAKE',
    uri: '',
    uri_hash: '',
  },
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
    const appState = zoneGenesis(accounts.map(({ address }) => ({ address, coins: DEV_BALANCES }))) as { bank: { denom_metadata?: unknown[] } };
    appState.bank.denom_metadata = [...DEV_DENOM_METADATA];
    genesis.app_state = appState;
    writeFileSync(genesisPath, JSON.stringify(genesis, null, 2));
    await addValidator(building, accounts);
    writeFileSync(accountsFile(building), JSON.stringify(accounts, null, 2) + '\n', { mode: 0o600 });

    renameSync(building, home);
    return accounts;
  } catch (err) {
    rmSync(building, { recursive: true, force: true });
    throw err;
  }
}

/**
 * The genesis ceremony for one: the operator's key goes into the home's test keyring (so
 * `zonekit --home .devnet --keyring-backend test` can sign as every dev account), its gentx
 * bonds the node's consensus key, and collect-gentxs puts it into genesis.
 */
async function addValidator(home: string, accounts: readonly DevAccount[]): Promise<void> {
  const keyring = new Keyring({ home, backend: 'test' });
  for (const account of accounts) await keyring.add(account.name, account.mnemonic);
  const operator = accounts[0]!;
  await createGentx({
    home,
    keyring,
    keyName: operator.name,
    amount: DEV_SELF_DELEGATION,
    moniker: 'zonekit-devnet',
    commission: { rate: '0.1', maxRate: '0.2', maxChangeRate: '0.01' },
    minSelfDelegation: '1',
    ip: '127.0.0.1',
    prefix: 'cosmos',
  });
  collectGentxs(home, join(home, 'config', 'gentx'), 'cosmos');
}

export interface DevnetPorts {
  rpc: number;
  p2p: number;
  abci: number;
  /** The app's REST API. */
  api: number;
  /** The app's gRPC server. */
  grpc: number;
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
