// Target (b): raw ABCI frames on the socket of an app process that has no CometBFT in front of
// it: bad lengths, unknown request types, frames split at every byte boundary, garbage after
// valid frames, and well-framed requests with random bodies. The app must answer what is
// well framed, may drop a connection that is not, and must keep serving new connections.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import { BinaryWriter } from 'cosmjs-types/binary';
import { Request, Response } from 'cosmjs-types/tendermint/abci/types';
import { encodeFrame, FrameDecoder } from '../../../abci/framing.js';
import { zoneGenesis } from '../../../zone/zone.js';
import { freePort, ProcessGroup } from '../../lib/processes.js';
import { startZoneApp } from '../../lib/zone-process.js';
import { randomMessage } from './random-proto.js';
import { Rng } from './rng.js';
import { concat, fuzzKey } from './sign.js';
import { rssMiB, Tally, type TargetReport } from './tally.js';

const CHAIN_ID = 'zonekit-fuzz-abci';
const PROBE_EVERY = 250;
const TIMEOUT_MS = 10_000;

/** Request fields that only read or answer (never change state), and one unused number each. */
const READ_ONLY_REQUESTS = [1, 3, 6, 8, 12, 14, 16, 17, 18, 19];
const RESPONSE_FIELD_OF_REQUEST: Record<number, keyof Response> = {
  1: 'echo', 3: 'info', 6: 'query', 8: 'checkTx', 12: 'listSnapshots', 14: 'loadSnapshotChunk', 16: 'prepareProposal', 17: 'processProposal', 18: 'extendVote', 19: 'verifyVoteExtension',
};
// 4, 7, 9 and 10 are the removed SetOption, BeginBlock, DeliverTx and EndBlock.
const UNKNOWN_REQUESTS = [4, 7, 9, 10, 21, 22, 50, 1000, 536_870_911];

export interface AbciOptions {
  inputs: number;
  seed: number;
  log: (line: string) => void;
}

/** One client connection: writes bytes, collects the decoded responses, notices the close. */
class AbciClient {
  readonly responses: Response[] = [];
  closed = false;
  private readonly decoder = new FrameDecoder();
  private waiter: (() => void) | undefined;
  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      try {
        this.decoder.push(chunk, (frame) => this.responses.push(Response.decode(frame)));
      } catch {
        this.responses.push({ exception: { error: 'client: undecodable response' } });
      }
      this.waiter?.();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
  }

  static open(port: number): Promise<AbciClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host: '127.0.0.1', noDelay: true }, () => resolve(new AbciClient(socket)));
      socket.once('error', reject);
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed) return resolve();
      this.socket.write(bytes, () => resolve());
    });
  }

  /** Resolves when `done` holds (true) or the connection closed / time ran out (false). */
  async until(done: () => boolean, timeoutMs = TIMEOUT_MS): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (this.closed) return done();
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = undefined;
    }
    return true;
  }

  close(): void {
    this.socket.destroy();
  }
}

function frame(request: Request): Uint8Array {
  return encodeFrame(Request.encode(request).finish());
}

/** A Request with field `field` set to `payload` (possibly a field the schema does not know). */
function rawRequestFrame(field: number, payload: Uint8Array): Uint8Array {
  const w = BinaryWriter.create();
  w.uint32((field << 3) | 2).bytes(payload);
  return encodeFrame(w.finish());
}

const FLUSH = frame({ flush: {} });

function varint(value: bigint): Uint8Array {
  const out: number[] = [];
  while (value >= 0x80n) {
    out.push(Number(value & 0x7fn) | 0x80);
    value >>= 7n;
  }
  out.push(Number(value));
  return new Uint8Array(out);
}

export async function runAbci(options: AbciOptions): Promise<{ report: TargetReport; tally: Tally }> {
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-fuzz-abci-'));
  const group = new ProcessGroup();
  const port = await freePort();
  const app = await startZoneApp({ home: join(dir, 'home'), abciAddress: `tcp://127.0.0.1:${port}`, chainId: CHAIN_ID, logFile: join(dir, 'app.log'), group });
  const rng = new Rng(options.seed);
  let persistent: AbciClient | undefined;
  try {
    const sender = fuzzKey('sender', 0n);
    const setup = await AbciClient.open(port);
    await setup.write(
      concat(
        frame({
          initChain: {
            time: { seconds: 1_700_000_000n, nanos: 0 },
            chainId: CHAIN_ID,
            consensusParams: { block: { maxBytes: 22020096n, maxGas: -1n } },
            validators: [],
            appStateBytes: Buffer.from(JSON.stringify(zoneGenesis([{ address: sender.address, coins: [{ denom: 'stake', amount: '1000000' }] }]))),
            initialHeight: 1n,
          },
        }),
        FLUSH,
      ),
    );
    if (!(await setup.until(() => setup.responses.some((r) => r.flush !== undefined))) || setup.responses[0]?.initChain === undefined) {
      throw new Error(`InitChain over the socket failed: ${JSON.stringify(setup.responses[0])}`);
    }
    setup.close();
    const tally = new Tally('abci', { beforeMiB: rssMiB(app.pid), process: 'app process, no CometBFT' });

    // A well-formed sequence, split at every byte boundary in turn.
    const sequence = (nth: number): { bytes: Uint8Array; expect: Array<keyof Response>; message: string } => {
      const message = `split ${nth}`;
      return {
        bytes: concat(
          frame({ echo: { message } }),
          frame({ info: { version: '', blockVersion: 0n, p2pVersion: 0n, abciVersion: '' } }),
          frame({ query: { path: '/cosmos.bank.v1beta1.Query/Balance', data: new Uint8Array([10, 3, 97, 98, 99]), height: 0n, prove: false } }),
          frame({ checkTx: { tx: new Uint8Array([nth & 0xff, 1, 2]), type: 0 } }),
          FLUSH,
        ),
        expect: ['echo', 'info', 'query', 'checkTx', 'flush'],
        message,
      };
    };
    const splitLength = sequence(0).bytes.length;

    const freshExchange = async (bytes: Uint8Array): Promise<{ client: AbciClient; ended: boolean }> => {
      const client = await AbciClient.open(port);
      await client.write(bytes);
      client.socket.end();
      const ended = await client.until(() => client.closed);
      client.close();
      return { client, ended };
    };
    const persistentClient = async (): Promise<AbciClient> => {
      if (persistent === undefined || persistent.closed) persistent = await AbciClient.open(port);
      persistent.responses.length = 0;
      return persistent;
    };

    const kinds = ['random-bytes', 'bad-length', 'unknown-request', 'split-frames', 'garbage-after-valid', 'random-request'] as const;
    const perKind = new Map<string, number>();
    for (let made = 0; made < options.inputs; made++) {
      const kind = kinds[made % kinds.length]!;
      const nth = perKind.get(kind) ?? 0;
      perKind.set(kind, nth + 1);
      const r = rng.fork(made);
      if (kind === 'random-bytes') {
        const { ended } = await freshExchange(r.bytes(r.length(4096)));
        const n = tally.count(kind, ended ? 'closed' : 'hung');
        if (!ended) tally.violation(kind, n, 'the app kept a connection open after its client ended it');
      } else if (kind === 'bad-length') {
        const variant = nth % 5;
        const bytes =
          variant === 0 ? concat(varint(BigInt(64 * 1024 * 1024 + 1 + r.int(1_000_000))), r.bytes(16)) // over the frame limit
          : variant === 1 ? new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]) // varint too long
          : variant === 2 ? concat(varint(BigInt(r.range(100, 60_000))), r.bytes(r.range(0, 99))) // shorter than it claims
          : variant === 3 ? concat(varint(2n ** 63n + BigInt(r.u32())), r.bytes(8)) // 2^63 bytes
          : concat(new Uint8Array([0x00, 0x00, 0x00]), FLUSH); // empty frames: empty requests
        const { client, ended } = await freshExchange(bytes);
        const n = tally.count(kind, ended ? `closed after ${client.responses.length} responses` : 'hung');
        if (!ended) tally.violation(kind, n, 'the app kept a connection open after its client ended it');
        if (variant === 4 && !(client.responses.length === 4 && client.responses.slice(0, 3).every((x) => x.exception !== undefined) && client.responses[3]!.flush !== undefined)) {
          tally.violation(kind, n, `three empty requests and a Flush: expected three exceptions and a Flush, got ${JSON.stringify(client.responses.map((x) => Object.keys(x)))}`);
        }
      } else if (kind === 'unknown-request') {
        const client = await persistentClient();
        const field = r.pick(UNKNOWN_REQUESTS);
        await client.write(concat(rawRequestFrame(field, randomMessage(r, { addresses: [sender.address], denoms: ['stake'] })), FLUSH));
        const ok = await client.until(() => client.responses.some((x) => x.flush !== undefined));
        const answer = client.responses[0]?.exception !== undefined ? 'exception' : client.closed ? 'dropped' : ok ? 'other' : 'hung';
        const n = tally.count(kind, answer);
        if (answer === 'hung') tally.violation(kind, n, `request field ${field}: no answer within ${TIMEOUT_MS} ms`);
        else if (answer === 'other') tally.violation(kind, n, `request field ${field}: expected an exception, got ${JSON.stringify(Object.keys(client.responses[0] ?? {}))}`);
      } else if (kind === 'split-frames') {
        const client = await persistentClient();
        const { bytes, expect, message } = sequence(nth);
        const at = (nth % (splitLength - 1)) + 1;
        await client.write(bytes.subarray(0, at));
        await tick();
        await client.write(bytes.subarray(at));
        const ok = await client.until(() => client.responses.some((x) => x.flush !== undefined));
        const got = client.responses.map((x) => Object.keys(x).find((k) => x[k as keyof Response] !== undefined)!);
        const right = ok && got.join() === expect.join() && client.responses[0]!.echo?.message === message;
        const n = tally.count(kind, right ? 'answered in order' : client.closed ? 'dropped' : 'wrong');
        if (!right) tally.violation(kind, n, `split at byte ${at}: expected ${expect.join(',')}, got ${got.join(',') || 'nothing'}${client.closed ? ' (connection dropped)' : ''}`);
      } else if (kind === 'garbage-after-valid') {
        const garbage = r.chance(0.5) ? new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) : r.bytes(r.range(1, 512));
        const { client, ended } = await freshExchange(concat(frame({ echo: { message: `garbage ${nth}` } }), FLUSH, garbage));
        const n = tally.count(kind, ended ? `closed after ${client.responses.length} responses` : 'hung');
        if (!ended) tally.violation(kind, n, 'the app kept a connection open after its client ended it');
      } else {
        const client = await persistentClient();
        const field = r.pick(READ_ONLY_REQUESTS);
        await client.write(concat(rawRequestFrame(field, randomMessage(r, { addresses: [sender.address], denoms: ['stake'] })), FLUSH));
        const ok = await client.until(() => client.responses.some((x) => x.flush !== undefined));
        const first = client.responses[0];
        const expected = RESPONSE_FIELD_OF_REQUEST[field]!;
        // A body that is not protobuf at all cannot be decoded; the app drops such a connection.
        const answer = first?.[expected] !== undefined ? String(expected) : first?.exception !== undefined ? 'exception' : client.closed ? 'dropped' : ok ? 'other' : 'hung';
        const n = tally.count(kind, answer);
        if (answer === 'hung') tally.violation(kind, n, `request field ${field}: no answer within ${TIMEOUT_MS} ms`);
        else if (answer === 'other') tally.violation(kind, n, `request field ${field}: answered with ${JSON.stringify(Object.keys(first ?? {}))}`);
      }

      if ((made + 1) % PROBE_EVERY === 0 || made + 1 === options.inputs) {
        tally.report.probes++;
        const probe = await AbciClient.open(port).catch((err: Error) => err);
        if (probe instanceof Error || !app.running) {
          tally.violation('probe', made, `the app stopped answering: ${probe instanceof Error ? probe.message : 'process exited'}\n${app.logTail(20)}`);
          break;
        }
        await probe.write(concat(frame({ echo: { message: 'alive?' } }), FLUSH));
        const alive = await probe.until(() => probe.responses.some((x) => x.flush !== undefined));
        probe.close();
        if (!alive || probe.responses[0]?.echo?.message !== 'alive?') {
          tally.violation('probe', made, `the app did not echo within ${TIMEOUT_MS} ms\n${app.logTail(20)}`);
          break;
        }
        if ((made + 1) % (PROBE_EVERY * 40) === 0) options.log(`  abci: ${made + 1} inputs, app rss ${rssMiB(app.pid).toFixed(0)} MiB`);
      }
    }
    persistent?.close();
    return { report: tally.finish(rssMiB(app.pid)), tally };
  } finally {
    persistent?.close();
    await group.stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}
