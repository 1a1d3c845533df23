// `zonekit tx transfer transfer ...` and `zonekit query transfer ...`, as simd's
// `tx ibc-transfer` and `query ibc-transfer` (ibc-go v8 client/cli).
import { BinaryReader } from 'cosmjs-types/binary';
import {
  QueryDenomHashRequest,
  QueryDenomHashResponse,
  QueryEscrowAddressRequest,
  QueryEscrowAddressResponse,
  QueryParamsRequest,
  QueryParamsResponse,
  QueryTotalEscrowForDenomRequest,
  QueryTotalEscrowForDenomResponse,
} from 'cosmjs-types/ibc/applications/transfer/v1/query';
import { QueryChannelClientStateRequest, QueryChannelClientStateResponse } from 'cosmjs-types/ibc/core/channel/v1/query';
import { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import { QueryConsensusStateRequest, QueryConsensusStateResponse } from 'cosmjs-types/ibc/core/client/v1/query';
import { ClientState, ConsensusState } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import type { CliContext, ModuleCli } from '../../../app/cli-types.js';
import { DENOM_PREFIX } from './keys.js';
import { MsgTransfer, QueryDenomTraceRequest, QueryDenomTraceResponse, QueryDenomTracesRequest, QueryDenomTracesResponse } from './proto.js';
import { QUERY_SERVICE } from './queries.js';
import { voucherDenom } from './trace.js';

/** ibc-go's defaults: 1000 blocks and 10 minutes past the counterparty's latest known height and time. */
export const DEFAULT_RELATIVE_TIMEOUT_HEIGHT = '0-1000';
export const DEFAULT_RELATIVE_TIMEOUT_TIMESTAMP = 10n * 60n * 1_000_000_000n;

const TENDERMINT_CLIENT = '/ibc.lightclients.tendermint.v1.ClientState';
const LOCALHOST_CLIENT = '/ibc.lightclients.localhost.v2.ClientState';
const MAX_UINT64 = (1n << 64n) - 1n;

function uint64(text: string, what: string): bigint {
  if (!/^[0-9]+$/.test(text) || BigInt(text) > MAX_UINT64) throw new Error(`invalid ${what} ${JSON.stringify(text)}: expected an unsigned 64-bit integer`);
  return BigInt(text);
}

/** clienttypes.ParseHeight: `{revision}-{height}`. */
export function parseHeight(text: string): Height {
  const parts = text.split('-');
  if (parts.length !== 2) throw new Error(`expected height string format: {revision}-{height}. Got: ${text}`);
  return { revisionNumber: uint64(parts[0]!, 'revision number'), revisionHeight: uint64(parts[1]!, 'revision height') };
}

/** localhost v2's ClientState { latest_height = 1 } (not in cosmjs-types 0.11). */
function localhostLatestHeight(value: Uint8Array): Height {
  const r = new BinaryReader(value);
  let height: Height = { revisionNumber: 0n, revisionHeight: 0n };
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === 1) height = Height.decode(r, r.uint32());
    else r.skipType(tag & 7);
  }
  return height;
}

/** The counterparty's latest height and block time (ns) as this chain's client of it knows them. */
async function counterpartyClock(ctx: CliContext, portId: string, channelId: string): Promise<{ height: Height; timestamp: bigint }> {
  const request = QueryChannelClientStateRequest.encode({ portId, channelId }).finish();
  const { identifiedClientState } = QueryChannelClientStateResponse.decode(await ctx.query('/ibc.core.channel.v1.Query/ChannelClientState', request));
  const clientState: Any | undefined = identifiedClientState?.clientState;
  if (identifiedClientState === undefined || clientState === undefined) throw new Error(`channel ${portId}/${channelId} has no client state`);
  if (clientState.typeUrl === LOCALHOST_CLIENT) return { height: localhostLatestHeight(clientState.value), timestamp: 0n };
  if (clientState.typeUrl !== TENDERMINT_CLIENT) throw new Error(`unsupported client type ${clientState.typeUrl}; use --absolute-timeouts`);
  const height = ClientState.decode(clientState.value).latestHeight;
  const consensusRequest = QueryConsensusStateRequest.encode({
    clientId: identifiedClientState.clientId,
    revisionNumber: height.revisionNumber,
    revisionHeight: height.revisionHeight,
    latestHeight: true,
  }).finish();
  const { consensusState } = QueryConsensusStateResponse.decode(await ctx.query('/ibc.core.client.v1.Query/ConsensusState', consensusRequest));
  if (consensusState === undefined) throw new Error(`client ${identifiedClientState.clientId} has no consensus state`);
  const { timestamp } = ConsensusState.decode(consensusState.value);
  return { height, timestamp: timestamp.seconds * 1_000_000_000n + BigInt(timestamp.nanos) };
}

function signer(from: unknown): string {
  if (typeof from !== 'string') throw new Error('--from <key_or_address> is required: the account that signs');
  return from;
}

function pageOptions(options: Readonly<Record<string, string | boolean | undefined>>) {
  const text = (name: string) => (typeof options[name] === 'string' ? (options[name] as string) : undefined);
  const key = text('pageKey');
  return {
    key: key === undefined ? new Uint8Array() : new Uint8Array(Buffer.from(key, 'base64')),
    offset: text('offset') === undefined ? 0n : uint64(text('offset')!, '--offset'),
    limit: text('limit') === undefined ? 0n : uint64(text('limit')!, '--limit'),
    countTotal: options.countTotal === true,
    reverse: options.reverse === true,
  };
}

const traceJson = (t: { path: string; baseDenom: string }) => ({ path: t.path, base_denom: t.baseDenom });

export const transferCli: ModuleCli = {
  name: 'ibc-transfer',
  tx: [
    {
      usage: 'transfer <src-port> <src-channel> <receiver> <amount>',
      description:
        'transfer a fungible token through IBC; timeouts are relative to the counterparty height and time known to the channel\'s client (or the local clock, if later) unless --absolute-timeouts; a timeout of 0 is disabled',
      options: [
        { flags: '--packet-timeout-height <height>', description: 'timeout block height {revision}-{height}; 0-0 disables it', default: DEFAULT_RELATIVE_TIMEOUT_HEIGHT },
        {
          flags: '--packet-timeout-timestamp <ns>',
          description: 'timeout timestamp in nanoseconds (default 10 minutes); 0 disables it',
          default: DEFAULT_RELATIVE_TIMEOUT_TIMESTAMP.toString(),
        },
        { flags: '--absolute-timeouts', description: 'the timeout flags are absolute, not relative' },
        // `--memo` is the tx's own note here (simd v0.50 calls that one `--note`).
        { flags: '--packet-memo <memo>', description: 'memo sent along with the packet', default: '' },
      ],
      async run(ctx, [srcPort, srcChannel, receiver, amount], options) {
        const from = signer(options.from);
        const coins = ctx.coins(amount!);
        if (coins.length !== 1) throw new Error(`<amount> must be exactly one coin, e.g. 10uatom, got ${JSON.stringify(amount)}`);
        const token = { ...coins[0]! };
        // A full trace (transfer/channel-0/uatom) is sent as its voucher denom.
        if (!token.denom.startsWith(`${DENOM_PREFIX}/`)) token.denom = voucherDenom(token.denom);

        let timeoutHeight = parseHeight(String(options.packetTimeoutHeight ?? DEFAULT_RELATIVE_TIMEOUT_HEIGHT));
        let timeoutTimestamp = uint64(String(options.packetTimeoutTimestamp ?? DEFAULT_RELATIVE_TIMEOUT_TIMESTAMP), '--packet-timeout-timestamp');
        if (options.absoluteTimeouts !== true) {
          const clock = await counterpartyClock(ctx, srcPort!, srcChannel!);
          if (timeoutHeight.revisionNumber !== 0n || timeoutHeight.revisionHeight !== 0n) {
            timeoutHeight = {
              revisionNumber: clock.height.revisionNumber + timeoutHeight.revisionNumber,
              revisionHeight: clock.height.revisionHeight + timeoutHeight.revisionHeight,
            };
          }
          if (timeoutTimestamp !== 0n) {
            const now = BigInt(Date.now()) * 1_000_000n;
            timeoutTimestamp += now > clock.timestamp ? now : clock.timestamp;
          }
        }

        const msg = MsgTransfer.fromPartial({
          sourcePort: srcPort!,
          sourceChannel: srcChannel!,
          token,
          sender: await ctx.address(from),
          receiver: receiver!,
          timeoutHeight,
          timeoutTimestamp,
          memo: String(options.packetMemo ?? ''),
        });
        await ctx.submit(from, [{ typeUrl: MsgTransfer.typeUrl, value: MsgTransfer.encode(msg).finish() }]);
      },
    },
  ],
  query: [
    {
      usage: 'denom-traces',
      description: 'the trace of every voucher denomination',
      options: [
        { flags: '--limit <n>', description: 'page size' },
        { flags: '--offset <n>', description: 'entries to skip' },
        { flags: '--page-key <base64>', description: 'next_key of the previous page' },
        { flags: '--count-total', description: 'count all entries' },
        { flags: '--reverse', description: 'in reverse order' },
      ],
      async run(ctx, _args, options) {
        const request = QueryDenomTracesRequest.encode({ pagination: pageOptions(options) }).finish();
        const response = QueryDenomTracesResponse.decode(await ctx.query(`${QUERY_SERVICE}/DenomTraces`, request));
        const json = {
          denom_traces: response.denomTraces.map(traceJson),
          pagination: {
            next_key: response.pagination?.nextKey.length ? Buffer.from(response.pagination.nextKey).toString('base64') : null,
            total: String(response.pagination?.total ?? 0n),
          },
        };
        ctx.print(json, () => (json.denom_traces.length === 0 ? '(none)' : json.denom_traces.map((t) => `${t.path}/${t.base_denom}`).join('\n')));
      },
    },
    {
      usage: 'denom-trace <hash_or_denom>',
      description: 'the trace behind a voucher hash or ibc/{hash} denom',
      async run(ctx, [hash]) {
        const request = QueryDenomTraceRequest.encode({ hash: hash! }).finish();
        const { denomTrace } = QueryDenomTraceResponse.decode(await ctx.query(`${QUERY_SERVICE}/DenomTrace`, request));
        const json = { denom_trace: denomTrace === undefined ? null : traceJson(denomTrace) };
        ctx.print(json, () => (json.denom_trace === null ? '(none)' : `path: ${json.denom_trace.path}\nbase_denom: ${json.denom_trace.base_denom}`));
      },
    },
    {
      usage: 'denom-hash <trace>',
      description: 'the hash of a denom trace, e.g. transfer/channel-0/uatom',
      async run(ctx, [trace]) {
        const request = QueryDenomHashRequest.encode({ trace: trace! }).finish();
        const { hash } = QueryDenomHashResponse.decode(await ctx.query(`${QUERY_SERVICE}/DenomHash`, request));
        ctx.print({ hash }, () => hash);
      },
    },
    {
      usage: 'params',
      description: 'the transfer params',
      async run(ctx) {
        const { params } = QueryParamsResponse.decode(await ctx.query(`${QUERY_SERVICE}/Params`, QueryParamsRequest.encode({}).finish()));
        const json = { send_enabled: params?.sendEnabled ?? false, receive_enabled: params?.receiveEnabled ?? false };
        ctx.print(json, () => `send_enabled: ${json.send_enabled}\nreceive_enabled: ${json.receive_enabled}`);
      },
    },
    {
      usage: 'escrow-address <port> <channel-id>',
      description: 'the escrow address of a channel end',
      async run(ctx, [portId, channelId]) {
        const request = QueryEscrowAddressRequest.encode({ portId: portId!, channelId: channelId! }).finish();
        const { escrowAddress } = QueryEscrowAddressResponse.decode(await ctx.query(`${QUERY_SERVICE}/EscrowAddress`, request));
        ctx.print({ escrow_address: escrowAddress }, () => escrowAddress);
      },
    },
    {
      usage: 'total-escrow <denom>',
      description: 'the total amount of a denom held in escrow',
      async run(ctx, [denom]) {
        const request = QueryTotalEscrowForDenomRequest.encode({ denom: denom! }).finish();
        const { amount } = QueryTotalEscrowForDenomResponse.decode(await ctx.query(`${QUERY_SERVICE}/TotalEscrowForDenom`, request));
        ctx.print({ amount: { denom: amount.denom, amount: amount.amount } }, () => `${amount.amount}${amount.denom}`);
      },
    },
  ],
};
