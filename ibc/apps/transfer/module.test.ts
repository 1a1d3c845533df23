// The module's edges: MsgTransfer's ValidateBasic, amino JSON signing as cosmjs does it, the
// channel handshake callbacks, queries and genesis.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeSignDoc as makeAminoSignDoc, serializeSignDoc } from '@cosmjs/amino';
import { AminoTypes, createIbcAminoConverters } from '@cosmjs/stargate';
import type { EncodeObject } from '@cosmjs/proto-signing';
import { MsgTransfer as MsgTransferV10 } from 'cosmjs-types/ibc/applications/transfer/v1/tx';
import {
  QueryDenomHashRequest,
  QueryDenomHashResponse,
  QueryEscrowAddressRequest,
  QueryEscrowAddressResponse,
  QueryParamsResponse,
  QueryTotalEscrowForDenomRequest,
  QueryTotalEscrowForDenomResponse,
} from 'cosmjs-types/ibc/applications/transfer/v1/query';
import { Order } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { CodedError } from '../../../app/errors.js';
import { AminoConverters } from '../../../app/tx/amino.js';
import { decodeTx } from '../../../app/tx/decode.js';
import { aminoJsonSignBytes } from '../../../app/tx/sign-doc.js';
import { verifyTxSignatures } from '../../../app/tx/signatures.js';
import { aminoWallet, CHAIN_ID, FEE, signTx } from '../../../app/tx/wallets.fixture.js';
import { transferAminoConverters } from './amino.js';
import { PORT_ID, VERSION } from './keys.js';
import { validateMsgTransfer } from './msgs.js';
import { MsgTransfer, QueryDenomTraceRequest, QueryDenomTraceResponse, QueryDenomTracesRequest, QueryDenomTracesResponse } from './proto.js';
import { transferTestEnv } from './testing.js';

const ATOM_HASH = '27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2';
const sender = (await (await aminoWallet()).getAccounts())[0]!.address;

function msg(overrides: Partial<MsgTransfer> = {}): MsgTransfer {
  return MsgTransfer.fromPartial({
    sourcePort: 'transfer',
    sourceChannel: 'channel-0',
    token: { denom: 'uatom', amount: '10' },
    sender,
    receiver: 'osmo1receiver',
    timeoutHeight: { revisionNumber: 0n, revisionHeight: 0n },
    timeoutTimestamp: 1n,
    ...overrides,
  });
}

describe('MsgTransfer ValidateBasic', () => {
  const { codec } = transferTestEnv();
  const failure = (m: MsgTransfer) => {
    try {
      validateMsgTransfer(m, codec);
      return 'ok';
    } catch (err) {
      return `${(err as CodedError).codespace}/${(err as CodedError).code}: ${(err as Error).message}`;
    }
  };

  it('accepts a good transfer', () => assert.equal(failure(msg()), 'ok'));
  it('checks ids, coin, addresses and lengths with ibc-go codes', () => {
    assert.match(failure(msg({ sourcePort: 'x' })), /^host\/2: invalid source port ID: identifier x has invalid length/);
    assert.match(failure(msg({ sourceChannel: 'ch/1' })), /^host\/2: invalid source channel ID: /);
    assert.equal(failure(msg({ token: { denom: 'uatom', amount: '0' } })), 'ibc/3: 0uatom: insufficient funds');
    assert.equal(failure(msg({ token: { denom: 'u', amount: '5' } })), 'ibc/6: 5u: invalid coins');
    assert.equal(failure(msg({ token: { denom: 'uatom', amount: '-5' } })), 'ibc/6: -5uatom: invalid coins');
    assert.match(failure(msg({ sender: 'osmo1xyz' })), /^ibc\/5: string could not be parsed as address: /);
    assert.equal(failure(msg({ receiver: '  ' })), 'ibc/5: missing recipient address: invalid address');
    assert.equal(failure(msg({ receiver: 'a'.repeat(2049) })), 'ibc/5: recipient address must not exceed 2048 bytes: invalid address');
    assert.equal(failure(msg({ memo: 'é'.repeat(16385) })), 'transfer/11: memo must not exceed 32768 bytes: invalid memo');
    assert.equal(failure(msg({ token: { denom: 'ibc/abc', amount: '1' } })), 'undefined/1: invalid denom trace hash abc: encoding/hex: odd length hex string');
    // Both timeouts zero is refused by core's SendPacket (Packet.ValidateBasic), as in ibc-go.
    assert.equal(failure(msg({ timeoutTimestamp: 0n })), 'ok');
  });

  it("refuses v10's `encoding` field, which v8 does not know", () => {
    const { transfer } = transferTestEnv();
    const handler = transfer.msgs[MsgTransfer.typeUrl]!;
    const v10 = MsgTransferV10.encode({ ...msg(), encoding: 'application/json' }).finish();
    assert.throws(() => handler.decode(v10), /unknown field 9/);
    assert.deepEqual(handler.decode(MsgTransfer.encode(msg()).finish()), msg());
    assert.throws(() => handler.decode(MsgTransfer.encode(msg({ token: { denom: 'uatom', amount: '1x' } })).finish()), /invalid token amount/);
  });
});

describe('amino JSON', () => {
  const ours = new AminoConverters().registerAll(transferAminoConverters);
  const cosmjs = new AminoTypes(createIbcAminoConverters());
  const cases: Array<[string, MsgTransfer]> = [
    ['timeouts, memo and an ibc denom', msg({ token: { denom: `ibc/${ATOM_HASH}`, amount: '7' }, timeoutHeight: { revisionNumber: 2n, revisionHeight: 1234n }, timeoutTimestamp: 1_700_000_000_000_000_000n, memo: '{"forward":{"receiver":"<x>"}}' })],
    ['zero timeout height and empty memo', msg()],
  ];
  for (const [name, m] of cases) {
    it(`sign bytes equal cosmjs's and verify: ${name}`, async () => {
      const encodeObject: EncodeObject = { typeUrl: MsgTransfer.typeUrl, value: MsgTransferV10.fromPartial({ ...m, encoding: '' }) };
      assert.deepEqual(ours.toAmino({ typeUrl: MsgTransfer.typeUrl, value: MsgTransfer.encode(m).finish() }), cosmjs.toAmino(encodeObject));
      const txBytes = await signTx(await aminoWallet(), { messages: [encodeObject], memo: 'note', accountNumber: 12n, sequence: 9 });
      const tx = decodeTx(txBytes);
      const expected = serializeSignDoc(makeAminoSignDoc([cosmjs.toAmino(encodeObject)], FEE, CHAIN_ID, 'note', 12, 9));
      assert.equal(new TextDecoder().decode(aminoJsonSignBytes(tx, CHAIN_ID, 12n, 9n, ours)), new TextDecoder().decode(expected));
      verifyTxSignatures(tx, [{ address: sender, accountNumber: 12n, sequence: 9n }], CHAIN_ID, { aminoConverters: ours });
    });
  }
});

describe('channel handshake', () => {
  const { ctx, transfer } = transferTestEnv();
  const m = transfer.ibcModule;
  const cp = { portId: 'transfer', channelId: '' };
  const error = (f: () => unknown) => {
    try {
      f();
      return 'ok';
    } catch (err) {
      return `${(err as CodedError).codespace}/${(err as CodedError).code}: ${(err as Error).message}`;
    }
  };

  it('opens UNORDERED ics20-1 channels on the bound port only', () => {
    assert.equal(m.onChanOpenInit(ctx, Order.ORDER_UNORDERED, ['connection-0'], PORT_ID, 'channel-0', cp, ''), VERSION);
    assert.equal(m.onChanOpenInit(ctx, Order.ORDER_UNORDERED, ['connection-0'], PORT_ID, 'channel-0', cp, VERSION), VERSION);
    assert.equal(error(() => m.onChanOpenInit(ctx, Order.ORDER_UNORDERED, [], PORT_ID, 'channel-0', cp, 'ics20-2')), 'transfer/4: expected ics20-1, got ics20-2: invalid ICS20 version');
    assert.equal(error(() => m.onChanOpenInit(ctx, Order.ORDER_ORDERED, [], PORT_ID, 'channel-0', cp, '')), 'channel/6: expected ORDER_UNORDERED channel, got ORDER_ORDERED : invalid channel ordering');
    assert.equal(error(() => m.onChanOpenInit(ctx, Order.ORDER_UNORDERED, [], 'other', 'channel-0', cp, '')), 'port/4: invalid port: other, expected transfer: invalid port');
    assert.equal(error(() => m.onChanOpenInit(ctx, Order.ORDER_UNORDERED, [], PORT_ID, 'channel-4294967296', cp, '')), 'transfer/9: channel sequence 4294967296 is greater than max allowed transfer channels 4294967295: max transfer channels');
    assert.match(error(() => m.onChanOpenInit(ctx, Order.ORDER_UNORDERED, [], PORT_ID, 'chan-1', cp, '')), /^host\/2: channel identifier is not in the format/);
    assert.equal(m.onChanOpenTry(ctx, Order.ORDER_UNORDERED, [], PORT_ID, 'channel-1', cp, 'something-else'), VERSION);
    assert.equal(error(() => m.onChanOpenAck(ctx, PORT_ID, 'channel-0', 'channel-3', 'ics20-2')), 'transfer/4: invalid counterparty version: expected ics20-1, got ics20-2: invalid ICS20 version');
    m.onChanOpenAck(ctx, PORT_ID, 'channel-0', 'channel-3', VERSION);
    assert.equal(error(() => m.onChanCloseInit(ctx, PORT_ID, 'channel-0')), 'ibc/8: user cannot close channel: invalid request');
    m.onChanCloseConfirm(ctx, PORT_ID, 'channel-0');
  });
});

describe('queries', () => {
  const env = transferTestEnv();
  const q = (method: string, request: Uint8Array) => env.transfer.queries[`/ibc.applications.transfer.v1.Query/${method}`]!(env.ctx, request);
  env.transfer.keeper.setDenomTrace(env.ctx, { path: 'transfer/channel-0', baseDenom: 'uatom' });
  env.transfer.keeper.setDenomTrace(env.ctx, { path: 'transfer/channel-1', baseDenom: 'gamm/pool/1' });
  env.transfer.keeper.setTotalEscrowForDenom(env.ctx, 'uatom', 42n);

  it('DenomTrace by hash or ibc/hash, with ibc-go statuses', () => {
    for (const hash of [ATOM_HASH, `ibc/${ATOM_HASH}`, ATOM_HASH.toLowerCase()]) {
      const { denomTrace } = QueryDenomTraceResponse.decode(q('DenomTrace', QueryDenomTraceRequest.encode({ hash }).finish()));
      assert.deepEqual(denomTrace, { path: 'transfer/channel-0', baseDenom: 'uatom' });
    }
    assert.throws(() => q('DenomTrace', QueryDenomTraceRequest.encode({ hash: 'zz' }).finish()), /InvalidArgument desc = invalid denom trace hash: , error: encoding\/hex: invalid byte: U\+007A 'z'/);
    assert.throws(() => q('DenomTrace', QueryDenomTraceRequest.encode({ hash: '00'.repeat(32) }).finish()), /NotFound desc = 0{64}: denomination trace not found/);
  });

  it('DenomTraces pages by hash and sorts each page by path', () => {
    const all = QueryDenomTracesResponse.decode(q('DenomTraces', QueryDenomTracesRequest.encode({}).finish()));
    assert.deepEqual(all.denomTraces.map((t) => t.path), ['transfer/channel-0', 'transfer/channel-1']);
    assert.equal(all.pagination?.total, 2n);
    const page = QueryDenomTracesResponse.decode(q('DenomTraces', QueryDenomTracesRequest.encode({ pagination: { key: new Uint8Array(), offset: 0n, limit: 1n, countTotal: false, reverse: false } }).finish()));
    assert.equal(page.denomTraces.length, 1);
    assert.ok(page.pagination!.nextKey.length > 0);
  });

  it('Params, DenomHash, EscrowAddress, TotalEscrowForDenom', () => {
    assert.deepEqual(QueryParamsResponse.decode(q('Params', new Uint8Array())).params, { sendEnabled: true, receiveEnabled: true });
    assert.equal(QueryDenomHashResponse.decode(q('DenomHash', QueryDenomHashRequest.encode({ trace: 'transfer/channel-0/uatom' }).finish())).hash, ATOM_HASH);
    assert.throws(() => q('DenomHash', QueryDenomHashRequest.encode({ trace: 'transfer/channel-9/uatom' }).finish()), /NotFound desc = transfer\/channel-9\/uatom: denomination trace not found/);
    assert.equal(
      QueryEscrowAddressResponse.decode(q('EscrowAddress', QueryEscrowAddressRequest.encode({ portId: 'transfer', channelId: 'channel-0' }).finish())).escrowAddress,
      'cosmos1a53udazy8ayufvy0s434pfwjcedzqv34kvz9tw',
    );
    assert.deepEqual(QueryTotalEscrowForDenomResponse.decode(q('TotalEscrowForDenom', QueryTotalEscrowForDenomRequest.encode({ denom: 'uatom' }).finish())).amount, { denom: 'uatom', amount: '42' });
    assert.deepEqual(QueryTotalEscrowForDenomResponse.decode(q('TotalEscrowForDenom', QueryTotalEscrowForDenomRequest.encode({ denom: 'uosmo' }).finish())).amount, { denom: 'uosmo', amount: '0' });
    assert.throws(() => q('TotalEscrowForDenom', QueryTotalEscrowForDenomRequest.encode({ denom: 'x' }).finish()), /InvalidArgument desc = invalid denom: x: invalid request$/);
  });
});

describe('genesis', () => {
  it('defaults to ibc-go DefaultGenesis and round-trips through export', () => {
    const env = transferTestEnv();
    const { genesis, keeper } = env.transfer;
    assert.deepEqual(genesis.defaults(), { port_id: 'transfer', denom_traces: [], params: { send_enabled: true, receive_enabled: true }, total_escrowed: [] });
    const json = {
      port_id: 'transfer',
      denom_traces: [
        { path: 'transfer/channel-1', base_denom: 'uosmo' },
        { path: 'transfer/channel-0', base_denom: 'uatom' },
      ],
      params: { send_enabled: false, receive_enabled: true },
      total_escrowed: [{ denom: 'stake', amount: '5' }],
    };
    const fresh = transferTestEnv();
    fresh.transfer.genesis.init(fresh.ctx, fresh.transfer.genesis.validate(json));
    const exported = fresh.transfer.genesis.export(fresh.ctx) as typeof json;
    assert.deepEqual(exported, { ...json, denom_traces: [json.denom_traces[1], json.denom_traces[0]] });
    assert.equal(fresh.bank.keeper.getDenomMetadata(fresh.ctx, `ibc/${ATOM_HASH}`)?.display, 'transfer/channel-0/uatom');
    assert.equal(keeper.getPort(env.ctx), 'transfer');
  });

  it('refuses what ibc-go refuses', () => {
    const { genesis } = transferTestEnv().transfer;
    const base = genesis.defaults() as Record<string, unknown>;
    assert.throws(() => genesis.validate({ ...base, port_id: '' }), /identifier cannot be blank/);
    assert.throws(() => genesis.validate({ ...base, denom_traces: [{ path: 'transfer/channel-0', base_denom: 'a' }, { path: 'transfer/channel-0', base_denom: 'a' }] }), /duplicated denomination trace with hash/);
    assert.throws(() => genesis.validate({ ...base, denom_traces: [{ path: 'transfer', base_denom: 'a' }] }), /failed denom trace 0 validation: trace info must come in pairs/);
    assert.throws(() => genesis.validate({ ...base, total_escrowed: [{ denom: 'b', amount: '1' }] }), /invalid denom/);
    assert.throws(() => genesis.validate({ ...base, extra: 1 }));
    assert.deepEqual(genesis.validate({ port_id: 'transfer' }).params, { sendEnabled: false, receiveEnabled: false });
  });
});
