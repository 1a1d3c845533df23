// x/distribution over the real auth and bank modules and a fake staking keeper (fixture.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  MsgFundCommunityPool,
  MsgSetWithdrawAddress,
  MsgWithdrawDelegatorReward,
  MsgWithdrawDelegatorRewardResponse,
  MsgWithdrawValidatorCommission,
  MsgWithdrawValidatorCommissionResponse,
} from 'cosmjs-types/cosmos/distribution/v1beta1/tx';
import type { Coins } from '../../app/coins.js';
import { parseDec } from '../../app/dec.js';
import { eventLines } from '../../app/testing.js';
import type { DecCoins } from './dec-coins.js';
import { account, addr, beginBlock, coded, dumpState, payFees, run, setup, valoper, type Setup } from './fixture.js';

const D1 = 0x11;
const D2 = 0x12;
const atom = (amount: bigint) => ({ denom: 'uatom', amount });
const stake = (amount: bigint) => ({ denom: 'ustake', amount });

const withdraw = (s: Setup, delegator: number, validator: string) =>
  MsgWithdrawDelegatorRewardResponse.decode(
    run(s, MsgWithdrawDelegatorReward.typeUrl, MsgWithdrawDelegatorReward.encode({ delegatorAddress: account(delegator), validatorAddress: validator }).finish()).value,
  ).amount;

const balance = (s: Setup, byte: number): Coins => s.bank.keeper.getAllBalances(s.ctx, addr(byte));

/**
 * Validator A (0xa1): commission 10%, shares 7 (self) + 11 (D1) + 13 (D2); validator B (0xb1):
 * 5%, shares 3 (self) + 5 (D1). 1001uatom,10ustake of fees; A had power 2 and B power 1.
 */
function twoValidators() {
  const s = setup();
  const A = s.staking.createValidator(s.ctx, 0xa1, parseDec('0.1'), 7n);
  s.staking.delegate(s.ctx, account(D1), A, 11n);
  s.staking.delegate(s.ctx, account(D2), A, 13n);
  const B = s.staking.createValidator(s.ctx, 0xb1, parseDec('0.05'), 3n);
  s.staking.delegate(s.ctx, account(D1), B, 5n);
  payFees(s, [atom(1001n), stake(10n)]);
  const events = beginBlock(s, [[0xa1, 2n], [0xb1, 1n]]);
  return { s, A, B, events };
}

describe('distribution: allocation', () => {
  it('splits the fees by power, commission and shares, to the last unit', () => {
    const { s, A, B, events } = twoValidators();
    const k = s.keeper;
    const a = s.keeper.valoperCodec.decode(A);
    const b = s.keeper.valoperCodec.decode(B);
    // Validators get 98% (980.98uatom): A 2/3 of it with the power fraction truncated to
    // 0.666666666666666666, B 0.333333333333333333; A's commission is 10% rounded half to even.
    assert.deepEqual(k.outstanding(s.ctx, a), [atom(653_986666666666666012n), stake(6_533333333333333326n)]);
    assert.deepEqual(k.commission(s.ctx, a), [atom(65_398666666666666601n), stake(653333333333333333n)]);
    assert.deepEqual(k.outstanding(s.ctx, b), [atom(326_993333333333333006n), stake(3_266666666666666663n)]);
    assert.deepEqual(k.commission(s.ctx, b), [atom(16_349666666666666650n), stake(163333333333333333n)]);
    // The 2% tax plus what the truncated power fractions left over.
    assert.deepEqual(k.communityPool(s.ctx), [atom(20_020000000000000982n), stake(200000000000000011n)]);
    // Delegators: shares × (A's 588.587999999999999411uatom for delegators ÷ 31 shares, to 36 places).
    const pending = (d: number, v: string) => k.pendingRewards(s.ctx, account(d), v);
    assert.deepEqual(pending(0xa1, A), [atom(132_906967741935483737n), stake(1_327741935483870966n)]);
    assert.deepEqual(pending(D1, A), [atom(208_853806451612903016n), stake(2_086451612903225803n)]);
    assert.deepEqual(pending(D2, A), [atom(246_827225806451612656n), stake(2_465806451612903222n)]);
    assert.deepEqual(pending(0xb1, B), [atom(116_491374999999999883n), stake(1_163749999999999998n)]);
    assert.deepEqual(pending(D1, B), [atom(194_152291666666666472n), stake(1_939583333333333331n)]);
    assert.deepEqual(balance(s, 0xfa).length, 2);
    assert.deepEqual(s.bank.keeper.getAllBalances(s.ctx, s.feeCollector), []);
    assert.deepEqual(s.bank.keeper.getAllBalances(s.ctx, s.moduleAddress), [atom(1001n), stake(10n)]);
    assert.deepEqual(
      eventLines(events).filter((line) => /^(commission|rewards):/.test(line)),
      [
        `commission: amount=65.398666666666666601uatom,0.653333333333333333ustake, validator=${A}`,
        `rewards: amount=653.986666666666666012uatom,6.533333333333333326ustake, validator=${A}`,
        `commission: amount=16.349666666666666650uatom,0.163333333333333333ustake, validator=${B}`,
        `rewards: amount=326.993333333333333006uatom,3.266666666666666663ustake, validator=${B}`,
      ],
    );
    for (const [name, check] of Object.entries(s.distribution.invariants)) assert.equal(check(s.ctx), undefined, name);
  });

  it('pays whole units; the truncated dust stays in outstanding, and holdings match exactly', () => {
    const { s, A, B } = twoValidators();
    assert.deepEqual(withdraw(s, 0xa1, A), [{ denom: 'uatom', amount: '132' }, { denom: 'ustake', amount: '1' }]);
    assert.deepEqual(withdraw(s, D1, A), [{ denom: 'uatom', amount: '208' }, { denom: 'ustake', amount: '2' }]);
    assert.deepEqual(withdraw(s, D2, A), [{ denom: 'uatom', amount: '246' }, { denom: 'ustake', amount: '2' }]);
    assert.deepEqual(withdraw(s, 0xb1, B), [{ denom: 'uatom', amount: '116' }, { denom: 'ustake', amount: '1' }]);
    assert.deepEqual(withdraw(s, D1, B), [{ denom: 'uatom', amount: '194' }, { denom: 'ustake', amount: '1' }]);
    const a = s.keeper.valoperCodec.decode(A);
    // Commission 65.398666666666666601 plus 2.587999999999999411 of dust.
    assert.deepEqual(s.keeper.outstanding(s.ctx, a), [atom(67_986666666666666012n), stake(1_533333333333333326n)]);
    const response = run(s, MsgWithdrawValidatorCommission.typeUrl, MsgWithdrawValidatorCommission.encode({ validatorAddress: A }).finish());
    assert.deepEqual(MsgWithdrawValidatorCommissionResponse.decode(response.value).amount, [{ denom: 'uatom', amount: '65' }]);
    assert.deepEqual(eventLines(s.ctx.events).at(-1), 'withdraw_commission: amount=65uatom');
    // The fractions of commission stay for a later withdrawal.
    assert.deepEqual(s.keeper.commission(s.ctx, a), [atom(398666666666666601n), stake(653333333333333333n)]);
    assert.deepEqual(balance(s, 0xa1), [atom(132n + 65n), stake(1n)]);
    assert.deepEqual(balance(s, D1), [atom(208n + 194n), stake(3n)]);
    // 1001 − 961 paid = 40uatom held, exactly the outstanding rewards and the pool together.
    assert.deepEqual(s.bank.keeper.getAllBalances(s.ctx, s.moduleAddress), [atom(40n), stake(3n)]);
    const b = s.keeper.valoperCodec.decode(B);
    const held = [s.keeper.outstanding(s.ctx, a), s.keeper.outstanding(s.ctx, b), s.keeper.communityPool(s.ctx)].flat();
    assert.equal(sum(held, 'uatom'), 40n * 10n ** 18n);
    assert.equal(sum(held, 'ustake'), 3n * 10n ** 18n);
    for (const [name, check] of Object.entries(s.distribution.invariants)) assert.equal(check(s.ctx), undefined, name);
  });

  it('withdraw emits withdraw_rewards; a second withdrawal pays nothing and says 0stake', () => {
    const { s, A } = twoValidators();
    withdraw(s, D1, A);
    const module = s.auth.keeper.addressCodec.encode(s.moduleAddress);
    assert.deepEqual(eventLines(s.ctx.events).slice(-5), [
      `coin_spent: spender=${module}, amount=208uatom,2ustake`,
      `coin_received: receiver=${account(D1)}, amount=208uatom,2ustake`,
      `transfer: recipient=${account(D1)}, sender=${module}, amount=208uatom,2ustake`,
      `message: sender=${module}`,
      `withdraw_rewards: amount=208uatom,2ustake, validator=${A}, delegator=${account(D1)}`,
    ]);
    assert.deepEqual(withdraw(s, D1, A), []);
    assert.equal(eventLines(s.ctx.events).at(-1), `withdraw_rewards: amount=0stake, validator=${A}, delegator=${account(D1)}`);
    assert.deepEqual(s.keeper.pendingRewards(s.ctx, account(D1), A), []);
  });

  it('sends everything to the community pool when no validator had power', () => {
    const s = setup();
    payFees(s, [atom(77n)]);
    beginBlock(s, []);
    assert.deepEqual(s.keeper.communityPool(s.ctx), [atom(77n * 10n ** 18n)]);
  });

  it('does nothing at height 1 or without fees; a validator staking does not know leaves its share to the pool', () => {
    const s = setup();
    const C = s.staking.createValidator(s.ctx, 0xc1, parseDec('0.1'), 10n);
    payFees(s, [atom(100n)]);
    beginBlock(s, [[0xc1, 1n]], 1n);
    assert.deepEqual(s.bank.keeper.getAllBalances(s.ctx, s.feeCollector), [atom(100n)]);
    assert.deepEqual(eventLines(beginBlock(s, [[0xc1, 1n], [0xdd, 1n]])).filter((l) => l.startsWith('rewards')), [`rewards: amount=49.000000000000000000uatom, validator=${C}`]);
    assert.deepEqual(s.keeper.communityPool(s.ctx), [atom(51n * 10n ** 18n)]);
    assert.deepEqual(eventLines(beginBlock(s, [[0xc1, 1n]])), []);
  });

  it('a validator without shares keeps its commission; its delegators\' part goes to the pool', () => {
    const s = setup();
    const C = s.staking.createValidator(s.ctx, 0xc1, parseDec('0.1'), 10n);
    s.staking.undelegate(s.ctx, account(0xc1), C, 10n * 10n ** 18n);
    payFees(s, [atom(100n)]);
    beginBlock(s, [[0xc1, 1n]]);
    const c = s.keeper.valoperCodec.decode(C);
    assert.deepEqual(s.keeper.commission(s.ctx, c), [atom(9_800000000000000000n)]);
    assert.deepEqual(s.keeper.outstanding(s.ctx, c), [atom(9_800000000000000000n)]);
    assert.deepEqual(s.keeper.communityPool(s.ctx), [atom(90_200000000000000000n)]);
  });
});

function sum(coins: DecCoins, denom: string): bigint {
  return coins.filter((c) => c.denom === denom).reduce((n, c) => n + c.amount, 0n);
}

describe('distribution: delegation changes', () => {
  it('pays pending rewards before shares change, then earns on the new shares', () => {
    const { s, A } = twoValidators();
    s.staking.delegate(s.ctx, account(D1), A, 20n);
    assert.deepEqual(balance(s, D1), [atom(208n), stake(2n)]);
    assert.equal(eventLines(s.ctx.events).at(-1), `withdraw_rewards: amount=208uatom,2ustake, validator=${A}, delegator=${account(D1)}`);
    assert.deepEqual(s.keeper.pendingRewards(s.ctx, account(D1), A), []);
    // A now has 51 shares, D1 31 of them; 100uatom, A alone: 98 → 9.8 commission, 88.2 over 51 shares.
    payFees(s, [atom(100n)]);
    beginBlock(s, [[0xa1, 1n]], 3n);
    assert.deepEqual(s.keeper.pendingRewards(s.ctx, account(D1), A), [atom(53_611764705882352941n)]);
    assert.deepEqual(s.keeper.pendingRewards(s.ctx, account(D2), A), [atom(246_827225806451612656n + 22_482352941176470588n), stake(2_465806451612903222n)]);
  });

  it('pays out when a delegation is removed, once, and forgets it', () => {
    const { s, A } = twoValidators();
    const before = eventLines(s.ctx.events).length;
    s.staking.undelegate(s.ctx, account(D2), A, 13n * 10n ** 18n);
    assert.deepEqual(balance(s, D2), [atom(246n), stake(2n)]);
    assert.equal(eventLines(s.ctx.events).slice(before).filter((l) => l.startsWith('withdraw_rewards')).length, 1);
    assert.equal(s.keeper.snapshot(s.ctx, s.keeper.valoperCodec.decode(A), addr(D2)), undefined);
    for (const [name, check] of Object.entries(s.distribution.invariants)) assert.equal(check(s.ctx), undefined, name);
  });

  it('keeps rewards exact after a slash: tokens change, shares and rewards per share do not', () => {
    const slashed = twoValidators();
    const plain = twoValidators();
    slashed.s.staking.slash(slashed.s.ctx, slashed.A, parseDec('0.5'));
    assert.equal(slashed.s.staking.validators.get(slashed.A)!.tokens, 16n);
    for (const { s } of [slashed, plain]) {
      payFees(s, [atom(1000n)]);
      beginBlock(s, [[0xa1, 3n], [0xb1, 1n]], 3n);
    }
    for (const d of [0xa1, D1, D2]) {
      assert.deepEqual(slashed.s.keeper.pendingRewards(slashed.s.ctx, account(d), slashed.A), plain.s.keeper.pendingRewards(plain.s.ctx, account(d), plain.A));
    }
    // Second block, D1: 1000 × 0.98 × 3/4 = 735, less 10% = 661.5 over 31 shares, 11 of them
    // (234.7258...), on top of the first block's 208.8538...: 11 × (sum of both per-share steps).
    assert.deepEqual(slashed.s.keeper.pendingRewards(slashed.s.ctx, account(D1), slashed.A), [atom(443_579612903225806242n), stake(2_086451612903225803n)]);
    slashed.s.staking.undelegate(slashed.s.ctx, account(D1), slashed.A, 11n * 10n ** 18n);
    assert.deepEqual(balance(slashed.s, D1), [atom(443n), stake(2n)]);
    for (const [name, check] of Object.entries(slashed.s.distribution.invariants)) assert.equal(check(slashed.s.ctx), undefined, name);
  });

  it('on validator removal pays whole commission to the operator and every fraction to the pool', () => {
    const s = setup();
    const C = s.staking.createValidator(s.ctx, 0xc1, parseDec('0.1'), 10n);
    payFees(s, [atom(100n)]);
    beginBlock(s, [[0xc1, 1n]]);
    s.staking.undelegate(s.ctx, account(0xc1), C, 10n * 10n ** 18n);
    assert.deepEqual(balance(s, 0xc1), [atom(88n)]);
    s.staking.removeValidator(s.ctx, C);
    // 9.8 commission: 9 to the operator, 0.8 and the 0.2 of dust to the pool, beside the 2 of tax.
    assert.deepEqual(balance(s, 0xc1), [atom(97n)]);
    assert.deepEqual(s.keeper.communityPool(s.ctx), [atom(3n * 10n ** 18n)]);
    assert.equal(s.keeper.hasValidator(s.ctx, s.keeper.valoperCodec.decode(C)), false);
    assert.deepEqual(s.bank.keeper.getAllBalances(s.ctx, s.moduleAddress), [atom(3n)]);
  });
});

describe('distribution: withdraw address and community pool', () => {
  it('pays rewards and commission to the withdraw address a delegator set', () => {
    const { s, A } = twoValidators();
    run(s, MsgSetWithdrawAddress.typeUrl, MsgSetWithdrawAddress.encode({ delegatorAddress: account(0xa1), withdrawAddress: account(0x21) }).finish());
    assert.equal(eventLines(s.ctx.events).at(-1), `set_withdraw_address: withdraw_address=${account(0x21)}`);
    withdraw(s, 0xa1, A);
    run(s, MsgWithdrawValidatorCommission.typeUrl, MsgWithdrawValidatorCommission.encode({ validatorAddress: A }).finish());
    assert.deepEqual(balance(s, 0x21), [atom(132n + 65n), stake(1n)]);
    assert.deepEqual(balance(s, 0xa1), []);
    // Back to itself: the entry is deleted, the query still answers the delegator's own address.
    run(s, MsgSetWithdrawAddress.typeUrl, MsgSetWithdrawAddress.encode({ delegatorAddress: account(0xa1), withdrawAddress: account(0xa1) }).finish());
    assert.deepEqual([...s.keeper.withdrawAddresses(s.ctx)], []);
  });

  it('refuses module accounts as withdraw addresses, and any address when disabled', () => {
    const s = setup();
    const set = (to: string) => run(s, MsgSetWithdrawAddress.typeUrl, MsgSetWithdrawAddress.encode({ delegatorAddress: account(D1), withdrawAddress: to }).finish());
    assert.throws(() => set(s.auth.keeper.addressCodec.encode(s.moduleAddress)), coded('sdk', 4, /is not allowed to receive external funds/));
    const disabled = setup({ genesis: { params: { community_tax: '0.02', withdraw_addr_enabled: false } } });
    assert.throws(
      () => run(disabled, MsgSetWithdrawAddress.typeUrl, MsgSetWithdrawAddress.encode({ delegatorAddress: account(D1), withdrawAddress: account(0x21) }).finish()),
      coded('distribution', 8, /set withdraw address disabled/),
    );
  });

  it('MsgFundCommunityPool moves coins from the depositor to the pool', () => {
    const s = setup();
    run(s, MsgFundCommunityPool.typeUrl, MsgFundCommunityPool.encode({ depositor: account(0xfa), amount: [{ denom: 'uatom', amount: '100' }] }).finish());
    assert.deepEqual(s.keeper.communityPool(s.ctx), [atom(100n * 10n ** 18n)]);
    assert.deepEqual(s.bank.keeper.getAllBalances(s.ctx, s.moduleAddress), [atom(100n)]);
  });
});

describe('distribution: errors change nothing', () => {
  it('refuses bad withdrawals, commission, funding and addresses before writing anything', () => {
    const { s, A } = twoValidators();
    const before = dumpState(s);
    const cases: Array<[string, Uint8Array, (err: unknown) => boolean]> = [
      [MsgWithdrawDelegatorReward.typeUrl, MsgWithdrawDelegatorReward.encode({ delegatorAddress: account(D1), validatorAddress: valoper(0xee) }).finish(), coded('distribution', 6, /does not exist/)],
      [MsgWithdrawDelegatorReward.typeUrl, MsgWithdrawDelegatorReward.encode({ delegatorAddress: account(0x33), validatorAddress: A }).finish(), coded('distribution', 5, /has no delegation/)],
      [MsgWithdrawDelegatorReward.typeUrl, MsgWithdrawDelegatorReward.encode({ delegatorAddress: account(D1), validatorAddress: account(0xa1) }).finish(), coded('sdk', 7, /invalid validator address/)],
      [MsgWithdrawValidatorCommission.typeUrl, MsgWithdrawValidatorCommission.encode({ validatorAddress: valoper(0xee) }).finish(), coded('distribution', 7, /no validator commission/)],
      [MsgFundCommunityPool.typeUrl, MsgFundCommunityPool.encode({ depositor: account(D1), amount: [{ denom: 'uatom', amount: '1' }] }).finish(), coded('sdk', 5)],
      [MsgFundCommunityPool.typeUrl, MsgFundCommunityPool.encode({ depositor: account(0xfa), amount: [] }).finish(), coded('sdk', 10)],
      [MsgSetWithdrawAddress.typeUrl, MsgSetWithdrawAddress.encode({ delegatorAddress: account(D1), withdrawAddress: 'cosmos1bad' }).finish(), coded('sdk', 7, /invalid withdraw address/)],
    ];
    for (const [typeUrl, bytes, check] of cases) {
      assert.throws(() => run(s, typeUrl, bytes), check, typeUrl);
      assert.deepEqual(dumpState(s), before, typeUrl);
    }
  });

  it('the commission signer is the operator account', () => {
    const { s, A } = twoValidators();
    const handler = s.distribution.msgs[MsgWithdrawValidatorCommission.typeUrl]!;
    assert.deepEqual(handler.signers(handler.decode(MsgWithdrawValidatorCommission.encode({ validatorAddress: A }).finish())), [account(0xa1)]);
  });
});
