// The Go relayer (`rly` v2.6.0) as tests, the IBC devnet and the IBC benchmark drive it: its
// own --home, one ordinary cosmos chain config per chain (nothing zonekit-specific, so a zone
// is relayed exactly like any SDK chain), keys restored from mnemonics, a path linked with
// `rly tx link`, packets relayed on demand (`rly tx flush`) or continuously (`rly start`, a
// child process stopped by PID).
import { execFile } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectBinary } from './cometbft.js';
import { startProcess, type ProcessGroup, type ProcessHandle } from './processes.js';

const execFileAsync = promisify(execFile);

export const RLY_VERSION = 'v2.6.0';
/** The longest one rly command (a link, a flush) may run. */
export const RLY_CALL_TIMEOUT_MS = 240_000;

export function rlyBinary(): string {
  return projectBinary('rly', `Run scripts/install-ibc-peers.sh to build the Go relayer ${RLY_VERSION} (and ibc-go's simd).`);
}

export interface RlyChain {
  chainId: string;
  /** CometBFT RPC, http://host:port: rly talks to a chain only through it. */
  rpcUrl: string;
  /** The relayer's account on this chain; it pays the fees, so it must be funded. */
  mnemonic: string;
  /** e.g. "0.0025stake": at least the chain's minimum gas price. */
  gasPrices: string;
  /** Key name in rly's keyring for this chain (default "relayer"). */
  key?: string;
  /** Multiplies simulated gas (default 1.5). */
  gasAdjustment?: number;
  /** Per-query and per-broadcast timeout (default 20s). */
  timeout?: string;
  /** How often `rly start` polls the chain for new blocks, in ms (default 200). */
  minLoopDurationMs?: number;
}

/** The chain JSON `rly chains add --file` reads: an ordinary cosmos provider config. */
export function rlyChainConfig(chain: RlyChain): { type: 'cosmos'; value: Record<string, unknown> } {
  return {
    type: 'cosmos',
    value: {
      key: chain.key ?? 'relayer',
      'chain-id': chain.chainId,
      'rpc-addr': chain.rpcUrl,
      'account-prefix': 'cosmos',
      'keyring-backend': 'test',
      'gas-adjustment': chain.gasAdjustment ?? 1.5,
      'gas-prices': chain.gasPrices,
      debug: false,
      timeout: chain.timeout ?? '20s',
      'output-format': 'json',
      'sign-mode': 'direct',
      // A Go time.Duration: a JSON number counts nanoseconds.
      'min-loop-duration': (chain.minLoopDurationMs ?? 200) * 1_000_000,
    },
  };
}

export interface PathEnd {
  chainId: string;
  clientId: string;
  connectionId: string;
  portId: string;
  channelId: string;
}

export interface LinkedPath {
  name: string;
  src: PathEnd;
  dst: PathEnd;
}

export interface LinkOptions {
  srcPort?: string;
  dstPort?: string;
  /** Channel version (default ics20-1). */
  version?: string;
  order?: 'unordered' | 'ordered';
}

/** Sequences not yet relayed on a channel, per side, as `rly q unrelayed-*` reports them. */
export interface Unrelayed {
  packets: { src: number[]; dst: number[] };
  acks: { src: number[]; dst: number[] };
}

interface IdentifiedChannel {
  state: string;
  port_id: string;
  channel_id: string;
  counterparty: { port_id: string; channel_id: string };
}

export class Relayer {
  private readonly children: ProcessHandle[] = [];

  private constructor(
    readonly home: string,
    private readonly group: ProcessGroup | undefined,
  ) {}

  /** `rly config init` in a new home. */
  static async init(home: string, options: { group?: ProcessGroup } = {}): Promise<Relayer> {
    mkdirSync(join(home, 'logs'), { recursive: true });
    const relayer = new Relayer(home, options.group);
    await relayer.rly(['config', 'init']);
    return relayer;
  }

  get logDir(): string {
    return join(this.home, 'logs');
  }

  /**
   * Runs `rly args --home <home>`; resolves to stdout. With `logFile`, rly logs JSON and its
   * output is appended there. Rejects with the command and the tail of its output.
   */
  async rly(args: readonly string[], logFile?: string): Promise<string> {
    if (logFile !== undefined) appendFileSync(logFile, `\n--- rly ${printable(args)} (${new Date().toISOString()}) ---\n`);
    const log = (text: string): void => void (logFile !== undefined && appendFileSync(logFile, text));
    try {
      const argv = [...args, '--home', this.home, ...(logFile !== undefined ? ['--log-format', 'json'] : [])];
      // A bound on every call: rly retries some failures forever (an expired client), and a
      // test must fail with the log instead of hanging.
      const { stdout, stderr } = await execFileAsync(rlyBinary(), argv, { maxBuffer: 64 * 1024 * 1024, timeout: RLY_CALL_TIMEOUT_MS });
      log(stderr + stdout);
      return stdout;
    } catch (err) {
      const { stderr = '', stdout = '' } = err as { stderr?: string; stdout?: string };
      log(stderr + stdout);
      const tail = `${stderr}${stdout}`.trim().split('\n').slice(-15).join('\n');
      throw new Error(`rly ${printable(args)} failed:\n${tail || String(err)}${logFile !== undefined ? `\n(full log: ${logFile})` : ''}`);
    }
  }

  /** Adds the chain (named by its chain id) and restores its key; resolves to the relayer's address there. */
  async addChain(chain: RlyChain): Promise<string> {
    const file = join(this.home, 'chains', `${chain.chainId}.json`);
    mkdirSync(join(this.home, 'chains'), { recursive: true });
    writeFileSync(file, JSON.stringify(rlyChainConfig(chain), null, 2) + '\n');
    await this.rly(['chains', 'add', '--file', file, chain.chainId]);
    return (await this.rly(['keys', 'restore', chain.chainId, chain.key ?? 'relayer', chain.mnemonic])).trim();
  }

  async newPath(name: string, srcChainId: string, dstChainId: string): Promise<void> {
    await this.rly(['paths', 'new', srcChainId, dstChainId, name]);
  }

  /** Clients, connection and channel in one `rly tx link`; resolves to the ids on both sides. */
  async link(path: string, options: LinkOptions = {}): Promise<LinkedPath> {
    const srcPort = options.srcPort ?? 'transfer';
    const dstPort = options.dstPort ?? 'transfer';
    const args = ['tx', 'link', path, '--src-port', srcPort, '--dst-port', dstPort, '--version', options.version ?? 'ics20-1', '--order', options.order ?? 'unordered'];
    await this.rly(args, join(this.logDir, `link-${path}.log`));
    return this.linkedPath(path, srcPort, dstPort);
  }

  /** The ids of a linked path: clients and connections from `rly paths show`, the newest open channel between the ports. */
  async linkedPath(path: string, srcPort = 'transfer', dstPort = 'transfer'): Promise<LinkedPath> {
    const shown = JSON.parse(await this.rly(['paths', 'show', path, '--json'])) as {
      chains: Record<'src' | 'dst', { 'chain-id': string; 'client-id': string; 'connection-id': string }>;
    };
    const { src, dst } = shown.chains;
    const out = await this.rly(['q', 'connection-channels', src['chain-id'], src['connection-id']]);
    const channels = out
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as IdentifiedChannel)
      .filter((c) => c.state === 'STATE_OPEN' && c.port_id === srcPort && c.counterparty.port_id === dstPort)
      .sort((a, b) => channelNumber(b.channel_id) - channelNumber(a.channel_id));
    const channel = channels[0];
    if (channel === undefined) throw new Error(`no open ${srcPort}/${dstPort} channel on ${src['connection-id']} of ${src['chain-id']} (path ${path})`);
    return {
      name: path,
      src: { chainId: src['chain-id'], clientId: src['client-id'], connectionId: src['connection-id'], portId: srcPort, channelId: channel.channel_id },
      dst: { chainId: dst['chain-id'], clientId: dst['client-id'], connectionId: dst['connection-id'], portId: dstPort, channelId: channel.counterparty.channel_id },
    };
  }

  /** One `rly tx flush`: relays pending packets and acks in both directions, then exits. */
  async flush(path: string, srcChannel?: string): Promise<void> {
    await this.rly(['tx', 'flush', path, ...(srcChannel ? [srcChannel] : [])], join(this.logDir, `flush-${path}.log`));
  }

  async unrelayed(path: string, srcChannel: string): Promise<Unrelayed> {
    type Sides = { src: number[] | null; dst: number[] | null };
    const parse = (out: string): { src: number[]; dst: number[] } => {
      const sides = JSON.parse(out.trim().split('\n').pop()!) as Sides;
      return { src: sides.src ?? [], dst: sides.dst ?? [] };
    };
    const [packets, acks] = await Promise.all([
      this.rly(['q', 'unrelayed-packets', path, srcChannel]),
      this.rly(['q', 'unrelayed-acknowledgements', path, srcChannel]),
    ]);
    return { packets: parse(packets), acks: parse(acks) };
  }

  /**
   * Flushes until nothing is left to relay on the channel: a flush exits once it has sent what
   * it saw, so an ack written by its own MsgRecvPacket may need the next one.
   */
  async relayAll(path: string, srcChannel: string, maxFlushes = 5): Promise<void> {
    let left: Unrelayed | undefined;
    for (let i = 0; i < maxFlushes; i++) {
      await this.flush(path, srcChannel);
      left = await this.unrelayed(path, srcChannel);
      const pending = [left.packets.src, left.packets.dst, left.acks.src, left.acks.dst].some((seqs) => seqs.length > 0);
      if (!pending) return;
    }
    throw new Error(`still unrelayed on ${path} ${srcChannel} after ${maxFlushes} flushes: ${JSON.stringify(left)} (log: ${join(this.logDir, `flush-${path}.log`)})`);
  }

  /** `rly start <path>` in the background, logging to `logs/start-<path>.log` in the home. */
  start(path: string, options: { detached?: boolean; args?: readonly string[] } = {}): ProcessHandle {
    const logFile = join(this.logDir, `start-${path}.log`);
    appendFileSync(logFile, `\n--- start ${new Date().toISOString()} ---\n`);
    const child = startProcess(rlyBinary(), ['start', path, '--home', this.home, '--log-format', 'json', ...(options.args ?? [])], {
      logFile,
      ...(this.group ? { group: this.group } : {}),
      detached: options.detached ?? false,
    });
    this.children.push(child);
    return child;
  }

  /** Stops every `rly start` this relayer began, by PID. */
  async stop(): Promise<void> {
    for (const child of this.children.splice(0)) await child.stop(10_000);
  }
}

/** The command line for messages, with a mnemonic (`keys restore`) masked. */
function printable(args: readonly string[]): string {
  return args.map((arg) => (arg.trim().split(/\s+/).length >= 12 ? '<mnemonic>' : arg)).join(' ');
}

function channelNumber(id: string): number {
  return Number(/(\d+)$/.exec(id)?.[1] ?? -1);
}
