// A localnet's ports must be free before its nodes start, or a child dies on bind with a
// message buried in its log: name every busy port and its node instead.
import { createServer } from 'node:net';
import type { TestnetNode } from '../../cli/testnet.js';

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Throws one message naming every busy port; `hint` says what to do about it. */
export async function assertLocalnetPortsFree(nodes: readonly TestnetNode[], hint: string): Promise<void> {
  const busy: string[] = [];
  for (const node of nodes) {
    const named: Array<[number, string, string]> = [
      [node.ports.rpc, 'CometBFT RPC', node.ip],
      [node.ports.p2p, 'CometBFT P2P', node.ip],
      [node.ports.abci, 'ABCI (the app)', '127.0.0.1'],
      [node.ports.api, 'REST API', node.ip],
      [node.ports.grpc, 'gRPC', node.ip],
    ];
    for (const [port, what, host] of named) {
      if (!(await isFree(port, host))) busy.push(`  ${node.name}: port ${port} (${what}) is already in use`);
    }
  }
  if (busy.length > 0) throw new Error(`cannot start the localnet:\n${busy.join('\n')}\n${hint}`);
}
