// Pushes pre-signed txs through CometBFT's broadcast_tx_sync over many keep-alive HTTP
// connections. CometBFT's ABCI client flushes CheckTx requests on a 20 ms timer, so each call
// waits ~20 ms however fast the app is: throughput needs many calls in flight. A full mempool
// is the node saying "slower": that tx is retried after a pause, ahead of newer ones.
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SignedTx } from './txs.js';
import { nowMs } from '../stats.js';

export interface LoadResult {
  /** When each tx's broadcast began (ms, nowMs clock); NaN if never sent. */
  sentAt: Float64Array;
  accepted: number;
  /** CheckTx failures by "codespace/code". */
  rejected: Map<string, number>;
  mempoolFull: number;
  otherErrors: Map<string, number>;
  /** When the pre-signed txs ran out before the deadline (nowMs clock), if they did. */
  ranOutAt: number | undefined;
}

function post(agent: Agent, url: URL, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path: '/', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(text));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const count = (map: Map<string, number>, key: string): void => {
  map.set(key, (map.get(key) ?? 0) + 1);
};

/** Broadcasts `txs` in order with `concurrency` calls in flight until `untilMs` (nowMs clock) or they run out. */
export async function broadcast(rpcUrl: string, txs: readonly SignedTx[], concurrency: number, untilMs: number): Promise<LoadResult> {
  const url = new URL(rpcUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const result: LoadResult = {
    sentAt: new Float64Array(txs.length).fill(NaN),
    accepted: 0,
    rejected: new Map(),
    mempoolFull: 0,
    otherErrors: new Map(),
    ranOutAt: undefined,
  };
  const retry: number[] = [];
  let next = 0;

  const worker = async (): Promise<void> => {
    while (nowMs() < untilMs) {
      const index = retry.shift() ?? next++;
      if (index >= txs.length) {
        result.ranOutAt ??= nowMs();
        return;
      }
      if (Number.isNaN(result.sentAt[index]!)) result.sentAt[index] = nowMs();
      let text: string;
      try {
        text = await post(agent, url, txs[index]!.body);
      } catch (err) {
        count(result.otherErrors, err instanceof Error ? err.message : String(err));
        retry.push(index);
        await sleep(50);
        continue;
      }
      const reply = JSON.parse(text) as { result?: { code: number; codespace: string }; error?: { data?: string; message: string } };
      if (reply.result !== undefined) {
        if (reply.result.code === 0) result.accepted++;
        else count(result.rejected, `${reply.result.codespace}/${reply.result.code}`);
      } else if (/mempool is full/.test(reply.error?.data ?? '')) {
        result.mempoolFull++;
        retry.unshift(index);
        await sleep(20);
      } else {
        count(result.otherErrors, reply.error?.data ?? reply.error?.message ?? text);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return result;
}
