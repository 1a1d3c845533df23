// Protobuf messages as the SDK's grpc-gateway writes them (gogo jsonpb with OrigName and
// EmitDefaults): snake_case field names, every field present (unset messages and empty
// bytes as null), 64-bit integers as strings, bytes as base64, enums by name, Timestamps
// in RFC 3339 with nanoseconds, and Any resolved to `{"@type": url, ...fields}`.
//
// The walk pairs the decoded message (whose keys are all the fields, in proto order, as the
// cosmjs-types codecs create them) with the codec's own `toJSON` where there is one (the
// only place enum names are known).

/** What the walk needs of a cosmjs-types style codec. */
export interface JsonCodec {
  decode(bytes: Uint8Array): unknown;
  toJSON?(message: any): unknown;
}

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

  /** The JSON of `message`, a value of `codec`'s type. */
  toJson(codec: JsonCodec, message: unknown): Json {
    return this.walk(message, codec.toJSON ? codec.toJSON(message) : undefined);
  }

  /** The JSON of an Any: its fields under its `@type`, or its raw bytes when the type is unknown here. */
  anyToJson(typeUrl: string, value: Uint8Array): Json {
    const codec = this.codecs.get(typeUrl);
    if (codec === undefined) return { '@type': typeUrl, value: base64(value) };
    const inner = this.toJson(codec, codec.decode(value));
    return { '@type': typeUrl, ...(isObject(inner) ? inner : { value: inner }) };
  }

  private walk(value: unknown, json: unknown): Json {
    if (value === undefined || value === null) return null;
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Uint8Array) return value.length === 0 ? null : base64(value);
    if (Array.isArray(value)) return value.map((item, i) => this.walk(item, Array.isArray(json) ? json[i] : undefined));
    if (typeof value !== 'object') return (json ?? value) as Json;
    if (isAny(value)) return this.anyToJson(value.typeUrl, value.value);
    // cosmjs-types writes a Timestamp field as an ISO string (to the millisecond); a Duration stays an object.
    if (isTimestamp(value) && typeof json === 'string') return rfc3339(value.seconds, value.nanos);
    const out: Record<string, Json> = {};
    const fields = (json ?? {}) as Record<string, unknown>;
    for (const [key, field] of Object.entries(value)) {
      // An unset oneof member is left out, as jsonpb does; any other unset message is null.
      if (field === undefined && ONEOF_MEMBERS.has(key)) continue;
      out[snakeCase(key)] = this.walk(field, fields[key]);
    }
    return out;
  }
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

/** RFC 3339 in UTC with 0, 3, 6 or 9 fraction digits, as Go's jsonpb writes a Timestamp. */
export function rfc3339(seconds: bigint, nanos: number): string {
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  if (nanos === 0) return `${whole}Z`;
  let fraction = String(nanos).padStart(9, '0');
  while (fraction.endsWith('000')) fraction = fraction.slice(0, -3);
  return `${whole}.${fraction}Z`;
}
