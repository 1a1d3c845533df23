// `zonekit tx interchain-accounts controller register|send-tx` and `zonekit query
// interchain-accounts controller interchain-account|params`, as simd's (ibc-go v8 client/cli).
import { readFile } from 'node:fs/promises';
import { QueryInterchainAccountRequest, QueryInterchainAccountResponse, QueryParamsRequest, QueryParamsResponse } from 'cosmjs-types/ibc/applications/interchain_accounts/controller/v1/query';
import { MsgRegisterInterchainAccount, MsgSendTx } from 'cosmjs-types/ibc/applications/interchain_accounts/controller/v1/tx';
import { Order, orderFromJSON } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { CliCommand } from '../../../../app/cli-types.js';
import { parsePacketData, type InterchainAccountPacketData } from '../types/packet.js';
import { QUERY_SERVICE } from './keys.js';

/** DefaultRelativePacketTimeoutTimestamp: 10 minutes. */
export const DEFAULT_RELATIVE_PACKET_TIMEOUT = 10n * 60n * 1_000_000_000n;
const ORDER_NAMES = ['ORDER_NONE_UNSPECIFIED', 'ORDER_UNORDERED', 'ORDER_ORDERED'];
const MAX_UINT64 = (1n << 64n) - 1n;

function signer(from: unknown): string {
  if (typeof from !== 'string') throw new Error('--from <key_or_address> is required: the owner of the interchain account, who signs');
  return from;
}

/** parseOrdering: an Order name, any case. */
export function parseOrdering(text: string): Order {
  const name = text.toUpperCase();
  if (!ORDER_NAMES.includes(name)) throw new Error(`invalid channel ordering: ${text} (one of ORDER_ORDERED, ORDER_UNORDERED)`);
  return orderFromJSON(name);
}

/** The packet data argument: JSON itself, or the path of a file holding it (ibc-go tries JSON first). */
export async function readPacketData(argument: string): Promise<InterchainAccountPacketData> {
  try {
    return parsePacketData(new TextEncoder().encode(argument));
  } catch {
    let contents: Uint8Array;
    try {
      contents = await readFile(argument);
    } catch (err) {
      throw new Error(`neither JSON input nor path to .json file for packet data with messages were provided: ${err instanceof Error ? err.message : String(err)}`);
    }
    try {
      return parsePacketData(contents);
    } catch (err) {
      throw new Error(`error unmarshalling packet data with messages file: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

export const controllerTxCommands: readonly CliCommand[] = [
  {
    usage: 'controller register <connection-id>',
    description: 'register an interchain account on the host at the other end of <connection-id>: opens a channel from port icacontroller-{owner} (the --from address) to icahost',
    options: [
      { flags: '--version <version>', description: 'the channel version (ICS-27 metadata JSON); empty proposes the default', default: '' },
      { flags: '--ordering <ordering>', description: 'channel ordering: ORDER_ORDERED or ORDER_UNORDERED', default: 'ORDER_UNORDERED' },
    ],
    async run(ctx, [connectionId], options) {
      const from = signer(options.from);
      const msg = MsgRegisterInterchainAccount.fromPartial({
        owner: await ctx.address(from),
        connectionId: connectionId!,
        version: String(options.version ?? ''),
        ordering: parseOrdering(String(options.ordering ?? 'ORDER_UNORDERED')),
      });
      await ctx.submit(from, [{ typeUrl: MsgRegisterInterchainAccount.typeUrl, value: MsgRegisterInterchainAccount.encode(msg).finish() }]);
    },
  },
  {
    usage: 'controller send-tx <connection-id> <packet-data>',
    description: 'send packet data (JSON, or a path to a .json file, as `host generate-packet-data` prints it) for the interchain account on <connection-id> to execute',
    options: [
      { flags: '--relative-packet-timeout <ns>', description: 'timeout in nanoseconds after the block time', default: DEFAULT_RELATIVE_PACKET_TIMEOUT.toString() },
    ],
    async run(ctx, [connectionId, packetData], options) {
      const from = signer(options.from);
      const timeout = String(options.relativePacketTimeout ?? DEFAULT_RELATIVE_PACKET_TIMEOUT);
      if (!/^[0-9]+$/.test(timeout) || BigInt(timeout) > MAX_UINT64) throw new Error(`invalid --relative-packet-timeout ${JSON.stringify(timeout)}: expected nanoseconds as an unsigned 64-bit integer`);
      const msg = MsgSendTx.fromPartial({
        owner: await ctx.address(from),
        connectionId: connectionId!,
        packetData: await readPacketData(packetData!),
        relativeTimeout: BigInt(timeout),
      });
      await ctx.submit(from, [{ typeUrl: MsgSendTx.typeUrl, value: MsgSendTx.encode(msg).finish() }]);
    },
  },
];

export const controllerQueryCommands: readonly CliCommand[] = [
  {
    usage: 'controller interchain-account <owner> <connection-id>',
    description: "the interchain account address of <owner> on <connection-id> (the host's account)",
    async run(ctx, [owner, connectionId]) {
      const request = QueryInterchainAccountRequest.encode({ owner: owner!, connectionId: connectionId! }).finish();
      const { address } = QueryInterchainAccountResponse.decode(await ctx.query(`${QUERY_SERVICE}/InterchainAccount`, request));
      ctx.print({ address }, () => address);
    },
  },
  {
    usage: 'controller params',
    description: 'the interchain accounts controller params',
    async run(ctx) {
      const { params } = QueryParamsResponse.decode(await ctx.query(`${QUERY_SERVICE}/Params`, QueryParamsRequest.encode({}).finish()));
      const json = { controller_enabled: params?.controllerEnabled ?? false };
      ctx.print(json, () => `controller_enabled: ${json.controller_enabled}`);
    },
  },
];
