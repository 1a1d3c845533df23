// ibc-go's RedundantRelayDecorator: in CheckTx, a tx whose packet messages were all already
// relayed (received, acknowledged or timed out) is turned away before it reaches a block, so
// two relayers racing on the same packets cost only the loser's mempool slot, not its fee.
import { MsgAcknowledgement, MsgRecvPacket, MsgTimeout, MsgTimeoutOnClose } from 'cosmjs-types/ibc/core/channel/v1/tx';
import type { AnteDecorator } from '../../app/ante/types.js';
import { ErrRedundantTx } from './04-channel/errors.js';
import type { ChannelKeeper } from './04-channel/keeper.js';
import { isPacketReceived, isPacketSettled } from './04-channel/packets.js';

export function redundantRelayDecorator(channels: ChannelKeeper): AnteDecorator {
  return (ctx, { tx }) => {
    if (!ctx.isCheckTx) return;
    let packetMsgs = 0;
    let redundant = 0;
    for (const { typeUrl, value } of tx.body.messages) {
      let isRedundant: boolean;
      switch (typeUrl) {
        case '/ibc.core.channel.v1.MsgRecvPacket':
          isRedundant = isPacketReceived(channels, ctx, MsgRecvPacket.decode(value).packet);
          break;
        case '/ibc.core.channel.v1.MsgAcknowledgement':
          isRedundant = isPacketSettled(channels, ctx, MsgAcknowledgement.decode(value).packet);
          break;
        case '/ibc.core.channel.v1.MsgTimeout':
          isRedundant = isPacketSettled(channels, ctx, MsgTimeout.decode(value).packet);
          break;
        case '/ibc.core.channel.v1.MsgTimeoutOnClose':
          isRedundant = isPacketSettled(channels, ctx, MsgTimeoutOnClose.decode(value).packet);
          break;
        default:
          continue;
      }
      packetMsgs++;
      if (isRedundant) redundant++;
    }
    if (packetMsgs > 0 && redundant === packetMsgs) throw ErrRedundantTx;
  };
}
