// The callbacks an IBC application implements (ibc-go's porttypes.IBCModule). Core routes
// a channel's handshake and packets to the application bound to its port; transfer (ICS-20),
// interchain accounts and interchain staking plug in here and nowhere else.
import type { Counterparty, Order, Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Context } from '../../../app/context.js';

/** What OnRecvPacket answers: bytes to write as the acknowledgement, and whether it succeeded. */
export interface Acknowledgement {
  /** A failed ack discards every state change OnRecvPacket made (ibc-go writes its cache only on success). */
  readonly success: boolean;
  readonly bytes: Uint8Array;
}

export interface IBCModule {
  /** Returns the version the channel opens with (the app may pick one when `version` is empty). */
  onChanOpenInit(ctx: Context, order: Order, connectionHops: readonly string[], portId: string, channelId: string, counterparty: Counterparty, version: string): string;
  /** Returns the version this side agrees to, given the counterparty's. */
  onChanOpenTry(ctx: Context, order: Order, connectionHops: readonly string[], portId: string, channelId: string, counterparty: Counterparty, counterpartyVersion: string): string;
  onChanOpenAck(ctx: Context, portId: string, channelId: string, counterpartyChannelId: string, counterpartyVersion: string): void;
  onChanOpenConfirm(ctx: Context, portId: string, channelId: string): void;
  /** Throwing refuses a user's attempt to close the channel. */
  onChanCloseInit(ctx: Context, portId: string, channelId: string): void;
  onChanCloseConfirm(ctx: Context, portId: string, channelId: string): void;
  /**
   * Handles a received packet. Returns the acknowledgement to write now, or undefined when
   * the application will write it later (asynchronous acks, through the channel keeper).
   */
  onRecvPacket(ctx: Context, packet: Packet, relayer: string): Acknowledgement | undefined;
  onAcknowledgementPacket(ctx: Context, packet: Packet, acknowledgement: Uint8Array, relayer: string): void;
  onTimeoutPacket(ctx: Context, packet: Packet, relayer: string): void;
}
