// The host's callbacks for IBC core (ibc-go v8's host/ibc_module.go): it answers handshakes
// the controller starts, executes received packets, and never sends.
import type { Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Context } from '../../../../app/context.js';
import { CodedError, ErrPanic } from '../../../../app/errors.js';
import { ackBytes, errorAck, isSuccessAck, resultAck, type Ack } from '../../../core/04-channel/acknowledgement.js';
import type { Acknowledgement, IBCModule } from '../../../core/05-port/ibc-module.js';
import { ErrIbcInvalidRequest, ErrInvalidChannelFlow } from '../types/errors.js';
import { ATTRIBUTE_KEY_ACK_ERROR, ATTRIBUTE_KEY_ACK_SUCCESS, ATTRIBUTE_KEY_HOST_CHANNEL_ID, ATTRIBUTE_KEY_MODULE, EVENT_TYPE_PACKET } from '../types/events.js';
import { MODULE_NAME } from '../types/keys.js';
import { ErrHostSubModuleDisabled } from './errors.js';
import { onChanOpenConfirm, onChanOpenTry } from './handshake.js';
import type { HostKeeper } from './keeper.js';
import { onRecvPacket } from './relay.js';

const toAcknowledgement = (ack: Ack): Acknowledgement => ({ success: isSuccessAck(ack), bytes: ackBytes(ack) });

/** EmitAcknowledgementEvent (on an error ack, core renames it `ibccallbackerror-ics27_packet`). */
function emitAcknowledgementEvent(ctx: Context, packet: Packet, ack: Ack, err: CodedError | undefined): void {
  const attributes: Array<[string, string]> = [
    [ATTRIBUTE_KEY_MODULE, MODULE_NAME],
    [ATTRIBUTE_KEY_HOST_CHANNEL_ID, packet.destinationChannel],
    [ATTRIBUTE_KEY_ACK_SUCCESS, String(isSuccessAck(ack))],
  ];
  if (err !== undefined) attributes.push([ATTRIBUTE_KEY_ACK_ERROR, err.message]);
  ctx.events.emit(EVENT_TYPE_PACKET, ...attributes);
}

export function hostIbcModule(keeper: HostKeeper): IBCModule {
  const requireEnabled = (ctx: Context) => {
    if (!keeper.getParams(ctx).hostEnabled) throw ErrHostSubModuleDisabled;
  };
  return {
    onChanOpenInit() {
      throw ErrInvalidChannelFlow.wrap('channel handshake must be initiated by controller chain');
    },
    onChanOpenTry(ctx, order, connectionHops, portId, _channelId, counterparty, counterpartyVersion) {
      requireEnabled(ctx);
      return onChanOpenTry(keeper, ctx, order, connectionHops, portId, counterparty, counterpartyVersion);
    },
    onChanOpenAck() {
      throw ErrInvalidChannelFlow.wrap('channel handshake must be initiated by controller chain');
    },
    onChanOpenConfirm(ctx, portId, channelId) {
      requireEnabled(ctx);
      onChanOpenConfirm(keeper, ctx, portId, channelId);
    },
    // Closing would strand the interchain account; only an ORDERED timeout closes the channel.
    onChanCloseInit() {
      throw ErrIbcInvalidRequest.wrap('user cannot close channel');
    },
    onChanCloseConfirm() {},

    onRecvPacket(ctx, packet) {
      if (!keeper.getParams(ctx).hostEnabled) {
        ctx.events.emit(
          EVENT_TYPE_PACKET,
          [ATTRIBUTE_KEY_MODULE, MODULE_NAME],
          [ATTRIBUTE_KEY_HOST_CHANNEL_ID, packet.destinationChannel],
          [ATTRIBUTE_KEY_ACK_ERROR, ErrHostSubModuleDisabled.message],
          [ATTRIBUTE_KEY_ACK_SUCCESS, 'false'],
        );
        return toAcknowledgement(errorAck(ErrHostSubModuleDisabled.code));
      }
      let ack: Ack;
      let error: CodedError | undefined;
      try {
        ack = resultAck(onRecvPacket(keeper, ctx, packet));
      } catch (err) {
        // What would be a panic in ibc-go (a bug, running out of gas) fails the relayer's tx instead.
        if (!(err instanceof CodedError) || err.is(ErrPanic)) throw err;
        error = err;
        ack = errorAck(err.code);
      }
      emitAcknowledgementEvent(ctx, packet, ack, error);
      return toAcknowledgement(ack);
    },

    onAcknowledgementPacket() {
      throw ErrInvalidChannelFlow.wrap('cannot receive acknowledgement on a host channel end, a host chain does not send a packet over the channel');
    },
    onTimeoutPacket() {
      throw ErrInvalidChannelFlow.wrap('cannot cause a packet timeout on a host channel end, a host chain does not send a packet over the channel');
    },
  };
}
