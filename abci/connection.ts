// One CometBFT connection: read ahead, handle in order, answer in order, write on Flush.
import type { Socket } from 'node:net';
import { BinaryWriter } from 'cosmjs-types/binary';
import { Request, Response } from 'cosmjs-types/tendermint/abci/types';
import { ABCI_METHODS, defaultHandlers, type AbciMethod, type Application } from './application.js';
import { FrameDecoder } from './framing.js';

/** Structural logger: console and pino both fit. */
export interface AbciLogger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

// Stop reading ahead once this many requests wait; bounds memory under a request flood.
const MAX_QUEUED_REQUESTS = 4096;
// Write out buffered responses past this size even before a Flush, so memory stays bounded.
const MAX_BUFFERED_BYTES = 1 << 20;

/**
 * One CometBFT connection. Requests are read ahead into a queue but handled one
 * at a time, in order; responses are buffered and written when a Flush arrives,
 * which therefore goes out after every earlier response.
 */
export class Connection {
  private readonly decoder: FrameDecoder;
  private readonly queue: Request[] = [];
  private head = 0;
  private running = false;
  private closed = false;
  private paused = false;
  // Responses already framed (unsigned varint length + body) and waiting for a Flush.
  private out = BinaryWriter.create();
  private readonly name: string;

  constructor(
    private readonly socket: Socket,
    private readonly app: Application,
    maxFrameBytes: number,
    private readonly logger: AbciLogger,
    private readonly onClose: () => void,
  ) {
    this.decoder = new FrameDecoder(maxFrameBytes);
    this.name = socket.remoteAddress !== undefined ? `${socket.remoteAddress}:${socket.remotePort}` : 'unix socket';
    logger.info(`abci: connection from ${this.name}`);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => this.logger.warn(`abci: connection ${this.name}: ${err.message}`));
    socket.on('close', () => this.onSocketClose());
  }

  destroy(): void {
    this.socket.destroy();
    this.onSocketClose();
  }

  private onSocketClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    this.head = 0;
    this.logger.info(`abci: connection ${this.name} closed`);
    this.onClose();
  }

  // Byte fields of the decoded request (txs, query data) are views into the socket
  // chunk, not copies: an app that keeps them long-term keeps the chunk alive.
  private readonly enqueueFrame = (frame: Uint8Array): void => {
    this.queue.push(Request.decode(frame));
  };

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    try {
      this.decoder.push(chunk, this.enqueueFrame);
    } catch (err) {
      this.logger.error(`abci: dropping connection ${this.name}: malformed request: ${messageOf(err)}`);
      this.destroy();
      return;
    }
    if (!this.paused && this.queue.length - this.head >= MAX_QUEUED_REQUESTS) {
      this.paused = true;
      this.socket.pause();
    }
    if (!this.running) void this.drain();
  }

  // Runs until the queue is empty. Synchronous handlers are not awaited, so a
  // burst of sync requests costs no promise or microtask per request.
  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (!this.closed && this.head < this.queue.length) {
        const request = this.queue[this.head]!;
        this.queue[this.head++] = undefined as unknown as Request;

        if (request.flush !== undefined) {
          this.append({ flush: {} });
          if (!this.writeOut()) await this.drained();
          continue;
        }

        let response: Response;
        try {
          const result = dispatch(this.app, request);
          response = isPromiseLike(result) ? await result : result;
        } catch (err) {
          response = { exception: { error: messageOf(err) } };
        }
        if (this.closed) break;
        this.append(response);
        if (this.out.len >= MAX_BUFFERED_BYTES && !this.writeOut()) await this.drained();
      }
    } finally {
      this.running = false;
    }
    if (this.closed) return;
    this.queue.length = 0;
    this.head = 0;
    if (this.paused) {
      this.paused = false;
      this.socket.resume();
    }
  }

  /**
   * Frames `response` into the pending output; an unencodable response becomes an exception.
   * fork()+ldelim() puts the body behind its unsigned varint length, the frame format
   * CometBFT expects, built in place without a buffer per response.
   */
  private append(response: Response): void {
    const before = this.out.states;
    this.out.fork();
    try {
      Response.encode(response, this.out).ldelim();
    } catch (err) {
      // An encoder that threw may have left nested forks open; unwind to our starting point.
      while (this.out.states !== before) this.out.reset();
      const error = `cannot encode ${Object.keys(response).join(',')} response: ${messageOf(err)}`;
      Response.encode({ exception: { error } }, this.out.fork()).ldelim();
    }
  }

  /** Writes the pending output; false when the socket asks us to wait for 'drain'. */
  private writeOut(): boolean {
    if (this.out.len === 0 || this.closed) return true;
    const bytes = this.out.finish();
    this.out = BinaryWriter.create();
    return this.socket.write(bytes);
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.socket.off('drain', done);
        this.socket.off('close', done);
        resolve();
      };
      this.socket.on('drain', done);
      this.socket.on('close', done);
    });
  }
}

type Handler = (req: unknown) => Response[AbciMethod] | Promise<Response[AbciMethod]>;

/** Calls the Application method named by the request's oneof field (or its default). */
function dispatch(app: Application, request: Request): Response | Promise<Response> {
  for (const method of ABCI_METHODS) {
    const req = request[method];
    if (req === undefined) continue;
    const own = app[method] as Handler | undefined;
    const result = own !== undefined ? own.call(app, req) : (defaultHandlers[method] as Handler)(req);
    if (isPromiseLike(result)) return Promise.resolve(result).then((value) => wrap(method, value));
    return wrap(method, result);
  }
  throw new Error('unknown request: no known ABCI request type is set');
}

function wrap(method: AbciMethod, value: Response[AbciMethod]): Response {
  if (value === undefined || value === null) throw new Error(`${method} returned no response`);
  return { [method]: value } as Response;
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
