// Protobuf messages as the SDK's grpc-gateway writes them (gogo jsonpb with OrigName and
// EmitDefaults): snake_case field names, every field present (unset messages and empty
// bytes as null), 64-bit integers as strings, bytes as base64, enums by name, Timestamps
// in RFC 3339 with nanoseconds, and Any resolved to `{"@type": url, ...fields}`.
//
// The walk pairs the decoded message (whose keys are all the fields, in proto order, as the
// cosmjs-types codecs create them) with the codec's own `toJSON` where there is one (the
// only place enum names are known).
//
// The same registry reads that JSON back (tx files: `--generate-only`, `tx sign`, gentxs)
// for the types whose codec has cosmjs-types' `fromJSON` and `encode`; in JSON meant to be
// read back ("lossless"), an Any of another type is written as its raw bytes instead.

/** What the walk needs of a cosmjs-types style codec. */
export interface JsonCodec {
  decode(bytes: Uint8Array): unknown;
  toJSON?(message: any): unknown;
  /** With `encode`: the message from camelCase JSON, as cosmjs-types' fromJSON reads it. */
  fromJSON?(json: any): unknown;
  encode?(message: any): { finish(): Uint8Array };
  /** A codec that writes its own JSON (generated codecs, through their descriptors: app/proto). */
  writeJson?(message: any, types: JsonTypes): Json;
  /** ...and reads it back (the SDK's JSON or camelCase) into a message `encode` takes. */
  readJson?(json: unknown, types: JsonTypes): unknown;
}

export interface JsonOptions {
  /** Anys of types that cannot be read back are `{"@type", "value": <base64>}`, so the JSON reads back to the same bytes. */
  lossless?: boolean;
}

type Readable = Required<Pick<JsonCodec, 'fromJSON' | 'encode'>> & JsonCodec;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Codecs for the types an Any may hold, by type URL. */
export class JsonTypes {
  private readonly codecs = new Map<string, JsonCodec>();

  register(typeUrl: string, codec: JsonCodec): this {
    this.codecs.set(typeUrl, codec);
    return this;
  }

  get(typeUrl: string): JsonCodec | undefined {
    return this.codecs.get(typeUrl);
  }

  /** Whether JSON of this type reads back into its bytes. */
  readable(typeUrl: string): boolean {
    return isReadable(this.codecs.get(typeUrl));
  }

  /** The JSON of `message`, a value of `codec`'s type. */
  toJson(codec: JsonCodec, message: unknown, options: JsonOptions = {}): Json {
    if (codec.writeJson) return codec.writeJson(message, this);
    return this.walk(message, codec.toJSON ? codec.toJSON(message) : undefined, options.lossless ?? false);
  }

  /** The JSON of an Any: its fields under its `@type`, or its raw bytes when the type is unknown here. */
  anyToJson(typeUrl: string, value: Uint8Array, options: JsonOptions = {}): Json {
    const codec = this.codecs.get(typeUrl);
    if (codec === undefined || (options.lossless && !isReadable(codec))) return { '@type': typeUrl, value: base64(value) };
    const inner = this.toJson(codec, codec.decode(value), options);
    return { '@type': typeUrl, ...(isObject(inner) ? inner : { value: inner }) };
  }

  /** `{"@type": ..., fields}` (snake_case or camelCase fields), or the raw form, as the Any's type URL and bytes. */
  anyFromJson(json: Record<string, unknown>): { typeUrl: string; value: Uint8Array } {
    const { '@type': typeUrl, ...fields } = json;
    if (typeof typeUrl !== 'string') throw new Error(`an Any in JSON needs a "@type" string, got ${JSON.stringify(json)}`);
    const codec = this.codecs.get(typeUrl);
    if (codec?.readJson && codec.encode) return { typeUrl, value: codec.encode(codec.readJson(fields, this)).finish() };
    if (isReadable(codec)) return { typeUrl, value: codec.encode(this.fromJson(codec, fields)).finish() };
    const keys = Object.keys(fields);
    if (keys.length === 1 && typeof fields.value === 'string') return { typeUrl, value: new Uint8Array(Buffer.from(fields.value, 'base64')) };
    const readable = [...this.codecs.keys()].filter((url) => this.readable(url));
    throw new Error(`cannot read a ${typeUrl} from JSON fields; give its bytes as {"@type": "${typeUrl}", "value": "<base64>"} (types read from fields: ${readable.join(', ')})`);
  }

  /** A message of `codec`'s type from the SDK's JSON (or camelCase), its Anys read through this registry. */
  fromJson<T>(codec: { fromJSON(json: any): T; readJson?(json: unknown, types: JsonTypes): unknown }, json: unknown): T {
    if (codec.readJson) return codec.readJson(json, this) as T;
    return codec.fromJSON(this.toCamelJson(json));
  }

  /** The SDK's JSON → cosmjs-types' camelCase JSON (Anys as {typeUrl, value}), ready for fromJSON. */
  private toCamelJson(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.toCamelJson(v));
    if (value === null || typeof value !== 'object') return value;
    const object = value as Record<string, unknown>;
    if ('@type' in object) {
      const any = this.anyFromJson(object);
      return { typeUrl: any.typeUrl, value: base64(any.value) };
    }
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [camelCase(k), this.toCamelJson(v)]));
  }

  private walk(value: unknown, json: unknown, lossless: boolean): Json {
    if (value === undefined || value === null) return null;
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Uint8Array) return value.length === 0 ? null : base64(value);
    if (Array.isArray(value)) return value.map((item, i) => this.walk(item, Array.isArray(json) ? json[i] : undefined, lossless));
    if (typeof value !== 'object') return (json ?? value) as Json;
    if (isAny(value)) return this.anyToJson(value.typeUrl, value.value, { lossless });
    // cosmjs-types writes a Timestamp field as an ISO string (to the millisecond); a Duration stays an object.
    if (isTimestamp(value) && typeof json === 'string') return rfc3339(value.seconds, value.nanos);
    const out: Record<string, Json> = {};
    const fields = (json ?? {}) as Record<string, unknown>;
    for (const [key, field] of Object.entries(value)) {
      // An unset oneof member is left out, as jsonpb does; any other unset message is null.
      if (field === undefined && ONEOF_MEMBERS.has(key)) continue;
      out[snakeCase(key)] = this.walk(field, fields[key], lossless);
    }
    return out;
  }
}

function isReadable(codec: JsonCodec | undefined): codec is Readable {
  return (codec?.fromJSON !== undefined || codec?.readJson !== undefined) && codec.encode !== undefined;
}

// The oneof members that may appear in the responses served here (tx mode info, public keys,
// evidence). Known by name because the codecs keep no record of which fields form a oneof.
const ONEOF_MEMBERS = new Set(['single', 'multi', 'ed25519', 'secp256k1', 'duplicateVoteEvidence', 'lightClientAttackEvidence']);

function isObject(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isAny(value: object): value is { typeUrl: string; value: Uint8Array } {
  const keys = Object.keys(value);
  return keys.length === 2 && 'typeUrl' in value && typeof value.typeUrl === 'string' && 'value' in value && value.value instanceof Uint8Array;
}

function isTimestamp(value: object): value is { seconds: bigint; nanos: number } {
  const keys = Object.keys(value);
  return keys.length === 2 && 'seconds' in value && typeof value.seconds === 'bigint' && 'nanos' in value && typeof value.nanos === 'number';
}

export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** `accountNumber` → `account_number`: the proto field name cosmjs-types camel-cased. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** protoc's json_name rule: `max_change_rate` → `maxChangeRate` (a camelCase name stays as it is). */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** RFC 3339 in UTC with 0, 3, 6 or 9 fraction digits, as Go's jsonpb writes a Timestamp. */
export function rfc3339(seconds: bigint, nanos: number): string {
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  if (nanos === 0) return `${whole}Z`;
  let fraction = String(nanos).padStart(9, '0');
  while (fraction.endsWith('000')) fraction = fraction.slice(0, -3);
  return `${whole}.${fraction}Z`;
}
