// Protobuf codecs for counter.proto, in the shape cosmjs-types generates (encode returns a
// BinaryWriter, decode takes bytes, fromPartial fills defaults), so a cosmjs Registry can
// sign these messages like any SDK message.
import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';

export const MSG_INCREMENT_TYPE_URL = '/zonekit.counter.v1.MsgIncrement';
export const MSG_INCREMENT_RESPONSE_TYPE_URL = '/zonekit.counter.v1.MsgIncrementResponse';
export const QUERY_COUNT_PATH = '/zonekit.counter.v1.Query/Count';

// A tag is (field number << 3) | wire type; 0 = varint, 2 = length-delimited.
const TAG_1_STRING = (1 << 3) | 2;
const TAG_1_VARINT = (1 << 3) | 0;
const TAG_2_VARINT = (2 << 3) | 0;

function reader(input: BinaryReader | Uint8Array): BinaryReader {
  return input instanceof BinaryReader ? input : new BinaryReader(input);
}

export interface MsgIncrement {
  sender: string;
  by: bigint;
}

export const MsgIncrement = {
  typeUrl: MSG_INCREMENT_TYPE_URL,
  encode(message: MsgIncrement, writer: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (message.sender !== '') writer.uint32(TAG_1_STRING).string(message.sender);
    if (message.by !== 0n) writer.uint32(TAG_2_VARINT).uint64(message.by);
    return writer;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): MsgIncrement {
    const r = reader(input);
    const end = length === undefined ? r.len : r.pos + length;
    const message: MsgIncrement = { sender: '', by: 0n };
    while (r.pos < end) {
      const tag = r.uint32();
      if (tag === TAG_1_STRING) message.sender = r.string();
      else if (tag === TAG_2_VARINT) message.by = r.uint64();
      else r.skipType(tag & 7);
    }
    return message;
  },
  fromPartial: (object: Partial<MsgIncrement>): MsgIncrement => ({ sender: object.sender ?? '', by: object.by ?? 0n }),
};

/** `uint64 count = 1`: both MsgIncrementResponse and QueryCountResponse. */
export interface CountResponse {
  count: bigint;
}

const countResponse = {
  encode(message: CountResponse, writer: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (message.count !== 0n) writer.uint32(TAG_1_VARINT).uint64(message.count);
    return writer;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): CountResponse {
    const r = reader(input);
    const end = length === undefined ? r.len : r.pos + length;
    const message: CountResponse = { count: 0n };
    while (r.pos < end) {
      const tag = r.uint32();
      if (tag === TAG_1_VARINT) message.count = r.uint64();
      else r.skipType(tag & 7);
    }
    return message;
  },
  fromPartial: (object: Partial<CountResponse>): CountResponse => ({ count: object.count ?? 0n }),
};

export const MsgIncrementResponse = { typeUrl: MSG_INCREMENT_RESPONSE_TYPE_URL, ...countResponse };
export const QueryCountResponse = countResponse;

export interface QueryCountRequest {
  address: string;
}

export const QueryCountRequest = {
  encode(message: QueryCountRequest, writer: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (message.address !== '') writer.uint32(TAG_1_STRING).string(message.address);
    return writer;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): QueryCountRequest {
    const r = reader(input);
    const end = length === undefined ? r.len : r.pos + length;
    const message: QueryCountRequest = { address: '' };
    while (r.pos < end) {
      const tag = r.uint32();
      if (tag === TAG_1_STRING) message.address = r.string();
      else r.skipType(tag & 7);
    }
    return message;
  },
  fromPartial: (object: Partial<QueryCountRequest>): QueryCountRequest => ({ address: object.address ?? '' }),
};
