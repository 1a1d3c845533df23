// ICS-20's callbacks for IBC core (ibc-go v8's transfer/ibc_module.go): which channels the
// transfer port accepts, and how packets, acknowledgements and timeouts reach the keeper.
import { Order, type Counterparty, type Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Context } from '../../../app/context.js';
import { CodedError, ErrPanic } from '../../../app/errors.js';
import type { Acknowledgement, IBCModule } from '../../core/05-port/ibc-module.js';
import { ErrInvalidPort } from '../../core/05-port/errors.js';
import { ErrInvalidID } from '../../core/24-host/errors.js';
import {
  ErrIbcInvalidRequest,
  ErrIbcInvalidType,
  ErrIbcUnknownRequest,
  ErrInvalidChannelOrdering,
  ErrInvalidVersion,
  ErrMaxTransferChannels,
  goError,
} from './errors.js';
import {
  ATTRIBUTE_KEY_ACK,
  ATTRIBUTE_KEY_ACK_ERROR,
  ATTRIBUTE_KEY_ACK_SUCCESS,
  ATTRIBUTE_KEY_AMOUNT,
  ATTRIBUTE_KEY_DENOM,
  ATTRIBUTE_KEY_MEMO,
  ATTRIBUTE_KEY_MODULE,
  ATTRIBUTE_KEY_RECEIVER,
  ATTRIBUTE_KEY_REFUND_AMOUNT,
  ATTRIBUTE_KEY_REFUND_DENOM,
  ATTRIBUTE_KEY_REFUND_RECEIVER,
  ATTRIBUTE_KEY_SENDER,
  EVENT_TYPE_PACKET,
  EVENT_TYPE_TIMEOUT,
} from './events.js';
import type { TransferKeeper } from './keeper.js';
import { MODULE_NAME, VERSION } from './keys.js';
import {
  SUCCESS_ACK,
  ackBytes,
  ackText,
  decodeAck,
  decodePacketData,
  errorAck,
  isSuccessAck,
  type Ack,
  type FungibleTokenPacketData,
} from './packet.js';
import { isBlank } from './trace.js';

const MAX_TRANSFER_CHANNELS = 0xffffffffn;
const ORDER_NAMES: Readonly<Record<number, string>> = { 0: 'ORDER_NONE_UNSPECIFIED', 1: 'ORDER_UNORDERED', 2: 'ORDER_ORDERED' };

/** ibc-go's ParseChannelSequence: `channel-{N}`, N a uint64. */
function channelSequence(channelId: string): bigint {
  const match = /^channel-([0-9]{1,20})$/.exec(channelId);
  if (match === null) throw ErrInvalidID.wrap('channel identifier is not in the format: `channel-{N}`');
  const sequence = BigInt(match[1]!);
  if (sequence >= 1n << 64n) {
    throw goError(`invalid channel identifier: failed to parse identifier sequence: strconv.ParseUint: parsing "${match[1]}": value out of range`);
  }
  return sequence;
}

/**
 * A transfer channel is UNORDERED, on the port the module is bound to, and one of the first
 * 2^32 channels (escrow addresses are 20-byte hashes; ibc-go caps the count to keep them safe).
 */
function validateTransferChannelParams(ctx: Context, keeper: TransferKeeper, order: Order, portId: string, channelId: string): void {
  const sequence = channelSequence(channelId);
  if (sequence > MAX_TRANSFER_CHANNELS) {
    throw ErrMaxTransferChannels.wrap(`channel sequence ${sequence} is greater than max allowed transfer channels ${MAX_TRANSFER_CHANNELS}`);
  }
  if (order !== Order.ORDER_UNORDERED) {
    throw ErrInvalidChannelOrdering.wrap(`expected ${ORDER_NAMES[Order.ORDER_UNORDERED]} channel, got ${ORDER_NAMES[order] ?? String(order)} `);
  }
  const boundPort = keeper.getPort(ctx);
  if (boundPort !== portId) throw ErrInvalidPort.wrap(`invalid port: ${portId}, expected ${boundPort}`);
}

function packetAttributes(data: FungibleTokenPacketData): Array<[string, string]> {
  return [
    [ATTRIBUTE_KEY_MODULE, MODULE_NAME],
    [ATTRIBUTE_KEY_SENDER, data.sender],
    [ATTRIBUTE_KEY_RECEIVER, data.receiver],
    [ATTRIBUTE_KEY_DENOM, data.denom],
    [ATTRIBUTE_KEY_AMOUNT, data.amount],
    [ATTRIBUTE_KEY_MEMO, data.memo],
  ];
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Packet data of a packet this chain sent (acknowledgement, timeout): unreadable data fails the relayer's tx. */
function sentPacketData(packet: Packet): FungibleTokenPacketData {
  try {
    return decodePacketData(packet.data);
  } catch (err) {
    throw ErrIbcUnknownRequest.wrap(`cannot unmarshal ICS-20 transfer packet data: ${describe(err)}`);
  }
}

export function transferIbcModule(keeper: TransferKeeper): IBCModule {
  return {
    onChanOpenInit(ctx, order, _connectionHops, portId, channelId, _counterparty: Counterparty, version) {
      validateTransferChannelParams(ctx, keeper, order, portId, channelId);
      const proposed = isBlank(version) ? VERSION : version;
      if (proposed !== VERSION) throw ErrInvalidVersion.wrap(`expected ${VERSION}, got ${proposed}`);
      return proposed;
    },

    // Whatever the counterparty proposed, this side answers with the version it speaks.
    onChanOpenTry(ctx, order, _connectionHops, portId, channelId) {
      validateTransferChannelParams(ctx, keeper, order, portId, channelId);
      return VERSION;
    },

    onChanOpenAck(_ctx, _portId, _channelId, _counterpartyChannelId, counterpartyVersion) {
      if (counterpartyVersion !== VERSION) {
        throw ErrInvalidVersion.wrap(`invalid counterparty version: expected ${VERSION}, got ${counterpartyVersion}`);
      }
    },

    onChanOpenConfirm() {},

    // Closing a transfer channel would strand the coins in its escrow.
    onChanCloseInit() {
      throw ErrIbcInvalidRequest.wrap('user cannot close channel');
    },

    onChanCloseConfirm() {},

    onRecvPacket(ctx, packet): Acknowledgement {
      let data: FungibleTokenPacketData = { denom: '', amount: '', sender: '', receiver: '', memo: '' };
      let ack: Ack = SUCCESS_ACK;
      let ackError: CodedError | undefined;
      try {
        data = decodePacketData(packet.data);
      } catch {
        ackError = ErrIbcInvalidType.wrap('cannot unmarshal ICS-20 transfer packet data');
      }
      if (ackError === undefined) {
        try {
          keeper.onRecvPacket(ctx, packet, data);
        } catch (err) {
          // What would be a panic in ibc-go (a bug, an impossible coin) fails the relayer's tx instead.
          if (!(err instanceof CodedError) || err.is(ErrPanic)) throw err;
          ackError = err;
        }
      }
      if (ackError !== undefined) ack = errorAck(ackError.code);

      const attributes = [...packetAttributes(data), [ATTRIBUTE_KEY_ACK_SUCCESS, String(isSuccessAck(ack))] as [string, string]];
      if (ackError !== undefined) attributes.push([ATTRIBUTE_KEY_ACK_ERROR, ackError.message]);
      ctx.events.emit(EVENT_TYPE_PACKET, ...attributes);
      return { success: isSuccessAck(ack), bytes: ackBytes(ack) };
    },

    onAcknowledgementPacket(ctx, packet, acknowledgement) {
      let ack: Ack;
      try {
        ack = decodeAck(acknowledgement);
      } catch (err) {
        throw ErrIbcUnknownRequest.wrap(`cannot unmarshal ICS-20 transfer packet acknowledgement: ${describe(err)}`);
      }
      const data = sentPacketData(packet);
      const canonical = ackBytes(ack);
      if (!bytesEqual(canonical, acknowledgement)) {
        const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();
        throw ErrIbcInvalidType.wrap(`acknowledgement did not marshal to expected bytes: ${hex(canonical)} ≠ ${hex(acknowledgement)}`);
      }

      keeper.onAcknowledgementPacket(ctx, packet, data, ack);

      ctx.events.emit(EVENT_TYPE_PACKET, ...packetAttributes(data), [ATTRIBUTE_KEY_ACK, ackText(ack)]);
      if ('result' in ack) ctx.events.emit(EVENT_TYPE_PACKET, [ATTRIBUTE_KEY_ACK_SUCCESS, new TextDecoder().decode(ack.result)]);
      else if ('error' in ack) ctx.events.emit(EVENT_TYPE_PACKET, [ATTRIBUTE_KEY_ACK_ERROR, ack.error]);
    },

    onTimeoutPacket(ctx, packet) {
      const data = sentPacketData(packet);
      keeper.onTimeoutPacket(ctx, packet, data);
      ctx.events.emit(
        EVENT_TYPE_TIMEOUT,
        [ATTRIBUTE_KEY_MODULE, MODULE_NAME],
        [ATTRIBUTE_KEY_REFUND_RECEIVER, data.sender],
        [ATTRIBUTE_KEY_REFUND_DENOM, data.denom],
        [ATTRIBUTE_KEY_REFUND_AMOUNT, data.amount],
        [ATTRIBUTE_KEY_MEMO, data.memo],
      );
    },
  };
}
