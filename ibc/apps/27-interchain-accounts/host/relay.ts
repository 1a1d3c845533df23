// Executing a controller's packet on the host (ibc-go v8's host/keeper/relay.go): decode the
// CosmosTx, check every message is allowed and signed by exactly the channel's interchain
// account, run them all in one branch (all or nothing) and answer with their responses.
import { TxMsgData } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import type { Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Context } from '../../../../app/context.js';
import { branchContext } from '../../../core/04-channel/branch.js';
import { withContext } from '../../../core/errors.js';
import { deserializeCosmosTx, type TxMessage } from '../types/cosmos-tx.js';
import { ErrChannelNotFound, ErrIbcUnauthorized, ErrInterchainAccountNotFound, ErrUnknownDataType } from '../types/errors.js';
import { decodePacketData, Type } from '../types/packet.js';
import { executeMsg } from '../types/router.js';
import type { HostKeeper } from './keeper.js';
import { containsMsgType } from './params.js';

/** authenticateTx: allowed types only, and every signer of every message is the interchain account. */
function authenticateTx(keeper: HostKeeper, ctx: Context, msgs: readonly TxMessage[], connectionId: string, portId: string): void {
  const account = keeper.registry.getInterchainAccountAddress(ctx, connectionId, portId);
  if (account === undefined) throw ErrInterchainAccountNotFound.wrap(`failed to retrieve interchain account on port ${portId}`);
  const { allowMessages } = keeper.getParams(ctx);
  const codec = keeper.accounts.addressCodec;
  for (const { typeUrl, handler, msg } of msgs) {
    if (!containsMsgType(allowMessages, typeUrl)) throw ErrIbcUnauthorized.wrap(`message type not allowed: ${typeUrl}`);
    // Compared in canonical form, as ibc-go compares sdk.AccAddress(signer).String().
    const signers = withContext(`failed to obtain message signers for message type ${typeUrl}`, () => handler.signers(msg).map((s) => codec.encode(codec.decode(s))));
    for (const signer of signers) {
      if (signer !== account) throw ErrIbcUnauthorized.wrap(`unexpected signer address: expected ${account}, got ${signer}`);
    }
  }
}

/** executeTx: the messages in one cache branch, written only if all succeed; returns proto-marshaled TxMsgData. */
function executeTx(keeper: HostKeeper, ctx: Context, packet: Packet, msgs: readonly TxMessage[]): Uint8Array {
  const channel = keeper.channels.getChannel(ctx, packet.destinationPort, packet.destinationChannel);
  if (channel === undefined) throw ErrChannelNotFound;
  authenticateTx(keeper, ctx, msgs, channel.connectionHops[0]!, packet.sourcePort);

  const branch = branchContext(ctx);
  const msgResponses: Any[] = msgs.map(({ handler, msg }) => executeMsg(branch.ctx, handler, msg));
  branch.write();
  return TxMsgData.encode({ data: [], msgResponses }).finish();
}

/** OnRecvPacket: the acknowledgement's result bytes, or a CodedError for an error acknowledgement. */
export function onRecvPacket(keeper: HostKeeper, ctx: Context, packet: Packet): Uint8Array {
  const data = decodePacketData(packet.data);
  const metadata = keeper.getAppMetadata(ctx, packet.destinationPort, packet.destinationChannel);
  if (data.type !== Type.TYPE_EXECUTE_TX) throw ErrUnknownDataType;
  const msgs = withContext('failed to deserialize interchain account transaction', () => deserializeCosmosTx(keeper.msgRouter, data.data, metadata.encoding));
  return withContext('failed to execute interchain account transaction', () => executeTx(keeper, ctx, packet, msgs));
}
