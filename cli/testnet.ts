// `testnet init-files`, as simd's: N validator homes (node0..nodeN-1) in one folder, each
// with its keys, a funded validator account, a gentx, the shared genesis and the others as
// persistent peers. Ports differ per node, so the whole network runs on one machine
// (`npm run localnet`, or scripts/lib/localnet.ts in tests); testnet.json lists them.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CoinProto } from '../app/coins.js';
import { setTomlValue, type TomlValue } from './toml.js';
import { appTomlPath } from './app-config.js';
import { collectGentxs, persistentPeers, setPersistentPeers } from './collect-gentxs.js';
import { addGenesisAccount, bondDenom } from './genesis-accounts.js';
import { createGentx } from './gentx.js';
import { initHome } from './home-init.js';
import { cometConfigPath, genesisPath, readGenesis, writeGenesis, type GenesisFile } from './home.js';
import { Keyring, type KeyringBackend } from './keyring/keyring.js';
import { CliError } from './output.js';

export interface NodePorts {
  p2p: number;
  rpc: number;
  /** The app's ABCI socket (CometBFT's proxy_app). */
  abci: number;
  /** The REST API. */
  api: number;
  grpc: number;
}

/** CometBFT's and the SDK's default ports, moved by 10 (CometBFT) or 1 (API, gRPC) per node. */
export function defaultNodePorts(index: number): NodePorts {
  return { p2p: 26656 + 10 * index, rpc: 26657 + 10 * index, abci: 26658 + 10 * index, api: 1317 + index, grpc: 9090 + index };
}

export interface TestnetOptions {
  validators: number;
  outputDir: string;
  chainId: string;
  /** Node i gets this address plus i, as simd's; a loopback address is shared (ports differ). Default 127.0.0.1. */
  startingIp?: string;
  nodeDirPrefix?: string;
  keyringBackend?: KeyringBackend;
  /** Asked once for every node's `file` keyring. */
  passphrase?: () => Promise<string>;
  /** Account address prefix. */
  prefix: string;
  ports?: (index: number) => NodePorts;
  minimumGasPrices?: string;
  /** CometBFT's consensus timeouts, e.g. "1s" and "3s". */
  timeoutCommit?: string;
  timeoutPropose?: string;
  /** Each validator account's genesis balance; default 1,000 bond tokens (10^6 units each) and 1,000,000 ATOM. */
  balances?: (bondDenom: string) => CoinProto[];
  /** Each validator's self-delegation in units of the bond denom; default 100 tokens (power 100). */
  selfDelegation?: string;
  /** Edits the genesis before the validators' accounts and gentxs go in (params, the bond denom, more accounts). */
  genesisMutator?: (genesis: GenesisFile) => void;
  /** Genesis consensus_params.abci.vote_extensions_enable_height (default 0: off). */
  voteExtensionsEnableHeight?: bigint;
}

export interface TestnetNode {
  index: number;
  name: string;
  home: string;
  ip: string;
  nodeId: string;
  ports: NodePorts;
  keyName: string;
  address: string;
  validatorAddress: string;
}

export interface Testnet {
  chainId: string;
  outputDir: string;
  nodes: TestnetNode[];
}

export const manifestPath = (outputDir: string): string => join(outputDir, 'testnet.json');

/** The testnet that `initTestnetFiles` wrote into `outputDir`. */
export function readTestnet(outputDir: string): Testnet {
  const path = manifestPath(outputDir);
  try {
    const testnet = JSON.parse(readFileSync(path, 'utf8')) as Testnet;
    // Homes are written relative to the folder, so it may be moved.
    const dir = resolve(outputDir);
    return { ...testnet, outputDir: dir, nodes: testnet.nodes.map((node) => ({ ...node, home: resolve(dir, node.home) })) };
  } catch {
    throw new CliError(`${outputDir} holds no testnet (no readable ${path})`, `make one with: zonekit testnet init-files --validators 4 --output-dir ${outputDir}`);
  }
}

/** The mnemonic of node's validator key (key_seed.json, as simd's testnet writes it). */
export function readKeySeed(home: string): string {
  return (JSON.parse(readFileSync(join(home, 'key_seed.json'), 'utf8')) as { secret: string }).secret;
}

function nodeIp(startingIp: string, index: number): string {
  const parts = startingIp.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new CliError(`invalid --starting-ip-address ${JSON.stringify(startingIp)}: expected an IPv4 address`);
  if (parts[0] === 127) return startingIp;
  const value = parts.reduce((n, p) => n * 256 + p, 0) + index;
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

function configureNode(home: string, ip: string, ports: NodePorts, options: TestnetOptions): void {
  let config = readFileSync(cometConfigPath(home), 'utf8');
  const set = (section: string | null, key: string, value: TomlValue): void => {
    config = setTomlValue(config, section, key, value);
  };
  set(null, 'proxy_app', `tcp://127.0.0.1:${ports.abci}`);
  set('rpc', 'laddr', `tcp://${ip}:${ports.rpc}`);
  set('p2p', 'laddr', `tcp://${ip}:${ports.p2p}`);
  // Validators on one machine share an IP, and their addresses are not routable.
  set('p2p', 'allow_duplicate_ip', true);
  set('p2p', 'addr_book_strict', false);
  set('instrumentation', 'prometheus', false);
  if (options.timeoutCommit !== undefined) set('consensus', 'timeout_commit', options.timeoutCommit);
  if (options.timeoutPropose !== undefined) set('consensus', 'timeout_propose', options.timeoutPropose);
  writeFileSync(cometConfigPath(home), config);

  let app = readFileSync(appTomlPath(home), 'utf8');
  app = setTomlValue(app, null, 'minimum-gas-prices', options.minimumGasPrices ?? '');
  app = setTomlValue(app, 'api', 'enable', true);
  app = setTomlValue(app, 'api', 'address', `tcp://${ip}:${ports.api}`);
  app = setTomlValue(app, 'grpc', 'enable', true);
  app = setTomlValue(app, 'grpc', 'address', `${ip}:${ports.grpc}`);
  writeFileSync(appTomlPath(home), app);
}

/**
 * Builds the homes in a sibling folder renamed into place at the end, so a failed run leaves
 * no half-made testnet behind (nothing in the homes names its own path).
 */
export async function initTestnetFiles(options: TestnetOptions): Promise<Testnet> {
  if (!Number.isInteger(options.validators) || options.validators < 1) throw new CliError(`--validators must be a positive whole number, got ${options.validators}`);
  const outputDir = resolve(options.outputDir);
  if (existsSync(outputDir) && readdirSync(outputDir).length > 0) {
    throw new CliError(`${outputDir} is not empty`, 'remove it, or choose another --output-dir');
  }
  const building = `${outputDir}.init-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  try {
    const nodes = await writeTestnet(building, options);
    const manifest: Testnet = { chainId: options.chainId, outputDir: '.', nodes: nodes.map((node) => ({ ...node, home: node.name })) };
    writeFileSync(manifestPath(building), JSON.stringify(manifest, null, 2) + '\n');
    // Only an empty folder is in the way (checked above); rmdir refuses anything else.
    if (existsSync(outputDir)) rmdirSync(outputDir);
    renameSync(building, outputDir);
    return { chainId: options.chainId, outputDir, nodes: nodes.map((node) => ({ ...node, home: join(outputDir, node.name) })) };
  } catch (err) {
    rmSync(building, { recursive: true, force: true });
    throw err;
  }
}

async function writeTestnet(outputDir: string, options: TestnetOptions): Promise<TestnetNode[]> {
  const { validators, chainId, prefix } = options;
  const prefixName = options.nodeDirPrefix ?? 'node';
  const ports = options.ports ?? defaultNodePorts;
  const backend = options.keyringBackend ?? 'test';
  const gentxDir = join(outputDir, 'gentxs');
  mkdirSync(gentxDir, { recursive: true });

  const nodes: TestnetNode[] = [];
  for (let index = 0; index < validators; index++) {
    const name = `${prefixName}${index}`;
    const home = join(outputDir, name);
    mkdirSync(home, { recursive: true });
    const ip = nodeIp(options.startingIp ?? '127.0.0.1', index);
    // client.toml points each home's commands at its own node and keyring.
    const nodeId = initHome({
      home,
      moniker: name,
      chainId,
      client: { 'keyring-backend': backend, node: `tcp://${ip}:${ports(index).rpc}` },
      ...(options.voteExtensionsEnableHeight !== undefined ? { voteExtensionsEnableHeight: options.voteExtensionsEnableHeight } : {}),
    });
    configureNode(home, ip, ports(index), options);
    const keyring = new Keyring({ home, backend, prefix, ...(options.passphrase ? { passphrase: options.passphrase } : {}) });
    const { key, mnemonic } = await keyring.add(name);
    // As simd's testnet: the mnemonic beside the node, to recover its key elsewhere.
    writeFileSync(join(home, 'key_seed.json'), JSON.stringify({ secret: mnemonic }) + '\n', { mode: 0o600 });
    nodes.push({ index, name, home, ip, nodeId, ports: ports(index), keyName: name, address: key.address, validatorAddress: '' });
  }

  // One genesis for all, made from node0's (its genesis_time is the network's).
  const genesis = readGenesis(nodes[0]!.home);
  options.genesisMutator?.(genesis);
  const denom = bondDenom(genesis);
  const balances = options.balances?.(denom) ?? [
    { denom, amount: '1000000000' },
    { denom: 'uatom', amount: '1000000000000' },
  ].sort((a, b) => (a.denom < b.denom ? -1 : 1));
  for (const node of nodes) addGenesisAccount(genesis, node.address, balances);
  for (const node of nodes) writeGenesis(node.home, genesis);

  for (const node of nodes) {
    const gentx = await createGentx({
      home: node.home,
      keyring: new Keyring({ home: node.home, backend, prefix, ...(options.passphrase ? { passphrase: options.passphrase } : {}) }),
      keyName: node.keyName,
      amount: `${options.selfDelegation ?? '100000000'}${denom}`,
      chainId,
      moniker: node.name,
      commission: { rate: '0.1', maxRate: '0.2', maxChangeRate: '0.01' },
      minSelfDelegation: '1',
      ip: node.ip,
      p2pPort: node.ports.p2p,
      outputDocument: join(gentxDir, `${node.name}.json`),
      prefix,
    });
    node.validatorAddress = gentx.validatorAddress;
  }

  const { gentxs } = collectGentxs(nodes[0]!.home, gentxDir, prefix);
  for (const node of nodes.slice(1)) {
    copyFileSync(genesisPath(nodes[0]!.home), genesisPath(node.home));
    setPersistentPeers(node.home, persistentPeers(gentxs, node.nodeId));
  }
  return nodes;
}
