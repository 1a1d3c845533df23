// Registering an interchain account (ibc-go v8's controller/keeper/account.go): bind the
// owner's port if it is new, then open a channel to the host with MsgChannelOpenInit, run
// through the app's message router as the ICS-27 module account, as ibc-go does.
import { MsgChannelOpenInit, MsgChannelOpenInitResponse } from 'cosmjs-types/ibc/core/channel/v1/tx';
import { Order, State } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Context } from '../../../../app/context.js';
import { ErrPanic } from '../../../../app/errors.js';
import { ErrActiveChannelAlreadySet, ErrIbcInvalidType } from '../types/errors.js';
import { HOST_PORT_ID, MODULE_NAME } from '../types/keys.js';
import { executeMsg } from '../types/router.js';
import type { ControllerKeeper } from './keeper.js';

const CHANNEL_OPEN_INIT = '/ibc.core.channel.v1.MsgChannelOpenInit';
const CHANNEL_OPEN_INIT_RESPONSE = '/ibc.core.channel.v1.MsgChannelOpenInitResponse';

/** Returns the new channel's id. */
export function registerInterchainAccount(keeper: ControllerKeeper, ctx: Context, connectionId: string, portId: string, version: string, ordering: Order): string {
  const open = keeper.getOpenActiveChannel(ctx, connectionId, portId);
  if (open !== undefined) throw ErrActiveChannelAlreadySet.wrap(`existing active channel ${open} for portID ${portId} on connection ${connectionId}`);
  // ibc-go binds the port and claims its capability here; the record is what routes the
  // port's callbacks to this submodule (controller/ibc-module.ts).
  if (!keeper.registry.hasPort(ctx, portId)) keeper.registry.setPort(ctx, portId);

  const handler = keeper.msgRouter.handler(CHANNEL_OPEN_INIT);
  if (handler === undefined) throw ErrPanic.wrap(`no message handler for ${CHANNEL_OPEN_INIT}`);
  const signer = keeper.accounts.addressCodec.encode(keeper.accounts.getModuleAddress(MODULE_NAME)!);
  const msg = MsgChannelOpenInit.fromPartial({
    portId,
    channel: { state: State.STATE_INIT, ordering, counterparty: { portId: HOST_PORT_ID, channelId: '' }, connectionHops: [connectionId], version },
    signer,
  });
  const response = executeMsg(ctx, handler, msg);
  if (response.typeUrl !== CHANNEL_OPEN_INIT_RESPONSE) {
    throw ErrIbcInvalidType.wrap(`failed to covert ${response.typeUrl} message response to ${CHANNEL_OPEN_INIT_RESPONSE}`);
  }
  return MsgChannelOpenInitResponse.decode(response.value).channelId;
}

/** MsgRegisterInterchainAccount's ordering: NONE means UNORDERED. */
export const orderingOrDefault = (ordering: Order) => (ordering === Order.ORDER_NONE_UNSPECIFIED ? Order.ORDER_UNORDERED : ordering);
