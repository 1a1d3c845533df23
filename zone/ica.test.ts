// ICS-27 interchain accounts between two zones in-process: zone A controls, zone B hosts,
// through real light clients and proofs (the in-process relayer of zone/ibc-testing). The
// handshake on ORDERED and UNORDERED channels, bank and staking messages executed as the
// interchain account with their responses in the acknowledgement, the error acks of ibc-go
// v8 for what a host must refuse, and the ORDERED timeout that closes a channel and the
// re-registration that reopens it to the same account.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { QueryAccountRequest, QueryAccountResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { MsgMultiSend, MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { TxMsgData } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import { QueryDelegationRequest, QueryDelegationResponse } from 'cosmjs-types/cosmos/staking/v1beta1/query';
import { MsgCreateValidator, MsgDelegate } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import { InterchainAccount } from 'cosmjs-types/ibc/applications/interchain_accounts/v1/account';
import { MsgRegisterInterchainAccount, MsgRegisterInterchainAccountResponse, MsgSendTx } from 'cosmjs-types/ibc/applications/interchain_accounts/controller/v1/tx';
import { Channel, Order, State, type Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { parseDec } from '../app/dec.js';
import { channelPath } from '../ibc/core/24-host/paths.js';
import { ENCODING_PROTO3_JSON, metadataFromVersion, metadataToVersion, newDefaultMetadata, serializeCosmosTx, Type } from '../ibc/apps/27-interchain-accounts/index.js';
import { HOUR_NS, IcaPair, ackOf, lastResponse } from './ibc-testing/ica.js';
import { eventsOf, expectOk, type Endpoint, type IbcPath } from './ibc-testing/path.js';

const ALICE = 'cosmos1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du';
const ALLOWED = ['/cosmos.bank.v1beta1.MsgSend', '/cosmos.staking.v1beta1.MsgDelegate'];

describe('interchain accounts between two zones (A controls, B hosts; in-process relayer)', () => {
  let zones: IcaPair;
  /** connection-0: the ORDERED channel; connection-1: refused handshakes, then UNORDERED. */
  let path: IbcPath;
  let second: IbcPath;
  let portId: string;
  let ica: string;
  let validator: string;

  const channelOf = (end: Endpoint) => Channel.decode(end.chain.proveIbc(channelPath(end.portId, end.channelId)).value);
  const balance = (address: string) => zones.balance(zones.b, address);
  const send = (from: string, to: string, amount: bigint) => ({
    typeUrl: MsgSend.typeUrl,
    value: MsgSend.encode(MsgSend.fromPartial({ fromAddress: from, toAddress: to, amount: [{ denom: 'stake', amount: amount.toString() }] })).finish(),
  });

  before(async () => {
    // B allows only bank sends and delegations, so other messages can be shown refused.
    zones = await IcaPair.start({ host_genesis_state: { port: 'icahost', params: { host_enabled: true, allow_messages: ALLOWED } }, controller_genesis_state: { params: { controller_enabled: true } } });
    path = await zones.connect();
    second = await zones.connect();
    // A validator on B for the interchain account to delegate to.
    const b = zones.b;
    validator = b.chain.zone.staking.keeper.valoperOf(b.relayer);
    expectOk(
      await b.send({
        typeUrl: MsgCreateValidator.typeUrl,
        value: MsgCreateValidator.fromPartial({
          description: { moniker: 'b-validator' },
          commission: { rate: parseDec('0.1').toString(), maxRate: parseDec('0.2').toString(), maxChangeRate: parseDec('0.01').toString() },
          minSelfDelegation: '1',
          validatorAddress: validator,
          pubkey: { typeUrl: '/cosmos.crypto.ed25519.PubKey', value: Ed25519PubKey.encode({ key: new Uint8Array(32).fill(7) }).finish() },
          value: { denom: 'stake', amount: '1000000' },
        }),
      }),
      'create validator',
    );
  });
  after(async () => {
    await zones?.close();
  });

  it('registers on an ORDERED channel: the host creates the InterchainAccount and both ends agree on its address', async () => {
    await zones.registerAndOpen(path, Order.ORDER_ORDERED);
    portId = path.a.portId;
    assert.equal(portId, `icacontroller-${zones.owner}`);
    const [controllerEnd, hostEnd] = [channelOf(path.a), channelOf(path.b)];
    for (const channel of [controllerEnd, hostEnd]) {
      assert.equal(channel.state, State.STATE_OPEN);
      assert.equal(channel.ordering, Order.ORDER_ORDERED);
    }
    assert.equal(controllerEnd.version, hostEnd.version);
    ica = metadataFromVersion(hostEnd.version).address;
    assert.equal(metadataToVersion({ ...newDefaultMetadata(path.a.connectionId, path.b.connectionId), address: ica }), hostEnd.version);
    assert.equal(zones.interchainAccount(path.a.connectionId), ica);
    // 32 bytes: a derived address, not a key's.
    assert.equal(zones.b.chain.zone.auth.keeper.addressCodec.decode(ica).length, 32);

    // B's auth answers it as ibc-go's InterchainAccount, owned by the controller port.
    const { account } = QueryAccountResponse.decode(zones.b.query('/cosmos.auth.v1beta1.Query/Account', QueryAccountRequest.encode({ address: ica }).finish()));
    assert.equal(account!.typeUrl, '/ibc.applications.interchain_accounts.v1.InterchainAccount');
    const decoded = InterchainAccount.decode(account!.value);
    assert.equal(decoded.accountOwner, portId);
    assert.equal(decoded.baseAccount!.address, ica);

    // While the channel is open, registering again is refused.
    const again = await zones.register(path.a.connectionId, Order.ORDER_ORDERED);
    assert.equal(again.codespace, 'interchainaccounts', again.log);
    assert.equal(again.code, 10, again.log); // ErrActiveChannelAlreadySet
  });

  it('executes a bank send and a delegation as the interchain account; the ack carries both responses', async () => {
    const b = zones.b;
    expectOk(await b.send({ typeUrl: MsgSend.typeUrl, value: MsgSend.fromPartial({ fromAddress: b.relayer, toAddress: ica, amount: [{ denom: 'stake', amount: '100000' }] }) }), 'fund the interchain account');
    const delegate = { typeUrl: MsgDelegate.typeUrl, value: MsgDelegate.encode(MsgDelegate.fromPartial({ delegatorAddress: ica, validatorAddress: validator, amount: { denom: 'stake', amount: '5000' } })).finish() };
    const packet = await zones.sendTx(path, [send(ica, ALICE, 1000n), delegate]);
    assert.deepEqual(packet.timeoutHeight, { revisionNumber: 0n, revisionHeight: 0n });

    const recv = await zones.relay(path, packet);
    const ack = ackOf(recv);
    assert.ok(ack.result !== undefined, JSON.stringify(ack));
    const { msgResponses } = TxMsgData.decode(Buffer.from(ack.result, 'base64'));
    assert.deepEqual(msgResponses.map((r) => r.typeUrl), ['/cosmos.bank.v1beta1.MsgSendResponse', '/cosmos.staking.v1beta1.MsgDelegateResponse']);
    const [event] = eventsOf(recv, 'ics27_packet');
    assert.deepEqual([event!.module, event!.host_channel_id, event!.success, event!.error], ['interchainaccounts', path.b.channelId, 'true', undefined]);
    // The executed messages' own events come along.
    assert.ok(eventsOf(recv, 'delegate').length > 0);

    assert.equal(balance(ALICE), 1000n);
    assert.equal(balance(ica), 100000n - 1000n - 5000n);
    const { delegationResponse } = QueryDelegationResponse.decode(b.query('/cosmos.staking.v1beta1.Query/Delegation', QueryDelegationRequest.encode({ delegatorAddr: ica, validatorAddr: validator }).finish()));
    assert.equal(delegationResponse!.balance.amount, '5000');
  });

  /** Relays `packet`, expects an error ack with `code`, and returns the host's error text; B's balances must not move. */
  async function expectErrorAck(packet: Packet, code: number): Promise<string> {
    const watched = [ica, ALICE, zones.b.relayer];
    const before = watched.map(balance);
    const recv = await zones.relay(path, packet);
    assert.deepEqual(ackOf(recv), { error: `ABCI code: ${code}: error handling packet: see events for details` });
    assert.deepEqual(watched.map(balance), before, 'nothing changed');
    // Core renames the events of a failed callback.
    assert.equal(eventsOf(recv, 'ics27_packet').length, 0);
    const [event] = eventsOf(recv, 'ibccallbackerror-ics27_packet');
    assert.equal(event!.success, 'false');
    return event!.error!;
  }

  it('answers a message outside the allow-list with an error ack, and runs none of the tx', async () => {
    const multiSend = {
      typeUrl: MsgMultiSend.typeUrl,
      value: MsgMultiSend.encode({ inputs: [{ address: ica, coins: [{ denom: 'stake', amount: '1' }] }], outputs: [{ address: ALICE, coins: [{ denom: 'stake', amount: '1' }] }] }).finish(),
    };
    const error = await expectErrorAck(await zones.sendTx(path, [send(ica, ALICE, 10n), multiSend]), 2);
    assert.equal(error, 'failed to execute interchain account transaction: message type not allowed: /cosmos.bank.v1beta1.MsgMultiSend: unauthorized');
  });

  it('answers a message signed for another account with an error ack', async () => {
    const error = await expectErrorAck(await zones.sendTx(path, [send(zones.b.relayer, ALICE, 10n)]), 2);
    assert.equal(error, `failed to execute interchain account transaction: unexpected signer address: expected ${ica}, got ${zones.b.relayer}: unauthorized`);
  });

  it('answers packet data that is not a CosmosTx with an error ack (ABCI code 1, as a Go decoding error)', async () => {
    const error = await expectErrorAck(await zones.sendTx(path, new TextEncoder().encode('not a cosmos tx')), 1);
    assert.match(error, /^failed to deserialize interchain account transaction: cannot unmarshal CosmosTx with protobuf: /);
    const unknown = await expectErrorAck(await zones.sendTx(path, [{ typeUrl: '/foo.v1.MsgBar', value: new Uint8Array() }]), 1);
    assert.match(unknown, /no concrete type registered for type URL \/foo\.v1\.MsgBar/);
  });

  it("refuses bad version metadata in the handshake with ibc-go's errors", async () => {
    const { a, b } = zones;
    const connectionId = second.a.connectionId;
    const base = newDefaultMetadata(connectionId, second.b.connectionId);
    const cases: Array<[string, string, number, RegExp]> = [
      [metadataToVersion({ ...base, encoding: 'bogus' }), 'interchainaccounts', 18, /unsupported encoding format bogus: codec is not supported/],
      [metadataToVersion({ ...base, txType: 'bogus' }), 'interchainaccounts', 2, /unsupported transaction type bogus: unknown data type/],
      [metadataToVersion({ ...base, hostConnectionId: 'connection-9' }), 'connection', 8, new RegExp(`expected ${second.b.connectionId}, got connection-9: invalid connection`)],
      [metadataToVersion({ ...base, version: 'ics27-2' }), 'interchainaccounts', 12, /expected ics27-1, got ics27-2: invalid interchain accounts version/],
      ['not json', 'interchainaccounts', 2, /cannot unmarshal ICS-27 interchain accounts metadata: unknown data type/],
    ];
    for (const [version, codespace, code, log] of cases) {
      const res = await zones.register(connectionId, Order.ORDER_UNORDERED, version);
      assert.equal(res.codespace, codespace, res.log);
      assert.equal(res.code, code, res.log);
      assert.match(res.log, log);
    }

    // A controller port nobody registered has no route, as a port without a capability in ibc-go.
    const unbound = await a.send({
      typeUrl: '/ibc.core.channel.v1.MsgChannelOpenInit',
      value: { portId: 'icacontroller-nobody', channel: { state: State.STATE_INIT, ordering: Order.ORDER_UNORDERED, counterparty: { portId: 'icahost', channelId: '' }, connectionHops: [connectionId], version: '' }, signer: a.relayer },
    });
    assert.equal(unbound.codespace, 'port', unbound.log);

    // proto3json passes the controller (as in ibc-go) but a zonekit host refuses it in OpenTry.
    const res = expectOk(await zones.register(connectionId, Order.ORDER_UNORDERED, metadataToVersion({ ...base, encoding: ENCODING_PROTO3_JSON })), 'register with proto3json');
    const { channelId, portId: port } = lastResponse(res, MsgRegisterInterchainAccountResponse);
    Object.assign(second.a, { portId: port, channelId });
    Object.assign(second.b, { portId: 'icahost' });
    await second.updateClient(second.b);
    const tryRes = await b.send(second.channelOpenTryMsg(second.a));
    assert.equal(tryRes.codespace, 'interchainaccounts', tryRes.log);
    assert.equal(tryRes.code, 18, tryRes.log);
    assert.match(tryRes.log, /unsupported encoding format proto3json/);
  });

  it('registers on an UNORDERED channel too, a separate account per connection, and executes on it', async () => {
    const b = zones.b;
    await zones.registerAndOpen(second, Order.ORDER_UNORDERED);
    assert.equal(channelOf(second.a).ordering, Order.ORDER_UNORDERED);
    assert.equal(channelOf(second.b).ordering, Order.ORDER_UNORDERED);
    const other = zones.interchainAccount(second.a.connectionId);
    assert.notEqual(other, ica);
    expectOk(await b.send({ typeUrl: MsgSend.typeUrl, value: MsgSend.fromPartial({ fromAddress: b.relayer, toAddress: other, amount: [{ denom: 'stake', amount: '50' }] }) }), 'fund');
    const recv = await zones.relay(second, await zones.sendTx(second, [send(other, ALICE, 20n)]));
    assert.ok(ackOf(recv).result !== undefined);
    assert.equal(balance(other), 30n);
  });

  it('a timeout closes the ORDERED channel; re-registering reopens it to the same account, funds intact', async () => {
    const { a, b } = zones;
    // Due 10 s after A's block; B's blocks (5 s each, by the harness's clock) then run past it.
    const packet = await zones.sendTx(path, [send(ica, ALICE, 1n)], 10_000_000_000n);
    const blockTime = (height: bigint) => (1_700_000_000n + 5n * height) * 1_000_000_000n;
    while (blockTime(b.height) <= packet.timeoutTimestamp) await b.nextBlock();
    const funds = balance(ica);

    const timeout = await path.timeoutPacket(path.a, packet, true);
    assert.equal(eventsOf(timeout, 'channel_close').length, 1);
    assert.equal(channelOf(path.a).state, State.STATE_CLOSED);
    const oldChannel = path.a.channelId;

    // The host's end closes once a relayer proves the controller's is closed.
    const closed = a.proveIbc(channelPath(portId, oldChannel));
    await path.sendWithUpdate(path.b, {
      typeUrl: '/ibc.core.channel.v1.MsgChannelCloseConfirm',
      value: { portId: 'icahost', channelId: path.b.channelId, proofInit: closed.proof, proofHeight: closed.proofHeight, signer: b.relayer },
    }, 'channel close confirm');
    assert.equal(channelOf(path.b).state, State.STATE_CLOSED);

    // Sending on the closed channel is refused; re-registering must keep the ordering.
    const packetData = { type: Type.TYPE_EXECUTE_TX, data: serializeCosmosTx([send(ica, ALICE, 1n)]), memo: '' };
    const refused = await a.send({ typeUrl: MsgSendTx.typeUrl, value: MsgSendTx.fromPartial({ owner: zones.owner, connectionId: path.a.connectionId, packetData, relativeTimeout: HOUR_NS }) });
    assert.equal(refused.codespace, 'interchainaccounts', refused.log);
    assert.equal(refused.code, 11, refused.log); // ErrActiveChannelNotFound
    const changedOrder = await zones.register(path.a.connectionId, Order.ORDER_UNORDERED);
    assert.equal(changedOrder.codespace, 'channel', changedOrder.log);
    assert.match(changedOrder.log, /order cannot change when reopening a channel expected ORDER_ORDERED, got ORDER_UNORDERED/);

    const newChannel = await zones.registerAndOpen(path, Order.ORDER_ORDERED);
    assert.notEqual(newChannel, oldChannel);
    assert.equal(metadataFromVersion(channelOf(path.b).version).address, ica);
    assert.equal(zones.interchainAccount(path.a.connectionId), ica);
    assert.equal(balance(ica), funds);

    const recv = await zones.relay(path, await zones.sendTx(path, [send(ica, ALICE, 7n)]));
    assert.ok(ackOf(recv).result !== undefined);
    assert.equal(balance(ica), funds - 7n);
  });

  it("exports both sides' registrations in ibc-go's genesis shape, which reads back", () => {
    const { a, b } = zones;
    const controller = a.chain.app.exportAppState().interchainaccounts as any;
    const host = b.chain.app.exportAppState().interchainaccounts as any;
    const c = controller.controller_genesis_state;
    assert.deepEqual(c.ports, [portId]);
    assert.deepEqual(c.params, { controller_enabled: true });
    assert.deepEqual(
      c.active_channels.find((ch: any) => ch.connection_id === path.a.connectionId),
      { connection_id: path.a.connectionId, port_id: portId, channel_id: path.a.channelId, is_middleware_enabled: false },
    );
    assert.ok(c.interchain_accounts.some((acc: any) => acc.account_address === ica && acc.port_id === portId));
    const h = host.host_genesis_state;
    assert.equal(h.port, 'icahost');
    assert.deepEqual(h.params, { host_enabled: true, allow_messages: ALLOWED });
    assert.deepEqual(h.interchain_accounts.find((acc: any) => acc.account_address === ica), { connection_id: path.b.connectionId, port_id: portId, account_address: ica });
    assert.ok(h.active_channels.some((ch: any) => ch.channel_id === path.b.channelId && ch.port_id === portId));
    for (const [chain, state] of [[a, controller], [b, host]] as const) assert.deepEqual(chain.chain.zone.ica.module.genesis.validate(state), state);
    // B's auth exports the account as ibc-go's JSON.
    const accounts = (b.chain.app.exportAppState().auth as any).accounts as any[];
    const account = accounts.find((acc) => acc.base_account?.address === ica);
    assert.equal(account['@type'], '/ibc.applications.interchain_accounts.v1.InterchainAccount');
    assert.equal(account.account_owner, portId);
  });
});

describe('disabled submodules (params host_enabled / controller_enabled false)', () => {
  let zones: IcaPair;
  before(async () => {
    zones = await IcaPair.start({ host_genesis_state: { port: 'icahost', params: { host_enabled: false, allow_messages: ['*'] } }, controller_genesis_state: { params: { controller_enabled: false } } });
  });
  after(async () => {
    await zones?.close();
  });

  it("B's disabled host refuses the handshake; B's disabled controller refuses to register", async () => {
    const path = await zones.connect();
    const res = expectOk(await zones.register(path.a.connectionId, Order.ORDER_ORDERED), 'register on A');
    const { channelId, portId } = lastResponse(res, MsgRegisterInterchainAccountResponse);
    Object.assign(path.a, { portId, channelId });
    Object.assign(path.b, { portId: 'icahost' });
    await path.updateClient(path.b);
    const tried = await zones.b.send(path.channelOpenTryMsg(path.a));
    assert.deepEqual([tried.codespace, tried.code], ['icahost', 2], tried.log);
    assert.match(tried.log, /host submodule is disabled/);

    const b = zones.b;
    const refused = await b.send({ typeUrl: MsgRegisterInterchainAccount.typeUrl, value: MsgRegisterInterchainAccount.fromPartial({ owner: b.relayer, connectionId: path.b.connectionId, version: '', ordering: Order.ORDER_ORDERED }) });
    assert.deepEqual([refused.codespace, refused.code], ['icacontroller', 2], refused.log);
    assert.match(refused.log, /controller submodule is disabled/);
  });
});
