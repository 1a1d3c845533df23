// IBC between two zones in-process: real 07-tendermint clients following signed headers,
// real ICS-23 proofs from each zone's store, the whole handshake and ICS-20 transfers, and
// the bad input relayers and attackers send. The relayer is zone/ibc-testing's; the
// integration tests do the same through the stock Go relayer and CometBFT.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { QueryBalanceRequest, QueryBalanceResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { Channel, State } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { MsgRecvPacketResponse, ResponseResultType } from 'cosmjs-types/ibc/core/channel/v1/tx';
import { TxMsgData } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import type { ExecTxResult } from 'cosmjs-types/tendermint/abci/types';
import { channelPath } from '../ibc/core/24-host/paths.js';
import { escrowAddress } from '../ibc/apps/transfer/keys.js';
import { toBech32Address } from '../app/tx/address.js';
import { IbcTestChain } from './ibc-testing/chain.js';
import { IbcPath, eventsOf, expectOk, packetsSent } from './ibc-testing/path.js';

const ALICE = 'cosmos1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du';
// ibc-go v8 04-channel ErrRedundantTx (codespace `channel`).
const REDUNDANT_TX = 22;

function assertRedundant(res: { code: number; codespace: string; log: string }): void {
  assert.equal(res.codespace, 'channel', res.log);
  assert.equal(res.code, REDUNDANT_TX, res.log);
}

function voucher(port: string, channel: string, base: string): string {
  return `ibc/${createHash('sha256').update(`${port}/${channel}/${base}`).digest('hex').toUpperCase()}`;
}

describe('IBC between two zones (in-process relayer, real light clients and proofs)', () => {
  let a: IbcTestChain;
  let b: IbcTestChain;
  let path: IbcPath;

  const balance = (chain: IbcTestChain, address: string, denom: string): bigint =>
    BigInt(QueryBalanceResponse.decode(chain.query('/cosmos.bank.v1beta1.Query/Balance', QueryBalanceRequest.encode({ address, denom }).finish())).balance!.amount);

  const transfer = (from: IbcTestChain, channel: string, amount: string, denom: string, receiver: string, timeout: { height?: bigint; timestamp?: bigint } = {}) =>
    from.send({
      typeUrl: '/ibc.applications.transfer.v1.MsgTransfer',
      value: {
        sourcePort: 'transfer',
        sourceChannel: channel,
        token: { denom, amount },
        sender: from.relayer,
        receiver,
        timeoutHeight: { revisionNumber: timeout.height === undefined ? 0n : 1n, revisionHeight: timeout.height ?? 0n },
        timeoutTimestamp: timeout.timestamp ?? (timeout.height === undefined ? 1_800_000_000_000_000_000n : 0n),
        memo: '',
      },
    });

  before(async () => {
    a = await IbcTestChain.start('zone-a-1', 1);
    b = await IbcTestChain.start('zone-b-1', 2);
    path = new IbcPath(a, b);
    await path.setup();
  });
  after(async () => {
    await a?.close();
    await b?.close();
  });

  it('opens clients, a connection and a transfer channel with the full handshake', () => {
    for (const end of [path.a, path.b]) {
      const channel = Channel.decode(end.chain.proveIbc(channelPath('transfer', end.channelId)).value);
      assert.equal(channel.state, State.STATE_OPEN);
      assert.equal(channel.version, 'ics20-1');
      assert.equal(channel.counterparty.channelId, path.other(end).channelId);
    }
    assert.equal(path.a.clientId, '07-tendermint-0');
    assert.equal(path.a.connectionId, 'connection-0');
    assert.equal(path.a.channelId, 'channel-0');
  });

  it('moves tokens A → B as vouchers and back, escrow and supply exact', async () => {
    const before = balance(a, a.relayer, 'uatom');
    const sent = expectOk(await transfer(a, path.a.channelId, '1000', 'uatom', ALICE), 'transfer');
    const [packet] = packetsSent(sent);
    assert.ok(packet);
    const ack = await path.relay(path.a, packet);
    assert.equal(Buffer.from(ack).toString(), '{"result":"AQ=="}');
    const ibcDenom = voucher('transfer', path.b.channelId, 'uatom');
    assert.equal(balance(b, ALICE, ibcDenom), 1000n);
    // 5000uatom of fee per tx: the transfer paid one, the relayed ack another.
    assert.equal(balance(a, a.relayer, 'uatom'), before - 1000n - 10_000n);
  });

  const escrow = (chain: IbcTestChain, channel: string) => balance(chain, toBech32Address('cosmos', escrowAddress('transfer', channel)), 'uatom');

  it('unwinds a voucher to its source: burned on B, released from escrow on A', async () => {
    const ibcDenom = voucher('transfer', path.b.channelId, 'uatom');
    const [out] = packetsSent(expectOk(await transfer(a, path.a.channelId, '500', 'uatom', b.relayer), 'transfer to B'));
    await path.relay(path.a, out!);
    const escrowBefore = escrow(a, path.a.channelId);
    const aliceBefore = balance(a, ALICE, 'uatom');
    const [back] = packetsSent(expectOk(await transfer(b, path.b.channelId, '400', ibcDenom, ALICE), 'transfer back'));
    assert.equal(balance(b, b.relayer, ibcDenom), 100n, 'the voucher was burned on sending');
    const ack = await path.relay(path.b, back!);
    assert.equal(Buffer.from(ack).toString(), '{"result":"AQ=="}');
    assert.equal(escrow(a, path.a.channelId), escrowBefore - 400n);
    assert.equal(balance(a, ALICE, 'uatom'), aliceBefore + 400n, 'native uatom, not a voucher of a voucher');
  });

  it('a redundant receive is a no-op in a block and is refused in CheckTx', async () => {
    const [packet] = packetsSent(expectOk(await transfer(a, path.a.channelId, '10', 'uatom', ALICE), 'transfer'));
    const recv = path.recvMsg(path.a, packet!);
    await path.recvPacket(path.a, packet!);
    assertRedundant(b.chain.checkTx(await b.sign(recv)));
    const again = expectOk(await b.send(recv), 'second receive');
    assert.equal(recvResult(again), ResponseResultType.RESPONSE_RESULT_TYPE_NOOP);
    assert.equal(balance(b, ALICE, voucher('transfer', path.b.channelId, 'uatom')), 1010n, 'received once');
  });

  const recvResult = (res: ExecTxResult, index = 0) => MsgRecvPacketResponse.decode(TxMsgData.decode(res.data).msgResponses[index]!.value).result;

  it('passes CheckTx for a tx mixing a redundant receive with another message (ibc-go stops checking there)', async () => {
    const [packet] = packetsSent(expectOk(await transfer(a, path.a.channelId, '3', 'uatom', ALICE), 'transfer'));
    const recv = path.recvMsg(path.a, packet!);
    await path.recvPacket(path.a, packet!);
    const bankSend = { typeUrl: '/cosmos.bank.v1beta1.MsgSend', value: { fromAddress: b.relayer, toAddress: ALICE, amount: [{ denom: 'uatom', amount: '1' }] } };
    assertRedundant(b.chain.checkTx(await b.sign(recv)));
    // Either order; the second tx queues behind the first, whose CheckTx moved the sequence on.
    const recvThenSend = await b.sign(recv, bankSend);
    const sendThenRecv = await b.signAhead(1, bankSend, recv);
    for (const tx of [recvThenSend, sendThenRecv]) {
      const res = b.chain.checkTx(tx);
      assert.equal(res.code, 0, res.log);
    }
    const aliceBefore = balance(b, ALICE, 'uatom');
    const [first, second] = await b.nextBlock([recvThenSend, sendThenRecv]);
    assert.equal(recvResult(expectOk(first!, 'recv + send')), ResponseResultType.RESPONSE_RESULT_TYPE_NOOP);
    assert.equal(recvResult(expectOk(second!, 'send + recv'), 1), ResponseResultType.RESPONSE_RESULT_TYPE_NOOP);
    assert.equal(balance(b, ALICE, 'uatom'), aliceBefore + 2n);
  });

  it('refuses bad proofs, unknown channels and forged acks with ibc-go codes, changing nothing', async () => {
    const [packet] = packetsSent(expectOk(await transfer(a, path.a.channelId, '7', 'uatom', ALICE), 'transfer'));
    const good = path.recvMsg(path.a, packet!);
    const voucherBefore = balance(b, ALICE, voucher('transfer', path.b.channelId, 'uatom'));
    // A proof of another path (the channel end) for the packet commitment.
    const wrongPath = a.proveIbc(channelPath('transfer', path.a.channelId));
    await path.updateClient(path.b);
    const badProof = { ...good, value: { ...good.value, proofCommitment: wrongPath.proof } };
    // CheckTx runs RecvPacket's checks (ibc-go's recvPacketCheckTx): the same error as the block's.
    const checked = b.chain.checkTx(await b.sign(badProof));
    let res = await b.send(badProof);
    assert.equal(res.codespace, 'commitment', res.log);
    assert.deepEqual([checked.codespace, checked.code], [res.codespace, res.code], checked.log);
    assert.match(checked.log, /receive packet verification failed: couldn't verify counterparty packet commitment/);
    // Malformed proof bytes.
    res = await b.send({ ...good, value: { ...good.value, proofCommitment: new Uint8Array([1, 2, 3]) } });
    assert.notEqual(res.code, 0);
    // A proof height the client does not have.
    res = await b.send({ ...good, value: { ...good.value, proofHeight: { revisionNumber: 1n, revisionHeight: 99_999n } } });
    assert.equal(res.codespace, 'client', res.log);
    // An unknown destination channel.
    const unknownChannel = { ...good, value: { ...good.value, packet: { ...packet!, destinationChannel: 'channel-9' } } };
    const checkedUnknown = b.chain.checkTx(await b.sign(unknownChannel));
    assert.deepEqual([checkedUnknown.codespace, checkedUnknown.code], ['channel', 3], checkedUnknown.log);
    res = await b.send(unknownChannel);
    assert.equal(res.codespace, 'channel', res.log);
    assert.equal(res.code, 3, res.log);
    assert.equal(balance(b, ALICE, voucher('transfer', path.b.channelId, 'uatom')), voucherBefore, 'nothing received');
    // Now the real receive, then a forged acknowledgement on A.
    const recv = expectOk(await b.send(good), 'the valid receive');
    assert.equal(eventsOf(recv, 'write_acknowledgement').length, 1);
    const forged = new TextEncoder().encode('{"error":"forged"}');
    await assert.rejects(path.acknowledgePacket(path.a, packet!, forged), /failed/);
    assert.ok(a.proveIbc(`commitments/ports/transfer/channels/${path.a.channelId}/sequences/${packet!.sequence}`).value.length > 0, 'commitment kept');
  });

  it('refunds a packet whose timeout passed, and an error ack for an invalid receiver', async () => {
    const before = escrow(a, path.a.channelId);
    const [late] = packetsSent(expectOk(await transfer(a, path.a.channelId, '50', 'uatom', ALICE, { height: b.height + 1n }), 'transfer'));
    assert.equal(escrow(a, path.a.channelId), before + 50n);
    await b.nextBlock();
    await b.nextBlock();
    expectOk(await path.timeoutPacket(path.a, late!), 'timeout');
    assert.equal(escrow(a, path.a.channelId), before, 'timeout refunded');
    const [bad] = packetsSent(expectOk(await transfer(a, path.a.channelId, '60', 'uatom', 'not-an-address'), 'transfer'));
    const ack = await path.relay(path.a, bad!);
    assert.match(Buffer.from(ack).toString(), /^\{"error":"ABCI code: \d+: error handling packet: see events for details"\}$/);
    assert.equal(escrow(a, path.a.channelId), before, 'error ack refunded');
  });

  it('passes CheckTx for a client update and a packet proved at its height in one tx; the block still runs both', async () => {
    const [packet] = packetsSent(expectOk(await transfer(a, path.a.channelId, '11', 'uatom', ALICE), 'transfer'));
    const recv = path.recvMsg(path.a, packet!);
    const update = path.updateClientMsg(path.b);
    // Alone, the proof is at a height B's client of A does not have yet.
    const alone = b.chain.checkTx(await b.sign(recv));
    assert.equal(alone.codespace, 'client', alone.log);
    // With the update first, CheckTx stores the header in its own state and the proof verifies.
    const tx = await b.sign(update.msg, recv);
    const checked = b.chain.checkTx(tx);
    assert.equal(checked.code, 0, checked.log);
    // That state is CheckTx's: the block updates the client and receives the packet itself.
    const voucherBefore = balance(b, ALICE, voucher('transfer', path.b.channelId, 'uatom'));
    const [res] = await b.nextBlock([tx]);
    expectOk(res!, 'update + recv');
    path.b.clientHeight = update.height;
    assert.equal(eventsOf(res!, 'update_client').length, 1);
    assert.equal(recvResult(res!, 1), ResponseResultType.RESPONSE_RESULT_TYPE_SUCCESS);
    assert.equal(eventsOf(res!, 'write_acknowledgement').length, 1);
    assert.equal(balance(b, ALICE, voucher('transfer', path.b.channelId, 'uatom')), voucherBefore + 11n);
  });

  it('keeps CheckTx writes until the block: a second copy of a receive is redundant; ReCheckTx only checks replay', async () => {
    const [packet] = packetsSent(expectOk(await transfer(a, path.a.channelId, '12', 'uatom', ALICE), 'transfer'));
    const recv = path.recvMsg(path.a, packet!);
    const update = path.updateClientMsg(path.b);
    const first = await b.sign(update.msg, recv);
    assert.equal(b.chain.checkTx(first).code, 0);
    // Another relayer's copy, before any block: the receipt is already in the CheckTx state.
    assertRedundant(b.chain.checkTx(await b.signAhead(1, recv)));
    expectOk((await b.nextBlock([first]))[0]!, 'update + recv');
    path.b.clientHeight = update.height;
    // A copy still in the mempool after that block, with a proof that would not verify: ReCheckTx
    // skips the proof (ibc-go's RecvPacketReCheckTx) and finds the packet received; a new CheckTx
    // of the same tx verifies it and fails on the proof.
    const stale = await b.sign({ ...recv, value: { ...recv.value, proofCommitment: a.proveIbc(channelPath('transfer', path.a.channelId)).proof } });
    assertRedundant(b.chain.checkTx(stale, true));
    assert.equal(b.chain.checkTx(stale).codespace, 'commitment');
  });
});
