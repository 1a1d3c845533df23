// DecCoins arithmetic: the SDK's rounding directions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDec } from '../../app/dec.js';
import { decCoinsToString, formatFixed, mulDecRound, mulDecTruncate, parseFixed, subDecCoins, truncateDecCoins } from './dec-coins.js';

const c = (amount: bigint, denom = 'uatom') => ({ denom, amount });

describe('DecCoins', () => {
  it('MulDec rounds half to even, MulDecTruncate truncates, zeros are dropped', () => {
    const tenth = parseDec('0.1');
    // 5, 15, 25 (× 10^-18) times 0.1: 0.5 → 0, 1.5 → 2, 2.5 → 2; 2.6 → 3.
    assert.deepEqual(mulDecRound([c(5n)], tenth), []);
    assert.deepEqual(mulDecRound([c(15n)], tenth), [c(2n)]);
    assert.deepEqual(mulDecRound([c(25n)], tenth), [c(2n)]);
    assert.deepEqual(mulDecRound([c(26n)], tenth), [c(3n)]);
    assert.deepEqual(mulDecTruncate([c(29n)], tenth), [c(2n)]);
  });

  it('truncates to whole coins and keeps the change; refuses to go negative', () => {
    assert.deepEqual(truncateDecCoins([c(2_500000000000000000n), c(700000000000000000n, 'ustake')]), {
      whole: [c(2n)],
      change: [c(500000000000000000n), c(700000000000000000n, 'ustake')],
    });
    assert.equal(decCoinsToString([c(2_500000000000000000n)]), '2.500000000000000000uatom');
    assert.throws(() => subDecCoins([c(1n)], [c(2n)]), /is negative in uatom/);
  });

  it('reads and writes fixed-point text at any precision', () => {
    assert.equal(parseFixed('1.5', 36), 15n * 10n ** 35n);
    assert.equal(formatFixed(15n * 10n ** 35n, 36), `1.5${'0'.repeat(35)}`);
    assert.throws(() => parseFixed('-1', 18), /invalid decimal/);
  });
});
