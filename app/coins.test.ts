import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addCoins,
  coinsFromProto,
  coinsToString,
  isAllGTE,
  isAnyGTE,
  normalizeCoins,
  parseDecCoins,
  requiredFee,
  subCoins,
} from './coins.js';
import { CodedError } from './errors.js';

const invalid = (fn: () => unknown, pattern: RegExp) =>
  assert.throws(fn, (err: unknown) => err instanceof CodedError && err.code === 10 && pattern.test(err.message));

describe('coins', () => {
  it('accepts sorted, unique, positive coins with SDK denoms', () => {
    const coins = coinsFromProto([{ denom: 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2', amount: '1' }, { denom: 'uatom', amount: '10' }]);
    assert.equal(coins[1]!.amount, 10n);
    assert.equal(coinsToString(coins), '1ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2,10uatom');
  });

  it('rejects bad denoms, unsorted or duplicate lists, zero and malformed amounts', () => {
    invalid(() => coinsFromProto([{ denom: 'a', amount: '1' }]), /invalid denom: a/);
    invalid(() => coinsFromProto([{ denom: '1atom', amount: '1' }]), /invalid denom/);
    invalid(() => coinsFromProto([{ denom: 'uatom', amount: '1' }, { denom: 'stake', amount: '1' }]), /not sorted/);
    invalid(() => coinsFromProto([{ denom: 'uatom', amount: '1' }, { denom: 'uatom', amount: '2' }]), /duplicate denomination uatom/);
    invalid(() => coinsFromProto([{ denom: 'uatom', amount: '0' }]), /0uatom amount is not positive/);
    invalid(() => coinsFromProto([{ denom: 'uatom', amount: '-1' }]), /invalid amount/);
    invalid(() => coinsFromProto([{ denom: 'uatom', amount: '1.5' }]), /invalid amount/);
    invalid(() => coinsFromProto([{ denom: 'uatom', amount: (1n << 256n).toString() }]), /larger than the maximum/);
  });

  it('adds, subtracts and compares exactly, in bigint', () => {
    const a = normalizeCoins([{ denom: 'uatom', amount: 5n }, { denom: 'stake', amount: 2n }, { denom: 'uatom', amount: 5n }]);
    assert.equal(coinsToString(a), '2stake,10uatom');
    assert.equal(coinsToString(addCoins(a, [{ denom: 'uatom', amount: 2n ** 200n }])), `2stake,${2n ** 200n + 10n}uatom`);
    assert.equal(coinsToString(subCoins(a, [{ denom: 'stake', amount: 2n }])!), '10uatom');
    assert.equal(subCoins(a, [{ denom: 'stake', amount: 3n }]), undefined);
    assert.ok(isAllGTE(a, [{ denom: 'uatom', amount: 10n }]));
    assert.ok(!isAllGTE(a, [{ denom: 'uatom', amount: 10n }, { denom: 'uosmo', amount: 1n }]));
    assert.ok(isAnyGTE(a, [{ denom: 'uatom', amount: 10n }, { denom: 'uosmo', amount: 1n }]));
    assert.ok(!isAnyGTE(a, []));
  });

  it('parses minimum gas prices and rounds the required fee up', () => {
    const prices = parseDecCoins('0.025uatom, 1stake,0ufree');
    assert.deepEqual(prices.map((p) => p.denom), ['stake', 'uatom']);
    assert.equal(coinsToString(requiredFee(prices, 200_000n)), '200000stake,5000uatom');
    assert.equal(coinsToString(requiredFee(parseDecCoins('0.0000001uatom'), 3n)), '1uatom');
    assert.deepEqual(parseDecCoins(''), []);
    invalid(() => parseDecCoins('0.025'), /invalid decimal coin/);
    invalid(() => parseDecCoins('1uatom,2uatom'), /duplicate/);
  });
});
