// Interchain staking between two zones in-process (hub and consumer, an ORDERED `xstaking`
// channel, the in-process relayer of ibc-testing/): a stake raises the consumer validator's
// power by the curve's BAR, equal stakes later buy less, an unstake pays PHOTON back by the
// curve after both unbonding periods, and an error ack or a timeout refunds the escrow exactly.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { QueryBalanceRequest, QueryBalanceResponse, QuerySupplyOfRequest, QuerySupplyOfResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import { QueryValidatorRequest, QueryValidatorResponse } from 'cosmjs-types/cosmos/staking/v1beta1/query';
import { MsgCreateValidator } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import { Channel, Order, State, type Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { parseDec } from '../app/dec.js';
import { ackBytes, resultAck } from '../ibc/core/04-channel/acknowledgement.js';
import { channelPath } from '../ibc/core/24-host/paths.js';
import {
  buy,
  initialSupply,
  MSG_XSTAKE_TYPE_URL,
  MSG_XUNSTAKE_TYPE_URL,
  MsgXStake,
  MsgXUnstake,
  PORT_ID,
  QueryPositionsByStakerRequest,
  QueryPositionsResponse,
  QueryTotalsResponse,
  QueryUnbondingsRequest,
  QueryUnbondingsResponse,
  sell,
  VERSION,
  XUnstakeAck,
  xstakingRegistryTypes,
  type CurveParams,
} from '../modules/xstaking/index.js';
import { IbcTestChain } from './ibc-testing/chain.js';
import { IbcPath, eventsOf, expectOk, packetsSent } from './ibc-testing/path.js';

const UNBONDING_SECONDS = 10n;
const CURVE: CurveParams = { ratioNum: 1n, ratioDen: 2n, virtualReserve: 100_000_000n, virtualSupply: 100_000_000n };
const STAKE = 100_000_000n;
const SELF_DELEGATION = 100_000_000n;
const POWER_REDUCTION = 1_000_000n;
const BASE_TIME = 1_700_000_000n;

describe('interchain staking between two zones (hub and consumer, in-process relayer)', () => {
  let hub: IbcTestChain;
  let consumer: IbcTestChain;
  let path: IbcPath;
  let validator: string;
  let staker: string;

  before(async () => {
    hub = await IbcTestChain.start('hub-1', 1, [], {
      zone: { xstaking: true },
      msgTypes: xstakingRegistryTypes,
      appState: { xstaking: { params: { role: 'ROLE_HUB', stake_denom: 'stake', unbonding_period_seconds: UNBONDING_SECONDS.toString(), packet_timeout_seconds: '120' } } },
    });
    consumer = await IbcTestChain.start('consumer-1', 2, [], {
      zone: { xstaking: true },
      appState: {
        xstaking: { params: { role: 'ROLE_CONSUMER', reserve_ratio_numerator: 1, reserve_ratio_denominator: 2, virtual_reserve: '100000000', virtual_supply: '100000000', power_cap: '0.5' } },
        staking: { params: { unbonding_time: `${UNBONDING_SECONDS}s` } },
      },
    });
    staker = hub.relayer;
    validator = consumer.chain.zone.staking.keeper.valoperOf(consumer.relayer);
    expectOk(
      await consumer.send({
        typeUrl: MsgCreateValidator.typeUrl,
        value: MsgCreateValidator.fromPartial({
          description: { moniker: 'bar-validator' },
          commission: { rate: parseDec('0.1').toString(), maxRate: parseDec('0.2').toString(), maxChangeRate: parseDec('0.01').toString() },
          minSelfDelegation: '1',
          validatorAddress: validator,
          pubkey: { typeUrl: '/cosmos.crypto.ed25519.PubKey', value: Ed25519PubKey.encode({ key: new Uint8Array(32).fill(9) }).finish() },
          value: { denom: 'stake', amount: SELF_DELEGATION.toString() },
        }),
      }),
      'create validator',
    );
    path = new IbcPath(hub, consumer, PORT_ID);
    await path.setup(VERSION, Order.ORDER_ORDERED);
    hubSupply = supplyOf(hub, 'stake');
    consumerSupply = supplyOf(consumer, 'stake');
  });
  after(async () => {
    await hub?.close();
    await consumer?.close();
  });

  const balance = (chain: IbcTestChain, address: string, denom = 'stake') =>
    BigInt(QueryBalanceResponse.decode(chain.query('/cosmos.bank.v1beta1.Query/Balance', QueryBalanceRequest.encode({ address, denom }).finish())).balance!.amount);
  const tokens = () => BigInt(QueryValidatorResponse.decode(consumer.query('/cosmos.staking.v1beta1.Query/Validator', QueryValidatorRequest.encode({ validatorAddr: validator }).finish())).validator!.tokens);
  const positions = (chain: IbcTestChain) => QueryPositionsResponse.decode(chain.query('/zonekit.xstaking.v1.Query/PositionsByStaker', QueryPositionsByStakerRequest.encode({ staker }).finish())).positions;
  const totals = (chain: IbcTestChain) => QueryTotalsResponse.decode(chain.query('/zonekit.xstaking.v1.Query/Totals', new Uint8Array()));
  const unbondings = () => QueryUnbondingsResponse.decode(hub.query('/zonekit.xstaking.v1.Query/Unbondings', QueryUnbondingsRequest.encode({ staker }).finish())).unbondings;
  const escrow = () => BigInt(totals(hub).escrows.find((e) => e.channel === path.a.channelId)?.amount ?? '0');
  const stakeMsg = (amount: bigint, to = validator) => ({
    typeUrl: MSG_XSTAKE_TYPE_URL,
    value: MsgXStake.fromPartial({ staker, consumerChannel: path.a.channelId, validator: to, amount: amount.toString() }),
  });
  const send = async (msg: { typeUrl: string; value: unknown }, what: string): Promise<Packet> => {
    const [packet] = packetsSent(expectOk(await hub.send(msg), what));
    return packet!;
  };
  const ackText = (bytes: Uint8Array) => Buffer.from(bytes).toString();
  const supplyOf = (chain: IbcTestChain, denom: string) =>
    BigInt(QuerySupplyOfResponse.decode(chain.query('/cosmos.bank.v1beta1.Query/SupplyOf', QuerySupplyOfRequest.encode({ denom }).finish())).amount!.amount);
  let hubSupply = 0n;
  let consumerSupply = 0n;
  /** Invariants hold on both zones; the hub's stake denom is never minted or burned; BAR's supply moved only by `barDelta`. */
  const assertSound = (barDelta: bigint) => {
    assert.deepEqual(hub.chain.app.brokenInvariants(), []);
    assert.deepEqual(consumer.chain.app.brokenInvariants(), []);
    assert.equal(supplyOf(hub, 'stake'), hubSupply);
    consumerSupply += barDelta;
    assert.equal(supplyOf(consumer, 'stake'), consumerSupply);
  };

  let supply = initialSupply(CURVE);
  const minted: bigint[] = [];
  let lastUnstake: Packet | undefined;

  it('a stake escrows PHOTON on the hub and grows the consumer validator by the BAR the curve mints', async () => {
    const before = balance(hub, staker);
    const packet = await send(stakeMsg(STAKE), 'xstake');
    assert.equal(balance(hub, staker), before - STAKE, 'escrowed from the staker');
    assert.equal(escrow(), STAKE);
    const ack = await path.relay(path.a, packet);
    const bar = buy(CURVE, supply, STAKE);
    assert.equal(bar, 41_421_356n);
    assert.ok(ackText(ack).startsWith('{"result":'), ackText(ack));
    assert.equal(tokens(), SELF_DELEGATION + bar);
    assert.equal((SELF_DELEGATION + bar) / POWER_REDUCTION, 141n, 'CometBFT power of the validator');
    const [onHub] = positions(hub);
    assert.deepEqual([onHub!.staked, onHub!.bar, onHub!.validator], [STAKE.toString(), bar.toString(), validator]);
    supply += bar;
    minted.push(bar);
    assert.equal(totals(consumer).curve!.supply, supply.toString());
    assertSound(bar);
  });

  it('the same stake later buys less BAR (sublinear)', async () => {
    const packet = await send(stakeMsg(STAKE), 'second xstake');
    await path.relay(path.a, packet);
    const bar = buy(CURVE, supply, STAKE);
    assert.equal(bar, 31_783_724n);
    assert.ok(bar < minted[0]!);
    assert.equal(tokens(), SELF_DELEGATION + minted[0]! + bar);
    supply += bar;
    minted.push(bar);
    assert.equal(positions(hub)[0]!.bar, (minted[0]! + bar).toString());
    assert.equal(totals(consumer).xstakedBar, (minted[0]! + bar).toString());
    assertSound(bar);
  });

  it('an unstake is acknowledged after the consumer unbonds and paid by the curve after the hub unbonds', async () => {
    const bar = minted[0]!;
    const packet = await send({ typeUrl: MSG_XUNSTAKE_TYPE_URL, value: MsgXUnstake.fromPartial({ staker, consumerChannel: path.a.channelId, validator, amount: bar.toString() }) }, 'xunstake');
    lastUnstake = packet;
    assert.equal(unbondings()[0]!.completionTime, 0n, 'waiting for the consumer');
    const recv = await path.recvPacket(path.a, packet);
    assert.equal(eventsOf(recv, 'write_acknowledgement').length, 0, 'acknowledged only after unbonding');
    assert.equal(tokens(), SELF_DELEGATION + minted[1]!, 'undelegated at once');

    const photon = sell(CURVE, supply, bar);
    assert.equal(photon, 126_330_498n, 'the price rose since the first stake');
    for (let i = 0n; i <= UNBONDING_SECONDS / 5n; i++) await consumer.nextBlock();
    supply -= bar;
    assert.equal(totals(consumer).curve!.supply, supply.toString());
    // The consumer's ack commitment must be these bytes, or the hub's proof check refuses them.
    const ack = ackBytes(resultAck(XUnstakeAck.encode({ photon: photon.toString(), bar: bar.toString() }).finish()));
    expectOk(await path.acknowledgePacket(path.a, packet, ack), 'acknowledge xunstake');

    const before = balance(hub, staker);
    const [pending] = unbondings();
    assert.equal(pending!.photon, photon.toString());
    assert.ok(pending!.completionTime > 0n);
    assert.equal(balance(hub, staker), before, 'not before the hub unbonding period');
    for (let i = 0n; i <= UNBONDING_SECONDS / 5n; i++) await hub.nextBlock();
    assert.equal(balance(hub, staker), before + photon);
    assert.equal(unbondings().length, 0);
    assert.equal(escrow(), 2n * STAKE - photon);
    assert.equal(positions(hub)[0]!.bar, minted[1]!.toString());
    assertSound(-bar);
  });

  it('refuses to unstake more BAR than the position holds, changing nothing', async () => {
    const res = await hub.send({ typeUrl: MSG_XUNSTAKE_TYPE_URL, value: MsgXUnstake.fromPartial({ staker, consumerChannel: path.a.channelId, validator, amount: (minted[1]! + 1n).toString() }) });
    assert.equal(res.codespace, 'xstaking');
    assert.match(res.log, new RegExp(`position holds ${minted[1]} BAR, asked to unstake ${minted[1]! + 1n}`));
    assert.equal(positions(hub)[0]!.bar, minted[1]!.toString());
    assertSound(0n);
  });

  it('a stake over the power cap gets an error ack and is refunded exactly', async () => {
    const before = balance(hub, staker);
    const big = 500_000_000n;
    const bar = buy(CURVE, supply, big);
    // Over half of the bonded tokens would be x-staked BAR (power_cap 0.5).
    assert.ok(2n * (minted[1]! + bar) > SELF_DELEGATION + minted[1]! + bar);
    const ack = await path.relay(path.a, await send(stakeMsg(big), 'xstake over the cap'));
    assert.ok(ackText(ack).startsWith('{"error":'), ackText(ack));
    assert.equal(balance(hub, staker), before);
    assert.equal(tokens(), SELF_DELEGATION + minted[1]!);
    assertSound(0n);
  });

  it('an error ack (no such validator) refunds the escrow exactly', async () => {
    const before = balance(hub, staker);
    const escrowBefore = escrow();
    const nobody = consumer.chain.zone.staking.keeper.valoperOf('cosmos1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du');
    const packet = await send(stakeMsg(STAKE, nobody), 'xstake to nobody');
    assert.equal(balance(hub, staker), before - STAKE);
    const ack = await path.relay(path.a, packet);
    assert.ok(ackText(ack).startsWith('{"error":'), ackText(ack));
    assert.equal(balance(hub, staker), before);
    assert.equal(escrow(), escrowBefore);
    assert.equal(tokens(), SELF_DELEGATION + minted[1]!, 'the consumer changed nothing');
    assertSound(0n);
  });

  it('a timed-out XStake refunds the escrow exactly (and closes the ORDERED channel)', async () => {
    const before = balance(hub, staker);
    const escrowBefore = escrow();
    const packet = await send(stakeMsg(STAKE), 'xstake that times out');
    assert.equal(balance(hub, staker), before - STAKE);
    while (BASE_TIME + 5n * consumer.height <= packet.timeoutTimestamp / 1_000_000_000n) await consumer.nextBlock();
    expectOk(await path.timeoutPacket(path.a, packet, true), 'timeout');
    assert.equal(balance(hub, staker), before);
    assert.equal(escrow(), escrowBefore);
    assert.equal(Channel.decode(hub.proveIbc(channelPath(PORT_ID, path.a.channelId)).value).state, State.STATE_CLOSED);
    assertSound(0n);
  });

  it('exports genesis that validates, with the positions, escrow and curve', () => {
    const hubState = hub.chain.app.exportAppState().xstaking as Record<string, any>;
    assert.equal(hubState.params.role, 'ROLE_HUB');
    assert.deepEqual(hubState.escrows, [{ channel: path.a.channelId, amount: escrow().toString() }]);
    assert.equal(hubState.positions[0].bar, minted[1]!.toString());
    const consumerState = consumer.chain.app.exportAppState().xstaking as Record<string, any>;
    assert.equal(consumerState.curve.supply, supply.toString());
    for (const [chain, state] of [[hub, hubState], [consumer, consumerState]] as const) {
      const again = chain.chain.zone.xstaking!.genesis!.validate(JSON.parse(JSON.stringify(state)));
      assert.equal(again.positions.length, state.positions.length);
    }
  });

  it('a consumer acknowledging more PHOTON than its channel escrows is paid no more than the escrow', () => {
    // Straight into the hub's keeper on a branch of its committed state: a real consumer's
    // curve never asks this much, and a relayer cannot forge its ack past the proof check.
    const ctx = hub.chain.app.committedContext();
    const keeper = hub.chain.zone.xstaking!.keeper;
    const channel = path.a.channelId;
    const escrowed = keeper.store.escrow(ctx, channel);
    assert.ok(escrowed > 0n);
    keeper.store.setUnbonding(ctx, { id: 99n, staker, channel, validator, bar: '1', photon: '0', completionTime: 0n, sequence: 99n });
    keeper.store.setInFlight(ctx, channel, 99n, 99n);
    const packet = { ...lastUnstake!, sequence: 99n };
    keeper.onAcknowledgement(ctx, packet, ackBytes(resultAck(XUnstakeAck.encode({ photon: (10n * escrowed).toString(), bar: '1' }).finish())));
    assert.equal(keeper.store.unbonding(ctx, 99n)!.photon, escrowed.toString());
  });
});
