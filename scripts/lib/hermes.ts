// Hermes (`ibc-relayer-cli` 1.10.5), the Rust relayer, as tests drive it: one config.toml in
// its own home with an ordinary CosmosSdk entry per chain (nothing zonekit-specific, so a zone
// is relayed exactly like any SDK chain), keys restored from mnemonics into that home, a
// channel made from nothing with `create channel --new-client-connection`, packets relayed on
// demand (`clear packets`) or continuously (`hermes start`, a child process stopped by PID).
// The same shape as relayer.ts's Relayer (addChain, newPath, link, relayAll, unrelayed, start,
// stop), so one test flow can run with either relayer.
import { execFile } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'smol-toml';
import { projectBinary } from './cometbft.js';
import { startProcess, type ProcessGroup, type ProcessHandle } from './processes.js';
import type { LinkedPath, LinkOptions, PathEnd, Unrelayed } from './relayer.js';

const execFileAsync = promisify(execFile);

export const HERMES_VERSION = '1.10.5';

export function hermesBinary(): string {
  return projectBinary('hermes', `Run scripts/install-ibc-peers.sh hermes to build Hermes ${HERMES_VERSION}.`);
}

export interface HermesChain {
  chainId: string;
  /** CometBFT RPC, http://host:port (queries with proofs, headers, the websocket). */
  rpcUrl: string;
  /** The node's gRPC server, http://host:port (ibc, auth, staking, tx services). */
  grpcUrl: string;
  /** The relayer's account on this chain; it pays the fees, so it must be funded. */
  mnemonic: string;
  /** e.g. "0.01uatom": at least the chain's minimum gas price. */
  gasPrice: string;
  /** Key name in Hermes's keyring for this chain (default "relayer"). */
  key?: string;
  /** `push`: CometBFT's websocket (the default); `pull`: polls /block_results. */
  eventSource?: 'push' | 'pull';
  /** The light client's trusting period; below the chain's unbonding time (default 14days, for 21 days). */
  trustingPeriod?: string;
  /** CometBFT's RPC dialect (default 0.38, what zonekit and ibc-go v8's simd run). */
  compatMode?: '0.34' | '0.37' | '0.38';
  /** Multiplies simulated gas (default 1.5). */
  gasMultiplier?: number;
  maxGas?: number;
}

/** "0.01uatom" → Hermes's `{ price, denom }`. */
export function parseGasPrice(text: string): { price: number; denom: string } {
  const match = /^(\d+(?:\.\d+)?)([a-zA-Z][a-zA-Z0-9/:._-]*)$/.exec(text.trim());
  if (match === null) throw new Error(`invalid gas price ${JSON.stringify(text)}: expected e.g. 0.01uatom`);
  return { price: Number(match[1]), denom: match[2]! };
}

/** One `[[chains]]` entry: an ordinary Cosmos SDK chain. */
export function hermesChainConfig(chain: HermesChain, keyStore: string): Record<string, unknown> {
  const rpc = new URL(chain.rpcUrl);
  return {
    id: chain.chainId,
    type: 'CosmosSdk',
    rpc_addr: chain.rpcUrl,
    grpc_addr: chain.grpcUrl,
    // wss:// for an https RPC: Hermes subscribes to NewBlock and Tx events there.
    event_source:
      chain.eventSource === 'pull'
        ? { mode: 'pull', interval: '500ms' }
        : { mode: 'push', url: `${rpc.protocol === 'https:' ? 'wss' : 'ws'}://${rpc.host}${rpc.pathname.replace(/\/$/, '')}/websocket`, batch_delay: '200ms' },
    rpc_timeout: '20s',
    // Verify every header with the light client before it goes into a client update: the zone's
    // headers then pass the same checks a cautious operator's Hermes applies.
    trusted_node: false,
    account_prefix: 'cosmos',
    key_name: chain.key ?? 'relayer',
    key_store_folder: keyStore,
    store_prefix: 'ibc',
    default_gas: 200_000,
    max_gas: chain.maxGas ?? 4_000_000,
    gas_price: parseGasPrice(chain.gasPrice),
    gas_multiplier: chain.gasMultiplier ?? 1.5,
    max_msg_num: 30,
    max_tx_size: 2_097_152,
    clock_drift: '5s',
    max_block_time: '30s',
    trusting_period: chain.trustingPeriod ?? '14days',
    trust_threshold: '2/3',
    address_type: { derivation: 'cosmos' },
    compat_mode: chain.compatMode ?? '0.38',
  };
}

/** The whole config.toml: relay packets and keep clients fresh; no REST or telemetry servers. */
export function hermesConfig(chains: readonly Record<string, unknown>[]): string {
  return stringify({
    global: { log_level: 'info' },
    mode: {
      // Every chain here has one validator and a trusted operator: misbehaviour watching only adds queries.
      clients: { enabled: true, refresh: true, misbehaviour: false },
      connections: { enabled: false },
      // Channels: finish the handshakes that interchain-account registrations begin.
      channels: { enabled: true },
      packets: { enabled: true, clear_interval: 100, clear_on_start: true, tx_confirmation: false },
    },
    // Both need host and port even when off.
    rest: { enabled: false, host: '127.0.0.1', port: 3000 },
    telemetry: { enabled: false, host: '127.0.0.1', port: 3001 },
    chains,
  });
}

/** One side of `hermes create channel`'s result (1.10's JSON; the chain is not named in it). */
interface ChannelSide {
  client_id: string;
  connection_id: string;
  port_id: string;
  channel_id: string;
}

/** `hermes query packet pending` (JSON): sequences per side. */
interface PendingSummary {
  src: { unreceived_packets: number[]; unreceived_acks: number[] };
  dst: { unreceived_packets: number[]; unreceived_acks: number[] };
}

export interface HealthReport {
  /** Chain id → whether Hermes found it healthy. */
  healthy: Record<string, boolean>;
  /** Chain id → every WARN or ERROR Hermes logged while checking it, e.g. an SDK or ibc-go version it does not support. */
  warnings: Record<string, string[]>;
}

export class Hermes {
  private readonly children: ProcessHandle[] = [];
  private readonly chains = new Map<string, Record<string, unknown>>();
  private readonly paths = new Map<string, { src: string; dst: string; linked?: LinkedPath }>();

  private constructor(
    readonly home: string,
    private readonly group: ProcessGroup | undefined,
  ) {}

  /** A new home with an empty config (chains come with addChain). */
  static async init(home: string, options: { group?: ProcessGroup } = {}): Promise<Hermes> {
    mkdirSync(join(home, 'logs'), { recursive: true });
    mkdirSync(join(home, 'keys'), { recursive: true });
    const hermes = new Hermes(home, options.group);
    hermes.writeConfig();
    return hermes;
  }

  get configFile(): string {
    return join(this.home, 'config.toml');
  }

  get logDir(): string {
    return join(this.home, 'logs');
  }

  private writeConfig(): void {
    writeFileSync(this.configFile, hermesConfig([...this.chains.values()]));
  }

  /**
   * Runs `hermes --config <home>/config.toml --json args`; resolves to the `result` of its
   * JSON answer. Its logs (JSON lines on stderr) are appended to `logFile` when given.
   * Rejects with the command and the tail of its output.
   */
  async hermes(args: readonly string[], logFile = join(this.logDir, 'commands.log')): Promise<unknown> {
    appendFileSync(logFile, `\n--- hermes ${args.join(' ')} (${new Date().toISOString()}) ---\n`);
    let stdout = '';
    let stderr = '';
    let failed: unknown;
    try {
      ({ stdout, stderr } = await execFileAsync(hermesBinary(), ['--config', this.configFile, '--json', ...args], { maxBuffer: 64 * 1024 * 1024 }));
    } catch (err) {
      ({ stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string });
      failed = err;
    }
    appendFileSync(logFile, stderr + stdout);
    const answer = lastJson(stdout);
    if (failed === undefined && answer?.status === 'success') return answer.result;
    const reason = answer !== undefined ? JSON.stringify(answer.result) : `${stderr}${stdout}`.trim().split('\n').slice(-15).join('\n') || String(failed);
    throw new Error(`hermes ${args.join(' ')} failed: ${reason}\n(full log: ${logFile})`);
  }

  /** Adds the chain to config.toml and restores its key; resolves to the relayer's address there. */
  async addChain(chain: HermesChain): Promise<string> {
    this.chains.set(chain.chainId, hermesChainConfig(chain, join(this.home, 'keys')));
    this.writeConfig();
    // The mnemonic goes through a file (never the command line), readable only by us.
    const mnemonicFile = join(this.home, 'keys', `${chain.chainId}.mnemonic`);
    writeFileSync(mnemonicFile, chain.mnemonic + '\n', { mode: 0o600 });
    const result = String(await this.hermes(['keys', 'add', '--chain', chain.chainId, '--mnemonic-file', mnemonicFile, '--overwrite']));
    const address = /\((cosmos1[0-9a-z]+)\)/.exec(result)?.[1];
    if (address === undefined) throw new Error(`hermes keys add did not report an address: ${result}`);
    return address;
  }

  /** Names a pair of chains, as `rly paths new` does (Hermes itself has no paths). */
  async newPath(name: string, srcChainId: string, dstChainId: string): Promise<void> {
    for (const id of [srcChainId, dstChainId]) if (!this.chains.has(id)) throw new Error(`chain ${id} is not in Hermes's config; addChain it first`);
    this.paths.set(name, { src: srcChainId, dst: dstChainId });
  }

  /** Clients, connection and channel from nothing in one `create channel --new-client-connection`. */
  async link(path: string, options: LinkOptions = {}): Promise<LinkedPath> {
    const pair = this.path(path);
    const srcPort = options.srcPort ?? 'transfer';
    const dstPort = options.dstPort ?? 'transfer';
    const args = [
      'create', 'channel', '--a-chain', pair.src, '--b-chain', pair.dst, '--a-port', srcPort, '--b-port', dstPort,
      '--order', options.order ?? 'unordered', '--channel-version', options.version ?? 'ics20-1', '--new-client-connection', '--yes',
    ];
    const channel = (await this.hermes(args, join(this.logDir, `link-${path}.log`))) as { a_side: ChannelSide; b_side: ChannelSide };
    const end = (chainId: string, side: ChannelSide): PathEnd => ({
      chainId,
      clientId: side.client_id,
      connectionId: side.connection_id,
      portId: side.port_id,
      channelId: side.channel_id,
    });
    pair.linked = { name: path, src: end(pair.src, channel.a_side), dst: end(pair.dst, channel.b_side) };
    return pair.linked;
  }

  /** The ids `link` made. */
  linkedPath(path: string): LinkedPath {
    const linked = this.path(path).linked;
    if (linked === undefined) throw new Error(`path ${path} is not linked yet`);
    return linked;
  }

  /** One `hermes clear packets`: relays pending packets, acks and timeouts in both directions of the channel. */
  async clearPackets(path: string, srcChannel: string): Promise<void> {
    const end = this.end(path, srcChannel);
    await this.hermes(['clear', 'packets', '--chain', end.chainId, '--port', end.portId, '--channel', end.channelId], join(this.logDir, `clear-${path}.log`));
  }

  async unrelayed(path: string, srcChannel: string): Promise<Unrelayed> {
    const end = this.end(path, srcChannel);
    const pending = (await this.hermes(['query', 'packet', 'pending', '--chain', end.chainId, '--port', end.portId, '--channel', end.channelId])) as PendingSummary;
    return {
      packets: { src: pending.src.unreceived_packets, dst: pending.dst.unreceived_packets },
      acks: { src: pending.src.unreceived_acks, dst: pending.dst.unreceived_acks },
    };
  }

  /** Clears until nothing is left on the channel: an ack written by a clear's own MsgRecvPacket may need the next one. */
  async relayAll(path: string, srcChannel: string, maxClears = 5): Promise<void> {
    let left: Unrelayed | undefined;
    for (let i = 0; i < maxClears; i++) {
      await this.clearPackets(path, srcChannel);
      left = await this.unrelayed(path, srcChannel);
      const pending = [left.packets.src, left.packets.dst, left.acks.src, left.acks.dst].some((seqs) => seqs.length > 0);
      if (!pending) return;
    }
    throw new Error(`still unrelayed on ${path} ${srcChannel} after ${maxClears} clears: ${JSON.stringify(left)} (log: ${join(this.logDir, `clear-${path}.log`)})`);
  }

  /** `hermes health-check` over every configured chain; its verdict per chain and every warning it logged. */
  async healthCheck(): Promise<HealthReport> {
    const logFile = join(this.logDir, 'health-check.log');
    appendFileSync(logFile, `\n--- hermes health-check (${new Date().toISOString()}) ---\n`);
    const { stdout, stderr } = await execFileAsync(hermesBinary(), ['--config', this.configFile, '--json', 'health-check'], { maxBuffer: 16 * 1024 * 1024 });
    appendFileSync(logFile, stderr + stdout);
    const healthy: Record<string, boolean> = {};
    const warnings: Record<string, string[]> = {};
    for (const line of `${stderr}\n${stdout}`.split('\n')) {
      const entry = parseJson(line) as { level?: string; fields?: { message?: string }; spans?: Array<{ chain?: string }> } | undefined;
      if (entry?.level === undefined) continue;
      const message = entry.fields?.message ?? '';
      const chain = entry.spans?.find((span) => span.chain !== undefined)?.chain;
      if (chain !== undefined && message === 'chain is healthy') healthy[chain] = true;
      else if (chain !== undefined && message === 'chain is not healthy') healthy[chain] = false;
      else if (entry.level === 'WARN' || entry.level === 'ERROR') (warnings[chain ?? '-'] ??= []).push(message);
    }
    return { healthy, warnings };
  }

  /** `hermes start` in the background (every chain, every channel), logging to `logs/start.log` in the home. */
  start(options: { detached?: boolean } = {}): ProcessHandle {
    const logFile = join(this.logDir, 'start.log');
    appendFileSync(logFile, `\n--- start ${new Date().toISOString()} ---\n`);
    const child = startProcess(hermesBinary(), ['--config', this.configFile, '--json', 'start'], {
      logFile,
      ...(this.group ? { group: this.group } : {}),
      detached: options.detached ?? false,
    });
    this.children.push(child);
    return child;
  }

  /** Stops every `hermes start` this harness began, by PID. */
  async stop(): Promise<void> {
    for (const child of this.children.splice(0)) await child.stop(10_000);
  }

  private path(name: string): { src: string; dst: string; linked?: LinkedPath } {
    const pair = this.paths.get(name);
    if (pair === undefined) throw new Error(`no path ${name}; newPath it first`);
    return pair;
  }

  /** The src side of a linked path, whose channel rly-style calls name (both sides' channels may share an id). */
  private end(path: string, srcChannel: string): PathEnd {
    const { src } = this.linkedPath(path);
    if (src.channelId !== srcChannel) throw new Error(`path ${path} has channel ${src.channelId} on ${src.chainId}, not ${srcChannel}`);
    return src;
  }
}

function parseJson(line: string): unknown {
  if (!line.trim().startsWith('{')) return undefined;
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** The last `{ status, result }` line Hermes printed. */
function lastJson(stdout: string): { status: string; result: unknown } | undefined {
  const lines = stdout.trim().split('\n').reverse();
  for (const line of lines) {
    const value = parseJson(line) as { status?: unknown; result?: unknown } | undefined;
    if (value !== undefined && typeof value.status === 'string') return { status: value.status, result: value.result };
  }
  return undefined;
}
