// Target (a) through the network: the same CheckTx generators, broadcast with
// broadcast_tx_sync to a real CometBFT node (the devnet). Random messages are signed by an
// account that is not in genesis, so nothing the campaign sends but the valid txs can land.
import { isInternal } from './direct.js';
import type { FuzzDevnet } from './devnet.js';
import { Rng } from './rng.js';
import { signTx } from './sign.js';
import { rssMiB, Tally, type TargetReport } from './tally.js';
import { TX_GENERATORS, type TxFuzzContext } from './tx-generators.js';

const BATCH = 200;
const CONCURRENCY = 16;

export interface RpcOptions {
  inputs: number;
  seed: number;
  devnet: FuzzDevnet;
  log: (line: string) => void;
}

interface BroadcastAnswer {
  result?: { code: number; codespace: string; log: string };
  error?: { code: number; message: string; data?: string };
}

export async function runRpc(options: RpcOptions): Promise<{ report: TargetReport; tally: Tally }> {
  const { devnet } = options;
  const tally = new Tally('checktx-rpc', { beforeMiB: rssMiB(devnet.appPid), process: 'app of the devnet' });
  const rng = new Rng(options.seed);
  const msgTypeUrls = await routedTypeUrls();
  const perGenerator = new Map<string, number>();
  let made = 0;
  let id = 0;
  while (made < options.inputs) {
    const batchRng = rng.fork(made);
    const spec = devnet.nextValid(BigInt(batchRng.range(1, 1000)));
    const ctx: TxFuzzContext = {
      chainId: devnet.chainId,
      base: { spec, parts: signTx(spec) },
      prober: { key: devnet.stranger, sequence: 0n },
      msgTypeUrls,
      pool: { addresses: [devnet.stranger.address, devnet.sender.address, devnet.recipient.address, devnet.node.address, devnet.node.validatorAddress], denoms: [devnet.denom, 'uatom', ''] },
      // CometBFT's max_tx_bytes is 1 MiB: a little past it, to see the RPC refuse.
      maxMemoBytes: 1_200_000,
    };
    const inputs: Array<{ generator: string; expect: string; tx: Uint8Array }> = [];
    const batchEnd = Math.min(options.inputs, made + BATCH);
    for (; made < batchEnd; made++) {
      const generator = TX_GENERATORS[made % TX_GENERATORS.length]!;
      const nth = perGenerator.get(generator.name) ?? 0;
      perGenerator.set(generator.name, nth + 1);
      // Signed by the stranger, a random message is as bad as any mutant.
      inputs.push({ generator: generator.name, expect: 'reject', tx: generator.make(batchRng.fork(made), ctx, nth) });
    }
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < inputs.length) {
        const input = inputs[next++]!;
        const body = JSON.stringify({ jsonrpc: '2.0', id: id++, method: 'broadcast_tx_sync', params: { tx: Buffer.from(input.tx).toString('base64') } });
        let answer: BroadcastAnswer;
        let status: number;
        try {
          const response = await fetch(devnet.node.rpcUrl, { method: 'POST', body, headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(30_000) });
          status = response.status;
          answer = (await response.json()) as BroadcastAnswer;
        } catch (err) {
          const n = tally.count(input.generator, 'no answer');
          tally.violation(input.generator, n, `broadcast_tx_sync got no answer: ${err instanceof Error ? err.message : String(err)}`);
          continue;
        }
        if (answer.result !== undefined) {
          const { code, codespace, log } = answer.result;
          const n = tally.count(input.generator, code === 0 ? 'accepted' : `${codespace}/${code}`);
          if (isInternal(codespace, code)) tally.violation(input.generator, n, `internal error: ${log}`);
          else if (code === 0) tally.violation(input.generator, n, 'a bad tx was accepted into the mempool');
        } else {
          // CometBFT itself refused it (too large, already in the cache): an error, as it should be.
          const reason = (answer.error?.data ?? answer.error?.message ?? `http ${status}`).replace(/[0-9]+/g, 'N').slice(0, 40);
          tally.count(input.generator, `rpc error: ${reason}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await devnet.sendValid(spec);
    try {
      await devnet.probe();
    } catch (err) {
      tally.violation('probe', made, `liveness: ${err instanceof Error ? err.message : String(err)}
${devnet.logTail()}`);
      break;
    }
    tally.report.probes++;
    if ((made / BATCH) % 25 === 0) options.log(`  checktx-rpc: ${made} inputs, app rss ${rssMiB(devnet.appPid).toFixed(0)} MiB`);
  }
  return { report: tally.finish(rssMiB(devnet.appPid)), tally };
}

/** The type URLs the zone routes, from its definition (the same binary the devnet runs). */
async function routedTypeUrls(): Promise<string[]> {
  const { buildZone } = await import('../../../zone/zone.js');
  return [...buildZone().app.msgRoutes.keys()].sort();
}
