import { after, afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Request,
  RequestFinalizeBlock,
  RequestPrepareProposal,
  Response,
  ResponseCheckTx,
  ResponseOfferSnapshot_Result,
  ResponseProcessProposal_ProposalStatus,
} from 'cosmjs-types/tendermint/abci/types';
import { AbciServer, parseAddress, type AbciLogger } from './server.js';
import type { Application } from './application.js';
import { FrameDecoder, encodeFrame } from './framing.js';

/** A raw ABCI client speaking the wire format, to watch exactly what the server writes. */
class WireClient {
  readonly responses: Response[] = [];
  readonly closed: Promise<void>;
  bytesReceived = 0;
  private readonly decoder = new FrameDecoder();
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.bytesReceived += chunk.length;
      this.decoder.push(chunk, (frame) => this.responses.push(Response.decode(frame.slice())));
      for (const wake of this.waiters.splice(0)) wake();
    });
    socket.on('error', () => {});
    this.closed = new Promise((resolve) => socket.on('close', () => resolve()));
  }

  static open(address: string): Promise<WireClient> {
    const target = parseAddress(address);
    return new Promise((resolve, reject) => {
      const socket =
        target.kind === 'unix' ? connect(target.path) : connect({ host: target.host, port: target.port });
      socket.once('connect', () => resolve(new WireClient(socket)));
      socket.once('error', reject);
    });
  }

  send(...requests: Request[]): void {
    const frames = requests.map((r) => encodeFrame(Request.encode(Request.fromPartial(r)).finish()));
    this.socket.write(Buffer.concat(frames));
  }

  /** Resolves once `count` responses have arrived in total. */
  async waitForResponses(count: number): Promise<Response[]> {
    while (this.responses.length < count) {
      await new Promise<void>((resolve, reject) => {
        this.waiters.push(resolve);
        this.closed.then(() => reject(new Error(`connection closed after ${this.responses.length} responses`)));
      });
    }
    return this.responses;
  }

  close(): void {
    this.socket.destroy();
  }
}

function capturingLogger(): AbciLogger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info: () => {}, warn: () => {}, error: (msg) => errors.push(msg) };
}

const checkTx = (tx: string): Request => Request.fromPartial({ checkTx: { tx: Buffer.from(tx) } });
const flush: Request = Request.fromPartial({ flush: {} });
const echo = (message: string): Request => Request.fromPartial({ echo: { message } });
const txOf = (r: Response): string => Buffer.from(r.checkTx!.data).toString();

/** Echoes the tx back in `data`, after an optional per-tx delay, to make order visible. */
function echoingApp(delayMs: (tx: string) => number = () => 0): Application {
  return {
    async checkTx({ tx }) {
      const ms = delayMs(Buffer.from(tx).toString());
      if (ms > 0) await new Promise((r) => setTimeout(r, ms));
      return ResponseCheckTx.fromPartial({ data: tx });
    },
  };
}

describe('AbciServer', () => {
  const servers: AbciServer[] = [];
  const clients: WireClient[] = [];
  async function start(app: Application, logger: AbciLogger = capturingLogger(), maxFrameBytes?: number) {
    const server = new AbciServer(app, { logger, maxFrameBytes });
    servers.push(server);
    const address = await server.listen('tcp://127.0.0.1:0');
    return { server, address };
  }
  async function client(address: string): Promise<WireClient> {
    const c = await WireClient.open(address);
    clients.push(c);
    return c;
  }
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const s of servers.splice(0)) await s.close();
  });

  it('answers echo and flush over tcp', async () => {
    const { address } = await start({});
    assert.match(address, /^tcp:\/\/127\.0\.0\.1:\d+$/);
    const c = await client(address);
    c.send(echo('hello'), flush);
    const [first, second] = await c.waitForResponses(2);
    assert.deepEqual(first!.echo, { message: 'hello' });
    assert.deepEqual(second!.flush, {});
  });

  it('answers over a unix socket and removes it on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'abci-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const server = new AbciServer({ info: () => ({ data: 'kv', version: '1', appVersion: 1n, lastBlockHeight: 7n, lastBlockAppHash: new Uint8Array([1]) }) });
    servers.push(server);
    const address = await server.listen(`unix://${join(dir, 'app.sock')}`);
    const c = await client(address);
    c.send(Request.fromPartial({ info: {} }), flush);
    const [info] = await c.waitForResponses(2);
    assert.equal(info!.info!.lastBlockHeight, 7n);
    c.close();
    await server.close();
    const again = new AbciServer({});
    servers.push(again);
    await again.listen(address);
  });

  it('answers pipelined requests in order even when later ones finish first', async () => {
    const { address } = await start(echoingApp((tx) => (Number(tx) % 3) * 4));
    const c = await client(address);
    const txs = Array.from({ length: 60 }, (_, i) => String(i));
    c.send(...txs.map(checkTx), flush);
    const responses = await c.waitForResponses(61);
    assert.deepEqual(responses.slice(0, 60).map(txOf), txs);
    assert.deepEqual(responses[60]!.flush, {});
  });

  it('handles one request at a time per connection', async () => {
    let active = 0;
    let maxActive = 0;
    const { address } = await start({
      async checkTx() {
        maxActive = Math.max(maxActive, ++active);
        await new Promise((r) => setImmediate(r));
        active--;
        return ResponseCheckTx.fromPartial({});
      },
    });
    const c = await client(address);
    c.send(...Array.from({ length: 20 }, () => checkTx('x')), flush);
    await c.waitForResponses(21);
    assert.equal(maxActive, 1);
  });

  it('writes nothing until Flush, then every earlier response before the Flush response', async () => {
    let handled!: () => void;
    const handledOnce = new Promise<void>((r) => (handled = r));
    const { address } = await start({
      checkTx: ({ tx }) => {
        handled();
        return ResponseCheckTx.fromPartial({ data: tx });
      },
    });
    const c = await client(address);
    c.send(checkTx('a'));
    await handledOnce;
    // Negative check: give a write that should not happen a moment to arrive.
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(c.bytesReceived, 0, 'a response was written before Flush');
    c.send(flush);
    const [first, second] = await c.waitForResponses(2);
    assert.equal(txOf(first!), 'a');
    assert.deepEqual(second!.flush, {});
  });

  it('turns a thrown error into ResponseException and keeps serving', async () => {
    const { address } = await start({
      checkTx: ({ tx }) => {
        if (Buffer.from(tx).toString() === 'sync') throw new Error('bad tx: sync');
        return Promise.reject(new Error('bad tx: async'));
      },
      query: () => ({}) as never,
    });
    const c = await client(address);
    c.send(checkTx('sync'), checkTx('async'), Request.fromPartial({ query: {} }), echo('still here'), flush);
    const [sync, async, query, alive] = await c.waitForResponses(5);
    assert.deepEqual(sync!.exception, { error: 'bad tx: sync' });
    assert.deepEqual(async!.exception, { error: 'bad tx: async' });
    assert.match(query!.exception!.error, /cannot encode query response/);
    assert.deepEqual(alive!.echo, { message: 'still here' });
  });

  it('answers an empty Request with ResponseException', async () => {
    const { address } = await start({});
    const c = await client(address);
    c.socket.write(encodeFrame(new Uint8Array()));
    c.send(flush);
    const [unknown] = await c.waitForResponses(2);
    assert.match(unknown!.exception!.error, /unknown request/);
  });

  for (const [what, bytes] of [
    ['a bad varint', new Uint8Array(11).fill(0xff)],
    ['an over-size frame', encodeFrame(new Uint8Array(2000))],
    ['undecodable protobuf', encodeFrame(new Uint8Array([0xff, 0x01]))],
  ] as const) {
    it(`drops a connection that sends ${what} and keeps serving others`, async () => {
      const logger = capturingLogger();
      const { server, address } = await start(echoingApp(), logger, 1024);
      const healthy = await client(address);
      const bad = await client(address);
      bad.send(echo('before garbage'));
      bad.socket.write(bytes);
      await bad.closed;
      assert.equal(logger.errors.length, 1);
      assert.match(logger.errors[0]!, /malformed request/);

      healthy.send(checkTx('ok'), flush);
      assert.equal(txOf((await healthy.waitForResponses(2))[0]!), 'ok');
      const fresh = await client(address);
      fresh.send(echo('new'), flush);
      assert.deepEqual((await fresh.waitForResponses(2))[0]!.echo, { message: 'new' });
      assert.equal(server.connectionCount, 2);
    });
  }

  it('gives missing methods BaseApplication behaviour', async () => {
    const { address } = await start({});
    const c = await client(address);
    const txs = [new Uint8Array(40), new Uint8Array(40), new Uint8Array(40)];
    c.send(
      Request.fromPartial({ prepareProposal: RequestPrepareProposal.fromPartial({ txs, maxTxBytes: 100n }) }),
      Request.fromPartial({ processProposal: { txs } }),
      Request.fromPartial({ finalizeBlock: RequestFinalizeBlock.fromPartial({ txs, height: 1n }) }),
      Request.fromPartial({ offerSnapshot: {} }),
      Request.fromPartial({ commit: {} }),
      flush,
    );
    const [prepare, process, finalize, offer, commit] = await c.waitForResponses(6);
    assert.equal(prepare!.prepareProposal!.txs.length, 2);
    assert.equal(process!.processProposal!.status, ResponseProcessProposal_ProposalStatus.ACCEPT);
    assert.equal(finalize!.finalizeBlock!.txResults.length, 3);
    assert.equal(offer!.offerSnapshot!.result, ResponseOfferSnapshot_Result.REJECT);
    assert.deepEqual(commit!.commit, { retainHeight: 0n });
  });

  it('close() drops every open connection', async () => {
    const { server, address } = await start({});
    const conns = await Promise.all([1, 2, 3, 4].map(() => client(address)));
    conns[0]!.send(echo('x'), flush);
    await conns[0]!.waitForResponses(2);
    await server.close();
    await Promise.all(conns.map((c) => c.closed));
    assert.equal(server.connectionCount, 0);
  });
});

describe('parseAddress', () => {
  it('reads tcp and unix addresses', () => {
    assert.deepEqual(parseAddress('tcp://127.0.0.1:26658'), { kind: 'tcp', host: '127.0.0.1', port: 26658 });
    assert.deepEqual(parseAddress('tcp://:26658'), { kind: 'tcp', host: '0.0.0.0', port: 26658 });
    assert.deepEqual(parseAddress('tcp://[::1]:1'), { kind: 'tcp', host: '::1', port: 1 });
    assert.deepEqual(parseAddress('unix:///tmp/app.sock'), { kind: 'unix', path: '/tmp/app.sock' });
    assert.throws(() => parseAddress('http://x'), /expected tcp/);
  });
});
