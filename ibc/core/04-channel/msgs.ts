// ibc.core.channel.v1.Msg: the channel handshake and the packet messages relayers submit,
// each routed to the application bound to the channel's port (ibc-go's core msg server).
import {
  MsgAcknowledgement,
  MsgAcknowledgementResponse,
  MsgChannelCloseConfirm,
  MsgChannelCloseConfirmResponse,
  MsgChannelCloseInit,
  MsgChannelCloseInitResponse,
  MsgChannelOpenAck,
  MsgChannelOpenAckResponse,
  MsgChannelOpenConfirm,
  MsgChannelOpenConfirmResponse,
  MsgChannelOpenInit,
  MsgChannelOpenInitResponse,
  MsgChannelOpenTry,
  MsgChannelOpenTryResponse,
  MsgRecvPacket,
  MsgRecvPacketResponse,
  MsgTimeout,
  MsgTimeoutOnClose,
  MsgTimeoutOnCloseResponse,
  MsgTimeoutResponse,
  ResponseResultType,
} from 'cosmjs-types/ibc/core/channel/v1/tx';
import { Order, State, stateToJSON, type Channel } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { MsgHandler, MsgResponse } from '../../../app/module.js';
import type { Context } from '../../../app/context.js';
import { ErrInvalidProof } from '../23-commitment/errors.js';
import { validateChannelId, validateConnectionId, validatePortId } from '../24-host/identifiers.js';
import type { PortRouter } from '../05-port/router.js';
import { withContext, wrapError } from '../errors.js';
import { CodedError } from '../../../app/errors.js';
import { branchContext } from './branch.js';
import {
  ErrInvalidChannelIdentifier,
  ErrInvalidChannelOrdering,
  ErrInvalidChannelState,
  ErrInvalidCounterparty,
  ErrNoOpMsg,
  ErrTooManyConnectionHops,
} from './errors.js';
import type { ChannelKeeper } from './keeper.js';
import { acknowledgePacket, recvPacket, recvPacketReCheckTx, timeoutExecuted, timeoutOnClose, timeoutPacket, validatePacket, writeAcknowledgement } from './packets.js';

const CHANNEL_ID = /^channel-(0|[1-9][0-9]*)$/;

/** MsgChannelCloseConfirm and MsgTimeoutOnClose carry ibc-go v8's `counterparty_upgrade_sequence` (field 6/7) that the generated types lack. */
function readUpgradeSequence(bytes: Uint8Array, fieldNumber: number): bigint {
  let pos = 0;
  const varint = () => {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const b = bytes[pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
    }
  };
  while (pos < bytes.length) {
    const tag = Number(varint());
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire === 0) {
      const value = varint();
      if (field === fieldNumber) return value;
    } else if (wire === 2) pos += Number(varint());
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else return 0n;
  }
  return 0n;
}

function validateChannel(channel: Channel | undefined): Channel {
  if (channel === undefined) throw ErrInvalidChannelState.wrap('channel cannot be empty');
  if (channel.state === State.STATE_UNINITIALIZED_UNSPECIFIED) throw ErrInvalidChannelState;
  if (channel.ordering !== Order.ORDER_ORDERED && channel.ordering !== Order.ORDER_UNORDERED) throw ErrInvalidChannelOrdering.wrap(String(channel.ordering));
  if (channel.connectionHops.length !== 1) throw ErrTooManyConnectionHops.wrap('current IBC version only supports one connection hop');
  withContext('invalid connection hop ID', () => validateConnectionId(channel.connectionHops[0]!));
  withContext('invalid counterparty port ID', () => validatePortId(channel.counterparty.portId));
  if (channel.counterparty.channelId !== '') withContext('invalid counterparty channel ID', () => validateChannelId(channel.counterparty.channelId));
  return channel;
}

function validatePortAndChannel(portId: string, channelId: string): void {
  withContext('invalid port ID', () => validatePortId(portId));
  if (!CHANNEL_ID.test(channelId)) throw ErrInvalidChannelIdentifier;
}

function requireProof(proof: Uint8Array, what: string): void {
  if (proof.length === 0) throw ErrInvalidProof.wrap(`cannot submit an empty ${what} proof`);
}

const isNoOp = (err: unknown) => err instanceof CodedError && err.is(ErrNoOpMsg);

/**
 * Runs core's verification of a packet message in its own branch and keeps it on success.
 * Returns false for a redundant relay (ErrNoOpMsg): the tx succeeds and changes nothing.
 */
function verifyInBranch(ctx: Context, failure: string, verify: (ctx: Context) => void): boolean {
  const branch = branchContext(ctx);
  try {
    verify(branch.ctx);
  } catch (err) {
    if (isNoOp(err)) return false;
    throw wrapError(err, failure);
  }
  branch.write();
  return true;
}

const result = (typeUrl: string, value: Uint8Array): MsgResponse => ({ typeUrl, value });

/** A packet message's outcome as ibc-go's msg server reports it: NOOP for a redundant relay. */
export type PacketResult = ResponseResultType.RESPONSE_RESULT_TYPE_SUCCESS | ResponseResultType.RESPONSE_RESULT_TYPE_NOOP;
const SUCCESS = ResponseResultType.RESPONSE_RESULT_TYPE_SUCCESS;
const NOOP = ResponseResultType.RESPONSE_RESULT_TYPE_NOOP;

export type MsgTimeoutOnCloseV8 = MsgTimeoutOnClose & { counterpartyUpgradeSequence: bigint };
export const decodeTimeoutOnClose = (value: Uint8Array): MsgTimeoutOnCloseV8 => ({ ...MsgTimeoutOnClose.decode(value), counterpartyUpgradeSequence: readUpgradeSequence(value, 7) });

/**
 * ibc-go's core msg server for the packet messages. The message handlers below and the ante's
 * RedundantRelayDecorator (ibc/core/ante.ts) both call it, so CheckTx runs exactly the checks
 * a block would. Each method throws what the message would fail with.
 */
export interface PacketMsgServer {
  /** ibc-go's recvPacketCheckTx: MsgRecvPacket's core checks and replay protection, no app callback, no ack. */
  recvPacketCheckTx(ctx: Context, msg: MsgRecvPacket): PacketResult;
  /** ibc-go's recvPacketReCheckTx: replay protection only (the proof was checked on entry to the mempool). */
  recvPacketReCheckTx(ctx: Context, msg: MsgRecvPacket): PacketResult;
  recvPacket(ctx: Context, msg: MsgRecvPacket): PacketResult;
  acknowledgement(ctx: Context, msg: MsgAcknowledgement): PacketResult;
  timeout(ctx: Context, msg: MsgTimeout): PacketResult;
  timeoutOnClose(ctx: Context, msg: MsgTimeoutOnCloseV8): PacketResult;
}

export function packetMsgServer(keeper: ChannelKeeper, router: PortRouter): PacketMsgServer {
  const route = (portId: string) => withContext('could not retrieve module from port-id', () => router.route(portId));
  /** The core of MsgRecvPacket: the app bound to the port, or undefined when the packet was already received. */
  const verifyRecv = (ctx: Context, msg: MsgRecvPacket) => {
    const app = route(msg.packet.destinationPort);
    return verifyInBranch(ctx, 'receive packet verification failed', (c) => recvPacket(keeper, c, msg.packet, msg.proofCommitment, msg.proofHeight)) ? app : undefined;
  };
  return {
    recvPacketCheckTx: (ctx, msg) => (verifyRecv(ctx, msg) === undefined ? NOOP : SUCCESS),
    recvPacketReCheckTx: (ctx, msg) => (verifyInBranch(ctx, 'receive packet verification failed', (c) => recvPacketReCheckTx(keeper, c, msg.packet)) ? SUCCESS : NOOP),
    recvPacket(ctx, msg) {
      const packet = msg.packet;
      // Another relayer got there first: the tx succeeds and changes nothing.
      const app = verifyRecv(ctx, msg);
      if (app === undefined) return NOOP;
      const callback = branchContext(ctx);
      const ack = app.onRecvPacket(callback.ctx, packet, msg.signer);
      if (ack === undefined || ack.success) callback.write();
      else ctx.events.emitEvents(callback.events.events.map((e) => ({ ...e, type: `ibccallbackerror-${e.type}` })));
      if (ack !== undefined) writeAcknowledgement(keeper, ctx, packet, ack.bytes);
      return SUCCESS;
    },
    acknowledgement(ctx, msg) {
      const packet = msg.packet;
      const app = route(packet.sourcePort);
      if (!verifyInBranch(ctx, 'acknowledge packet verification failed', (c) => acknowledgePacket(keeper, c, packet, msg.acknowledgement, msg.proofAcked, msg.proofHeight))) return NOOP;
      withContext('acknowledge packet callback failed', () => app.onAcknowledgementPacket(ctx, packet, msg.acknowledgement, msg.signer));
      return SUCCESS;
    },
    timeout(ctx, msg) {
      const packet = msg.packet;
      const app = route(packet.sourcePort);
      if (!verifyInBranch(ctx, 'timeout packet verification failed', (c) => timeoutPacket(keeper, c, packet, msg.proofUnreceived, msg.proofHeight, msg.nextSequenceRecv))) return NOOP;
      withContext('timeout packet callback failed', () => app.onTimeoutPacket(ctx, packet, msg.signer));
      withContext('timeout packet execution failed', () => timeoutExecuted(keeper, ctx, packet));
      return SUCCESS;
    },
    timeoutOnClose(ctx, msg) {
      const packet = msg.packet;
      const app = route(packet.sourcePort);
      const verify = (c: Context) => timeoutOnClose(keeper, c, packet, msg.proofUnreceived, msg.proofClose, msg.proofHeight, msg.nextSequenceRecv, msg.counterpartyUpgradeSequence);
      if (!verifyInBranch(ctx, 'timeout on close packet verification failed', verify)) return NOOP;
      withContext('timeout packet callback failed', () => app.onTimeoutPacket(ctx, packet, msg.signer));
      withContext('timeout on close packet execution failed', () => timeoutExecuted(keeper, ctx, packet));
      return SUCCESS;
    },
  };
}

export function channelMsgs(keeper: ChannelKeeper, router: PortRouter, packets: PacketMsgServer): Record<string, MsgHandler> {
  const openInit: MsgHandler<MsgChannelOpenInit> = {
    decode: (value) => MsgChannelOpenInit.decode(value),
    signers: (msg) => [msg.signer],
    validate(msg) {
      withContext('invalid port ID', () => validatePortId(msg.portId));
      const channel = validateChannel(msg.channel);
      if (channel.state !== State.STATE_INIT) {
        throw ErrInvalidChannelState.wrap(`channel state must be INIT in MsgChannelOpenInit. expected: STATE_INIT, got: ${stateToJSON(channel.state)}`);
      }
      if (channel.counterparty.channelId !== '') throw ErrInvalidCounterparty.wrap('counterparty channel identifier must be empty');
    },
    handle(ctx, msg) {
      const app = withContext('could not retrieve module from port-id', () => router.route(msg.portId));
      const { ordering, connectionHops, counterparty } = msg.channel;
      const channelId = withContext('channel handshake open init failed', () => keeper.chanOpenInit(ctx, ordering, connectionHops, msg.portId));
      const version = withContext('channel open init callback failed', () => app.onChanOpenInit(ctx, ordering, connectionHops, msg.portId, channelId, counterparty, msg.channel.version));
      keeper.writeOpenInit(ctx, msg.portId, channelId, ordering, connectionHops, counterparty, version);
      return result('/ibc.core.channel.v1.MsgChannelOpenInitResponse', MsgChannelOpenInitResponse.encode({ channelId, version }).finish());
    },
  };

  const openTry: MsgHandler<MsgChannelOpenTry> = {
    decode: (value) => MsgChannelOpenTry.decode(value),
    signers: (msg) => [msg.signer],
    validate(msg) {
      withContext('invalid port ID', () => validatePortId(msg.portId));
      if (msg.previousChannelId !== '') {
        throw ErrInvalidChannelIdentifier.wrap('previous channel identifier must be empty, this field has been deprecated as crossing hellos are no longer supported');
      }
      requireProof(msg.proofInit, 'init');
      const channel = validateChannel(msg.channel);
      if (channel.state !== State.STATE_TRYOPEN) {
        throw ErrInvalidChannelState.wrap(`channel state must be TRYOPEN in MsgChannelOpenTry. expected: STATE_TRYOPEN, got: ${stateToJSON(channel.state)}`);
      }
      withContext('invalid counterparty channel ID', () => validateChannelId(channel.counterparty.channelId));
    },
    handle(ctx, msg) {
      const app = withContext('could not retrieve module from port-id', () => router.route(msg.portId));
      const { ordering, connectionHops, counterparty } = msg.channel;
      const channelId = withContext('channel handshake open try failed', () =>
        keeper.chanOpenTry(ctx, ordering, connectionHops, msg.portId, counterparty, msg.counterpartyVersion, msg.proofInit, msg.proofHeight),
      );
      const version = withContext('channel open try callback failed', () => app.onChanOpenTry(ctx, ordering, connectionHops, msg.portId, channelId, counterparty, msg.counterpartyVersion));
      keeper.writeOpenTry(ctx, msg.portId, channelId, ordering, connectionHops, counterparty, version);
      return result('/ibc.core.channel.v1.MsgChannelOpenTryResponse', MsgChannelOpenTryResponse.encode({ channelId, version }).finish());
    },
  };

  const openAck: MsgHandler<MsgChannelOpenAck> = {
    decode: (value) => MsgChannelOpenAck.decode(value),
    signers: (msg) => [msg.signer],
    validate(msg) {
      validatePortAndChannel(msg.portId, msg.channelId);
      withContext('invalid counterparty channel ID', () => validateChannelId(msg.counterpartyChannelId));
      requireProof(msg.proofTry, 'try');
    },
    handle(ctx, msg) {
      const app = withContext('could not retrieve module from port-id', () => router.route(msg.portId));
      withContext('channel handshake open ack failed', () => keeper.chanOpenAck(ctx, msg.portId, msg.channelId, msg.counterpartyVersion, msg.counterpartyChannelId, msg.proofTry, msg.proofHeight));
      withContext('channel open ack callback failed', () => app.onChanOpenAck(ctx, msg.portId, msg.channelId, msg.counterpartyChannelId, msg.counterpartyVersion));
      keeper.writeOpenAck(ctx, msg.portId, msg.channelId, msg.counterpartyVersion, msg.counterpartyChannelId);
      return result('/ibc.core.channel.v1.MsgChannelOpenAckResponse', MsgChannelOpenAckResponse.encode({}).finish());
    },
  };

  const openConfirm: MsgHandler<MsgChannelOpenConfirm> = {
    decode: (value) => MsgChannelOpenConfirm.decode(value),
    signers: (msg) => [msg.signer],
    validate(msg) {
      validatePortAndChannel(msg.portId, msg.channelId);
      requireProof(msg.proofAck, 'acknowledgement');
    },
    handle(ctx, msg) {
      const app = withContext('could not retrieve module from port-id', () => router.route(msg.portId));
      withContext('channel handshake open confirm failed', () => keeper.chanOpenConfirm(ctx, msg.portId, msg.channelId, msg.proofAck, msg.proofHeight));
      keeper.writeOpenConfirm(ctx, msg.portId, msg.channelId);
      withContext('channel open confirm callback failed', () => app.onChanOpenConfirm(ctx, msg.portId, msg.channelId));
      return result('/ibc.core.channel.v1.MsgChannelOpenConfirmResponse', MsgChannelOpenConfirmResponse.encode({}).finish());
    },
  };

  const closeInit: MsgHandler<MsgChannelCloseInit> = {
    decode: (value) => MsgChannelCloseInit.decode(value),
    signers: (msg) => [msg.signer],
    validate: (msg) => validatePortAndChannel(msg.portId, msg.channelId),
    handle(ctx, msg) {
      const app = withContext('could not retrieve module from port-id', () => router.route(msg.portId));
      withContext('channel close init callback failed', () => app.onChanCloseInit(ctx, msg.portId, msg.channelId));
      withContext('channel handshake close init failed', () => keeper.chanCloseInit(ctx, msg.portId, msg.channelId));
      return result('/ibc.core.channel.v1.MsgChannelCloseInitResponse', MsgChannelCloseInitResponse.encode({}).finish());
    },
  };

  const closeConfirm: MsgHandler<MsgChannelCloseConfirm & { counterpartyUpgradeSequence: bigint }> = {
    decode: (value) => ({ ...MsgChannelCloseConfirm.decode(value), counterpartyUpgradeSequence: readUpgradeSequence(value, 6) }),
    signers: (msg) => [msg.signer],
    validate(msg) {
      validatePortAndChannel(msg.portId, msg.channelId);
      requireProof(msg.proofInit, 'init');
    },
    handle(ctx, msg) {
      const app = withContext('could not retrieve module from port-id', () => router.route(msg.portId));
      withContext('channel close confirm callback failed', () => app.onChanCloseConfirm(ctx, msg.portId, msg.channelId));
      withContext('channel handshake close confirm failed', () =>
        keeper.chanCloseConfirm(ctx, msg.portId, msg.channelId, msg.proofInit, msg.proofHeight, msg.counterpartyUpgradeSequence),
      );
      return result('/ibc.core.channel.v1.MsgChannelCloseConfirmResponse', MsgChannelCloseConfirmResponse.encode({}).finish());
    },
  };

  const recv: MsgHandler<MsgRecvPacket> = {
    decode: (value) => MsgRecvPacket.decode(value),
    signers: (msg) => [msg.signer],
    validate(msg) {
      requireProof(msg.proofCommitment, 'commitment');
      validatePacket(msg.packet);
    },
    handle: (ctx, msg) => recvResponse(packets.recvPacket(ctx, msg)),
  };

  const acknowledgement: MsgHandler<MsgAcknowledgement> = {
    decode: (value) => MsgAcknowledgement.decode(value),
    signers: (msg) => [msg.signer],
    validate(msg) {
      requireProof(msg.proofAcked, 'acknowledgement');
      if (msg.acknowledgement.length === 0) throw ErrInvalidProof.wrap('ack bytes cannot be empty');
      validatePacket(msg.packet);
    },
    handle: (ctx, msg) => ackResponse(packets.acknowledgement(ctx, msg)),
  };

  const timeout: MsgHandler<MsgTimeout> = {
    decode: (value) => MsgTimeout.decode(value),
    signers: (msg) => [msg.signer],
    validate(msg) {
      requireProof(msg.proofUnreceived, 'unreceived');
      if (msg.nextSequenceRecv === 0n) throw ErrInvalidProof.wrap('next sequence receive cannot be 0');
      validatePacket(msg.packet);
    },
    handle: (ctx, msg) => timeoutResponse(packets.timeout(ctx, msg)),
  };

  const timeoutClose: MsgHandler<MsgTimeoutOnCloseV8> = {
    decode: decodeTimeoutOnClose,
    signers: (msg) => [msg.signer],
    validate(msg) {
      requireProof(msg.proofUnreceived, 'unreceived');
      requireProof(msg.proofClose, 'proof of closed counterparty channel end');
      if (msg.nextSequenceRecv === 0n) throw ErrInvalidProof.wrap('next sequence receive cannot be 0');
      validatePacket(msg.packet);
    },
    handle: (ctx, msg) => result('/ibc.core.channel.v1.MsgTimeoutOnCloseResponse', MsgTimeoutOnCloseResponse.encode({ result: packets.timeoutOnClose(ctx, msg) }).finish()),
  };

  return {
    '/ibc.core.channel.v1.MsgChannelOpenInit': openInit,
    '/ibc.core.channel.v1.MsgChannelOpenTry': openTry,
    '/ibc.core.channel.v1.MsgChannelOpenAck': openAck,
    '/ibc.core.channel.v1.MsgChannelOpenConfirm': openConfirm,
    '/ibc.core.channel.v1.MsgChannelCloseInit': closeInit,
    '/ibc.core.channel.v1.MsgChannelCloseConfirm': closeConfirm,
    '/ibc.core.channel.v1.MsgRecvPacket': recv,
    '/ibc.core.channel.v1.MsgAcknowledgement': acknowledgement,
    '/ibc.core.channel.v1.MsgTimeout': timeout,
    '/ibc.core.channel.v1.MsgTimeoutOnClose': timeoutClose,
  };
}

const recvResponse = (r: ResponseResultType) => result('/ibc.core.channel.v1.MsgRecvPacketResponse', MsgRecvPacketResponse.encode({ result: r }).finish());
const ackResponse = (r: ResponseResultType) => result('/ibc.core.channel.v1.MsgAcknowledgementResponse', MsgAcknowledgementResponse.encode({ result: r }).finish());
const timeoutResponse = (r: ResponseResultType) => result('/ibc.core.channel.v1.MsgTimeoutResponse', MsgTimeoutResponse.encode({ result: r }).finish());
