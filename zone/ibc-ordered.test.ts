// ORDERED channels between two zones in-process, through a test app (ibc-testing/ordered-app.ts)
// since ICS-20 opens only UNORDERED ones: strict receive and acknowledgement order, redundant
// relays, and the close an ORDERED timeout forces, with ibc-go v8's codes (04-channel/types/errors.go).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Channel, Order, State } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { MsgAcknowledgementResponse, MsgRecvPacketResponse, ResponseResultType } from 'cosmjs-types/ibc/core/channel/v1/tx';
import { TxMsgData } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import type { ExecTxResult } from 'cosmjs-types/tendermint/abci/types';
import { channelPath, nextSequenceAckPath, nextSequenceRecvPath, nextSequenceSendPath, packetCommitmentPath } from '../ibc/core/24-host/paths.js';
import { IbcTestChain } from './ibc-testing/chain.js';
import { IbcPath, eventsOf, expectOk, packetsSent, type Endpoint } from './ibc-testing/path.js';
import { ERROR_DATA, MSG_SEND_PACKET_TYPE_URL, MsgSendPacket, PORT_ID, QUERY_LOG_PATH, VERSION, orderedTestApp, type LogEntry } from './ibc-testing/ordered-app.js';

// ibc-go v8 04-channel codes (codespace `channel`).
const INVALID_CHANNEL_STATE = 5;
const INVALID_CHANNEL_ORDERING = 6;
const PACKET_SEQUENCE_OUT_OF_ORDER = 21;
const REDUNDANT_TX = 22;

const FAR_FUTURE_NS = 1_800_000_000_000_000_000n;
const text = (s: string) => new TextEncoder().encode(s);
const msgResult = (res: ExecTxResult, codec: { decode(b: Uint8Array): { result: ResponseResultType } }) => codec.decode(TxMsgData.decode(res.data).msgResponses.at(-1)!.value).result;

function assertRefused(res: { code: number; codespace: string; log: string }, code: number): void {
  assert.equal(res.codespace, 'channel', res.log);
  assert.equal(res.code, code, res.log);
}

describe('ORDERED channels between two zones (orderedtest app, in-process relayer)', () => {
  let a: IbcTestChain;
  let b: IbcTestChain;
  let path: IbcPath;
  const withApp = { zone: { ibcApps: [orderedTestApp] }, msgTypes: [[MSG_SEND_PACKET_TYPE_URL, MsgSendPacket]] as Array<[string, typeof MsgSendPacket]> };

  before(async () => {
    a = await IbcTestChain.start('zone-a-1', 1, [], withApp);
    b = await IbcTestChain.start('zone-b-1', 2, [], withApp);
    path = new IbcPath(a, b, PORT_ID);
    await path.setup(VERSION, Order.ORDER_ORDERED);
  });
  after(async () => {
    await a?.close();
    await b?.close();
  });

  const sendMsg = (end: Endpoint, data: string, timeout: { height?: bigint } = {}) => ({
    typeUrl: MSG_SEND_PACKET_TYPE_URL,
    value: MsgSendPacket.fromPartial({
      signer: end.chain.relayer,
      channelId: end.channelId,
      data: text(data),
      ...(timeout.height === undefined ? { timeoutTimestamp: FAR_FUTURE_NS } : { timeoutRevisionNumber: 1n, timeoutRevisionHeight: timeout.height }),
    }),
  });
  /** A uint64 sequence of the ibc store (next send / recv / ack), as committed. */
  const seq = (end: Endpoint, pathOf: (port: string, channel: string) => string) => Buffer.from(end.chain.proveIbc(pathOf(end.portId, end.channelId)).value).readBigUInt64BE();
  const log = (chain: IbcTestChain) => JSON.parse(new TextDecoder().decode(chain.query(QUERY_LOG_PATH, new Uint8Array()))) as LogEntry[];
  const ackOf = (recv: ExecTxResult) => Uint8Array.from(Buffer.from(eventsOf(recv, 'write_acknowledgement')[0]!.packet_ack_hex!, 'hex'));
  const channelOf = (end: Endpoint) => Channel.decode(end.chain.proveIbc(channelPath(end.portId, end.channelId)).value);

  it('opens an ORDERED channel with the full handshake; the app refuses UNORDERED', async () => {
    for (const end of [path.a, path.b]) {
      const channel = channelOf(end);
      assert.equal(channel.state, State.STATE_OPEN);
      assert.equal(channel.ordering, Order.ORDER_ORDERED);
      assert.equal(channel.version, VERSION);
      assert.equal(channel.counterparty.channelId, path.other(end).channelId);
    }
    const res = await a.send({
      typeUrl: '/ibc.core.channel.v1.MsgChannelOpenInit',
      value: { portId: PORT_ID, channel: { state: State.STATE_INIT, ordering: Order.ORDER_UNORDERED, counterparty: { portId: PORT_ID, channelId: '' }, connectionHops: [path.a.connectionId], version: VERSION }, signer: a.relayer },
    });
    assertRefused(res, INVALID_CHANNEL_ORDERING);
  });

  it('receives and acknowledges strictly in order, refusing out-of-order ones and changing nothing', async () => {
    const sent = expectOk(await a.send(sendMsg(path.a, 'one'), sendMsg(path.a, 'two'), sendMsg(path.a, 'three')), 'send 1..3');
    const packets = packetsSent(sent);
    assert.deepEqual(packets.map((p) => p.sequence), [1n, 2n, 3n]);
    assert.equal(seq(path.a, nextSequenceSendPath), 4n);

    // 2 before 1: refused in CheckTx, where ibc-go's RedundantRelayDecorator runs RecvPacket's
    // core checks, and in a block too (should a proposer include it); next_sequence_recv
    // untouched, the app never called.
    await path.updateClient(path.b);
    const outOfOrder = path.recvMsg(path.a, packets[1]!);
    assertRefused(b.chain.checkTx(await b.sign(outOfOrder)), PACKET_SEQUENCE_OUT_OF_ORDER);
    assertRefused(await b.send(outOfOrder), PACKET_SEQUENCE_OUT_OF_ORDER);
    assert.equal(seq(path.b, nextSequenceRecvPath), 1n);
    assert.deepEqual(log(b), []);

    const acks: Uint8Array[] = [];
    for (const packet of packets) acks.push(ackOf(await path.recvPacket(path.a, packet)));
    assert.equal(seq(path.b, nextSequenceRecvPath), 4n);
    assert.deepEqual(log(b).map((e) => [e.kind, e.sequence, e.data]), [['recv', '1', 'one'], ['recv', '2', 'two'], ['recv', '3', 'three']]);
    assert.equal(Buffer.from(acks[0]!).toString(), '{"result":"AQ=="}');

    // Acknowledging 2 before 1 is refused likewise, in CheckTx and in a block; the commitment stays.
    await path.updateClient(path.a);
    const ackOutOfOrder = path.ackMsg(path.a, packets[1]!, acks[1]!);
    assertRefused(a.chain.checkTx(await a.sign(ackOutOfOrder)), PACKET_SEQUENCE_OUT_OF_ORDER);
    assertRefused(await a.send(ackOutOfOrder), PACKET_SEQUENCE_OUT_OF_ORDER);
    assert.equal(seq(path.a, nextSequenceAckPath), 1n);
    assert.ok(a.proveIbc(packetCommitmentPath(PORT_ID, path.a.channelId, 2n)).value.length > 0, 'commitment kept');

    for (const [i, packet] of packets.entries()) await path.acknowledgePacket(path.a, packet, acks[i]!);
    assert.equal(seq(path.a, nextSequenceAckPath), 4n);
    assert.deepEqual(log(a).map((e) => [e.kind, e.sequence]), [['ack', '1'], ['ack', '2'], ['ack', '3']]);
    for (const packet of packets) assert.equal(a.proveIbc(packetCommitmentPath(PORT_ID, path.a.channelId, packet.sequence)).value.length, 0, 'commitment deleted');
  });

  it('a redundant receive is refused in CheckTx and a no-op in a block; an error ack still advances the sequence', async () => {
    const [packet] = packetsSent(expectOk(await a.send(sendMsg(path.a, 'four')), 'send 4'));
    const recv = path.recvMsg(path.a, packet!);
    const ack4 = ackOf(await path.recvPacket(path.a, packet!));
    assert.equal(seq(path.b, nextSequenceRecvPath), 5n);

    // sequence < next_sequence_recv: ibc-go's RedundantRelayDecorator turns the tx away in CheckTx…
    assertRefused(b.chain.checkTx(await b.sign(recv)), REDUNDANT_TX);
    // …and in a block RecvPacket's ErrNoOpMsg makes the message succeed as a no-op.
    const again = expectOk(await b.send(recv), 'second receive');
    assert.equal(msgResult(again, MsgRecvPacketResponse), ResponseResultType.RESPONSE_RESULT_TYPE_NOOP);
    assert.equal(eventsOf(again, 'write_acknowledgement').length, 0);
    assert.equal(seq(path.b, nextSequenceRecvPath), 5n);
    assert.equal(log(b).filter((e) => e.data === 'four').length, 1, 'received once');
    await path.acknowledgePacket(path.a, packet!, ack4);

    // An error ack: the app's writes are dropped, but the packet counts as received (in order).
    const [bad] = packetsSent(expectOk(await a.send(sendMsg(path.a, ERROR_DATA)), 'send error packet'));
    const ack = await path.relay(path.a, bad!);
    assert.equal(Buffer.from(ack).toString(), '{"error":"orderedtest: asked to fail"}');
    assert.equal(seq(path.b, nextSequenceRecvPath), 6n);
    assert.equal(log(b).filter((e) => e.data === ERROR_DATA).length, 0, 'app writes dropped');
    assert.deepEqual(log(a).at(-1), { kind: 'ack', channel: path.a.channelId, sequence: '5', data: '{"error":"orderedtest: asked to fail"}' });
    assert.equal(seq(path.a, nextSequenceAckPath), 6n);

    // Acknowledging it again is refused in CheckTx and a no-op in a block too.
    assertRefused(a.chain.checkTx(await a.sign(path.ackMsg(path.a, bad!, ack))), REDUNDANT_TX);
    const ackAgain = expectOk(await path.acknowledgePacket(path.a, bad!, ack), 'second acknowledgement');
    assert.equal(msgResult(ackAgain, MsgAcknowledgementResponse), ResponseResultType.RESPONSE_RESULT_TYPE_NOOP);
  });

  it('a timeout closes the ORDERED channel; later sends are refused and the counterparty can close too', async () => {
    // +2: A's client of B may already be at B's height + 1, and a timeout it has reached is refused at send.
    const [late] = packetsSent(expectOk(await a.send(sendMsg(path.a, 'late', { height: b.height + 2n })), 'send late packet'));
    await b.nextBlock();
    await b.nextBlock();
    const timeout = await path.timeoutPacket(path.a, late!, true);
    assert.equal(eventsOf(timeout, 'channel_close').length, 1);
    assert.equal(channelOf(path.a).state, State.STATE_CLOSED);
    assert.equal(a.proveIbc(packetCommitmentPath(PORT_ID, path.a.channelId, late!.sequence)).value.length, 0, 'commitment deleted');
    assert.deepEqual(log(a).at(-1), { kind: 'timeout', channel: path.a.channelId, sequence: late!.sequence.toString(), data: 'late' });

    const sequenceBefore = seq(path.a, nextSequenceSendPath);
    assertRefused(await a.send(sendMsg(path.a, 'after close')), INVALID_CHANNEL_STATE);
    assert.equal(seq(path.a, nextSequenceSendPath), sequenceBefore);

    // A relayer then closes B's end by proving A's is CLOSED.
    const closed = a.proveIbc(channelPath(PORT_ID, path.a.channelId));
    await path.sendWithUpdate(path.b, {
      typeUrl: '/ibc.core.channel.v1.MsgChannelCloseConfirm',
      value: { portId: PORT_ID, channelId: path.b.channelId, proofInit: closed.proof, proofHeight: closed.proofHeight, signer: b.relayer },
    }, 'channel close confirm');
    assert.equal(channelOf(path.b).state, State.STATE_CLOSED);
  });
});
