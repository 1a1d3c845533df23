// IBC core's genesis (`app_state.ibc`), in ibc-go v8's JSON: clients with their consensus
// states and metadata, connections, channels, packet state and sequences, and the params.
// Export and import round-trip the store: a chain restarted from an export keeps its
// connections and every packet in flight.
import { Any } from 'cosmjs-types/google/protobuf/any';
import { GenesisState } from 'cosmjs-types/ibc/core/types/v1/genesis';
import { Channel, PacketState } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { ClientPaths, ConnectionEnd } from 'cosmjs-types/ibc/core/connection/v1/connection';
import type { Context } from '../../app/context.js';
import type { ModuleGenesis } from '../../app/module.js';
import { JsonTypes, type Json } from '../../app/rest/proto-json.js';
import { prefixIterator } from '../../app/store/index.js';
import { DEFAULT_CLIENT_PARAMS, type ClientKeeper } from './02-client/keeper.js';
import { parseHeight } from './02-client/height.js';
import { DEFAULT_CONNECTION_PARAMS, type ConnectionKeeper } from './03-connection/keeper.js';
import type { ChannelKeeper } from './04-channel/keeper.js';
import { KEY_CLIENT_STATE, KEY_CONSENSUS_STATE_PREFIX, consensusStatePath, key } from './24-host/paths.js';
import type { IbcStore } from './store.js';
import { decodeUint64 } from '../../app/store/collections/index.js';

type IbcGenesis = GenesisState;

const json = new JsonTypes();
const decoder = new TextDecoder();

export interface IbcKeepers {
  store: IbcStore;
  clients: ClientKeeper;
  connections: ConnectionKeeper;
  channels: ChannelKeeper;
}

export function ibcGenesis(k: IbcKeepers): ModuleGenesis<IbcGenesis> {
  return {
    defaults: () => toJson(GenesisState.fromPartial({
      clientGenesis: { params: DEFAULT_CLIENT_PARAMS },
      connectionGenesis: { params: DEFAULT_CONNECTION_PARAMS },
    })),
    validate(input) {
      const state = json.fromJson(GenesisState, input ?? {});
      if (state.clientGenesis.params.allowedClients.length === 0) state.clientGenesis.params = DEFAULT_CLIENT_PARAMS;
      if (state.connectionGenesis.params.maxExpectedTimePerBlock === 0n) state.connectionGenesis.params = DEFAULT_CONNECTION_PARAMS;
      for (const c of state.clientGenesis.clients) {
        if (c.clientState === undefined) throw new Error(`ibc genesis: client ${c.clientId} has no client state`);
        if (k.clients.lightClient(c.clientId) === undefined) throw new Error(`ibc genesis: no light client for ${c.clientId}`);
      }
      return state;
    },
    init: (ctx, state) => initIbc(ctx, k, state),
    export: (ctx) => toJson(exportIbc(ctx, k)),
  };
}

function toJson(state: GenesisState): Json {
  const out = json.toJson(GenesisState, state, { lossless: true }) as Record<string, Json>;
  // ibc-go v8 has no IBC v2 sections.
  return { client_genesis: out.client_genesis!, connection_genesis: out.connection_genesis!, channel_genesis: out.channel_genesis! };
}

function initIbc(ctx: Context, k: IbcKeepers, state: GenesisState): void {
  const { clientGenesis, connectionGenesis, channelGenesis } = state;
  k.clients.setParams(ctx, clientGenesis.params);
  k.clients.setNextClientSequence(ctx, clientGenesis.nextClientSequence);
  for (const client of clientGenesis.clients) {
    k.clients.clientStore(ctx, client.clientId).set(key(KEY_CLIENT_STATE), Any.encode(client.clientState!).finish());
  }
  for (const { clientId, consensusStates } of clientGenesis.clientsConsensus) {
    const store = k.clients.clientStore(ctx, clientId);
    for (const cs of consensusStates) store.set(key(consensusStatePath(cs.height)), Any.encode(cs.consensusState!).finish());
  }
  for (const { clientId, clientMetadata } of clientGenesis.clientsMetadata) {
    const store = k.clients.clientStore(ctx, clientId);
    for (const { key: metadataKey, value } of clientMetadata) store.set(metadataKey, value);
  }
  k.connections.setParams(ctx, connectionGenesis.params);
  k.connections.setNextConnectionSequence(ctx, connectionGenesis.nextConnectionSequence);
  for (const c of connectionGenesis.connections) {
    k.connections.setConnection(ctx, c.id, ConnectionEnd.fromPartial({ clientId: c.clientId, versions: c.versions, state: c.state, counterparty: c.counterparty, delayPeriod: c.delayPeriod }));
  }
  for (const { clientId, paths } of connectionGenesis.clientConnectionPaths) {
    k.store.set(ctx, `clients/${clientId}/connections`, encodeClientPaths(paths));
  }
  k.channels.setNextChannelSequence(ctx, channelGenesis.nextChannelSequence);
  for (const c of channelGenesis.channels) {
    k.channels.setChannel(ctx, c.portId, c.channelId, Channel.fromPartial({ state: c.state, ordering: c.ordering, counterparty: c.counterparty, connectionHops: c.connectionHops, version: c.version }));
  }
  for (const p of channelGenesis.commitments) k.channels.setPacketCommitment(ctx, p.portId, p.channelId, p.sequence, p.data);
  for (const p of channelGenesis.acknowledgements) k.channels.setPacketAcknowledgement(ctx, p.portId, p.channelId, p.sequence, p.data);
  for (const p of channelGenesis.receipts) k.channels.setPacketReceipt(ctx, p.portId, p.channelId, p.sequence);
  for (const s of channelGenesis.sendSequences) k.channels.setNextSequenceSend(ctx, s.portId, s.channelId, s.sequence);
  for (const s of channelGenesis.recvSequences) k.channels.setNextSequenceRecv(ctx, s.portId, s.channelId, s.sequence);
  for (const s of channelGenesis.ackSequences) k.channels.setNextSequenceAck(ctx, s.portId, s.channelId, s.sequence);
}

function encodeClientPaths(paths: readonly string[]): Uint8Array {
  return ClientPaths.encode({ paths: [...paths] }).finish();
}

function exportIbc(ctx: Context, k: IbcKeepers): GenesisState {
  const clientIds = [...k.clients.clientIds(ctx)];
  const clients = clientIds.map((clientId) => ({ clientId, clientState: k.clients.getClientState(ctx, clientId) }));
  const clientsConsensus = [];
  const clientsMetadata = [];
  for (const clientId of clientIds) {
    const store = k.clients.clientStore(ctx, clientId);
    const consensusStates = [];
    const metadata = [];
    for (const [entryKey, value] of store.iterator()) {
      const path = decoder.decode(entryKey);
      if (path === KEY_CLIENT_STATE || path === 'connections') continue;
      const parts = path.split('/');
      if (parts.length === 2 && parts[0] === KEY_CONSENSUS_STATE_PREFIX) consensusStates.push({ height: parseHeight(parts[1]!), consensusState: Any.decode(value) });
      else metadata.push({ key: entryKey.slice(), value: value.slice() });
    }
    if (consensusStates.length > 0) clientsConsensus.push({ clientId, consensusStates });
    if (metadata.length > 0) clientsMetadata.push({ clientId, clientMetadata: metadata });
  }
  const connections = [];
  const clientConnectionPaths = [];
  for (const [entryKey, value] of prefixIterator(k.store.kv(ctx), key('connections/'))) {
    const id = decoder.decode(entryKey).slice('connections/'.length);
    connections.push({ id, ...ConnectionEnd.decode(value) });
  }
  for (const clientId of clientIds) {
    const paths = k.connections.getClientConnectionPaths(ctx, clientId);
    if (paths !== undefined) clientConnectionPaths.push({ clientId, paths });
  }
  const channels = [];
  for (const [entryKey, value] of prefixIterator(k.store.kv(ctx), key('channelEnds/ports/'))) {
    const [, , portId, , channelId] = decoder.decode(entryKey).split('/');
    channels.push({ portId: portId!, channelId: channelId!, ...Channel.decode(value) });
  }
  const packets = (prefix: string, withData: boolean) =>
    [...prefixIterator(k.store.kv(ctx), key(`${prefix}/ports/`))].map(([entryKey, value]) => {
      const [, , portId, , channelId, , sequence] = decoder.decode(entryKey).split('/');
      return PacketState.fromPartial({ portId, channelId, sequence: BigInt(sequence!), data: withData ? value : new Uint8Array() });
    });
  const sequences = (prefix: string) =>
    [...prefixIterator(k.store.kv(ctx), key(`${prefix}/ports/`))].map(([entryKey, value]) => {
      const [, , portId, , channelId] = decoder.decode(entryKey).split('/');
      return { portId: portId!, channelId: channelId!, sequence: decodeUint64(value) };
    });
  return GenesisState.fromPartial({
    clientGenesis: {
      clients,
      clientsConsensus,
      clientsMetadata,
      params: k.clients.params(ctx),
      createLocalhost: false,
      nextClientSequence: k.clients.nextClientSequence(ctx),
    },
    connectionGenesis: {
      connections,
      clientConnectionPaths,
      nextConnectionSequence: k.connections.nextConnectionSequence(ctx),
      params: k.connections.params(ctx),
    },
    channelGenesis: {
      channels,
      acknowledgements: packets('acks', true),
      commitments: packets('commitments', true),
      receipts: packets('receipts', false),
      sendSequences: sequences('nextSequenceSend'),
      recvSequences: sequences('nextSequenceRecv'),
      ackSequences: sequences('nextSequenceAck'),
      nextChannelSequence: k.channels.nextChannelSequence(ctx),
    },
  });
}
