// Cross-zone accountability, in-process (hub and consumer, two ORDERED `xstaking` channels):
// a double sign CometBFT reports to the consumer is judged by its court, which sends a Slash
// on every channel whose stakers delegate to the validator; the hub burns the PHOTON locked
// behind it on that channel by the fraction (rounded up), exactly, and keeps the trial in its
// court. A Slash naming a validator no one stakes behind on its channel gets an error ack.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { QueryBalanceRequest, QueryBalanceResponse, QuerySupplyOfRequest, QuerySupplyOfResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import { MsgCreateValidator } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import { Order, type Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { Misbehavior, MisbehaviorType, type ExecTxResult } from 'cosmjs-types/tendermint/abci/types';
import { parseDec } from '../app/dec.js';
import {
  consAddressOf,
  InfractionKind,
  QUERY_FOREIGN_TRIALS_PATH,
  QUERY_TRIALS_PATH,
  QueryForeignTrialsRequest,
  QueryForeignTrialsResponse,
  QueryTrialsRequest,
  QueryTrialsResponse,
} from '../modules/court/index.js';
import { MSG_XSTAKE_TYPE_URL, MsgXStake, PORT_ID, QueryPositionsByStakerRequest, QueryPositionsResponse, QueryTotalsResponse, VERSION, XStakingPacketData, xstakingRegistryTypes } from '../modules/xstaking/index.js';
import { IbcTestChain } from './ibc-testing/chain.js';
import { IbcPath, eventsOf, expectOk, packetsSent } from './ibc-testing/path.js';

// Not a multiple of 20: 5% of it is not whole, so the burn's rounding shows.
const STAKE = 100_000_019n;
const SELF_DELEGATION = 100_000_000n;
const POWER_REDUCTION = 1_000_000n;
const CONS_PUBKEY = new Uint8Array(32).fill(9);

describe('cross-zone accountability: a consumer court verdict slashes the hub stake behind the validator', () => {
  let hub: IbcTestChain;
  let consumer: IbcTestChain;
  /** Its stake is fully relayed: the hub holds a position. */
  let path: IbcPath;
  /** Its stake reached the consumer but the ack never came back: the hub has no position here. */
  let path2: IbcPath;
  let validator: string;
  let staker: string;
  let slashes: Packet[] = [];

  const balance = (chain: IbcTestChain, address: string, denom = 'stake') =>
    BigInt(QueryBalanceResponse.decode(chain.query('/cosmos.bank.v1beta1.Query/Balance', QueryBalanceRequest.encode({ address, denom }).finish())).balance!.amount);
  const supplyOf = (chain: IbcTestChain, denom = 'stake') =>
    BigInt(QuerySupplyOfResponse.decode(chain.query('/cosmos.bank.v1beta1.Query/SupplyOf', QuerySupplyOfRequest.encode({ denom }).finish())).amount!.amount);
  const positions = (chain: IbcTestChain) => QueryPositionsResponse.decode(chain.query('/zonekit.xstaking.v1.Query/PositionsByStaker', QueryPositionsByStakerRequest.encode({ staker }).finish())).positions;
  const escrows = () => QueryTotalsResponse.decode(hub.query('/zonekit.xstaking.v1.Query/Totals', new Uint8Array())).escrows;
  const escrow = (channel: string) => BigInt(escrows().find((e) => e.channel === channel)?.amount ?? '0');
  const foreignTrials = () => QueryForeignTrialsResponse.decode(hub.query(QUERY_FOREIGN_TRIALS_PATH, QueryForeignTrialsRequest.encode({ pagination: undefined }).finish())).trials;
  const ackText = (bytes: Uint8Array) => Buffer.from(bytes).toString();
  const stake = async (p: IbcPath) => {
    const msg = { typeUrl: MSG_XSTAKE_TYPE_URL, value: MsgXStake.fromPartial({ staker, consumerChannel: p.a.channelId, validator, amount: STAKE.toString() }) };
    const [packet] = packetsSent(expectOk(await hub.send(msg), 'xstake'));
    return packet!;
  };

  before(async () => {
    hub = await IbcTestChain.start('hub-1', 1, [], {
      zone: { xstaking: true },
      msgTypes: xstakingRegistryTypes,
      appState: { xstaking: { params: { role: 'ROLE_HUB', stake_denom: 'stake', unbonding_period_seconds: '10', packet_timeout_seconds: '120' } } },
    });
    consumer = await IbcTestChain.start('consumer-1', 2, [], {
      zone: { xstaking: true },
      appState: {
        xstaking: { params: { role: 'ROLE_CONSUMER', reserve_ratio_numerator: 1, reserve_ratio_denominator: 2, virtual_reserve: '100000000', virtual_supply: '100000000', power_cap: '0.5' } },
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
          pubkey: { typeUrl: '/cosmos.crypto.ed25519.PubKey', value: Ed25519PubKey.encode({ key: CONS_PUBKEY }).finish() },
          value: { denom: 'stake', amount: SELF_DELEGATION.toString() },
        }),
      }),
      'create validator',
    );
    path = new IbcPath(hub, consumer, PORT_ID);
    await path.setup(VERSION, Order.ORDER_ORDERED);
    path2 = new IbcPath(hub, consumer, PORT_ID);
    await path2.setup(VERSION, Order.ORDER_ORDERED);
    assert.ok(ackText(await path.relay(path.a, await stake(path))).startsWith('{"result":'));
    await path2.recvPacket(path2.a, await stake(path2));
    assert.equal(positions(hub).length, 1, 'the hub holds the first channel position only');
    assert.equal(positions(consumer).length, 2, 'the consumer holds both');
  });
  after(async () => {
    await hub?.close();
    await consumer?.close();
  });

  it('a double sign judged by the consumer court sends a Slash on each channel staking behind the validator', async () => {
    const height = consumer.height;
    const misbehavior: Misbehavior = {
      type: MisbehaviorType.DUPLICATE_VOTE,
      validator: { address: consAddressOf(CONS_PUBKEY), power: SELF_DELEGATION / POWER_REDUCTION },
      height,
      time: { seconds: 1_700_000_000n + 5n * height, nanos: 0 },
      totalVotingPower: SELF_DELEGATION / POWER_REDUCTION,
    };
    await consumer.nextBlock([], [misbehavior]);
    const trials = QueryTrialsResponse.decode(consumer.query(QUERY_TRIALS_PATH, QueryTrialsRequest.encode({ validator, pagination: undefined }).finish())).trials;
    assert.equal(trials.length, 1, 'the consumer court judged the double sign');
    assert.equal(trials[0]!.kind, InfractionKind.INFRACTION_KIND_DOUBLE_SIGN);
    slashes = packetsSent({ events: consumer.lastBlockEvents } as ExecTxResult);
    assert.deepEqual(slashes.map((p) => p.sourceChannel).sort(), [path.b.channelId, path2.b.channelId].sort());
    const slash = XStakingPacketData.decode(slashes[0]!.data).slash!;
    assert.equal(slash.validator, validator);
    assert.equal(slash.infractionHeight, height);
    assert.equal(slash.fraction, parseDec('0.05').toString());
    assert.equal(slash.kind, InfractionKind.INFRACTION_KIND_DOUBLE_SIGN);
    assert.deepEqual(slash.evidenceHash, new Uint8Array(createHash('sha256').update(Misbehavior.encode(misbehavior).finish()).digest()));
  });

  it('the hub burns the stake behind the validator on that channel by the fraction, rounded up, and records the trial', async () => {
    const packet = slashes.find((p) => p.sourceChannel === path.b.channelId)!;
    const supply = supplyOf(hub);
    const free = balance(hub, staker);
    const otherEscrow = escrow(path2.a.channelId);
    const [before] = positions(hub);
    const ack = await path.relay(path.b, packet);
    assert.ok(ackText(ack).startsWith('{"result":'), ackText(ack));
    // 5% of 100000019 is 5000000.95: the zone takes 5000001.
    const burned = 5_000_001n;
    assert.equal(supplyOf(hub), supply - burned, 'supply falls by exactly the burn');
    assert.equal(escrow(path.a.channelId), STAKE - burned);
    const [afterSlash] = positions(hub);
    assert.equal(afterSlash!.staked, (STAKE - burned).toString());
    assert.equal(afterSlash!.bar, before!.bar, 'the BAR position is the consumer\'s to reduce');
    assert.equal(escrow(path2.a.channelId), otherEscrow, 'the other channel is untouched');
    assert.equal(balance(hub, staker), free, 'free balances are untouched');
    const [trial, ...rest] = foreignTrials();
    assert.equal(rest.length, 0);
    assert.deepEqual(
      [trial!.chainId, trial!.channelId, trial!.validatorAddress, trial!.kind, trial!.slashFraction, trial!.denom],
      ['consumer-1', path.a.channelId, validator, InfractionKind.INFRACTION_KIND_DOUBLE_SIGN, '0.050000000000000000', 'stake'],
    );
    assert.deepEqual(trial!.slashed, [{ staker, burned: burned.toString() }]);
    assert.deepEqual(trial!.evidenceHash, XStakingPacketData.decode(packet.data).slash!.evidenceHash);
    assert.deepEqual(hub.chain.app.brokenInvariants(), []);
    assert.deepEqual(consumer.chain.app.brokenInvariants(), []);
  });

  it('a Slash for a validator no one on its channel stakes behind gets an error ack and changes nothing', async () => {
    const packet = slashes.find((p) => p.sourceChannel === path2.b.channelId)!;
    const supply = supplyOf(hub);
    const before = escrows();
    const recv = await path2.recvPacket(path2.b, packet);
    const ack = ackText(Buffer.from(eventsOf(recv, 'write_acknowledgement')[0]!.packet_ack_hex!, 'hex'));
    assert.ok(ack.startsWith('{"error":'), ack);
    // ibc-go's error ack carries only the code: ErrNoPosition is xstaking's code 4.
    assert.match(ack, /ABCI code: 4:/);
    assert.equal(supplyOf(hub), supply);
    assert.deepEqual(escrows(), before);
    assert.equal(foreignTrials().length, 1);
    assert.deepEqual(hub.chain.app.brokenInvariants(), []);
  });

  it('the hub court exports its foreign trials in genesis, which validates back to the same trials', () => {
    const court = hub.chain.app.exportAppState().court as Record<string, any>;
    assert.equal(court.foreign_trials.length, 1);
    assert.equal(court.foreign_trials[0].kind, 'INFRACTION_KIND_DOUBLE_SIGN');
    const again = hub.chain.zone.court.genesis!.validate(JSON.parse(JSON.stringify(court)));
    assert.deepEqual(again.foreignTrials, foreignTrials());
  });
});
