// The packet flow (ICS-04): send, receive with replay protection, write and verify
// acknowledgements, and timeouts. Each function checks first and writes last, so a failure
// leaves the store as it was (the tx's branch is dropped in any case).
import { Order, State, type Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import type { Context } from '../../../app/context.js';
import { bytesEqual } from '../../../app/tx/address.js';
import { ErrClientNotActive } from '../02-client/errors.js';
import { selfHeight, blockTimeNanos } from '../02-client/height.js';
import { ErrInvalidPacket as ErrHostInvalidPacket } from '../24-host/errors.js';
import { validateChannelId, validatePortId } from '../24-host/identifiers.js';
import { commitAcknowledgement, commitPacket } from './commitment.js';
import { withContext } from '../errors.js';
import {
  ErrAcknowledgementExists,
  ErrInvalidAcknowledgement,
  ErrInvalidChannelState,
  ErrInvalidPacket,
  ErrNoOpMsg,
  ErrPacketReceived,
  ErrPacketSequenceOutOfOrder,
  ErrSequenceAckNotFound,
  ErrSequenceReceiveNotFound,
  ErrSequenceSendNotFound,
} from './errors.js';
import { emitAcknowledgePacket, emitChannelClosed, emitRecvPacket, emitSendPacket, emitTimeoutPacket, emitWriteAcknowledgement } from './events.js';
import { channelStateName, type ChannelKeeper } from './keeper.js';
import { timeoutElapsed, timeoutElapsedError, timeoutNotReachedError } from './timeout.js';

/** ibc-go's Packet.ValidateBasic. */
export function validatePacket(packet: Packet): void {
  const ids: Array<[string, (id: string) => void, string]> = [
    [packet.sourcePort, validatePortId, 'invalid source port ID'],
    [packet.destinationPort, validatePortId, 'invalid destination port ID'],
    [packet.sourceChannel, validateChannelId, 'invalid source channel ID'],
    [packet.destinationChannel, validateChannelId, 'invalid destination channel ID'],
  ];
  for (const [id, validate, what] of ids) {
    try {
      validate(id);
    } catch (err) {
      throw ErrInvalidPacket.wrap(`${what}: ${(err as Error).message}`);
    }
  }
  if (packet.sequence === 0n) throw ErrInvalidPacket.wrap('packet sequence cannot be 0');
  if (packet.timeoutHeight.revisionNumber === 0n && packet.timeoutHeight.revisionHeight === 0n && packet.timeoutTimestamp === 0n) {
    throw ErrInvalidPacket.wrap('packet timeout height and packet timeout timestamp cannot both be 0');
  }
  if (packet.data.length === 0) throw ErrHostInvalidPacket.wrap('packet data bytes cannot be empty');
}

const RECEIVABLE = [State.STATE_OPEN];

export function sendPacket(k: ChannelKeeper, ctx: Context, sourcePort: string, sourceChannel: string, timeoutHeight: Height, timeoutTimestamp: bigint, data: Uint8Array): bigint {
  const channel = k.requireChannel(ctx, sourcePort, sourceChannel);
  if (channel.state !== State.STATE_OPEN) throw ErrInvalidChannelState.wrap(`channel is not OPEN (got ${channelStateName(channel.state)})`);
  const sequence = k.getNextSequenceSend(ctx, sourcePort, sourceChannel);
  if (sequence === undefined) throw ErrSequenceSendNotFound.wrap(`source port: ${sourcePort}, source channel: ${sourceChannel}`);
  const packet: Packet = {
    sequence,
    sourcePort,
    sourceChannel,
    destinationPort: channel.counterparty.portId,
    destinationChannel: channel.counterparty.channelId,
    data,
    timeoutHeight,
    timeoutTimestamp,
  };
  withContext('constructed packet failed basic validation', () => validatePacket(packet));
  const connection = k.connectionOf(ctx, channel);
  const clients = k.connections.clients;
  const status = clients.status(ctx, connection.clientId);
  if (status !== 'Active') throw ErrClientNotActive.wrap(`cannot send packet using client (${connection.clientId}) with status ${status}`);
  // A packet that has already timed out on the counterparty, as our client of it knows it, is refused.
  const latestHeight = clients.latestHeight(ctx, connection.clientId);
  const latestTimestamp = k.connections.timestampAtHeight(ctx, connection, latestHeight);
  if (timeoutElapsed(packet, latestHeight, latestTimestamp)) {
    throw timeoutElapsedError(packet, latestHeight, latestTimestamp).wrap('invalid packet timeout');
  }
  k.setNextSequenceSend(ctx, sourcePort, sourceChannel, sequence + 1n);
  k.setPacketCommitment(ctx, sourcePort, sourceChannel, sequence, commitPacket(packet));
  emitSendPacket(ctx, packet, channel);
  return sequence;
}

/**
 * Verifies a received packet and records it (receipt or next sequence). Throws ErrNoOpMsg
 * for a packet already received: a redundant relay, which the caller turns into a no-op.
 */
export function recvPacket(k: ChannelKeeper, ctx: Context, packet: Packet, proof: Uint8Array, proofHeight: Height): void {
  const channel = k.requireChannel(ctx, packet.destinationPort, packet.destinationChannel);
  if (!RECEIVABLE.includes(channel.state)) {
    throw ErrInvalidChannelState.wrap(`expected channel state to be one of [STATE_OPEN, STATE_FLUSHING, STATE_FLUSHCOMPLETE], but got ${channelStateName(channel.state)}`);
  }
  if (packet.sourcePort !== channel.counterparty.portId) {
    throw ErrInvalidPacket.wrap(`packet source port doesn't match the counterparty's port (${packet.sourcePort} ≠ ${channel.counterparty.portId})`);
  }
  if (packet.sourceChannel !== channel.counterparty.channelId) {
    throw ErrInvalidPacket.wrap(`packet source channel doesn't match the counterparty's channel (${packet.sourceChannel} ≠ ${channel.counterparty.channelId})`);
  }
  const connection = k.connectionOf(ctx, channel);
  k.requireOpenConnection(connection);
  const height = selfHeight(ctx);
  const now = blockTimeNanos(ctx);
  if (timeoutElapsed(packet, height, now)) throw timeoutElapsedError(packet, height, now).wrap('packet timeout elapsed');
  withContext("couldn't verify counterparty packet commitment", () =>
    k.connections.verifyPacketCommitment(ctx, connection, proofHeight, proof, packet.sourcePort, packet.sourceChannel, packet.sequence, commitPacket(packet)),
  );
  applyReplayProtection(k, ctx, packet, channel.ordering);
  emitRecvPacket(ctx, packet, channel);
}

/**
 * ibc-go's RecvPacketReCheckTx: ReCheckTx (after each block, over the mempool) only repeats
 * replay protection, since the proof was verified when the tx entered the mempool. Throws
 * ErrNoOpMsg once the packet is received, and ErrPacketSequenceOutOfOrder for an ORDERED
 * packet past the next receive sequence.
 */
export function recvPacketReCheckTx(k: ChannelKeeper, ctx: Context, packet: Packet): void {
  const channel = k.requireChannel(ctx, packet.destinationPort, packet.destinationChannel);
  applyReplayProtection(k, ctx, packet, channel.ordering);
}

function applyReplayProtection(k: ChannelKeeper, ctx: Context, packet: Packet, ordering: Order): void {
  const port = packet.destinationPort;
  const channelId = packet.destinationChannel;
  if (ordering === Order.ORDER_UNORDERED) {
    if (k.hasPacketReceipt(ctx, port, channelId, packet.sequence)) throw ErrNoOpMsg;
    k.setPacketReceipt(ctx, port, channelId, packet.sequence);
    return;
  }
  const next = k.getNextSequenceRecv(ctx, port, channelId);
  if (next === undefined) throw ErrSequenceReceiveNotFound.wrap(`destination port: ${port}, destination channel: ${channelId}`);
  if (packet.sequence < next) throw ErrNoOpMsg;
  if (packet.sequence !== next) throw ErrPacketSequenceOutOfOrder.wrap(`packet sequence ≠ next receive sequence (${packet.sequence} ≠ ${next})`);
  k.setNextSequenceRecv(ctx, port, channelId, next + 1n);
}

export function writeAcknowledgement(k: ChannelKeeper, ctx: Context, packet: Packet, acknowledgement: Uint8Array): void {
  const channel = k.requireChannel(ctx, packet.destinationPort, packet.destinationChannel);
  if (!RECEIVABLE.includes(channel.state)) {
    throw ErrInvalidChannelState.wrap(`expected one of [STATE_OPEN, STATE_FLUSHING, STATE_FLUSHCOMPLETE], got ${channelStateName(channel.state)}`);
  }
  if (k.getPacketAcknowledgement(ctx, packet.destinationPort, packet.destinationChannel, packet.sequence) !== undefined) throw ErrAcknowledgementExists;
  if (acknowledgement.length === 0) throw ErrInvalidAcknowledgement.wrap('acknowledgement cannot be empty');
  k.setPacketAcknowledgement(ctx, packet.destinationPort, packet.destinationChannel, packet.sequence, commitAcknowledgement(acknowledgement));
  emitWriteAcknowledgement(ctx, packet, channel, acknowledgement);
}

/** Verifies the counterparty's acknowledgement of a packet we sent, and forgets the packet. Throws ErrNoOpMsg when already acknowledged. */
export function acknowledgePacket(k: ChannelKeeper, ctx: Context, packet: Packet, acknowledgement: Uint8Array, proof: Uint8Array, proofHeight: Height): void {
  const channel = k.requireChannel(ctx, packet.sourcePort, packet.sourceChannel);
  if (channel.state !== State.STATE_OPEN) {
    throw ErrInvalidChannelState.wrap(`packets cannot be acknowledged on channel with state (${channelStateName(channel.state)})`);
  }
  requireCounterpartyDestination(packet, channel.counterparty);
  const connection = k.connectionOf(ctx, channel);
  k.requireOpenConnection(connection);
  const commitment = k.getPacketCommitment(ctx, packet.sourcePort, packet.sourceChannel, packet.sequence);
  if (commitment === undefined) {
    emitAcknowledgePacket(ctx, packet, channel);
    throw ErrNoOpMsg;
  }
  const expected = commitPacket(packet);
  if (!bytesEqual(commitment, expected)) {
    throw ErrInvalidPacket.wrap(`commitment bytes are not equal: got (${hex(expected)}), expected (${hex(commitment)})`);
  }
  k.connections.verifyPacketAcknowledgement(ctx, connection, proofHeight, proof, packet.destinationPort, packet.destinationChannel, packet.sequence, commitAcknowledgement(acknowledgement));
  if (channel.ordering === Order.ORDER_ORDERED) {
    const next = k.getNextSequenceAck(ctx, packet.sourcePort, packet.sourceChannel);
    if (next === undefined) throw ErrSequenceAckNotFound.wrap(`source port: ${packet.sourcePort}, source channel: ${packet.sourceChannel}`);
    if (packet.sequence !== next) throw ErrPacketSequenceOutOfOrder.wrap(`packet sequence ≠ next ack sequence (${packet.sequence} ≠ ${next})`);
    k.setNextSequenceAck(ctx, packet.sourcePort, packet.sourceChannel, next + 1n);
  }
  k.deletePacketCommitment(ctx, packet.sourcePort, packet.sourceChannel, packet.sequence);
  emitAcknowledgePacket(ctx, packet, channel);
}

/** Verifies the counterparty never received `packet` before its timeout. Throws ErrNoOpMsg when already settled. */
export function timeoutPacket(k: ChannelKeeper, ctx: Context, packet: Packet, proof: Uint8Array, proofHeight: Height, nextSequenceRecv: bigint): void {
  const channel = k.requireChannel(ctx, packet.sourcePort, packet.sourceChannel);
  requireCounterpartyDestination(packet, channel.counterparty);
  const connection = k.connectionOf(ctx, channel);
  const proofTimestamp = k.connections.timestampAtHeight(ctx, connection, proofHeight);
  if (!timeoutElapsed(packet, proofHeight, proofTimestamp)) throw timeoutNotReachedError(packet, proofHeight, proofTimestamp).wrap('packet timeout not reached');
  requireCommitment(k, ctx, packet, channel);
  verifyNotReceived(k, ctx, packet, channel.ordering, connection, proof, proofHeight, nextSequenceRecv, ErrPacketReceived);
}

/** Like timeoutPacket, for a packet whose destination channel was closed (proved by `closedProof`). */
export function timeoutOnClose(
  k: ChannelKeeper,
  ctx: Context,
  packet: Packet,
  proof: Uint8Array,
  closedProof: Uint8Array,
  proofHeight: Height,
  nextSequenceRecv: bigint,
  counterpartyUpgradeSequence: bigint,
): void {
  const channel = k.requireChannel(ctx, packet.sourcePort, packet.sourceChannel);
  requireCounterpartyDestination(packet, channel.counterparty);
  const connection = k.connectionOf(ctx, channel);
  requireCommitment(k, ctx, packet, channel);
  const expected = {
    state: State.STATE_CLOSED,
    ordering: channel.ordering,
    counterparty: { portId: packet.sourcePort, channelId: packet.sourceChannel },
    connectionHops: [connection.counterparty.connectionId],
    version: channel.version,
  };
  k.connections.verifyChannelState(ctx, connection, proofHeight, closedProof, channel.counterparty.portId, channel.counterparty.channelId, expected, counterpartyUpgradeSequence);
  verifyNotReceived(k, ctx, packet, channel.ordering, connection, proof, proofHeight, nextSequenceRecv, ErrInvalidPacket);
}

/** After the app's OnTimeoutPacket: forget the packet; an ORDERED channel closes. */
export function timeoutExecuted(k: ChannelKeeper, ctx: Context, packet: Packet): void {
  const channel = k.requireChannel(ctx, packet.sourcePort, packet.sourceChannel);
  k.deletePacketCommitment(ctx, packet.sourcePort, packet.sourceChannel, packet.sequence);
  if (channel.ordering === Order.ORDER_ORDERED) {
    channel.state = State.STATE_CLOSED;
    k.setChannel(ctx, packet.sourcePort, packet.sourceChannel, channel);
    emitChannelClosed(ctx, packet, channel);
  }
  emitTimeoutPacket(ctx, packet, channel);
}

function requireCounterpartyDestination(packet: Packet, counterparty: { portId: string; channelId: string }): void {
  if (packet.destinationPort !== counterparty.portId) {
    throw ErrInvalidPacket.wrap(`packet destination port doesn't match the counterparty's port (${packet.destinationPort} ≠ ${counterparty.portId})`);
  }
  if (packet.destinationChannel !== counterparty.channelId) {
    throw ErrInvalidPacket.wrap(`packet destination channel doesn't match the counterparty's channel (${packet.destinationChannel} ≠ ${counterparty.channelId})`);
  }
}

function requireCommitment(k: ChannelKeeper, ctx: Context, packet: Packet, channel: Parameters<typeof emitTimeoutPacket>[2]): void {
  const commitment = k.getPacketCommitment(ctx, packet.sourcePort, packet.sourceChannel, packet.sequence);
  if (commitment === undefined) {
    emitTimeoutPacket(ctx, packet, channel);
    throw ErrNoOpMsg;
  }
  const expected = commitPacket(packet);
  if (!bytesEqual(commitment, expected)) {
    throw ErrInvalidPacket.wrap(`packet commitment bytes are not equal: got (${hex(commitment)}), expected (${hex(expected)})`);
  }
}

function verifyNotReceived(
  k: ChannelKeeper,
  ctx: Context,
  packet: Packet,
  ordering: Order,
  connection: Parameters<ChannelKeeper['requireOpenConnection']>[0],
  proof: Uint8Array,
  proofHeight: Height,
  nextSequenceRecv: bigint,
  receivedError: typeof ErrPacketReceived,
): void {
  if (ordering === Order.ORDER_ORDERED) {
    if (nextSequenceRecv > packet.sequence) {
      throw receivedError.wrap(`packet already received, next sequence receive > packet sequence (${nextSequenceRecv} > ${packet.sequence})`);
    }
    k.connections.verifyNextSequenceRecv(ctx, connection, proofHeight, proof, packet.destinationPort, packet.destinationChannel, nextSequenceRecv);
  } else {
    k.connections.verifyPacketReceiptAbsence(ctx, connection, proofHeight, proof, packet.destinationPort, packet.destinationChannel, packet.sequence);
  }
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
