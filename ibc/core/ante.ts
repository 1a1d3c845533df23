// ibc-go v8's RedundantRelayDecorator: in CheckTx, a tx whose packet messages were all already
// relayed (received, acknowledged or timed out) is turned away before it reaches a block, so
// two relayers racing on the same packets cost only the loser's mempool slot, not its fee. It
// runs the packet messages' core checks (ibc-go's own msg server paths, shared with the block
// through PacketMsgServer), so a packet that would fail in the block (bad proof, timed out, out
// of order) is refused here with the same error. Their writes (receipts, deleted commitments,
// client updates) land in the ante's branch of the CheckTx state, which CheckTx keeps until the
// next Commit, as the SDK's checkState: a second relayer's copy of the same packets then reads
// as redundant. Blocks never see that state (app/baseapp.ts), and FinalizeBlock skips all this.
import { MsgUpdateClient } from 'cosmjs-types/ibc/core/client/v1/tx';
import { MsgAcknowledgement, MsgRecvPacket, MsgTimeout, ResponseResultType } from 'cosmjs-types/ibc/core/channel/v1/tx';
import type { AnteDecorator } from '../../app/ante/types.js';
import type { ClientKeeper } from './02-client/keeper.js';
import { ErrRedundantTx } from './04-channel/errors.js';
import { decodeTimeoutOnClose, type PacketMsgServer, type PacketResult } from './04-channel/msgs.js';

export function redundantRelayDecorator(clients: ClientKeeper, packets: PacketMsgServer): AnteDecorator {
  return (ctx, { tx }) => {
    // CheckTx and ReCheckTx only (not simulate, not blocks), as ibc-go.
    if (ctx.mode !== 'check' && ctx.mode !== 'recheck') return;
    const recheck = ctx.mode === 'recheck';
    let packetMsgs = 0;
    let redundancies = 0;
    // The messages were decoded and validated (ValidateBasic) before the ante ran.
    for (const { typeUrl, value } of tx.body.messages) {
      let result: PacketResult;
      switch (typeUrl) {
        case '/ibc.core.channel.v1.MsgRecvPacket': {
          const msg = MsgRecvPacket.decode(value);
          result = recheck ? packets.recvPacketReCheckTx(ctx, msg) : packets.recvPacketCheckTx(ctx, msg);
          break;
        }
        // As ibc-go, the whole message server runs, app callback included: it is what the block would do.
        case '/ibc.core.channel.v1.MsgAcknowledgement':
          result = packets.acknowledgement(ctx, MsgAcknowledgement.decode(value));
          break;
        case '/ibc.core.channel.v1.MsgTimeout':
          result = packets.timeout(ctx, MsgTimeout.decode(value));
          break;
        case '/ibc.core.channel.v1.MsgTimeoutOnClose':
          result = packets.timeoutOnClose(ctx, decodeTimeoutOnClose(value));
          break;
        case '/ibc.core.client.v1.MsgUpdateClient': {
          // So that the packets after it, proved at the new height, verify.
          const msg = MsgUpdateClient.decode(value);
          if (msg.clientMessage !== undefined) clients.updateClientCheckTx(ctx, msg.clientId, msg.clientMessage, recheck);
          continue;
        }
        default:
          // Any other message deserves its block whatever the packets are: stop checking, never
          // refuse (ibc-go's `return next(...)`; the messages after this one go unchecked).
          return;
      }
      packetMsgs++;
      if (result === ResponseResultType.RESPONSE_RESULT_TYPE_NOOP) redundancies++;
    }
    if (packetMsgs > 0 && redundancies === packetMsgs) throw ErrRedundantTx;
  };
}
