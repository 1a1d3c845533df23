// The CLI's transfer command against a stand-in node: relative timeouts from the channel's
// client (height + 1000 blocks, time + 10 minutes), trace denoms sent as their voucher.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Any } from 'cosmjs-types/google/protobuf/any';
import { QueryChannelClientStateResponse } from 'cosmjs-types/ibc/core/channel/v1/query';
import { QueryConsensusStateResponse } from 'cosmjs-types/ibc/core/client/v1/query';
import { ClientState, ConsensusState } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import type { CliContext, EncodedMsg } from '../../../app/cli-types.js';
import { parseHeight, transferCli } from './cli.js';
import { MsgTransfer } from './proto.js';

const SENDER = 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4';
// 2036: later than the local clock, and below 2^31 seconds (cosmjs-types 0.11 writes int64 values in [2^31, 2^32) as 0).
const FUTURE_NS = 2_100_000_000n * 1_000_000_000n;

function fakeContext(submitted: EncodedMsg[]): CliContext {
  return {
    home: '/tmp',
    address: async () => SENDER,
    coins: (text) => [{ denom: text.replace(/^[0-9]+/, ''), amount: /^[0-9]+/.exec(text)![0] }],
    async query(path) {
      if (path === '/ibc.core.channel.v1.Query/ChannelClientState') {
        const clientState = ClientState.fromPartial({ chainId: 'osmo-1', latestHeight: { revisionNumber: 1n, revisionHeight: 500n } });
        return QueryChannelClientStateResponse.encode({
          identifiedClientState: { clientId: '07-tendermint-0', clientState: Any.fromPartial({ typeUrl: '/ibc.lightclients.tendermint.v1.ClientState', value: ClientState.encode(clientState).finish() }) },
          proof: new Uint8Array(),
          proofHeight: { revisionNumber: 0n, revisionHeight: 0n },
        }).finish();
      }
      assert.equal(path, '/ibc.core.client.v1.Query/ConsensusState');
      const consensus = ConsensusState.fromPartial({ timestamp: { seconds: FUTURE_NS / 1_000_000_000n, nanos: 0 } });
      return QueryConsensusStateResponse.encode({
        consensusState: Any.fromPartial({ typeUrl: '/ibc.lightclients.tendermint.v1.ConsensusState', value: ConsensusState.encode(consensus).finish() }),
        proof: new Uint8Array(),
        proofHeight: { revisionNumber: 0n, revisionHeight: 0n },
      }).finish();
    },
    async submit(_from, msgs) {
      submitted.push(...msgs);
    },
    print() {},
  };
}

describe('zonekit tx transfer transfer', () => {
  const command = transferCli.tx![0]!;

  it('adds the default relative timeouts to the counterparty client height and time', async () => {
    const submitted: EncodedMsg[] = [];
    const options = { from: 'alice', packetTimeoutHeight: '0-1000', packetTimeoutTimestamp: '600000000000', packetMemo: 'hi' };
    await command.run(fakeContext(submitted), ['transfer', 'channel-0', 'osmo1receiver', '5transfer/channel-0/uatom'], options);
    const msg = MsgTransfer.decode(submitted[0]!.value);
    assert.deepEqual(msg.timeoutHeight, { revisionNumber: 1n, revisionHeight: 1500n });
    assert.equal(msg.timeoutTimestamp, FUTURE_NS + 600_000_000_000n);
    assert.deepEqual(msg.token, { denom: 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2', amount: '5' });
    assert.equal(msg.memo, 'hi');
    assert.equal(msg.sender, SENDER);
  });

  it('takes absolute timeouts as given', async () => {
    const submitted: EncodedMsg[] = [];
    const options = { from: 'alice', packetTimeoutHeight: '2-77', packetTimeoutTimestamp: '0', absoluteTimeouts: true };
    await command.run(fakeContext(submitted), ['transfer', 'channel-0', 'osmo1receiver', '5uatom'], options);
    const msg = MsgTransfer.decode(submitted[0]!.value);
    assert.deepEqual(msg.timeoutHeight, { revisionNumber: 2n, revisionHeight: 77n });
    assert.equal(msg.timeoutTimestamp, 0n);
    assert.equal(msg.token.denom, 'uatom');
  });

  it('parses heights as ibc-go does', () => {
    assert.deepEqual(parseHeight('0-1000'), { revisionNumber: 0n, revisionHeight: 1000n });
    assert.throws(() => parseHeight('1000'), /expected height string format: \{revision\}-\{height\}/);
  });
});
