// cosmos.tx.v1beta1.Service over REST: broadcast (forwarded to CometBFT's mempool), a tx by
// hash (from CometBFT's tx index), and simulate (the app's gas estimate).
import { GetTxResponse, SimulateRequest, SimulateResponse } from 'cosmjs-types/cosmos/tx/v1beta1/service';
import { Tx } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { TxResponse } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import { z } from 'zod';
import { SIMULATE_PATH } from '../query.js';
import { CometRpc, CometRpcError } from './comet-rpc.js';
import type { RestRoutes } from './routes.js';
import { invalidArgument, notFound } from './status.js';
import { broadcastResponse, committedTxResponse, mempoolRefusal, type CometBroadcastResult, type CometTxResult } from './tx-response.js';

const txBytes = z
  .string({ error: 'tx_bytes is required: the signed TxRaw, base64' })
  .min(1, { error: 'invalid empty tx' })
  .regex(/^[A-Za-z0-9+/_-]+={0,2}$/, { error: 'tx_bytes must be base64' })
  .transform((s) => new Uint8Array(Buffer.from(s, 'base64')));

// BroadcastMode by name or number, as grpc-gateway accepts an enum.
const MODES = ['BROADCAST_MODE_UNSPECIFIED', 'BROADCAST_MODE_BLOCK', 'BROADCAST_MODE_SYNC', 'BROADCAST_MODE_ASYNC'] as const;
const FORWARDED: Partial<Record<(typeof MODES)[number], string>> = { BROADCAST_MODE_SYNC: 'broadcast_tx_sync', BROADCAST_MODE_ASYNC: 'broadcast_tx_async' };

const broadcastBody = z.object({
  tx_bytes: txBytes,
  mode: z
    .union([z.enum(MODES), z.number().int().min(0).max(3)], { error: `mode must be one of ${MODES.join(', ')}` })
    .transform((m) => (typeof m === 'number' ? MODES[m]! : m))
    .default('BROADCAST_MODE_UNSPECIFIED'),
});

const hashParams = z.object({
  hash: z.string().regex(/^[0-9A-Fa-f]{64}$/, { error: 'invalid tx hash: expected 64 hex characters' }),
});

export function txRoutes(routes: RestRoutes, comet: CometRpc): void {
  routes.post('/cosmos/tx/v1beta1/txs', { summary: 'Broadcast a signed tx (BROADCAST_MODE_SYNC: after CheckTx; ASYNC: at once)', body: broadcastBody }, async ({ body }) => {
    const method = FORWARDED[body.mode];
    if (method === undefined) {
      throw invalidArgument(`unsupported broadcast mode ${body.mode}; use BROADCAST_MODE_SYNC or BROADCAST_MODE_ASYNC`);
    }
    let response: TxResponse;
    try {
      response = broadcastResponse(await comet.call<CometBroadcastResult>(method, { tx: Buffer.from(body.tx_bytes).toString('base64') }));
    } catch (err) {
      const refused = err instanceof CometRpcError ? mempoolRefusal(`${err.rpcMessage} ${err.data}`, body.tx_bytes) : undefined;
      if (refused === undefined) throw err;
      response = refused;
    }
    return { tx_response: routes.types.toJson(TxResponse, response) };
  });

  routes.get('/cosmos/tx/v1beta1/txs/:hash', { summary: 'A committed tx and its result, by hash', params: hashParams }, async ({ params }) => {
    const hash = params.hash.toUpperCase();
    let result: CometTxResult;
    try {
      result = await comet.call<CometTxResult>('tx', { hash: Buffer.from(hash, 'hex').toString('base64'), prove: false });
    } catch (err) {
      if (err instanceof CometRpcError && /not found/i.test(`${err.rpcMessage} ${err.data}`)) throw notFound(`tx not found: ${hash}`);
      throw err;
    }
    const block = await comet.call<{ block: { header: { time: string } } }>('block', { height: result.height });
    const txResponse = committedTxResponse(result, block.block.header.time);
    const tx = Tx.decode(txResponse.tx!.value);
    return routes.types.toJson(GetTxResponse, GetTxResponse.fromPartial({ tx, txResponse }));
  });

  routes.post('/cosmos/tx/v1beta1/simulate', { summary: 'Run a tx without committing it: gas used and the result', body: z.object({ tx_bytes: txBytes }) }, async ({ body, height }) => {
    const { value } = await routes.query(SIMULATE_PATH, SimulateRequest.encode({ txBytes: body.tx_bytes }).finish(), height);
    return routes.types.toJson(SimulateResponse, SimulateResponse.decode(value));
  });
}
