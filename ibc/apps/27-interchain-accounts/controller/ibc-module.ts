// The controller's callbacks for IBC core (ibc-go v8's controller/ibc_middleware.go, with no
// underlying app, as MsgRegisterInterchainAccount sets up): it starts handshakes on the owners'
// ports, sends, and receives nothing.
// Every `icacontroller-*` port routes here; one this submodule never bound is refused, as
// ibc-go refuses a port without a capability.
import type { Context } from '../../../../app/context.js';
import { ackBytes, errorAck } from '../../../core/04-channel/acknowledgement.js';
import { ErrInvalidRoute } from '../../../core/05-port/errors.js';
import type { IBCModule } from '../../../core/05-port/ibc-module.js';
import { ErrIbcInvalidRequest, ErrInvalidChannelFlow } from '../types/errors.js';
import { ATTRIBUTE_KEY_ACK_ERROR, ATTRIBUTE_KEY_ACK_SUCCESS, ATTRIBUTE_KEY_CONTROLLER_CHANNEL_ID, ATTRIBUTE_KEY_MODULE, EVENT_TYPE_PACKET } from '../types/events.js';
import { MODULE_NAME } from '../types/keys.js';
import { ErrControllerSubModuleDisabled } from './errors.js';
import { onChanOpenAck, onChanOpenInit } from './handshake.js';
import type { ControllerKeeper } from './keeper.js';

export function controllerIbcModule(keeper: ControllerKeeper): IBCModule {
  const requireEnabled = (ctx: Context) => {
    if (!keeper.getParams(ctx).controllerEnabled) throw ErrControllerSubModuleDisabled;
  };
  return {
    onChanOpenInit(ctx, order, connectionHops, portId, _channelId, counterparty, version) {
      if (!keeper.registry.hasPort(ctx, portId)) throw ErrInvalidRoute.wrap(`route not found to module: ${portId}`);
      requireEnabled(ctx);
      return onChanOpenInit(keeper, ctx, order, connectionHops, portId, counterparty, version);
    },
    onChanOpenTry() {
      throw ErrInvalidChannelFlow.wrap('channel handshake must be initiated by controller chain');
    },
    onChanOpenAck(ctx, portId, channelId, _counterpartyChannelId, counterpartyVersion) {
      requireEnabled(ctx);
      onChanOpenAck(keeper, ctx, portId, channelId, counterpartyVersion);
    },
    onChanOpenConfirm() {
      throw ErrInvalidChannelFlow.wrap('channel handshake must be initiated by controller chain');
    },
    // Closing would strand the interchain account; only an ORDERED timeout closes the channel.
    onChanCloseInit() {
      throw ErrIbcInvalidRequest.wrap('user cannot close channel');
    },
    onChanCloseConfirm() {},

    onRecvPacket(ctx, packet) {
      const err = ErrInvalidChannelFlow.wrap('cannot receive packet on controller chain');
      ctx.events.emit(
        EVENT_TYPE_PACKET,
        [ATTRIBUTE_KEY_MODULE, MODULE_NAME],
        [ATTRIBUTE_KEY_CONTROLLER_CHANNEL_ID, packet.destinationChannel],
        [ATTRIBUTE_KEY_ACK_SUCCESS, 'false'],
        [ATTRIBUTE_KEY_ACK_ERROR, err.message],
      );
      return { success: false, bytes: ackBytes(errorAck(err.code)) };
    },
    // Nothing to do with no underlying app: the owner reads the outcome in the acknowledgement
    // (its result holds each message's response); a timeout on an ORDERED channel closes it in core.
    onAcknowledgementPacket(ctx) {
      requireEnabled(ctx);
    },
    onTimeoutPacket(ctx) {
      requireEnabled(ctx);
    },
  };
}
