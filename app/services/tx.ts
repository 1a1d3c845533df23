// cosmos.tx.v1beta1.Service's methods that go through CometBFT, as the SDK's node answers
// them: broadcast (into the mempool), a tx by hash and a search by events (from the tx index).
// Simulate is the app's own query (app/query.ts). The REST routes write these responses as
// JSON; the gRPC server sends them as they are.
import { TxResponse } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import { BroadcastMode, GetTxResponse, GetTxsEventResponse, OrderBy, type GetTxsEventRequest } from 'cosmjs-types/cosmos/tx/v1beta1/service';
import { Tx } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { DEFAULT_PAGE_LIMIT } from '../pagination.js';
import { CometRpc, CometRpcError } from '../rest/comet-rpc.js';
import { invalidArgument, notFound } from '../rest/status.js';
import { broadcastResponse, committedTxResponse, mempoolRefusal, type CometBroadcastResult, type CometTxResult } from '../rest/tx-response.js';

const FORWARDED: Partial<Record<BroadcastMode, string>> = {
  [BroadcastMode.BROADCAST_MODE_SYNC]: 'broadcast_tx_sync',
  [BroadcastMode.BROADCAST_MODE_ASYNC]: 'broadcast_tx_async',
};

// `<type>.<attribute>=<value>`, the form of GetTxsEventRequest.events (SDK v0.47).
const EVENT = /^([^=\s]+)=([^=]+)$/;

/** The events list as a CometBFT query, as the SDK's v0.47 QueryTxsByEvents joined it. */
export function eventsQuery(events: readonly string[]): string {
  return events
    .map((event) => {
      const match = EVENT.exec(event.trim());
      if (match === null) throw invalidArgument(`invalid event; event ${event} should be of the format: {eventType}.{eventAttribute}={value}`);
      const [, key, value] = match as unknown as [string, string, string];
      return key === 'tx.height' ? `${key}=${value}` : `${key}='${value.replace(/^'(.*)'$/, '$1')}'`;
    })
    .join(' AND ');
}

export class TxService {
  constructor(private readonly comet: CometRpc) {}

  /** SYNC answers after CheckTx, ASYNC at once; BLOCK is gone from the SDK and refused. */
  async broadcast(txBytes: Uint8Array, mode: BroadcastMode): Promise<TxResponse> {
    if (txBytes.length === 0) throw invalidArgument('invalid empty tx');
    const method = FORWARDED[mode];
    if (method === undefined) {
      throw invalidArgument(`unsupported broadcast mode ${BroadcastMode[mode] ?? mode}; use BROADCAST_MODE_SYNC or BROADCAST_MODE_ASYNC`);
    }
    try {
      return broadcastResponse(await this.comet.call<CometBroadcastResult>(method, { tx: Buffer.from(txBytes).toString('base64') }));
    } catch (err) {
      const refused = err instanceof CometRpcError ? mempoolRefusal(`${err.rpcMessage} ${err.data}`, txBytes) : undefined;
      if (refused === undefined) throw err;
      return refused;
    }
  }

  /** `hash`: 64 hex characters. */
  async getTx(hash: string): Promise<GetTxResponse> {
    if (hash === '') throw invalidArgument('tx hash cannot be empty');
    if (!/^[0-9A-Fa-f]{64}$/.test(hash)) throw invalidArgument('invalid tx hash: expected 64 hex characters');
    const upper = hash.toUpperCase();
    let result: CometTxResult;
    try {
      result = await this.comet.call<CometTxResult>('tx', { hash: Buffer.from(upper, 'hex').toString('base64'), prove: false });
    } catch (err) {
      if (err instanceof CometRpcError && /not found/i.test(`${err.rpcMessage} ${err.data}`)) throw notFound(`tx not found: ${upper}`);
      throw err;
    }
    const txResponse = committedTxResponse(result, await this.blockTime(result.height));
    return GetTxResponse.fromPartial({ tx: Tx.decode(txResponse.tx!.value), txResponse });
  }

  /**
   * Committed txs matching `query` (CometBFT's query language: `message.sender='cosmos1…'`), or
   * the older `events` list; `page` counts from 1, `limit` defaults to 100 (CometBFT's most).
   */
  async txsByEvents(request: Pick<GetTxsEventRequest, 'events' | 'query' | 'page' | 'limit' | 'orderBy' | 'pagination'>): Promise<GetTxsEventResponse> {
    const query = request.query !== '' ? request.query : eventsQuery(request.events);
    if (query === '') throw invalidArgument('query cannot be empty');
    // The deprecated pagination stands in for page and limit when they are not given.
    const old = request.pagination;
    let limit = request.limit > 0n ? request.limit : old && old.limit > 0n ? old.limit : DEFAULT_PAGE_LIMIT;
    let page = request.page > 0n ? request.page : old && old.offset > 0n ? old.offset / limit + 1n : 1n;
    if (limit > DEFAULT_PAGE_LIMIT) limit = DEFAULT_PAGE_LIMIT;
    if (page < 1n) page = 1n;
    const orderBy = request.orderBy === OrderBy.ORDER_BY_DESC ? 'desc' : 'asc';
    let result: { txs: CometTxResult[]; total_count: string };
    try {
      result = await this.comet.call('tx_search', { query, prove: false, page: page.toString(), per_page: limit.toString(), order_by: orderBy });
    } catch (err) {
      if (err instanceof CometRpcError) throw invalidArgument(`${err.rpcMessage}: ${err.data}`);
      throw err;
    }
    const times = new Map<string, string>();
    for (const height of new Set(result.txs.map((t) => t.height))) times.set(height, await this.blockTime(height));
    const txResponses = result.txs.map((t) => committedTxResponse(t, times.get(t.height)!));
    return GetTxsEventResponse.fromPartial({
      txs: txResponses.map((r) => Tx.decode(r.tx!.value)),
      txResponses,
      total: BigInt(result.total_count),
    });
  }

  /** A block's header time, which a TxResponse carries. */
  private async blockTime(height: string): Promise<string> {
    return (await this.comet.call<{ header: { time: string } }>('header', { height })).header.time;
  }
}
