// Amino JSON (SIGN_MODE_LEGACY_AMINO_JSON) for generated messages, from their descriptors, by
// the rules of the SDK's x/tx aminojson encoder: the type is the message's `amino.name`; keys
// are proto field names (or `amino.field_name`); a field at its zero value is left out unless
// it carries `amino.dont_omitempty`; 64-bit integers are strings, 32-bit ones numbers, enums
// numbers, bytes base64; a `cosmos.Dec` is written as the decimal the SDK prints; an Any
// nested inside is `{ type, value }` by the inner message's amino name. The same functions
// serve the zone (which rebuilds the sign doc) and a client's cosmjs AminoTypes, so a wallet's
// signature verifies.
import type { DescField, DescMessage } from '@bufbuild/protobuf';
import type { AminoConverter } from '../tx/amino.js';
import { decJson, decWire } from './json.js';
import { localName, typeUrlOf, type GeneratedCodec, type ProtoSchema } from './schema.js';

const DEC = 'cosmos.Dec';
const ANY = 'google.protobuf.Any';
const SIXTY_FOUR_BIT = new Set([3, 4, 6, 16, 18]);

/** Inner Anys: their codecs by type URL, to decode and name them. */
export type CodecLookup = (typeUrl: string) => GeneratedCodec | undefined;

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === 0 || value === 0n || value === false) return true;
  if (value instanceof Uint8Array || Array.isArray(value)) return value.length === 0;
  return false;
}

function scalarToAmino(schema: ProtoSchema, field: DescField, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (typeof value === 'string' && schema.scalar(field) === DEC) return value === '' ? '0.000000000000000000' : decJson(value);
  return value;
}

function itemToAmino(schema: ProtoSchema, field: DescField, kind: string, value: unknown, lookup: CodecLookup): unknown {
  if (kind === 'message') return messageToAmino(schema, field.message!, value as Record<string, unknown>, lookup);
  return scalarToAmino(schema, field, value);
}

/** A decoded message (ts-proto's shape) as its amino JSON value (without the `{type, value}` wrapper). */
export function messageToAmino(schema: ProtoSchema, desc: DescMessage, message: Record<string, unknown>, lookup: CodecLookup): unknown {
  if (desc.typeName === ANY) {
    const typeUrl = String(message.typeUrl);
    const codec = lookup(typeUrl);
    const inner = codec === undefined ? undefined : schema.message(codec.$type);
    const name = inner === undefined ? undefined : schema.aminoName(inner);
    if (codec === undefined || inner === undefined || name === undefined) throw new Error(`${typeUrl} inside an Any has no amino name, so it cannot be signed in amino JSON`);
    return { type: name, value: messageToAmino(schema, inner, codec.decode(message.value as Uint8Array) as Record<string, unknown>, lookup) };
  }
  const out: Record<string, unknown> = {};
  for (const field of desc.fields) {
    const value = message[localName(field)];
    const keep = schema.aminoDontOmitEmpty(field);
    if (isEmpty(value) && !keep) continue;
    const key = schema.aminoFieldName(field);
    if (field.fieldKind === 'list') out[key] = ((value as unknown[]) ?? []).map((item) => itemToAmino(schema, field, field.listKind, item, lookup));
    else if (field.fieldKind === 'map') throw new Error(`${desc.typeName}.${field.name}: maps have no amino JSON form`);
    // An unset message kept by dont_omitempty is null, as legacy amino wrote a nil pointer.
    else if (field.fieldKind === 'message') out[key] = value === undefined || value === null ? null : messageToAmino(schema, field.message, value as Record<string, unknown>, lookup);
    else out[key] = scalarToAmino(schema, field, value ?? (field.fieldKind === 'enum' ? 0 : value));
  }
  return out;
}

function itemFromAmino(schema: ProtoSchema, field: DescField, kind: string, json: unknown, lookup: CodecLookup): unknown {
  if (kind === 'message') return messageFromAmino(schema, field.message!, json, lookup);
  if (kind === 'enum') return Number(json);
  if (SIXTY_FOUR_BIT.has(field.scalar as number)) return BigInt(json as string);
  if (field.scalar === 12) return new Uint8Array(Buffer.from(String(json), 'base64'));
  if (typeof json === 'string' && schema.scalar(field) === DEC) return decWire(json);
  return json;
}

/** Amino JSON back into ts-proto's shape (cosmjs AminoTypes' fromAmino). */
export function messageFromAmino(schema: ProtoSchema, desc: DescMessage, json: unknown, lookup: CodecLookup): Record<string, unknown> {
  const object = (json ?? {}) as Record<string, unknown>;
  if (desc.typeName === ANY) {
    const { type, value } = object as { type: string; value: unknown };
    const found = [...schema.registry].find((t) => t.kind === 'message' && schema.aminoName(t) === type) as DescMessage | undefined;
    const codec = found === undefined ? undefined : lookup(`/${found.typeName}`);
    if (found === undefined || codec === undefined) throw new Error(`unknown amino type ${type} inside an Any`);
    return { typeUrl: `/${found.typeName}`, value: codec.encode(codec.fromPartial(messageFromAmino(schema, found, value, lookup))).finish() };
  }
  const out: Record<string, unknown> = {};
  for (const field of desc.fields) {
    const value = object[schema.aminoFieldName(field)];
    if (value === undefined || value === null) continue;
    out[localName(field)] = field.fieldKind === 'list' ? (value as unknown[]).map((item) => itemFromAmino(schema, field, field.listKind, item, lookup)) : itemFromAmino(schema, field, field.fieldKind, value, lookup);
  }
  return out;
}

/** A cosmjs AminoTypes converter (client side). */
export interface CosmjsAminoConverter {
  aminoType: string;
  toAmino(value: any): any;
  fromAmino(value: any): any;
}

function aminoNameOf(schema: ProtoSchema, codec: GeneratedCodec): [DescMessage, string] {
  const desc = schema.message(codec.$type);
  const name = schema.aminoName(desc);
  if (name === undefined) throw new Error(`${codec.$type} has no (amino.name) option: add one to its .proto to sign it in amino JSON`);
  return [desc, name];
}

const noAnys: CodecLookup = () => undefined;

/** The zone's converter for one message type: how it appears in an amino sign doc. */
export function aminoConverter(schema: ProtoSchema, codec: GeneratedCodec, lookup: CodecLookup = noAnys): AminoConverter {
  const [desc, aminoType] = aminoNameOf(schema, codec);
  return { aminoType, decode: (value) => codec.decode(value), toAmino: (msg) => messageToAmino(schema, desc, msg, lookup) as Record<string, unknown> };
}

/** Converters for every message with an `amino.name` among `codecs`, by type URL (for a module definition). */
export function aminoConverters(schema: ProtoSchema, codecs: readonly GeneratedCodec[], lookup: CodecLookup = noAnys): Record<string, AminoConverter> {
  const signable = codecs.filter((codec) => schema.aminoName(schema.message(codec.$type)) !== undefined);
  return Object.fromEntries(signable.map((codec) => [typeUrlOf(codec), aminoConverter(schema, codec, lookup)]));
}

/** For a client: `new AminoTypes({ ...createDefaultAminoConverters(), ...cosmjsAminoConverters(schema, codecs) })`. */
export function cosmjsAminoConverters(schema: ProtoSchema, codecs: readonly GeneratedCodec[], lookup: CodecLookup = noAnys): Record<string, CosmjsAminoConverter> {
  const signable = codecs.filter((codec) => schema.aminoName(schema.message(codec.$type)) !== undefined);
  return Object.fromEntries(
    signable.map((codec) => {
      const [desc, aminoType] = aminoNameOf(schema, codec);
      return [typeUrlOf(codec), { aminoType, toAmino: (value: any) => messageToAmino(schema, desc, value, lookup), fromAmino: (json: any) => codec.fromPartial(messageFromAmino(schema, desc, json, lookup)) }];
    }),
  );
}
