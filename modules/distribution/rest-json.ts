// grpc-gateway writes LegacyDec fields as decimal text ("1.500000000000000000"); cosmjs-types
// carries them as the protobuf form (the scaled integer's digits). Every DecCoin amount and
// Dec param in a distribution response is rewritten for REST through the codec's toJSON, which
// the JSON writer prefers for plain values (app/rest/proto-json.ts).
import { decFromProto, decToString } from '../../app/dec.js';
import type { JsonCodec } from '../../app/rest/index.js';

// In distribution responses every `amount` is a DecCoin's; the others are Params and slash fractions.
const DEC_FIELDS = new Set(['amount', 'communityTax', 'baseProposerReward', 'bonusProposerReward', 'fraction']);

function decimalText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decimalText);
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[key] = DEC_FIELDS.has(key) && typeof field === 'string' ? decToString(decFromProto(field)) : decimalText(field);
  return out;
}

/** `codec` with a toJSON that writes its Dec fields as decimal text. */
export function withDecimalText(codec: { decode(bytes: Uint8Array): unknown }): JsonCodec {
  return { decode: (bytes) => codec.decode(bytes), toJSON: decimalText };
}
