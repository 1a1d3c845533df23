// Commands that rewrite a node's state on disk (rollback, unsafe-reset-all) must not run under
// a live node: LMDB lets a second process write beside the running app, and CometBFT's files
// would vanish under it. A node is taken as running when its ABCI socket or RPC answers.
import { connect, type Socket } from 'node:net';
import { readCometAddresses } from './home.js';
import { CliError } from './output.js';

/** Whether something accepts connections at a CometBFT-style address (tcp://host:port or unix:///path). */
function answers(address: string, timeoutMs = 1000): Promise<boolean> {
  let socket: Socket;
  if (address.startsWith('unix://')) socket = connect({ path: address.slice('unix://'.length) });
  else {
    const match = /^(?:tcp:\/\/)?([^:/]*):(\d+)$/.exec(address);
    if (!match) return Promise.resolve(false);
    const host = match[1] === '' || match[1] === '0.0.0.0' ? '127.0.0.1' : match[1]!;
    socket = connect({ host, port: Number(match[2]) });
  }
  return new Promise((resolve) => {
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Throws, saying which address answered, when the node of `home` seems to run. */
export async function assertNodeStopped(home: string, what: string): Promise<void> {
  const { proxyApp, rpcLaddr } = readCometAddresses(home);
  for (const [name, address] of [['ABCI socket (proxy_app)', proxyApp], ['CometBFT RPC', rpcLaddr]] as const) {
    if (await answers(address)) {
      throw new CliError(`the node of ${home} seems to be running: its ${name} ${address} answers; ${what} needs it stopped`, 'stop `zonekit start` (Ctrl-C or SIGTERM) and run this again');
    }
  }
}
