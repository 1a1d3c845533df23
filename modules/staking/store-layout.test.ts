// The staking store's bytes and its gas, pinned: a scripted history that reaches every record
// and index (validators by operator, consensus address and power, the last set, delegations,
// unbondings, redelegations, the three maturity queues, historical info, params) ends in a
// digest of every stored key and value and a total of the gas every access charged. A change
// to either is a consensus break: a key written differently, or one more read or write.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import {
  QueryDelegatorDelegationsRequest,
  QueryDelegatorUnbondingDelegationsRequest,
  QueryRedelegationsRequest,
  QueryValidatorDelegationsRequest,
  QueryValidatorsRequest,
  QueryValidatorUnbondingDelegationsRequest,
} from 'cosmjs-types/cosmos/staking/v1beta1/query';
import { MsgBeginRedelegate, MsgCancelUnbondingDelegation, MsgCreateValidator, MsgDelegate, MsgUndelegate } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import { Context } from '../../app/context.js';
import { parseDec } from '../../app/dec.js';
import { EventManager } from '../../app/events.js';
import { GasMeter } from '../../app/store/index.js';
import { memoryStore } from '../../app/testing.js';
import { authModule } from '../auth/index.js';
import { bankModule } from '../bank/index.js';
import { STAKING_MODULE_ACCOUNTS, stakingModule } from './module.js';

const DENOM = 'stake';
const M = 1_000_000n;

/** sha256 over every (key, value) of the staking store after each block, chained; measured before collections. */
const PINNED_DIGEST = 'd9bc8c97a867a4f70b5dec1bb2e849fcc580bb1dbecaf5781c9a23b3f40bcf56';
const PINNED_GAS = 2_433_789;

function history(): { digest: string; gas: number; entries: number } {
  const auth = authModule({ moduleAccounts: { ...STAKING_MODULE_ACCOUNTS } });
  const bank = bankModule({ accounts: auth.keeper, blockedAddresses: auth.keeper.moduleAccountAddresses() });
  const staking = stakingModule({ accounts: auth.keeper, bank: bank.keeper, bech32Prefix: 'cosmos' });
  const keeper = staking.keeper;
  const store = memoryStore(['acc', 'bank', 'staking', 'auth']);
  const codec = auth.keeper.addressCodec;
  const accounts = [1, 2, 3, 4, 5, 6, 7].map((b) => codec.encode(new Uint8Array(20).fill(b)));
  // One meter for the whole history, so every store access of every phase is counted.
  const meter = new GasMeter();
  let height = 1n;
  let seconds = 1_000_000n;
  // Nanoseconds near the top of the range reach the queue's end-bound carry into seconds.
  let nanos = 999_999_998;
  const ctxAt = () => new Context(store, { chainId: 'test', height, time: { seconds, nanos } }, meter, new EventManager(), 'finalize');
  const genesis = ctxAt();
  auth.genesis.init(genesis, auth.genesis.validate({ accounts: accounts.map((address, i) => ({ '@type': '/cosmos.auth.v1beta1.BaseAccount', address, account_number: String(i), sequence: '0' })) }));
  bank.genesis.init(genesis, bank.genesis.validate({ balances: accounts.map((address) => ({ address, coins: [{ denom: DENOM, amount: String(100n * M) }] })) }));
  staking.genesis.init(genesis, staking.genesis.validate({ params: { unbonding_time: '20s', max_validators: 3, historical_entries: 4 } }));

  const run = (typeUrl: string, bytes: Uint8Array) => {
    const handler = staking.msgs[typeUrl]!;
    const msg = handler.decode(bytes);
    handler.validate?.(msg);
    const branch = store.branch();
    try {
      handler.handle(ctxAt().with(branch), msg);
      branch.write();
    } catch {
      // A refused message writes nothing, but what it read is still charged.
    }
  };
  const query = (path: string, bytes: Uint8Array) => staking.queries![path]!(ctxAt(), bytes);
  let digest = createHash('sha256');
  let entries = 0;
  const endBlock = (dt = 5n, dn = 0) => {
    staking.endBlock!(ctxAt());
    const state = createHash('sha256').update(digest.digest());
    entries = 0;
    for (const [key, value] of store.getStore('staking').iterator()) {
      state.update(Uint8Array.of(key.length)).update(key).update(Buffer.from(String(value.length))).update(value);
      entries++;
    }
    digest = state;
    height += 1n;
    seconds += dt;
    nanos = (nanos + dn) % 1_000_000_000;
    staking.beginBlock!(ctxAt());
  };

  const valoper = (i: number) => keeper.valoperOf(accounts[i]!);
  const create = (i: number, amount: bigint) =>
    run(
      '/cosmos.staking.v1beta1.MsgCreateValidator',
      MsgCreateValidator.encode(
        MsgCreateValidator.fromPartial({
          description: { moniker: `v${i}` },
          commission: { rate: parseDec('0.1').toString(), maxRate: parseDec('0.2').toString(), maxChangeRate: parseDec('0.01').toString() },
          minSelfDelegation: '1',
          validatorAddress: valoper(i),
          pubkey: { typeUrl: '/cosmos.crypto.ed25519.PubKey', value: Ed25519PubKey.encode({ key: new Uint8Array(32).fill(0xa0 + i) }).finish() },
          value: { denom: DENOM, amount: amount.toString() },
        }),
      ).finish(),
    );
  const coin = (amount: bigint) => ({ denom: DENOM, amount: amount.toString() });
  const delegate = (d: number, v: number, amount: bigint) =>
    run('/cosmos.staking.v1beta1.MsgDelegate', MsgDelegate.encode({ delegatorAddress: accounts[d]!, validatorAddress: valoper(v), amount: coin(amount) }).finish());
  const undelegate = (d: number, v: number, amount: bigint) =>
    run('/cosmos.staking.v1beta1.MsgUndelegate', MsgUndelegate.encode({ delegatorAddress: accounts[d]!, validatorAddress: valoper(v), amount: coin(amount) }).finish());
  const redelegate = (d: number, src: number, dst: number, amount: bigint) =>
    run(
      '/cosmos.staking.v1beta1.MsgBeginRedelegate',
      MsgBeginRedelegate.encode({ delegatorAddress: accounts[d]!, validatorSrcAddress: valoper(src), validatorDstAddress: valoper(dst), amount: coin(amount) }).finish(),
    );

  create(0, 10n * M);
  create(1, 8n * M);
  create(2, 6n * M);
  endBlock(5n, 1);
  delegate(3, 0, 3n * M);
  delegate(3, 1, 2n * M);
  delegate(4, 1, 1n * M);
  create(5, 7n * M); // pushes validator 2 out: it starts unbonding and joins the validator queue
  endBlock(5n, 1);
  undelegate(3, 0, 1n * M);
  undelegate(3, 0, 1n); // a second entry in the same slot
  redelegate(3, 1, 0, 1n * M);
  redelegate(4, 1, 5, 500_000n);
  redelegate(3, 0, 1, 1n); // transitive: refused
  undelegate(4, 2, 1n); // no delegation: refused
  endBlock(3n, 7);
  const ubdHeight = height - 1n;
  delegate(4, 2, 9n * M); // validator 2 bonds again before it matured: leaves the queue
  run(
    '/cosmos.staking.v1beta1.MsgCancelUnbondingDelegation',
    MsgCancelUnbondingDelegation.encode({ delegatorAddress: accounts[3]!, validatorAddress: valoper(0), amount: coin(400_000n), creationHeight: ubdHeight }).finish(),
  );
  endBlock(4n, 0);
  const v1 = keeper.validatorByOperator(ctxAt(), valoper(1))!;
  keeper.slash(ctxAt(), v1.consAddress, height - 3n, 10n, parseDec('0.05'));
  keeper.jail(ctxAt(), v1.consAddress);
  endBlock(6n, 0);
  query('/cosmos.staking.v1beta1.Query/Validators', QueryValidatorsRequest.encode({ status: '' }).finish());
  query('/cosmos.staking.v1beta1.Query/DelegatorDelegations', QueryDelegatorDelegationsRequest.encode({ delegatorAddr: accounts[3]! }).finish());
  query('/cosmos.staking.v1beta1.Query/ValidatorDelegations', QueryValidatorDelegationsRequest.encode({ validatorAddr: valoper(1) }).finish());
  query('/cosmos.staking.v1beta1.Query/ValidatorUnbondingDelegations', QueryValidatorUnbondingDelegationsRequest.encode({ validatorAddr: valoper(0) }).finish());
  query('/cosmos.staking.v1beta1.Query/DelegatorUnbondingDelegations', QueryDelegatorUnbondingDelegationsRequest.encode({ delegatorAddr: accounts[3]! }).finish());
  query('/cosmos.staking.v1beta1.Query/Redelegations', QueryRedelegationsRequest.encode({ delegatorAddr: accounts[3]!, srcValidatorAddr: '', dstValidatorAddr: '' }).finish());
  for (let i = 0; i < 6; i++) endBlock(5n, 1); // past every completion time: the queues drain
  keeper.unjail(ctxAt(), v1.consAddress);
  endBlock(5n, 0);
  undelegate(5, 5, 7n * M); // the whole self-delegation: the delegation goes
  create(6, 1n * M); // too small for the set: unbonded from the start
  endBlock(5n, 0);
  undelegate(6, 6, 1n * M); // no shares left on an unbonded validator: it is removed
  endBlock(25n, 0);
  endBlock(25n, 0);
  staking.genesis!.export(ctxAt());
  return { digest: digest.digest('hex'), gas: meter.consumed, entries };
}

describe('staking store layout', () => {
  it('writes the pinned bytes and charges the pinned gas', () => {
    const { digest, gas, entries } = history();
    assert.ok(entries > 20);
    assert.equal(digest, PINNED_DIGEST);
    assert.equal(gas, PINNED_GAS);
  });
});
