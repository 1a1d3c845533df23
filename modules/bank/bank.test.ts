// x/bank against a fake account keeper: the narrow interface it declares is all it gets.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MsgMultiSend, MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { QueryAllBalancesRequest, QueryAllBalancesResponse, QueryBalanceRequest, QueryBalanceResponse, QueryTotalSupplyResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { bech32Codec } from '../../app/address-codec.js';
import type { Context } from '../../app/context.js';
import { CodedError } from '../../app/errors.js';
import { eventLines, testContext } from '../../app/testing.js';
import type { BankAccountKeeper } from './expects.js';
import { bankModule } from './module.js';
import { STORE_KEY, balanceKey, decodeAmount, encodeAmount, splitBalanceKey, supplyKey } from './keys.js';

const codec = bech32Codec('cosmos');
const addr = (byte: number) => new Uint8Array(20).fill(byte);
const bech32 = (byte: number) => codec.encode(addr(byte));
const MODULE = addr(0xee);

function fakeAccounts(): BankAccountKeeper & { created: string[] } {
  const created: string[] = [];
  const existing = new Set<string>([bech32(1)]);
  return {
    addressCodec: codec,
    created,
    hasAccount: (_ctx, address) => existing.has(codec.encode(address)),
    createAccount: (_ctx, address) => {
      existing.add(codec.encode(address));
      created.push(codec.encode(address));
    },
    getModuleAddress: (name) => (name === 'mint' ? MODULE : undefined),
    getModuleAccount: () => ({ address: MODULE }),
    moduleAccountPermissions: (name) => (name === 'mint' ? ['minter', 'burner'] : undefined),
  };
}

function setup(balances: Array<[number, string, string]> = [[1, 'uatom', '1000']]) {
  const accounts = fakeAccounts();
  const bank = bankModule({ accounts, blockedAddresses: [MODULE] });
  const ctx = testContext({ stores: [STORE_KEY] });
  bank.genesis.init(ctx, bank.genesis.validate({ balances: balances.map(([b, denom, amount]) => ({ address: bech32(b), coins: [{ denom, amount }] })) }));
  return { bank, keeper: bank.keeper, accounts, ctx };
}

const code = (c: number, pattern?: RegExp) => (err: unknown) =>
  err instanceof CodedError && err.code === c && (pattern === undefined || pattern.test(err.message));

function run(bank: ReturnType<typeof setup>['bank'], ctx: Context, typeUrl: string, bytes: Uint8Array) {
  const handler = bank.msgs[typeUrl]!;
  const msg = handler.decode(bytes);
  handler.validate?.(msg);
  return handler.handle(ctx, msg);
}

describe('bank', () => {
  it('keeps balances under 0x02 | len | address | denom as decimal text, and supply under 0x00 | denom', () => {
    const { ctx } = setup();
    const raw = ctx.store.getStore(STORE_KEY);
    assert.deepEqual(balanceKey(addr(1), 'uatom'), Uint8Array.from([0x02, 20, ...addr(1), ...Buffer.from('uatom')]));
    assert.equal(Buffer.from(raw.get(balanceKey(addr(1), 'uatom'))!).toString(), '1000');
    assert.equal(Buffer.from(raw.get(supplyKey('uatom'))!).toString(), '1000');
  });

  it('MsgSend moves coins, creates the recipient account, and emits the SDK events', () => {
    const { bank, keeper, accounts, ctx } = setup();
    run(bank, ctx, '/cosmos.bank.v1beta1.MsgSend', MsgSend.encode({ fromAddress: bech32(1), toAddress: bech32(2), amount: [{ denom: 'uatom', amount: '400' }] }).finish());
    assert.equal(keeper.getBalance(ctx, addr(1), 'uatom'), 600n);
    assert.equal(keeper.getBalance(ctx, addr(2), 'uatom'), 400n);
    assert.deepEqual(accounts.created, [bech32(2)]);
    assert.deepEqual(eventLines(ctx.events), [
      `coin_spent: spender=${bech32(1)}, amount=400uatom`,
      `coin_received: receiver=${bech32(2)}, amount=400uatom`,
      `transfer: recipient=${bech32(2)}, sender=${bech32(1)}, amount=400uatom`,
      `message: sender=${bech32(1)}`,
    ]);
  });

  it('an overspend fails with insufficient funds; an emptied balance is deleted', () => {
    const { bank, keeper, ctx } = setup();
    const send = (amount: string) =>
      run(bank, ctx, '/cosmos.bank.v1beta1.MsgSend', MsgSend.encode({ fromAddress: bech32(1), toAddress: bech32(2), amount: [{ denom: 'uatom', amount }] }).finish());
    assert.throws(() => send('1001'), code(5, /^spendable balance 1000uatom is smaller than 1001uatom: insufficient funds$/));
    send('1000');
    assert.equal(ctx.store.getStore(STORE_KEY).get(balanceKey(addr(1), 'uatom')), undefined);
    assert.deepEqual(keeper.getAllBalances(ctx, addr(1)), []);
  });

  it('refuses module accounts as recipients, invalid coins and disabled denoms', () => {
    const { bank, keeper, ctx } = setup();
    const send = (to: string, amount: Array<{ denom: string; amount: string }>) =>
      run(bank, ctx, '/cosmos.bank.v1beta1.MsgSend', MsgSend.encode({ fromAddress: bech32(1), toAddress: to, amount }).finish());
    assert.throws(() => send(codec.encode(MODULE), [{ denom: 'uatom', amount: '1' }]), code(4, /is not allowed to receive funds/));
    assert.throws(() => send(bech32(2), [{ denom: 'uatom', amount: '0' }]), code(10));
    assert.throws(() => send(bech32(2), []), code(10));
    assert.throws(() => send('cosmos1invalid', [{ denom: 'uatom', amount: '1' }]), code(7, /invalid to address/));
    keeper.setSendEnabled(ctx, 'uatom', false);
    assert.throws(() => send(bech32(2), [{ denom: 'uatom', amount: '1' }]), (err: unknown) => err instanceof CodedError && err.codespace === 'bank' && err.code === 5);
  });

  it('MsgMultiSend needs one input whose coins equal the outputs', () => {
    const { bank, keeper, ctx } = setup();
    const multi = (inputs: Array<[number, string]>, outputs: Array<[number, string]>) =>
      run(
        bank,
        ctx,
        '/cosmos.bank.v1beta1.MsgMultiSend',
        MsgMultiSend.encode({
          inputs: inputs.map(([b, amount]) => ({ address: bech32(b), coins: [{ denom: 'uatom', amount }] })),
          outputs: outputs.map(([b, amount]) => ({ address: bech32(b), coins: [{ denom: 'uatom', amount }] })),
        }).finish(),
      );
    assert.throws(() => multi([], [[2, '1']]), (err: unknown) => err instanceof CodedError && err.codespace === 'bank' && err.code === 2);
    assert.throws(() => multi([[1, '1'], [3, '1']], [[2, '2']]), (err: unknown) => err instanceof CodedError && err.codespace === 'bank' && err.code === 9);
    assert.throws(() => multi([[1, '3']], [[2, '1'], [3, '1']]), (err: unknown) => err instanceof CodedError && err.codespace === 'bank' && err.code === 4);
    multi([[1, '30']], [[2, '10'], [3, '20']]);
    assert.equal(keeper.getBalance(ctx, addr(3), 'uatom'), 20n);
    assert.equal(keeper.getBalance(ctx, addr(1), 'uatom'), 970n);
  });

  it('mints and burns only with the permission, keeping supply equal to the balances', () => {
    const { bank, keeper, ctx } = setup();
    keeper.mintCoins(ctx, 'mint', [{ denom: 'uatom', amount: 500n }]);
    assert.equal(keeper.getSupply(ctx, 'uatom'), 1500n);
    keeper.burnCoins(ctx, 'mint', [{ denom: 'uatom', amount: 200n }]);
    assert.equal(keeper.getSupply(ctx, 'uatom'), 1300n);
    assert.throws(() => keeper.mintCoins(ctx, 'fee_collector', [{ denom: 'uatom', amount: 1n }]), code(4, /does not have permissions to mint/));
    for (const check of Object.values(bank.invariants)) assert.equal(check(ctx), undefined);
  });

  it('checks genesis supply and exports what it imported', () => {
    const { bank, ctx } = setup([[1, 'uatom', '1000'], [2, 'ustake', '5']]);
    assert.throws(() => bank.genesis.validate({ balances: [{ address: bech32(1), coins: [{ denom: 'uatom', amount: '1' }] }], supply: [{ denom: 'uatom', amount: '2' }] }), /genesis supply is incorrect/);
    assert.throws(() => bank.genesis.validate({ balances: [{ address: bech32(1), coins: [] }, { address: bech32(1), coins: [] }] }), /duplicate balance/);
    const exported = bank.genesis.export(ctx) as { supply: unknown };
    assert.deepEqual(exported.supply, [{ denom: 'uatom', amount: '1000' }, { denom: 'ustake', amount: '5' }]);
    assert.equal(bank.genesis.validate(exported).balances.length, 2);
  });

  it('answers Balance (zero for unknown denoms), AllBalances with pagination, TotalSupply', () => {
    const { bank, ctx } = setup([[1, 'aaa', '1']]);
    // Not through genesis, so supply stays 1aaa: TotalSupply reads the supply map, not balances.
    bank.keeper.initBalances(ctx, addr(1), [{ denom: 'bbb', amount: 2n }, { denom: 'ccc', amount: 3n }]);
    const q = (path: string, bytes: Uint8Array) => bank.queries[`/cosmos.bank.v1beta1.Query/${path}`]!(ctx, bytes);
    assert.deepEqual(QueryBalanceResponse.decode(q('Balance', QueryBalanceRequest.encode({ address: bech32(1), denom: 'zzz' }).finish())).balance, { denom: 'zzz', amount: '0' });
    const first = QueryAllBalancesResponse.decode(q('AllBalances', QueryAllBalancesRequest.encode({ address: bech32(1), pagination: { key: new Uint8Array(), offset: 0n, limit: 2n, countTotal: false, reverse: false }, resolveDenom: false }).finish()));
    assert.deepEqual(first.balances.map((c) => c.denom), ['aaa', 'bbb']);
    const second = QueryAllBalancesResponse.decode(q('AllBalances', QueryAllBalancesRequest.encode({ address: bech32(1), pagination: { key: first.pagination!.nextKey, offset: 0n, limit: 2n, countTotal: false, reverse: false }, resolveDenom: false }).finish()));
    assert.deepEqual(second.balances.map((c) => c.denom), ['ccc']);
    assert.equal(second.pagination!.nextKey.length, 0);
    assert.deepEqual(QueryTotalSupplyResponse.decode(q('TotalSupply', new Uint8Array())).supply, [{ denom: 'aaa', amount: '1' }]);
    assert.throws(() => q('Balance', QueryBalanceRequest.encode({ address: bech32(1), denom: '!' }).finish()), code(18));
  });
});

describe('bank store encodings', () => {
  it('balance keys and amounts are the UTF-8 bytes the SDK stores, for ASCII and other text alike', () => {
    for (const denom of ['uatom', 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2', 'é-denom']) {
      const key = balanceKey(addr(3), denom);
      assert.deepEqual(key, Uint8Array.from([0x02, 20, ...addr(3), ...Buffer.from(denom, 'utf8')]));
      assert.deepEqual(splitBalanceKey(key.subarray(1)), { address: addr(3), denom });
    }
    for (const amount of [0n, 1n, 1000n, 2n ** 256n - 1n]) {
      assert.deepEqual(encodeAmount(amount), Uint8Array.from(Buffer.from(amount.toString(), 'utf8')));
      assert.equal(decodeAmount(encodeAmount(amount)), amount);
    }
    // Not digits: rejected as before, whichever decoder reads them (0xa0 is a space in latin1, not in UTF-8).
    assert.throws(() => decodeAmount(Uint8Array.of(0x31, 0xa0)), SyntaxError);
    assert.throws(() => decodeAmount(Buffer.from('12x')), SyntaxError);
  });
});
