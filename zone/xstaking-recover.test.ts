// Recovery from a consumer that stops answering, in-process (hub and consumer, the in-process
// relayer): two stakers x-stake over an ORDERED `xstaking` channel, one unstake waits for the
// consumer's ack, the consumer's court slashes the validator, then an XStake times out, which
// refunds it and closes the channel. Stakes, unstakes and early recoveries are refused; after
// the hub's unbonding period each staker recovers exactly what was locked (less the burn, plus
// a stake still in flight), once; a later timeout of that stake pays nothing again; the escrow
// ends at zero and the closed channel survives genesis export and import. An XUnstake that
// times out puts its BAR back and closes its channel, whose recovery pays the principal left.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DirectSecp256k1HdWallet, Registry } from '@cosmjs/proto-signing';
import { defaultRegistryTypes, SigningStargateClient } from '@cosmjs/stargate';
import { BaseAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { TxMsgData } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import { QueryAccountRequest, QueryAccountResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { QueryBalanceRequest, QueryBalanceResponse, QuerySupplyOfRequest, QuerySupplyOfResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import { MsgCreateValidator } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { Channel, Order, State, type Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { Misbehavior, MisbehaviorType, type ExecTxResult } from 'cosmjs-types/tendermint/abci/types';
import { parseDec } from '../app/dec.js';
import { channelPath } from '../ibc/core/24-host/paths.js';
import { consAddressOf, InfractionKind } from '../modules/court/index.js';
import {
  MSG_XRECOVER_TYPE_URL,
  MSG_XSTAKE_TYPE_URL,
  MSG_XUNSTAKE_TYPE_URL,
  MsgXRecover,
  MsgXRecoverResponse,
  MsgXStake,
  MsgXUnstake,
  PORT_ID,
  QueryClosedChannelsResponse,
  QueryPositionsByChannelRequest,
  QueryPositionsResponse,
  QueryTotalsResponse,
  QueryUnbondingsRequest,
  QueryUnbondingsResponse,
  VERSION,
  xstakingRegistryTypes,
} from '../modules/xstaking/index.js';
import { IbcTestChain } from './ibc-testing/chain.js';
import { IbcPath, eventsOf, expectOk, packetsSent } from './ibc-testing/path.js';
import { TestChain } from './testing.js';

const HUB_UNBONDING = 30n;
const PACKET_TIMEOUT = 60n;
const BASE_TIME = 1_700_000_000n;
const SELF_DELEGATION = 100_000_000n;
const POWER_REDUCTION = 1_000_000n;
const CONS_PUBKEY = new Uint8Array(32).fill(9);
// Not a multiple of 20: the 5% burn rounds up.
const STAKE_A = 100_000_019n;
const STAKE_B = 50_000_000n;
const BURN_A = 5_000_001n;
const BURN_B = 2_500_000n;
/** B's stake that times out and closes the channel. */
const TIMED_OUT = 7_000_000n;
/** A's stake sent after it: in flight when the channel closes. */
const IN_FLIGHT = 3_000_000n;
/** A's stake over the third channel, and its 5% burn. */
const STAKE_3 = 20_000_000n;
const BURN_3 = 1_000_000n;
const OTHER_MNEMONIC = 'zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong';
const FEE = { amount: [{ denom: 'uatom', amount: '5000' }], gas: '2000000' };

describe('recovery of x-staked PHOTON after the consumer channel closes', () => {
  let hub: IbcTestChain;
  let consumer: IbcTestChain;
  let path: IbcPath;
  /** A second channel, left open. */
  let open: IbcPath;
  /** A third channel, closed later by a timed-out XUnstake. */
  let third: IbcPath;
  let validator: string;
  let stakerA: string;
  let stakerB: string;
  let clientB: SigningStargateClient;
  let hubSupply = 0n;
  let inFlight: Packet;
  let unstakeSequence = 0n;

  const balance = (chain: IbcTestChain, address: string, denom = 'stake') =>
    BigInt(QueryBalanceResponse.decode(chain.query('/cosmos.bank.v1beta1.Query/Balance', QueryBalanceRequest.encode({ address, denom }).finish())).balance!.amount);
  const supplyOf = (chain: IbcTestChain, denom = 'stake') =>
    BigInt(QuerySupplyOfResponse.decode(chain.query('/cosmos.bank.v1beta1.Query/SupplyOf', QuerySupplyOfRequest.encode({ denom }).finish())).amount!.amount);
  const positions = () => QueryPositionsResponse.decode(hub.query('/zonekit.xstaking.v1.Query/PositionsByChannel', QueryPositionsByChannelRequest.encode({ channel: path.a.channelId }).finish())).positions;
  const positionOf = (staker: string) => positions().find((p) => p.staker === staker);
  const escrow = () => BigInt(QueryTotalsResponse.decode(hub.query('/zonekit.xstaking.v1.Query/Totals', new Uint8Array())).escrows.find((e) => e.channel === path.a.channelId)?.amount ?? '0');
  const unbondings = (staker: string) => QueryUnbondingsResponse.decode(hub.query('/zonekit.xstaking.v1.Query/Unbondings', QueryUnbondingsRequest.encode({ staker }).finish())).unbondings;
  const closedChannels = () => QueryClosedChannelsResponse.decode(hub.query('/zonekit.xstaking.v1.Query/ClosedChannels', new Uint8Array())).channels;
  const stakeMsg = (staker: string, amount: bigint, channel = path.a.channelId) => ({ typeUrl: MSG_XSTAKE_TYPE_URL, value: MsgXStake.fromPartial({ staker, consumerChannel: channel, validator, amount: amount.toString() }) });
  const recoverMsg = (staker: string, channel = path.a.channelId) => ({ typeUrl: MSG_XRECOVER_TYPE_URL, value: MsgXRecover.fromPartial({ staker, consumerChannel: channel }) });

  /** Signs as staker B (the relayer signs for A) and delivers in the next hub block. */
  const sendAsB = async (msg: { typeUrl: string; value: unknown }): Promise<ExecTxResult> => {
    const any = QueryAccountResponse.decode(hub.query('/cosmos.auth.v1beta1.Query/Account', QueryAccountRequest.encode({ address: stakerB }).finish())).account!;
    const { accountNumber, sequence } = BaseAccount.decode(any.value);
    const raw = await clientB.sign(stakerB, [msg], FEE, '', { accountNumber, sequence: Number(sequence), chainId: hub.chainId });
    const [result] = await hub.nextBlock([TxRaw.encode(raw).finish()]);
    return result!;
  };
  const packetOf = (result: ExecTxResult, what: string): Packet => packetsSent(expectOk(result, what))[0]!;
  /** The error of a refused tx: its codespace, code and sentence. */
  const refused = (result: ExecTxResult, code: number, sentence: RegExp) => {
    assert.equal(result.codespace, 'xstaking', result.log);
    assert.equal(result.code, code, result.log);
    assert.match(result.log, sentence);
  };
  /** Invariants hold on both zones; the hub's stake denom supply moved only by the burns. */
  const assertSound = () => {
    assert.deepEqual(hub.chain.app.brokenInvariants(), []);
    assert.deepEqual(consumer.chain.app.brokenInvariants(), []);
    assert.equal(supplyOf(hub), hubSupply);
  };

  before(async () => {
    const walletB = await DirectSecp256k1HdWallet.fromMnemonic(OTHER_MNEMONIC);
    stakerB = (await walletB.getAccounts())[0]!.address;
    clientB = await SigningStargateClient.offline(walletB, { registry: new Registry([...defaultRegistryTypes, ...xstakingRegistryTypes]) });
    hub = await IbcTestChain.start('hub-1', 1, [{ address: stakerB, coins: [{ denom: 'uatom', amount: '1000000000' }, { denom: 'stake', amount: '1000000000' }] }], {
      zone: { xstaking: true },
      msgTypes: xstakingRegistryTypes,
      appState: { xstaking: { params: { role: 'ROLE_HUB', stake_denom: 'stake', unbonding_period_seconds: HUB_UNBONDING.toString(), packet_timeout_seconds: PACKET_TIMEOUT.toString() } } },
    });
    consumer = await IbcTestChain.start('consumer-1', 2, [], {
      zone: { xstaking: true },
      appState: {
        xstaking: { params: { role: 'ROLE_CONSUMER', reserve_ratio_numerator: 1, reserve_ratio_denominator: 2, virtual_reserve: '100000000', virtual_supply: '100000000', power_cap: '0.5' } },
        // Long enough that the consumer never answers the unstake before the channel closes.
        staking: { params: { unbonding_time: '100000s' } },
      },
    });
    stakerA = hub.relayer;
    validator = consumer.chain.zone.staking.keeper.valoperOf(consumer.relayer);
    expectOk(
      await consumer.send({
        typeUrl: MsgCreateValidator.typeUrl,
        value: MsgCreateValidator.fromPartial({
          description: { moniker: 'bar-validator' },
          commission: { rate: parseDec('0.1').toString(), maxRate: parseDec('0.2').toString(), maxChangeRate: parseDec('0.01').toString() },
          minSelfDelegation: '1',
          validatorAddress: validator,
          pubkey: { typeUrl: '/cosmos.crypto.ed25519.PubKey', value: Ed25519PubKey.encode({ key: CONS_PUBKEY }).finish() },
          value: { denom: 'stake', amount: SELF_DELEGATION.toString() },
        }),
      }),
      'create validator',
    );
    path = new IbcPath(hub, consumer, PORT_ID);
    await path.setup(VERSION, Order.ORDER_ORDERED);
    open = new IbcPath(hub, consumer, PORT_ID);
    await open.setup(VERSION, Order.ORDER_ORDERED);
    third = new IbcPath(hub, consumer, PORT_ID);
    await third.setup(VERSION, Order.ORDER_ORDERED);
    hubSupply = supplyOf(hub);
  });
  after(async () => {
    await hub?.close();
    await consumer?.close();
  });

  it('two stakers stake, one unstake waits for the consumer, and a consumer verdict burns 5%', async () => {
    await path.relay(path.a, packetOf(await hub.send(stakeMsg(stakerA, STAKE_A)), 'stake A'));
    await third.relay(third.a, packetOf(await hub.send(stakeMsg(stakerA, STAKE_3, third.a.channelId)), 'stake A on the third channel'));
    await path.relay(path.a, packetOf(await sendAsB(stakeMsg(stakerB, STAKE_B)), 'stake B'));
    const bar = BigInt(positionOf(stakerA)!.bar) / 2n;
    const unstake = packetOf(await hub.send({ typeUrl: MSG_XUNSTAKE_TYPE_URL, value: MsgXUnstake.fromPartial({ staker: stakerA, consumerChannel: path.a.channelId, validator, amount: bar.toString() }) }), 'unstake A');
    unstakeSequence = unstake.sequence;
    const recv = await path.recvPacket(path.a, unstake);
    assert.equal(eventsOf(recv, 'write_acknowledgement').length, 0, 'the consumer answers only after its unbonding');
    assert.equal(unbondings(stakerA)[0]!.completionTime, 0n);

    const height = consumer.height;
    const misbehavior: Misbehavior = {
      type: MisbehaviorType.DUPLICATE_VOTE,
      validator: { address: consAddressOf(CONS_PUBKEY), power: SELF_DELEGATION / POWER_REDUCTION },
      height,
      time: { seconds: BASE_TIME + 5n * height, nanos: 0 },
      totalVotingPower: SELF_DELEGATION / POWER_REDUCTION,
    };
    await consumer.nextBlock([], [misbehavior]);
    const slashes = packetsSent({ events: consumer.lastBlockEvents } as ExecTxResult);
    assert.deepEqual(slashes.map((p) => p.sourceChannel).sort(), [path.b.channelId, third.b.channelId].sort(), 'the channels staking behind the validator');
    for (const slash of slashes) {
      const over = slash.sourceChannel === path.b.channelId ? path : third;
      const ack = await over.relay(over.b, slash);
      assert.ok(Buffer.from(ack).toString().startsWith('{"result":'));
    }
    hubSupply -= BURN_A + BURN_B + BURN_3;
    assert.equal(positionOf(stakerA)!.staked, (STAKE_A - BURN_A).toString(), 'the principal still counts the unacknowledged unstake');
    assert.equal(positionOf(stakerB)!.staked, (STAKE_B - BURN_B).toString());
    assert.equal(escrow(), STAKE_A - BURN_A + STAKE_B - BURN_B);
    assertSound();
  });

  it('a timed-out XStake is refunded exactly and closes the channel; the close is recorded once', async () => {
    const beforeB = balance(hub, stakerB);
    const beforeA = balance(hub, stakerA);
    const timedOut = packetOf(await sendAsB(stakeMsg(stakerB, TIMED_OUT)), 'stake B that times out');
    inFlight = packetOf(await hub.send(stakeMsg(stakerA, IN_FLIGHT)), 'stake A in flight');
    assert.equal(balance(hub, stakerB), beforeB - TIMED_OUT);
    assert.equal(balance(hub, stakerA), beforeA - IN_FLIGHT);
    assert.equal(escrow(), STAKE_A - BURN_A + STAKE_B - BURN_B + TIMED_OUT + IN_FLIGHT);
    while (BASE_TIME + 5n * consumer.height <= timedOut.timeoutTimestamp / 1_000_000_000n) await consumer.nextBlock();
    const result = expectOk(await path.timeoutPacket(path.a, timedOut, true), 'timeout');
    assert.equal(balance(hub, stakerB), beforeB, 'B has the timed-out stake back');
    assert.equal(escrow(), STAKE_A - BURN_A + STAKE_B - BURN_B + IN_FLIGHT);
    assert.equal(Channel.decode(hub.proveIbc(channelPath(PORT_ID, path.a.channelId)).value).state, State.STATE_CLOSED);
    const [closed, ...others] = closedChannels();
    assert.equal(others.length, 0, 'the open channels are not listed');
    const closeTime = BASE_TIME + 5n * hub.height;
    assert.deepEqual(closed, { channel: path.a.channelId, closeTime, recoverableTime: closeTime + HUB_UNBONDING });
    assert.equal(eventsOf(result, 'xstaking_channel_closed')[0]!.recoverable_time, (closeTime + HUB_UNBONDING).toString());
    assertSound();
  });

  it('refuses stakes, unstakes and early recoveries on the closed channel, and recoveries on an open one, changing nothing', async () => {
    const before = { a: balance(hub, stakerA), b: balance(hub, stakerB), escrow: escrow(), positions: positions() };
    const [closed] = closedChannels();
    refused(await hub.send(stakeMsg(stakerA, 1n)), 20, new RegExp(`${path.a.channelId} closed at .*: nothing more can be staked or unstaked over it; what was locked over it is recoverable from`));
    refused(
      await hub.send({ typeUrl: MSG_XUNSTAKE_TYPE_URL, value: MsgXUnstake.fromPartial({ staker: stakerA, consumerChannel: path.a.channelId, validator, amount: '1' }) }),
      20,
      /nothing more can be staked or unstaked/,
    );
    const due = new Date(Number(closed!.recoverableTime) * 1000).toISOString().replace('.000Z', 'Z');
    refused(await hub.send(recoverMsg(stakerA)), 22, new RegExp(`what was locked over it is recoverable from ${due}, it is `));
    refused(await sendAsB(recoverMsg(stakerB)), 22, /recoverable from/);
    refused(await hub.send(recoverMsg(stakerA, open.a.channelId)), 21, new RegExp(`${open.a.channelId} is STATE_OPEN: only what was locked over a closed channel can be recovered`));
    refused(await hub.send(recoverMsg(stakerA, 'channel-9')), 21, /channel-9 is not an xstaking channel of this zone/);
    // The relayer (A) pays fees in uatom, so its stake balance is comparable.
    assert.deepEqual({ a: balance(hub, stakerA), b: balance(hub, stakerB), escrow: escrow(), positions: positions() }, before);
    assertSound();
  });

  it('no one closes a channel on purpose; a close the counterparty started is recorded on confirm', async () => {
    const res = await hub.send({ typeUrl: '/ibc.core.channel.v1.MsgChannelCloseInit', value: { portId: PORT_ID, channelId: open.a.channelId, signer: stakerA } });
    assert.notEqual(res.code, 0);
    assert.match(res.log, /user cannot close an xstaking channel/);
    assert.equal(Channel.decode(hub.proveIbc(channelPath(PORT_ID, open.a.channelId)).value).state, State.STATE_OPEN);
    // The callback core runs on MsgChannelCloseConfirm, on a branch of the committed state.
    const ctx = hub.chain.app.committedContext();
    hub.chain.zone.xstaking!.ibcModule.onChanCloseConfirm(ctx, PORT_ID, open.a.channelId);
    const now = ctx.header.time.seconds;
    assert.deepEqual(hub.chain.zone.xstaking!.keeper.closure.closedChannel(ctx, open.a.channelId), { channel: open.a.channelId, closeTime: now, recoverableTime: now + HUB_UNBONDING });
  });

  it('exports the closed channel, the stake in flight and the unacknowledged unstake, and imports them back', async () => {
    const state = hub.chain.app.exportAppState().xstaking as Record<string, any>;
    assert.deepEqual(state.closed_channels, closedChannels().map((c) => ({ channel: c.channel, close_time: c.closeTime.toString(), recoverable_time: c.recoverableTime.toString() })));
    assert.deepEqual(
      state.pending_stakes.map((s: Record<string, string>) => [s.channel, s.sequence, s.staker, s.amount]),
      [[path.a.channelId, inFlight.sequence.toString(), stakerA, IN_FLIGHT.toString()]],
    );
    const imported = await TestChain.start({ chainId: 'hub-2', accounts: [], zone: { xstaking: true }, appState: { xstaking: JSON.parse(JSON.stringify(state)) } });
    try {
      assert.deepEqual(imported.app.exportAppState().xstaking, state);
      // The unacknowledged unstake still answers to its packet, so a late ack or timeout finds it.
      const ctx = imported.app.committedContext();
      assert.equal(imported.zone.xstaking!.keeper.store.takeInFlight(ctx, path.a.channelId, unstakeSequence), BigInt(state.unbondings[0].id));
    } finally {
      await imported.close();
    }
  });

  it('a burn judged after the close lowers what is recovered by exactly the burn', async () => {
    while (BASE_TIME + 5n * hub.height < closedChannels()[0]!.recoverableTime) await hub.nextBlock();
    // On a branch of the committed state: the hub's burn, as a verdict over the channel would.
    const ctx = hub.chain.app.committedContext();
    const keeper = hub.chain.zone.xstaking!.keeper;
    const slash = { validator, infractionHeight: 1n, fraction: parseDec('0.1').toString(), evidenceHash: new Uint8Array(32).fill(1), kind: InfractionKind.INFRACTION_KIND_DOUBLE_SIGN };
    const trial = keeper.receiveSlash(ctx, { ...inFlight, destinationChannel: path.a.channelId }, slash);
    const burned = BigInt(trial.slashed.find((s) => s.staker === stakerA)!.burned);
    assert.equal(burned, (STAKE_A - BURN_A) / 10n + 1n, '10% of 95000018, rounded up');
    assert.equal(keeper.recover(ctx, stakerA, path.a.channelId), STAKE_A - BURN_A - burned + IN_FLIGHT);
    assert.equal(hub.chain.zone.xstaking!.invariants!.escrow!(ctx), undefined);
  });

  it('after the hub unbonding period each staker recovers exactly what was locked, once; the escrow ends at zero', async () => {
    const beforeA = balance(hub, stakerA);
    const beforeB = balance(hub, stakerB);
    const expectedA = STAKE_A - BURN_A + IN_FLIGHT;
    const expectedB = STAKE_B - BURN_B;
    const resultA = expectOk(await hub.send(recoverMsg(stakerA)), 'recover A');
    assert.equal(MsgXRecoverResponse.decode(TxMsgData.decode(resultA.data).msgResponses[0]!.value).amount, expectedA.toString());
    assert.equal(balance(hub, stakerA), beforeA + expectedA, 'the position (its pending unstake included) and the stake in flight');
    assert.equal(unbondings(stakerA).length, 0, 'the unstake the consumer never answered is settled');
    assert.equal(positionOf(stakerA), undefined);
    assert.equal(escrow(), expectedB);
    assertSound();

    expectOk(await sendAsB(recoverMsg(stakerB)), 'recover B');
    assert.equal(balance(hub, stakerB), beforeB + expectedB);
    assert.equal(escrow(), 0n, 'a fully recovered channel escrows nothing');
    assert.deepEqual(positions(), []);
    assertSound();

    refused(await hub.send(recoverMsg(stakerA)), 4, new RegExp(`${stakerA} has nothing locked over ${path.a.channelId} to recover`));
    refused(await sendAsB(recoverMsg(stakerB)), 4, /nothing locked/);
    assert.equal(balance(hub, stakerA), beforeA + expectedA);
    assert.equal(balance(hub, stakerB), beforeB + expectedB);
    assertSound();
  });

  it('the timeout of the stake recovered while in flight pays nothing again', async () => {
    const before = balance(hub, stakerA);
    const result = expectOk(await path.timeoutPacket(path.a, inFlight, true), 'timeout of the stake in flight');
    assert.equal(eventsOf(result, 'xstake_settled_already').length, 1);
    assert.equal(balance(hub, stakerA), before);
    assert.equal(escrow(), 0n);
    assert.equal(closedChannels()[0]!.closeTime + HUB_UNBONDING, closedChannels()[0]!.recoverableTime, 'the close time did not move');
    assertSound();
  });

  it('an XUnstake that times out puts the BAR back and closes its channel; recovery then pays the principal left', async () => {
    const channel = third.a.channelId;
    const escrowOf = () => BigInt(QueryTotalsResponse.decode(hub.query('/zonekit.xstaking.v1.Query/Totals', new Uint8Array())).escrows.find((e) => e.channel === channel)?.amount ?? '0');
    const [position] = QueryPositionsResponse.decode(hub.query('/zonekit.xstaking.v1.Query/PositionsByChannel', QueryPositionsByChannelRequest.encode({ channel }).finish())).positions;
    const unstake = packetOf(
      await hub.send({ typeUrl: MSG_XUNSTAKE_TYPE_URL, value: MsgXUnstake.fromPartial({ staker: stakerA, consumerChannel: channel, validator, amount: position!.bar }) }),
      'unstake that times out',
    );
    while (BASE_TIME + 5n * consumer.height <= unstake.timeoutTimestamp / 1_000_000_000n) await consumer.nextBlock();
    expectOk(await third.timeoutPacket(third.a, unstake, true), 'timeout of the unstake');
    const [back] = QueryPositionsResponse.decode(hub.query('/zonekit.xstaking.v1.Query/PositionsByChannel', QueryPositionsByChannelRequest.encode({ channel }).finish())).positions;
    assert.deepEqual([back!.bar, back!.staked], [position!.bar, (STAKE_3 - BURN_3).toString()], 'the BAR is back on the position');
    assert.equal(unbondings(stakerA).length, 0);
    const closed = closedChannels().find((c) => c.channel === channel)!;
    assert.ok(closed.closeTime > 0n);
    while (BASE_TIME + 5n * hub.height < closed.recoverableTime) await hub.nextBlock();
    const before = balance(hub, stakerA);
    expectOk(await hub.send(recoverMsg(stakerA, channel)), 'recover A on the third channel');
    assert.equal(balance(hub, stakerA), before + STAKE_3 - BURN_3, 'exactly the principal less the burn');
    assert.equal(escrowOf(), 0n);
    assertSound();
  });
});
