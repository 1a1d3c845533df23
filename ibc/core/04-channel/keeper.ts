// 04-channel: channel ends, their handshake, and the packet sequences under them. The
// handshake's app callbacks and the packet flow live beside it (packets.ts, msgs.ts).
import { Channel, Counterparty, Order, State, orderToJSON, stateToJSON } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import type { Context } from '../../../app/context.js';
import { ErrClientNotActive, ErrClientNotFound } from '../02-client/errors.js';
import { ErrConnectionNotFound, ErrInvalidConnectionState, ErrInvalidVersion } from '../03-connection/errors.js';
import { stateName as connectionStateName, type ConnectionKeeper } from '../03-connection/keeper.js';
import { verifySupportedFeature } from '../03-connection/version.js';
import { State as ConnectionState, type ConnectionEnd } from 'cosmjs-types/ibc/core/connection/v1/connection';
import {
  KEY_NEXT_CHANNEL_SEQUENCE,
  channelPath,
  nextSequenceAckPath,
  nextSequenceRecvPath,
  nextSequenceSendPath,
  packetAcknowledgementPath,
  packetCommitmentPath,
  packetReceiptPath,
} from '../24-host/paths.js';
import { formatIdentifier } from '../24-host/identifiers.js';
import type { IbcStore } from '../store.js';
import { ErrChannelNotFound, ErrInvalidChannelState, ErrTooManyConnectionHops } from './errors.js';
import { emitChannelHandshake } from './events.js';

/** A packet receipt's stored value (ibc-go writes one byte). */
const RECEIPT = new Uint8Array([1]);

export const channelStateName = (state: State) => stateToJSON(state);

export class ChannelKeeper {
  constructor(
    private readonly store: IbcStore,
    readonly connections: ConnectionKeeper,
  ) {}

  nextChannelSequence(ctx: Context): bigint {
    return this.store.getU64(ctx, KEY_NEXT_CHANNEL_SEQUENCE) ?? 0n;
  }

  setNextChannelSequence(ctx: Context, sequence: bigint): void {
    this.store.setU64(ctx, KEY_NEXT_CHANNEL_SEQUENCE, sequence);
  }

  getChannel(ctx: Context, portId: string, channelId: string): Channel | undefined {
    const bytes = this.store.get(ctx, channelPath(portId, channelId));
    return bytes === undefined ? undefined : Channel.decode(bytes);
  }

  setChannel(ctx: Context, portId: string, channelId: string, channel: Channel): void {
    this.store.set(ctx, channelPath(portId, channelId), Channel.encode(channel).finish());
  }

  getNextSequenceSend(ctx: Context, portId: string, channelId: string): bigint | undefined {
    return this.store.getU64(ctx, nextSequenceSendPath(portId, channelId));
  }

  setNextSequenceSend(ctx: Context, portId: string, channelId: string, sequence: bigint): void {
    this.store.setU64(ctx, nextSequenceSendPath(portId, channelId), sequence);
  }

  getNextSequenceRecv(ctx: Context, portId: string, channelId: string): bigint | undefined {
    return this.store.getU64(ctx, nextSequenceRecvPath(portId, channelId));
  }

  setNextSequenceRecv(ctx: Context, portId: string, channelId: string, sequence: bigint): void {
    this.store.setU64(ctx, nextSequenceRecvPath(portId, channelId), sequence);
  }

  getNextSequenceAck(ctx: Context, portId: string, channelId: string): bigint | undefined {
    return this.store.getU64(ctx, nextSequenceAckPath(portId, channelId));
  }

  setNextSequenceAck(ctx: Context, portId: string, channelId: string, sequence: bigint): void {
    this.store.setU64(ctx, nextSequenceAckPath(portId, channelId), sequence);
  }

  getPacketCommitment(ctx: Context, portId: string, channelId: string, sequence: bigint): Uint8Array | undefined {
    return this.store.get(ctx, packetCommitmentPath(portId, channelId, sequence));
  }

  setPacketCommitment(ctx: Context, portId: string, channelId: string, sequence: bigint, commitment: Uint8Array): void {
    this.store.set(ctx, packetCommitmentPath(portId, channelId, sequence), commitment);
  }

  deletePacketCommitment(ctx: Context, portId: string, channelId: string, sequence: bigint): void {
    this.store.delete(ctx, packetCommitmentPath(portId, channelId, sequence));
  }

  hasPacketReceipt(ctx: Context, portId: string, channelId: string, sequence: bigint): boolean {
    return this.store.has(ctx, packetReceiptPath(portId, channelId, sequence));
  }

  setPacketReceipt(ctx: Context, portId: string, channelId: string, sequence: bigint): void {
    this.store.set(ctx, packetReceiptPath(portId, channelId, sequence), RECEIPT);
  }

  getPacketAcknowledgement(ctx: Context, portId: string, channelId: string, sequence: bigint): Uint8Array | undefined {
    return this.store.get(ctx, packetAcknowledgementPath(portId, channelId, sequence));
  }

  setPacketAcknowledgement(ctx: Context, portId: string, channelId: string, sequence: bigint, ackCommitment: Uint8Array): void {
    this.store.set(ctx, packetAcknowledgementPath(portId, channelId, sequence), ackCommitment);
  }

  /** The channel's connection, or 03-connection's not-found error. */
  connectionOf(ctx: Context, channel: Channel): ConnectionEnd {
    const connectionId = channel.connectionHops[0]!;
    const connection = this.connections.getConnection(ctx, connectionId);
    if (connection === undefined) throw ErrConnectionNotFound.wrap(connectionId);
    return connection;
  }

  requireOpenConnection(connection: ConnectionEnd): void {
    if (connection.state !== ConnectionState.STATE_OPEN) {
      throw ErrInvalidConnectionState.wrap(`connection state is not OPEN (got ${connectionStateName(connection.state)})`);
    }
  }

  requireChannel(ctx: Context, portId: string, channelId: string): Channel {
    const channel = this.getChannel(ctx, portId, channelId);
    if (channel === undefined) throw ErrChannelNotFound.wrap(`port ID (${portId}) channel ID (${channelId})`);
    return channel;
  }

  private requireActiveClient(ctx: Context, clientId: string): void {
    if (!this.connections.clients.hasClient(ctx, clientId)) throw ErrClientNotFound.wrap(`clientID (${clientId})`);
    const status = this.connections.clients.status(ctx, clientId);
    if (status !== 'Active') throw ErrClientNotActive.wrap(`client (${clientId}) status is ${status}`);
  }

  private requireOrderingSupported(connection: ConnectionEnd, order: Order): void {
    if (connection.versions.length !== 1) {
      throw ErrInvalidVersion.wrap(`single version must be negotiated on connection before opening channel, got: ${JSON.stringify(connection.versions)}`);
    }
    if (!verifySupportedFeature(connection.versions[0]!, orderToJSON(order))) {
      throw ErrInvalidVersion.wrap(`connection version ${JSON.stringify(connection.versions[0])} does not support channel ordering: ${orderToJSON(order)}`);
    }
  }

  private generateChannelId(ctx: Context): string {
    const sequence = this.nextChannelSequence(ctx);
    this.setNextChannelSequence(ctx, sequence + 1n);
    return formatIdentifier('channel', sequence);
  }

  /** Checks, then reserves the channel id; the app callback runs before writeOpenInit. */
  chanOpenInit(ctx: Context, order: Order, connectionHops: readonly string[], _portId: string): string {
    const connection = this.connections.getConnection(ctx, connectionHops[0]!);
    if (connection === undefined) throw ErrConnectionNotFound.wrap(connectionHops[0]!);
    this.requireOrderingSupported(connection, order);
    this.requireActiveClient(ctx, connection.clientId);
    return this.generateChannelId(ctx);
  }

  writeOpenInit(ctx: Context, portId: string, channelId: string, order: Order, connectionHops: readonly string[], counterparty: Counterparty, version: string): void {
    const channel = Channel.fromPartial({ state: State.STATE_INIT, ordering: order, counterparty, connectionHops: [...connectionHops], version });
    this.setChannel(ctx, portId, channelId, channel);
    this.initSequences(ctx, portId, channelId);
    emitChannelHandshake(ctx, 'channel_open_init', portId, channelId, channel);
  }

  chanOpenTry(ctx: Context, order: Order, connectionHops: readonly string[], portId: string, counterparty: Counterparty, counterpartyVersion: string, initProof: Uint8Array, proofHeight: Height): string {
    if (connectionHops.length !== 1) throw ErrTooManyConnectionHops.wrap(`expected 1, got ${connectionHops.length}`);
    const channelId = this.generateChannelId(ctx);
    const connection = this.connections.getConnection(ctx, connectionHops[0]!);
    if (connection === undefined) throw ErrConnectionNotFound.wrap(connectionHops[0]!);
    this.requireOpenConnection(connection);
    this.requireOrderingSupported(connection, order);
    const expected = Channel.fromPartial({
      state: State.STATE_INIT,
      ordering: order,
      counterparty: { portId, channelId: '' },
      connectionHops: [connection.counterparty.connectionId],
      version: counterpartyVersion,
    });
    this.connections.verifyChannelState(ctx, connection, proofHeight, initProof, counterparty.portId, counterparty.channelId, expected);
    return channelId;
  }

  writeOpenTry(ctx: Context, portId: string, channelId: string, order: Order, connectionHops: readonly string[], counterparty: Counterparty, version: string): void {
    const channel = Channel.fromPartial({ state: State.STATE_TRYOPEN, ordering: order, counterparty, connectionHops: [...connectionHops], version });
    this.setChannel(ctx, portId, channelId, channel);
    this.initSequences(ctx, portId, channelId);
    emitChannelHandshake(ctx, 'channel_open_try', portId, channelId, channel);
  }

  chanOpenAck(ctx: Context, portId: string, channelId: string, counterpartyVersion: string, counterpartyChannelId: string, tryProof: Uint8Array, proofHeight: Height): void {
    const channel = this.requireChannel(ctx, portId, channelId);
    if (channel.state !== State.STATE_INIT) throw ErrInvalidChannelState.wrap(`channel state should be INIT (got ${channelStateName(channel.state)})`);
    const connection = this.connectionOf(ctx, channel);
    this.requireOpenConnection(connection);
    const expected = Channel.fromPartial({
      state: State.STATE_TRYOPEN,
      ordering: channel.ordering,
      counterparty: { portId, channelId },
      connectionHops: [connection.counterparty.connectionId],
      version: counterpartyVersion,
    });
    this.connections.verifyChannelState(ctx, connection, proofHeight, tryProof, channel.counterparty.portId, counterpartyChannelId, expected);
  }

  writeOpenAck(ctx: Context, portId: string, channelId: string, counterpartyVersion: string, counterpartyChannelId: string): void {
    const channel = this.requireChannel(ctx, portId, channelId);
    channel.state = State.STATE_OPEN;
    channel.version = counterpartyVersion;
    channel.counterparty.channelId = counterpartyChannelId;
    this.setChannel(ctx, portId, channelId, channel);
    emitChannelHandshake(ctx, 'channel_open_ack', portId, channelId, channel);
  }

  chanOpenConfirm(ctx: Context, portId: string, channelId: string, ackProof: Uint8Array, proofHeight: Height): void {
    const channel = this.requireChannel(ctx, portId, channelId);
    if (channel.state !== State.STATE_TRYOPEN) throw ErrInvalidChannelState.wrap(`channel state is not TRYOPEN (got ${channelStateName(channel.state)})`);
    const connection = this.connectionOf(ctx, channel);
    this.requireOpenConnection(connection);
    const expected = Channel.fromPartial({
      state: State.STATE_OPEN,
      ordering: channel.ordering,
      counterparty: { portId, channelId },
      connectionHops: [connection.counterparty.connectionId],
      version: channel.version,
    });
    this.connections.verifyChannelState(ctx, connection, proofHeight, ackProof, channel.counterparty.portId, channel.counterparty.channelId, expected);
  }

  writeOpenConfirm(ctx: Context, portId: string, channelId: string): void {
    const channel = this.requireChannel(ctx, portId, channelId);
    channel.state = State.STATE_OPEN;
    this.setChannel(ctx, portId, channelId, channel);
    emitChannelHandshake(ctx, 'channel_open_confirm', portId, channelId, channel);
  }

  chanCloseInit(ctx: Context, portId: string, channelId: string): void {
    const channel = this.requireChannel(ctx, portId, channelId);
    if (channel.state === State.STATE_CLOSED) throw ErrInvalidChannelState.wrap('channel is already CLOSED');
    const connection = this.connectionOf(ctx, channel);
    this.requireActiveClient(ctx, connection.clientId);
    this.requireOpenConnection(connection);
    channel.state = State.STATE_CLOSED;
    this.setChannel(ctx, portId, channelId, channel);
    emitChannelHandshake(ctx, 'channel_close_init', portId, channelId, channel);
  }

  chanCloseConfirm(ctx: Context, portId: string, channelId: string, initProof: Uint8Array, proofHeight: Height, counterpartyUpgradeSequence: bigint): void {
    const channel = this.requireChannel(ctx, portId, channelId);
    if (channel.state === State.STATE_CLOSED) throw ErrInvalidChannelState.wrap('channel is already CLOSED');
    const connection = this.connectionOf(ctx, channel);
    this.requireOpenConnection(connection);
    const expected = Channel.fromPartial({
      state: State.STATE_CLOSED,
      ordering: channel.ordering,
      counterparty: { portId, channelId },
      connectionHops: [connection.counterparty.connectionId],
      version: channel.version,
    });
    this.connections.verifyChannelState(ctx, connection, proofHeight, initProof, channel.counterparty.portId, channel.counterparty.channelId, expected, counterpartyUpgradeSequence);
    channel.state = State.STATE_CLOSED;
    this.setChannel(ctx, portId, channelId, channel);
    emitChannelHandshake(ctx, 'channel_close_confirm', portId, channelId, channel);
  }

  private initSequences(ctx: Context, portId: string, channelId: string): void {
    this.setNextSequenceSend(ctx, portId, channelId, 1n);
    this.setNextSequenceRecv(ctx, portId, channelId, 1n);
    this.setNextSequenceAck(ctx, portId, channelId, 1n);
  }
}
