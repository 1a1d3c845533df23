// Random blocks, delegation changes, slashes and withdrawals: after every step no coin is made
// or lost (Σ paid + Σ outstanding + community pool = Σ fees + Σ funded, exactly, in DecCoins),
// the module account holds exactly what is owed, and every invariant holds.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MsgFundCommunityPool, MsgSetWithdrawAddress, MsgWithdrawDelegatorReward, MsgWithdrawValidatorCommission } from 'cosmjs-types/cosmos/distribution/v1beta1/tx';
import { addCoins, type Coins } from '../../app/coins.js';
import { DEC_ONE } from '../../app/dec.js';
import { addDecCoins, decCoinsFromCoins, truncateDecCoins, type DecCoins } from './dec-coins.js';
import { account, addr, beginBlock, coded, payFees, PAYER, run, setup, type Setup } from './fixture.js';

/** xorshift32: the same sequence on every run, so a failure reproduces from its seed. */
function random(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  return {
    int: (n: number) => next() % n,
    big: (lo: bigint, hi: bigint) => lo + (BigInt(next()) * 0x100000000n + BigInt(next())) % (hi - lo + 1n),
    pick: <T>(list: readonly T[]): T | undefined => (list.length === 0 ? undefined : list[next() % list.length]),
  };
}

const DELEGATORS = [0x11, 0x12, 0x13, 0x14, 0x15, 0x16];
const WITHDRAW_TARGETS = [0x21, 0x22, 0x23];

function check(s: Setup, inflow: Coins, recipients: ReadonlySet<number>, step: string): void {
  let paid: Coins = [];
  for (const byte of recipients) paid = addCoins(paid, s.bank.keeper.getAllBalances(s.ctx, addr(byte)));
  let held: DecCoins = s.keeper.communityPool(s.ctx);
  for (const validator of s.keeper.validators(s.ctx)) held = addDecCoins(held, s.keeper.outstanding(s.ctx, validator));
  assert.deepEqual(addDecCoins(decCoinsFromCoins(paid), held), decCoinsFromCoins(inflow), `conservation after ${step}`);
  const balance = s.bank.keeper.getAllBalances(s.ctx, s.moduleAddress);
  assert.deepEqual(truncateDecCoins(held), { whole: balance, change: [] }, `module account after ${step}`);
  for (const [name, invariant] of Object.entries(s.distribution.invariants)) assert.equal(invariant(s.ctx), undefined, `${name} after ${step}`);
}

function simulate(seed: number, steps: number): void {
  const r = random(seed);
  const s = setup();
  const recipients = new Set<number>([...DELEGATORS, ...WITHDRAW_TARGETS]);
  let inflow: Coins = [];
  let height = 2n;
  let nextValidator = 0xa0;
  const operators = () => [...s.staking.validators.keys()];
  const delegations = () => [...s.staking.delegations.values()];
  const createValidator = () => {
    const byte = nextValidator++;
    recipients.add(byte);
    // Commission anywhere from 0 to 1, both ends included.
    const rate = r.pick([0n, DEC_ONE, r.big(0n, DEC_ONE)])!;
    s.staking.createValidator(s.ctx, byte, rate, r.big(1n, 10_000n));
  };
  for (let i = 0; i < 3; i++) createValidator();

  for (let step = 0; step < steps; step++) {
    const op = r.int(10);
    let name = '';
    if (op <= 2) {
      const fees: Coins = r.int(3) === 0 ? [{ denom: 'uatom', amount: r.big(1n, 3n) }] : addCoins([{ denom: 'uatom', amount: r.big(1n, 1_000_000n) }], r.int(2) === 0 ? [{ denom: 'ustake', amount: r.big(1n, 999n) }] : []);
      payFees(s, fees);
      inflow = addCoins(inflow, fees);
      const votes: Array<[number, bigint]> = operators()
        .filter(() => r.int(4) !== 0)
        .map((op) => [s.keeper.valoperCodec.decode(op)[0]!, r.big(1n, 100n)]);
      if (r.int(10) === 0) votes.push([0xee, r.big(1n, 100n)]);
      height++;
      beginBlock(s, votes, height);
      assert.deepEqual(s.bank.keeper.getAllBalances(s.ctx, s.feeCollector), []);
      name = 'an allocation';
    } else if (op === 3) {
      // Staking refuses delegations to a validator slashed to zero tokens.
      const open = operators().filter((op) => s.staking.validators.get(op)!.tokens > 0n);
      const operator = r.pick(open);
      if (operator) s.staking.delegate(s.ctx, account(r.pick(DELEGATORS)!), operator, r.big(1n, 5_000n));
      name = 'a delegation';
    } else if (op === 4) {
      const d = r.pick(delegations());
      if (d) s.staking.undelegate(s.ctx, d.delegator, d.operator, r.int(2) === 0 ? d.shares : r.big(1n, d.shares));
      name = 'an undelegation';
    } else if (op === 5) {
      const operator = r.pick(operators());
      if (operator) s.staking.slash(s.ctx, operator, r.big(1n, DEC_ONE / 2n));
      name = 'a slash';
    } else if (op === 6) {
      const d = r.pick(delegations());
      if (d) run(s, MsgWithdrawDelegatorReward.typeUrl, MsgWithdrawDelegatorReward.encode({ delegatorAddress: d.delegator, validatorAddress: d.operator }).finish());
      name = 'a reward withdrawal';
    } else if (op === 7) {
      const operator = r.pick(operators());
      if (operator) {
        try {
          run(s, MsgWithdrawValidatorCommission.typeUrl, MsgWithdrawValidatorCommission.encode({ validatorAddress: operator }).finish());
        } catch (err) {
          assert.ok(coded('distribution', 7)(err), String(err));
        }
      }
      name = 'a commission withdrawal';
    } else if (op === 8) {
      const amount = r.big(1n, 10_000n);
      run(s, MsgFundCommunityPool.typeUrl, MsgFundCommunityPool.encode({ depositor: account(PAYER), amount: [{ denom: 'uatom', amount: amount.toString() }] }).finish());
      inflow = addCoins(inflow, [{ denom: 'uatom', amount }]);
      const delegator = r.pick(DELEGATORS)!;
      run(s, MsgSetWithdrawAddress.typeUrl, MsgSetWithdrawAddress.encode({ delegatorAddress: account(delegator), withdrawAddress: account(r.pick([delegator, ...WITHDRAW_TARGETS])!) }).finish());
      name = 'a pool funding';
    } else {
      // A validator leaves once all its delegations are gone; a new one joins.
      const operator = r.pick(operators());
      if (operator && operators().length > 1) {
        for (const d of delegations().filter((d) => d.operator === operator)) s.staking.undelegate(s.ctx, d.delegator, d.operator, d.shares);
        s.staking.removeValidator(s.ctx, operator);
      }
      createValidator();
      name = 'a validator change';
    }
    check(s, inflow, recipients, `step ${step} (${name}), seed ${seed}`);
  }
  assert.ok(inflow.length > 0);
}

describe('distribution: randomized accounting', () => {
  for (const seed of [1, 7, 2024, 99991]) {
    it(`conserves every unit over 300 random steps (seed ${seed})`, () => simulate(seed, 300));
  }
});
