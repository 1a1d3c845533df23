// `zonekit query ibc client|connection|channel <query> ...`, with ibc-go's command names
// (`simd q ibc client state 07-tendermint-0`, `... channel unreceived-packets transfer
// channel-0 --sequences 1,2`). The module CLI mounts one command per usage line, so each of
// the three is one command that takes ibc-go's subcommand as its first argument. Answers
// come from the gRPC queries (no proofs: ibc-go's --prove is not offered); --output json
// prints simd's JSON, text an outline of it. List queries print every page.
import type { PageRequest } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import {
  QueryChannelClientStateRequest,
  QueryChannelClientStateResponse,
  QueryChannelRequest,
  QueryChannelResponse,
  QueryChannelsRequest,
  QueryChannelsResponse,
  QueryConnectionChannelsRequest,
  QueryConnectionChannelsResponse,
  QueryNextSequenceReceiveRequest,
  QueryNextSequenceReceiveResponse,
  QueryNextSequenceSendRequest,
  QueryNextSequenceSendResponse,
  QueryPacketAcknowledgementRequest,
  QueryPacketAcknowledgementResponse,
  QueryPacketCommitmentRequest,
  QueryPacketCommitmentResponse,
  QueryPacketCommitmentsRequest,
  QueryPacketCommitmentsResponse,
  QueryPacketReceiptRequest,
  QueryPacketReceiptResponse,
  QueryUnreceivedAcksRequest,
  QueryUnreceivedAcksResponse,
  QueryUnreceivedPacketsRequest,
  QueryUnreceivedPacketsResponse,
} from 'cosmjs-types/ibc/core/channel/v1/query';
import {
  QueryClientParamsRequest,
  QueryClientParamsResponse,
  QueryClientStateRequest,
  QueryClientStateResponse,
  QueryClientStatesRequest,
  QueryClientStatesResponse,
  QueryClientStatusRequest,
  QueryClientStatusResponse,
  QueryConsensusStateHeightsRequest,
  QueryConsensusStateHeightsResponse,
  QueryConsensusStateRequest,
  QueryConsensusStateResponse,
  QueryConsensusStatesRequest,
  QueryConsensusStatesResponse,
} from 'cosmjs-types/ibc/core/client/v1/query';
import {
  QueryClientConnectionsRequest,
  QueryClientConnectionsResponse,
  QueryConnectionParamsRequest,
  QueryConnectionRequest,
  QueryConnectionResponse,
  QueryConnectionsRequest,
  QueryConnectionsResponse,
} from 'cosmjs-types/ibc/core/connection/v1/query';
import type { CliCommand, CliContext, ModuleCli } from '../../app/cli-types.js';
import { JsonTypes, type Json, type JsonCodec } from '../../app/rest/index.js';
import { CliError } from '../../cli/output.js';
import { parseHeight } from './02-client/height.js';
import { ChannelParamsResponse, ConnectionParamsResponse } from './queries.js';
import { ibcJson, registerIbcJsonTypes } from './rest.js';

type Obj = Record<string, any>;
type Options = Readonly<Record<string, string | boolean | undefined>>;

const types = registerIbcJsonTypes(new JsonTypes());

async function queryJson(ctx: CliContext, method: string, request: Uint8Array, response: JsonCodec): Promise<Obj> {
  return ibcJson(types, response, await ctx.query(method, request)) as Obj;
}

/** Every page of a list query as one answer, as the SDK's JSON with `pagination.next_key` null. */
async function allPages(ctx: CliContext, method: string, list: string, response: JsonCodec, request: (pagination: PageRequest) => Uint8Array): Promise<Obj> {
  const items: Json[] = [];
  let key = new Uint8Array();
  for (;;) {
    const page = await queryJson(ctx, method, request({ key, offset: 0n, limit: 0n, countTotal: false, reverse: false }), response);
    items.push(...(page[list] as Json[]));
    const next = page.pagination?.next_key;
    if (typeof next !== 'string') return { ...page, [list]: items, pagination: { next_key: null, total: String(items.length) } };
    key = new Uint8Array(Buffer.from(next, 'base64'));
  }
}

/** YAML-like lines of a JSON value, for people. */
function outline(value: Json, indent = ''): string {
  const scalar = (v: Json) => (v === null ? 'null' : typeof v === 'string' ? (v === '' ? '""' : v) : String(v));
  const isNested = (v: Json) => v !== null && typeof v === 'object' && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
  const empty = (v: Json) => (Array.isArray(v) ? '[]' : '{}');
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (!isNested(item)) return `${indent}- ${item !== null && typeof item === 'object' ? empty(item) : scalar(item)}`;
        const inner = outline(item, `${indent}  `);
        return `${indent}- ${inner.slice(indent.length + 2)}`;
      })
      .join('\n');
  }
  if (value === null || typeof value !== 'object') return `${indent}${scalar(value)}`;
  return Object.entries(value)
    .map(([k, v]) => {
      if (isNested(v)) return `${indent}${k}:\n${outline(v, `${indent}  `)}`;
      return `${indent}${k}: ${v !== null && typeof v === 'object' ? empty(v) : scalar(v)}`;
    })
    .join('\n');
}

const height = (h: Obj | undefined) => (h ? `${h.revision_number}-${h.revision_height}` : '-');
const listOr = (lines: string[], none: string) => (lines.length === 0 ? none : lines.join('\n'));

function sequenceOf(text: string): bigint {
  if (!/^[0-9]{1,20}$/.test(text) || BigInt(text) >= 1n << 64n) throw new CliError(`invalid sequence ${JSON.stringify(text)}: expected an unsigned integer`);
  return BigInt(text);
}

/** `--sequences 1,2,3` (ibc-go's Int64Slice flag); absent: none. */
function sequencesOption(options: Options): bigint[] {
  const value = options.sequences;
  if (typeof value !== 'string' || value.trim() === '') return [];
  return value.split(',').map((s) => {
    const text = s.trim();
    if (!/^[0-9]{1,19}$/.test(text)) throw new CliError(`invalid --sequences ${JSON.stringify(value)}: expected packet sequences separated by commas, e.g. 1,2,3`);
    return BigInt(text);
  });
}

interface Subcommand {
  /** ibc-go's name and arguments: `consensus-state <client-id> [height]`. */
  usage: string;
  description: string;
  /** The options of the group that this subcommand reads (camelCase, as commander names them). */
  options?: readonly string[];
  run(ctx: CliContext, args: readonly string[], options: Options): Promise<void>;
}

/** One CLI command standing for ibc-go's subcommand group: checks the subcommand, its arguments and its options. */
function group(name: string, description: string, options: CliCommand['options'], subcommands: readonly Subcommand[]): CliCommand {
  const byName = new Map(subcommands.map((s) => [s.usage.split(' ')[0]!, s]));
  const listing = subcommands.map((s) => s.usage).join(' | ');
  const width = Math.max(...subcommands.map((s) => s.usage.length));
  return {
    usage: `${name} <query> [args...]`,
    description: `${description}: ${listing}`,
    options,
    async run(ctx, [query, ...args], opts) {
      const sub = query === undefined ? undefined : byName.get(query);
      if (sub === undefined) {
        const help = subcommands.map((s) => `  ${s.usage.padEnd(width)}  ${s.description}`).join('\n');
        throw new CliError(`unknown ibc ${name} query ${JSON.stringify(query ?? '')}`, `zonekit query ibc ${name} <query>, where <query> is one of:\n${help}`);
      }
      const params = sub.usage.split(' ').slice(1);
      const required = params.filter((p) => p.startsWith('<')).length;
      if (args.length < required || args.length > params.length) {
        throw new CliError(`zonekit query ibc ${name} ${sub.usage}: expected ${params.join(' ') || 'no arguments'}, got ${args.length} argument${args.length === 1 ? '' : 's'}`);
      }
      for (const option of Object.keys(opts)) {
        if (option === 'node' || opts[option] === undefined || opts[option] === false) continue;
        if (!(sub.options ?? []).includes(option)) throw new CliError(`--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} does not apply to \`ibc ${name} ${query}\``);
      }
      await sub.run(ctx, args, opts);
    },
  };
}

// ---- 02-client

const CQ = '/ibc.core.client.v1.Query';

function clientStateText(json: Obj): string {
  const cs = json.client_state ?? json;
  const lines = [`type: ${cs['@type']}`];
  if (cs.chain_id !== undefined) lines.push(`chain id: ${cs.chain_id}`, `latest height: ${height(cs.latest_height)}`, `frozen height: ${height(cs.frozen_height)}`, `trusting period: ${cs.trusting_period}`, `unbonding period: ${cs.unbonding_period}`);
  return lines.join('\n');
}

const clientQueries: Subcommand[] = [
  {
    usage: 'state <client-id>',
    description: "a light client's client state",
    async run(ctx, [clientId]) {
      const json = await queryJson(ctx, `${CQ}/ClientState`, QueryClientStateRequest.encode({ clientId: clientId! }).finish(), QueryClientStateResponse);
      ctx.print(json, () => clientStateText(json));
    },
  },
  {
    usage: 'states',
    description: 'every light client, with its client state',
    async run(ctx) {
      const json = await allPages(ctx, `${CQ}/ClientStates`, 'client_states', QueryClientStatesResponse, (pagination) => QueryClientStatesRequest.encode({ pagination }).finish());
      ctx.print(json, () =>
        listOr(
          (json.client_states as Obj[]).map((c) => `${c.client_id}  ${c.client_state.chain_id ?? c.client_state['@type']}  latest ${height(c.client_state.latest_height)}`),
          'no light clients',
        ),
      );
    },
  },
  {
    usage: 'status <client-id>',
    description: "a light client's status: Active, Frozen, Expired or Unauthorized",
    async run(ctx, [clientId]) {
      const json = await queryJson(ctx, `${CQ}/ClientStatus`, QueryClientStatusRequest.encode({ clientId: clientId! }).finish(), QueryClientStatusResponse);
      ctx.print(json, () => String(json.status));
    },
  },
  {
    usage: 'consensus-state <client-id> [height]',
    description: "a light client's consensus state at a height ({revision}-{height}), or its latest with --latest-height",
    options: ['latestHeight'],
    async run(ctx, [clientId, at], options) {
      const latest = options.latestHeight === true;
      if (!latest && at === undefined) throw new CliError("must include a second 'height' argument when '--latest-height' flag is not provided");
      let h = { revisionNumber: 0n, revisionHeight: 0n };
      if (!latest) {
        try {
          h = parseHeight(at!);
        } catch (err) {
          throw new CliError((err as Error).message);
        }
      }
      const request = QueryConsensusStateRequest.encode({ clientId: clientId!, revisionNumber: h.revisionNumber, revisionHeight: h.revisionHeight, latestHeight: latest }).finish();
      const json = await queryJson(ctx, `${CQ}/ConsensusState`, request, QueryConsensusStateResponse);
      ctx.print(json, () => outline(json.consensus_state));
    },
  },
  {
    usage: 'consensus-states <client-id>',
    description: "a light client's consensus states, with their heights",
    async run(ctx, [clientId]) {
      const json = await allPages(ctx, `${CQ}/ConsensusStates`, 'consensus_states', QueryConsensusStatesResponse, (pagination) =>
        QueryConsensusStatesRequest.encode({ clientId: clientId!, pagination }).finish(),
      );
      ctx.print(json, () => listOr((json.consensus_states as Obj[]).map((c) => `${height(c.height)}  ${c.consensus_state.timestamp ?? c.consensus_state['@type']}`), 'no consensus states'));
    },
  },
  {
    usage: 'consensus-state-heights <client-id>',
    description: "the heights of a light client's consensus states",
    async run(ctx, [clientId]) {
      const json = await allPages(ctx, `${CQ}/ConsensusStateHeights`, 'consensus_state_heights', QueryConsensusStateHeightsResponse, (pagination) =>
        QueryConsensusStateHeightsRequest.encode({ clientId: clientId!, pagination }).finish(),
      );
      ctx.print(json, () => listOr((json.consensus_state_heights as Obj[]).map(height), 'no consensus states'));
    },
  },
  {
    usage: 'params',
    description: 'the 02-client params: the light client types allowed',
    async run(ctx) {
      const json = await queryJson(ctx, `${CQ}/ClientParams`, QueryClientParamsRequest.encode({}).finish(), QueryClientParamsResponse);
      ctx.print(json, () => `allowed clients: ${(json.params?.allowed_clients as string[] | undefined)?.join(', ') || '(none)'}`);
    },
  },
];

// ---- 03-connection

const NQ = '/ibc.core.connection.v1.Query';

const connectionLine = (c: Obj) => `${c.id}  ${c.state}  client ${c.client_id} → ${c.counterparty.client_id}/${c.counterparty.connection_id || '(none yet)'}`;

const connectionQueries: Subcommand[] = [
  {
    usage: 'end <connection-id>',
    description: 'one connection end',
    async run(ctx, [connectionId]) {
      const json = await queryJson(ctx, `${NQ}/Connection`, QueryConnectionRequest.encode({ connectionId: connectionId! }).finish(), QueryConnectionResponse);
      ctx.print(json, () => outline(json.connection));
    },
  },
  {
    usage: 'connections',
    description: 'every connection end',
    async run(ctx) {
      const json = await allPages(ctx, `${NQ}/Connections`, 'connections', QueryConnectionsResponse, (pagination) => QueryConnectionsRequest.encode({ pagination }).finish());
      ctx.print(json, () => listOr((json.connections as Obj[]).map(connectionLine), 'no connections'));
    },
  },
  {
    usage: 'path <client-id>',
    description: 'the connections built on a light client',
    async run(ctx, [clientId]) {
      const json = await queryJson(ctx, `${NQ}/ClientConnections`, QueryClientConnectionsRequest.encode({ clientId: clientId! }).finish(), QueryClientConnectionsResponse);
      ctx.print(json, () => listOr(json.connection_paths as string[], 'no connections'));
    },
  },
  {
    usage: 'params',
    description: 'the 03-connection params: the expected time per block',
    async run(ctx) {
      const json = await queryJson(ctx, `${NQ}/ConnectionParams`, QueryConnectionParamsRequest.encode({}).finish(), { decode: (b) => ConnectionParamsResponse.decode(b) });
      ctx.print(json, () => `max expected time per block: ${json.params?.max_expected_time_per_block}ns`);
    },
  },
];

// ---- 04-channel

const HQ = '/ibc.core.channel.v1.Query';

const channelLine = (c: Obj) =>
  `${c.port_id}/${c.channel_id}  ${c.state}  ${c.ordering}  ${c.connection_hops.join(',')} → ${c.counterparty.port_id}/${c.counterparty.channel_id || '(none yet)'}  ${c.version}`;

const portChannel = (port: string | undefined, channel: string | undefined) => ({ portId: port!, channelId: channel! });

const channelQueries: Subcommand[] = [
  {
    usage: 'end <port-id> <channel-id>',
    description: 'one channel end',
    async run(ctx, [port, channel]) {
      const json = await queryJson(ctx, `${HQ}/Channel`, QueryChannelRequest.encode(portChannel(port, channel)).finish(), QueryChannelResponse);
      ctx.print(json, () => outline(json.channel));
    },
  },
  {
    usage: 'channels',
    description: 'every channel end',
    async run(ctx) {
      const json = await allPages(ctx, `${HQ}/Channels`, 'channels', QueryChannelsResponse, (pagination) => QueryChannelsRequest.encode({ pagination }).finish());
      ctx.print(json, () => listOr((json.channels as Obj[]).map(channelLine), 'no channels'));
    },
  },
  {
    usage: 'connections <connection-id>',
    description: 'the channels on a connection',
    async run(ctx, [connection]) {
      const json = await allPages(ctx, `${HQ}/ConnectionChannels`, 'channels', QueryConnectionChannelsResponse, (pagination) =>
        QueryConnectionChannelsRequest.encode({ connection: connection!, pagination }).finish(),
      );
      ctx.print(json, () => listOr((json.channels as Obj[]).map(channelLine), `no channels on ${connection}`));
    },
  },
  {
    usage: 'client-state <port-id> <channel-id>',
    description: "a channel's light client and its client state",
    async run(ctx, [port, channel]) {
      const json = await queryJson(ctx, `${HQ}/ChannelClientState`, QueryChannelClientStateRequest.encode(portChannel(port, channel)).finish(), QueryChannelClientStateResponse);
      ctx.print(json, () => `client: ${json.identified_client_state.client_id}\n${clientStateText(json.identified_client_state)}`);
    },
  },
  {
    usage: 'packet-commitment <port-id> <channel-id> <sequence>',
    description: "one sent packet's commitment",
    async run(ctx, [port, channel, sequence]) {
      const request = QueryPacketCommitmentRequest.encode({ ...portChannel(port, channel), sequence: sequenceOf(sequence!) }).finish();
      const json = await queryJson(ctx, `${HQ}/PacketCommitment`, request, QueryPacketCommitmentResponse);
      ctx.print(json, () => `commitment: ${Buffer.from(String(json.commitment), 'base64').toString('hex')}`);
    },
  },
  {
    usage: 'packet-commitments <port-id> <channel-id>',
    description: 'the commitments of packets sent on a channel and not yet acknowledged or timed out',
    async run(ctx, [port, channel]) {
      const json = await allPages(ctx, `${HQ}/PacketCommitments`, 'commitments', QueryPacketCommitmentsResponse, (pagination) =>
        QueryPacketCommitmentsRequest.encode({ ...portChannel(port, channel), pagination }).finish(),
      );
      ctx.print(json, () => listOr((json.commitments as Obj[]).map((c) => `${c.sequence}  ${Buffer.from(String(c.data), 'base64').toString('hex')}`), 'no packet commitments'));
    },
  },
  {
    usage: 'packet-receipt <port-id> <channel-id> <sequence>',
    description: 'whether this chain received a packet (unordered channels)',
    async run(ctx, [port, channel, sequence]) {
      const request = QueryPacketReceiptRequest.encode({ ...portChannel(port, channel), sequence: sequenceOf(sequence!) }).finish();
      const json = await queryJson(ctx, `${HQ}/PacketReceipt`, request, QueryPacketReceiptResponse);
      ctx.print(json, () => `received: ${json.received}`);
    },
  },
  {
    usage: 'packet-ack <port-id> <channel-id> <sequence>',
    description: 'the acknowledgement commitment this chain wrote for a received packet',
    async run(ctx, [port, channel, sequence]) {
      const request = QueryPacketAcknowledgementRequest.encode({ ...portChannel(port, channel), sequence: sequenceOf(sequence!) }).finish();
      const json = await queryJson(ctx, `${HQ}/PacketAcknowledgement`, request, QueryPacketAcknowledgementResponse);
      ctx.print(json, () => `acknowledgement: ${Buffer.from(String(json.acknowledgement), 'base64').toString('hex')}`);
    },
  },
  {
    usage: 'unreceived-packets <port-id> <channel-id>',
    description: "of the counterparty's packet commitments (--sequences), those this chain has not received",
    options: ['sequences'],
    async run(ctx, [port, channel], options) {
      const request = QueryUnreceivedPacketsRequest.encode({ ...portChannel(port, channel), packetCommitmentSequences: sequencesOption(options) }).finish();
      const json = await queryJson(ctx, `${HQ}/UnreceivedPackets`, request, QueryUnreceivedPacketsResponse);
      ctx.print(json, () => listOr(json.sequences as string[], 'none unreceived'));
    },
  },
  {
    usage: 'unreceived-acks <port-id> <channel-id>',
    description: "of the counterparty's acknowledgements (--sequences), those this chain has not yet processed",
    options: ['sequences'],
    async run(ctx, [port, channel], options) {
      const request = QueryUnreceivedAcksRequest.encode({ ...portChannel(port, channel), packetAckSequences: sequencesOption(options) }).finish();
      const json = await queryJson(ctx, `${HQ}/UnreceivedAcks`, request, QueryUnreceivedAcksResponse);
      ctx.print(json, () => listOr(json.sequences as string[], 'none unreceived'));
    },
  },
  {
    usage: 'next-sequence-receive <port-id> <channel-id>',
    description: 'the next sequence an ordered channel expects to receive (0 for an unordered one)',
    async run(ctx, [port, channel]) {
      const json = await queryJson(ctx, `${HQ}/NextSequenceReceive`, QueryNextSequenceReceiveRequest.encode(portChannel(port, channel)).finish(), QueryNextSequenceReceiveResponse);
      ctx.print(json, () => `next sequence receive: ${json.next_sequence_receive}`);
    },
  },
  {
    usage: 'next-sequence-send <port-id> <channel-id>',
    description: 'the sequence the next packet sent on a channel gets',
    async run(ctx, [port, channel]) {
      const json = await queryJson(ctx, `${HQ}/NextSequenceSend`, QueryNextSequenceSendRequest.encode(portChannel(port, channel)).finish(), QueryNextSequenceSendResponse);
      ctx.print(json, () => `next sequence send: ${json.next_sequence_send}`);
    },
  },
  {
    usage: 'params',
    description: 'the 04-channel params: the channel upgrade timeout',
    async run(ctx) {
      const json = await queryJson(ctx, `${HQ}/ChannelParams`, new Uint8Array(), { decode: (b) => ChannelParamsResponse.decode(b) });
      ctx.print(json, () => outline(json.params));
    },
  },
];

export const ibcCli: ModuleCli = {
  query: [
    group('client', 'light client queries', [{ flags: '--latest-height', description: 'consensus-state: the latest stored consensus state' }], clientQueries),
    group('connection', 'connection queries', [], connectionQueries),
    group('channel', 'channel and packet queries', [{ flags: '--sequences <sequences>', description: 'unreceived-packets, unreceived-acks: packet sequences separated by commas' }], channelQueries),
  ],
};
