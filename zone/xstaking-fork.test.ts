// The hub's trial of a consumer fork, in-process (hub and consumer over two ORDERED `xstaking`
// channels, each over its own client of the consumer): the consumer's headers are signed by 4
// validators whose keys are also its staking validators' consensus keys, so the hub learns
// each operator's consensus address from the XStake acks. Two of the four sign a second block
// at one height (half the trusted power: more than the 1/3 trust level): MsgSubmitConsumerFork
// freezes the hub's client and burns fork_slash_fraction of the PHOTON locked behind exactly
// those two on that client's channel. A fork signed by one (a quarter, under the trust level),
// one for another client, a BFT time violation and the same evidence twice change nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { DirectSecp256k1HdWallet, makeCosmoshubPath } from '@cosmjs/proto-signing';
import { SigningStargateClient, type SignerData } from '@cosmjs/stargate';
import { BaseAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { QueryAccountRequest, QueryAccountResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { QueryBalanceRequest, QueryBalanceResponse, QuerySupplyOfRequest, QuerySupplyOfResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import { MsgCreateValidator } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { Order } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { QueryClientStatusRequest, QueryClientStatusResponse } from 'cosmjs-types/ibc/core/client/v1/query';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import { Misbehaviour, type Header } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import type { ExecTxResult } from 'cosmjs-types/tendermint/abci/types';
import { TxMsgData } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import { parseDec } from '../app/dec.js';
import { InfractionKind, QUERY_FOREIGN_TRIALS_PATH, QueryForeignTrialsRequest, QueryForeignTrialsResponse } from '../modules/court/index.js';
import {
  MSG_SUBMIT_CONSUMER_FORK_TYPE_URL,
  MSG_XSTAKE_TYPE_URL,
  MsgSubmitConsumerFork,
  MsgSubmitConsumerForkResponse,
  MsgXStake,
  PORT_ID,
  QueryPositionsByStakerRequest,
  QueryPositionsResponse,
  QueryTotalsResponse,
  VERSION,
  xstakingRegistryTypes,
} from '../modules/xstaking/index.js';
import { packMisbehaviour } from '../ibc/light-clients/07-tendermint/codec.js';
import { addSeconds, signHeader, validatorSetOf, type TestValidator } from '../ibc/light-clients/07-tendermint/testing.js';
import { IbcTestChain, RELAYER_MNEMONIC } from './ibc-testing/chain.js';
import { IbcPath, expectOk, packetsSent } from './ibc-testing/path.js';

const SELF_DELEGATION = 100_000_000n;
// Not multiples of 20: 5% of each is not whole, so the burn's rounding shows.
const STAKES = [100_000_019n, 70_000_007n, 50_000_003n];
const FEE = { amount: [{ denom: 'uatom', amount: '5000' }], gas: '2000000' };
const burnOf = (staked: bigint) => (staked * 5n + 99n) / 100n;

describe('the hub tries a consumer fork against its light client of the consumer', () => {
  let hub: IbcTestChain;
  let consumer: IbcTestChain;
  let path: IbcPath;
  /** Another client of the same consumer, with its own channel and stake. */
  let path2: IbcPath;
  let staker: string;
  /** Consumer operators whose consensus keys are consumer.validators[0..2]. */
  let operators: string[] = [];
  let forkHeight = 0n;
  /** The fork judged over `path`. */
  let judged: Misbehaviour;

  const supplyOf = (chain: IbcTestChain, denom = 'stake') =>
    BigInt(QuerySupplyOfResponse.decode(chain.query('/cosmos.bank.v1beta1.Query/SupplyOf', QuerySupplyOfRequest.encode({ denom }).finish())).amount!.amount);
  const balance = (chain: IbcTestChain, address: string, denom = 'stake') =>
    BigInt(QueryBalanceResponse.decode(chain.query('/cosmos.bank.v1beta1.Query/Balance', QueryBalanceRequest.encode({ address, denom }).finish())).balance!.amount);
  const positions = () => QueryPositionsResponse.decode(hub.query('/zonekit.xstaking.v1.Query/PositionsByStaker', QueryPositionsByStakerRequest.encode({ staker }).finish())).positions;
  const positionOf = (channel: string, validator: string) => positions().find((p) => p.channel === channel && p.validator === validator)!;
  const escrows = () => QueryTotalsResponse.decode(hub.query('/zonekit.xstaking.v1.Query/Totals', new Uint8Array())).escrows;
  const escrow = (channel: string) => BigInt(escrows().find((e) => e.channel === channel)?.amount ?? '0');
  const foreignTrials = () => QueryForeignTrialsResponse.decode(hub.query(QUERY_FOREIGN_TRIALS_PATH, QueryForeignTrialsRequest.encode({ pagination: undefined }).finish())).trials;
  const clientStatus = (clientId: string) => QueryClientStatusResponse.decode(hub.query('/ibc.core.client.v1.Query/ClientStatus', QueryClientStatusRequest.encode({ clientId }).finish())).status;
  /** Everything a refused fork must leave as it was. */
  const snapshot = () => ({ supply: supplyOf(hub), escrows: escrows(), positions: positions(), trials: foreignTrials(), status: clientStatus(path.a.clientId) });

  /** A consumer header at `height` signed by `signers` (their own set), building on the hub's latest consensus state of `end`'s client. */
  function forkHeader(height: bigint, signers: readonly TestValidator[], tag: string, trusted: Height, secondsAfterTrusted = 5n): Header {
    const trustedTime = { seconds: 1_700_000_000n + 5n * trusted.revisionHeight, nanos: 0 };
    const signed = signHeader(signers, { chainId: consumer.chainId, height, time: addSeconds(trustedTime, secondsAfterTrusted), appHash: new TextEncoder().encode(`fork-${tag}`) });
    return { signedHeader: signed, validatorSet: validatorSetOf(signers), trustedHeight: trusted, trustedValidators: validatorSetOf(consumer.validators) };
  }

  /** Two blocks at one height: one signed by all four validators, one by `colluders`. */
  function fork(clientId: string, trusted: Height, colluders: readonly TestValidator[]): Misbehaviour {
    const height = trusted.revisionHeight + 1n;
    return { clientId, header1: forkHeader(height, consumer.validators, 'honest', trusted), header2: forkHeader(height, colluders, 'forged', trusted) };
  }

  const submit = (misbehaviour: Misbehaviour, channelId = path.a.channelId) =>
    hub.send({ typeUrl: MSG_SUBMIT_CONSUMER_FORK_TYPE_URL, value: MsgSubmitConsumerFork.fromPartial({ submitter: hub.relayer, channelId, misbehaviour: packMisbehaviour(misbehaviour) }) });

  const refused = (result: ExecTxResult, codespace: string, pattern: RegExp) => {
    assert.notEqual(result.code, 0, 'refused');
    assert.equal(result.codespace, codespace, result.log);
    assert.match(result.log, pattern);
  };

  async function stake(p: IbcPath, validator: string, amount: bigint): Promise<void> {
    const msg = { typeUrl: MSG_XSTAKE_TYPE_URL, value: MsgXStake.fromPartial({ staker, consumerChannel: p.a.channelId, validator, amount: amount.toString() }) };
    const [packet] = packetsSent(await p.sendWithUpdate(p.a, msg, 'xstake'));
    const ack = Buffer.from(await p.relay(p.a, packet!)).toString();
    assert.ok(ack.startsWith('{"result":'), ack);
  }

  /** Delivers MsgCreateValidator signed by an account of `wallet` (the relayer's mnemonic at another index). */
  async function createValidator(wallet: DirectSecp256k1HdWallet, account: string, key: TestValidator): Promise<string> {
    const operator = consumer.chain.zone.staking.keeper.valoperOf(account);
    const any = QueryAccountResponse.decode(consumer.query('/cosmos.auth.v1beta1.Query/Account', QueryAccountRequest.encode({ address: account }).finish())).account!;
    const { accountNumber, sequence } = BaseAccount.decode(any.value);
    const signer: SignerData = { accountNumber, sequence: Number(sequence), chainId: consumer.chainId };
    const client = await SigningStargateClient.offline(wallet, {});
    const msg = MsgCreateValidator.fromPartial({
      description: { moniker: `bar-${operator.slice(-6)}` },
      commission: { rate: parseDec('0.1').toString(), maxRate: parseDec('0.2').toString(), maxChangeRate: parseDec('0.01').toString() },
      minSelfDelegation: '1',
      delegatorAddress: account,
      validatorAddress: operator,
      pubkey: { typeUrl: '/cosmos.crypto.ed25519.PubKey', value: Ed25519PubKey.encode({ key: key.publicKey }).finish() },
      value: { denom: 'stake', amount: SELF_DELEGATION.toString() },
    });
    const raw = await client.sign(account, [{ typeUrl: MsgCreateValidator.typeUrl, value: msg }], FEE, '', signer);
    const [result] = await consumer.nextBlock([TxRaw.encode(raw).finish()]);
    expectOk(result!, `create validator ${operator}`);
    return operator;
  }

  before(async () => {
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(RELAYER_MNEMONIC, { hdPaths: [makeCosmoshubPath(1), makeCosmoshubPath(2)] });
    const others = (await wallet.getAccounts()).map((a) => a.address);
    const funds = [{ denom: 'stake', amount: '1000000000' }, { denom: 'uatom', amount: '1000000000' }];
    hub = await IbcTestChain.start('hub-1', 1, [], {
      zone: { xstaking: true },
      msgTypes: xstakingRegistryTypes,
      appState: { xstaking: { params: { role: 'ROLE_HUB', stake_denom: 'stake', unbonding_period_seconds: '10', packet_timeout_seconds: '120' } } },
    });
    consumer = await IbcTestChain.start(
      'consumer-1',
      2,
      others.map((address) => ({ address, coins: funds })),
      {
        zone: { xstaking: true },
        validators: 4,
        appState: { xstaking: { params: { role: 'ROLE_CONSUMER', reserve_ratio_numerator: 1, reserve_ratio_denominator: 2, virtual_reserve: '100000000', virtual_supply: '100000000' } } },
      },
    );
    staker = hub.relayer;
    const relayerWallet = await DirectSecp256k1HdWallet.fromMnemonic(RELAYER_MNEMONIC);
    operators = [
      await createValidator(relayerWallet, consumer.relayer, consumer.validators[0]!),
      await createValidator(wallet, others[0]!, consumer.validators[1]!),
      await createValidator(wallet, others[1]!, consumer.validators[2]!),
    ];
    path = new IbcPath(hub, consumer, PORT_ID);
    await path.setup(VERSION, Order.ORDER_ORDERED);
    path2 = new IbcPath(hub, consumer, PORT_ID);
    await path2.setup(VERSION, Order.ORDER_ORDERED);
    for (const [i, operator] of operators.entries()) await stake(path, operator, STAKES[i]!);
    await stake(path2, operators[0]!, STAKES[0]!);
  });
  after(async () => {
    await hub?.close();
    await consumer?.close();
  });

  it('the consumer XStake ack names the validator consensus address, and the hub keeps it on the position', () => {
    for (const [i, operator] of operators.entries()) {
      assert.deepEqual(positionOf(path.a.channelId, operator).consensusAddress, new Uint8Array(consumer.validators[i]!.address));
    }
    assert.deepEqual(positionOf(path2.a.channelId, operators[0]!).consensusAddress, new Uint8Array(consumer.validators[0]!.address));
  });

  it('refuses a fork signed by a quarter of the trusted power (under the 1/3 trust level), and changes nothing', async () => {
    const before = snapshot();
    refused(
      await submit(fork(path.a.clientId, path.a.clientHeight, consumer.validators.slice(0, 1))),
      'client',
      /verifying Header2 in Misbehaviour failed: validator set in header has too much change from trusted validator set: invalid commit -- insufficient voting power: got 10, needed more than 13/,
    );
    assert.deepEqual(snapshot(), before);
    assert.equal(clientStatus(path.a.clientId), 'Active');
  });

  it('refuses a misbehaviour of another client than the channel runs over, an unknown channel and a BFT time violation', async () => {
    const before = snapshot();
    refused(await submit(fork(path2.a.clientId, path2.a.clientHeight, consumer.validators.slice(0, 2))), 'xstaking', new RegExp(`the misbehaviour is for client ${path2.a.clientId}, but ${path.a.channelId} runs over client ${path.a.clientId}`));
    refused(await submit(fork(path.a.clientId, path.a.clientHeight, consumer.validators.slice(0, 2)), 'channel-99'), 'xstaking', /channel-99 is not an xstaking channel of this zone/);
    const trusted = path.a.clientHeight;
    const later = forkHeader(trusted.revisionHeight + 2n, consumer.validators.slice(0, 2), 'later', trusted, 5n);
    const earlier = forkHeader(trusted.revisionHeight + 1n, consumer.validators, 'earlier', trusted, 10n);
    refused(await submit({ clientId: path.a.clientId, header1: later, header2: earlier }), 'client', /not a fork: the headers are at heights 1-\d+ and 1-\d+; a BFT time violation names no double signers/);
    assert.deepEqual(snapshot(), before);
    assert.equal(clientStatus(path2.a.clientId), 'Active');
  });

  it('a fork signed by half the trusted power: the client freezes and the stake behind the two double signers burns by exactly 5%', async () => {
    judged = fork(path.a.clientId, path.a.clientHeight, consumer.validators.slice(0, 2));
    forkHeight = judged.header1!.signedHeader!.header!.height;
    const supply = supplyOf(hub);
    const free = balance(hub, staker);
    const escrow1 = escrow(path.a.channelId);
    const escrow2 = escrow(path2.a.channelId);
    const honest = positionOf(path.a.channelId, operators[2]!);
    const result = expectOk(await submit(judged), 'submit fork');
    const burns = [burnOf(STAKES[0]!), burnOf(STAKES[1]!)];
    assert.deepEqual(burns, [5_000_001n, 3_500_001n]);
    const total = burns[0]! + burns[1]!;
    assert.equal(supplyOf(hub), supply - total, 'supply falls by exactly the burn');
    assert.equal(escrow(path.a.channelId), escrow1 - total, 'and so does the escrow');
    assert.equal(escrow(path2.a.channelId), escrow2, 'a channel over another client is untouched');
    assert.equal(balance(hub, staker), free, 'free balances are untouched');
    assert.equal(positionOf(path.a.channelId, operators[0]!).staked, (STAKES[0]! - burns[0]!).toString());
    assert.equal(positionOf(path.a.channelId, operators[1]!).staked, (STAKES[1]! - burns[1]!).toString());
    assert.deepEqual(positionOf(path.a.channelId, operators[2]!), honest, 'the validator that signed one side only is not judged');
    assert.equal(clientStatus(path.a.clientId), 'Frozen', 'as MsgSubmitMisbehaviour leaves it');
    assert.equal(clientStatus(path2.a.clientId), 'Active');

    const trials = foreignTrials();
    assert.equal(trials.length, 2);
    const evidenceHash = new Uint8Array(createHash('sha256').update(Misbehaviour.encode(judged).finish()).digest());
    const byValidator = new Map(trials.map((t) => [t.validatorAddress, t]));
    for (const [i, operator] of operators.slice(0, 2).entries()) {
      const trial = byValidator.get(operator)!;
      assert.deepEqual(
        [trial.chainId, trial.portId, trial.channelId, trial.clientId, trial.kind, trial.infractionHeight, trial.slashFraction, trial.denom],
        ['consumer-1', PORT_ID, path.a.channelId, path.a.clientId, InfractionKind.INFRACTION_KIND_LIGHT_CLIENT_ATTACK, forkHeight, '0.050000000000000000', 'stake'],
      );
      assert.deepEqual(trial.slashed, [{ staker, burned: burns[i]!.toString() }]);
      assert.deepEqual(trial.evidenceHash, evidenceHash);
    }
    const response = MsgSubmitConsumerForkResponse.decode(TxMsgData.decode(result.data).msgResponses[0]!.value);
    assert.deepEqual(response.foreignTrialIds, trials.map((t) => t.id));
    assert.deepEqual(hub.chain.app.brokenInvariants(), []);
  });

  it('refuses the same evidence twice, and another fork against the client it froze, changing nothing', async () => {
    const before = snapshot();
    refused(await submit(judged), 'xstaking', new RegExp(`this fork was judged in foreign trial ${before.trials[0]!.id}: consumer fork already judged`));
    const another = fork(path.a.clientId, path.a.clientHeight, consumer.validators.slice(1, 3));
    refused(await submit(another), 'xstaking', new RegExp(`client ${path.a.clientId} is frozen by the fork judged in foreign trial ${before.trials[0]!.id}; it hosts no other`));
    assert.deepEqual(snapshot(), before);
  });

  it('tries a fork against a client a relayer froze already with MsgSubmitMisbehaviour', async () => {
    const misbehaviour = fork(path2.a.clientId, path2.a.clientHeight, consumer.validators.slice(0, 2));
    expectOk(
      await hub.send({ typeUrl: '/ibc.core.client.v1.MsgSubmitMisbehaviour', value: { clientId: path2.a.clientId, misbehaviour: packMisbehaviour(misbehaviour), signer: hub.relayer } }),
      'MsgSubmitMisbehaviour',
    );
    assert.equal(clientStatus(path2.a.clientId), 'Frozen');
    const supply = supplyOf(hub);
    const escrow2 = escrow(path2.a.channelId);
    expectOk(await submit(misbehaviour, path2.a.channelId), 'submit fork over a frozen client');
    const burned = burnOf(STAKES[0]!);
    assert.equal(supplyOf(hub), supply - burned);
    assert.equal(escrow(path2.a.channelId), escrow2 - burned);
    const trial = foreignTrials().at(-1)!;
    assert.deepEqual([trial.channelId, trial.clientId, trial.validatorAddress], [path2.a.channelId, path2.a.clientId, operators[0]]);
    assert.deepEqual(trial.slashed, [{ staker, burned: burned.toString() }]);
    assert.deepEqual(hub.chain.app.brokenInvariants(), []);
  });

  it('exports the hub state in genesis, which validates back to the same positions, params and trials', () => {
    const state = hub.chain.app.exportAppState() as Record<string, any>;
    assert.equal(state.court.foreign_trials.length, 3);
    assert.ok(state.court.foreign_trials.every((t: { kind: string }) => t.kind === 'INFRACTION_KIND_LIGHT_CLIENT_ATTACK'));
    assert.deepEqual(hub.chain.zone.court.genesis!.validate(JSON.parse(JSON.stringify(state.court))).foreignTrials, foreignTrials());
    const xstaking = hub.chain.zone.xstaking!.genesis!.validate(JSON.parse(JSON.stringify(state.xstaking)));
    assert.equal(xstaking.params!.forkSlashFraction, parseDec('0.05').toString());
    const key = (p: { channel: string; validator: string }) => `${p.channel}/${p.validator}`;
    const sorted = <T extends { channel: string; validator: string }>(list: T[]) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
    assert.deepEqual(sorted(xstaking.positions), sorted(positions()));
  });
});
