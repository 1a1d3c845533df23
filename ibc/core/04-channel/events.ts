// 04-channel's events, with ibc-go's attribute keys: relayers find packets to relay by them.
import { orderToJSON, type Channel, type Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Context } from '../../../app/context.js';
import { formatHeight } from '../02-client/height.js';

export const MODULE_CATEGORY = 'ibc_channel';

type HandshakeEvent = 'channel_open_init' | 'channel_open_try' | 'channel_open_ack' | 'channel_open_confirm' | 'channel_close_init' | 'channel_close_confirm';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

function emitModule(ctx: Context): void {
  ctx.events.emit('message', ['module', MODULE_CATEGORY]);
}

export function emitChannelHandshake(ctx: Context, type: HandshakeEvent, portId: string, channelId: string, channel: Channel): void {
  const attributes: Array<[string, string]> = [
    ['port_id', portId],
    ['channel_id', channelId],
    ['counterparty_port_id', channel.counterparty.portId],
  ];
  if (type !== 'channel_open_init') attributes.push(['counterparty_channel_id', channel.counterparty.channelId]);
  attributes.push(['connection_id', channel.connectionHops[0]!]);
  if (type === 'channel_open_init' || type === 'channel_open_try') attributes.push(['version', channel.version]);
  ctx.events.emit(type, ...attributes);
  emitModule(ctx);
}

function packetAttributes(packet: Packet): Array<[string, string]> {
  return [
    ['packet_timeout_height', formatHeight(packet.timeoutHeight)],
    ['packet_timeout_timestamp', packet.timeoutTimestamp.toString()],
    ['packet_sequence', packet.sequence.toString()],
    ['packet_src_port', packet.sourcePort],
    ['packet_src_channel', packet.sourceChannel],
    ['packet_dst_port', packet.destinationPort],
    ['packet_dst_channel', packet.destinationChannel],
  ];
}

export function emitSendPacket(ctx: Context, packet: Packet, channel: Channel): void {
  ctx.events.emit(
    'send_packet',
    ['packet_data', text(packet.data)],
    ['packet_data_hex', hex(packet.data)],
    ...packetAttributes(packet),
    ['packet_channel_ordering', orderToJSON(channel.ordering)],
    ['packet_connection', channel.connectionHops[0]!],
    ['connection_id', channel.connectionHops[0]!],
  );
  emitModule(ctx);
}

export function emitRecvPacket(ctx: Context, packet: Packet, channel: Channel): void {
  ctx.events.emit(
    'recv_packet',
    ['packet_data', text(packet.data)],
    ['packet_data_hex', hex(packet.data)],
    ...packetAttributes(packet),
    ['packet_channel_ordering', orderToJSON(channel.ordering)],
    ['packet_connection', channel.connectionHops[0]!],
    ['connection_id', channel.connectionHops[0]!],
  );
  emitModule(ctx);
}

export function emitWriteAcknowledgement(ctx: Context, packet: Packet, channel: Channel, acknowledgement: Uint8Array): void {
  ctx.events.emit(
    'write_acknowledgement',
    ['packet_data', text(packet.data)],
    ['packet_data_hex', hex(packet.data)],
    ...packetAttributes(packet),
    ['packet_ack', text(acknowledgement)],
    ['packet_ack_hex', hex(acknowledgement)],
    ['packet_channel_ordering', orderToJSON(channel.ordering)],
    ['packet_connection', channel.connectionHops[0]!],
    ['connection_id', channel.connectionHops[0]!],
  );
  emitModule(ctx);
}

export function emitAcknowledgePacket(ctx: Context, packet: Packet, channel: Channel): void {
  ctx.events.emit(
    'acknowledge_packet',
    ...packetAttributes(packet),
    ['packet_channel_ordering', orderToJSON(channel.ordering)],
    ['packet_connection', channel.connectionHops[0]!],
    ['connection_id', channel.connectionHops[0]!],
  );
  emitModule(ctx);
}

export function emitTimeoutPacket(ctx: Context, packet: Packet, channel: Channel): void {
  ctx.events.emit('timeout_packet', ...packetAttributes(packet), ['connection_id', channel.connectionHops[0]!], ['packet_channel_ordering', orderToJSON(channel.ordering)]);
  emitModule(ctx);
}

/** An ORDERED channel closed by a timeout. */
export function emitChannelClosed(ctx: Context, packet: Packet, channel: Channel): void {
  ctx.events.emit(
    'channel_close',
    ['port_id', packet.sourcePort],
    ['channel_id', packet.sourceChannel],
    ['counterparty_port_id', channel.counterparty.portId],
    ['counterparty_channel_id', channel.counterparty.channelId],
    ['connection_id', channel.connectionHops[0]!],
    ['packet_channel_ordering', orderToJSON(channel.ordering)],
  );
  emitModule(ctx);
}
