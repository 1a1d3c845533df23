// A relayer in-process: two IbcTestChains, a client of each on the other, a connection and a
// channel between them, and the relaying of packets and acknowledgements with real proofs
// and real light-client updates. ibc-go's testing coordinator, for zonekit.
import type { Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { Channel, Order, State } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import { MsgCreateClientResponse } from 'cosmjs-types/ibc/core/client/v1/tx';
import { MsgChannelOpenInitResponse, MsgChannelOpenTryResponse } from 'cosmjs-types/ibc/core/channel/v1/tx';
import { TxMsgData } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import type { ExecTxResult } from 'cosmjs-types/tendermint/abci/types';
import { Any } from 'cosmjs-types/google/protobuf/any';
import { Header as TmHeader } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { channelPath, connectionPath, packetAcknowledgementPath, packetCommitmentPath, packetReceiptPath, nextSequenceRecvPath } from '../../ibc/core/24-host/paths.js';
import { compareHeights, parseHeight } from '../../ibc/core/02-client/height.js';
import type { IbcTestChain } from './chain.js';

export interface Endpoint {
  chain: IbcTestChain;
  clientId: string;
  connectionId: string;
  channelId: string;
  portId: string;
  /** The counterparty height our client of it last reached. */
  clientHeight: Height;
}

export function expectOk(result: ExecTxResult, what: string): ExecTxResult {
  if (result.code !== 0) throw new Error(`${what} failed: code ${result.code} (${result.codespace}): ${result.log}`);
  return result;
}

/** The attributes of each event of `type` in a tx result. */
export function eventsOf(result: ExecTxResult, type: string): Array<Record<string, string>> {
  return result.events.filter((e) => e.type === type).map((e) => Object.fromEntries(e.attributes.map((a) => [a.key, a.value])));
}

export function packetsSent(result: ExecTxResult): Packet[] {
  return eventsOf(result, 'send_packet').map((a) => ({
    sequence: BigInt(a.packet_sequence!),
    sourcePort: a.packet_src_port!,
    sourceChannel: a.packet_src_channel!,
    destinationPort: a.packet_dst_port!,
    destinationChannel: a.packet_dst_channel!,
    data: Uint8Array.from(Buffer.from(a.packet_data_hex!, 'hex')),
    timeoutHeight: parseHeight(a.packet_timeout_height!),
    timeoutTimestamp: BigInt(a.packet_timeout_timestamp!),
  }));
}

function response<T>(result: ExecTxResult, index: number, codec: { decode(b: Uint8Array): T }): T {
  return codec.decode(TxMsgData.decode(result.data).msgResponses[index]!.value);
}

export class IbcPath {
  readonly a: Endpoint;
  readonly b: Endpoint;

  constructor(a: IbcTestChain, b: IbcTestChain, portId = 'transfer') {
    const zero = { revisionNumber: 0n, revisionHeight: 0n };
    this.a = { chain: a, clientId: '', connectionId: '', channelId: '', portId, clientHeight: zero };
    this.b = { chain: b, clientId: '', connectionId: '', channelId: '', portId, clientHeight: zero };
  }

  other(end: Endpoint): Endpoint {
    return end === this.a ? this.b : this.a;
  }

  /** The MsgUpdateClient that brings `end`'s client of the counterparty to its latest block. */
  updateClientMsg(end: Endpoint) {
    const counterparty = this.other(end).chain;
    const header = counterparty.header(end.clientHeight);
    const msg = {
      typeUrl: '/ibc.core.client.v1.MsgUpdateClient',
      value: { clientId: end.clientId, clientMessage: Any.fromPartial({ typeUrl: '/ibc.lightclients.tendermint.v1.Header', value: TmHeader.encode(header).finish() }), signer: end.chain.relayer },
    };
    return { msg, height: counterparty.revisionHeight(header.signedHeader!.header!.height) };
  }

  async updateClient(end: Endpoint): Promise<void> {
    const { msg, height } = this.updateClientMsg(end);
    expectOk(await end.chain.send(msg), `update client ${end.clientId} on ${end.chain.chainId}`);
    end.clientHeight = height;
  }

  async createClients(): Promise<void> {
    for (const end of [this.a, this.b]) {
      const { clientState, consensusState, height } = this.other(end).chain.clientAndConsensusState();
      const result = expectOk(
        await end.chain.send({ typeUrl: '/ibc.core.client.v1.MsgCreateClient', value: { clientState, consensusState, signer: end.chain.relayer } }),
        `create client on ${end.chain.chainId}`,
      );
      end.clientId = response(result, 0, MsgCreateClientResponse).clientId;
      end.clientHeight = height;
    }
  }

  /**
   * Sends `msg` to `end` in one tx with an update of its client, as relayers batch them; without
   * one when the client already has the counterparty's latest header (a second update with the
   * same header is refused), e.g. when relaying several packets while the counterparty stands still.
   */
  async sendWithUpdate(end: Endpoint, msg: { typeUrl: string; value: unknown }, what: string): Promise<ExecTxResult> {
    const update = this.updateClientMsg(end);
    const upToDate = compareHeights(update.height, end.clientHeight) <= 0;
    const result = expectOk(await end.chain.send(...(upToDate ? [msg] : [update.msg, msg])), what);
    end.clientHeight = update.height;
    return result;
  }

  async openConnection(): Promise<void> {
    const { a, b } = this;
    const prefix = { keyPrefix: new TextEncoder().encode('ibc') };
    const init = expectOk(
      await a.chain.send({ typeUrl: '/ibc.core.connection.v1.MsgConnectionOpenInit', value: { clientId: a.clientId, counterparty: { clientId: b.clientId, connectionId: '', prefix }, delayPeriod: 0n, signer: a.chain.relayer } }),
      'connection open init',
    );
    a.connectionId = eventsOf(init, 'connection_open_init')[0]!.connection_id!;
    const initProof = a.chain.proveIbc(connectionPath(a.connectionId));
    const tryResult = await this.sendWithUpdate(b, {
      typeUrl: '/ibc.core.connection.v1.MsgConnectionOpenTry',
      value: {
        clientId: b.clientId,
        counterparty: { clientId: a.clientId, connectionId: a.connectionId, prefix },
        delayPeriod: 0n,
        counterpartyVersions: [{ identifier: '1', features: ['ORDER_ORDERED', 'ORDER_UNORDERED'] }],
        proofHeight: initProof.proofHeight,
        proofInit: initProof.proof,
        signer: b.chain.relayer,
      },
    }, 'connection open try');
    b.connectionId = eventsOf(tryResult, 'connection_open_try')[0]!.connection_id!;
    const tryProof = b.chain.proveIbc(connectionPath(b.connectionId));
    await this.sendWithUpdate(a, {
      typeUrl: '/ibc.core.connection.v1.MsgConnectionOpenAck',
      value: {
        connectionId: a.connectionId,
        counterpartyConnectionId: b.connectionId,
        version: { identifier: '1', features: ['ORDER_ORDERED', 'ORDER_UNORDERED'] },
        proofHeight: tryProof.proofHeight,
        proofTry: tryProof.proof,
        signer: a.chain.relayer,
      },
    }, 'connection open ack');
    const ackProof = a.chain.proveIbc(connectionPath(a.connectionId));
    await this.sendWithUpdate(b, {
      typeUrl: '/ibc.core.connection.v1.MsgConnectionOpenConfirm',
      value: { connectionId: b.connectionId, proofAck: ackProof.proof, proofHeight: ackProof.proofHeight, signer: b.chain.relayer },
    }, 'connection open confirm');
  }

  async openChannel(version = 'ics20-1', order = Order.ORDER_UNORDERED): Promise<void> {
    const { a, b } = this;
    const init = expectOk(
      await a.chain.send({
        typeUrl: '/ibc.core.channel.v1.MsgChannelOpenInit',
        value: { portId: a.portId, channel: { state: State.STATE_INIT, ordering: order, counterparty: { portId: b.portId, channelId: '' }, connectionHops: [a.connectionId], version }, signer: a.chain.relayer },
      }),
      'channel open init',
    );
    a.channelId = response(init, 0, MsgChannelOpenInitResponse).channelId;
    await this.finishChannelOpen();
  }

  /**
   * The MsgChannelOpenTry answering the channel `source` initialized (with a relayer's
   * MsgChannelOpenInit, or an app's own message, as ICS-27's MsgRegisterInterchainAccount),
   * in the ordering and version its channel end holds.
   */
  channelOpenTryMsg(source: Endpoint) {
    const dest = this.other(source);
    const init = source.chain.proveIbc(channelPath(source.portId, source.channelId));
    const { ordering, version } = Channel.decode(init.value);
    return {
      typeUrl: '/ibc.core.channel.v1.MsgChannelOpenTry',
      value: {
        portId: dest.portId,
        previousChannelId: '',
        channel: { state: State.STATE_TRYOPEN, ordering, counterparty: { portId: source.portId, channelId: source.channelId }, connectionHops: [dest.connectionId], version },
        counterpartyVersion: version,
        proofInit: init.proof,
        proofHeight: init.proofHeight,
        signer: dest.chain.relayer,
      },
    };
  }

  /** Relays try, ack and confirm for the channel already initialized on `a` (a.channelId set); each side's version is the one its app answered. */
  async finishChannelOpen(): Promise<void> {
    const { a, b } = this;
    const tried = await this.sendWithUpdate(b, this.channelOpenTryMsg(a), 'channel open try');
    const { channelId, version } = MsgChannelOpenTryResponse.decode(TxMsgData.decode(tried.data).msgResponses.at(-1)!.value);
    b.channelId = channelId;
    const tryProof = b.chain.proveIbc(channelPath(b.portId, b.channelId));
    await this.sendWithUpdate(a, {
      typeUrl: '/ibc.core.channel.v1.MsgChannelOpenAck',
      value: { portId: a.portId, channelId: a.channelId, counterpartyChannelId: b.channelId, counterpartyVersion: version, proofTry: tryProof.proof, proofHeight: tryProof.proofHeight, signer: a.chain.relayer },
    }, 'channel open ack');
    const ackProof = a.chain.proveIbc(channelPath(a.portId, a.channelId));
    await this.sendWithUpdate(b, {
      typeUrl: '/ibc.core.channel.v1.MsgChannelOpenConfirm',
      value: { portId: b.portId, channelId: b.channelId, proofAck: ackProof.proof, proofHeight: ackProof.proofHeight, signer: b.chain.relayer },
    }, 'channel open confirm');
  }

  async setup(version = 'ics20-1', order = Order.ORDER_UNORDERED): Promise<void> {
    await this.createClients();
    await this.openConnection();
    await this.openChannel(version, order);
  }

  endOf(chain: IbcTestChain): Endpoint {
    return chain === this.a.chain ? this.a : this.b;
  }

  /** The MsgRecvPacket for `packet` (sent from `source`), with its commitment proof. */
  recvMsg(source: Endpoint, packet: Packet) {
    const dest = this.other(source);
    const proof = source.chain.proveIbc(packetCommitmentPath(packet.sourcePort, packet.sourceChannel, packet.sequence));
    return { typeUrl: '/ibc.core.channel.v1.MsgRecvPacket', value: { packet, proofCommitment: proof.proof, proofHeight: proof.proofHeight, signer: dest.chain.relayer } };
  }

  /** Delivers `packet` to its destination; returns the destination's tx result (with write_acknowledgement). */
  async recvPacket(source: Endpoint, packet: Packet): Promise<ExecTxResult> {
    return this.sendWithUpdate(this.other(source), this.recvMsg(source, packet), `recv packet ${packet.sequence}`);
  }

  /** The MsgAcknowledgement for `packet` (sent from `source`), with the proof of the destination's ack. */
  ackMsg(source: Endpoint, packet: Packet, acknowledgement: Uint8Array) {
    const dest = this.other(source);
    const proof = dest.chain.proveIbc(packetAcknowledgementPath(packet.destinationPort, packet.destinationChannel, packet.sequence));
    return {
      typeUrl: '/ibc.core.channel.v1.MsgAcknowledgement',
      value: { packet, acknowledgement, proofAcked: proof.proof, proofHeight: proof.proofHeight, signer: source.chain.relayer },
    };
  }

  /** Delivers the acknowledgement written on the destination back to the source. */
  async acknowledgePacket(source: Endpoint, packet: Packet, acknowledgement: Uint8Array): Promise<ExecTxResult> {
    return this.sendWithUpdate(source, this.ackMsg(source, packet, acknowledgement), `acknowledge packet ${packet.sequence}`);
  }

  /** Relays a packet and its acknowledgement; returns the acknowledgement bytes. */
  async relay(source: Endpoint, packet: Packet): Promise<Uint8Array> {
    const recv = await this.recvPacket(source, packet);
    const ack = Uint8Array.from(Buffer.from(eventsOf(recv, 'write_acknowledgement')[0]!.packet_ack_hex!, 'hex'));
    await this.acknowledgePacket(source, packet, ack);
    return ack;
  }

  /** Times out `packet` on its source: proves its receipt is absent (UNORDERED) or the next receive sequence (ORDERED). */
  async timeoutPacket(source: Endpoint, packet: Packet, ordered = false): Promise<ExecTxResult> {
    const dest = this.other(source);
    const path = ordered ? nextSequenceRecvPath(packet.destinationPort, packet.destinationChannel) : packetReceiptPath(packet.destinationPort, packet.destinationChannel, packet.sequence);
    const proof = dest.chain.proveIbc(path);
    const nextSequenceRecv = ordered ? new DataView(proof.value.buffer, proof.value.byteOffset, 8).getBigUint64(0) : packet.sequence;
    return this.sendWithUpdate(source, {
      typeUrl: '/ibc.core.channel.v1.MsgTimeout',
      value: { packet, proofUnreceived: proof.proof, proofHeight: proof.proofHeight, nextSequenceRecv, signer: source.chain.relayer },
    }, `timeout packet ${packet.sequence}`);
  }
}
