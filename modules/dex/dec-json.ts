// The dex's LegacyDec fields in JSON. On the wire (and in the generated codecs) a LegacyDec is
// the value × 10^18 as digits; in JSON (REST, tx files, amino sign docs, the CLI) the dex has
// always written the decimal with 18 places ("1.250000000000000000"), as simd writes LegacyDec.
// The generated toJSON writes the digits and leaves defaults out, so REST and tx files go
// through `withDecJson`. This is the dex's one copy of that knowledge; app/proto's
// descriptor-driven JSON replaces it.
import { decToProto, decToString, parseDec } from '../../app/dec.js';
import { OrderStatus, Side, TimeInForce } from '../../gen/zonekit/dex/v1/types.js';

/** The dex's LegacyDec fields, by their TypeScript name (dec-json.test.ts checks them against the .proto files). */
export const DEC_FIELDS: ReadonlySet<string> = new Set(['defaultFeeRate', 'tickSize', 'feeRate', 'price']);

// Enum fields by name; JSON shows every value by name, the zero value too.
const ENUMS: Readonly<Record<string, Record<number, string>>> = { side: Side, timeInForce: TimeInForce, status: OrderStatus };

/** Protobuf form → JSON: "1250000000000000000" → "1.250000000000000000"; a malformed value (only a client could send one) as it is. */
export function decJson(proto: string): string {
  return /^-?[0-9]+$/.test(proto) ? decToString(BigInt(proto)) : proto;
}

/** JSON → protobuf form: "1.25" → "1250000000000000000"; an empty string stays empty (unset). */
export function decFromJson(json: string): string {
  return json === '' ? '' : decToProto(parseDec(json));
}

function toJson(value: unknown, field: string | undefined): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((item) => toJson(item, field));
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item, key)]));
  if (field === undefined) return value;
  if (typeof value === 'string' && DEC_FIELDS.has(field)) return decJson(value);
  if (typeof value === 'number' && field in ENUMS) return (value >= 0 ? ENUMS[field]![value] : undefined) ?? value;
  return value;
}

function decsFromJson(json: unknown, field: string | undefined): unknown {
  if (Array.isArray(json)) return json.map((item) => decsFromJson(item, field));
  if (json !== null && typeof json === 'object') return Object.fromEntries(Object.entries(json).map(([key, item]) => [key, decsFromJson(item, key)]));
  return field !== undefined && DEC_FIELDS.has(field) && json !== undefined && json !== null ? decFromJson(String(json)) : json;
}

/**
 * A generated codec whose JSON (camelCase, as app/rest's JSON writer pairs it with the message)
 * has every field, LegacyDecs as decimals and enums by name, and reads such JSON back.
 */
export function withDecJson<T, C extends { fromJSON(json: any): T; toJSON(message: T): unknown }>(codec: C): C {
  return { ...codec, toJSON: (message: T) => toJson(message, undefined), fromJSON: (json: any) => codec.fromJSON(decsFromJson(json, undefined)) };
}
