// IBC core's gRPC-gateway paths (ibc-go v8.8.0's query.proto `google.api.http` options), in
// the JSON simd writes: light client states resolved from their Any, Tendermint durations as
// "1209600s" and validator-set hashes in hex (ibc-go's HexBytes), and a channel's
// `upgrade_sequence` (an ibc-go v8 field cosmjs-types lacks; always 0 here).
import type { Duration } from 'cosmjs-types/google/protobuf/duration';
import {
  QueryChannelClientStateRequest,
  QueryChannelClientStateResponse,
  QueryChannelConsensusStateRequest,
  QueryChannelConsensusStateResponse,
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
  QueryPacketAcknowledgementsRequest,
  QueryPacketAcknowledgementsResponse,
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
  QueryUpgradedClientStateRequest,
  QueryUpgradedClientStateResponse,
  QueryUpgradedConsensusStateRequest,
  QueryUpgradedConsensusStateResponse,
} from 'cosmjs-types/ibc/core/client/v1/query';
import {
  QueryClientConnectionsRequest,
  QueryClientConnectionsResponse,
  QueryConnectionClientStateRequest,
  QueryConnectionClientStateResponse,
  QueryConnectionConsensusStateRequest,
  QueryConnectionConsensusStateResponse,
  QueryConnectionParamsRequest,
  QueryConnectionRequest,
  QueryConnectionResponse,
  QueryConnectionsRequest,
  QueryConnectionsResponse,
} from 'cosmjs-types/ibc/core/connection/v1/query';
import { ClientState as TendermintClientState, ConsensusState as TendermintConsensusState } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { z } from 'zod';
import { pageRequest, paginationQuery, uint64Param, type Json, type JsonCodec, type JsonTypes, type RestRoutes, type RouteInput } from '../../app/rest/index.js';
import { TENDERMINT_CLIENT_STATE_TYPE_URL, TENDERMINT_CONSENSUS_STATE_TYPE_URL } from './02-client/self-client.js';
import { ChannelParamsResponse, ConnectionParamsResponse } from './queries.js';

/** Go's jsonpb Duration: seconds with 0, 3, 6 or 9 fraction digits, then `s`. */
function durationJson(d: Duration | undefined): string | undefined {
  if (d === undefined) return undefined;
  if (d.nanos === 0) return `${d.seconds}s`;
  let fraction = String(d.nanos).padStart(9, '0');
  while (fraction.endsWith('000')) fraction = fraction.slice(0, -3);
  return `${d.seconds}.${fraction}s`;
}

// The codecs below hand the JSON walker values already in jsonpb's form (strings), and
// keep cosmjs-types' toJSON for the rest (enum names in proof specs, the timestamp).
const tendermintClientStateJson: JsonCodec = {
  decode(bytes) {
    const cs = TendermintClientState.decode(bytes);
    return { ...cs, trustingPeriod: durationJson(cs.trustingPeriod), unbondingPeriod: durationJson(cs.unbondingPeriod), maxClockDrift: durationJson(cs.maxClockDrift) };
  },
  toJSON: (cs) => TendermintClientState.toJSON({ ...cs, trustingPeriod: undefined, unbondingPeriod: undefined, maxClockDrift: undefined }),
};

const tendermintConsensusStateJson: JsonCodec = {
  decode(bytes) {
    const cs = TendermintConsensusState.decode(bytes);
    return { ...cs, nextValidatorsHash: Buffer.from(cs.nextValidatorsHash).toString('hex').toUpperCase() };
  },
  toJSON: (cs) => TendermintConsensusState.toJSON({ ...cs, nextValidatorsHash: undefined }),
};

/** The light client states IBC answers carry, by their Any type URL. */
export function registerIbcJsonTypes(types: JsonTypes): JsonTypes {
  return types.register(TENDERMINT_CLIENT_STATE_TYPE_URL, tendermintClientStateJson).register(TENDERMINT_CONSENSUS_STATE_TYPE_URL, tendermintConsensusStateJson);
}

/** ibc-go v8's Channel and IdentifiedChannel end with `upgrade_sequence`; zonekit never upgrades a channel. */
function addUpgradeSequence(json: Json): Json {
  if (Array.isArray(json)) return json.map(addUpgradeSequence);
  if (json === null || typeof json !== 'object') return json;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(json)) out[k] = addUpgradeSequence(v);
  if ('connection_hops' in out && 'ordering' in out && !('upgrade_sequence' in out)) out.upgrade_sequence = '0';
  return out;
}

/** A response of one of IBC core's queries as simd's REST and CLI write it. */
export function ibcJson(types: JsonTypes, codec: JsonCodec, bytes: Uint8Array): Json {
  return addUpgradeSequence(types.toJson(codec, codec.decode(bytes)));
}

/** Channel upgrades: zonekit has none, so their queries only ever answer NotFound. */
const noUpgrade: JsonCodec = {
  decode: () => {
    throw new Error('zonekit never upgrades a channel');
  },
};

const ChannelParamsJson: JsonCodec = { decode: (bytes) => ChannelParamsResponse.decode(bytes) };
const ConnectionParamsJson: JsonCodec = { decode: (bytes) => ConnectionParamsResponse.decode(bytes) };

// Identifiers pass as they are: the queries check them, with ibc-go's wording.
const clientParams = z.object({ client_id: z.string().describe('a client id, e.g. 07-tendermint-0') });
const connectionParams = z.object({ connection_id: z.string().describe('a connection id, e.g. connection-0') });
const channelParams = z.object({ channel_id: z.string().describe('a channel id, e.g. channel-0'), port_id: z.string().describe('a port id, e.g. transfer') });
const sequenceParams = channelParams.extend({ sequence: uint64Param('sequence') });
const revision = { revision_number: uint64Param('revision_number'), revision_height: uint64Param('revision_height') };

const boolParam = (name: string) => z.enum(['true', 'false', '1', '0'], { error: `${name} must be true or false` }).transform((s) => s === 'true' || s === '1');

/** A repeated uint64 in a path or query string: grpc-gateway takes `1,2,3`. */
function sequenceList(name: string) {
  return z
    .string()
    .regex(/^([0-9]{1,20}(,[0-9]{1,20})*)?$/, { error: `${name} must be unsigned integers separated by commas` })
    .transform((s, ctx) => {
      const values = s === '' ? [] : s.split(',').map(BigInt);
      if (values.some((v) => v >= 1n << 64n)) {
        ctx.addIssue({ code: 'custom', message: `${name} holds a value out of range for a uint64` });
        return z.NEVER;
      }
      return values;
    });
}

const C = '/ibc/core/channel/v1/channels/:channel_id/ports/:port_id';

export function ibcRest(routes: RestRoutes): void {
  registerIbcJsonTypes(routes.types);

  const serve = <Pa extends z.ZodType = z.ZodUndefined, Qu extends z.ZodType = z.ZodUndefined>(
    path: string,
    spec: { summary: string; params?: Pa; query?: Qu; method: string; request(input: RouteInput<z.output<Pa>, z.output<Qu>, undefined>): Uint8Array; response: JsonCodec },
  ): void => {
    routes.get(path, spec, async (input) => {
      const { value } = await routes.query(spec.method, spec.request(input), input.height);
      return ibcJson(routes.types, spec.response, value);
    });
  };

  // ---- ibc.core.client.v1.Query
  const CQ = '/ibc.core.client.v1.Query';
  serve('/ibc/core/client/v1/client_states', {
    summary: 'Every light client this chain keeps, with its client state',
    query: paginationQuery,
    method: `${CQ}/ClientStates`,
    request: ({ query }) => QueryClientStatesRequest.encode({ pagination: pageRequest(query) }).finish(),
    response: QueryClientStatesResponse,
  });
  serve('/ibc/core/client/v1/client_states/:client_id', {
    summary: "A light client's client state",
    params: clientParams,
    method: `${CQ}/ClientState`,
    request: ({ params }) => QueryClientStateRequest.encode({ clientId: params.client_id }).finish(),
    response: QueryClientStateResponse,
  });
  serve('/ibc/core/client/v1/client_status/:client_id', {
    summary: "A light client's status: Active, Frozen, Expired or Unauthorized",
    params: clientParams,
    method: `${CQ}/ClientStatus`,
    request: ({ params }) => QueryClientStatusRequest.encode({ clientId: params.client_id }).finish(),
    response: QueryClientStatusResponse,
  });
  serve('/ibc/core/client/v1/consensus_states/:client_id', {
    summary: "A light client's consensus states, with their heights",
    params: clientParams,
    query: paginationQuery,
    method: `${CQ}/ConsensusStates`,
    request: ({ params, query }) => QueryConsensusStatesRequest.encode({ clientId: params.client_id, pagination: pageRequest(query) }).finish(),
    response: QueryConsensusStatesResponse,
  });
  serve('/ibc/core/client/v1/consensus_states/:client_id/heights', {
    summary: "The heights of a light client's consensus states",
    params: clientParams,
    query: paginationQuery,
    method: `${CQ}/ConsensusStateHeights`,
    request: ({ params, query }) => QueryConsensusStateHeightsRequest.encode({ clientId: params.client_id, pagination: pageRequest(query) }).finish(),
    response: QueryConsensusStateHeightsResponse,
  });
  serve('/ibc/core/client/v1/consensus_states/:client_id/revision/:revision_number/height/:revision_height', {
    summary: "A light client's consensus state at a height (or its latest, with latest_height=true)",
    params: clientParams.extend(revision),
    query: z.object({ latest_height: boolParam('latest_height').optional() }),
    method: `${CQ}/ConsensusState`,
    request: ({ params, query }) =>
      QueryConsensusStateRequest.encode({
        clientId: params.client_id,
        revisionNumber: params.revision_number,
        revisionHeight: params.revision_height,
        latestHeight: query.latest_height ?? false,
      }).finish(),
    response: QueryConsensusStateResponse,
  });
  serve('/ibc/core/client/v1/params', {
    summary: 'The 02-client params: the light client types allowed',
    method: `${CQ}/ClientParams`,
    request: () => QueryClientParamsRequest.encode({}).finish(),
    response: QueryClientParamsResponse,
  });
  serve('/ibc/core/client/v1/upgraded_client_states', {
    summary: 'The client state of a planned chain upgrade (zonekit plans none: not found)',
    method: `${CQ}/UpgradedClientState`,
    request: () => QueryUpgradedClientStateRequest.encode({}).finish(),
    response: QueryUpgradedClientStateResponse,
  });
  serve('/ibc/core/client/v1/upgraded_consensus_states', {
    summary: 'The consensus state of a planned chain upgrade (zonekit plans none: not found)',
    method: `${CQ}/UpgradedConsensusState`,
    request: () => QueryUpgradedConsensusStateRequest.encode({}).finish(),
    response: QueryUpgradedConsensusStateResponse,
  });

  // ---- ibc.core.connection.v1.Query
  const NQ = '/ibc.core.connection.v1.Query';
  serve('/ibc/core/connection/v1/connections', {
    summary: 'Every connection end on this chain',
    query: paginationQuery,
    method: `${NQ}/Connections`,
    request: ({ query }) => QueryConnectionsRequest.encode({ pagination: pageRequest(query) }).finish(),
    response: QueryConnectionsResponse,
  });
  serve('/ibc/core/connection/v1/connections/:connection_id', {
    summary: 'One connection end',
    params: connectionParams,
    method: `${NQ}/Connection`,
    request: ({ params }) => QueryConnectionRequest.encode({ connectionId: params.connection_id }).finish(),
    response: QueryConnectionResponse,
  });
  serve('/ibc/core/connection/v1/client_connections/:client_id', {
    summary: 'The connections built on a light client',
    params: clientParams,
    method: `${NQ}/ClientConnections`,
    request: ({ params }) => QueryClientConnectionsRequest.encode({ clientId: params.client_id }).finish(),
    response: QueryClientConnectionsResponse,
  });
  serve('/ibc/core/connection/v1/connections/:connection_id/client_state', {
    summary: "A connection's light client and its client state",
    params: connectionParams,
    method: `${NQ}/ConnectionClientState`,
    request: ({ params }) => QueryConnectionClientStateRequest.encode({ connectionId: params.connection_id }).finish(),
    response: QueryConnectionClientStateResponse,
  });
  serve('/ibc/core/connection/v1/connections/:connection_id/consensus_state/revision/:revision_number/height/:revision_height', {
    summary: "A connection's light client consensus state at a height",
    params: connectionParams.extend(revision),
    method: `${NQ}/ConnectionConsensusState`,
    request: ({ params }) =>
      QueryConnectionConsensusStateRequest.encode({ connectionId: params.connection_id, revisionNumber: params.revision_number, revisionHeight: params.revision_height }).finish(),
    response: QueryConnectionConsensusStateResponse,
  });
  serve('/ibc/core/connection/v1/params', {
    summary: 'The 03-connection params: the expected time per block (nanoseconds)',
    method: `${NQ}/ConnectionParams`,
    request: () => QueryConnectionParamsRequest.encode({}).finish(),
    response: ConnectionParamsJson,
  });

  // ---- ibc.core.channel.v1.Query
  const HQ = '/ibc.core.channel.v1.Query';
  serve('/ibc/core/channel/v1/channels', {
    summary: 'Every channel end on this chain',
    query: paginationQuery,
    method: `${HQ}/Channels`,
    request: ({ query }) => QueryChannelsRequest.encode({ pagination: pageRequest(query) }).finish(),
    response: QueryChannelsResponse,
  });
  serve(C, {
    summary: 'One channel end',
    params: channelParams,
    method: `${HQ}/Channel`,
    request: ({ params }) => QueryChannelRequest.encode({ portId: params.port_id, channelId: params.channel_id }).finish(),
    response: QueryChannelResponse,
  });
  serve('/ibc/core/channel/v1/connections/:connection/channels', {
    summary: 'The channels on a connection',
    params: z.object({ connection: z.string().describe('a connection id, e.g. connection-0') }),
    query: paginationQuery,
    method: `${HQ}/ConnectionChannels`,
    request: ({ params, query }) => QueryConnectionChannelsRequest.encode({ connection: params.connection, pagination: pageRequest(query) }).finish(),
    response: QueryConnectionChannelsResponse,
  });
  serve(`${C}/client_state`, {
    summary: "A channel's light client and its client state",
    params: channelParams,
    method: `${HQ}/ChannelClientState`,
    request: ({ params }) => QueryChannelClientStateRequest.encode({ portId: params.port_id, channelId: params.channel_id }).finish(),
    response: QueryChannelClientStateResponse,
  });
  serve(`${C}/consensus_state/revision/:revision_number/height/:revision_height`, {
    summary: "A channel's light client consensus state at a height",
    params: channelParams.extend(revision),
    method: `${HQ}/ChannelConsensusState`,
    request: ({ params }) =>
      QueryChannelConsensusStateRequest.encode({
        portId: params.port_id,
        channelId: params.channel_id,
        revisionNumber: params.revision_number,
        revisionHeight: params.revision_height,
      }).finish(),
    response: QueryChannelConsensusStateResponse,
  });
  serve(`${C}/packet_commitments`, {
    summary: 'The commitments of packets sent on a channel and not yet acknowledged or timed out',
    params: channelParams,
    query: paginationQuery,
    method: `${HQ}/PacketCommitments`,
    request: ({ params, query }) => QueryPacketCommitmentsRequest.encode({ portId: params.port_id, channelId: params.channel_id, pagination: pageRequest(query) }).finish(),
    response: QueryPacketCommitmentsResponse,
  });
  serve(`${C}/packet_commitments/:sequence`, {
    summary: "One sent packet's commitment",
    params: sequenceParams,
    method: `${HQ}/PacketCommitment`,
    request: ({ params }) => QueryPacketCommitmentRequest.encode({ portId: params.port_id, channelId: params.channel_id, sequence: params.sequence }).finish(),
    response: QueryPacketCommitmentResponse,
  });
  serve(`${C}/packet_commitments/:packet_commitment_sequences/unreceived_packets`, {
    summary: "Of the counterparty's packet commitments (sequences, comma-separated), those this chain has not received",
    params: channelParams.extend({ packet_commitment_sequences: sequenceList('packet_commitment_sequences') }),
    method: `${HQ}/UnreceivedPackets`,
    request: ({ params }) =>
      QueryUnreceivedPacketsRequest.encode({ portId: params.port_id, channelId: params.channel_id, packetCommitmentSequences: params.packet_commitment_sequences }).finish(),
    response: QueryUnreceivedPacketsResponse,
  });
  serve(`${C}/packet_commitments/:packet_ack_sequences/unreceived_acks`, {
    summary: "Of the counterparty's acknowledgements (sequences, comma-separated), those this chain has not yet processed",
    params: channelParams.extend({ packet_ack_sequences: sequenceList('packet_ack_sequences') }),
    method: `${HQ}/UnreceivedAcks`,
    request: ({ params }) => QueryUnreceivedAcksRequest.encode({ portId: params.port_id, channelId: params.channel_id, packetAckSequences: params.packet_ack_sequences }).finish(),
    response: QueryUnreceivedAcksResponse,
  });
  serve(`${C}/packet_receipts/:sequence`, {
    summary: 'Whether this chain received a packet (unordered channels)',
    params: sequenceParams,
    method: `${HQ}/PacketReceipt`,
    request: ({ params }) => QueryPacketReceiptRequest.encode({ portId: params.port_id, channelId: params.channel_id, sequence: params.sequence }).finish(),
    response: QueryPacketReceiptResponse,
  });
  serve(`${C}/packet_acks/:sequence`, {
    summary: "The acknowledgement commitment this chain wrote for a received packet",
    params: sequenceParams,
    method: `${HQ}/PacketAcknowledgement`,
    request: ({ params }) => QueryPacketAcknowledgementRequest.encode({ portId: params.port_id, channelId: params.channel_id, sequence: params.sequence }).finish(),
    response: QueryPacketAcknowledgementResponse,
  });
  serve(`${C}/packet_acknowledgements`, {
    summary: 'The acknowledgement commitments this chain wrote on a channel (only those of packet_commitment_sequences, when given)',
    params: channelParams,
    query: paginationQuery.extend({ packet_commitment_sequences: sequenceList('packet_commitment_sequences').optional() }),
    method: `${HQ}/PacketAcknowledgements`,
    request: ({ params, query }) =>
      QueryPacketAcknowledgementsRequest.encode({
        portId: params.port_id,
        channelId: params.channel_id,
        pagination: pageRequest(query),
        packetCommitmentSequences: query.packet_commitment_sequences ?? [],
      }).finish(),
    response: QueryPacketAcknowledgementsResponse,
  });
  serve(`${C}/next_sequence`, {
    summary: 'The next sequence an ordered channel expects to receive (0 for an unordered one)',
    params: channelParams,
    method: `${HQ}/NextSequenceReceive`,
    request: ({ params }) => QueryNextSequenceReceiveRequest.encode({ portId: params.port_id, channelId: params.channel_id }).finish(),
    response: QueryNextSequenceReceiveResponse,
  });
  serve(`${C}/next_sequence_send`, {
    summary: 'The sequence the next packet sent on a channel gets',
    params: channelParams,
    method: `${HQ}/NextSequenceSend`,
    request: ({ params }) => QueryNextSequenceSendRequest.encode({ portId: params.port_id, channelId: params.channel_id }).finish(),
    response: QueryNextSequenceSendResponse,
  });
  serve(`${C}/upgrade`, {
    summary: "A channel's upgrade in progress (zonekit never upgrades channels: not found)",
    params: channelParams,
    method: `${HQ}/Upgrade`,
    request: ({ params }) => QueryChannelRequest.encode({ portId: params.port_id, channelId: params.channel_id }).finish(),
    response: noUpgrade,
  });
  serve(`${C}/upgrade_error`, {
    summary: "A channel's last upgrade error (zonekit never upgrades channels: not found)",
    params: channelParams,
    method: `${HQ}/UpgradeError`,
    request: ({ params }) => QueryChannelRequest.encode({ portId: params.port_id, channelId: params.channel_id }).finish(),
    response: noUpgrade,
  });
  serve('/ibc/core/channel/v1/params', {
    summary: 'The 04-channel params: the channel upgrade timeout',
    method: `${HQ}/ChannelParams`,
    request: () => new Uint8Array(),
    response: ChannelParamsJson,
  });
}
