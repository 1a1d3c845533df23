// Proto-JSON for generated messages, driven by their descriptors, as the SDK's grpc-gateway and
// its tx/genesis files write it (gogo jsonpb, OrigName + EmitDefaults): snake_case names,
// every field present, 64-bit integers as strings, bytes as base64, enums by name, and the
// SDK's custom scalars as the SDK prints them: a `cosmos.Dec` field (LegacyDec, whose wire form
// is the value × 10^18 in digits) as the decimal with 18 places ("1.250000000000000000").
// Reading accepts snake_case or camelCase names, decimals for Dec fields, and enum names or
// numbers, so whatever this writes (and what simd writes) reads back to the same bytes.
import type { DescField, DescMessage } from '@bufbuild/protobuf';
import { decToProto, decToString, parseDec } from '../dec.js';
import { localName, type ProtoSchema } from './schema.js';

/** How an Any inside a message is written and read (the app's JsonTypes). */
export interface AnyJson {
  anyToJson(typeUrl: string, value: Uint8Array): unknown;
  anyFromJson(json: Record<string, unknown>): { typeUrl: string; value: Uint8Array };
}

const DEC = 'cosmos.Dec';
const ANY = 'google.protobuf.Any';
const TIMESTAMP = 'google.protobuf.Timestamp';
const DURATION = 'google.protobuf.Duration';

function isDec(schema: ProtoSchema, field: DescField): boolean {
  return schema.scalar(field) === DEC;
}

/** The wire digits of a LegacyDec as the decimal the SDK prints; a malformed value is shown as it is. */
export function decJson(wire: string): string {
  return /^-?[0-9]+$/.test(wire) ? decToString(BigInt(wire)) : wire;
}

/** A decimal ("1.25") as a LegacyDec's wire digits; empty stays empty (an unset field). */
export function decWire(json: string): string {
  return json === '' ? '' : decToProto(parseDec(json));
}

function scalarToJson(schema: ProtoSchema, field: DescField, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return value.length === 0 ? null : Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (typeof value === 'string' && isDec(schema, field)) return value === '' ? '' : decJson(value);
  return value;
}

function valueToJson(schema: ProtoSchema, field: DescField, kind: 'scalar' | 'enum' | 'message', value: unknown, anys: AnyJson): unknown {
  if (kind === 'enum') return field.enum?.values.find((v) => v.number === value)?.name ?? value;
  if (kind === 'message') return value === undefined || value === null ? null : messageToJson(schema, field.message!, value as Record<string, unknown>, anys);
  return scalarToJson(schema, field, value);
}

function rfc3339(seconds: bigint, nanos: number): string {
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  if (nanos === 0) return `${whole}Z`;
  let fraction = String(nanos).padStart(9, '0');
  while (fraction.endsWith('000')) fraction = fraction.slice(0, -3);
  return `${whole}.${fraction}Z`;
}

/** A decoded message (ts-proto's shape) as the SDK's JSON. */
export function messageToJson(schema: ProtoSchema, desc: DescMessage, message: Record<string, unknown>, anys: AnyJson): Record<string, unknown> | unknown {
  if (desc.typeName === ANY) return anys.anyToJson(String(message.typeUrl), message.value as Uint8Array);
  if (desc.typeName === TIMESTAMP) return rfc3339(BigInt(message.seconds as bigint), Number(message.nanos));
  if (desc.typeName === DURATION) return `${BigInt(message.seconds as bigint) + 0n}${message.nanos ? `.${String(message.nanos).padStart(9, '0')}` : ''}s`;
  const out: Record<string, unknown> = {};
  for (const field of desc.fields) {
    const value = message[localName(field)];
    if (field.fieldKind === 'list') out[field.name] = ((value as unknown[]) ?? []).map((item) => valueToJson(schema, field, field.listKind, item, anys));
    else if (field.fieldKind === 'map') out[field.name] = Object.fromEntries(Object.entries((value as object) ?? {}).map(([k, v]) => [k, valueToJson(schema, field, field.mapKind, v, anys)]));
    else {
      // An unset member of a oneof is left out, as jsonpb does; any other unset message is null.
      if (value === undefined && field.oneof !== undefined) continue;
      out[field.name] = valueToJson(schema, field, field.fieldKind, value, anys);
    }
  }
  return out;
}

function fail(field: DescField, want: string, got: unknown): never {
  throw new Error(`invalid ${field.name}: expected ${want}, got ${JSON.stringify(got)}`);
}

function scalarFromJson(schema: ProtoSchema, field: DescField, scalar: number, json: unknown): unknown {
  // ScalarType numbers (descriptor.proto): 1 double, 2 float, 3 int64, 4 uint64, 5 int32, 6 fixed64,
  // 7 fixed32, 8 bool, 9 string, 12 bytes, 13 uint32, 15 sfixed32, 16 sfixed64, 17 sint32, 18 sint64.
  switch (scalar) {
    case 3:
    case 4:
    case 6:
    case 16:
    case 18: {
      const text = typeof json === 'number' ? String(json) : json;
      if (typeof text !== 'string' || !/^-?[0-9]{1,20}$/.test(text)) fail(field, 'an integer (as a string)', json);
      const value = BigInt(text);
      const unsigned = scalar === 4 || scalar === 6;
      if (unsigned ? value < 0n || value >= 1n << 64n : value < -(1n << 63n) || value >= 1n << 63n) fail(field, unsigned ? 'a uint64' : 'an int64', json);
      return value;
    }
    case 5:
    case 7:
    case 13:
    case 15:
    case 17: {
      const value = typeof json === 'string' && /^-?[0-9]+$/.test(json) ? Number(json) : json;
      if (typeof value !== 'number' || !Number.isInteger(value)) fail(field, 'an integer', json);
      return value;
    }
    case 8:
      if (typeof json === 'boolean') return json;
      if (json === 'true' || json === 'false') return json === 'true';
      return fail(field, 'true or false', json);
    case 12:
      if (typeof json !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(json)) fail(field, 'base64', json);
      return new Uint8Array(Buffer.from(json, 'base64'));
    case 9:
      if (typeof json !== 'string') fail(field, 'a string', json);
      if (isDec(schema, field)) {
        try {
          return decWire(json);
        } catch {
          fail(field, 'a decimal such as "1.25"', json);
        }
      }
      return json;
    default:
      return fail(field, 'a value of a type zonekit does not read from JSON (floating point)', json);
  }
}

function valueFromJson(schema: ProtoSchema, field: DescField, kind: 'scalar' | 'enum' | 'message', scalar: number | undefined, json: unknown, anys: AnyJson): unknown {
  if (kind === 'enum') {
    const values = field.enum!.values;
    const found = typeof json === 'string' ? values.find((v) => v.name === json) : values.find((v) => v.number === json);
    if (found === undefined) fail(field, `one of ${values.map((v) => v.name).join(', ')}`, json);
    return found.number;
  }
  if (kind === 'message') return messageFromJson(schema, field.message!, json, anys);
  return scalarFromJson(schema, field, scalar!, json);
}

/** The SDK's JSON (or camelCase) as a message in ts-proto's shape, before the codec's fromPartial. */
export function messageFromJson(schema: ProtoSchema, desc: DescMessage, json: unknown, anys: AnyJson): Record<string, unknown> {
  if (desc.typeName === ANY) {
    if (json === null || typeof json !== 'object') throw new Error(`an Any must be an object with "@type", got ${JSON.stringify(json)}`);
    return anys.anyFromJson(json as Record<string, unknown>);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error(`expected a ${desc.typeName} object, got ${JSON.stringify(json)}`);
  const object = json as Record<string, unknown>;
  const byName = new Map<string, DescField>();
  for (const field of desc.fields) byName.set(field.name, field).set(field.jsonName, field).set(localName(field), field);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    const field = byName.get(key);
    if (field === undefined) throw new Error(`unknown field "${key}" in ${desc.typeName} (its fields: ${desc.fields.map((f) => f.name).join(', ')})`);
    if (value === null || value === undefined) continue;
    if (field.fieldKind === 'list') {
      if (!Array.isArray(value)) fail(field, 'a list', value);
      out[localName(field)] = value.map((item) => valueFromJson(schema, field, field.listKind, field.scalar, item, anys));
    } else if (field.fieldKind === 'map') {
      out[localName(field)] = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, valueFromJson(schema, field, field.mapKind, field.scalar, v, anys)]));
    } else {
      out[localName(field)] = valueFromJson(schema, field, field.fieldKind, field.scalar, value, anys);
    }
  }
  return out;
}

/** What JsonTypes needs to write and read a generated message through its descriptor. */
export interface GeneratedJsonCodec {
  readonly $type: string;
  decode(bytes: Uint8Array): unknown;
  encode(message: any): { finish(): Uint8Array };
  fromJSON(json: any): unknown;
  writeJson(message: any, types: AnyJson): any;
  readJson(json: unknown, types: AnyJson): unknown;
}

/** A generated codec as the app's JSON registry uses it (REST, CLI, tx files, genesis). */
export function generatedJsonCodec(schema: ProtoSchema, codec: { $type: string; decode(b: Uint8Array): any; encode(m: any): { finish(): Uint8Array }; fromJSON(j: any): any; fromPartial(o: any): any }): GeneratedJsonCodec {
  const desc = schema.message(codec.$type);
  return {
    $type: codec.$type,
    decode: (bytes) => codec.decode(bytes),
    encode: (message) => codec.encode(message),
    fromJSON: (json) => codec.fromJSON(json),
    writeJson: (message, types) => messageToJson(schema, desc, message, types),
    readJson: (json, types) => codec.fromPartial(messageFromJson(schema, desc, json, types)),
  };
}

/** Makes the messages of `codecs` readable and writable in the app's JSON (tx files, REST, Anys). */
export function registerJsonTypes(types: { register(typeUrl: string, codec: GeneratedJsonCodec): unknown }, schema: ProtoSchema, codecs: ReadonlyArray<Parameters<typeof generatedJsonCodec>[1]>): void {
  for (const codec of codecs) types.register(`/${codec.$type}`, generatedJsonCodec(schema, codec));
}
