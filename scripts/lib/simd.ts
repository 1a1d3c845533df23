// ibc-go's simd (v8) as a real IBC counterparty for the interchain tests, the IBC devnet and
// the IBC benchmark: one validator in its own home (and its own HOME, since simd writes
// ~/.simapp), every port private, fast blocks, tx indexing on; started as a child process and
// stopped by PID. The CLI ignores client.toml's node, so every call passes --node, --chain-id
// and --keyring-backend.
import { execFile } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { latestHeight, projectBinary, rpc, setTomlValue, type TomlValue } from './cometbft.js';
import { freePorts, startProcess, waitFor, type ProcessGroup, type ProcessHandle } from './processes.js';
import { describeExit } from './zone-process.js';

const execFileAsync = promisify(execFile);

export const SIMD_VERSION = 'v8.8.0';

export function simdBinary(): string {
  return projectBinary('simd', `Run scripts/install-ibc-peers.sh to build ibc-go's simd ${SIMD_VERSION} and the Go relayer.`);
}

export interface SimdAccount {
  /** Key name in the chain's test keyring. */
  name: string;
  mnemonic: string;
  /** Genesis balance, e.g. "100000000000stake,1000000uatom". */
  coins: string;
}

export interface SimdPorts {
  rpc: number;
  p2p: number;
  grpc: number;
  /** CometBFT's proxy_app: simd runs the app in-process, but the address must still differ per chain. */
  abci: number;
}

export interface SimdChainOptions {
  /** An empty or absent folder for the new chain's home. */
  home: string;
  chainId: string;
  /** Funded at genesis; the first one operates the validator. */
  accounts: readonly SimdAccount[];
  /** The validator's self-delegation (default 1000000000stake). */
  selfDelegation?: string;
  /** CometBFT timeout_commit (default 500ms). */
  timeoutCommit?: string;
  /** app.toml minimum-gas-prices (default 0.0025stake). */
  minGasPrices?: string;
  /** Fixed ports (default: free ones). */
  ports?: Partial<SimdPorts>;
  group?: ProcessGroup;
  /** Its own process group, so a terminal's Ctrl-C reaches only the script that stops it. */
  detached?: boolean;
  /** Checked while waiting for blocks; a returned reason aborts the start. */
  failIf?: () => string | undefined;
  timeoutMs?: number;
}

export interface SimdChain {
  chainId: string;
  home: string;
  /** http://127.0.0.1:<port> */
  rpcUrl: string;
  /** 127.0.0.1:<port> */
  grpcAddress: string;
  ports: SimdPorts;
  minGasPrices: string;
  /** Key name to bech32 address, for every genesis account. */
  addresses: Record<string, string>;
  process: ProcessHandle;
  logFile: string;
  /** Runs `simd args` against this chain's home (with --home added); resolves to stdout. */
  cli(args: readonly string[], input?: string): Promise<string>;
  /** Every balance of `address`, by denom. */
  balances(address: string): Promise<Map<string, bigint>>;
  /** One balance of `address` (0n when it holds none of `denom`). */
  balance(address: string, denom: string): Promise<bigint>;
  /** Stops simd by PID. */
  stop(): Promise<void>;
}

/** The environment simd runs in: HOME inside its home, so nothing lands in the user's ~/.simapp. */
function simdEnv(home: string): NodeJS.ProcessEnv {
  return { ...process.env, HOME: home };
}

/** Runs `simd args --home home`; resolves to stdout, rejects with the command and its stderr. */
export async function runSimd(home: string, args: readonly string[], input?: string): Promise<string> {
  const pending = execFileAsync(simdBinary(), [...args, '--home', home], { env: simdEnv(home), maxBuffer: 64 * 1024 * 1024 });
  pending.child.stdin?.end(input ?? '');
  try {
    return (await pending).stdout;
  } catch (err) {
    const { stderr, stdout } = err as { stderr?: string; stdout?: string };
    throw new Error(`simd ${args.join(' ')} failed: ${(stderr || stdout || String(err)).trim()}`);
  }
}

/** `simd init` plus the one-validator genesis ceremony, then config for private ports and fast blocks. */
export async function initSimdHome(options: SimdChainOptions & { ports: SimdPorts }): Promise<Record<string, string>> {
  const { home, chainId } = options;
  mkdirSync(home, { recursive: true });
  const simd = (args: readonly string[], input?: string) => runSimd(home, args, input);
  await simd(['init', chainId, '--chain-id', chainId]);

  const addresses: Record<string, string> = {};
  for (const account of options.accounts) {
    await simd(['keys', 'add', account.name, '--recover', '--keyring-backend', 'test'], `${account.mnemonic}\n`);
    addresses[account.name] = (await simd(['keys', 'show', account.name, '-a', '--keyring-backend', 'test'])).trim();
    await simd(['genesis', 'add-genesis-account', addresses[account.name]!, account.coins, '--keyring-backend', 'test']);
  }
  const operator = options.accounts[0];
  if (operator === undefined) throw new Error('a simd chain needs at least one account (its validator operator)');
  await simd(['genesis', 'gentx', operator.name, options.selfDelegation ?? '1000000000stake', '--chain-id', chainId, '--keyring-backend', 'test']);
  await simd(['genesis', 'collect-gentxs']);

  editToml(join(home, 'config', 'config.toml'), (set) => {
    set(null, 'moniker', chainId);
    set(null, 'proxy_app', `tcp://127.0.0.1:${options.ports.abci}`);
    set('rpc', 'laddr', `tcp://127.0.0.1:${options.ports.rpc}`);
    // Debug listeners off, so parallel chains never fight over their fixed default ports.
    set('rpc', 'pprof_laddr', '');
    set('p2p', 'laddr', `tcp://127.0.0.1:${options.ports.p2p}`);
    set('p2p', 'allow_duplicate_ip', true);
    set('consensus', 'timeout_commit', options.timeoutCommit ?? '500ms');
    // Relayers find packets through CometBFT's tx index.
    set('tx_index', 'indexer', 'kv');
    set('instrumentation', 'prometheus', false);
  });
  editToml(join(home, 'config', 'app.toml'), (set) => {
    set(null, 'minimum-gas-prices', options.minGasPrices ?? DEFAULT_MIN_GAS_PRICES);
    set('api', 'enable', false);
    set('grpc', 'enable', true);
    set('grpc', 'address', `127.0.0.1:${options.ports.grpc}`);
    // gRPC-web shares the API's address; with the API off it would only claim a default port.
    set('grpc-web', 'enable', false);
  });
  writeFileSync(join(home, 'addresses.json'), JSON.stringify(addresses, null, 2) + '\n');
  return addresses;
}

const DEFAULT_MIN_GAS_PRICES = '0.0025stake';

function editToml(path: string, edit: (set: (section: string | null, key: string, value: TomlValue) => void) => void): void {
  let text = readFileSync(path, 'utf8');
  edit((section, key, value) => (text = setTomlValue(text, section, key, value)));
  writeFileSync(path, text);
}

async function choosePorts(fixed: Partial<SimdPorts> = {}): Promise<SimdPorts> {
  const [rpcPort, p2p, grpc, abci] = (await freePorts(4)) as [number, number, number, number];
  return { rpc: fixed.rpc ?? rpcPort, p2p: fixed.p2p ?? p2p, grpc: fixed.grpc ?? grpc, abci: fixed.abci ?? abci };
}

/**
 * Inits a new one-validator simd chain in `options.home` and starts it; resolves once it has
 * committed height 3 (relayers refuse proofs at heights 2 and below).
 */
export async function startSimdChain(options: SimdChainOptions): Promise<SimdChain> {
  const ports = await choosePorts(options.ports);
  const addresses = await initSimdHome({ ...options, ports });
  const { home, chainId } = options;
  const logFile = join(home, 'simd.log');
  appendFileSync(logFile, `\n--- start ${new Date().toISOString()} ---\n`);
  const child = startProcess(simdBinary(), ['start', '--home', home], {
    logFile,
    env: simdEnv(home),
    ...(options.group ? { group: options.group } : {}),
    detached: options.detached ?? false,
  });
  const rpcUrl = `http://127.0.0.1:${ports.rpc}`;
  try {
    await waitFor(async () => (await latestHeight(rpcUrl)) >= 3, {
      what: `${chainId} (simd) to commit height 3 at ${rpcUrl} (log: ${logFile})`,
      timeoutMs: options.timeoutMs ?? 60_000,
      failIf: () => options.failIf?.() ?? (child.running ? undefined : `simd exited (${describeExit(child.exitStatus!)}):\n${child.logTail(20)}`),
    });
  } catch (err) {
    await child.stop();
    throw err;
  }
  const minGasPrices = options.minGasPrices ?? DEFAULT_MIN_GAS_PRICES;
  const cli = (args: readonly string[], input?: string) => runSimd(home, args, input);
  const balances = async (address: string): Promise<Map<string, bigint>> => {
    // Queries (autocli) take neither --chain-id nor --keyring-backend; --node is what matters.
    const out = await cli(['q', 'bank', 'balances', address, '--node', rpcUrl, '-o', 'json']);
    const { balances: coins } = JSON.parse(out) as { balances: Array<{ denom: string; amount: string }> };
    return new Map(coins.map((c) => [c.denom, BigInt(c.amount)]));
  };
  return {
    chainId,
    home,
    rpcUrl,
    grpcAddress: `127.0.0.1:${ports.grpc}`,
    ports,
    minGasPrices,
    addresses,
    process: child,
    logFile,
    cli,
    balances,
    balance: async (address, denom) => (await balances(address)).get(denom) ?? 0n,
    stop: async () => void (await child.stop(15_000)),
  };
}

export interface TransferOptions {
  /** Key name in the sender chain's keyring. */
  from: string;
  channel: string;
  receiver: string;
  /** e.g. "1000stake" */
  amount: string;
  port?: string;
  memo?: string;
  /** Gas limit (default 200000), paid at the chain's minimum gas price. */
  gas?: number;
}

export interface CommittedTx {
  hash: string;
  height: number;
}

/** `simd tx ibc-transfer transfer` from a key; resolves once the tx is committed, rejects if it failed. */
export async function simdTransfer(chain: SimdChain, options: TransferOptions): Promise<CommittedTx> {
  const args = [
    'tx', 'ibc-transfer', 'transfer', options.port ?? 'transfer', options.channel, options.receiver, options.amount,
    '--from', options.from,
    '--chain-id', chain.chainId,
    '--node', chain.rpcUrl,
    '--keyring-backend', 'test',
    '--gas', String(options.gas ?? 200_000),
    '--gas-prices', chain.minGasPrices,
    ...(options.memo !== undefined ? ['--memo', options.memo] : []),
    '--yes', '--output', 'json',
  ];
  const response = JSON.parse(await chain.cli(args)) as { code: number; txhash: string; raw_log?: string };
  if (response.code !== 0) throw new Error(`ibc transfer rejected by CheckTx on ${chain.chainId} (code ${response.code}): ${response.raw_log ?? ''}`);
  return waitForTx(chain.rpcUrl, response.txhash);
}

/** Resolves when the tx with this hash is in a block (CometBFT's tx index); rejects if it failed. */
export async function waitForTx(rpcUrl: string, hash: string, timeoutMs = 30_000): Promise<CommittedTx> {
  const tx = await waitFor(() => rpc<{ height: string; tx_result: { code: number; log: string } }>(rpcUrl, '/tx', { hash: `0x${hash}` }), {
    what: `tx ${hash} to be committed at ${rpcUrl}`,
    timeoutMs,
    intervalMs: 200,
  });
  if (tx.tx_result.code !== 0) throw new Error(`tx ${hash} failed (code ${tx.tx_result.code}): ${tx.tx_result.log}`);
  return { hash, height: Number(tx.height) };
}
