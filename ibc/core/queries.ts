// The gRPC query services of IBC core (ibc.core.{client,connection,channel}.v1.Query), as
// ibc-go v8.8.0's grpc_query.go answers them: the same request checks, the same gRPC codes
// and wording (reported through ABCI as the SDK does, see app/grpc.ts), `proof` left empty
// and `proof_height` this chain's height. Relayers take proofs from `store/ibc/key` instead.
import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';
import type { PageRequest, PageResponse } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import { Any } from 'cosmjs-types/google/protobuf/any';
import { Channel, Order, Timeout, orderToJSON, type IdentifiedChannel } from 'cosmjs-types/ibc/core/channel/v1/channel';
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
import type { ConsensusStateWithHeight, Height, IdentifiedClientState } from 'cosmjs-types/ibc/core/client/v1/client';
import {
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
import { ConnectionEnd, Params as ConnectionParams, type IdentifiedConnection } from 'cosmjs-types/ibc/core/connection/v1/connection';
import {
  QueryClientConnectionsRequest,
  QueryClientConnectionsResponse,
  QueryConnectionClientStateRequest,
  QueryConnectionClientStateResponse,
  QueryConnectionConsensusStateRequest,
  QueryConnectionConsensusStateResponse,
  QueryConnectionRequest,
  QueryConnectionResponse,
  QueryConnectionsRequest,
  QueryConnectionsResponse,
} from 'cosmjs-types/ibc/core/connection/v1/query';
import { Context } from '../../app/context.js';
import { CodedError } from '../../app/errors.js';
import { grpcInvalidArgument, grpcNotFound } from '../../app/grpc.js';
import type { QueryHandler } from '../../app/module.js';
import { DEFAULT_PAGE_LIMIT, paginate } from '../../app/pagination.js';
import { prefixStore, type ReadonlyKVStore } from '../../app/store/index.js';
import { ErrClientConnectionPathsNotFound, ErrConnectionNotFound } from './03-connection/errors.js';
import { ErrClientNotFound, ErrConsensusStateNotFound } from './02-client/errors.js';
import type { SelfConsensusSource } from './02-client/expects.js';
import { formatHeight, height, parseHeight, selfHeight } from './02-client/height.js';
import type { ClientKeeper } from './02-client/keeper.js';
import type { ConnectionKeeper } from './03-connection/keeper.js';
import { ErrChannelNotFound, ErrInvalidChannelOrdering, ErrSequenceReceiveNotFound, ErrSequenceSendNotFound } from './04-channel/errors.js';
import type { ChannelKeeper } from './04-channel/keeper.js';
import { ErrInvalidPath } from './24-host/errors.js';
import { validateChannelId, validateClientId, validateConnectionId, validatePortId } from './24-host/identifiers.js';
import { KEY_CLIENT_STORE_PREFIX, KEY_CLIENT_STATE, KEY_CONSENSUS_STATE_PREFIX, key } from './24-host/paths.js';
import type { IbcStore } from './store.js';

export interface IbcQueryDeps {
  store: IbcStore;
  clients: ClientKeeper;
  connections: ConnectionKeeper;
  channels: ChannelKeeper;
  /** This chain's past headers: the block time a query context lacks (ClientStatus). */
  self: SelfConsensusSource;
}

const CLIENT = '/ibc.core.client.v1.Query';
const CONNECTION = '/ibc.core.connection.v1.Query';
const CHANNEL = '/ibc.core.channel.v1.Query';

// ibc-go's prefixes for listings: bare words without a trailing '/', so keys in the prefix
// store (and so `next_key`) start with '/' exactly as simd's do.
const CONNECTIONS_PREFIX = 'connections';
const CHANNEL_ENDS_PREFIX = 'channelEnds';
const packetPrefix = (kind: 'commitments' | 'acks', portId: string, channelId: string) => `${kind}/ports/${portId}/channels/${channelId}/sequences`;

/** ibc-go v8's channel Params default: upgrades time out 10 minutes after they start. */
const DEFAULT_UPGRADE_TIMEOUT: Timeout = { height: height(0n, 0n), timestamp: 600_000_000_000n };

const decoder = new TextDecoder();
const text = (bytes: Uint8Array) => decoder.decode(bytes);
const NO_PROOF = new Uint8Array();

/** A 24-host identifier check as a gRPC InvalidArgument, with ibc-go's wording. */
function validRequest(check: () => void): void {
  try {
    check();
  } catch (err) {
    if (err instanceof CodedError) throw grpcInvalidArgument(err.message);
    throw err;
  }
}

/** ibc-go's validategRPCRequest. */
function validPortChannel(portId: string, channelId: string): void {
  validRequest(() => validatePortId(portId));
  validRequest(() => validateChannelId(channelId));
}

function nonZeroSequence(sequence: bigint): void {
  if (sequence === 0n) throw grpcInvalidArgument('packet sequence cannot be 0');
}

/** The last `/` segment of a packet key as its sequence (ibc-go parses it the same way). */
function sequenceOf(storeKey: Uint8Array): bigint {
  const segments = text(storeKey).split('/');
  const last = segments[segments.length - 1]!;
  if (!/^[0-9]+$/.test(last)) throw ErrInvalidPath.wrap(`cannot parse packet sequence from key ${text(storeKey)}`);
  return BigInt(last);
}

/**
 * The SDK's query.FilteredPaginate: offset and limit count only the entries `onEntry` takes
 * (it returns whether the entry is a hit), and it is told whether a hit falls on the page.
 * ibc-go's callbacks take every hit whatever `accumulate` says, which makes an offset or a
 * full page return entries off the page (and a next page repeat one); these callbacks keep
 * to the page, so a relayer paging by `next_key` sees each entry once.
 */
export function filteredPaginate(
  store: ReadonlyKVStore,
  page: PageRequest | undefined,
  onEntry: (key: Uint8Array, value: Uint8Array, accumulate: boolean) => boolean,
): PageResponse {
  const pageKey = page?.key ?? new Uint8Array();
  const offset = page?.offset ?? 0n;
  const limited = page?.limit !== undefined && page.limit > 0n;
  const limit = limited ? page.limit : DEFAULT_PAGE_LIMIT;
  const countTotal = (page?.countTotal ?? false) || !limited;
  const reverse = page?.reverse ?? false;
  if (pageKey.length > 0 && offset > 0n) throw grpcInvalidArgument('paginate: invalid request, either offset or key is expected, got both');

  let hits = 0n;
  if (pageKey.length > 0) {
    const entries = reverse ? store.iterator(undefined, inclusiveEnd(pageKey), true) : store.iterator(pageKey, undefined, false);
    for (const [k, v] of entries) {
      if (hits === limit) return { nextKey: k, total: 0n };
      if (onEntry(k, v, true)) hits++;
    }
    return { nextKey: new Uint8Array(), total: 0n };
  }
  const end = offset + limit;
  let next: Uint8Array | undefined;
  for (const [k, v] of store.iterator(undefined, undefined, reverse)) {
    if (onEntry(k, v, hits >= offset && hits < end)) hits++;
    if (hits === end + 1n) {
      next ??= k;
      if (!countTotal) break;
    }
  }
  return { nextKey: next ?? new Uint8Array(), total: countTotal ? hits : 0n };
}

/** The smallest key after `k`, to start a reverse walk at `k` itself. */
function inclusiveEnd(k: Uint8Array): Uint8Array {
  const out = new Uint8Array(k.length + 1);
  out.set(k);
  return out;
}

const isZeroTime = (ctx: Context) => ctx.header.time.seconds === 0n && ctx.header.time.nanos === 0;

export function ibcQueries({ store, clients, connections, channels, self }: IbcQueryDeps): Record<string, QueryHandler> {
  const ibcStore = (ctx: Context, prefix: string) => prefixStore(store.kv(ctx), key(prefix));

  /**
   * Client status reads the block time (a Tendermint client expires by it), and a query
   * context carries none (app/query.ts). The SDK's query context holds the time of the block
   * it reads; here that time comes from the block's HistoricalInfo. With
   * `historical_entries` 0 there is none, and the status is judged at time 0: a client
   * whose trusting period ran out still reads Active.
   */
  const withBlockTime = (ctx: Context): Context => {
    if (!isZeroTime(ctx)) return ctx;
    const time = self.historicalInfo(ctx, ctx.blockHeight)?.header.time;
    if (time === undefined) return ctx;
    return new Context(ctx.store, { ...ctx.header, time }, ctx.gasMeter, ctx.events, ctx.mode);
  };

  const channelOrNotFound = (ctx: Context, portId: string, channelId: string): Channel => {
    const channel = channels.getChannel(ctx, portId, channelId);
    if (channel === undefined) throw grpcNotFound(ErrChannelNotFound.wrap(`port-id: ${portId}, channel-id ${channelId}`).message);
    return channel;
  };

  const consensusStatesOf = (ctx: Context, clientId: string, pagination: PageRequest | undefined, onHeight: (h: Height, value: Uint8Array) => void) =>
    // Metadata a light client keeps beside a consensus state (`{height}/processedTime`) is skipped.
    filteredPaginate(ibcStore(ctx, `${KEY_CLIENT_STORE_PREFIX}/${clientId}/${KEY_CONSENSUS_STATE_PREFIX}/`), pagination, (k, value, accumulate) => {
      const path = text(k);
      if (path.includes('/')) return false;
      const h = parseHeight(path);
      if (accumulate) onHeight(h, value);
      return true;
    });

  const client: Record<string, QueryHandler> = {
    [`${CLIENT}/ClientState`]: (ctx, data) => {
      const { clientId } = QueryClientStateRequest.decode(data);
      validRequest(() => validateClientId(clientId));
      const clientState = clients.getClientState(ctx, clientId);
      if (clientState === undefined) throw grpcNotFound(ErrClientNotFound.wrap(clientId).message);
      return QueryClientStateResponse.encode({ clientState, proof: NO_PROOF, proofHeight: selfHeight(ctx) }).finish();
    },
    [`${CLIENT}/ClientStates`]: (ctx, data) => {
      const { pagination } = QueryClientStatesRequest.decode(data);
      const clientStates: IdentifiedClientState[] = [];
      // Keys are `/{client-id}/...`; only a client's own state, not what its light client keeps beside it.
      const page = filteredPaginate(ibcStore(ctx, KEY_CLIENT_STORE_PREFIX), pagination, (k, value, accumulate) => {
        const segments = text(k).split('/');
        if (segments[segments.length - 1] !== KEY_CLIENT_STATE) return false;
        if (accumulate) clientStates.push({ clientId: segments[1]!, clientState: Any.decode(value) });
        return true;
      });
      clientStates.sort((a, b) => (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0));
      return QueryClientStatesResponse.encode({ clientStates, pagination: page }).finish();
    },
    [`${CLIENT}/ConsensusState`]: (ctx, data) => {
      const request = QueryConsensusStateRequest.decode(data);
      validRequest(() => validateClientId(request.clientId));
      const requested = height(request.revisionNumber, request.revisionHeight);
      let consensusState: Any | undefined;
      if (request.latestHeight) {
        if (clients.hasClient(ctx, request.clientId)) {
          consensusState = clients.getClientConsensusState(ctx, request.clientId, clients.latestHeight(ctx, request.clientId));
        }
      } else {
        if (request.revisionHeight === 0n) throw grpcInvalidArgument('consensus state height cannot be 0');
        consensusState = clients.getClientConsensusState(ctx, request.clientId, requested);
      }
      if (consensusState === undefined) {
        throw grpcNotFound(ErrConsensusStateNotFound.wrap(`client-id: ${request.clientId}, height: ${formatHeight(requested)}`).message);
      }
      return QueryConsensusStateResponse.encode({ consensusState, proof: NO_PROOF, proofHeight: selfHeight(ctx) }).finish();
    },
    [`${CLIENT}/ConsensusStates`]: (ctx, data) => {
      const { clientId, pagination } = QueryConsensusStatesRequest.decode(data);
      validRequest(() => validateClientId(clientId));
      const consensusStates: ConsensusStateWithHeight[] = [];
      const page = consensusStatesOf(ctx, clientId, pagination, (h, value) => consensusStates.push({ height: h, consensusState: Any.decode(value) }));
      return QueryConsensusStatesResponse.encode({ consensusStates, pagination: page }).finish();
    },
    [`${CLIENT}/ConsensusStateHeights`]: (ctx, data) => {
      const { clientId, pagination } = QueryConsensusStateHeightsRequest.decode(data);
      validRequest(() => validateClientId(clientId));
      const consensusStateHeights: Height[] = [];
      const page = consensusStatesOf(ctx, clientId, pagination, (h) => consensusStateHeights.push(h));
      return QueryConsensusStateHeightsResponse.encode({ consensusStateHeights, pagination: page }).finish();
    },
    [`${CLIENT}/ClientStatus`]: (ctx, data) => {
      const { clientId } = QueryClientStatusRequest.decode(data);
      validRequest(() => validateClientId(clientId));
      if (!clients.hasClient(ctx, clientId)) throw grpcNotFound(ErrClientNotFound.wrap(clientId).message);
      return QueryClientStatusResponse.encode({ status: clients.status(withBlockTime(ctx), clientId) }).finish();
    },
    [`${CLIENT}/ClientParams`]: (ctx) => QueryClientParamsResponse.encode({ params: clients.params(ctx) }).finish(),
    // zonekit has no upgrade module: there is never a plan, so never an upgraded client.
    [`${CLIENT}/UpgradedClientState`]: () => {
      throw grpcNotFound('upgrade plan not found');
    },
    [`${CLIENT}/UpgradedConsensusState`]: (ctx) => {
      throw grpcNotFound(`upgraded consensus state not found, height ${ctx.blockHeight}`);
    },
  };

  const connection: Record<string, QueryHandler> = {
    [`${CONNECTION}/Connection`]: (ctx, data) => {
      const { connectionId } = QueryConnectionRequest.decode(data);
      validRequest(() => validateConnectionId(connectionId));
      const end = connections.getConnection(ctx, connectionId);
      if (end === undefined) throw grpcNotFound(ErrConnectionNotFound.wrap(connectionId).message);
      return QueryConnectionResponse.encode({ connection: end, proof: NO_PROOF, proofHeight: selfHeight(ctx) }).finish();
    },
    [`${CONNECTION}/Connections`]: (ctx, data) => {
      const { pagination } = QueryConnectionsRequest.decode(data);
      const list: IdentifiedConnection[] = [];
      const page = paginate(ibcStore(ctx, CONNECTIONS_PREFIX), pagination, (k, value) => {
        const segments = text(k).split('/');
        if (segments.length !== 2) throw ErrInvalidPath.wrap(`cannot parse connection path ${text(k)}`);
        const { clientId, versions, state, counterparty, delayPeriod } = connectionEnd(value);
        list.push({ id: segments[1]!, clientId, versions, state, counterparty, delayPeriod });
      });
      return QueryConnectionsResponse.encode({ connections: list, pagination: page, height: selfHeight(ctx) }).finish();
    },
    [`${CONNECTION}/ClientConnections`]: (ctx, data) => {
      const { clientId } = QueryClientConnectionsRequest.decode(data);
      validRequest(() => validateClientId(clientId));
      const connectionPaths = connections.getClientConnectionPaths(ctx, clientId);
      if (connectionPaths === undefined) throw grpcNotFound(ErrClientConnectionPathsNotFound.wrap(clientId).message);
      return QueryClientConnectionsResponse.encode({ connectionPaths, proof: NO_PROOF, proofHeight: selfHeight(ctx) }).finish();
    },
    [`${CONNECTION}/ConnectionClientState`]: (ctx, data) => {
      const { connectionId } = QueryConnectionClientStateRequest.decode(data);
      validRequest(() => validateConnectionId(connectionId));
      const end = connections.getConnection(ctx, connectionId);
      if (end === undefined) throw grpcNotFound(ErrConnectionNotFound.wrap(`connection-id: ${connectionId}`).message);
      const clientState = clients.getClientState(ctx, end.clientId);
      if (clientState === undefined) throw grpcNotFound(ErrClientNotFound.wrap(`client-id: ${end.clientId}`).message);
      return QueryConnectionClientStateResponse.encode({
        identifiedClientState: { clientId: end.clientId, clientState },
        proof: NO_PROOF,
        proofHeight: selfHeight(ctx),
      }).finish();
    },
    [`${CONNECTION}/ConnectionConsensusState`]: (ctx, data) => {
      const { connectionId, revisionNumber, revisionHeight } = QueryConnectionConsensusStateRequest.decode(data);
      validRequest(() => validateConnectionId(connectionId));
      const end = connections.getConnection(ctx, connectionId);
      if (end === undefined) throw grpcNotFound(ErrConnectionNotFound.wrap(`connection-id: ${connectionId}`).message);
      const consensusState = clients.getClientConsensusState(ctx, end.clientId, height(revisionNumber, revisionHeight));
      if (consensusState === undefined) throw grpcNotFound(ErrConsensusStateNotFound.wrap(`client-id: ${end.clientId}`).message);
      return QueryConnectionConsensusStateResponse.encode({ consensusState, clientId: end.clientId, proof: NO_PROOF, proofHeight: selfHeight(ctx) }).finish();
    },
    [`${CONNECTION}/ConnectionParams`]: (ctx) => ConnectionParamsResponse.encode({ params: connections.params(ctx) }).finish(),
  };

  const identifiedChannels = (ctx: Context, pagination: PageRequest | undefined, connectionId?: string) => {
    const list: IdentifiedChannel[] = [];
    const take = (k: Uint8Array, end: Channel) => {
      const [portId, channelId] = parseChannelPath(text(k));
      list.push({ ...end, portId, channelId });
    };
    const prefix = ibcStore(ctx, CHANNEL_ENDS_PREFIX);
    const page =
      connectionId === undefined
        ? paginate(prefix, pagination, (k, value) => take(k, channelEnd(value)))
        : filteredPaginate(prefix, pagination, (k, value, accumulate) => {
            const end = channelEnd(value);
            if (end.connectionHops[0] !== connectionId) return false;
            if (accumulate) take(k, end);
            return true;
          });
    return { channels: list, pagination: page, height: selfHeight(ctx) };
  };

  const packetStates = (ctx: Context, kind: 'commitments' | 'acks', portId: string, channelId: string, pagination: PageRequest | undefined) => {
    const states: Array<{ portId: string; channelId: string; sequence: bigint; data: Uint8Array }> = [];
    const page = paginate(ibcStore(ctx, packetPrefix(kind, portId, channelId)), pagination, (k, data) =>
      states.push({ portId, channelId, sequence: sequenceOf(k), data }),
    );
    return { states, page };
  };

  const channel: Record<string, QueryHandler> = {
    [`${CHANNEL}/Channel`]: (ctx, data) => {
      const { portId, channelId } = QueryChannelRequest.decode(data);
      validPortChannel(portId, channelId);
      const end = channelOrNotFound(ctx, portId, channelId);
      return QueryChannelResponse.encode({ channel: end, proof: NO_PROOF, proofHeight: selfHeight(ctx) }).finish();
    },
    [`${CHANNEL}/Channels`]: (ctx, data) => {
      const { pagination } = QueryChannelsRequest.decode(data);
      return QueryChannelsResponse.encode(identifiedChannels(ctx, pagination)).finish();
    },
    [`${CHANNEL}/ConnectionChannels`]: (ctx, data) => {
      const { connection: connectionId, pagination } = QueryConnectionChannelsRequest.decode(data);
      validRequest(() => validateConnectionId(connectionId));
      return QueryConnectionChannelsResponse.encode(identifiedChannels(ctx, pagination, connectionId)).finish();
    },
    [`${CHANNEL}/ChannelClientState`]: (ctx, data) => {
      const { portId, channelId } = QueryChannelClientStateRequest.decode(data);
      validPortChannel(portId, channelId);
      // ibc-go's GetChannelClientState: its wording differs from the Channel query's by a colon.
      const end = channels.getChannel(ctx, portId, channelId);
      if (end === undefined) throw grpcNotFound(ErrChannelNotFound.wrap(`port-id: ${portId}, channel-id: ${channelId}`).message);
      const connectionId = end.connectionHops[0]!;
      const conn = connections.getConnection(ctx, connectionId);
      if (conn === undefined) throw grpcNotFound(ErrConnectionNotFound.wrap(`connection-id: ${connectionId}`).message);
      const clientState = clients.getClientState(ctx, conn.clientId);
      if (clientState === undefined) throw grpcNotFound(ErrClientNotFound.wrap(`client-id: ${conn.clientId}`).message);
      return QueryChannelClientStateResponse.encode({
        identifiedClientState: { clientId: conn.clientId, clientState },
        proof: NO_PROOF,
        proofHeight: selfHeight(ctx),
      }).finish();
    },
    [`${CHANNEL}/ChannelConsensusState`]: (ctx, data) => {
      const { portId, channelId, revisionNumber, revisionHeight } = QueryChannelConsensusStateRequest.decode(data);
      validPortChannel(portId, channelId);
      const end = channelOrNotFound(ctx, portId, channelId);
      const connectionId = end.connectionHops[0]!;
      const conn = connections.getConnection(ctx, connectionId);
      if (conn === undefined) throw grpcNotFound(ErrConnectionNotFound.wrap(`connection-id: ${connectionId}`).message);
      const consensusState = clients.getClientConsensusState(ctx, conn.clientId, height(revisionNumber, revisionHeight));
      if (consensusState === undefined) throw grpcNotFound(ErrConsensusStateNotFound.wrap(`client-id: ${conn.clientId}`).message);
      return QueryChannelConsensusStateResponse.encode({ consensusState, clientId: conn.clientId, proof: NO_PROOF, proofHeight: selfHeight(ctx) }).finish();
    },
    [`${CHANNEL}/PacketCommitment`]: (ctx, data) => {
      const { portId, channelId, sequence } = QueryPacketCommitmentRequest.decode(data);
      validPortChannel(portId, channelId);
      nonZeroSequence(sequence);
      const commitment = channels.getPacketCommitment(ctx, portId, channelId, sequence);
      if (commitment === undefined || commitment.length === 0) throw grpcNotFound('packet commitment hash not found');
      return QueryPacketCommitmentResponse.encode({ commitment, proof: NO_PROOF, proofHeight: selfHeight(ctx) }).finish();
    },
    [`${CHANNEL}/PacketCommitments`]: (ctx, data) => {
      const { portId, channelId, pagination } = QueryPacketCommitmentsRequest.decode(data);
      validPortChannel(portId, channelId);
      const { states, page } = packetStates(ctx, 'commitments', portId, channelId, pagination);
      return QueryPacketCommitmentsResponse.encode({ commitments: states, pagination: page, height: selfHeight(ctx) }).finish();
    },
    [`${CHANNEL}/PacketReceipt`]: (ctx, data) => {
      const { portId, channelId, sequence } = QueryPacketReceiptRequest.decode(data);
      validPortChannel(portId, channelId);
      nonZeroSequence(sequence);
      const received = channels.hasPacketReceipt(ctx, portId, channelId, sequence);
      return QueryPacketReceiptResponse.encode({ received, proof: NO_PROOF, proofHeight: selfHeight(ctx) }).finish();
    },
    [`${CHANNEL}/PacketAcknowledgement`]: (ctx, data) => {
      const { portId, channelId, sequence } = QueryPacketAcknowledgementRequest.decode(data);
      validPortChannel(portId, channelId);
      nonZeroSequence(sequence);
      const acknowledgement = channels.getPacketAcknowledgement(ctx, portId, channelId, sequence);
      if (acknowledgement === undefined || acknowledgement.length === 0) throw grpcNotFound('packet acknowledgement hash not found');
      return QueryPacketAcknowledgementResponse.encode({ acknowledgement, proof: NO_PROOF, proofHeight: selfHeight(ctx) }).finish();
    },
    [`${CHANNEL}/PacketAcknowledgements`]: (ctx, data) => {
      const { portId, channelId, pagination, packetCommitmentSequences } = QueryPacketAcknowledgementsRequest.decode(data);
      validPortChannel(portId, channelId);
      // Given sequences, the acks among them (no pagination); else every ack, paginated.
      if (packetCommitmentSequences.length > 0) {
        const acknowledgements = [];
        for (const sequence of packetCommitmentSequences) {
          const ack = channels.getPacketAcknowledgement(ctx, portId, channelId, sequence);
          if (ack !== undefined && ack.length > 0) acknowledgements.push({ portId, channelId, sequence, data: ack });
        }
        return QueryPacketAcknowledgementsResponse.encode({ acknowledgements, height: selfHeight(ctx) }).finish();
      }
      const { states, page } = packetStates(ctx, 'acks', portId, channelId, pagination);
      return QueryPacketAcknowledgementsResponse.encode({ acknowledgements: states, pagination: page, height: selfHeight(ctx) }).finish();
    },
    // Of the counterparty's commitments, those this (receiving) chain has not received.
    [`${CHANNEL}/UnreceivedPackets`]: (ctx, data) => {
      const { portId, channelId, packetCommitmentSequences } = QueryUnreceivedPacketsRequest.decode(data);
      validPortChannel(portId, channelId);
      const end = channelOrNotFound(ctx, portId, channelId);
      const sequences: bigint[] = [];
      const checkSequences = (unreceived: (sequence: bigint) => boolean) =>
        packetCommitmentSequences.forEach((sequence, i) => {
          if (sequence === 0n) throw grpcInvalidArgument(`packet sequence ${i} cannot be 0`);
          if (unreceived(sequence)) sequences.push(sequence);
        });
      switch (end.ordering) {
        case Order.ORDER_UNORDERED:
          checkSequences((sequence) => !channels.hasPacketReceipt(ctx, portId, channelId, sequence));
          break;
        case Order.ORDER_ORDERED: {
          const nextRecv = channels.getNextSequenceRecv(ctx, portId, channelId);
          if (nextRecv === undefined) {
            throw grpcNotFound(ErrSequenceReceiveNotFound.wrap(`destination port: ${portId}, destination channel: ${channelId}`).message);
          }
          checkSequences((sequence) => sequence >= nextRecv);
          break;
        }
        default:
          throw grpcInvalidArgument(ErrInvalidChannelOrdering.wrap(`channel order ${orderToJSON(end.ordering)} is not supported`).message);
      }
      return QueryUnreceivedPacketsResponse.encode({ sequences, height: selfHeight(ctx) }).finish();
    },
    // Of the acks the counterparty wrote, those this (sending) chain has not processed: the
    // packet commitment is deleted when the ack arrives.
    [`${CHANNEL}/UnreceivedAcks`]: (ctx, data) => {
      const { portId, channelId, packetAckSequences } = QueryUnreceivedAcksRequest.decode(data);
      validPortChannel(portId, channelId);
      const sequences: bigint[] = [];
      packetAckSequences.forEach((sequence, i) => {
        if (sequence === 0n) throw grpcInvalidArgument(`packet sequence ${i} cannot be 0`);
        const commitment = channels.getPacketCommitment(ctx, portId, channelId, sequence);
        if (commitment !== undefined && commitment.length > 0) sequences.push(sequence);
      });
      return QueryUnreceivedAcksResponse.encode({ sequences, height: selfHeight(ctx) }).finish();
    },
    [`${CHANNEL}/NextSequenceReceive`]: (ctx, data) => {
      const { portId, channelId } = QueryNextSequenceReceiveRequest.decode(data);
      validPortChannel(portId, channelId);
      const end = channelOrNotFound(ctx, portId, channelId);
      // An unordered channel does not use its next receive sequence: ibc-go answers 0.
      let nextSequenceReceive = 0n;
      if (end.ordering !== Order.ORDER_UNORDERED) {
        const next = channels.getNextSequenceRecv(ctx, portId, channelId);
        if (next === undefined) throw grpcNotFound(ErrSequenceReceiveNotFound.wrap(`port-id: ${portId}, channel-id ${channelId}`).message);
        nextSequenceReceive = next;
      }
      return QueryNextSequenceReceiveResponse.encode({ nextSequenceReceive, proof: NO_PROOF, proofHeight: selfHeight(ctx) }).finish();
    },
    [`${CHANNEL}/NextSequenceSend`]: (ctx, data) => {
      const { portId, channelId } = QueryNextSequenceSendRequest.decode(data);
      validPortChannel(portId, channelId);
      const nextSequenceSend = channels.getNextSequenceSend(ctx, portId, channelId);
      if (nextSequenceSend === undefined) throw grpcNotFound(ErrSequenceSendNotFound.wrap(`port-id: ${portId}, channel-id ${channelId}`).message);
      return QueryNextSequenceSendResponse.encode({ nextSequenceSend, proof: NO_PROOF, proofHeight: selfHeight(ctx) }).finish();
    },
    // Channel upgrades (ibc-go v8; their types are not in cosmjs-types): zonekit never
    // upgrades a channel, so there is never an upgrade or an upgrade error to show. The
    // requests are (port_id = 1, channel_id = 2), as QueryChannelRequest.
    [`${CHANNEL}/Upgrade`]: (ctx, data) => {
      const { portId, channelId } = QueryChannelRequest.decode(data);
      validPortChannel(portId, channelId);
      channelOrNotFound(ctx, portId, channelId);
      throw grpcNotFound(`port-id: ${portId}, channel-id: ${channelId}: upgrade not found`);
    },
    [`${CHANNEL}/UpgradeError`]: (ctx, data) => {
      const { portId, channelId } = QueryChannelRequest.decode(data);
      validPortChannel(portId, channelId);
      channelOrNotFound(ctx, portId, channelId);
      throw grpcNotFound(`port-id ${portId}, channel-id ${channelId}: upgrade error receipt not found`);
    },
    [`${CHANNEL}/ChannelParams`]: () => ChannelParamsResponse.encode({ params: { upgradeTimeout: DEFAULT_UPGRADE_TIMEOUT } }).finish(),
  };

  return { ...client, ...connection, ...channel };
}

const connectionEnd = (value: Uint8Array) => ConnectionEnd.decode(value);
// A stored channel may carry ibc-go v8's upgrade_sequence (field 6), which this codec skips.
const channelEnd = (value: Uint8Array) => Channel.decode(value);

/** ibc-go's ParseChannelPath over a key under `channelEnds`: `/ports/{port}/channels/{channel}`. */
function parseChannelPath(path: string): [string, string] {
  const segments = path.split('/');
  if (segments.length < 5 || segments[1] !== 'ports' || segments[3] !== 'channels') throw ErrInvalidPath.wrap(`cannot parse channel path ${path}`);
  return [segments[2]!, segments[4]!];
}

// Two responses cosmjs-types cannot carry: its QueryConnectionParamsResponse holds 02-client's
// Params (allowed_clients) where ibc-go has 03-connection's (max_expected_time_per_block), and
// it has no QueryChannelParamsResponse (ibc-go v8's channel upgrade timeout). Both are one
// message in field 1, written here as ibc-go writes them.

/** Field 1 of a message, length-delimited. */
function field1(inner: Uint8Array): Uint8Array {
  return new BinaryWriter().uint32(10).bytes(inner).finish();
}

/** Each field-1 message of `bytes`, decoded (unknown fields skipped). */
function readField1<T>(bytes: Uint8Array, decode: (inner: Uint8Array) => T): T | undefined {
  const reader = new BinaryReader(bytes);
  let out: T | undefined;
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1 && (tag & 7) === 2) out = decode(reader.bytes());
    else reader.skipType(tag & 7);
  }
  return out;
}

/** ibc.core.connection.v1.QueryConnectionParamsResponse { Params params = 1 }. */
export const ConnectionParamsResponse = {
  encode: ({ params }: { params: ConnectionParams }) => ({ finish: () => field1(ConnectionParams.encode(params).finish()) }),
  decode: (bytes: Uint8Array): { params: ConnectionParams | undefined } => ({ params: readField1(bytes, (inner) => ConnectionParams.decode(inner)) }),
};

/** ibc.core.channel.v1.Params { Timeout upgrade_timeout = 1 } */
export interface ChannelParams {
  upgradeTimeout: Timeout | undefined;
}

/** ibc.core.channel.v1.QueryChannelParamsResponse { Params params = 1 }. */
export const ChannelParamsResponse = {
  encode: ({ params }: { params: ChannelParams }) => ({
    finish: () => field1(params.upgradeTimeout === undefined ? new Uint8Array() : field1(Timeout.encode(params.upgradeTimeout).finish())),
  }),
  decode: (bytes: Uint8Array): { params: ChannelParams | undefined } => ({
    params: readField1(bytes, (inner) => ({ upgradeTimeout: readField1(inner, (t) => Timeout.decode(t)) })),
  }),
};
