// x/staking over the real auth and bank modules, block by block in memory: the validator set
// CometBFT gets, pools, maturity, slashing, and bad input that changes nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import { QueryParamsResponse, QueryPoolResponse, QueryValidatorResponse, QueryValidatorRequest, QueryHistoricalInfoRequest, QueryHistoricalInfoResponse } from 'cosmjs-types/cosmos/staking/v1beta1/query';
import { MsgBeginRedelegate, MsgCreateValidator, MsgDelegate, MsgUndelegate, MsgCancelUnbondingDelegation } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import { Context } from '../../app/context.js';
import { DEC_ONE, parseDec } from '../../app/dec.js';
import { CodedError } from '../../app/errors.js';
import { EventManager } from '../../app/events.js';
import { GasMeter } from '../../app/store/index.js';
import { memoryStore } from '../../app/testing.js';
import { authModule } from '../auth/index.js';
import { bankModule } from '../bank/index.js';
import { STAKING_MODULE_ACCOUNTS, stakingModule } from './module.js';
import { BONDED_POOL, NOT_BONDED_POOL } from './keys.js';

const DENOM = 'stake';
const UNBONDING_SECONDS = 100n;
const M = 1_000_000n;

/** `nanos`: the sub-second part of every block time (CometBFT's times have nanoseconds). */
function setup(nanos = 0) {
  const auth = authModule({ moduleAccounts: { ...STAKING_MODULE_ACCOUNTS } });
  const bank = bankModule({ accounts: auth.keeper, blockedAddresses: auth.keeper.moduleAccountAddresses() });
  const staking = stakingModule({ accounts: auth.keeper, bank: bank.keeper, bech32Prefix: 'cosmos' });
  const store = memoryStore(['acc', 'bank', 'staking', 'auth']);
  const codec = auth.keeper.addressCodec;
  const accounts = [1, 2, 3, 4].map((b) => codec.encode(new Uint8Array(20).fill(b)));
  let height = 1n;
  let seconds = 1_000_000n;
  const ctxAt = () => new Context(store, { chainId: 'test', height, time: { seconds, nanos } }, new GasMeter(), new EventManager(), 'finalize');
  const genesis = ctxAt();
  auth.genesis.init(genesis, auth.genesis.validate({ accounts: accounts.map((address, i) => ({ '@type': '/cosmos.auth.v1beta1.BaseAccount', address, account_number: String(i), sequence: '0' })) }));
  bank.genesis.init(genesis, bank.genesis.validate({ balances: accounts.map((address) => ({ address, coins: [{ denom: DENOM, amount: String(100n * M) }] })) }));
  staking.genesis.init(genesis, staking.genesis.validate({ params: { unbonding_time: `${UNBONDING_SECONDS}s`, max_validators: 2 } }));
  const run = (typeUrl: string, bytes: Uint8Array) => {
    const handler = staking.msgs[typeUrl]!;
    const msg = handler.decode(bytes);
    handler.validate?.(msg);
    // Each message in its own branch, as runTx: a failure writes nothing.
    const branch = store.branch();
    const ctx = ctxAt().with(branch);
    const out = handler.handle(ctx, msg);
    branch.write();
    return out;
  };
  /** Ends the current block and starts the next, `dt` seconds later; returns the validator updates. */
  const endBlock = (dt = 5n) => {
    const updates = staking.endBlock!(ctxAt()) ?? [];
    height += 1n;
    seconds += dt;
    staking.beginBlock!(ctxAt());
    return updates.map((u) => ({ key: Buffer.from(u.pubKey.ed25519!).toString('hex'), power: u.power }));
  };
  const balance = (address: string) => bank.keeper.getBalance(ctxAt(), codec.decode(address), DENOM);
  const pool = (name: string) => staking.keeper.poolBalance(ctxAt(), name);
  const broken = () => Object.entries(staking.invariants!).map(([n, check]) => [n, check(ctxAt())]).filter(([, r]) => r !== undefined);
  const query = (path: string, bytes: Uint8Array = new Uint8Array()) => staking.queries![path]!(ctxAt(), bytes);
  return { staking, keeper: staking.keeper, accounts, run, endBlock, balance, pool, broken, query, ctxAt, now: () => seconds, height: () => height };
}

const consKey = (b: number) => new Uint8Array(32).fill(b);

function createValidatorMsg(keeper: ReturnType<typeof setup>['keeper'], account: string, key: number, amount: bigint) {
  return MsgCreateValidator.encode(
    MsgCreateValidator.fromPartial({
      description: { moniker: `v${key}` },
      commission: { rate: parseDec('0.1').toString(), maxRate: parseDec('0.2').toString(), maxChangeRate: parseDec('0.01').toString() },
      minSelfDelegation: '1',
      validatorAddress: keeper.valoperOf(account),
      pubkey: { typeUrl: '/cosmos.crypto.ed25519.PubKey', value: Ed25519PubKey.encode({ key: consKey(key) }).finish() },
      value: { denom: DENOM, amount: amount.toString() },
    }),
  ).finish();
}

const hex = (b: number) => Buffer.from(consKey(b)).toString('hex');
const code = (c: number) => (err: unknown) => err instanceof CodedError && err.codespace === 'staking' && err.code === c;

describe('staking', () => {
  it('creates validators whose stake becomes CometBFT power, and follows delegations', () => {
    const t = setup();
    const [a, b, d] = t.accounts as [string, string, string];
    t.run('/cosmos.staking.v1beta1.MsgCreateValidator', createValidatorMsg(t.keeper, a, 0xa1, 10n * M));
    t.run('/cosmos.staking.v1beta1.MsgCreateValidator', createValidatorMsg(t.keeper, b, 0xb2, 5n * M + 999_999n));
    assert.deepEqual(t.endBlock(), [
      { key: hex(0xa1), power: 10n },
      { key: hex(0xb2), power: 5n },
    ]);
    assert.equal(t.pool(BONDED_POOL), 15n * M + 999_999n);
    assert.equal(t.balance(a), 90n * M);
    // One more token crosses the power boundary of the second validator.
    t.run('/cosmos.staking.v1beta1.MsgDelegate', MsgDelegate.encode({ delegatorAddress: d, validatorAddress: t.keeper.valoperOf(b), amount: { denom: DENOM, amount: '1' } }).finish());
    assert.deepEqual(t.endBlock(), [{ key: hex(0xb2), power: 6n }]);
    assert.deepEqual(t.endBlock(), []);
    assert.deepEqual(t.broken(), []);
    const v = QueryValidatorResponse.decode(t.query('/cosmos.staking.v1beta1.Query/Validator', QueryValidatorRequest.encode({ validatorAddr: t.keeper.valoperOf(b) }).finish())).validator;
    assert.equal(v.tokens, String(6n * M));
    assert.equal(v.delegatorShares, String(6n * M * DEC_ONE));
  });

  it('keeps only max_validators in the set: a bigger newcomer pushes the smallest out to unbonding', () => {
    const t = setup();
    const [a, b, c] = t.accounts as [string, string, string];
    t.run('/cosmos.staking.v1beta1.MsgCreateValidator', createValidatorMsg(t.keeper, a, 0xa1, 10n * M));
    t.run('/cosmos.staking.v1beta1.MsgCreateValidator', createValidatorMsg(t.keeper, b, 0xb2, 5n * M));
    t.endBlock();
    t.run('/cosmos.staking.v1beta1.MsgCreateValidator', createValidatorMsg(t.keeper, c, 0xc3, 7n * M));
    assert.deepEqual(t.endBlock(), [
      { key: hex(0xc3), power: 7n },
      { key: hex(0xb2), power: 0n },
    ]);
    assert.equal(t.keeper.validatorByOperator(t.ctxAt(), t.keeper.valoperOf(b))!.status, 'unbonding');
    assert.equal(t.pool(NOT_BONDED_POOL), 5n * M);
    assert.deepEqual(t.broken(), []);
    // After the unbonding time it is unbonded (its tokens stay in the not-bonded pool).
    t.endBlock(UNBONDING_SECONDS);
    t.endBlock();
    assert.equal(t.keeper.validatorByOperator(t.ctxAt(), t.keeper.valoperOf(b))!.status, 'unbonded');
    assert.deepEqual(t.broken(), []);
  });

  it('returns undelegated tokens exactly at maturity, not a block before', () => {
    const t = setup();
    const [a, , d] = t.accounts as [string, string, string];
    const val = t.keeper.valoperOf(a);
    t.run('/cosmos.staking.v1beta1.MsgCreateValidator', createValidatorMsg(t.keeper, a, 0xa1, 10n * M));
    t.run('/cosmos.staking.v1beta1.MsgDelegate', MsgDelegate.encode({ delegatorAddress: d, validatorAddress: val, amount: { denom: DENOM, amount: String(4n * M) } }).finish());
    t.endBlock();
    const start = t.now();
    t.run('/cosmos.staking.v1beta1.MsgUndelegate', MsgUndelegate.encode({ delegatorAddress: d, validatorAddress: val, amount: { denom: DENOM, amount: String(3n * M) } }).finish());
    assert.deepEqual(t.endBlock(UNBONDING_SECONDS - 1n), [{ key: hex(0xa1), power: 11n }]);
    assert.equal(t.balance(d), 96n * M);
    assert.equal(t.pool(NOT_BONDED_POOL), 3n * M);
    assert.equal(t.now(), start + UNBONDING_SECONDS - 1n);
    t.endBlock(1n); // this block's time is one second short of completion
    assert.equal(t.balance(d), 96n * M);
    t.endBlock(); // completion time == block time: paid
    assert.equal(t.balance(d), 99n * M);
    assert.equal(t.pool(NOT_BONDED_POOL), 0n);
    assert.deepEqual(t.broken(), []);
  });

  it('cancels an undelegation back into the validator', () => {
    const t = setup();
    const [a, , d] = t.accounts as [string, string, string];
    const val = t.keeper.valoperOf(a);
    t.run('/cosmos.staking.v1beta1.MsgCreateValidator', createValidatorMsg(t.keeper, a, 0xa1, 10n * M));
    t.run('/cosmos.staking.v1beta1.MsgDelegate', MsgDelegate.encode({ delegatorAddress: d, validatorAddress: val, amount: { denom: DENOM, amount: String(4n * M) } }).finish());
    t.endBlock();
    const height = t.height();
    t.run('/cosmos.staking.v1beta1.MsgUndelegate', MsgUndelegate.encode({ delegatorAddress: d, validatorAddress: val, amount: { denom: DENOM, amount: String(3n * M) } }).finish());
    t.endBlock();
    t.run('/cosmos.staking.v1beta1.MsgCancelUnbondingDelegation', MsgCancelUnbondingDelegation.encode({ delegatorAddress: d, validatorAddress: val, amount: { denom: DENOM, amount: String(2n * M) }, creationHeight: height }).finish());
    assert.deepEqual(t.endBlock(), [{ key: hex(0xa1), power: 13n }]);
    assert.equal(t.pool(NOT_BONDED_POOL), 1n * M);
    assert.deepEqual(t.broken(), []);
  });

  it('moves power with a redelegation and refuses a transitive one', () => {
    const t = setup();
    const [a, b, d] = t.accounts as [string, string, string];
    t.run('/cosmos.staking.v1beta1.MsgCreateValidator', createValidatorMsg(t.keeper, a, 0xa1, 10n * M));
    t.run('/cosmos.staking.v1beta1.MsgCreateValidator', createValidatorMsg(t.keeper, b, 0xb2, 10n * M));
    t.run('/cosmos.staking.v1beta1.MsgDelegate', MsgDelegate.encode({ delegatorAddress: d, validatorAddress: t.keeper.valoperOf(a), amount: { denom: DENOM, amount: String(5n * M) } }).finish());
    t.endBlock();
    const redelegate = (src: string, dst: string, amount: bigint) =>
      t.run('/cosmos.staking.v1beta1.MsgBeginRedelegate', MsgBeginRedelegate.encode({ delegatorAddress: d, validatorSrcAddress: t.keeper.valoperOf(src), validatorDstAddress: t.keeper.valoperOf(dst), amount: { denom: DENOM, amount: amount.toString() } }).finish());
    redelegate(a, b, 4n * M);
    assert.deepEqual(t.endBlock(), [
      { key: hex(0xb2), power: 14n },
      { key: hex(0xa1), power: 11n },
    ]);
    assert.throws(() => redelegate(b, a, 1n * M), code(32));
    assert.throws(() => redelegate(a, a, 1n), code(29));
    assert.deepEqual(t.broken(), []);
  });

  it('refuses bad input with clear errors and changes nothing', () => {
    const t = setup();
    const [a, b, d] = t.accounts as [string, string, string];
    t.run('/cosmos.staking.v1beta1.MsgCreateValidator', createValidatorMsg(t.keeper, a, 0xa1, 10n * M));
    t.endBlock();
    const before = t.staking.genesis!.export(t.ctxAt());
    const balance = t.balance(d);
    assert.throws(
      () => t.run('/cosmos.staking.v1beta1.MsgDelegate', MsgDelegate.encode({ delegatorAddress: d, validatorAddress: t.keeper.valoperOf(b), amount: { denom: DENOM, amount: '5' } }).finish()),
      code(3),
    );
    t.run('/cosmos.staking.v1beta1.MsgDelegate', MsgDelegate.encode({ delegatorAddress: d, validatorAddress: t.keeper.valoperOf(a), amount: { denom: DENOM, amount: '5' } }).finish());
    const after = t.staking.genesis!.export(t.ctxAt());
    assert.throws(
      () => t.run('/cosmos.staking.v1beta1.MsgUndelegate', MsgUndelegate.encode({ delegatorAddress: d, validatorAddress: t.keeper.valoperOf(a), amount: { denom: DENOM, amount: '6' } }).finish()),
      code(22),
    );
    assert.throws(
      () => t.run('/cosmos.staking.v1beta1.MsgDelegate', MsgDelegate.encode({ delegatorAddress: d, validatorAddress: t.keeper.valoperOf(a), amount: { denom: 'uatom', amount: '5' } }).finish()),
      /invalid coin denomination/,
    );
    assert.throws(() => t.run('/cosmos.staking.v1beta1.MsgCreateValidator', createValidatorMsg(t.keeper, b, 0xa1, 1n * M)), code(5));
    assert.deepEqual(t.staking.genesis!.export(t.ctxAt()), after);
    assert.notDeepEqual(before, after);
    assert.equal(t.balance(d), balance - 5n);
  });

  it('slashes stake at the infraction height: unbonding entries made since pay first', () => {
    const t = setup();
    const [a, , d] = t.accounts as [string, string, string];
    const val = t.keeper.valoperOf(a);
    t.run('/cosmos.staking.v1beta1.MsgCreateValidator', createValidatorMsg(t.keeper, a, 0xa1, 10n * M));
    t.run('/cosmos.staking.v1beta1.MsgDelegate', MsgDelegate.encode({ delegatorAddress: d, validatorAddress: val, amount: { denom: DENOM, amount: String(10n * M) } }).finish());
    t.endBlock();
    const infraction = t.height();
    t.endBlock();
    t.run('/cosmos.staking.v1beta1.MsgUndelegate', MsgUndelegate.encode({ delegatorAddress: d, validatorAddress: val, amount: { denom: DENOM, amount: String(4n * M) } }).finish());
    t.endBlock();
    const v = t.keeper.validatorByOperator(t.ctxAt(), val)!;
    const ctx = t.ctxAt();
    const outcome = t.keeper.slash(ctx, v.consAddress, infraction, 20n, parseDec('0.05'));
    // 5% of 20M = 1M: 200k from the 4M unbonding entry, 800k from the validator's 16M.
    assert.deepEqual(outcome, { burned: 1n * M, fromValidator: 800_000n, fromUnbondingDelegations: [{ delegator: d, amount: 200_000n }], fromRedelegations: [] });
    assert.equal(t.keeper.validatorByOperator(t.ctxAt(), val)!.tokens, 16n * M - 800_000n);
    assert.equal(t.pool(NOT_BONDED_POOL), 3_800_000n);
    assert.deepEqual(t.broken(), []);
    t.keeper.jail(t.ctxAt(), v.consAddress);
    assert.deepEqual(t.endBlock(), [{ key: hex(0xa1), power: 0n }]);
    t.keeper.unjail(t.ctxAt(), v.consAddress);
    assert.deepEqual(t.endBlock(), [{ key: hex(0xa1), power: 15n }]);
    assert.deepEqual(t.broken(), []);
  });

  it('answers the relayer-facing queries: params with unbonding time, historical info, pool', () => {
    const t = setup();
    const [a] = t.accounts as [string];
    t.run('/cosmos.staking.v1beta1.MsgCreateValidator', createValidatorMsg(t.keeper, a, 0xa1, 10n * M));
    t.endBlock();
    const params = QueryParamsResponse.decode(t.query('/cosmos.staking.v1beta1.Query/Params')).params;
    assert.equal(params.unbondingTime.seconds, UNBONDING_SECONDS);
    assert.ok(params.historicalEntries > 0);
    const hist = QueryHistoricalInfoResponse.decode(t.query('/cosmos.staking.v1beta1.Query/HistoricalInfo', QueryHistoricalInfoRequest.encode({ height: t.height() }).finish())).hist!;
    assert.equal(hist.header.height, t.height());
    assert.equal(hist.valset.length, 1);
    const pool = QueryPoolResponse.decode(t.query('/cosmos.staking.v1beta1.Query/Pool')).pool;
    assert.equal(pool.bondedTokens, String(10n * M));
  });

  it('exports genesis that imports to the same state', () => {
    const t = setup();
    const [a, , d] = t.accounts as [string, string, string];
    t.run('/cosmos.staking.v1beta1.MsgCreateValidator', createValidatorMsg(t.keeper, a, 0xa1, 10n * M));
    t.run('/cosmos.staking.v1beta1.MsgUndelegate', MsgUndelegate.encode({ delegatorAddress: a, validatorAddress: t.keeper.valoperOf(a), amount: { denom: DENOM, amount: '7' } }).finish());
    void d;
    t.endBlock();
    const exported = t.staking.genesis!.export(t.ctxAt());
    const u = setup();
    const updates = u.staking.genesis!.init(u.ctxAt(), u.staking.genesis!.validate(JSON.parse(JSON.stringify(exported))));
    assert.equal((updates as unknown[]).length, 1);
    assert.deepEqual(u.staking.genesis!.export(u.ctxAt()), exported);
  });

  it('exports times to the nanosecond, so an imported chain matures unbondings at the same instant', () => {
    // A block time of .780390177 s came back as .780 s: cosmjs-types' JSON keeps milliseconds only.
    const t = setup(780_390_177);
    const [a, b] = t.accounts as [string, string];
    t.run('/cosmos.staking.v1beta1.MsgCreateValidator', createValidatorMsg(t.keeper, a, 0xa1, 10n * M));
    t.run('/cosmos.staking.v1beta1.MsgCreateValidator', createValidatorMsg(t.keeper, b, 0xb2, 10n * M));
    t.run('/cosmos.staking.v1beta1.MsgUndelegate', MsgUndelegate.encode({ delegatorAddress: a, validatorAddress: t.keeper.valoperOf(a), amount: { denom: DENOM, amount: '7' } }).finish());
    t.run('/cosmos.staking.v1beta1.MsgBeginRedelegate', MsgBeginRedelegate.encode({ delegatorAddress: a, validatorSrcAddress: t.keeper.valoperOf(a), validatorDstAddress: t.keeper.valoperOf(b), amount: { denom: DENOM, amount: '5' } }).finish());
    t.endBlock();
    const exported = JSON.parse(JSON.stringify(t.staking.genesis!.export(t.ctxAt())));
    assert.match(exported.unbonding_delegations[0].entries[0].completionTime, /\.780390177Z$/);
    const u = setup();
    u.staking.genesis!.init(u.ctxAt(), u.staking.genesis!.validate(exported));
    const state = (x: ReturnType<typeof setup>) => ({
      validators: x.keeper.store.allValidators(x.ctxAt()),
      unbondings: x.keeper.store.allUnbondingDelegations(x.ctxAt()),
      redelegations: x.keeper.store.allRedelegations(x.ctxAt()),
    });
    assert.deepEqual(state(u), state(t));
    assert.equal(state(u).unbondings[0]!.entries[0]!.completionTime.nanos, 780_390_177);
  });
});
