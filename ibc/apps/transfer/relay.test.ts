// ICS-20 end to end against a fake channel keeper: send (escrow or burn), receive (mint or
// release), acknowledgements and timeouts, with the exact bytes and events ibc-go produces.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { MsgTransferResponse } from 'cosmjs-types/ibc/applications/transfer/v1/tx';
import { eventLines } from '../../../app/testing.js';
import { CodedError } from '../../../app/errors.js';
import type { Context } from '../../../app/context.js';
import { ErrSendDisabled, ErrTraceNotFound } from './errors.js';
import { escrowAddress, MODULE_ACCOUNT, PORT_ID } from './keys.js';
import { ackBytes, errorAck, packetDataBytes, SUCCESS_ACK, type FungibleTokenPacketData } from './packet.js';
import { MsgTransfer } from './proto.js';
import { transferTestEnv, type TransferTestEnv } from './testing.js';
import { voucherDenom } from './trace.js';

const ATOM_VOUCHER = 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2';
const OSMO_RECEIVER = 'osmo1qvpsxqcrqvpsxqcrqvpsxqcrqvpsxqcr2u426e';
const alice = new Uint8Array(20).fill(1);
const bob = new Uint8Array(20).fill(2);
const ESCROW = escrowAddress(PORT_ID, 'channel-0');

function setup(): TransferTestEnv & { aliceAddr: string; bobAddr: string } {
  const env = transferTestEnv();
  env.channels.open('channel-0', 'channel-7');
  env.fund(alice, [{ denom: 'uatom', amount: 1000n }]);
  return { ...env, aliceAddr: env.codec.encode(alice), bobAddr: env.codec.encode(bob) };
}

function transferMsg(sender: string, denom: string, amount: string, memo = ''): MsgTransfer {
  return MsgTransfer.fromPartial({
    sourcePort: PORT_ID,
    sourceChannel: 'channel-0',
    token: { denom, amount },
    sender,
    receiver: OSMO_RECEIVER,
    timeoutHeight: { revisionNumber: 1n, revisionHeight: 500n },
    timeoutTimestamp: 0n,
    memo,
  });
}

function send(env: TransferTestEnv, msg: MsgTransfer): bigint {
  const handler = env.transfer.msgs[MsgTransfer.typeUrl]!;
  const decoded = handler.decode(MsgTransfer.encode(msg).finish());
  handler.validate!(decoded);
  const response = handler.handle(env.ctx, decoded);
  assert.equal(response.typeUrl, '/ibc.applications.transfer.v1.MsgTransferResponse');
  return MsgTransferResponse.decode(response.value).sequence;
}

/** A packet from the counterparty (transfer/channel-7) to us (transfer/channel-0). */
function incoming(data: Partial<FungibleTokenPacketData> | Uint8Array, sequence = 1n): Packet {
  const full = { denom: 'uatom', amount: '100', sender: OSMO_RECEIVER, receiver: '', memo: '', ...data };
  return {
    sequence,
    sourcePort: PORT_ID,
    sourceChannel: 'channel-7',
    destinationPort: PORT_ID,
    destinationChannel: 'channel-0',
    data: data instanceof Uint8Array ? data : packetDataBytes(full),
    timeoutHeight: { revisionNumber: 0n, revisionHeight: 0n },
    timeoutTimestamp: 1n,
  };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Everything the module and bank keep, to show a failed receive changed nothing. */
function snapshot(env: TransferTestEnv, ctx: Context = env.ctx) {
  return JSON.stringify({
    balances: [...env.bank.keeper.iterateAllBalances(ctx)].map(({ address, coin }) => [Buffer.from(address).toString('hex'), coin.denom, String(coin.amount)]),
    supply: env.bank.keeper.getTotalSupply(ctx).map((c) => `${c.amount}${c.denom}`),
    traces: env.transfer.keeper.getAllDenomTraces(ctx),
    escrow: env.transfer.keeper.getAllTotalEscrowed(ctx).map((c) => `${c.amount}${c.denom}`),
    metadata: [...env.bank.keeper.iterateDenomMetadata(ctx)].map((m) => m.base),
  });
}

describe('MsgTransfer', () => {
  it('escrows a native coin, tracks total escrow and sends ibc-go packet bytes', () => {
    const env = setup();
    const sequence = send(env, transferMsg(env.aliceAddr, 'uatom', '100'));
    assert.equal(sequence, 1n);
    assert.equal(env.bank.keeper.getBalance(env.ctx, alice, 'uatom'), 900n);
    assert.equal(env.bank.keeper.getBalance(env.ctx, ESCROW, 'uatom'), 100n);
    assert.equal(env.transfer.keeper.getTotalEscrowForDenom(env.ctx, 'uatom'), 100n);
    const [packet] = env.channels.sent;
    assert.equal(text(packet!.data), `{"amount":"100","denom":"uatom","receiver":"${OSMO_RECEIVER}","sender":"${env.aliceAddr}"}`);
    assert.deepEqual(packet!.timeoutHeight, { revisionNumber: 1n, revisionHeight: 500n });
    const events = eventLines(env.ctx.events);
    assert.ok(events.includes(`ibc_transfer: sender=${env.aliceAddr}, receiver=${OSMO_RECEIVER}, amount=100, denom=uatom, memo=`));
    assert.equal(events.at(-1), 'message: module=transfer');
  });

  it('burns a voucher going home and sends its full trace', () => {
    const env = setup();
    env.fund(alice, [{ denom: ATOM_VOUCHER, amount: 50n }]);
    env.transfer.keeper.setDenomTrace(env.ctx, { path: 'transfer/channel-0', baseDenom: 'uatom' });
    send(env, transferMsg(env.aliceAddr, ATOM_VOUCHER, '20'));
    assert.equal(env.bank.keeper.getBalance(env.ctx, alice, ATOM_VOUCHER), 30n);
    assert.equal(env.bank.keeper.getSupply(env.ctx, ATOM_VOUCHER), 30n);
    assert.equal(env.transfer.keeper.getTotalEscrowForDenom(env.ctx, ATOM_VOUCHER), 0n);
    assert.equal(JSON.parse(text(env.channels.sent[0]!.data)).denom, 'transfer/channel-0/uatom');
  });

  it('escrows a voucher sent onward over another channel', () => {
    const env = setup();
    env.channels.open('channel-1', 'channel-3');
    env.fund(alice, [{ denom: ATOM_VOUCHER, amount: 50n }]);
    env.transfer.keeper.setDenomTrace(env.ctx, { path: 'transfer/channel-0', baseDenom: 'uatom' });
    send(env, { ...transferMsg(env.aliceAddr, ATOM_VOUCHER, '20'), sourceChannel: 'channel-1' });
    assert.equal(env.bank.keeper.getBalance(env.ctx, escrowAddress(PORT_ID, 'channel-1'), ATOM_VOUCHER), 20n);
    assert.equal(env.transfer.keeper.getTotalEscrowForDenom(env.ctx, ATOM_VOUCHER), 20n);
  });

  it('sends the whole balance for the unbounded spend limit', () => {
    const env = setup();
    send(env, transferMsg(env.aliceAddr, 'uatom', ((1n << 256n) - 1n).toString()));
    assert.equal(env.bank.keeper.getBalance(env.ctx, alice, 'uatom'), 0n);
    assert.equal(JSON.parse(text(env.channels.sent[0]!.data)).amount, '1000');
  });

  it('refuses unknown vouchers, disabled sends, unknown channels and ports it does not own', () => {
    const env = setup();
    const fails = (msg: MsgTransfer, pattern: RegExp) => assert.throws(() => send(env, msg), (err: CodedError) => pattern.test(`${err.codespace}/${err.code}: ${err.message}`));
    fails(transferMsg(env.aliceAddr, ATOM_VOUCHER, '1'), /^transfer\/6: 27394FB0.*: denomination trace not found$/);
    fails({ ...transferMsg(env.aliceAddr, 'uatom', '1'), sourceChannel: 'channel-9' }, /^channel\/3: port ID \(transfer\) channel ID \(channel-9\): channel not found$/);
    env.channels.open('channel-4', 'channel-4', 'icahost');
    fails({ ...transferMsg(env.aliceAddr, 'uatom', '1'), sourcePort: 'icahost', sourceChannel: 'channel-4' }, /^channel\/9: module does not own channel capability/);
    fails(transferMsg(env.aliceAddr, 'uatom', '5000'), /^sdk\/5: /);
    env.transfer.keeper.setParams(env.ctx, { sendEnabled: false, receiveEnabled: true });
    assert.throws(() => send(env, transferMsg(env.aliceAddr, 'uatom', '1')), (err: CodedError) => err.is(ErrSendDisabled));
    assert.equal(env.channels.sent.length, 0);
    assert.ok(ErrTraceNotFound.code === 6);
  });

  it('refuses a module account as sender', () => {
    const env = setup();
    const moduleAddr = env.codec.encode(env.auth.keeper.getModuleAddress(MODULE_ACCOUNT)!);
    assert.throws(() => send(env, transferMsg(moduleAddr, 'uatom', '1')), /is not allowed to send funds: unauthorized/);
  });
});

describe('OnRecvPacket', () => {
  it('mints a voucher under ibc/{hash}, stores its trace and metadata, and acks success', () => {
    const env = setup();
    const ack = env.transfer.ibcModule.onRecvPacket(env.ctx, incoming({ receiver: env.bobAddr }), 'relayer')!;
    assert.equal(ack.success, true);
    assert.equal(text(ack.bytes), '{"result":"AQ=="}');
    assert.equal(env.bank.keeper.getBalance(env.ctx, bob, ATOM_VOUCHER), 100n);
    assert.equal(voucherDenom('transfer/channel-0/uatom'), ATOM_VOUCHER);
    assert.deepEqual(env.transfer.keeper.getAllDenomTraces(env.ctx), [{ path: 'transfer/channel-0', baseDenom: 'uatom' }]);
    const metadata = env.bank.keeper.getDenomMetadata(env.ctx, ATOM_VOUCHER)!;
    assert.deepEqual(
      { description: metadata.description, display: metadata.display, name: metadata.name, symbol: metadata.symbol, units: metadata.denomUnits },
      {
        description: 'IBC token from transfer/channel-0/uatom',
        display: 'transfer/channel-0/uatom',
        name: 'transfer/channel-0/uatom IBC token',
        symbol: 'UATOM',
        units: [{ denom: 'uatom', exponent: 0, aliases: [] }],
      },
    );
    const events = eventLines(env.ctx.events);
    assert.ok(events.includes(`denomination_trace: trace_hash=${ATOM_VOUCHER.slice(4)}, denom=${ATOM_VOUCHER}`));
    assert.equal(events.at(-1), `fungible_token_packet: module=transfer, sender=${OSMO_RECEIVER}, receiver=${env.bobAddr}, denom=uatom, amount=100, memo=, success=true`);
  });

  it('releases escrow for a coin coming home, and total escrow follows exactly', () => {
    const env = setup();
    send(env, transferMsg(env.aliceAddr, 'uatom', '300'));
    send(env, transferMsg(env.aliceAddr, 'uatom', '200'));
    assert.equal(env.transfer.keeper.getTotalEscrowForDenom(env.ctx, 'uatom'), 500n);
    const ack = env.transfer.ibcModule.onRecvPacket(env.ctx, incoming({ denom: 'transfer/channel-7/uatom', amount: '120', receiver: env.bobAddr }), 'r')!;
    assert.equal(ack.success, true);
    assert.equal(env.bank.keeper.getBalance(env.ctx, bob, 'uatom'), 120n);
    assert.equal(env.bank.keeper.getBalance(env.ctx, ESCROW, 'uatom'), 380n);
    assert.equal(env.transfer.keeper.getTotalEscrowForDenom(env.ctx, 'uatom'), 380n);
    env.transfer.ibcModule.onRecvPacket(env.ctx, incoming({ denom: 'transfer/channel-7/uatom', amount: '380', receiver: env.bobAddr }, 2n), 'r');
    assert.equal(env.transfer.keeper.getTotalEscrowForDenom(env.ctx, 'uatom'), 0n);
    assert.deepEqual(env.transfer.keeper.getAllTotalEscrowed(env.ctx), []);
    assert.equal(env.bank.keeper.getSupply(env.ctx, 'uatom'), 1000n);
  });

  it('unwinds: a received voucher sent back is burnt, and the other side releases', () => {
    const env = setup();
    env.transfer.ibcModule.onRecvPacket(env.ctx, incoming({ receiver: env.bobAddr, amount: '70' }), 'r');
    send(env, transferMsg(env.bobAddr, ATOM_VOUCHER, '70'));
    assert.equal(env.bank.keeper.getSupply(env.ctx, ATOM_VOUCHER), 0n);
    assert.equal(env.bank.keeper.getBalance(env.ctx, bob, ATOM_VOUCHER), 0n);
    assert.equal(text(env.channels.sent[0]!.data), `{"amount":"70","denom":"transfer/channel-0/uatom","receiver":"${OSMO_RECEIVER}","sender":"${env.bobAddr}"}`);
  });

  it('answers an invalid receiver with an error acknowledgement and changes nothing', () => {
    const env = setup();
    const before = snapshot(env);
    const ack = env.transfer.ibcModule.onRecvPacket(env.ctx, incoming({ receiver: OSMO_RECEIVER }), 'r')!;
    assert.equal(ack.success, false);
    assert.equal(text(ack.bytes), '{"error":"ABCI code: 1: error handling packet: see events for details"}');
    assert.equal(snapshot(env), before);
    const last = eventLines(env.ctx.events).at(-1)!;
    assert.match(last, /^fungible_token_packet: .*success=false, error=failed to decode receiver address: osmo1\S+: invalid Bech32 prefix; expected cosmos, got osmo$/);
  });

  it('answers bad packet data and bad amounts with the codes ibc-go puts in its acks', () => {
    const env = setup();
    const ackOf = (data: Partial<FungibleTokenPacketData> | Uint8Array) => text(env.transfer.ibcModule.onRecvPacket(env.ctx, incoming(data), 'r')!.bytes);
    assert.equal(ackOf(new TextEncoder().encode('not json')), text(ackBytes(errorAck(12))));
    assert.equal(ackOf(new TextEncoder().encode('{"amount":"1","extra":"x"}')), text(ackBytes(errorAck(12))));
    assert.equal(ackOf({ receiver: env.bobAddr, amount: '0' }), text(ackBytes(errorAck(5))));
    assert.equal(ackOf({ receiver: env.bobAddr, amount: '08' }), text(ackBytes(errorAck(5))));
    assert.equal(ackOf({ receiver: '  ' }), text(ackBytes(errorAck(5))));
    assert.equal(ackOf({ receiver: env.bobAddr, denom: 'transfer/channel-7/x/channel-1' }), text(ackBytes(errorAck(2))));
    env.transfer.keeper.setParams(env.ctx, { sendEnabled: true, receiveEnabled: false });
    assert.equal(ackOf({ receiver: env.bobAddr }), text(ackBytes(errorAck(8))));
  });

  it('reads amounts as math.Int does (base prefixes, underscores) and JSON as jsonpb does (trailing bytes ignored)', () => {
    const env = setup();
    const bytes = new TextEncoder().encode(`  {"amount":"0x10","denom":"uatom","receiver":"${env.bobAddr}","sender":"s"} trailing`);
    assert.equal(env.transfer.ibcModule.onRecvPacket(env.ctx, incoming(bytes), 'r')!.success, true);
    assert.equal(env.bank.keeper.getBalance(env.ctx, bob, ATOM_VOUCHER), 16n);
  });

  it('refuses to release escrow to a module account', () => {
    const env = setup();
    send(env, transferMsg(env.aliceAddr, 'uatom', '10'));
    const moduleAddr = env.codec.encode(env.auth.keeper.getModuleAddress(MODULE_ACCOUNT)!);
    const ack = env.transfer.ibcModule.onRecvPacket(env.ctx, incoming({ denom: 'transfer/channel-7/uatom', amount: '10', receiver: moduleAddr }), 'r')!;
    assert.equal(text(ack.bytes), text(ackBytes(errorAck(2))));
  });
});

describe('acknowledgements and timeouts', () => {
  it('refunds escrow on an error acknowledgement and does nothing on success', () => {
    const env = setup();
    send(env, transferMsg(env.aliceAddr, 'uatom', '100'));
    send(env, transferMsg(env.aliceAddr, 'uatom', '40'));
    const [first, second] = env.channels.sent.map((p) => env.channels.packetOf(p));
    env.transfer.ibcModule.onAcknowledgementPacket(env.ctx, first!, ackBytes(SUCCESS_ACK), 'r');
    assert.equal(env.bank.keeper.getBalance(env.ctx, alice, 'uatom'), 860n);
    const lines = eventLines(env.ctx.events);
    assert.equal(lines.at(-2), `fungible_token_packet: module=transfer, sender=${env.aliceAddr}, receiver=${OSMO_RECEIVER}, denom=uatom, amount=100, memo=, acknowledgement=result:"\\001" `);
    assert.equal(lines.at(-1), 'fungible_token_packet: success=\u0001');

    env.transfer.ibcModule.onAcknowledgementPacket(env.ctx, second!, ackBytes(errorAck(5)), 'r');
    assert.equal(env.bank.keeper.getBalance(env.ctx, alice, 'uatom'), 900n);
    assert.equal(env.bank.keeper.getBalance(env.ctx, ESCROW, 'uatom'), 100n);
    assert.equal(env.transfer.keeper.getTotalEscrowForDenom(env.ctx, 'uatom'), 100n);
    assert.equal(eventLines(env.ctx.events).at(-1), 'fungible_token_packet: error=ABCI code: 5: error handling packet: see events for details');
  });

  it('mints a burnt voucher back on an error acknowledgement', () => {
    const env = setup();
    env.transfer.ibcModule.onRecvPacket(env.ctx, incoming({ receiver: env.bobAddr, amount: '70' }), 'r');
    send(env, transferMsg(env.bobAddr, ATOM_VOUCHER, '30'));
    env.transfer.ibcModule.onAcknowledgementPacket(env.ctx, env.channels.packetOf(env.channels.sent[0]!), ackBytes(errorAck(1)), 'r');
    assert.equal(env.bank.keeper.getBalance(env.ctx, bob, ATOM_VOUCHER), 70n);
    assert.equal(env.bank.keeper.getSupply(env.ctx, ATOM_VOUCHER), 70n);
  });

  it('refuses an acknowledgement that is not in canonical form', () => {
    const env = setup();
    send(env, transferMsg(env.aliceAddr, 'uatom', '100'));
    const packet = env.channels.packetOf(env.channels.sent[0]!);
    assert.throws(() => env.transfer.ibcModule.onAcknowledgementPacket(env.ctx, packet, new TextEncoder().encode('{ "result":"AQ=="}'), 'r'), /did not marshal to expected bytes.*: invalid type$/);
    assert.throws(() => env.transfer.ibcModule.onAcknowledgementPacket(env.ctx, packet, new TextEncoder().encode('{"foo":1}'), 'r'), /cannot unmarshal ICS-20 transfer packet acknowledgement/);
  });

  it('refunds on timeout, native and voucher alike', () => {
    const env = setup();
    env.transfer.ibcModule.onRecvPacket(env.ctx, incoming({ receiver: env.aliceAddr, amount: '70' }), 'r');
    send(env, transferMsg(env.aliceAddr, 'uatom', '100', 'hi'));
    send(env, transferMsg(env.aliceAddr, ATOM_VOUCHER, '70'));
    for (const sent of env.channels.sent) env.transfer.ibcModule.onTimeoutPacket(env.ctx, env.channels.packetOf(sent), 'r');
    assert.equal(env.bank.keeper.getBalance(env.ctx, alice, 'uatom'), 1000n);
    assert.equal(env.bank.keeper.getBalance(env.ctx, alice, ATOM_VOUCHER), 70n);
    assert.equal(env.transfer.keeper.getTotalEscrowForDenom(env.ctx, 'uatom'), 0n);
    const lines = eventLines(env.ctx.events);
    assert.ok(lines.includes(`timeout: module=transfer, refund_receiver=${env.aliceAddr}, refund_denom=uatom, refund_amount=100, memo=hi`));
    assert.equal(lines.at(-1), `timeout: module=transfer, refund_receiver=${env.aliceAddr}, refund_denom=transfer/channel-0/uatom, refund_amount=70, memo=`);
  });
});

describe('total escrow', () => {
  it('stays equal to what the escrow accounts hold through sends, refunds and returns', () => {
    const env = setup();
    env.channels.open('channel-1', 'channel-2');
    send(env, transferMsg(env.aliceAddr, 'uatom', '111'));
    send(env, { ...transferMsg(env.aliceAddr, 'uatom', '222'), sourceChannel: 'channel-1' });
    env.transfer.ibcModule.onTimeoutPacket(env.ctx, env.channels.packetOf(env.channels.sent[0]!), 'r');
    env.transfer.ibcModule.onRecvPacket(
      env.ctx,
      { ...incoming({ denom: 'transfer/channel-2/uatom', amount: '22', receiver: env.bobAddr }), sourceChannel: 'channel-2', destinationChannel: 'channel-1' },
      'r',
    );
    const held = env.bank.keeper.getBalance(env.ctx, ESCROW, 'uatom') + env.bank.keeper.getBalance(env.ctx, escrowAddress(PORT_ID, 'channel-1'), 'uatom');
    assert.equal(held, 200n);
    assert.deepEqual(env.transfer.keeper.getAllTotalEscrowed(env.ctx), [{ denom: 'uatom', amount: 200n }]);
  });
});
