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
import { channelPath } from '../ibc/core/24-host/paths.js';
import { escrowAddress } from '../ibc/apps/transfer/keys.js';
import { toBech32Address } from '../app/tx/address.js';
import { IbcTestChain } from './ibc-testing/chain.js';
import { IbcPath, eventsOf, expectOk, packetsSent } from './ibc-testing/path.js';

const ALICE = 'cosmos1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du';

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
    const again = expectOk(await b.send(recv), 'second receive');
    const result = MsgRecvPacketResponse.decode(TxMsgData.decode(again.data).msgResponses[0]!.value).result;
    assert.equal(result, ResponseResultType.RESPONSE_RESULT_TYPE_NOOP);
    assert.equal(balance(b, ALICE, voucher('transfer', path.b.channelId, 'uatom')), 1010n, 'received once');
  });

  it('refuses bad proofs, unknown channels and forged acks with ibc-go codes, changing nothing', async () => {
    const [packet] = packetsSent(expectOk(await transfer(a, path.a.channelId, '7', 'uatom', ALICE), 'transfer'));
    const good = path.recvMsg(path.a, packet!);
    const voucherBefore = balance(b, ALICE, voucher('transfer', path.b.channelId, 'uatom'));
    // A proof of another path (the channel end) for the packet commitment.
    const wrongPath = a.proveIbc(channelPath('transfer', path.a.channelId));
    await path.updateClient(path.b);
    let res = await b.send({ ...good, value: { ...good.value, proofCommitment: wrongPath.proof } });
    assert.equal(res.codespace, 'commitment', res.log);
    // Malformed proof bytes.
    res = await b.send({ ...good, value: { ...good.value, proofCommitment: new Uint8Array([1, 2, 3]) } });
    assert.notEqual(res.code, 0);
    // A proof height the client does not have.
    res = await b.send({ ...good, value: { ...good.value, proofHeight: { revisionNumber: 1n, revisionHeight: 99_999n } } });
    assert.equal(res.codespace, 'client', res.log);
    // An unknown destination channel.
    res = await b.send({ ...good, value: { ...good.value, packet: { ...packet!, destinationChannel: 'channel-9' } } });
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
});
