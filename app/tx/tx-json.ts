// The SDK's JSON for a tx (what simd writes for gentxs, `--generate-only` and `tx sign`):
// proto3 JSON with the proto field names (snake_case), every `Any` inlined as its message's
// fields plus "@type", and LegacyDec fields as decimals with 18 places ("0.100000000000000000")
// although their protobuf bytes hold the scaled integer's digits. A small registry of the
// message types a tx may carry turns this JSON into the exact TxRaw bytes that were signed
// (protobuf encoding is deterministic), and back.
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import { LegacyAminoPubKey } from 'cosmjs-types/cosmos/crypto/multisig/keys';
import { PubKey as Secp256k1PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { MsgMultiSend, MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { MsgFundCommunityPool, MsgSetWithdrawAddress, MsgWithdrawDelegatorReward, MsgWithdrawValidatorCommission } from 'cosmjs-types/cosmos/distribution/v1beta1/tx';
import { MsgUnjail } from 'cosmjs-types/cosmos/slashing/v1beta1/tx';
import {
  MsgBeginRedelegate,
  MsgCancelUnbondingDelegation,
  MsgCreateValidator,
  MsgDelegate,
  MsgEditValidator,
  MsgUndelegate,
} from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import { AuthInfo, Tx, TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { decFromProto, decToProto, decToString, parseDec } from '../dec.js';

/** What cosmjs-types generates for each message: protobuf and camelCase JSON codecs. */
export interface JsonCodec<T = any> {
  readonly typeUrl: string;
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
  fromJSON(json: any): T;
  toJSON(message: T): unknown;
}

export interface JsonTypeOptions {
  /**
   * LegacyDec fields, as dotted camelCase paths (`commission.maxRate`); arrays on the way
   * are walked element by element. JSON shows them as decimals, protobuf as scaled integers.
   */
  decFields?: readonly string[];
}

interface Entry {
  codec: JsonCodec;
  decFields: readonly string[][];
}

export type JsonObject = Record<string, unknown>;

export class TxJsonRegistry {
  private readonly types = new Map<string, Entry>();

  register(codec: JsonCodec, options: JsonTypeOptions = {}): this {
    this.types.set(codec.typeUrl, { codec, decFields: (options.decFields ?? []).map((path) => path.split('.')) });
    return this;
  }

  has(typeUrl: string): boolean {
    return this.types.has(typeUrl);
  }

  private entry(typeUrl: string): Entry {
    const entry = this.types.get(typeUrl);
    if (entry === undefined) throw new Error(`no JSON codec for ${typeUrl} (known: ${[...this.types.keys()].join(', ')})`);
    return entry;
  }

  /** An Any's bytes as `{"@type": ..., fields}`. */
  anyToJson(typeUrl: string, value: Uint8Array): JsonObject {
    const { codec, decFields } = this.entry(typeUrl);
    const json = codec.toJSON(codec.decode(value)) as JsonObject;
    for (const path of decFields) mapAt(json, path, (v) => (v === '' || v === undefined || v === null ? null : decToString(decFromProto(String(v)))));
    return { '@type': typeUrl, ...(this.toSdkJson(json) as JsonObject) };
  }

  /** `{"@type": ..., fields}` (snake_case or camelCase fields) as the Any's type URL and bytes. */
  anyFromJson(json: JsonObject): { typeUrl: string; value: Uint8Array } {
    const { '@type': typeUrl, ...fields } = json;
    if (typeof typeUrl !== 'string') throw new Error(`an Any in JSON needs a "@type" string, got ${JSON.stringify(json)}`);
    const { codec, decFields } = this.entry(typeUrl);
    const camel = this.fromSdkJson(fields) as JsonObject;
    for (const path of decFields) mapAt(camel, path, (v) => (v === '' || v === undefined || v === null ? '' : decToProto(parseDec(String(v)))));
    return { typeUrl, value: codec.encode(codec.fromJSON(camel)).finish() };
  }

  /** cosmjs-types' camelCase JSON (Anys as {typeUrl, value}) → the SDK's. */
  private toSdkJson(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.toSdkJson(v));
    if (value === null || typeof value !== 'object') return value;
    const object = value as JsonObject;
    if (isTsProtoAny(object)) return this.anyToJson(object.typeUrl as string, Buffer.from(object.value as string, 'base64'));
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k.startsWith('@') ? k : snakeCase(k), this.toSdkJson(v)]));
  }

  /** The SDK's JSON → cosmjs-types' camelCase JSON (Anys as {typeUrl, value}), ready for fromJSON. */
  private fromSdkJson(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.fromSdkJson(v));
    if (value === null || typeof value !== 'object') return value;
    const object = value as JsonObject;
    if ('@type' in object) {
      const any = this.anyFromJson(object);
      return { typeUrl: any.typeUrl, value: Buffer.from(any.value).toString('base64') };
    }
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [camelCase(k), this.fromSdkJson(v)]));
  }

  /** A Tx as the SDK's JSON (fields v0.50 does not know are left out while unset). */
  txToJson(tx: Tx): JsonObject {
    const json = this.toSdkJson(Tx.toJSON(tx)) as { body?: JsonObject };
    if (json.body && json.body.unordered === false) delete json.body.unordered;
    return json as JsonObject;
  }

  txFromJson(json: unknown): Tx {
    if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error('a tx in JSON must be an object with body, auth_info and signatures');
    const tx = Tx.fromJSON(this.fromSdkJson(json));
    if (!tx.body || !tx.authInfo) throw new Error('a tx in JSON needs body and auth_info');
    return tx;
  }

  /** The TxRaw bytes a JSON tx stands for: what its signatures sign and what CometBFT hashes. */
  txJsonToBytes(json: unknown): Uint8Array {
    return txToBytes(this.txFromJson(json));
  }

  txBytesToJson(bytes: Uint8Array): JsonObject {
    const raw = TxRaw.decode(bytes);
    return this.txToJson(Tx.fromPartial({ body: TxBody.decode(raw.bodyBytes), authInfo: AuthInfo.decode(raw.authInfoBytes), signatures: raw.signatures }));
  }
}

export function txToBytes(tx: Tx): Uint8Array {
  return TxRaw.encode({ bodyBytes: TxBody.encode(tx.body!).finish(), authInfoBytes: AuthInfo.encode(tx.authInfo!).finish(), signatures: tx.signatures }).finish();
}

function isTsProtoAny(object: JsonObject): boolean {
  const keys = Object.keys(object);
  return keys.length === 2 && typeof object.typeUrl === 'string' && typeof object.value === 'string';
}

/** protoc's json_name rule, reversed: `maxChangeRate` → `max_change_rate`. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** protoc's json_name rule: `max_change_rate` → `maxChangeRate`. */
export function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** Replaces the value at `path` (walking arrays) with `f(value)`, where the parent exists. */
function mapAt(object: unknown, path: readonly string[], f: (value: unknown) => unknown): void {
  if (Array.isArray(object)) {
    for (const item of object) mapAt(item, path, f);
    return;
  }
  if (object === null || typeof object !== 'object') return;
  const record = object as JsonObject;
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    if (head in record) record[head] = f(record[head]);
  } else {
    mapAt(record[head], rest, f);
  }
}

/** The SDK's messages and keys a tx of this zone may carry; modules register more. */
export function defaultTxJsonRegistry(): TxJsonRegistry {
  return new TxJsonRegistry()
    .register(Secp256k1PubKey)
    .register(Ed25519PubKey)
    .register(LegacyAminoPubKey)
    .register(MsgSend)
    .register(MsgMultiSend)
    .register(MsgCreateValidator, { decFields: ['commission.rate', 'commission.maxRate', 'commission.maxChangeRate'] })
    .register(MsgEditValidator, { decFields: ['commissionRate'] })
    .register(MsgDelegate)
    .register(MsgUndelegate)
    .register(MsgBeginRedelegate)
    .register(MsgCancelUnbondingDelegation)
    .register(MsgWithdrawDelegatorReward)
    .register(MsgWithdrawValidatorCommission)
    .register(MsgSetWithdrawAddress)
    .register(MsgFundCommunityPool)
    .register(MsgUnjail);
}
