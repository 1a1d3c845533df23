// ABCI socket server: accepts CometBFT's connections and routes requests to an Application.
import { lstatSync, unlinkSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Application } from './application.js';
import { Connection, type AbciLogger } from './connection.js';
import { DEFAULT_MAX_FRAME_BYTES } from './framing.js';

export type { AbciLogger } from './connection.js';

export interface AbciServerOptions {
  /** Largest request frame accepted; a larger one drops the connection. */
  maxFrameBytes?: number;
  /** Connection-level events only; nothing is logged per request. Default: errors to stderr. */
  logger?: AbciLogger;
}

const stderrLogger: AbciLogger = {
  info: () => {},
  warn: (msg) => console.warn(msg),
  error: (msg) => console.error(msg),
};

/** A `tcp://host:port` or `unix:///path` address, as CometBFT's `proxy_app` takes. */
export type ListenTarget = { kind: 'tcp'; host: string; port: number } | { kind: 'unix'; path: string };

export function parseAddress(address: string): ListenTarget {
  if (address.startsWith('unix://')) {
    const path = address.slice('unix://'.length);
    if (path === '') throw new Error(`invalid ABCI address ${address}: missing socket path`);
    return { kind: 'unix', path };
  }
  const match = /^(?:tcp:\/\/)?(\[[^\]]+\]|[^:/]*):(\d+)$/.exec(address);
  if (match === null) throw new Error(`invalid ABCI address ${address}: expected tcp://host:port or unix:///path`);
  const host = match[1]!.replace(/^\[|\]$/g, '');
  return { kind: 'tcp', host: host === '' ? '0.0.0.0' : host, port: Number(match[2]) };
}

export class AbciServer {
  private readonly app: Application;
  private readonly maxFrameBytes: number;
  private readonly logger: AbciLogger;
  private readonly connections = new Set<Connection>();
  private server: Server | null = null;
  private unixPath: string | null = null;

  constructor(app: Application, options: AbciServerOptions = {}) {
    this.app = app;
    this.maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    this.logger = options.logger ?? stderrLogger;
  }

  /** Starts listening; resolves with the bound address (the real port when asked for port 0). */
  async listen(address: string): Promise<string> {
    if (this.server !== null) throw new Error('AbciServer is already listening');
    const target = parseAddress(address);
    const server = createServer({ noDelay: true }, (socket) => this.accept(socket));
    if (target.kind === 'unix') removeStaleSocket(target.path);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      if (target.kind === 'unix') server.listen(target.path, resolve);
      else server.listen(target.port, target.host, resolve);
    });
    server.on('error', (err) => this.logger.error(`abci: server error: ${err.message}`));
    this.server = server;
    if (target.kind === 'unix') {
      this.unixPath = target.path;
      return `unix://${target.path}`;
    }
    const bound = server.address() as AddressInfo;
    const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
    return `tcp://${host}:${bound.port}`;
  }

  /** Stops accepting, drops every open connection, and resolves once the listener is closed. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const connection of this.connections) connection.destroy();
    this.connections.clear();
    if (server !== null) await new Promise<void>((resolve) => server.close(() => resolve()));
    if (this.unixPath !== null) {
      removeStaleSocket(this.unixPath);
      this.unixPath = null;
    }
  }

  /** Number of open connections (CometBFT holds four). */
  get connectionCount(): number {
    return this.connections.size;
  }

  private accept(socket: Socket): void {
    const connection = new Connection(socket, this.app, this.maxFrameBytes, this.logger, () =>
      this.connections.delete(connection),
    );
    this.connections.add(connection);
  }
}

function removeStaleSocket(path: string): void {
  try {
    if (lstatSync(path).isSocket()) unlinkSync(path);
  } catch {
    // Nothing there: nothing to remove.
  }
}
