// Staking, distribution and the consensus court on a real 4-validator network (4 CometBFT
// nodes + 4 zonekit apps on one machine), driven by a stock cosmjs client. Every app checks
// every invariant after every block (--inv-check-period 1) and would halt on a broken one.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { DirectSecp256k1HdWallet, Registry } from '@cosmjs/proto-signing';
import { defaultRegistryTypes, SigningStargateClient, type DeliverTxResponse, type StdFee } from '@cosmjs/stargate';
import { QueryBalanceRequest, QueryBalanceResponse, QuerySupplyOfRequest, QuerySupplyOfResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { QueryDelegationRewardsRequest, QueryDelegationRewardsResponse, QueryValidatorCommissionRequest, QueryValidatorCommissionResponse } from 'cosmjs-types/cosmos/distribution/v1beta1/query';
import { MsgSubmitEvidence } from 'cosmjs-types/cosmos/evidence/v1beta1/tx';
import { QuerySigningInfoRequest, QuerySigningInfoResponse } from 'cosmjs-types/cosmos/slashing/v1beta1/query';
import { MsgUnjail } from 'cosmjs-types/cosmos/slashing/v1beta1/tx';
import { QueryValidatorRequest, QueryValidatorResponse } from 'cosmjs-types/cosmos/staking/v1beta1/query';
import { MsgBeginRedelegate, MsgUndelegateResponse } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import { SignedMsgType, type BlockID, type Vote } from 'cosmjs-types/tendermint/types/types';
import { DuplicateVoteEvidence } from 'cosmjs-types/tendermint/types/evidence';
import { toBech32 } from '@cosmjs/encoding';
import { addGenesisAccount } from '../cli/genesis-accounts.js';
import { consAddressOf, DUPLICATE_VOTE_EVIDENCE_TYPE_URL, voteSignBytes } from '../modules/court/index.js';
import { InfractionKind, QueryTrialsRequest, QueryTrialsResponse } from '../modules/court/index.js';
import { rpc } from './helpers/cometbft.js';
import { cometValidators, consKey, queryAt, type ConsKey } from './helpers/chain-queries.js';
import { startLocalnet, type Localnet } from './helpers/localnet.js';
import { waitFor } from './helpers/processes.js';

const DENOM = 'stake';
const M = 1_000_000n;
const UNBONDING_SECONDS = 12n;
const FEE: StdFee = { amount: [{ denom: 'uatom', amount: '5000' }], gas: '400000' };

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** A block's time in nanoseconds since the epoch (CometBFT prints up to 9 fractional digits). */
async function blockTimeNanos(rpcUrl: string, height: number): Promise<bigint> {
  const { block } = await rpc<{ block: { header: { time: string } } }>(rpcUrl, '/block', { height: String(height) });
  const [, whole, fraction = ''] = /^(.*?:\d\d)(?:\.(\d+))?Z$/.exec(block.header.time)!;
  return BigInt(Date.parse(`${whole}Z`)) * 1_000_000n + BigInt(fraction.padEnd(9, '0'));
}

describe('staking, distribution and the court on a 4-validator network', { timeout: 480_000 }, () => {
  let net: Localnet;
  let client: SigningStargateClient;
  let delegator: string;
  let keys: ConsKey[];
  let valopers: string[];
  let rpcUrl: string;
  let stakeSupplyAtStart: bigint;
  const registry = new Registry([...defaultRegistryTypes, [MsgUnjail.typeUrl, MsgUnjail], [MsgSubmitEvidence.typeUrl, MsgSubmitEvidence]]);

  const power = async (i: number) => (await cometValidators(rpcUrl)).get(b64(keys[i]!.pub));
  const balance = async (address: string, height?: number) =>
    BigInt(QueryBalanceResponse.decode(await queryAt(rpcUrl, '/cosmos.bank.v1beta1.Query/Balance', QueryBalanceRequest.encode({ address, denom: DENOM }).finish(), height)).balance!.amount);
  const stakeSupply = async () => BigInt(QuerySupplyOfResponse.decode(await queryAt(rpcUrl, '/cosmos.bank.v1beta1.Query/SupplyOf', QuerySupplyOfRequest.encode({ denom: DENOM }).finish())).amount.amount);
  const validatorTokens = async (i: number, height?: number) =>
    BigInt(QueryValidatorResponse.decode(await queryAt(rpcUrl, '/cosmos.staking.v1beta1.Query/Validator', QueryValidatorRequest.encode({ validatorAddr: valopers[i]! }).finish(), height)).validator.tokens);
  const trials = async () =>
    QueryTrialsResponse.decode(await queryAt(rpcUrl, '/zonekit.court.v1.Query/Trials', QueryTrialsRequest.encode(QueryTrialsRequest.fromPartial({})).finish())).trials;
  const ok = (result: DeliverTxResponse) => {
    assert.equal(result.code, 0, result.rawLog ?? `code ${result.code}`);
    return result;
  };
  const waitForPower = (i: number, expected: bigint | undefined, what: string) =>
    waitFor(async () => ((await power(i)) === expected ? true : undefined), { what, timeoutMs: 60_000, intervalMs: 250 });

  before(async () => {
    const wallet = await DirectSecp256k1HdWallet.generate(24);
    delegator = (await wallet.getAccounts())[0]!.address;
    net = await startLocalnet({
      validators: 4,
      invCheckPeriod: 1,
      genesisMutator: (genesis) => {
        const appState = genesis.app_state as Record<string, any>;
        appState.staking.params.unbonding_time = `${UNBONDING_SECONDS}s`;
        // A window of 16 blocks: a stopped node is judged within seconds, while a loaded
        // machine's late votes (absent from a commit now and then) stay far from 8 misses.
        Object.assign(appState.court.params, { signed_blocks_window: '16', min_signed_per_window: '0.500000000000000000', downtime_jail_duration: '3s' });
        addGenesisAccount(genesis, delegator, [{ denom: DENOM, amount: String(1000n * M) }, { denom: 'uatom', amount: String(1000n * M) }]);
      },
    });
    rpcUrl = net.nodes[0]!.rpcUrl;
    keys = net.nodes.map((n) => consKey(n.home));
    valopers = net.nodes.map((n) => n.validatorAddress);
    client = await SigningStargateClient.connectWithSigner(rpcUrl, wallet, { registry });
    // CometBFT reports a block as soon as it is committed; the app may take a moment more
    // to answer queries at it.
    await waitFor(async () => (await net.height(0)) >= 2 || undefined, { what: 'height 2', timeoutMs: 60_000 });
    stakeSupplyAtStart = await waitFor(() => stakeSupply().catch(() => undefined), { what: 'the first committed state', timeoutMs: 30_000, intervalMs: 200 });
  });

  after(async () => {
    client?.disconnect();
    await net?.close();
  });

  it('starts with the four gentx validators in CometBFT, at power 100 each', async () => {
    const set = await cometValidators(rpcUrl);
    assert.deepEqual([...set.values()], [100n, 100n, 100n, 100n]);
    for (const key of keys) assert.equal(set.get(b64(key.pub)), 100n);
    assert.equal(net.nodes.length, 4);
  });

  it('delegating raises the validator\'s power in CometBFT; a redelegation moves it', async () => {
    ok(await client.delegateTokens(delegator, valopers[0]!, { denom: DENOM, amount: String(50n * M) }, FEE));
    await waitForPower(0, 150n, 'validator 0 at power 150');
    const redelegate = {
      typeUrl: MsgBeginRedelegate.typeUrl,
      value: MsgBeginRedelegate.fromPartial({ delegatorAddress: delegator, validatorSrcAddress: valopers[0]!, validatorDstAddress: valopers[1]!, amount: { denom: DENOM, amount: String(20n * M) } }),
    };
    ok(await client.signAndBroadcast(delegator, [redelegate], FEE));
    await waitForPower(1, 120n, 'validator 1 at power 120');
    assert.equal(await power(0), 130n);
  });

  it('undelegated tokens come back in the first block at or after the completion time, not before', async () => {
    const result = ok(await client.undelegateTokens(delegator, valopers[1]!, { denom: DENOM, amount: String(10n * M) }, FEE));
    const { seconds, nanos } = MsgUndelegateResponse.decode(result.msgResponses[0]!.value).completionTime;
    const completion = seconds * 1_000_000_000n + BigInt(nanos);
    const before = await balance(delegator, result.height);
    await waitForPower(1, 110n, 'validator 1 at power 110');
    // Find the first block whose time reaches the completion time.
    const matured = await waitFor(
      async () => {
        const latest = await net.height(0);
        for (let h = result.height + 1; h <= latest; h++) if ((await blockTimeNanos(rpcUrl, h)) >= completion) return h;
        return undefined;
      },
      { what: 'a block at the completion time', timeoutMs: 60_000, intervalMs: 500 },
    );
    assert.equal(await balance(delegator, matured - 1), before, 'nothing paid before maturity');
    assert.equal(await balance(delegator, matured), before + 10n * M, 'paid exactly at maturity');
  });

  it('fees reach validators (commission) and delegators in proportion to power and shares', async () => {
    // Fees of the block with this tx are paid out at the next block's start.
    const fee = 9_800_000n;
    const result = ok(await client.sendTokens(delegator, delegator, [{ denom: DENOM, amount: '1' }], { amount: [{ denom: 'uatom', amount: fee.toString() }], gas: '200000' }));
    const h = result.height;
    await net.waitForHeight(h + 1);
    const rewards = async (height: number) => {
      const res = QueryDelegationRewardsResponse.decode(await queryAt(rpcUrl, '/cosmos.distribution.v1beta1.Query/DelegationRewards', QueryDelegationRewardsRequest.encode({ delegatorAddress: delegator, validatorAddress: valopers[0]! }).finish(), height));
      return BigInt(res.rewards.find((c) => c.denom === 'uatom')?.amount ?? '0');
    };
    const commission = async (height: number) => {
      const res = QueryValidatorCommissionResponse.decode(await queryAt(rpcUrl, '/cosmos.distribution.v1beta1.Query/ValidatorCommission', QueryValidatorCommissionRequest.encode({ validatorAddress: valopers[0]! }).finish(), height));
      return BigInt(res.commission!.commission.find((c) => c.denom === 'uatom')?.amount ?? '0');
    };
    const votes = await cometValidators(rpcUrl, h);
    const total = [...votes.values()].reduce((a, b) => a + b, 0n);
    const p0 = votes.get(b64(keys[0]!.pub))!;
    // Exact rationals (values ×10^18, as the DecCoin amounts queries return):
    // validator 0 gets fee × (1 − 2% community tax) × p0/total; 10% of that is commission;
    // the delegator holds 30M of its 130M shares.
    const ONE = 10n ** 18n;
    const validatorShare = (fee * ONE * 98n * p0) / (100n * total);
    const expectedCommission = validatorShare / 10n;
    const expectedReward = (validatorShare * 9n * 30n) / (10n * 130n);
    const gotCommission = (await commission(h + 1)) - (await commission(h));
    const gotReward = (await rewards(h + 1)) - (await rewards(h));
    // The SDK's steps truncate at 18 decimals (the power fraction first), so the paid amounts
    // may fall short of the exact rationals, never exceed them, and by less than fee × 10^-18.
    assert.ok(expectedCommission - gotCommission >= 0n && expectedCommission - gotCommission <= fee, `commission ${gotCommission} vs ${expectedCommission}`);
    assert.ok(expectedReward - gotReward >= 0n && expectedReward - gotReward <= fee, `reward ${gotReward} vs ${expectedReward}`);
    // Withdrawing pays the whole units.
    const before = await client.getBalance(delegator, 'uatom');
    const withdrawn = ok(await client.withdrawRewards(delegator, valopers[0]!, FEE));
    const after = await client.getBalance(delegator, 'uatom');
    const owed = await rewards(withdrawn.height - 1);
    assert.equal(BigInt(after.amount) - BigInt(before.amount), owed / ONE - 5000n);
  });

  it('a validator that stops signing is jailed and leaves /validators; after restart and MsgUnjail it signs again', async () => {
    await net.stopNode(3);
    await waitForPower(3, undefined, 'validator 3 jailed and out of the set');
    const verdicts = (await trials()).filter((t) => t.kind === InfractionKind.INFRACTION_KIND_DOWNTIME && t.validatorAddress === valopers[3]);
    assert.equal(verdicts.length, 1, 'one downtime trial for validator 3');
    assert.equal(verdicts[0]!.slashed!.burned, String(1n * M));
    const signingInfo = QuerySigningInfoResponse.decode(
      await queryAt(rpcUrl, '/cosmos.slashing.v1beta1.Query/SigningInfo', QuerySigningInfoRequest.encode({ consAddress: toBech32('cosmosvalcons', consAddressOf(keys[3]!.pub)) }).finish()),
    ).valSigningInfo!;
    assert.equal(signingInfo.tombstoned, false);
    // Downtime slashes 1% of power 100: 1,000,000 tokens.
    assert.equal(await validatorTokens(3), 99n * M);

    await net.startNode(3);
    await net.waitForHeight(await net.height(0), { indexes: [3] });
    const operator = await DirectSecp256k1HdWallet.fromMnemonic(net.nodes[3]!.mnemonic);
    const operatorClient = await SigningStargateClient.connectWithSigner(rpcUrl, operator, { registry });
    try {
      const address = net.nodes[3]!.address;
      const unjail = { typeUrl: MsgUnjail.typeUrl, value: MsgUnjail.fromPartial({ validatorAddr: valopers[3]! }) };
      ok(await operatorClient.signAndBroadcast(address, [unjail], FEE));
    } finally {
      operatorClient.disconnect();
    }
    await waitForPower(3, 99n, 'validator 3 back at power 99');
    // And it signs: its address is in a later commit.
    const address = hex(consAddressOf(keys[3]!.pub)).toUpperCase();
    await waitFor(
      async () => {
        const { signed_header } = await rpc<{ signed_header: { commit: { signatures: Array<{ validator_address: string; block_id_flag: number }> } } }>(rpcUrl, '/commit');
        return signed_header.commit.signatures.some((s) => s.validator_address === address && s.block_id_flag === 2) ? true : undefined;
      },
      { what: 'validator 3 signing a commit', timeoutMs: 60_000, intervalMs: 250 },
    );
  });

  it('a real double sign submitted as evidence tombstones the validator and burns exactly 5% of its stake', async () => {
    const offender = 2;
    const h = (await net.height(0)) - 2;
    const signers = await cometValidators(rpcUrl, h);
    const total = [...signers.values()].reduce((a, b) => a + b, 0n);
    const offenderPower = signers.get(b64(keys[offender]!.pub))!;
    const tokensBefore = await validatorTokens(offender);
    const supplyBefore = await stakeSupply();
    const trialsBefore = (await trials()).length;

    const vote = (seed: number): Vote => {
      const blockId: BlockID = { hash: new Uint8Array(32).fill(seed), partSetHeader: { total: 1, hash: new Uint8Array(32).fill(seed + 1) } };
      const unsigned: Vote = {
        type: SignedMsgType.SIGNED_MSG_TYPE_PREVOTE,
        height: BigInt(h),
        round: 0,
        blockId,
        timestamp: { seconds: BigInt(Math.floor(Date.now() / 1000)), nanos: 0 },
        validatorAddress: consAddressOf(keys[offender]!.pub),
        validatorIndex: 0,
        signature: new Uint8Array(),
        extension: new Uint8Array(),
        extensionSignature: new Uint8Array(),
      };
      return { ...unsigned, signature: ed25519.sign(voteSignBytes(net.chainId, unsigned), keys[offender]!.seed) };
    };
    // CometBFT orders the two votes by block id; seed 1 sorts before seed 7.
    const evidence = DuplicateVoteEvidence.fromPartial({ voteA: vote(1), voteB: vote(7), totalVotingPower: total, validatorPower: offenderPower });
    const submit = { typeUrl: MsgSubmitEvidence.typeUrl, value: MsgSubmitEvidence.fromPartial({ submitter: delegator, evidence: { typeUrl: DUPLICATE_VOTE_EVIDENCE_TYPE_URL, value: DuplicateVoteEvidence.encode(evidence).finish() } }) };
    ok(await client.signAndBroadcast(delegator, [submit], FEE));

    await waitForPower(offender, undefined, 'the double signer out of the set');
    const burned = (offenderPower * M * 5n) / 100n;
    assert.equal(await validatorTokens(offender), tokensBefore - burned);
    const judged = (await trials()).slice(trialsBefore);
    const doubleSign = judged.filter((t) => t.kind === InfractionKind.INFRACTION_KIND_DOUBLE_SIGN);
    assert.equal(doubleSign.length, 1);
    assert.deepEqual([doubleSign[0]!.validatorAddress, doubleSign[0]!.slashed!.burned, doubleSign[0]!.slashed!.fromValidator], [valopers[offender], String(burned), String(burned)]);
    // The supply fell by what was judged meanwhile: this burn, and any other verdict recorded.
    assert.equal(await stakeSupply(), supplyBefore - judged.reduce((sum, t) => sum + BigInt(t.slashed!.burned), 0n));
    const info = QuerySigningInfoResponse.decode(
      await queryAt(rpcUrl, '/cosmos.slashing.v1beta1.Query/SigningInfo', QuerySigningInfoRequest.encode({ consAddress: toBech32('cosmosvalcons', consAddressOf(keys[offender]!.pub)) }).finish()),
    ).valSigningInfo!;
    assert.equal(info.tombstoned, true);

    // The same evidence again: refused, nothing changes.
    const again = await client.signAndBroadcast(delegator, [submit], FEE);
    assert.notEqual(again.code, 0);
    assert.match(again.rawLog ?? '', /tombstoned|already/);
    assert.equal(await validatorTokens(offender), tokensBefore - burned);

    // Over the whole run, the total supply moved only by the slashes the court recorded (no
    // minting in this zone).
    const burnedInTrials = (await trials()).reduce((sum, t) => sum + BigInt(t.slashed!.burned), 0n);
    assert.equal(await stakeSupply(), stakeSupplyAtStart - burnedInTrials);
  });

  it('ran every invariant after every block without a break', async () => {
    for (const node of net.nodes) assert.doesNotMatch(readFileSync(node.logs.app, 'utf8'), /INVARIANT BROKEN/);
    const exited = await Promise.race([net.unexpectedExit, new Promise<undefined>((r) => setTimeout(() => r(undefined), 10))]);
    assert.equal(exited, undefined);
  });
});
