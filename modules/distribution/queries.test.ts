// Queries as cosmjs's DistributionExtension (what Keplr uses) sends and decodes them, their
// REST JSON, and the amino converters against cosmjs's own.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDistributionAminoConverters, setupDistributionExtension, type QueryClient } from '@cosmjs/stargate';
import {
  QueryCommunityPoolResponse,
  QueryDelegationTotalRewardsResponse,
  QueryParamsResponse,
  QueryValidatorDistributionInfoRequest,
  QueryValidatorDistributionInfoResponse,
} from 'cosmjs-types/cosmos/distribution/v1beta1/query';
import { MsgFundCommunityPool, MsgSetWithdrawAddress, MsgWithdrawDelegatorReward, MsgWithdrawValidatorCommission } from 'cosmjs-types/cosmos/distribution/v1beta1/tx';
import { parseDec } from '../../app/dec.js';
import { JsonTypes } from '../../app/rest/index.js';
import { account, beginBlock, coded, payFees, setup, valoper, type Setup } from './fixture.js';
import { withDecimalText } from './rest-json.js';

function cosmjs(s: Setup) {
  const base = {
    queryAbci: async (path: string, request: Uint8Array) => {
      const handler = s.distribution.queries[path];
      if (handler === undefined) throw new Error(`no query ${path}`);
      return { value: handler(s.ctx, request), height: 2 };
    },
  } as unknown as QueryClient;
  return setupDistributionExtension(base).distribution;
}

function scenario() {
  const s = setup();
  const A = s.staking.createValidator(s.ctx, 0xa1, parseDec('0.1'), 7n);
  s.staking.delegate(s.ctx, account(0x11), A, 11n);
  const B = s.staking.createValidator(s.ctx, 0xb1, parseDec('0.05'), 3n);
  s.staking.delegate(s.ctx, account(0x11), B, 5n);
  payFees(s, [{ denom: 'uatom', amount: 1000n }]);
  beginBlock(s, [[0xa1, 1n], [0xb1, 1n]]);
  return { s, A, B };
}

describe('distribution queries', () => {
  it('answer cosmjs DistributionExtension with the module state', async () => {
    const { s, A, B } = scenario();
    const q = cosmjs(s);
    assert.deepEqual((await q.params()).params, { communityTax: '20000000000000000', baseProposerReward: '0', bonusProposerReward: '0', withdrawAddrEnabled: true });
    // 490 to each: A 49 commission, 441 over 18 shares; B 24.5, 465.5 over 8.
    assert.deepEqual((await q.validatorCommission(A)).commission?.commission, [{ denom: 'uatom', amount: '49000000000000000000' }]);
    assert.deepEqual((await q.validatorOutstandingRewards(B)).rewards?.rewards, [{ denom: 'uatom', amount: '490000000000000000000' }]);
    assert.deepEqual((await q.delegationRewards(account(0x11), A)).rewards, [{ denom: 'uatom', amount: '269500000000000000000' }]);
    const total = await q.delegationTotalRewards(account(0x11));
    assert.deepEqual(total.rewards, [
      { validatorAddress: A, reward: [{ denom: 'uatom', amount: '269500000000000000000' }] },
      { validatorAddress: B, reward: [{ denom: 'uatom', amount: '290937500000000000000' }] },
    ]);
    assert.deepEqual(total.total, [{ denom: 'uatom', amount: '560437500000000000000' }]);
    assert.deepEqual((await q.delegatorValidators(account(0x11))).validators, [A, B]);
    assert.equal((await q.delegatorWithdrawAddress(account(0x11))).withdrawAddress, account(0x11));
    assert.deepEqual((await q.communityPool()).pool, [{ denom: 'uatom', amount: '20000000000000000000' }]);
    const slashes = await q.validatorSlashes(A, 0, 100);
    assert.deepEqual(slashes.slashes, []);
    const info = QueryValidatorDistributionInfoResponse.decode(
      s.distribution.queries['/cosmos.distribution.v1beta1.Query/ValidatorDistributionInfo']!(s.ctx, QueryValidatorDistributionInfoRequest.encode({ validatorAddress: A }).finish()),
    );
    assert.deepEqual(info, { operatorAddress: account(0xa1), selfBondRewards: [{ denom: 'uatom', amount: '171500000000000000000' }], commission: [{ denom: 'uatom', amount: '49000000000000000000' }] });
  });

  it('refuse unknown validators, missing delegations and bad addresses with the SDK errors', async () => {
    const { s, A } = scenario();
    const q = cosmjs(s);
    await assert.rejects(q.validatorCommission(valoper(0xee)), coded('distribution', 12, /validator does not exist/));
    await assert.rejects(q.delegationRewards(account(0x33), A), coded('distribution', 13, /delegation does not exist/));
    await assert.rejects(q.delegationRewards('', A), coded('sdk', 18, /code = InvalidArgument desc = empty delegator address/));
    await assert.rejects(q.validatorOutstandingRewards(account(0xa1)), coded('sdk', 18, /invalid validator address/));
    await assert.rejects(q.validatorSlashes(A, 5, 1), coded('sdk', 18, /starting height greater than ending height \(5 > 1\)/));
    await assert.rejects(q.delegatorWithdrawAddress('cosmos1nope'), coded('sdk', 18, /invalid delegator address/));
  });

  it('write DecCoin amounts and Dec params as decimal text in REST JSON, as grpc-gateway does', () => {
    const { s } = scenario();
    const types = new JsonTypes();
    const json = (codec: Parameters<typeof withDecimalText>[0], path: string) => types.toJson(withDecimalText(codec), codec.decode(s.distribution.queries[path]!(s.ctx, new Uint8Array())));
    assert.deepEqual(json(QueryCommunityPoolResponse, '/cosmos.distribution.v1beta1.Query/CommunityPool'), { pool: [{ denom: 'uatom', amount: '20.000000000000000000' }] });
    assert.deepEqual(json(QueryParamsResponse, '/cosmos.distribution.v1beta1.Query/Params'), {
      params: { community_tax: '0.020000000000000000', base_proposer_reward: '0.000000000000000000', bonus_proposer_reward: '0.000000000000000000', withdraw_addr_enabled: true },
    });
    const total = QueryDelegationTotalRewardsResponse.fromPartial({ rewards: [{ validatorAddress: 'v', reward: [{ denom: 'uatom', amount: '1500000000000000000' }] }], total: [] });
    assert.deepEqual(types.toJson(withDecimalText(QueryDelegationTotalRewardsResponse), total), { rewards: [{ validator_address: 'v', reward: [{ denom: 'uatom', amount: '1.500000000000000000' }] }], total: [] });
  });
});

describe('distribution amino converters', () => {
  it('match cosmjs createDistributionAminoConverters field for field', () => {
    const { s } = scenario();
    const theirs = createDistributionAminoConverters();
    const msgs = [
      [MsgFundCommunityPool, { depositor: account(1), amount: [{ denom: 'uatom', amount: '5' }] }],
      [MsgSetWithdrawAddress, { delegatorAddress: account(1), withdrawAddress: account(2) }],
      [MsgWithdrawDelegatorReward, { delegatorAddress: account(1), validatorAddress: valoper(3) }],
      [MsgWithdrawValidatorCommission, { validatorAddress: valoper(3) }],
    ] as const;
    for (const [type, value] of msgs) {
      const ours = s.distribution.aminoConverters[type.typeUrl]!;
      const bytes = (type.encode as (m: unknown) => { finish(): Uint8Array })(value).finish();
      assert.equal(ours.aminoType, theirs[type.typeUrl]!.aminoType);
      assert.deepEqual(ours.toAmino(ours.decode(bytes)), theirs[type.typeUrl]!.toAmino(value));
    }
  });
});
