// ICS-27 packet data on the wire: InterchainAccountPacketData as ibc-go v8 writes it
// (GetBytes: jsonpb with every field, then sdk.MustSortJSON) and reads it (jsonpb). Both
// chains hash these bytes into the packet commitment, so they must match ibc-go's exactly.
import { Type, type InterchainAccountPacketData } from 'cosmjs-types/ibc/applications/interchain_accounts/v1/packet';
import { goJsonString, jsonObjectMemberTexts, parseFirstJsonValue } from '../../../core/go-json.js';
import { ErrInvalidOutgoingData, ErrUnknownDataType } from './errors.js';

export { Type, type InterchainAccountPacketData };

/** MaxMemoCharLength: bytes, as Go's len(). */
export const MAX_MEMO_LENGTH = 32768;

const TYPE_NAMES: Readonly<Record<number, string>> = { [Type.TYPE_UNSPECIFIED]: 'TYPE_UNSPECIFIED', [Type.TYPE_EXECUTE_TX]: 'TYPE_EXECUTE_TX' };
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
// encoding/json's []byte: standard base64 with padding; line breaks are skipped.
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** jsonpb writes a known enum value by name, an unknown one as its number. */
const typeJson = (type: number) => (TYPE_NAMES[type] !== undefined ? `"${TYPE_NAMES[type]}"` : String(type));
/** encoding/json writes empty (nil) bytes as null. */
const bytesJson = (data: Uint8Array) => (data.length === 0 ? 'null' : goJsonString(Buffer.from(data).toString('base64')));

/** GetBytes: keys sorted (data, memo, type), every field present, compact, Go's escaping. */
export function packetDataBytes(data: InterchainAccountPacketData): Uint8Array {
  return new TextEncoder().encode(`{"data":${bytesJson(data.data)},"memo":${goJsonString(data.memo)},"type":${typeJson(data.type)}}`);
}

/** ModuleCdc.MarshalJSON without the sort: field order, what `generate-packet-data` prints. */
export function packetDataJson(data: InterchainAccountPacketData): string {
  return `{"type":${typeJson(data.type)},"data":${bytesJson(data.data)},"memo":${goJsonString(data.memo)}}`;
}

/** An enum by name, or by number written as an integer (Go's int32 refuses `1.0`). */
function readType(value: unknown, literal: string | undefined): number {
  if (typeof value === 'string') {
    const entry = Object.entries(TYPE_NAMES).find(([, name]) => name === value);
    if (entry === undefined) throw new Error(`unknown value ${JSON.stringify(value)} for enum ibc.applications.interchain_accounts.v1.Type`);
    return Number(entry[0]);
  }
  if (typeof value === 'number' && /^-?(0|[1-9][0-9]*)$/.test(literal ?? '') && value >= INT32_MIN && value <= INT32_MAX) return value;
  throw new Error(`json: cannot unmarshal ${literal} into Go value of type types.Type`);
}

function readBytes(value: unknown): Uint8Array {
  if (typeof value !== 'string') throw new Error('json: cannot unmarshal into Go value of type []uint8');
  const text = value.replace(/[\r\n]/g, '');
  if (!STD_BASE64.test(text)) throw new Error('illegal base64 data');
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/**
 * InterchainAccountPacketData.UnmarshalJSON (jsonpb): the first JSON value, an object of the
 * three known fields (by proto or JSON name) or null; `type` by name or number. Throws an
 * Error saying what is wrong.
 */
export function parsePacketData(bytes: Uint8Array): InterchainAccountPacketData {
  const text = new TextDecoder().decode(bytes);
  const json = parseFirstJsonValue(text);
  const data: InterchainAccountPacketData = { type: Type.TYPE_UNSPECIFIED, data: new Uint8Array(), memo: '' };
  if (json === null) return data;
  if (typeof json !== 'object' || Array.isArray(json)) throw new Error('packet data is not a JSON object');
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (key !== 'type' && key !== 'data' && key !== 'memo') throw new Error(`unknown field "${key}" in types.InterchainAccountPacketData`);
    if (value === null) continue;
    if (key === 'type') data.type = readType(value, jsonObjectMemberTexts(text).get('type'));
    else if (key === 'data') data.data = readBytes(value);
    else if (typeof value !== 'string') throw new Error('json: cannot unmarshal number into Go value of type string');
    else data.memo = value;
  }
  return data;
}

/** The host's reading of a received packet: any failure is ibc-go's ErrUnknownDataType, with no detail (jsonpb's wording is not deterministic). */
export function decodePacketData(bytes: Uint8Array): InterchainAccountPacketData {
  try {
    return parsePacketData(bytes);
  } catch {
    throw ErrUnknownDataType.wrap('cannot unmarshal ICS-27 interchain account packet data');
  }
}

/** InterchainAccountPacketData.ValidateBasic; the memo may be empty. */
export function validatePacketData(data: InterchainAccountPacketData): void {
  if (data.type === Type.TYPE_UNSPECIFIED) throw ErrInvalidOutgoingData.wrap('packet data type cannot be unspecified');
  if (data.data.length === 0) throw ErrInvalidOutgoingData.wrap('packet data cannot be empty');
  if (Buffer.byteLength(data.memo, 'utf8') > MAX_MEMO_LENGTH) {
    throw ErrInvalidOutgoingData.wrap(`packet data memo cannot be greater than ${MAX_MEMO_LENGTH} characters`);
  }
}
