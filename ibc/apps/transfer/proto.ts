// ibc-go v8's transfer messages where cosmjs-types 0.11 (generated from ibc-go v10) differs:
// v10 replaced Query/DenomTrace(s) with Query/Denom(s) and added MsgTransfer.encoding
// (field 9), which v8 does not have. Written in cosmjs-types' style so cosmjs clients, the
// REST JSON writer and the gRPC server treat them like any generated type.
import { PageRequest, PageResponse } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import { DenomTrace } from 'cosmjs-types/ibc/applications/transfer/v1/denomtrace';
import { MsgTransfer as MsgTransferV10 } from 'cosmjs-types/ibc/applications/transfer/v1/tx';
import type { Coin } from 'cosmjs-types/cosmos/base/v1beta1/coin';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';
import { rejectUnknownFields, type MessageSchema } from '../../../app/tx/unknown-fields.js';

const reader = (input: BinaryReader | Uint8Array) => (input instanceof BinaryReader ? input : new BinaryReader(input));

/** ibc.applications.transfer.v1.MsgTransfer as v8 defines it: fields 1 to 8. */
export interface MsgTransfer {
  sourcePort: string;
  sourceChannel: string;
  token: Coin;
  sender: string;
  receiver: string;
  timeoutHeight: Height;
  timeoutTimestamp: bigint;
  memo: string;
}

const coinSchema: MessageSchema = { name: 'cosmos.base.v1beta1.Coin', fields: { 1: 'string', 2: 'string' } };
const heightSchema: MessageSchema = { name: 'ibc.core.client.v1.Height', fields: { 1: 'varint', 2: 'varint' } };
/** The v8 layout, for rejecting fields v8 does not know (the SDK's unknownproto check of tx messages). */
export const msgTransferSchema: MessageSchema = {
  name: 'ibc.applications.transfer.v1.MsgTransfer',
  fields: { 1: 'string', 2: 'string', 3: coinSchema, 4: 'string', 5: 'string', 6: heightSchema, 7: 'varint', 8: 'string' },
};

function withoutEncoding(message: MsgTransferV10): MsgTransfer {
  const { encoding: _, ...v8 } = message;
  return v8;
}

export const MsgTransfer = {
  typeUrl: '/ibc.applications.transfer.v1.MsgTransfer',
  encode: (message: MsgTransfer, writer?: BinaryWriter) => MsgTransferV10.encode({ ...message, encoding: '' }, writer),
  /** Throws on a field v8 does not have (v10's `encoding` included). */
  decode(input: BinaryReader | Uint8Array, length?: number): MsgTransfer {
    if (input instanceof Uint8Array) rejectUnknownFields(input, msgTransferSchema, false);
    return withoutEncoding(MsgTransferV10.decode(input, length));
  },
  fromJSON: (object: any): MsgTransfer => withoutEncoding(MsgTransferV10.fromJSON(object)),
  toJSON: (message: MsgTransfer) => {
    const { encoding: _, ...json } = MsgTransferV10.toJSON({ ...message, encoding: '' }) as Record<string, unknown>;
    return json;
  },
  fromPartial: (object: Partial<Omit<MsgTransfer, 'token' | 'timeoutHeight'>> & { token?: Partial<Coin>; timeoutHeight?: Partial<Height> }): MsgTransfer =>
    withoutEncoding(MsgTransferV10.fromPartial({ ...object, encoding: '' })),
};

/** QueryDenomTraceRequest { hash = 1 } (the hash, or `ibc/{hash}`). */
export interface QueryDenomTraceRequest {
  hash: string;
}

export const QueryDenomTraceRequest = {
  typeUrl: '/ibc.applications.transfer.v1.QueryDenomTraceRequest',
  encode(message: QueryDenomTraceRequest, writer: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (message.hash !== '') writer.uint32(10).string(message.hash);
    return writer;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): QueryDenomTraceRequest {
    const r = reader(input);
    const end = length === undefined ? r.len : r.pos + length;
    const message: QueryDenomTraceRequest = { hash: '' };
    while (r.pos < end) {
      const tag = r.uint32();
      if (tag >>> 3 === 1) message.hash = r.string();
      else r.skipType(tag & 7);
    }
    return message;
  },
  fromPartial: (object: Partial<QueryDenomTraceRequest>): QueryDenomTraceRequest => ({ hash: object.hash ?? '' }),
};

/** QueryDenomTraceResponse { denom_trace = 1 }. */
export interface QueryDenomTraceResponse {
  denomTrace?: DenomTrace;
}

export const QueryDenomTraceResponse = {
  typeUrl: '/ibc.applications.transfer.v1.QueryDenomTraceResponse',
  encode(message: QueryDenomTraceResponse, writer: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (message.denomTrace !== undefined) DenomTrace.encode(message.denomTrace, writer.uint32(10).fork()).ldelim();
    return writer;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): QueryDenomTraceResponse {
    const r = reader(input);
    const end = length === undefined ? r.len : r.pos + length;
    const message: QueryDenomTraceResponse = { denomTrace: undefined };
    while (r.pos < end) {
      const tag = r.uint32();
      if (tag >>> 3 === 1) message.denomTrace = DenomTrace.decode(r, r.uint32());
      else r.skipType(tag & 7);
    }
    return message;
  },
  fromPartial: (object: { denomTrace?: Partial<DenomTrace> }): QueryDenomTraceResponse => ({
    denomTrace: object.denomTrace === undefined ? undefined : DenomTrace.fromPartial(object.denomTrace),
  }),
};

/** QueryDenomTracesRequest { pagination = 1 }. */
export interface QueryDenomTracesRequest {
  pagination?: PageRequest;
}

export const QueryDenomTracesRequest = {
  typeUrl: '/ibc.applications.transfer.v1.QueryDenomTracesRequest',
  encode(message: QueryDenomTracesRequest, writer: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (message.pagination !== undefined) PageRequest.encode(message.pagination, writer.uint32(10).fork()).ldelim();
    return writer;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): QueryDenomTracesRequest {
    const r = reader(input);
    const end = length === undefined ? r.len : r.pos + length;
    const message: QueryDenomTracesRequest = { pagination: undefined };
    while (r.pos < end) {
      const tag = r.uint32();
      if (tag >>> 3 === 1) message.pagination = PageRequest.decode(r, r.uint32());
      else r.skipType(tag & 7);
    }
    return message;
  },
  fromPartial: (object: { pagination?: Partial<PageRequest> }): QueryDenomTracesRequest => ({
    pagination: object.pagination === undefined ? undefined : PageRequest.fromPartial(object.pagination),
  }),
};

/** QueryDenomTracesResponse { denom_traces = 1; pagination = 2 }. */
export interface QueryDenomTracesResponse {
  denomTraces: DenomTrace[];
  pagination?: PageResponse;
}

export const QueryDenomTracesResponse = {
  typeUrl: '/ibc.applications.transfer.v1.QueryDenomTracesResponse',
  encode(message: QueryDenomTracesResponse, writer: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    for (const trace of message.denomTraces) DenomTrace.encode(trace, writer.uint32(10).fork()).ldelim();
    if (message.pagination !== undefined) PageResponse.encode(message.pagination, writer.uint32(18).fork()).ldelim();
    return writer;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): QueryDenomTracesResponse {
    const r = reader(input);
    const end = length === undefined ? r.len : r.pos + length;
    const message: QueryDenomTracesResponse = { denomTraces: [], pagination: undefined };
    while (r.pos < end) {
      const tag = r.uint32();
      if (tag >>> 3 === 1) message.denomTraces.push(DenomTrace.decode(r, r.uint32()));
      else if (tag >>> 3 === 2) message.pagination = PageResponse.decode(r, r.uint32());
      else r.skipType(tag & 7);
    }
    return message;
  },
  fromPartial: (object: { denomTraces?: Partial<DenomTrace>[]; pagination?: Partial<PageResponse> }): QueryDenomTracesResponse => ({
    denomTraces: (object.denomTraces ?? []).map((t) => DenomTrace.fromPartial(t)),
    pagination: object.pagination === undefined ? undefined : PageResponse.fromPartial(object.pagination),
  }),
};
