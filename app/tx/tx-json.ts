// The SDK's JSON for a tx (what simd writes for gentxs, `--generate-only` and `tx sign`):
// proto3 JSON with the proto field names (snake_case), defaults spelled out, every `Any`
// inlined as its message's fields plus "@type", and LegacyDec fields as decimals with 18 places
// ("0.100000000000000000") although their protobuf bytes hold the scaled integer's digits (the
// staking module's codecs convert both ways). The registry is the one the REST API writes with:
// the app's types, each module's registered by the module. JSON → bytes gives exactly the TxRaw
// that was signed (protobuf encoding is deterministic), and back.
import { AuthInfo, Tx, TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { JsonTypes } from '../rest/proto-json.js';

export type JsonObject = Record<string, unknown>;

export class TxJsonRegistry {
  constructor(readonly types: JsonTypes) {}

  /** A Tx as the SDK's JSON; a message of a type that cannot be read from fields is kept as `{"@type", "value"}`. */
  txToJson(tx: Tx): JsonObject {
    const json = this.types.toJson(Tx, tx, { lossless: true }) as { body?: JsonObject };
    // SDK v0.50 has neither `unordered` nor `timeout_timestamp` (v0.53's), and its JSON decoder
    // refuses fields it does not know: they are written only when set.
    if (json.body?.unordered === false) delete json.body.unordered;
    if (json.body?.timeout_timestamp === null) delete json.body.timeout_timestamp;
    return json as JsonObject;
  }

  txFromJson(json: unknown): Tx {
    if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error('a tx in JSON must be an object with body, auth_info and signatures');
    const tx = this.types.fromJson(Tx, json);
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
