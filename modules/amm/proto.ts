// A small protobuf codec builder for amm.proto's messages. Each message is declared once as
// its fields (number and kind) and gets what cosmjs-types generates by hand for every type:
// `encode` (returns a BinaryWriter), `decode` (bytes or a reader), `fromPartial` (fills
// defaults), plus the amino JSON form. So a cosmjs Registry signs these messages like any SDK
// message, and the bytes are what protoc's output would write: fields in number order,
// proto3 defaults left out, repeated scalars packed.
import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';

export interface Codec<T> {
  encode(message: T, writer?: BinaryWriter): BinaryWriter;
  decode(input: BinaryReader | Uint8Array, length?: number): T;
  fromPartial(object: DeepPartial<T>): T;
  /** Amino JSON: snake_case keys, 64-bit integers as strings, every field present. */
  toAmino(message: DeepPartial<T>): Record<string, unknown>;
  fromAmino(json: Record<string, unknown>): T;
}

export type DeepPartial<T> = T extends bigint | string | number | boolean
  ? T | undefined
  : T extends ReadonlyArray<infer E>
    ? ReadonlyArray<DeepPartial<E>>
    : { [K in keyof T]?: DeepPartial<T[K]> };

/** What a nested message needs; cosmjs-types codecs (PageRequest) have no amino form. */
export type ProtoCodec<T> = Pick<Codec<T>, 'encode' | 'decode' | 'fromPartial'> & Partial<Pick<Codec<T>, 'toAmino' | 'fromAmino'>>;

type Field =
  | { no: number; kind: 'string' | 'uint64' | 'int64' | 'repeated-uint64' }
  | { no: number; kind: 'message' | 'repeated-message'; codec: ProtoCodec<any> };

export const string = (no: number): Field => ({ no, kind: 'string' });
export const uint64 = (no: number): Field => ({ no, kind: 'uint64' });
export const int64 = (no: number): Field => ({ no, kind: 'int64' });
export const uint64s = (no: number): Field => ({ no, kind: 'repeated-uint64' });
export const message = (no: number, codec: ProtoCodec<any>): Field => ({ no, kind: 'message', codec });
export const messages = (no: number, codec: ProtoCodec<any>): Field => ({ no, kind: 'repeated-message', codec });

const VARINT = 0;
const LENGTH_DELIMITED = 2;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const toBig = (value: unknown): bigint => (value === undefined || value === null ? 0n : BigInt(String(value)));

function aminoOf(codec: ProtoCodec<any>): Pick<Codec<any>, 'toAmino' | 'fromAmino'> {
  if (codec.toAmino === undefined || codec.fromAmino === undefined) throw new Error('this nested message has no amino JSON form');
  return codec as Codec<any>;
}

function defaultOf(field: Field): unknown {
  switch (field.kind) {
    case 'string':
      return '';
    case 'uint64':
    case 'int64':
      return 0n;
    case 'message':
      return undefined;
    default:
      return [];
  }
}

/** A message codec from its fields, keyed by the TypeScript property names (camelCase). */
export function defineMessage<T extends object>(fields: { readonly [K in keyof T]-?: Field }): Codec<T> {
  const entries = (Object.entries(fields) as Array<[string, Field]>).sort(([, a], [, b]) => a.no - b.no);
  const byNumber = new Map(entries.map(([name, field]) => [field.no, [name, field] as const]));
  // Decoding starts from the defaults: scalars copied from one template, each repeated field a new array.
  const template = Object.fromEntries(entries.map(([name, field]) => [name, defaultOf(field)]));
  const repeated = entries.filter(([, field]) => field.kind.startsWith('repeated')).map(([name]) => name);
  const blank = (): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...template };
    for (const name of repeated) out[name] = [];
    return out;
  };

  const codec: Codec<T> = {
    encode(msg, writer = BinaryWriter.create()) {
      const values = msg as Record<string, any>;
      for (const [name, field] of entries) {
        const value = values[name];
        const tag = (field.no << 3) | LENGTH_DELIMITED;
        switch (field.kind) {
          case 'string':
            if (value !== '' && value !== undefined) writer.uint32(tag).string(value);
            break;
          case 'uint64':
            if (value !== 0n && value !== undefined) writer.uint32(field.no << 3).uint64(value);
            break;
          case 'int64':
            if (value !== 0n && value !== undefined) writer.uint32(field.no << 3).int64(value);
            break;
          case 'repeated-uint64':
            if (value?.length) {
              writer.uint32(tag).fork();
              for (const v of value) writer.uint64(v);
              writer.ldelim();
            }
            break;
          case 'message':
            if (value !== undefined) field.codec.encode(value, writer.uint32(tag).fork()).ldelim();
            break;
          case 'repeated-message':
            for (const v of value ?? []) field.codec.encode(v, writer.uint32(tag).fork()).ldelim();
            break;
        }
      }
      return writer;
    },

    decode(input, length) {
      const r = input instanceof BinaryReader ? input : new BinaryReader(input);
      const end = length === undefined ? r.len : r.pos + length;
      const out = blank();
      while (r.pos < end) {
        const tag = r.uint32();
        const known = byNumber.get(tag >>> 3);
        const wire = tag & 7;
        if (known === undefined) {
          r.skipType(wire);
          continue;
        }
        const [name, field] = known;
        if (field.kind === 'repeated-uint64' && wire === LENGTH_DELIMITED) {
          const list = out[name] as bigint[];
          const stop = r.uint32() + r.pos;
          while (r.pos < stop) list.push(r.uint64());
        } else if (field.kind === 'repeated-uint64' && wire === VARINT) {
          (out[name] as bigint[]).push(r.uint64());
        } else if (field.kind === 'string' && wire === LENGTH_DELIMITED) {
          out[name] = r.string();
        } else if (field.kind === 'uint64' && wire === VARINT) {
          out[name] = r.uint64();
        } else if (field.kind === 'int64' && wire === VARINT) {
          out[name] = r.int64();
        } else if (field.kind === 'message' && wire === LENGTH_DELIMITED) {
          out[name] = field.codec.decode(r, r.uint32());
        } else if (field.kind === 'repeated-message' && wire === LENGTH_DELIMITED) {
          (out[name] as unknown[]).push(field.codec.decode(r, r.uint32()));
        } else {
          r.skipType(wire);
        }
      }
      return out as T;
    },

    fromPartial(object) {
      const values = (object ?? {}) as Record<string, any>;
      const out: Record<string, unknown> = {};
      for (const [name, field] of entries) {
        const value = values[name];
        switch (field.kind) {
          case 'string':
            out[name] = value ?? '';
            break;
          case 'uint64':
          case 'int64':
            out[name] = toBig(value);
            break;
          case 'repeated-uint64':
            out[name] = (value ?? []).map(toBig);
            break;
          case 'message':
            out[name] = value === undefined || value === null ? undefined : field.codec.fromPartial(value);
            break;
          case 'repeated-message':
            out[name] = (value ?? []).map((v: unknown) => field.codec.fromPartial(v as never));
            break;
        }
      }
      return out as T;
    },

    toAmino(partial) {
      const values = codec.fromPartial(partial) as Record<string, any>;
      const out: Record<string, unknown> = {};
      for (const [name, field] of entries) {
        const value = values[name];
        switch (field.kind) {
          case 'string':
            out[snake(name)] = value;
            break;
          case 'uint64':
          case 'int64':
            out[snake(name)] = value.toString();
            break;
          case 'repeated-uint64':
            out[snake(name)] = value.map(String);
            break;
          case 'message':
            out[snake(name)] = value === undefined ? null : aminoOf(field.codec).toAmino(value);
            break;
          case 'repeated-message':
            out[snake(name)] = value.map((v: unknown) => aminoOf(field.codec).toAmino(v as never));
            break;
        }
      }
      return out;
    },

    fromAmino(json) {
      const out: Record<string, unknown> = {};
      for (const [name, field] of entries) {
        const value = json[snake(name)] as any;
        switch (field.kind) {
          case 'message':
            out[name] = value === undefined || value === null ? undefined : aminoOf(field.codec).fromAmino(value);
            break;
          case 'repeated-message':
            out[name] = (value ?? []).map((v: Record<string, unknown>) => aminoOf(field.codec).fromAmino(v));
            break;
          default:
            out[name] = value;
        }
      }
      return codec.fromPartial(out as DeepPartial<T>);
    },
  };
  return codec;
}
