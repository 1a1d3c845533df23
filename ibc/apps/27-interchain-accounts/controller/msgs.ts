// ibc.applications.interchain_accounts.controller.v1.Msg: RegisterInterchainAccount and
// SendTx, with ibc-go v8.8.0's ValidateBasic and msg server (controller/keeper/msg_server.go).
// MsgUpdateParams is not served: zonekit has no governance authority to send it.
import {
  MsgRegisterInterchainAccount,
  MsgRegisterInterchainAccountResponse,
  MsgSendTx,
  MsgSendTxResponse,
} from 'cosmjs-types/ibc/applications/interchain_accounts/controller/v1/tx';
import type { MsgHandler } from '../../../../app/module.js';
import { validateConnectionId } from '../../../core/24-host/identifiers.js';
import { withContext } from '../../../core/errors.js';
import { ErrIbcInvalidAddress, ErrIbcInvalidRequest, ErrInvalidChannelFlow } from '../types/errors.js';
import { controllerPortId } from '../types/keys.js';
import { validatePacketData } from '../types/packet.js';
import { orderingOrDefault, registerInterchainAccount } from './account.js';
import type { ControllerKeeper } from './keeper.js';
import { MAX_OWNER_LENGTH } from './keys.js';
import { absoluteTimeout, sendTx } from './relay.js';

/** The checks both messages make of their connection and owner. */
function validateOwnerAndConnection(owner: string, connectionId: string): void {
  withContext('invalid connection ID', () => validateConnectionId(connectionId));
  if (owner.trim() === '') throw ErrIbcInvalidAddress.wrap('owner address cannot be empty');
  if (Buffer.byteLength(owner, 'utf8') > MAX_OWNER_LENGTH) throw ErrIbcInvalidAddress.wrap(`owner address must not exceed ${MAX_OWNER_LENGTH} bytes`);
}

export function controllerMsgs(keeper: ControllerKeeper): Record<string, MsgHandler> {
  const register: MsgHandler<MsgRegisterInterchainAccount> = {
    decode: (value) => MsgRegisterInterchainAccount.decode(value),
    signers: (msg) => [msg.owner],
    validate: (msg) => validateOwnerAndConnection(msg.owner, msg.connectionId),
    handle(ctx, msg) {
      const portId = controllerPortId(msg.owner);
      // A channel whose callbacks go to an underlying app (the legacy API) is not re-registered here.
      if (keeper.isMiddlewareEnabled(ctx, portId, msg.connectionId) && !keeper.isActiveChannelClosed(ctx, msg.connectionId, portId)) {
        throw ErrInvalidChannelFlow.wrap('channel is already active or a handshake is in flight');
      }
      keeper.setMiddlewareDisabled(ctx, portId, msg.connectionId);
      const channelId = registerInterchainAccount(keeper, ctx, msg.connectionId, portId, msg.version, orderingOrDefault(msg.ordering));
      return {
        typeUrl: '/ibc.applications.interchain_accounts.controller.v1.MsgRegisterInterchainAccountResponse',
        value: MsgRegisterInterchainAccountResponse.encode({ channelId, portId }).finish(),
      };
    },
  };

  const send: MsgHandler<MsgSendTx> = {
    decode: (value) => MsgSendTx.decode(value),
    signers: (msg) => [msg.owner],
    validate(msg) {
      validateOwnerAndConnection(msg.owner, msg.connectionId);
      withContext('invalid interchain account packet data', () => validatePacketData(msg.packetData));
      if (msg.relativeTimeout === 0n) throw ErrIbcInvalidRequest.wrap('relative timeout cannot be zero');
    },
    handle(ctx, msg) {
      const portId = controllerPortId(msg.owner);
      const sequence = sendTx(keeper, ctx, msg.connectionId, portId, msg.packetData, absoluteTimeout(ctx, msg.relativeTimeout));
      return { typeUrl: '/ibc.applications.interchain_accounts.controller.v1.MsgSendTxResponse', value: MsgSendTxResponse.encode({ sequence }).finish() };
    },
  };

  return { [MsgRegisterInterchainAccount.typeUrl]: register, [MsgSendTx.typeUrl]: send };
}
