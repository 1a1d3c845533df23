import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BaseAccount, ModuleAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { QueryAccountRequest, QueryAccountResponse, QueryParamsResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { Any } from 'cosmjs-types/google/protobuf/any';
import { CodedError } from '../../app/errors.js';
import { testContext } from '../../app/testing.js';
import { toBech32Address } from '../../app/tx/address.js';
import { authModule } from './module.js';
import { accountKey, moduleAddress, STORE_KEY } from './keys.js';

const addr = (byte: number) => new Uint8Array(20).fill(byte);
const bech32 = (byte: number) => toBech32Address('cosmos', addr(byte));

function setup() {
  const auth = authModule({ moduleAccounts: { minter_module: ['minter'] } });
  return { auth, keeper: auth.keeper, ctx: testContext({ stores: [STORE_KEY] }) };
}

describe('auth keeper', () => {
  it('numbers new accounts in order and stores them as a BaseAccount Any at 0x01 | address', () => {
    const { keeper, ctx } = setup();
    assert.equal(keeper.createAccount(ctx, addr(1)).accountNumber, 0n);
    assert.equal(keeper.createAccount(ctx, addr(2)).accountNumber, 1n);
    const raw = ctx.store.getStore(STORE_KEY).get(accountKey(addr(2)))!;
    const any = Any.decode(raw);
    assert.equal(any.typeUrl, '/cosmos.auth.v1beta1.BaseAccount');
    assert.deepEqual(BaseAccount.decode(any.value), { address: bech32(2), pubKey: undefined, accountNumber: 1n, sequence: 0n });
  });

  it('sets the key once and moves the sequence', () => {
    const { keeper, ctx } = setup();
    keeper.createAccount(ctx, addr(1));
    const key = new Uint8Array(33).fill(2);
    keeper.setPubKey(ctx, addr(1), key);
    keeper.setSequence(ctx, addr(1), 5n);
    const account = keeper.getAccount(ctx, addr(1))!;
    assert.deepEqual(account.pubKey, key);
    assert.equal(account.sequence, 5n);
    assert.throws(() => keeper.setSequence(ctx, addr(9), 1n), (err: unknown) => err instanceof CodedError && err.code === 9);
  });

  it('reads each branch its own version of an account, whatever it decoded before', () => {
    const { keeper, ctx } = setup();
    keeper.createAccount(ctx, addr(1));
    const branches = [0, 1, 2, 3, 4].map(() => ctx.with(ctx.store.branch()));
    branches.forEach((b, i) => keeper.setSequence(b, addr(1), BigInt(10 + i)));
    for (let round = 0; round < 2; round++) {
      branches.forEach((b, i) => assert.equal(keeper.getAccount(b, addr(1))!.sequence, BigInt(10 + i)));
      assert.equal(keeper.getAccount(ctx, addr(1))!.sequence, 0n);
    }
    // Bytes written behind the keeper's back are decoded afresh.
    const raw = ctx.store.getStore(STORE_KEY);
    raw.set(accountKey(addr(1)), Any.encode({ typeUrl: '/cosmos.auth.v1beta1.BaseAccount', value: BaseAccount.encode({ address: bech32(1), accountNumber: 0n, sequence: 77n }).finish() }).finish());
    assert.equal(keeper.getAccount(ctx, addr(1))!.sequence, 77n);
    assert.equal(keeper.getAccount(branches[2]!, addr(1))!.sequence, 12n);
    // What the keeper hands out cannot be changed under it.
    const account = keeper.getAccount(ctx, addr(1))!;
    assert.throws(() => ((account as { sequence: bigint }).sequence = 1n), TypeError);
  });

  it('creates module accounts on first use at sha256(name)[:20]', () => {
    const { keeper, ctx } = setup();
    const feeCollector = keeper.getModuleAccount(ctx, 'fee_collector');
    assert.deepEqual(feeCollector.address, moduleAddress('fee_collector'));
    assert.equal(toBech32Address('cosmos', feeCollector.address), 'cosmos17xpfvakm2amg962yls6f84z3kell8c5lserqta');
    const any = Any.decode(ctx.store.getStore(STORE_KEY).get(accountKey(feeCollector.address))!);
    assert.equal(any.typeUrl, '/cosmos.auth.v1beta1.ModuleAccount');
    assert.equal(ModuleAccount.decode(any.value).name, 'fee_collector');
    assert.deepEqual(keeper.getModuleAccount(ctx, 'minter_module').module?.permissions, ['minter']);
    assert.equal(keeper.getModuleAccount(ctx, 'fee_collector').accountNumber, feeCollector.accountNumber);
  });

  it('inits genesis in account-number order, moves the global number past them, and exports it back', () => {
    const { auth, keeper, ctx } = setup();
    const state = auth.genesis.validate({
      accounts: [
        { '@type': '/cosmos.auth.v1beta1.BaseAccount', address: bech32(2), pub_key: null, account_number: '4', sequence: '2' },
        { '@type': '/cosmos.auth.v1beta1.BaseAccount', address: bech32(1), account_number: '1', sequence: '0' },
      ],
    });
    auth.genesis.init(ctx, state);
    assert.equal(keeper.getAccount(ctx, addr(2))!.sequence, 2n);
    // fee_collector takes the next number after the largest genesis account.
    assert.equal(keeper.getModuleAccount(ctx, 'fee_collector').accountNumber, 5n);
    const exported = auth.genesis.export(ctx) as { accounts: Array<{ address?: string }>; params: unknown };
    assert.equal(exported.accounts.length, 3);
    assert.deepEqual(auth.genesis.validate(exported).accounts.length, 3);
    assert.throws(() => auth.genesis.validate({ accounts: [{ '@type': '/cosmos.auth.v1beta1.BaseAccount', address: bech32(1) }, { '@type': '/cosmos.auth.v1beta1.BaseAccount', address: bech32(1) }] }), /duplicate account/);
    assert.throws(() => auth.genesis.validate({ params: { max_memo_characters: '0', tx_sig_limit: '7', tx_size_cost_per_byte: '10', sig_verify_cost_ed25519: '590', sig_verify_cost_secp256k1: '1000' } }), /positive integer/);
  });

  it('answers Account and Params as cosmjs expects, NotFound in the gRPC wording', () => {
    const { auth, keeper, ctx } = setup();
    keeper.createAccount(ctx, addr(1));
    const account = auth.queries['/cosmos.auth.v1beta1.Query/Account']!;
    const found = QueryAccountResponse.decode(account(ctx, QueryAccountRequest.encode({ address: bech32(1) }).finish()));
    assert.equal(found.account?.typeUrl, '/cosmos.auth.v1beta1.BaseAccount');
    assert.throws(
      () => account(ctx, QueryAccountRequest.encode({ address: bech32(3) }).finish()),
      (err: unknown) => err instanceof CodedError && err.code === 22 && err.message === `rpc error: code = NotFound desc = account ${bech32(3)} not found: key not found`,
    );
    assert.throws(() => account(ctx, QueryAccountRequest.encode({ address: 'osmo1xyz' }).finish()), (err: unknown) => err instanceof CodedError && err.code === 7);
    const params = QueryParamsResponse.decode(auth.queries['/cosmos.auth.v1beta1.Query/Params']!(ctx, new Uint8Array())).params;
    assert.deepEqual(params, { maxMemoCharacters: 256n, txSigLimit: 7n, txSizeCostPerByte: 10n, sigVerifyCostEd25519: 590n, sigVerifyCostSecp256k1: 1000n });
  });
});
