// The example module end to end: its generated codec, its handler and query, and a cosmjs-signed
// tx through the whole zone pipeline, with the registry types and amino converters it exports.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DirectSecp256k1HdWallet, Registry } from '@cosmjs/proto-signing';
import { AminoTypes, createDefaultAminoConverters, defaultRegistryTypes, SigningStargateClient } from '@cosmjs/stargate';
import { Secp256k1HdWallet } from '@cosmjs/amino';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { bech32Codec } from '../../app/address-codec.js';
import { CodedError } from '../../app/errors.js';
import { eventLines, testContext } from '../../app/testing.js';
import { TestChain } from '../../zone/testing.js';
import { counterAminoConverters, counterRegistryTypes, MSG_INCREMENT_TYPE_URL, MsgIncrement, QUERY_COUNT_PATH, QueryCountRequest, QueryCountResponse } from './schema.js';
import { STORE_KEY } from './keeper.js';
import { counterModule } from './module.js';

const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const SENDER = 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4';
const FEE = { amount: [{ denom: 'uatom', amount: '2000' }], gas: '200000' };

describe('counter (example module)', () => {
  it('encodes MsgIncrement as protobuf would', () => {
    const bytes = MsgIncrement.encode({ sender: 'ab', by: 300n }).finish();
    assert.deepEqual([...bytes], [0x0a, 2, 0x61, 0x62, 0x10, 0xac, 0x02]);
    assert.deepEqual(MsgIncrement.decode(bytes), { sender: 'ab', by: 300n });
    assert.deepEqual(QueryCountResponse.decode(QueryCountResponse.encode({ count: 7n }).finish()), { count: 7n });
  });

  it('increments, emits an event, answers the query, and refuses bad increments', () => {
    const counter = counterModule({ addressCodec: bech32Codec('cosmos') });
    const ctx = testContext({ stores: [STORE_KEY] });
    const handler = counter.msgs[MSG_INCREMENT_TYPE_URL]!;
    handler.handle(ctx, { sender: SENDER, by: 2n });
    handler.handle(ctx, { sender: SENDER, by: 3n });
    assert.deepEqual(eventLines(ctx.events).at(-1), `increment: sender=${SENDER}, by=3, count=5`);
    const answer = counter.queries[QUERY_COUNT_PATH as keyof typeof counter.queries]!(ctx, QueryCountRequest.encode({ address: SENDER }).finish());
    assert.equal(QueryCountResponse.decode(answer).count, 5n);
    assert.throws(() => handler.validate!({ sender: SENDER, by: 0n }), (err: unknown) => err instanceof CodedError && err.codespace === 'counter' && err.code === 2);
    const exported = counter.genesis.export(ctx);
    assert.deepEqual(exported, { counts: [{ address: SENDER, count: '5' }] });
  });

  describe('in the zone, signed by cosmjs', () => {
    let chain: TestChain;
    before(async () => {
      chain = await TestChain.start({ accounts: [{ address: SENDER, coins: [{ denom: 'uatom', amount: '100000' }] }] });
      await chain.deliver([]);
    });
    after(async () => chain.close());

    const count = () => QueryCountResponse.decode(chain.query(QUERY_COUNT_PATH, QueryCountRequest.encode({ address: SENDER }).finish()).value).count;

    it('runs MsgIncrement signed in DIRECT mode with the codec registered', async () => {
      const registry = new Registry([...defaultRegistryTypes, ...counterRegistryTypes]);
      const client = await SigningStargateClient.offline(await DirectSecp256k1HdWallet.fromMnemonic(MNEMONIC), { registry });
      const msg = { typeUrl: MSG_INCREMENT_TYPE_URL, value: MsgIncrement.fromPartial({ sender: SENDER, by: 4n }) };
      const tx = await client.sign(SENDER, [msg], FEE, '', { accountNumber: 0n, sequence: 0, chainId: chain.chainId });
      const { results } = await chain.deliver([TxRaw.encode(tx).finish()]);
      assert.equal(results[0]!.code, 0, results[0]!.log);
      assert.equal(count(), 4n);
    });

    it('runs MsgIncrement signed in amino JSON with its converter', async () => {
      const registry = new Registry([...defaultRegistryTypes, ...counterRegistryTypes]);
      const aminoTypes = new AminoTypes({ ...createDefaultAminoConverters(), ...counterAminoConverters });
      const client = await SigningStargateClient.offline(await Secp256k1HdWallet.fromMnemonic(MNEMONIC), { registry, aminoTypes });
      const msg = { typeUrl: MSG_INCREMENT_TYPE_URL, value: MsgIncrement.fromPartial({ sender: SENDER, by: 1n }) };
      const tx = await client.sign(SENDER, [msg], FEE, '', { accountNumber: 0n, sequence: 1, chainId: chain.chainId });
      const { results } = await chain.deliver([TxRaw.encode(tx).finish()]);
      assert.equal(results[0]!.code, 0, results[0]!.log);
      assert.equal(count(), 5n);
    });
  });
});
