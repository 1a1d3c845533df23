// ICS-20's gRPC-gateway paths (ibc-go v8's query.proto `google.api.http` options).
import {
  QueryDenomHashRequest,
  QueryDenomHashResponse,
  QueryEscrowAddressRequest,
  QueryEscrowAddressResponse,
  QueryParamsRequest,
  QueryParamsResponse,
  QueryTotalEscrowForDenomRequest,
  QueryTotalEscrowForDenomResponse,
} from 'cosmjs-types/ibc/applications/transfer/v1/query';
import { MsgTransferResponse } from 'cosmjs-types/ibc/applications/transfer/v1/tx';
import { z } from 'zod';
import { notFound, pageRequest, paginationQuery, type RestRoutes } from '../../../app/rest/index.js';
import { QUERY_SERVICE } from './queries.js';
import { MsgTransfer, QueryDenomTraceRequest, QueryDenomTraceResponse, QueryDenomTracesRequest, QueryDenomTracesResponse } from './proto.js';

const BASE = '/ibc/apps/transfer/v1';
const TOTAL_ESCROW_SUFFIX = '/total_escrow';
// `{hash=**}`, `{trace=**}`, `{denom=**}`: the value may hold slashes.
const wildcard = z.object({ '*': z.string() });

export function transferRest(routes: RestRoutes): void {
  routes.types.register(MsgTransfer.typeUrl, MsgTransfer).register(MsgTransferResponse.typeUrl, MsgTransferResponse);

  routes.gateway(`${BASE}/denom_traces`, {
    summary: 'Every denomination trace (voucher path and base denom) this chain knows',
    query: paginationQuery,
    method: `${QUERY_SERVICE}/DenomTraces`,
    request: ({ query }) => QueryDenomTracesRequest.encode({ pagination: pageRequest(query) }).finish(),
    response: QueryDenomTracesResponse,
  });
  routes.gateway(`${BASE}/denom_traces/*`, {
    summary: 'The denomination trace behind a voucher hash (or ibc/{hash})',
    params: wildcard,
    method: `${QUERY_SERVICE}/DenomTrace`,
    request: ({ params }) => QueryDenomTraceRequest.encode({ hash: params['*'] }).finish(),
    response: QueryDenomTraceResponse,
  });
  routes.gateway(`${BASE}/params`, {
    summary: 'The transfer params (whether sending and receiving are enabled)',
    method: `${QUERY_SERVICE}/Params`,
    request: () => QueryParamsRequest.encode({}).finish(),
    response: QueryParamsResponse,
  });
  routes.gateway(`${BASE}/denom_hashes/*`, {
    summary: 'The hash of a denomination trace (port/channel/.../base)',
    params: wildcard,
    method: `${QUERY_SERVICE}/DenomHash`,
    request: ({ params }) => QueryDenomHashRequest.encode({ trace: params['*'] }).finish(),
    response: QueryDenomHashResponse,
  });
  routes.gateway(`${BASE}/channels/:channel_id/ports/:port_id/escrow_address`, {
    summary: "A channel end's escrow address",
    params: z.object({ channel_id: z.string(), port_id: z.string() }),
    method: `${QUERY_SERVICE}/EscrowAddress`,
    request: ({ params }) => QueryEscrowAddressRequest.encode({ portId: params.port_id, channelId: params.channel_id }).finish(),
    response: QueryEscrowAddressResponse,
  });
  // `denoms/{denom=**}/total_escrow`: a wildcard in the middle, which the router cannot
  // express; the suffix is checked here, and any other path under denoms/ is not found.
  routes.get(`${BASE}/denoms/*`, { summary: 'The total amount of a denom held in escrow (GET .../denoms/{denom}/total_escrow)', params: wildcard }, async ({ params, height }) => {
    const path = params['*'];
    if (!path.endsWith(TOTAL_ESCROW_SUFFIX) || path.length === TOTAL_ESCROW_SUFFIX.length) throw notFound('Not Found');
    const denom = path.slice(0, -TOTAL_ESCROW_SUFFIX.length);
    const request = QueryTotalEscrowForDenomRequest.encode({ denom }).finish();
    const { value } = await routes.query(`${QUERY_SERVICE}/TotalEscrowForDenom`, request, height);
    return routes.types.toJson(QueryTotalEscrowForDenomResponse, QueryTotalEscrowForDenomResponse.decode(value));
  });
}
