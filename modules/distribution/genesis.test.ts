// Genesis: defaults, checks, and an export that imports back to the same state.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MsgSetWithdrawAddress } from 'cosmjs-types/cosmos/distribution/v1beta1/tx';
import { parseDec } from '../../app/dec.js';
import { account, beginBlock, payFees, run, setup } from './fixture.js';

function active() {
  const s = setup();
  const A = s.staking.createValidator(s.ctx, 0xa1, parseDec('0.1'), 7n);
  s.staking.delegate(s.ctx, account(0x11), A, 11n);
  s.staking.createValidator(s.ctx, 0xb1, parseDec('0.05'), 3n);
  run(s, MsgSetWithdrawAddress.typeUrl, MsgSetWithdrawAddress.encode({ delegatorAddress: account(0x11), withdrawAddress: account(0x21) }).finish());
  payFees(s, [{ denom: 'uatom', amount: 1001n }]);
  beginBlock(s, [[0xa1, 2n], [0xb1, 1n]]);
  s.staking.delegate(s.ctx, account(0x11), A, 2n);
  payFees(s, [{ denom: 'uatom', amount: 333n }, { denom: 'ustake', amount: 4n }]);
  beginBlock(s, [[0xa1, 1n], [0xb1, 5n]], 3n);
  return s;
}

describe('distribution genesis', () => {
  it('exports what imports back to the same state, SDK field names where the SDK has them', () => {
    const s = active();
    const exported = JSON.parse(JSON.stringify(s.distribution.genesis.export(s.ctx)));
    assert.deepEqual(Object.keys(exported), [
      'params',
      'fee_pool',
      'delegator_withdraw_infos',
      'outstanding_rewards',
      'validator_accumulated_commissions',
      'validator_rewards_per_share',
      'delegation_reward_snapshots',
    ]);
    assert.equal(exported.params.community_tax, '0.020000000000000000');
    assert.deepEqual(exported.delegator_withdraw_infos, [{ delegator_address: account(0x11), withdraw_address: account(0x21) }]);
    assert.equal(exported.delegation_reward_snapshots.length, 3);
    const bankGenesis = s.bank.genesis.export(s.ctx);
    const copy = setup({ genesis: exported, bankGenesis });
    assert.deepEqual(copy.distribution.genesis.export(copy.ctx), exported);
    assert.deepEqual(copy.keeper.pendingRewards(copy.ctx, account(0x11), s.staking.validators.keys().next().value!), s.keeper.pendingRewards(s.ctx, account(0x11), s.staking.validators.keys().next().value!));
  });

  it('checks that the module account holds what the records say (1334uatom in, 359 paid to D1)', () => {
    const s = active();
    const exported = s.distribution.genesis.export(s.ctx);
    assert.throws(() => setup({ genesis: exported }), /the distribution module account holds nothing, but its outstanding rewards and community pool add up to 975uatom,4ustake/);
  });

  it('refuses bad params, unknown validators, F1 records and commission beyond outstanding', () => {
    const { distribution } = setup();
    const validate = (json: unknown) => () => distribution.genesis.validate(json);
    const valoper = 'cosmosvaloper15xs6rgdp5xs6rgdp5xs6rgdp5xs6rgdpxxu4lu';
    assert.throws(validate({ params: { community_tax: '1.5' } }), /community tax too large: 1.500000000000000000/);
    assert.throws(validate({ validator_accumulated_commissions: [{ validator_address: valoper, accumulated: { commission: [] } }] }), /has no outstanding_rewards entry/);
    assert.throws(validate({ delegator_starting_infos: [{}] }), /F1 period records/);
    assert.throws(
      validate({
        outstanding_rewards: [{ validator_address: valoper, outstanding_rewards: [{ denom: 'uatom', amount: '1.0' }] }],
        validator_accumulated_commissions: [{ validator_address: valoper, accumulated: { commission: [{ denom: 'uatom', amount: '2.0' }] } }],
      }),
      /accumulated commission exceeds its outstanding rewards/,
    );
    assert.throws(validate({ fee_pool: { community_pool: [{ denom: 'uatom', amount: '1.0000000000000000001' }] } }), /more than 18 decimal places/);
    assert.throws(validate({ fee_pool: { community_pool: [{ denom: 'zz', amount: '1' }, { denom: 'aa', amount: '1' }] } }), /invalid denom: zz/);
    assert.deepEqual(distribution.genesis.validate(distribution.genesis.defaults()).communityPool, []);
  });
});
