// IBC core's gRPC queries over keepers on an in-memory store: state written through the
// keepers' setters (and, for a light client's own store, directly), answers checked against
// ibc-go v8.8.0's grpc_query.go: fields, pagination, and errors as the SDK reports them.
import '../../app/codec.js'; // as the REST server loads it: cosmjs-types' 64-bit varints repaired
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PageRequest } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import { Any } from 'cosmjs-types/google/protobuf/any';
import { Channel, Order, State as ChannelState } from 'cosmjs-types/ibc/core/channel/v1/channel';
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
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
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
import { ClientPaths, ConnectionEnd, State as ConnectionState } from 'cosmjs-types/ibc/core/connection/v1/connection';
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
import { ClientState as TmClientState, ConsensusState as TmConsensusState } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { HistoricalInfo } from 'cosmjs-types/cosmos/staking/v1beta1/staking';
import type { CliContext } from '../../app/cli-types.js';
import { Context } from '../../app/context.js';
import { toAbciError } from '../../app/errors.js';
import type { QueryHandler } from '../../app/module.js';
import type { AppDefinition } from '../../app/app.js';
import { createRestServer, JsonTypes, type AbciQuerier, type RestRoutes, type RouteHandler } from '../../app/rest/index.js';
import { statusFromAbci } from '../../app/rest/status.js';
import { memoryStore } from '../../app/testing.js';
import { EventManager } from '../../app/events.js';
import { GasMeter, type KVStore } from '../../app/store/index.js';
import type { SelfConsensusSource } from './02-client/expects.js';
import { formatHeight } from './02-client/height.js';
import { ClientKeeper } from './02-client/keeper.js';
import type { LightClient } from './02-client/light-client.js';
import { TENDERMINT_CLIENT_STATE_TYPE_URL, TENDERMINT_CONSENSUS_STATE_TYPE_URL } from './02-client/self-client.js';
import { ConnectionKeeper } from './03-connection/keeper.js';
import { ChannelKeeper } from './04-channel/keeper.js';
import { clientConnectionsPath } from './24-host/paths.js';
import { ibcCli } from './cli.js';
import { ChannelParamsResponse, ConnectionParamsResponse, filteredPaginate, ibcQueries } from './queries.js';
import { ibcJson, ibcRest, registerIbcJsonTypes } from './rest.js';
import { IbcStore, STORE_KEY } from './store.js';

const CHAIN_ID = 'zone-1';
const HEIGHT = 10n;
/** The block time of HEIGHT, as staking's HistoricalInfo records it. */
const BLOCK_TIME = 1_700_000_000n;
const TRUSTING_SECONDS = 1_000n;
const enc = new TextEncoder();
const h = (revisionNumber: bigint, revisionHeight: bigint): Height => ({ revisionNumber, revisionHeight });

// ---- a light client that only reads what the test writes into its store

const tmClientState = (chainId: string, latest: Height, frozen = h(0n, 0n)) =>
  Any.fromPartial({
    typeUrl: TENDERMINT_CLIENT_STATE_TYPE_URL,
    value: TmClientState.encode(
      TmClientState.fromPartial({
        chainId,
        trustLevel: { numerator: 1n, denominator: 3n },
        trustingPeriod: { seconds: TRUSTING_SECONDS, nanos: 0 },
        unbondingPeriod: { seconds: 1_814_400n, nanos: 0 },
        maxClockDrift: { seconds: 10n, nanos: 500_000_000 },
        frozenHeight: frozen,
        latestHeight: latest,
      }),
    ).finish(),
  });

const tmConsensusState = (seconds: bigint) =>
  Any.fromPartial({
    typeUrl: TENDERMINT_CONSENSUS_STATE_TYPE_URL,
    value: TmConsensusState.encode(TmConsensusState.fromPartial({ timestamp: { seconds, nanos: 0 }, root: { hash: new Uint8Array(32).fill(7) }, nextValidatorsHash: new Uint8Array([0xab, 0xcd]) })).finish(),
  });

const read = (store: KVStore, path: string) => {
  const bytes = store.get(enc.encode(path));
  return bytes === undefined ? undefined : Any.decode(bytes);
};

const unused = (): never => {
  throw new Error('not used by queries');
};

const fakeTendermint: LightClient = {
  clientType: '07-tendermint',
  isClientState: (cs) => cs.typeUrl === TENDERMINT_CLIENT_STATE_TYPE_URL,
  initialize: unused,
  clientState: (store) => read(store, 'clientState'),
  consensusState: (store, height) => read(store, `consensusStates/${formatHeight(height)}`),
  latestHeight: (store) => TmClientState.decode(read(store, 'clientState')!.value).latestHeight,
  status(ctx, store) {
    const cs = TmClientState.decode(read(store, 'clientState')!.value);
    if (cs.frozenHeight.revisionHeight !== 0n) return 'Frozen';
    const consensus = TmConsensusState.decode(read(store, `consensusStates/${formatHeight(cs.latestHeight)}`)!.value);
    return consensus.timestamp.seconds + TRUSTING_SECONDS <= ctx.header.time.seconds ? 'Expired' : 'Active';
  },
  timestampAtHeight: unused,
  verifyClientMessage: unused,
  checkForMisbehaviour: unused,
  updateStateOnMisbehaviour: unused,
  updateState: unused,
  verifyMembership: unused,
  verifyNonMembership: unused,
};

// ---- the chain under query

function selfSource(blockTime: bigint | null): SelfConsensusSource {
  return {
    historicalInfo: (_ctx, height) =>
      blockTime === null || height !== HEIGHT ? undefined : HistoricalInfo.fromPartial({ header: { chainId: CHAIN_ID, height, time: { seconds: blockTime, nanos: 0 } } }),
    unbondingTimeSeconds: () => 1_814_400n,
  };
}

/** A query context as app/query.ts makes one: block time 0. */
function queryContext(): Context {
  return new Context(memoryStore([STORE_KEY]), { chainId: CHAIN_ID, height: HEIGHT, time: { seconds: 0n, nanos: 0 } }, new GasMeter(), new EventManager(), 'query');
}

function setup(blockTime: bigint | null = BLOCK_TIME) {
  const ctx = queryContext();
  const store = new IbcStore();
  const clients = new ClientKeeper(store, [fakeTendermint]);
  const connections = new ConnectionKeeper(store, clients);
  const channels = new ChannelKeeper(store, connections);
  const queries = ibcQueries({ store, clients, connections, channels, self: selfSource(blockTime) });

  // Two clients of chain-b and one of chain-c; the light client's metadata beside them.
  const writeClient = (id: string, chainId: string, latest: Height, consensusTime: bigint, frozen?: Height) => {
    store.set(ctx, `clients/${id}/clientState`, Any.encode(tmClientState(chainId, latest, frozen)).finish());
    store.set(ctx, `clients/${id}/consensusStates/${formatHeight(latest)}`, Any.encode(tmConsensusState(consensusTime)).finish());
    store.set(ctx, `clients/${id}/consensusStates/${formatHeight(latest)}/processedTime`, new Uint8Array(8));
    store.set(ctx, `clients/${id}/iterateConsensusStates${formatHeight(latest)}`, new Uint8Array([1]));
  };
  writeClient('07-tendermint-0', 'chain-b', h(2n, 50n), BLOCK_TIME - 10n);
  store.set(ctx, `clients/07-tendermint-0/consensusStates/2-40`, Any.encode(tmConsensusState(BLOCK_TIME - 100n)).finish());
  writeClient('07-tendermint-1', 'chain-c', h(0n, 7n), BLOCK_TIME - 2n * TRUSTING_SECONDS);
  writeClient('07-tendermint-2', 'chain-d', h(0n, 9n), BLOCK_TIME, h(0n, 1n));

  const openConnection = (id: string, clientId: string) =>
    connections.setConnection(
      ctx,
      id,
      ConnectionEnd.fromPartial({
        clientId,
        versions: [{ identifier: '1', features: ['ORDER_ORDERED', 'ORDER_UNORDERED'] }],
        state: ConnectionState.STATE_OPEN,
        counterparty: { clientId: '07-tendermint-9', connectionId: `${id}-cp`, prefix: { keyPrefix: enc.encode('ibc') } },
        delayPeriod: 0n,
      }),
    );
  openConnection('connection-0', '07-tendermint-0');
  openConnection('connection-1', '07-tendermint-1');
  openConnection('connection-7', '07-tendermint-404');
  store.set(ctx, clientConnectionsPath('07-tendermint-0'), ClientPaths.encode({ paths: ['connection-0'] }).finish());

  const openChannel = (port: string, id: string, ordering: Order, connection: string) => {
    channels.setChannel(
      ctx,
      port,
      id,
      Channel.fromPartial({ state: ChannelState.STATE_OPEN, ordering, counterparty: { portId: port, channelId: `${id}-cp` }, connectionHops: [connection], version: 'v1' }),
    );
    channels.setNextSequenceSend(ctx, port, id, 1n);
    channels.setNextSequenceRecv(ctx, port, id, 1n);
    channels.setNextSequenceAck(ctx, port, id, 1n);
  };
  openChannel('transfer', 'channel-0', Order.ORDER_UNORDERED, 'connection-0');
  openChannel('transfer', 'channel-1', Order.ORDER_ORDERED, 'connection-1');
  openChannel('icahost', 'channel-2', Order.ORDER_ORDERED, 'connection-0');
  openChannel('transfer', 'channel-3', Order.ORDER_UNORDERED, 'connection-0');
  openChannel('transfer', 'channel-9', Order.ORDER_NONE_UNSPECIFIED, 'connection-7');

  // channel-0 (unordered) sent 1..12, of which 3 and 5 were acknowledged; received 2 and 4, acked 2 and 4.
  for (let s = 1n; s <= 12n; s++) if (s !== 3n && s !== 5n) channels.setPacketCommitment(ctx, 'transfer', 'channel-0', s, new Uint8Array(32).fill(Number(s)));
  channels.setNextSequenceSend(ctx, 'transfer', 'channel-0', 13n);
  for (const s of [2n, 4n]) {
    channels.setPacketReceipt(ctx, 'transfer', 'channel-0', s);
    channels.setPacketAcknowledgement(ctx, 'transfer', 'channel-0', s, new Uint8Array(32).fill(0xa0 + Number(s)));
  }
  // channel-1 (ordered) received 1..4.
  channels.setNextSequenceRecv(ctx, 'transfer', 'channel-1', 5n);

  return { ctx, store, clients, connections, channels, queries };
}

// ---- helpers

type Queries = Record<string, QueryHandler>;
const CQ = '/ibc.core.client.v1.Query';
const NQ = '/ibc.core.connection.v1.Query';
const HQ = '/ibc.core.channel.v1.Query';

function ask(queries: Queries, ctx: Context, path: string, request: Uint8Array): Uint8Array {
  const handler = queries[path];
  assert.ok(handler, `no handler for ${path}`);
  return handler(ctx, request);
}

/** The ABCI error a query answers with, as BaseApp reports it. */
function abciError(fn: () => unknown): { codespace: string; code: number; log: string } {
  try {
    fn();
  } catch (err) {
    return toAbciError(err);
  }
  assert.fail('expected the query to fail');
}

const notFound = (desc: string) => ({ codespace: 'sdk', code: 22, log: `rpc error: code = NotFound desc = ${desc}: key not found` });
const invalidArgument = (desc: string) => ({ codespace: 'sdk', code: 18, log: `rpc error: code = InvalidArgument desc = ${desc}: invalid request` });
const page = (p: Partial<PageRequest>): PageRequest => ({ key: new Uint8Array(), offset: 0n, limit: 0n, countTotal: false, reverse: false, ...p });
const SELF_HEIGHT = h(1n, HEIGHT);

describe('ibc.core.client.v1.Query', () => {
  it('ClientState answers the stored Any with this chain as proof height, and ibc-go errors otherwise', () => {
    const { ctx, queries } = setup();
    const res = QueryClientStateResponse.decode(ask(queries, ctx, `${CQ}/ClientState`, QueryClientStateRequest.encode({ clientId: '07-tendermint-0' }).finish()));
    assert.deepEqual(res.clientState, tmClientState('chain-b', h(2n, 50n)));
    assert.deepEqual(res.proofHeight, SELF_HEIGHT);
    assert.equal(res.proof.length, 0);

    const q = (clientId: string) => () => ask(queries, ctx, `${CQ}/ClientState`, QueryClientStateRequest.encode({ clientId }).finish());
    assert.deepEqual(abciError(q('07-tendermint-5')), notFound('07-tendermint-5: light client not found'));
    assert.deepEqual(abciError(q('')), invalidArgument('identifier cannot be blank: invalid identifier'));
    assert.deepEqual(abciError(q('short')), invalidArgument('identifier short has invalid length: 5, must be between 9-64 characters: invalid identifier'));
  });

  it('ClientStates lists identified client states, skipping what light clients keep beside them, page by page', () => {
    const { ctx, queries } = setup();
    const q = (pagination?: PageRequest) => QueryClientStatesResponse.decode(ask(queries, ctx, `${CQ}/ClientStates`, QueryClientStatesRequest.encode({ pagination }).finish()));
    const all = q();
    assert.deepEqual(all.clientStates.map((c) => c.clientId), ['07-tendermint-0', '07-tendermint-1', '07-tendermint-2']);
    assert.deepEqual(all.clientStates[1]!.clientState, tmClientState('chain-c', h(0n, 7n)));
    assert.equal(all.pagination?.total, 3n);

    const first = q(page({ limit: 2n }));
    assert.deepEqual(first.clientStates.map((c) => c.clientId), ['07-tendermint-0', '07-tendermint-1']);
    assert.equal(new TextDecoder().decode(first.pagination!.nextKey), '/07-tendermint-2/clientState');
    const second = q(page({ key: first.pagination!.nextKey, limit: 2n }));
    assert.deepEqual(second.clientStates.map((c) => c.clientId), ['07-tendermint-2']);
    assert.equal(second.pagination!.nextKey.length, 0);

    const offset = q(page({ offset: 1n, limit: 1n, countTotal: true }));
    assert.deepEqual(offset.clientStates.map((c) => c.clientId), ['07-tendermint-1']);
    assert.equal(offset.pagination?.total, 3n);
    // Sorted by client id even when walked in reverse, as ibc-go sorts its page.
    assert.deepEqual(q(page({ reverse: true, limit: 2n })).clientStates.map((c) => c.clientId), ['07-tendermint-1', '07-tendermint-2']);
    assert.deepEqual(abciError(() => q(page({ key: enc.encode('/x'), offset: 1n }))), invalidArgument('paginate: invalid request, either offset or key is expected, got both'));
  });

  it('ConsensusState at a height or the latest, with ibc-go wording when absent', () => {
    const { ctx, queries } = setup();
    const q = (request: Partial<QueryConsensusStateRequest>) => () =>
      QueryConsensusStateResponse.decode(ask(queries, ctx, `${CQ}/ConsensusState`, QueryConsensusStateRequest.encode(QueryConsensusStateRequest.fromPartial(request)).finish()));
    const at = q({ clientId: '07-tendermint-0', revisionNumber: 2n, revisionHeight: 40n })();
    assert.deepEqual(at.consensusState, tmConsensusState(BLOCK_TIME - 100n));
    assert.deepEqual(at.proofHeight, SELF_HEIGHT);
    assert.deepEqual(q({ clientId: '07-tendermint-0', latestHeight: true })().consensusState, tmConsensusState(BLOCK_TIME - 10n));

    assert.deepEqual(abciError(q({ clientId: '07-tendermint-0', revisionNumber: 2n })), invalidArgument('consensus state height cannot be 0'));
    assert.deepEqual(
      abciError(q({ clientId: '07-tendermint-0', revisionNumber: 2n, revisionHeight: 41n })),
      notFound('client-id: 07-tendermint-0, height: 2-41: consensus state not found'),
    );
    assert.deepEqual(abciError(q({ clientId: '07-tendermint-8', latestHeight: true })), notFound('client-id: 07-tendermint-8, height: 0-0: consensus state not found'));
  });

  it('ConsensusStates and ConsensusStateHeights list the heights, not the metadata under them', () => {
    const { ctx, queries } = setup();
    const states = QueryConsensusStatesResponse.decode(ask(queries, ctx, `${CQ}/ConsensusStates`, QueryConsensusStatesRequest.encode({ clientId: '07-tendermint-0' }).finish()));
    assert.deepEqual(
      states.consensusStates.map((c) => [formatHeight(c.height), c.consensusState]),
      [
        ['2-40', tmConsensusState(BLOCK_TIME - 100n)],
        ['2-50', tmConsensusState(BLOCK_TIME - 10n)],
      ],
    );
    assert.equal(states.pagination?.total, 2n);
    const heights = QueryConsensusStateHeightsResponse.decode(
      ask(queries, ctx, `${CQ}/ConsensusStateHeights`, QueryConsensusStateHeightsRequest.encode({ clientId: '07-tendermint-0', pagination: page({ limit: 1n }) }).finish()),
    );
    assert.deepEqual(heights.consensusStateHeights, [h(2n, 40n)]);
    assert.equal(new TextDecoder().decode(heights.pagination!.nextKey), '2-50');
    assert.deepEqual(
      abciError(() => ask(queries, ctx, `${CQ}/ConsensusStates`, QueryConsensusStatesRequest.encode({ clientId: 'a/b/c/d/e/f' }).finish())),
      invalidArgument("identifier a/b/c/d/e/f cannot contain separator '/': invalid identifier"),
    );
  });

  it('ClientStatus judges expiry at the block time of the queried height, which a query context lacks', () => {
    const { ctx, queries } = setup();
    const status = (clientId: string, q: Queries = queries) =>
      QueryClientStatusResponse.decode(ask(q, ctx, `${CQ}/ClientStatus`, QueryClientStatusRequest.encode({ clientId }).finish())).status;
    assert.equal(status('07-tendermint-0'), 'Active');
    assert.equal(status('07-tendermint-1'), 'Expired');
    assert.equal(status('07-tendermint-2'), 'Frozen');
    assert.deepEqual(abciError(() => status('07-tendermint-3')), notFound('07-tendermint-3: light client not found'));

    // Without HistoricalInfo (historical_entries 0) the time stays 0: expiry cannot be seen.
    const blind = setup(null);
    assert.equal(status('07-tendermint-1', blind.queries), 'Active');

    // Disallowed client types are Unauthorized, as GetClientStatus says before asking the light client.
    const { clients } = setup();
    clients.setParams(ctx, { allowedClients: ['06-solomachine'] });
    assert.equal(status('07-tendermint-0'), 'Unauthorized');
  });

  it('ClientParams, and no upgraded client or consensus state without an upgrade plan', () => {
    const { ctx, queries } = setup();
    assert.deepEqual(QueryClientParamsResponse.decode(ask(queries, ctx, `${CQ}/ClientParams`, new Uint8Array())).params, { allowedClients: ['*'] });
    assert.deepEqual(abciError(() => ask(queries, ctx, `${CQ}/UpgradedClientState`, new Uint8Array())), notFound('upgrade plan not found'));
    assert.deepEqual(abciError(() => ask(queries, ctx, `${CQ}/UpgradedConsensusState`, new Uint8Array())), notFound('upgraded consensus state not found, height 10'));
  });
});

describe('ibc.core.connection.v1.Query', () => {
  it('Connection, Connections and ClientConnections', () => {
    const { ctx, queries, connections } = setup();
    const one = QueryConnectionResponse.decode(ask(queries, ctx, `${NQ}/Connection`, QueryConnectionRequest.encode({ connectionId: 'connection-1' }).finish()));
    assert.deepEqual(one.connection, connections.getConnection(ctx, 'connection-1'));
    assert.deepEqual(one.proofHeight, SELF_HEIGHT);
    assert.deepEqual(
      abciError(() => ask(queries, ctx, `${NQ}/Connection`, QueryConnectionRequest.encode({ connectionId: 'connection-5' }).finish())),
      notFound('connection-5: connection not found'),
    );
    assert.deepEqual(
      abciError(() => ask(queries, ctx, `${NQ}/Connection`, QueryConnectionRequest.encode({ connectionId: 'conn' }).finish())),
      invalidArgument('identifier conn has invalid length: 4, must be between 10-64 characters: invalid identifier'),
    );

    const list = QueryConnectionsResponse.decode(ask(queries, ctx, `${NQ}/Connections`, QueryConnectionsRequest.encode({ pagination: page({ limit: 2n, countTotal: true }) }).finish()));
    assert.deepEqual(list.connections.map((c) => [c.id, c.clientId]), [
      ['connection-0', '07-tendermint-0'],
      ['connection-1', '07-tendermint-1'],
    ]);
    assert.equal(list.pagination?.total, 3n);
    assert.equal(new TextDecoder().decode(list.pagination!.nextKey), '/connection-7');
    assert.deepEqual(list.height, SELF_HEIGHT);

    const paths = QueryClientConnectionsResponse.decode(ask(queries, ctx, `${NQ}/ClientConnections`, QueryClientConnectionsRequest.encode({ clientId: '07-tendermint-0' }).finish()));
    assert.deepEqual(paths.connectionPaths, ['connection-0']);
    assert.deepEqual(
      abciError(() => ask(queries, ctx, `${NQ}/ClientConnections`, QueryClientConnectionsRequest.encode({ clientId: '07-tendermint-1' }).finish())),
      notFound('07-tendermint-1: light client connection paths not found'),
    );
  });

  it("ConnectionClientState and ConnectionConsensusState answer the connection's client", () => {
    const { ctx, queries } = setup();
    const cs = QueryConnectionClientStateResponse.decode(ask(queries, ctx, `${NQ}/ConnectionClientState`, QueryConnectionClientStateRequest.encode({ connectionId: 'connection-0' }).finish()));
    assert.deepEqual(cs.identifiedClientState, { clientId: '07-tendermint-0', clientState: tmClientState('chain-b', h(2n, 50n)) });
    assert.deepEqual(
      abciError(() => ask(queries, ctx, `${NQ}/ConnectionClientState`, QueryConnectionClientStateRequest.encode({ connectionId: 'connection-7' }).finish())),
      notFound('client-id: 07-tendermint-404: light client not found'),
    );
    assert.deepEqual(
      abciError(() => ask(queries, ctx, `${NQ}/ConnectionClientState`, QueryConnectionClientStateRequest.encode({ connectionId: 'connection-8' }).finish())),
      notFound('connection-id: connection-8: connection not found'),
    );
    const consensus = (revisionHeight: bigint) => () =>
      QueryConnectionConsensusStateResponse.decode(
        ask(queries, ctx, `${NQ}/ConnectionConsensusState`, QueryConnectionConsensusStateRequest.encode({ connectionId: 'connection-0', revisionNumber: 2n, revisionHeight }).finish()),
      );
    const res = consensus(50n)();
    assert.equal(res.clientId, '07-tendermint-0');
    assert.deepEqual(res.consensusState, tmConsensusState(BLOCK_TIME - 10n));
    assert.deepEqual(abciError(consensus(51n)), notFound('client-id: 07-tendermint-0: consensus state not found'));
  });

  it("ConnectionParams in ibc-go's encoding (cosmjs-types' response holds the wrong Params)", () => {
    const { ctx, queries } = setup();
    const bytes = ask(queries, ctx, `${NQ}/ConnectionParams`, new Uint8Array());
    assert.equal(Buffer.from(bytes).toString('hex'), '0a060880d88ee16f');
    assert.deepEqual(ConnectionParamsResponse.decode(bytes), { params: { maxExpectedTimePerBlock: 30_000_000_000n } });
  });
});

describe('ibc.core.channel.v1.Query', () => {
  it('Channel, Channels and ConnectionChannels', () => {
    const { ctx, queries, channels } = setup();
    const one = QueryChannelResponse.decode(ask(queries, ctx, `${HQ}/Channel`, QueryChannelRequest.encode({ portId: 'transfer', channelId: 'channel-1' }).finish()));
    assert.deepEqual(one.channel, channels.getChannel(ctx, 'transfer', 'channel-1'));
    assert.deepEqual(one.proofHeight, SELF_HEIGHT);
    assert.deepEqual(
      abciError(() => ask(queries, ctx, `${HQ}/Channel`, QueryChannelRequest.encode({ portId: 'transfer', channelId: 'channel-4' }).finish())),
      notFound('port-id: transfer, channel-id channel-4: channel not found'),
    );
    assert.deepEqual(
      abciError(() => ask(queries, ctx, `${HQ}/Channel`, QueryChannelRequest.encode({ portId: 'x', channelId: 'channel-4' }).finish())),
      invalidArgument('identifier x has invalid length: 1, must be between 2-128 characters: invalid identifier'),
    );

    const all = QueryChannelsResponse.decode(ask(queries, ctx, `${HQ}/Channels`, QueryChannelsRequest.encode({}).finish()));
    assert.deepEqual(all.channels.map((c) => `${c.portId}/${c.channelId}`), ['icahost/channel-2', 'transfer/channel-0', 'transfer/channel-1', 'transfer/channel-3', 'transfer/channel-9']);
    assert.equal(all.channels[2]!.ordering, Order.ORDER_ORDERED);
    assert.deepEqual(all.height, SELF_HEIGHT);

    const onConnection = (pagination?: PageRequest) =>
      QueryConnectionChannelsResponse.decode(ask(queries, ctx, `${HQ}/ConnectionChannels`, QueryConnectionChannelsRequest.encode({ connection: 'connection-0', pagination }).finish()));
    assert.deepEqual(onConnection().channels.map((c) => `${c.portId}/${c.channelId}`), ['icahost/channel-2', 'transfer/channel-0', 'transfer/channel-3']);
    // Offset and limit count the connection's channels only (FilteredPaginate).
    const second = onConnection(page({ offset: 1n, limit: 1n, countTotal: true }));
    assert.deepEqual(second.channels.map((c) => c.channelId), ['channel-0']);
    assert.equal(second.pagination?.total, 3n);
    assert.equal(new TextDecoder().decode(second.pagination!.nextKey), '/ports/transfer/channels/channel-3');
    assert.deepEqual(onConnection(page({ key: second.pagination!.nextKey, limit: 5n })).channels.map((c) => c.channelId), ['channel-3']);
  });

  it("ChannelClientState and ChannelConsensusState answer the channel's connection's client", () => {
    const { ctx, queries } = setup();
    const cs = QueryChannelClientStateResponse.decode(ask(queries, ctx, `${HQ}/ChannelClientState`, QueryChannelClientStateRequest.encode({ portId: 'transfer', channelId: 'channel-1' }).finish()));
    assert.deepEqual(cs.identifiedClientState, { clientId: '07-tendermint-1', clientState: tmClientState('chain-c', h(0n, 7n)) });
    assert.deepEqual(
      abciError(() => ask(queries, ctx, `${HQ}/ChannelClientState`, QueryChannelClientStateRequest.encode({ portId: 'transfer', channelId: 'channel-4' }).finish())),
      notFound('port-id: transfer, channel-id: channel-4: channel not found'),
    );
    assert.deepEqual(
      abciError(() => ask(queries, ctx, `${HQ}/ChannelClientState`, QueryChannelClientStateRequest.encode({ portId: 'transfer', channelId: 'channel-9' }).finish())),
      notFound('client-id: 07-tendermint-404: light client not found'),
    );
    const consensus = QueryChannelConsensusStateResponse.decode(
      ask(queries, ctx, `${HQ}/ChannelConsensusState`, QueryChannelConsensusStateRequest.encode({ portId: 'transfer', channelId: 'channel-0', revisionNumber: 2n, revisionHeight: 40n }).finish()),
    );
    assert.equal(consensus.clientId, '07-tendermint-0');
    assert.deepEqual(consensus.consensusState, tmConsensusState(BLOCK_TIME - 100n));
    assert.deepEqual(
      abciError(() => ask(queries, ctx, `${HQ}/ChannelConsensusState`, QueryChannelConsensusStateRequest.encode({ portId: 'transfer', channelId: 'channel-0', revisionNumber: 2n, revisionHeight: 41n }).finish())),
      notFound('client-id: 07-tendermint-0: consensus state not found'),
    );
  });

  it('PacketCommitment and PacketCommitments, paginated by key as simd pages them', () => {
    const { ctx, queries } = setup();
    const one = (sequence: bigint) => () =>
      QueryPacketCommitmentResponse.decode(ask(queries, ctx, `${HQ}/PacketCommitment`, QueryPacketCommitmentRequest.encode({ portId: 'transfer', channelId: 'channel-0', sequence }).finish()));
    assert.deepEqual(one(4n)().commitment, new Uint8Array(32).fill(4));
    assert.deepEqual(one(4n)().proofHeight, SELF_HEIGHT);
    assert.deepEqual(abciError(one(3n)), notFound('packet commitment hash not found'));
    assert.deepEqual(abciError(one(0n)), invalidArgument('packet sequence cannot be 0'));

    const list = (pagination?: PageRequest) =>
      QueryPacketCommitmentsResponse.decode(ask(queries, ctx, `${HQ}/PacketCommitments`, QueryPacketCommitmentsRequest.encode({ portId: 'transfer', channelId: 'channel-0', pagination }).finish()));
    const all = list();
    // Sequences sort as the decimal strings in their keys, as in ibc-go.
    assert.deepEqual(all.commitments.map((c) => c.sequence), [1n, 10n, 11n, 12n, 2n, 4n, 6n, 7n, 8n, 9n]);
    assert.deepEqual(all.commitments[0], { portId: 'transfer', channelId: 'channel-0', sequence: 1n, data: new Uint8Array(32).fill(1) });
    assert.equal(all.pagination?.total, 10n);
    assert.deepEqual(all.height, SELF_HEIGHT);
    const first = list(page({ limit: 4n }));
    assert.equal(new TextDecoder().decode(first.pagination!.nextKey), '/2');
    const rest = list(page({ key: first.pagination!.nextKey, limit: 100n }));
    assert.deepEqual([...first.commitments, ...rest.commitments].map((c) => c.sequence), all.commitments.map((c) => c.sequence));
    assert.equal(list(page({})).commitments.length, 10);
    assert.equal(QueryPacketCommitmentsResponse.decode(ask(queries, ctx, `${HQ}/PacketCommitments`, QueryPacketCommitmentsRequest.encode({ portId: 'transfer', channelId: 'channel-3' }).finish())).commitments.length, 0);
  });

  it('PacketReceipt, PacketAcknowledgement and PacketAcknowledgements (all, or of given sequences)', () => {
    const { ctx, queries } = setup();
    const receipt = (sequence: bigint) =>
      QueryPacketReceiptResponse.decode(ask(queries, ctx, `${HQ}/PacketReceipt`, QueryPacketReceiptRequest.encode({ portId: 'transfer', channelId: 'channel-0', sequence }).finish()));
    assert.equal(receipt(2n).received, true);
    assert.equal(receipt(3n).received, false);
    assert.deepEqual(receipt(3n).proofHeight, SELF_HEIGHT);
    assert.deepEqual(abciError(() => receipt(0n)), invalidArgument('packet sequence cannot be 0'));

    const ack = (sequence: bigint) => () =>
      QueryPacketAcknowledgementResponse.decode(ask(queries, ctx, `${HQ}/PacketAcknowledgement`, QueryPacketAcknowledgementRequest.encode({ portId: 'transfer', channelId: 'channel-0', sequence }).finish()));
    assert.deepEqual(ack(4n)().acknowledgement, new Uint8Array(32).fill(0xa4));
    assert.deepEqual(abciError(ack(5n)), notFound('packet acknowledgement hash not found'));

    const acks = (request: Partial<QueryPacketAcknowledgementsRequest>) =>
      QueryPacketAcknowledgementsResponse.decode(
        ask(queries, ctx, `${HQ}/PacketAcknowledgements`, QueryPacketAcknowledgementsRequest.encode(QueryPacketAcknowledgementsRequest.fromPartial({ portId: 'transfer', channelId: 'channel-0', ...request })).finish()),
      );
    const all = acks({});
    assert.deepEqual(all.acknowledgements.map((a) => a.sequence), [2n, 4n]);
    assert.equal(all.pagination?.total, 2n);
    const some = acks({ packetCommitmentSequences: [4n, 5n, 0n] });
    assert.deepEqual(some.acknowledgements, [{ portId: 'transfer', channelId: 'channel-0', sequence: 4n, data: new Uint8Array(32).fill(0xa4) }]);
    assert.equal(some.pagination, undefined);
  });

  it('UnreceivedPackets: without a receipt on an unordered channel, at or after the next receive on an ordered one', () => {
    const { ctx, queries } = setup();
    const unreceived = (channelId: string, packetCommitmentSequences: bigint[]) => () =>
      QueryUnreceivedPacketsResponse.decode(ask(queries, ctx, `${HQ}/UnreceivedPackets`, QueryUnreceivedPacketsRequest.encode({ portId: 'transfer', channelId, packetCommitmentSequences }).finish()));
    const unordered = unreceived('channel-0', [1n, 2n, 3n, 4n, 5n])();
    assert.deepEqual(unordered.sequences, [1n, 3n, 5n]);
    assert.deepEqual(unordered.height, SELF_HEIGHT);
    assert.deepEqual(unreceived('channel-1', [3n, 4n, 5n, 6n])().sequences, [5n, 6n]);
    assert.deepEqual(unreceived('channel-0', [])().sequences, []);
    assert.deepEqual(abciError(unreceived('channel-0', [1n, 0n])), invalidArgument('packet sequence 1 cannot be 0'));
    assert.deepEqual(abciError(unreceived('channel-1', [0n])), invalidArgument('packet sequence 0 cannot be 0'));
    assert.deepEqual(abciError(unreceived('channel-4', [1n])), notFound('port-id: transfer, channel-id channel-4: channel not found'));
    assert.deepEqual(abciError(unreceived('channel-9', [1n])), invalidArgument('channel order ORDER_NONE_UNSPECIFIED is not supported: invalid channel ordering'));
  });

  it('UnreceivedPackets on an ordered channel without a next receive sequence', () => {
    const { ctx, queries, store } = setup();
    store.delete(ctx, 'nextSequenceRecv/ports/transfer/channels/channel-1');
    assert.deepEqual(
      abciError(() => ask(queries, ctx, `${HQ}/UnreceivedPackets`, QueryUnreceivedPacketsRequest.encode({ portId: 'transfer', channelId: 'channel-1', packetCommitmentSequences: [1n] }).finish())),
      notFound('destination port: transfer, destination channel: channel-1: sequence receive not found'),
    );
    assert.deepEqual(
      abciError(() => ask(queries, ctx, `${HQ}/NextSequenceReceive`, QueryNextSequenceReceiveRequest.encode({ portId: 'transfer', channelId: 'channel-1' }).finish())),
      notFound('port-id: transfer, channel-id channel-1: sequence receive not found'),
    );
  });

  it('UnreceivedAcks: the sequences whose packet commitment is still here', () => {
    const { ctx, queries } = setup();
    const unreceived = (packetAckSequences: bigint[]) => () =>
      QueryUnreceivedAcksResponse.decode(ask(queries, ctx, `${HQ}/UnreceivedAcks`, QueryUnreceivedAcksRequest.encode({ portId: 'transfer', channelId: 'channel-0', packetAckSequences }).finish()));
    const res = unreceived([1n, 3n, 5n, 6n, 13n])();
    assert.deepEqual(res.sequences, [1n, 6n]);
    assert.deepEqual(res.height, SELF_HEIGHT);
    assert.deepEqual(abciError(unreceived([2n, 3n, 0n])), invalidArgument('packet sequence 2 cannot be 0'));
  });

  it('NextSequenceReceive (0 on an unordered channel) and NextSequenceSend', () => {
    const { ctx, queries } = setup();
    const recv = (channelId: string) => () =>
      QueryNextSequenceReceiveResponse.decode(ask(queries, ctx, `${HQ}/NextSequenceReceive`, QueryNextSequenceReceiveRequest.encode({ portId: 'transfer', channelId }).finish()));
    assert.equal(recv('channel-0')().nextSequenceReceive, 0n);
    assert.equal(recv('channel-1')().nextSequenceReceive, 5n);
    assert.deepEqual(recv('channel-1')().proofHeight, SELF_HEIGHT);
    assert.deepEqual(abciError(recv('channel-4')), notFound('port-id: transfer, channel-id channel-4: channel not found'));
    const send = (channelId: string) => () =>
      QueryNextSequenceSendResponse.decode(ask(queries, ctx, `${HQ}/NextSequenceSend`, QueryNextSequenceSendRequest.encode({ portId: 'transfer', channelId }).finish()));
    assert.equal(send('channel-0')().nextSequenceSend, 13n);
    assert.deepEqual(abciError(send('channel-4')), notFound('port-id: transfer, channel-id channel-4: sequence send not found'));
  });

  it('channel upgrades: never one to show; the params hold the default upgrade timeout', () => {
    const { ctx, queries } = setup();
    const q = (method: string, channelId: string) => () => ask(queries, ctx, `${HQ}/${method}`, QueryChannelRequest.encode({ portId: 'transfer', channelId }).finish());
    assert.deepEqual(abciError(q('Upgrade', 'channel-0')), notFound('port-id: transfer, channel-id: channel-0: upgrade not found'));
    assert.deepEqual(abciError(q('UpgradeError', 'channel-0')), notFound('port-id transfer, channel-id channel-0: upgrade error receipt not found'));
    assert.deepEqual(abciError(q('Upgrade', 'channel-4')), notFound('port-id: transfer, channel-id channel-4: channel not found'));
    const params = ask(queries, ctx, `${HQ}/ChannelParams`, new Uint8Array());
    assert.deepEqual(ChannelParamsResponse.decode(params), { params: { upgradeTimeout: { height: h(0n, 0n), timestamp: 600_000_000_000n } } });
    // gogoproto writes the non-nullable zero height too: Params{Timeout{height: {}, timestamp}}.
    assert.equal(Buffer.from(params).toString('hex'), '0a0b0a090a001080e0a596bb11');
  });
});

describe('filteredPaginate', () => {
  const entries = Array.from({ length: 10 }, (_, i) => [enc.encode(`k${i}`), new Uint8Array([i])] as const);
  const store = { iterator: (_s?: Uint8Array, _e?: Uint8Array, reverse?: boolean) => (reverse ? [...entries].reverse() : entries)[Symbol.iterator]() } as unknown as KVStore;
  const even = (p: PageRequest | undefined) => {
    const taken: number[] = [];
    const res = filteredPaginate(store, p, (_k, v, accumulate) => {
      if (v[0]! % 2 !== 0) return false;
      if (accumulate) taken.push(v[0]!);
      return true;
    });
    return { taken, next: new TextDecoder().decode(res.nextKey), total: res.total };
  };

  it('counts offset and limit in hits, and names the first hit after the page', () => {
    assert.deepEqual(even(undefined), { taken: [0, 2, 4, 6, 8], next: '', total: 5n });
    assert.deepEqual(even(page({ offset: 1n, limit: 2n })), { taken: [2, 4], next: 'k6', total: 0n });
    assert.deepEqual(even(page({ offset: 1n, limit: 2n, countTotal: true })), { taken: [2, 4], next: 'k6', total: 5n });
    assert.deepEqual(even(page({ limit: 2n, reverse: true })), { taken: [8, 6], next: 'k4', total: 0n });
  });
});

// ---- REST and CLI over the same queries

function restRoutes(queries: Queries, ctx: Context) {
  const routes = new Map<string, { spec: any; handler: RouteHandler<any, any, any> }>();
  const rest: RestRoutes = {
    addressCodec: { prefix: 'cosmos' } as RestRoutes['addressCodec'],
    types: new JsonTypes(),
    query: async (path, data) => {
      try {
        return { value: ask(queries, ctx, path, data), height: HEIGHT };
      } catch (err) {
        const { codespace, code, log } = toAbciError(err);
        throw statusFromAbci(codespace, code, log);
      }
    },
    get: (path, spec, handler) => void routes.set(path, { spec, handler: handler as RouteHandler<any, any, any> }),
    post: () => assert.fail('IBC core has no POST routes'),
    gateway: () => assert.fail('IBC core serves its own JSON'),
  };
  ibcRest(rest);
  const call = (path: string, params: Record<string, string> = {}, query: Record<string, string> = {}) => {
    const route = routes.get(path);
    assert.ok(route, `no route ${path}`);
    return route.handler({ params: route.spec.params?.parse(params), query: route.spec.query?.parse(query) ?? {}, body: undefined, height: 0n });
  };
  return { routes, call };
}

describe('REST', () => {
  it("serves ibc-go's gateway paths", () => {
    const { ctx, queries } = setup();
    const { routes } = restRoutes(queries, ctx);
    const C = '/ibc/core/channel/v1/channels/:channel_id/ports/:port_id';
    for (const path of [
      '/ibc/core/client/v1/client_states',
      '/ibc/core/client/v1/client_states/:client_id',
      '/ibc/core/client/v1/client_status/:client_id',
      '/ibc/core/client/v1/consensus_states/:client_id',
      '/ibc/core/client/v1/consensus_states/:client_id/heights',
      '/ibc/core/client/v1/consensus_states/:client_id/revision/:revision_number/height/:revision_height',
      '/ibc/core/client/v1/params',
      '/ibc/core/connection/v1/connections',
      '/ibc/core/connection/v1/connections/:connection_id',
      '/ibc/core/connection/v1/client_connections/:client_id',
      '/ibc/core/connection/v1/connections/:connection_id/client_state',
      '/ibc/core/connection/v1/connections/:connection_id/consensus_state/revision/:revision_number/height/:revision_height',
      '/ibc/core/connection/v1/params',
      '/ibc/core/channel/v1/channels',
      C,
      '/ibc/core/channel/v1/connections/:connection/channels',
      `${C}/client_state`,
      `${C}/packet_commitments`,
      `${C}/packet_commitments/:sequence`,
      `${C}/packet_acks/:sequence`,
      `${C}/packet_acknowledgements`,
      `${C}/packet_receipts/:sequence`,
      `${C}/packet_commitments/:packet_commitment_sequences/unreceived_packets`,
      `${C}/packet_commitments/:packet_ack_sequences/unreceived_acks`,
      `${C}/next_sequence`,
      `${C}/next_sequence_send`,
      '/ibc/core/channel/v1/params',
    ]) {
      assert.ok(routes.has(path), `missing ${path}`);
    }
  });

  it('answers packet sequences of 2^31 and above, and bad identifiers with InvalidArgument (the fuzz campaign found both a 500)', async () => {
    const { ctx, queries } = setup();
    const { call } = restRoutes(queries, ctx);
    const C = '/ibc/core/channel/v1/channels/:channel_id/ports/:port_id';
    // cosmjs-types wrote a uint64 in [2^31, 2^32) as zero bytes the app could not decode (app/codec.ts repairs it).
    const receipt = (await call(`${C}/packet_receipts/:sequence`, { channel_id: 'channel-0', port_id: 'transfer', sequence: '4241688275' })) as any;
    assert.equal(receipt.received, false);
    await assert.rejects(call(`${C}/packet_acks/:sequence`, { channel_id: 'channel-0', port_id: 'transfer', sequence: '3812838295' }), (err: any) => err.grpcCode === 5);
    for (const [channel, port] of [['=', '[]'], ['=', '{}'], ['', '']]) {
      await assert.rejects(call(`${C}/packet_acks/:sequence`, { channel_id: channel!, port_id: port!, sequence: '3222622627' }), (err: any) => err.grpcCode === 3 && /identifier/.test(err.message));
    }
  });

  it("writes simd's JSON: client states resolved, durations as seconds, hashes in hex, channels with upgrade_sequence", async () => {
    const { ctx, queries } = setup();
    const { call } = restRoutes(queries, ctx);
    const cs = (await call('/ibc/core/client/v1/client_states/:client_id', { client_id: '07-tendermint-0' })) as any;
    assert.equal(cs.client_state['@type'], TENDERMINT_CLIENT_STATE_TYPE_URL);
    assert.equal(cs.client_state.chain_id, 'chain-b');
    assert.equal(cs.client_state.trusting_period, '1000s');
    assert.equal(cs.client_state.max_clock_drift, '10.500s');
    assert.deepEqual(cs.client_state.latest_height, { revision_number: '2', revision_height: '50' });
    assert.deepEqual(cs.proof_height, { revision_number: '1', revision_height: '10' });
    assert.equal(cs.proof, null);

    const consensus = (await call('/ibc/core/client/v1/consensus_states/:client_id/revision/:revision_number/height/:revision_height', {
      client_id: '07-tendermint-0',
      revision_number: '2',
      revision_height: '40',
    })) as any;
    assert.equal(consensus.consensus_state.next_validators_hash, 'ABCD');
    assert.equal(consensus.consensus_state.timestamp, '2023-11-14T22:11:40Z');

    const channel = (await call('/ibc/core/channel/v1/channels/:channel_id/ports/:port_id', { channel_id: 'channel-1', port_id: 'transfer' })) as any;
    assert.deepEqual(channel.channel, {
      state: 'STATE_OPEN',
      ordering: 'ORDER_ORDERED',
      counterparty: { port_id: 'transfer', channel_id: 'channel-1-cp' },
      connection_hops: ['connection-1'],
      version: 'v1',
      upgrade_sequence: '0',
    });
    const unreceived = (await call('/ibc/core/channel/v1/channels/:channel_id/ports/:port_id/packet_commitments/:packet_commitment_sequences/unreceived_packets', {
      channel_id: 'channel-0',
      port_id: 'transfer',
      packet_commitment_sequences: '1,2,3',
    })) as any;
    assert.deepEqual(unreceived.sequences, ['1', '3']);
    const params = (await call('/ibc/core/connection/v1/params')) as any;
    assert.deepEqual(params, { params: { max_expected_time_per_block: '30000000000' } });
    const channelParams = (await call('/ibc/core/channel/v1/params')) as any;
    assert.deepEqual(channelParams, { params: { upgrade_timeout: { height: { revision_number: '0', revision_height: '0' }, timestamp: '600000000000' } } });

    await assert.rejects(call('/ibc/core/client/v1/client_states/:client_id', { client_id: '07-tendermint-9' }), (err: any) => err.grpcCode === 5 && /light client not found/.test(err.message));
  });

  it('answers over HTTP with grpc-gateway statuses (fastify, zod schemas, OpenAPI)', async () => {
    const { ctx, queries } = setup();
    const app = { name: 'zone', version: '0', bech32Prefix: 'cosmos', modules: [{ name: 'ibc', rest: ibcRest }], msgRoutes: new Map() } as unknown as AppDefinition;
    const query: AbciQuerier = async (path, data) => {
      try {
        return { value: ask(queries, ctx, path, data), height: HEIGHT };
      } catch (err) {
        const { codespace, code, log } = toAbciError(err);
        throw statusFromAbci(codespace, code, log);
      }
    };
    const server = await createRestServer({ app, query, cometRpcUrl: 'http://127.0.0.1:1', corsOrigins: [] });
    try {
      const get = async (url: string) => {
        const response = await server.fastify.inject({ url });
        return { status: response.statusCode, body: response.json() };
      };
      const C = '/ibc/core/channel/v1/channels/channel-0/ports/transfer';
      assert.deepEqual((await get(`${C}/packet_commitments/1,2,3/unreceived_acks`)).body.sequences, ['1', '2']);
      assert.deepEqual((await get(`${C}/packet_commitments/1,2,3/unreceived_packets`)).body.sequences, ['1', '3']);
      assert.equal((await get(`${C}/packet_commitments/4`)).body.commitment, Buffer.from(new Uint8Array(32).fill(4)).toString('base64'));
      assert.deepEqual((await get(`${C}/packet_acknowledgements?packet_commitment_sequences=2,3`)).body.acknowledgements.map((a: any) => a.sequence), ['2']);
      assert.deepEqual((await get(`${C}/packet_commitments?pagination.limit=2`)).body.pagination, { next_key: Buffer.from('/11').toString('base64'), total: '0' });
      assert.equal((await get(`${C}/packet_receipts/2`)).body.received, true);
      assert.equal((await get(`${C}/next_sequence_send`)).body.next_sequence_send, '13');
      assert.deepEqual((await get('/ibc/core/channel/v1/connections/connection-0/channels')).body.channels.map((c: any) => c.channel_id), ['channel-2', 'channel-0', 'channel-3']);
      assert.equal((await get('/ibc/core/client/v1/client_status/07-tendermint-2')).body.status, 'Frozen');
      assert.equal((await get('/ibc/core/client/v1/consensus_states/07-tendermint-0/revision/0/height/0?latest_height=true')).body.consensus_state.next_validators_hash, 'ABCD');
      assert.deepEqual((await get('/ibc/core/connection/v1/client_connections/07-tendermint-0')).body.connection_paths, ['connection-0']);
      assert.deepEqual(await get('/ibc/core/connection/v1/connections/connection-9'), {
        status: 404,
        body: { code: 5, message: 'connection-9: connection not found', details: [] },
      });
      assert.deepEqual(await get(`${C}/packet_commitments/0`), { status: 400, body: { code: 3, message: 'packet sequence cannot be 0', details: [] } });
      assert.equal((await get(`${C}/packet_commitments/1,x/unreceived_packets`)).status, 400);
      assert.equal((await get(`${C}/upgrade`)).status, 404);
      const openapi = (await get('/swagger/openapi.json')).body;
      assert.ok(openapi.paths['/ibc/core/channel/v1/channels/{channel_id}/ports/{port_id}/packet_commitments/{packet_ack_sequences}/unreceived_acks']);
    } finally {
      await server.close();
    }
  });

  it('renders Anys through the registered light client types', () => {
    const types = registerIbcJsonTypes(new JsonTypes());
    const json = ibcJson(types, QueryClientStateResponse, QueryClientStateResponse.encode({ clientState: tmClientState('chain-x', h(0n, 3n)), proof: new Uint8Array(), proofHeight: h(0n, 1n) }).finish()) as any;
    assert.equal(json.client_state.unbonding_period, '1814400s');
    assert.equal(json.client_state.proof_specs.length, 0);
    assert.deepEqual(json.client_state.trust_level, { numerator: '1', denominator: '3' });
  });
});

describe('CLI', () => {
  function cli(queries: Queries, ctx: Context) {
    const printed: unknown[] = [];
    const texts: string[] = [];
    const cliContext: CliContext = {
      home: '/nowhere',
      address: async (a) => a,
      coins: () => [],
      query: async (path, request) => {
        try {
          return ask(queries, ctx, path, request);
        } catch (err) {
          throw new Error(toAbciError(err).log);
        }
      },
      submit: async () => assert.fail('queries only'),
      print: (value, text) => {
        printed.push(value);
        texts.push(text());
      },
    };
    const run = (group: string, args: string[], options: Record<string, string | boolean | undefined> = {}) => {
      const command = ibcCli.query!.find((c) => c.usage.startsWith(`${group} `));
      assert.ok(command, `no ${group} command`);
      return command.run(cliContext, args, { node: 'http://localhost:26657', ...options });
    };
    return { run, printed, texts };
  }

  it("takes ibc-go's subcommands and prints the SDK's JSON", async () => {
    const { ctx, queries } = setup();
    const { run, printed, texts } = cli(queries, ctx);
    await run('client', ['state', '07-tendermint-0']);
    assert.equal((printed[0] as any).client_state.chain_id, 'chain-b');
    assert.match(texts[0]!, /chain id: chain-b\nlatest height: 2-50/);

    await run('client', ['consensus-state', '07-tendermint-0'], { latestHeight: true });
    assert.equal((printed[1] as any).consensus_state.timestamp, '2023-11-14T22:13:10Z');
    await run('client', ['consensus-state', '07-tendermint-0', '2-40']);
    assert.equal((printed[2] as any).consensus_state.timestamp, '2023-11-14T22:11:40Z');

    await run('channel', ['unreceived-packets', 'transfer', 'channel-0'], { sequences: '1,2,3' });
    assert.deepEqual((printed[3] as any).sequences, ['1', '3']);
    assert.equal(texts[3], '1\n3');

    await run('channel', ['packet-commitments', 'transfer', 'channel-0']);
    assert.equal((printed[4] as any).commitments.length, 10);
    assert.deepEqual((printed[4] as any).pagination, { next_key: null, total: '10' });

    await run('connection', ['connections']);
    assert.match(texts[5]!, /^connection-0 {2}STATE_OPEN {2}client 07-tendermint-0 → 07-tendermint-9\/connection-0-cp$/m);
    await run('channel', ['end', 'transfer', 'channel-0']);
    assert.match(texts[6]!, /^upgrade_sequence: 0$/m);
  });

  it('says what is wrong with a command line', async () => {
    const { ctx, queries } = setup();
    const { run } = cli(queries, ctx);
    await assert.rejects(run('client', ['nope']), /unknown ibc client query "nope"/);
    await assert.rejects(run('client', ['state']), /expected <client-id>, got 0 arguments/);
    await assert.rejects(run('client', ['consensus-state', '07-tendermint-0']), /must include a second 'height' argument/);
    await assert.rejects(run('client', ['status', '07-tendermint-0'], { latestHeight: true }), /--latest-height does not apply/);
    await assert.rejects(run('channel', ['unreceived-acks', 'transfer', 'channel-0'], { sequences: '1,x' }), /invalid --sequences/);
    await assert.rejects(run('connection', ['end', 'connection-9']), /connection-9: connection not found/);
  });
});
