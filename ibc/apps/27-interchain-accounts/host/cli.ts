// `zonekit tx interchain-accounts host generate-packet-data` and `zonekit query
// interchain-accounts host params`, as simd's (ibc-go v8 host/client/cli).
import { QueryParamsRequest, QueryParamsResponse } from 'cosmjs-types/ibc/applications/interchain_accounts/host/v1/query';
import type { CliCommand, CliContext } from '../../../../app/cli-types.js';
import { serializeCosmosTx } from '../types/cosmos-tx.js';
import { ENCODING_PROTO3_JSON, ENCODING_PROTOBUF } from '../types/metadata.js';
import { packetDataJson, Type, validatePacketData } from '../types/packet.js';
import { QUERY_SERVICE } from './keys.js';

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * generatePacketData: one message or an array of them, in the SDK's JSON with `@type`, into
 * InterchainAccountPacketData JSON (ModuleCdc.MarshalJSON, unsorted) for `controller send-tx`.
 */
export function generatePacketData(ctx: Pick<CliContext, 'msgFromJson'>, messages: string, memo: string, encoding: string): string {
  if (encoding === ENCODING_PROTO3_JSON) {
    throw new Error(`encoding ${ENCODING_PROTO3_JSON} is not supported by zonekit (and zonekit hosts refuse it): use ${ENCODING_PROTOBUF}`);
  }
  if (encoding !== ENCODING_PROTOBUF) throw new Error(`unsupported encoding type: ${encoding}`);
  if (ctx.msgFromJson === undefined) throw new Error('this CLI cannot encode messages from JSON');
  let parsed: unknown;
  try {
    parsed = JSON.parse(messages);
  } catch (err) {
    throw new Error(`<message> must be a message or an array of messages in JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const anys = list.map((msg, i) => {
    if (!isObject(msg)) throw new Error(`message ${i} must be a JSON object with an "@type"`);
    return ctx.msgFromJson!(msg);
  });
  const data = { type: Type.TYPE_EXECUTE_TX, data: serializeCosmosTx(anys), memo };
  validatePacketData(data);
  return packetDataJson(data);
}

export const hostTxCommands: readonly CliCommand[] = [
  {
    usage: 'host generate-packet-data <message>',
    description:
      'print ICS-27 packet data (for `controller send-tx`) executing <message>: one message or a JSON array of them, each {"@type": ..., fields}; --memo sets the packet memo (nothing is signed or sent)',
    options: [{ flags: '--encoding <encoding>', description: `how the messages are encoded: ${ENCODING_PROTOBUF} (protobuf)`, default: ENCODING_PROTOBUF }],
    async run(ctx, [messages], options) {
      const json = generatePacketData(ctx, messages!, String(options.memo ?? ''), String(options.encoding ?? ENCODING_PROTOBUF));
      ctx.print(JSON.parse(json), () => json);
    },
  },
];

export const hostQueryCommands: readonly CliCommand[] = [
  {
    usage: 'host params',
    description: 'the interchain accounts host params: whether it is enabled and the message types interchain accounts may execute',
    async run(ctx) {
      const { params } = QueryParamsResponse.decode(await ctx.query(`${QUERY_SERVICE}/Params`, QueryParamsRequest.encode({}).finish()));
      const json = { host_enabled: params?.hostEnabled ?? false, allow_messages: params?.allowMessages ?? [] };
      ctx.print(json, () => `host_enabled: ${json.host_enabled}\nallow_messages:\n${json.allow_messages.map((m) => `- ${m}`).join('\n')}`);
    },
  },
];
