// The devnet's fixed ports are the CometBFT defaults, so another node (or an earlier devnet)
// may hold them: say which one and how to move, rather than let a child die on bind.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { DevnetPorts } from './init.js';
import { isAlive } from '../lib/processes.js';

/** Whether `port` on `host` can be bound now. */
export function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Throws one message naming every busy port and the flag that moves it. */
export async function assertPortsFree(ports: DevnetPorts, hint: string): Promise<void> {
  const named: Array<[number, string, string]> = [
    [ports.rpc, 'CometBFT RPC', '--rpc-port'],
    [ports.p2p, 'CometBFT P2P', '--p2p-port'],
    [ports.abci, 'ABCI (the app)', '--abci-port'],
    [ports.api, 'REST API', '--api-port'],
    [ports.grpc, 'gRPC', '--grpc-port'],
  ];
  const busy: string[] = [];
  for (const [port, what, flag] of named) {
    if (!(await isFree(port, '127.0.0.1'))) busy.push(`  port ${port} (${what}) is already in use; choose another with ${flag} <port>`);
  }
  if (busy.length > 0) throw new Error(`cannot start the devnet:\n${busy.join('\n')}${hint}`);
}

/** Live processes among `pids` that look like ours (a recycled PID running something else does not count). */
export function livePids(pids: readonly number[]): number[] {
  return pids.filter((pid) => {
    if (!isAlive(pid)) return false;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return cmdline.includes('cometbft') || cmdline.includes('main.js') || cmdline.includes('devnet');
    } catch {
      return true;
    }
  });
}
