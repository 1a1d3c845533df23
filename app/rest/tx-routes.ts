// cosmos.tx.v1beta1.Service over REST: broadcast (forwarded to CometBFT's mempool), a tx by
// hash and a search by events (from CometBFT's tx index), and simulate (the app's gas estimate).
import { TxResponse } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import { Tx } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { BroadcastMode, GetBlockWithTxsResponse, GetTxResponse, GetTxsEventResponse, OrderBy, SimulateRequest, SimulateResponse } from 'cosmjs-types/cosmos/tx/v1beta1/service';
import { z } from 'zod';
import { SIMULATE_PATH } from '../query.js';
import type { TendermintService } from '../services/tendermint.js';
import type { TxService } from '../services/tx.js';
import { pageRequest, paginationQuery, uint64Param } from './params.js';
import type { RestRoutes } from './routes.js';

const txBytes = z
  .string({ error: 'tx_bytes is required: the signed TxRaw, base64' })
  .min(1, { error: 'invalid empty tx' })
  .regex(/^[A-Za-z0-9+/_-]+={0,2}$/, { error: 'tx_bytes must be base64' })
  .transform((s) => new Uint8Array(Buffer.from(s, 'base64')));

/**
 * A protobuf enum by name or number, as grpc-gateway accepts one; anything else is refused
 * with the names it could have been (`accepted` narrows them to those worth suggesting).
 */
function enumParam<E extends Record<string, string | number>>(name: string, values: E, accepted?: readonly string[]) {
  const names = Object.keys(values).filter((k) => Number.isNaN(Number(k)) && k !== 'UNRECOGNIZED');
  const refusal = (got: unknown) => `invalid ${name} ${JSON.stringify(got)}: use one of ${(accepted ?? names).join(', ')}`;
  return z.unknown().transform((v, ctx) => {
    const n = typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^[0-9]+$/.test(v) ? Number(v) : typeof v === 'string' && names.includes(v) ? (values[v] as number) : -1;
    if (n < 0 || !Object.values(values).includes(n)) {
      ctx.addIssue({ code: 'custom', message: refusal(v) });
      return z.NEVER;
    }
    return n;
  });
}

const broadcastBody = z.object({
  tx_bytes: txBytes,
  mode: enumParam('mode', BroadcastMode, ['BROADCAST_MODE_SYNC', 'BROADCAST_MODE_ASYNC']).default(BroadcastMode.BROADCAST_MODE_UNSPECIFIED),
});

const hashParams = z.object({ hash: z.string() });

// `events` may repeat (`events=a&events=b`), as grpc-gateway reads a repeated field.
const searchQuery = paginationQuery.extend({
  events: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .default([])
    .describe("conditions like message.sender=cosmos1..., joined by AND (SDK v0.47's form)"),
  query: z.string().default('').describe("a CometBFT query, e.g. message.sender='cosmos1...' AND tx.height>5"),
  order_by: enumParam('order_by', OrderBy).default(OrderBy.ORDER_BY_UNSPECIFIED),
  page: uint64Param('page').default(0n),
  limit: uint64Param('limit').default(0n),
});

export function txRoutes(routes: RestRoutes, service: TxService, tendermint: TendermintService): void {
  routes.post('/cosmos/tx/v1beta1/txs', { summary: 'Broadcast a signed tx (BROADCAST_MODE_SYNC: after CheckTx; ASYNC: at once)', body: broadcastBody }, async ({ body }) => ({
    tx_response: routes.types.toJson(TxResponse, await service.broadcast(body.tx_bytes, body.mode)),
  }));

  routes.get('/cosmos/tx/v1beta1/txs', { summary: "Committed txs matching events (`query=message.sender='cosmos1...'`), from CometBFT's tx index", query: searchQuery }, async ({ query }) => {
    const response = await service.txsByEvents({
      events: query.events,
      query: query.query,
      orderBy: query.order_by,
      page: query.page,
      limit: query.limit,
      pagination: pageRequest(query),
    });
    return routes.types.toJson(GetTxsEventResponse, response);
  });

  routes.get('/cosmos/tx/v1beta1/txs/:hash', { summary: 'A committed tx and its result, by hash', params: hashParams }, async ({ params }) =>
    routes.types.toJson(GetTxResponse, await service.getTx(params.hash)),
  );

  // Explorers list a block's txs decoded here; pagination.offset/limit page through them, as the SDK's.
  routes.get(
    '/cosmos/tx/v1beta1/txs/block/:height',
    { summary: 'A committed block and its txs, decoded (paginated by pagination.offset and pagination.limit)', params: z.object({ height: uint64Param('height') }), query: paginationQuery },
    async ({ params, query }) => {
      const { blockId, block } = await tendermint.blockByHeight(params.height);
      // With vote extensions the block may start with the injected entry, which is not a tx.
      const entries = block?.data?.txs ?? [];
      const all = entries.length > 0 && (await tendermint.carriesVoteExtensions(params.height)) ? entries.slice(1) : entries;
      const page = pageRequest(query);
      const offset = Number(page?.offset ?? 0n);
      const limit = page?.limit && page.limit > 0n ? Number(page.limit) : all.length;
      const txs = all.slice(offset, offset + limit).map((bytes) => Tx.decode(bytes));
      return routes.types.toJson(GetBlockWithTxsResponse, GetBlockWithTxsResponse.fromPartial({ txs, blockId, block, pagination: { nextKey: new Uint8Array(), total: BigInt(all.length) } }));
    },
  );

  routes.post('/cosmos/tx/v1beta1/simulate', { summary: 'Run a tx without committing it: gas used and the result', body: z.object({ tx_bytes: txBytes }) }, async ({ body, height }) => {
    const { value } = await routes.query(SIMULATE_PATH, SimulateRequest.encode({ txBytes: body.tx_bytes }).finish(), height);
    return routes.types.toJson(SimulateResponse, SimulateResponse.decode(value));
  });
}
