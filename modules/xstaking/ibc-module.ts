// The xstaking IBC application's callbacks: port `xstaking`, version `xstaking-1`, ORDERED
// channels only (stakes and unstakes of one staker must land in the order sent). A consumer
// answers XStake at once and XUnstake asynchronously, after its unbonding (keeper.ts); a packet
// it cannot apply gets an error ack, which core answers by dropping every write it made.
import { Order, type Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Context } from '../../app/context.js';
import { CodedError, ErrInvalidRequest } from '../../app/errors.js';
import { ErrInvalidChannelOrdering, ErrInvalidChannelVersion } from '../../ibc/core/04-channel/errors.js';
import { ackBytes, errorAck, resultAck } from '../../ibc/core/04-channel/acknowledgement.js';
import type { Acknowledgement, IBCModule } from '../../ibc/core/05-port/ibc-module.js';
import { XStakingPacketData } from '../../gen/zonekit/xstaking/v1/packet.js';
import { ErrInvalidPacket } from './errors.js';
import type { XStakingKeeper } from './keeper.js';
import { VERSION } from './keys.js';

function requireOrdered(order: Order): void {
  if (order !== Order.ORDER_ORDERED) throw ErrInvalidChannelOrdering.wrap(`expected ORDER_ORDERED channel, got ${order}`);
}

function requireVersion(version: string): void {
  if (version !== VERSION) throw ErrInvalidChannelVersion.wrap(`expected ${VERSION}, got ${version}`);
}

function amountOf(text: string): bigint {
  if (!/^[0-9]+$/.test(text)) throw ErrInvalidPacket.wrap(`amount must be an unsigned integer, got "${text}"`);
  return BigInt(text);
}

export function xstakingIbcModule(keeper: XStakingKeeper): IBCModule {
  const recv = (ctx: Context, packet: Packet): Acknowledgement | undefined => {
    let data: XStakingPacketData;
    try {
      data = XStakingPacketData.decode(packet.data);
    } catch {
      throw ErrInvalidPacket.wrap('cannot unmarshal xstaking packet data');
    }
    if (data.stake !== undefined) {
      const { staker, validator, amount } = data.stake;
      const result = keeper.receiveXStake(ctx, packet.destinationChannel, staker, validator, amountOf(amount));
      return { success: true, bytes: ackBytes(resultAck(result)) };
    }
    if (data.unstake !== undefined) {
      const { staker, validator, bar } = data.unstake;
      keeper.receiveXUnstake(ctx, packet, staker, validator, amountOf(bar));
      return undefined;
    }
    if (data.slash !== undefined) {
      keeper.receiveSlash(ctx, packet, data.slash);
      return { success: true, bytes: ackBytes(resultAck(Uint8Array.of(1))) };
    }
    throw ErrInvalidPacket.wrap('unsupported xstaking packet');
  };

  return {
    onChanOpenInit(_ctx, order, _hops, _port, _channel, _cp, version) {
      requireOrdered(order);
      if (version === '') return VERSION;
      requireVersion(version);
      return version;
    },
    onChanOpenTry(_ctx, order, _hops, _port, _channel, _cp, counterpartyVersion) {
      requireOrdered(order);
      requireVersion(counterpartyVersion);
      return VERSION;
    },
    onChanOpenAck: (_ctx, _port, _channel, _cpChannel, counterpartyVersion) => requireVersion(counterpartyVersion),
    onChanOpenConfirm: () => {},
    // As ICS-20 and ICS-27: no one closes the channel on purpose (that would strand the
    // consumer's pending acks); it closes when a packet times out, or when the other end
    // closed and core confirms it here. Either way what was locked becomes recoverable.
    onChanCloseInit() {
      throw ErrInvalidRequest.wrap('user cannot close an xstaking channel');
    },
    onChanCloseConfirm: (ctx, _port, channel) => keeper.onChannelClosed(ctx, channel),
    onRecvPacket(ctx, packet) {
      try {
        return recv(ctx, packet);
      } catch (err) {
        if (!(err instanceof CodedError)) throw err;
        ctx.events.emit('xstaking_packet', ['success', 'false'], ['error', err.message]);
        return { success: false, bytes: ackBytes(errorAck(err.code)) };
      }
    },
    onAcknowledgementPacket: (ctx, packet, acknowledgement) => keeper.onAcknowledgement(ctx, packet, acknowledgement),
    onTimeoutPacket: (ctx, packet) => keeper.onTimeout(ctx, packet),
  };
}
