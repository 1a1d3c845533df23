// ibc.applications.transfer.v1.Query as ibc-go v8 serves it: DenomTrace(s), Params,
// DenomHash, EscrowAddress, TotalEscrowForDenom, with its gRPC status wording.
import {
  QueryDenomHashRequest,
  QueryDenomHashResponse,
  QueryEscrowAddressRequest,
  QueryEscrowAddressResponse,
  QueryParamsResponse,
  QueryTotalEscrowForDenomRequest,
  QueryTotalEscrowForDenomResponse,
} from 'cosmjs-types/ibc/applications/transfer/v1/query';
import { DenomTrace } from 'cosmjs-types/ibc/applications/transfer/v1/denomtrace';
import { validateDenom } from '../../../app/coins.js';
import { grpcInvalidArgument, grpcNotFound } from '../../../app/grpc.js';
import type { QueryHandler } from '../../../app/module.js';
import { paginate } from '../../../app/pagination.js';
import { prefixStore } from '../../../app/store/index.js';
import { ErrTraceNotFound, goText } from './errors.js';
import { sortTraces, type TransferKeeper } from './keeper.js';
import { DENOM_PREFIX, DENOM_TRACE_PREFIX, STORE_KEY, escrowAddress } from './keys.js';
import { QueryDenomTraceRequest, QueryDenomTraceResponse, QueryDenomTracesRequest, QueryDenomTracesResponse } from './proto.js';
import { hexHash, parseDenomTrace, parseHexHash, traceHash, validateDenomTrace } from './trace.js';

export const QUERY_SERVICE = '/ibc.applications.transfer.v1.Query';

export function transferQueries(keeper: TransferKeeper): Record<string, QueryHandler> {
  return {
    [`${QUERY_SERVICE}/DenomTrace`]: (ctx, data) => {
      const { hash: requested } = QueryDenomTraceRequest.decode(data);
      const hex = requested.startsWith(`${DENOM_PREFIX}/`) ? requested.slice(DENOM_PREFIX.length + 1) : requested;
      let hash: Uint8Array;
      try {
        hash = parseHexHash(hex);
      } catch (err) {
        // ibc-go prints the (nil) parsed hash here, hence the empty value.
        throw grpcInvalidArgument(`invalid denom trace hash: , error: ${goText(err)}`);
      }
      const denomTrace = keeper.getDenomTrace(ctx, hash);
      if (denomTrace === undefined) throw grpcNotFound(ErrTraceNotFound.wrap(requested).message);
      return QueryDenomTraceResponse.encode({ denomTrace }).finish();
    },
    [`${QUERY_SERVICE}/DenomTraces`]: (ctx, data) => {
      const { pagination } = QueryDenomTracesRequest.decode(data);
      const traces: DenomTrace[] = [];
      const store = prefixStore(ctx.kvStore(STORE_KEY), DENOM_TRACE_PREFIX);
      const page = paginate(store, pagination, (_key, value) => traces.push(DenomTrace.decode(value)));
      return QueryDenomTracesResponse.encode({ denomTraces: sortTraces(traces), pagination: page }).finish();
    },
    [`${QUERY_SERVICE}/Params`]: (ctx) => QueryParamsResponse.encode({ params: keeper.getParams(ctx) }).finish(),
    [`${QUERY_SERVICE}/DenomHash`]: (ctx, data) => {
      const { trace: requested } = QueryDenomHashRequest.decode(data);
      const trace = parseDenomTrace(requested);
      try {
        validateDenomTrace(trace);
      } catch (err) {
        throw grpcInvalidArgument(err instanceof Error ? err.message : String(err));
      }
      const hash = traceHash(trace);
      if (!keeper.hasDenomTrace(ctx, hash)) throw grpcNotFound(ErrTraceNotFound.wrap(requested).message);
      return QueryDenomHashResponse.encode({ hash: hexHash(hash) }).finish();
    },
    [`${QUERY_SERVICE}/EscrowAddress`]: (_ctx, data) => {
      const { portId, channelId } = QueryEscrowAddressRequest.decode(data);
      return QueryEscrowAddressResponse.encode({ escrowAddress: keeper.accounts.addressCodec.encode(escrowAddress(portId, channelId)) }).finish();
    },
    [`${QUERY_SERVICE}/TotalEscrowForDenom`]: (ctx, data) => {
      const { denom } = QueryTotalEscrowForDenomRequest.decode(data);
      try {
        validateDenom(denom);
      } catch (err) {
        throw grpcInvalidArgument(goText(err));
      }
      const amount = keeper.getTotalEscrowForDenom(ctx, denom);
      return QueryTotalEscrowForDenomResponse.encode({ amount: { denom, amount: amount.toString() } }).finish();
    },
  };
}
