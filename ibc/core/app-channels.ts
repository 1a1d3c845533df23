// What IBC applications (transfer, interchain accounts, ...) may do with channels: read
// them and their connections, send packets on them and acknowledge packets they received
// later. Nothing else of core is theirs to touch.
import type { Channel, Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { ConnectionEnd } from 'cosmjs-types/ibc/core/connection/v1/connection';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import { ClientState as TendermintClientState } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import type { Context } from '../../app/context.js';
import type { ChannelKeeper } from './04-channel/keeper.js';
import { sendPacket, writeAcknowledgement } from './04-channel/packets.js';

export interface AppChannelKeeper {
  getChannel(ctx: Context, portId: string, channelId: string): Channel | undefined;
  /** The connection a channel runs over (ICS-27 checks its counterparty's id against the channel version). */
  getConnection(ctx: Context, connectionId: string): ConnectionEnd | undefined;
  getNextSequenceSend(ctx: Context, portId: string, channelId: string): bigint | undefined;
  /** The chain id of the chain at the other end of a channel (its Tendermint client's), or undefined. */
  counterpartyChainId(ctx: Context, portId: string, channelId: string): string | undefined;
  /** Commits a packet on an OPEN channel whose timeout has not passed on the counterparty; returns its sequence. */
  sendPacket(ctx: Context, sourcePort: string, sourceChannel: string, timeoutHeight: Height, timeoutTimestamp: bigint, data: Uint8Array): bigint;
  /** An asynchronous acknowledgement of a packet the app received earlier. */
  writeAcknowledgement(ctx: Context, packet: Packet, acknowledgement: Uint8Array): void;
}

export function appChannelKeeper(channels: ChannelKeeper): AppChannelKeeper {
  return {
    getChannel: (ctx, portId, channelId) => channels.getChannel(ctx, portId, channelId),
    getConnection: (ctx, connectionId) => channels.connections.getConnection(ctx, connectionId),
    getNextSequenceSend: (ctx, portId, channelId) => channels.getNextSequenceSend(ctx, portId, channelId),
    counterpartyChainId(ctx, portId, channelId) {
      const hop = channels.getChannel(ctx, portId, channelId)?.connectionHops[0];
      const connection = hop === undefined ? undefined : channels.connections.getConnection(ctx, hop);
      const state = connection === undefined ? undefined : channels.connections.clients.getClientState(ctx, connection.clientId);
      return state?.typeUrl === TendermintClientState.typeUrl ? TendermintClientState.decode(state.value).chainId : undefined;
    },
    sendPacket: (ctx, sourcePort, sourceChannel, timeoutHeight, timeoutTimestamp, data) =>
      sendPacket(channels, ctx, sourcePort, sourceChannel, timeoutHeight, timeoutTimestamp, data),
    writeAcknowledgement: (ctx, packet, acknowledgement) => writeAcknowledgement(channels, ctx, packet, acknowledgement),
  };
}
