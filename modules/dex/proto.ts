// A small proto3 codec builder in the shape cosmjs-types generates (encode returns a
// BinaryWriter, decode takes bytes or a reader, fromPartial fills defaults, toJSON names
// enums), so each message in dex.proto is one field list instead of sixty lines of
// hand-written reader loops. Wire format: proto3, defaults omitted, fields in number order.
import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';
import { decToProto, decToString, parseDec } from '../../app/dec.js';

/** What a nested message field needs of its codec (cosmjs-types' Coin, or one built here). */
export interface NestedCodec<T> {
  encode(message: T, writer?: BinaryWriter): BinaryWriter;
  decode(input: BinaryReader | Uint8Array, length?: number): T;
  fromPartial(object: any): T;
  toJSON?(message: T): unknown;
  fromJSON?(json: any): T;
}

/**
 * `dec` is the SDK's LegacyDec: a string on the wire holding the value × 10^18 as digits, and
 * in JSON (REST, tx files) the decimal with 18 places ("1.250000000000000000"), as simd writes it.
 */
export type FieldKind = 'string' | 'dec' | 'uint64' | 'int64' | 'uint32' | 'bool' | 'bytes' | { enum: readonly string[] } | NestedCodec<any>;

export interface FieldSpec {
  /** The camelCase name cosmjs-types gives the field. */
  name: string;
  no: number;
  kind: FieldKind;
  repeated?: boolean;
}

export interface MessageCodec<T> extends NestedCodec<T> {
  readonly typeUrl: string;
  toJSON(message: T): unknown;
  /** From cosmjs-types' camelCase JSON (64-bit integers as strings, enums by name or number): tx files read back. */
  fromJSON(json: any): T;
}

const WIRE_VARINT = 0;
const WIRE_LEN = 2;

function wireType(kind: FieldKind): number {
  return kind === 'string' || kind === 'dec' || kind === 'bytes' || (typeof kind === 'object' && !('enum' in kind)) ? WIRE_LEN : WIRE_VARINT;
}

function defaultOf(spec: FieldSpec): unknown {
  if (spec.repeated) return [];
  switch (spec.kind) {
    case 'string':
    case 'dec':
      return '';
    case 'uint64':
    case 'int64':
      return 0n;
    case 'uint32':
      return 0;
    case 'bool':
      return false;
    case 'bytes':
      return new Uint8Array();
    default:
      return 'enum' in spec.kind ? 0 : undefined;
  }
}

function isDefault(spec: FieldSpec, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (spec.repeated) return (value as unknown[]).length === 0;
  if (value instanceof Uint8Array) return value.length === 0;
  return typeof spec.kind === 'object' && !('enum' in spec.kind) ? false : value === defaultOf(spec);
}

function writeOne(writer: BinaryWriter, spec: FieldSpec, value: any): void {
  const kind = spec.kind;
  writer.uint32((spec.no << 3) | wireType(kind));
  if (kind === 'string' || kind === 'dec') writer.string(value);
  else if (kind === 'bytes') writer.bytes(value);
  else if (kind === 'uint64') writer.uint64(value);
  else if (kind === 'int64') writer.int64(value);
  else if (kind === 'uint32') writer.uint32(value);
  else if (kind === 'bool') writer.bool(value);
  else if ('enum' in kind) writer.int32(value);
  else kind.encode(value, writer.fork()).ldelim();
}

function readOne(reader: BinaryReader, kind: FieldKind): unknown {
  if (kind === 'string' || kind === 'dec') return reader.string();
  if (kind === 'bytes') return reader.bytes();
  if (kind === 'uint64') return reader.uint64();
  if (kind === 'int64') return reader.int64();
  if (kind === 'uint32') return reader.uint32();
  if (kind === 'bool') return reader.bool();
  if ('enum' in kind) return reader.int32();
  return kind.decode(reader, reader.uint32());
}

function jsonOf(kind: FieldKind, value: any): unknown {
  if (value === undefined) return undefined;
  if (kind === 'uint64' || kind === 'int64') return value.toString();
  // A malformed value (only a client could send one) is shown as it is rather than thrown on.
  if (kind === 'dec') return /^-?[0-9]+$/.test(value) ? decToString(BigInt(value)) : value;
  if (kind === 'bytes') return Buffer.from(value).toString('base64');
  if (typeof kind === 'object') {
    if ('enum' in kind) return kind.enum[value] ?? value;
    return kind.toJSON ? kind.toJSON(value) : value;
  }
  return value;
}

function fromJsonOf(kind: FieldKind, value: any): unknown {
  if (kind === 'string') return String(value);
  if (kind === 'dec') return value === '' ? '' : decToProto(parseDec(String(value)));
  if (kind === 'uint64' || kind === 'int64') return BigInt(value);
  if (kind === 'uint32') return Number(value);
  if (kind === 'bool') return Boolean(value);
  if (kind === 'bytes') return new Uint8Array(Buffer.from(String(value), 'base64'));
  if ('enum' in kind) return typeof value === 'string' ? Math.max(0, kind.enum.indexOf(value)) : Number(value);
  return kind.fromJSON ? kind.fromJSON(value) : kind.fromPartial(value);
}

/** A codec for one protobuf message: `fields` in any order, encoded by field number. */
export function protoMessage<T extends object>(typeUrl: string, fields: readonly FieldSpec[]): MessageCodec<T> {
  const ordered = [...fields].sort((a, b) => a.no - b.no);
  const byTag = new Map<number, FieldSpec>();
  // Only messages repeat in dex.proto, so there is no packed encoding to read.
  for (const spec of ordered) byTag.set((spec.no << 3) | wireType(spec.kind), spec);
  const fresh = (): T => {
    const message: Record<string, unknown> = {};
    for (const spec of ordered) message[spec.name] = defaultOf(spec);
    return message as T;
  };
  return {
    typeUrl,
    encode(message: T, writer: BinaryWriter = BinaryWriter.create()): BinaryWriter {
      const record = message as Record<string, unknown>;
      for (const spec of ordered) {
        const value = record[spec.name];
        if (isDefault(spec, value)) continue;
        if (spec.repeated) for (const item of value as unknown[]) writeOne(writer, { ...spec, repeated: false }, item);
        else writeOne(writer, spec, value);
      }
      return writer;
    },
    decode(input: BinaryReader | Uint8Array, length?: number): T {
      const reader = input instanceof BinaryReader ? input : new BinaryReader(input);
      const end = length === undefined ? reader.len : reader.pos + length;
      const message = fresh() as Record<string, unknown>;
      while (reader.pos < end) {
        const tag = reader.uint32();
        const spec = byTag.get(tag);
        if (spec === undefined) {
          reader.skipType(tag & 7);
          continue;
        }
        const value = readOne(reader, spec.kind);
        if (spec.repeated) (message[spec.name] as unknown[]).push(value);
        else message[spec.name] = value;
      }
      return message as T;
    },
    fromPartial(object: Partial<T>): T {
      const message = fresh() as Record<string, unknown>;
      const source = object as Record<string, unknown>;
      for (const spec of ordered) {
        const value = source[spec.name];
        if (value === undefined || value === null) continue;
        const kind = spec.kind;
        const nested = typeof kind === 'object' && !('enum' in kind) ? kind : undefined;
        if (spec.repeated) message[spec.name] = (value as unknown[]).map((item) => (nested ? nested.fromPartial(item) : item));
        else message[spec.name] = nested ? nested.fromPartial(value) : value;
      }
      return message as T;
    },
    fromJSON(json: any): T {
      const message = fresh() as Record<string, unknown>;
      for (const spec of ordered) {
        const value = json?.[spec.name];
        if (value === undefined || value === null) continue;
        message[spec.name] = spec.repeated ? (value as unknown[]).map((item) => fromJsonOf(spec.kind, item)) : fromJsonOf(spec.kind, value);
      }
      return message as T;
    },
    toJSON(message: T): unknown {
      const record = message as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const spec of ordered) {
        const value = record[spec.name];
        out[spec.name] = spec.repeated ? ((value as unknown[]) ?? []).map((item) => jsonOf(spec.kind, item)) : jsonOf(spec.kind, value);
      }
      return out;
    },
  };
}
