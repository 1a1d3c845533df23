// Value codecs, writing what the Cosmos SDK's value codecs write: protobuf messages (here in
// the encode/decode shape of cosmjs-types and ts-proto), Uint64Value, math.Int, raw bytes,
// strings, bools, and any key codec used as a value (KeyToValueCodec).
import { CollectionEncodingError, type KeyCodec, type ValueCodec } from './codec.js';
import { boolKey, decodeUint64, encodeUint64 } from './keys.js';

/** A generated message type: cosmjs-types and ts-proto both give one per message. */
export interface ProtoMessageType<T> {
  readonly typeUrl?: string;
  encode(message: T): { finish(): Uint8Array };
  decode(input: Uint8Array): T;
}

/** A protobuf message, as its binary encoding (the SDK's codec.CollValue). */
export function protoValue<T>(type: ProtoMessageType<T>, valueType = type.typeUrl ?? 'proto'): ValueCodec<T> {
  return {
    valueType,
    encode: (value) => type.encode(value).finish(),
    decode: (bytes) => type.decode(bytes),
    stringify: (value) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)),
  };
}

/** A uint64 as 8 big-endian bytes (the SDK's Uint64Value, what a Sequence stores). */
export const uint64Value: ValueCodec<bigint> = {
  valueType: 'uint64',
  encode: encodeUint64,
  decode(bytes) {
    if (bytes.length !== 8) throw new CollectionEncodingError(`uint64 value must be 8 bytes, got ${bytes.length}`);
    return decodeUint64(bytes);
  },
  stringify: String,
};

/** An integer of any size as its decimal text (the SDK's sdk.IntValue, math.Int's Marshal). */
export const intValue: ValueCodec<bigint> = {
  valueType: 'math.Int',
  encode: (value) => Buffer.from(value.toString(), 'latin1'),
  decode(bytes) {
    const text = Buffer.from(bytes).toString('latin1');
    if (!/^-?[0-9]+$/.test(text)) throw new CollectionEncodingError(`math.Int value is not an integer: ${JSON.stringify(text)}`);
    return BigInt(text);
  },
  stringify: String,
};

export const bytesValue: ValueCodec<Uint8Array> = {
  valueType: 'bytes',
  encode: (value) => value,
  decode: (bytes) => bytes,
  stringify: (value) => Buffer.from(value).toString('hex'),
};

export const stringValue: ValueCodec<string> = {
  valueType: 'string',
  encode: (value) => Buffer.from(value, 'utf8'),
  decode: (bytes) => Buffer.from(bytes).toString('utf8'),
  stringify: (value) => value,
};

/** Nothing: what a KeySet stores under each key (the SDK's NoValue). */
export const noValue: ValueCodec<void> = {
  valueType: 'no_value',
  encode: () => new Uint8Array(),
  decode(bytes) {
    if (bytes.length !== 0) throw new CollectionEncodingError(`expected no value, got ${bytes.length} bytes`);
  },
  stringify: () => '<no value>',
};

/** A key codec's terminal bytes as a value (the SDK's KeyToValueCodec): a unique index's primary key. */
export function keyValue<K>(codec: KeyCodec<K>): ValueCodec<K> {
  return {
    valueType: codec.keyType,
    encode: (value) => codec.encode(value),
    decode(bytes) {
      const [value, read] = codec.decode(bytes);
      if (read !== bytes.length) throw new CollectionEncodingError(`${codec.keyType} value has ${bytes.length - read} bytes left over`);
      return value;
    },
    stringify: (value) => codec.stringify(value),
  };
}

export const boolValue: ValueCodec<boolean> = keyValue(boolKey);

/**
 * A codec for V stored as another type's bytes: e.g. a keeper's own record type kept as the
 * SDK's protobuf message, converted on the way in and out.
 */
export function mappedValue<V, S>(stored: ValueCodec<S>, fromStored: (value: S) => V, toStored: (value: V) => S): ValueCodec<V> {
  return {
    valueType: stored.valueType,
    encode: (value) => stored.encode(toStored(value)),
    decode: (bytes) => fromStored(stored.decode(bytes)),
    stringify: (value) => stored.stringify(toStored(value)),
  };
}
