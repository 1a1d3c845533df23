// cosmos.base.abci.v1beta1.TxResponse built from what CometBFT's RPC reports, the way the
// SDK's client builds it (NewResponseFormatBroadcastTx, and newTxResponse for a committed tx).
import { createHash } from 'node:crypto';
import { TxResponse } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import type { Event } from 'cosmjs-types/tendermint/abci/types';
import { ErrMempoolIsFull, ErrTxInMempoolCache, ErrTxTooLarge, ROOT_CODESPACE } from '../errors.js';

/** `broadcast_tx_sync`/`_async`'s result (CometBFT 0.38 JSON: data and hash in hex). */
export interface CometBroadcastResult {
  code: number;
  data: string;
  log: string;
  codespace: string;
  hash: string;
}

/** One event as CometBFT 0.38's RPC writes it (attributes in plain text). */
export interface CometEvent {
  type: string;
  attributes?: Array<{ key: string; value: string; index?: boolean }> | null;
}

/** `/tx`'s result. */
export interface CometTxResult {
  hash: string;
  height: string;
  index: number;
  tx: string;
  tx_result: {
    code?: number;
    data?: string | null;
    log?: string;
    info?: string;
    gas_wanted?: string;
    gas_used?: string;
    events?: CometEvent[] | null;
    codespace?: string;
  };
}

export function txHashOf(txBytes: Uint8Array): string {
  return createHash('sha256').update(txBytes).digest('hex').toUpperCase();
}

export function eventsFromComet(events: readonly CometEvent[] | null | undefined): Event[] {
  return (events ?? []).map((e) => ({
    type: e.type,
    attributes: (e.attributes ?? []).map((a) => ({ key: a.key, value: a.value, index: a.index ?? false })),
  }));
}

export function broadcastResponse(result: CometBroadcastResult): TxResponse {
  return TxResponse.fromPartial({
    txhash: result.hash.toUpperCase(),
    codespace: result.codespace,
    code: result.code,
    data: result.data.toUpperCase(),
    rawLog: result.log,
  });
}

// Mempool refusals CometBFT reports as RPC errors; the SDK turns them into a response with
// its own code (CheckCometError), so clients see a tx result rather than a failed call.
const MEMPOOL_REFUSALS = [
  { match: 'tx already exists in cache', error: ErrTxInMempoolCache },
  { match: 'mempool is full', error: ErrMempoolIsFull },
  { match: 'tx too large', error: ErrTxTooLarge },
];

/** The response for a broadcast CometBFT refused, or undefined when its error is of another kind. */
export function mempoolRefusal(message: string, txBytes: Uint8Array): TxResponse | undefined {
  const refusal = MEMPOOL_REFUSALS.find((r) => message.toLowerCase().includes(r.match));
  if (refusal === undefined) return undefined;
  return TxResponse.fromPartial({ txhash: txHashOf(txBytes), codespace: ROOT_CODESPACE, code: refusal.error.code, rawLog: refusal.error.message });
}

/** A committed tx; `blockTime` is its block's header time (the SDK writes it to the second). */
export function committedTxResponse(result: CometTxResult, blockTime: string): TxResponse {
  const r = result.tx_result;
  return TxResponse.fromPartial({
    height: BigInt(result.height),
    txhash: result.hash.toUpperCase(),
    codespace: r.codespace ?? '',
    code: r.code ?? 0,
    data: Buffer.from(r.data ?? '', 'base64').toString('hex').toUpperCase(),
    rawLog: r.log ?? '',
    info: r.info ?? '',
    gasWanted: BigInt(r.gas_wanted ?? '0'),
    gasUsed: BigInt(r.gas_used ?? '0'),
    tx: { typeUrl: '/cosmos.tx.v1beta1.Tx', value: Buffer.from(result.tx, 'base64') },
    timestamp: `${new Date(blockTime).toISOString().slice(0, 19)}Z`,
    events: eventsFromComet(r.events),
  });
}
