// The curves alone, over thousands of generated reserves, amounts and fees: a swap never
// lowers the invariant, rounding always favours the pool, exact-in and exact-out agree,
// stableswap's integer D is exact, and results are deterministic.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEC_ONE } from '../../app/dec.js';
import { constantProduct } from './constant-product.js';
import type { Curve } from './curve.js';
import { rng } from './fixture.js';
import { isqrt, isqrtCeil } from './math.js';
import { StableSwap } from './stableswap.js';

const FEES = [0n, (3n * DEC_ONE) / 1000n, DEC_ONE / 100n, (3n * DEC_ONE) / 10n];
const CURVES: Curve[] = [constantProduct, new StableSwap(1n), new StableSwap(85n), new StableSwap(5000n)];
const CASES = 600;

describe('integer square roots', () => {
  it('are the floor and ceiling of √n', () => {
    const r = rng(1);
    for (let i = 0; i < 2000; i++) {
      const n = r.amount(1n << 200n) - 1n;
      const s = isqrt(n);
      assert.ok(s * s <= n && (s + 1n) * (s + 1n) > n, `isqrt(${n})`);
      const c = isqrtCeil(n);
      assert.ok(c * c >= n && (c === 0n || (c - 1n) * (c - 1n) < n), `isqrtCeil(${n})`);
    }
  });
});

for (const curve of CURVES) {
  const label = curve instanceof StableSwap ? `stableswap A=${curve.amplification}` : 'constant product';
  describe(label, () => {
    it('never lowers the invariant on a swap, and never pays out more than the curve allows', () => {
      const r = rng(42);
      for (let i = 0; i < CASES; i++) {
        const x = r.amount(10n ** 30n) + 1000n;
        const y = curve instanceof StableSwap ? (x * BigInt(1 + r.int(50))) / BigInt(1 + r.int(50)) + 1000n : r.amount(10n ** 30n) + 1000n;
        const fee = r.pick(FEES);
        const amountIn = r.amount(x * 3n);
        const out = curve.outGivenIn(x, y, amountIn, fee);
        assert.ok(out >= 0n && out < y, `${label}: ${amountIn} into ${x}/${y} paid ${out}`);
        assert.ok(curve.holds([x, y], [x + amountIn, y - out]), `${label}: invariant fell swapping ${amountIn} into ${x}/${y}`);
        assert.ok(curve.invariant(x + amountIn, y - out) >= curve.invariant(x, y));
        // The fee only ever lowers the output.
        assert.ok(out <= curve.outGivenIn(x, y, amountIn, 0n));
        // More in never buys less.
        assert.ok(curve.outGivenIn(x, y, amountIn + 1n, fee) >= out);
      }
    });

    it('prices exact-out consistently with exact-in, rounded up', () => {
      const r = rng(7);
      for (let i = 0; i < CASES; i++) {
        const x = r.amount(10n ** 24n) + 10_000n;
        const y = curve instanceof StableSwap ? (x * BigInt(1 + r.int(20))) / BigInt(1 + r.int(20)) + 10_000n : r.amount(10n ** 24n) + 10_000n;
        const fee = r.pick(FEES);
        const want = r.amount(y - 1n);
        const amountIn = curve.inGivenOut(x, y, want, fee);
        assert.ok(amountIn > 0n);
        assert.ok(curve.outGivenIn(x, y, amountIn, fee) >= want, `${label}: paying ${amountIn} for ${want} out of ${x}/${y}`);
        assert.ok(curve.holds([x, y], [x + amountIn, y - want]));
      }
    });

    it('walks down its curve to a price monotonically', () => {
      const r = rng(9);
      for (let i = 0; i < 60; i++) {
        const x = r.amount(10n ** 20n) + 10_000n;
        const y = r.amount(10n ** 20n) + 10_000n;
        let previous = x;
        for (let step = 1; step <= 12; step++) {
          const spot = curve.spotPrice(x, y);
          const at = curve.reserveAtPrice(x, y, { num: spot.num * BigInt(100 + step * step * 10), den: spot.den * 100n });
          assert.ok(at <= previous && at >= 1n, `${label}: reserveAtPrice not monotone at ${x}/${y}`);
          previous = at;
        }
      }
    });
  });
}

describe('stableswap', () => {
  it('computes D exactly: the largest integer with G(x, y, D) ≥ 0, even far from balance', () => {
    const r = rng(3);
    for (const curve of [new StableSwap(1n), new StableSwap(100n), new StableSwap(1_000_000n)]) {
      for (let i = 0; i < 300; i++) {
        const x = r.amount(10n ** 36n);
        const y = r.amount(10n ** 36n);
        const d = curve.invariant(x, y);
        assert.ok(curve.g(x, y, d) >= 0n && curve.g(x, y, d + 1n) < 0n, `D(${x}, ${y}) = ${d}`);
        assert.ok(d <= x + y, 'D never exceeds the sum of the reserves');
      }
    }
  });

  it('is D = x + y at balance and trades near 1:1 there', () => {
    const curve = new StableSwap(100n);
    assert.equal(curve.invariant(10n ** 12n, 10n ** 12n), 2n * 10n ** 12n);
    const out = curve.outGivenIn(10n ** 12n, 10n ** 12n, 10n ** 9n, 0n);
    assert.ok(out > 999_000_000n && out < 10n ** 9n, `1e9 in at balance gave ${out}`);
    assert.ok(out > constantProduct.outGivenIn(10n ** 12n, 10n ** 12n, 10n ** 9n, 0n), 'flatter than x·y = k near the peg');
  });

  it('refuses amplifications out of range', () => {
    assert.throws(() => new StableSwap(0n), RangeError);
    assert.throws(() => new StableSwap(1_000_001n), RangeError);
  });

  it('gives the same answers on every run (no floats, no state)', () => {
    const a = new StableSwap(200n);
    const b = new StableSwap(200n);
    const r = rng(11);
    for (let i = 0; i < 200; i++) {
      const x = r.amount(10n ** 27n);
      const y = r.amount(10n ** 27n);
      const amount = r.amount(10n ** 27n);
      assert.equal(a.outGivenIn(x, y, amount, 0n), b.outGivenIn(x, y, amount, 0n));
      assert.deepEqual(a.spotPrice(x, y), b.spotPrice(x, y));
    }
  });
});

describe('constant product', () => {
  it('matches Uniswap v2 getAmountOut / getAmountIn with a 0.3% fee', () => {
    const fee = (3n * DEC_ONE) / 1000n;
    // getAmountOut: in·997·y / (x·1000 + in·997); getAmountIn: x·out·1000 / ((y − out)·997) + 1
    for (const [x, y, amountIn] of [[1_000_000n, 2_000_000n, 10_000n], [5n * 10n ** 18n, 10n ** 22n, 3n * 10n ** 17n]] as const) {
      assert.equal(constantProduct.outGivenIn(x, y, amountIn, fee), (amountIn * 997n * y) / (x * 1000n + amountIn * 997n));
      const out = amountIn;
      const uni = (x * out * 1000n) / ((y - out) * 997n) + 1n;
      const ours = constantProduct.inGivenOut(x, y, out, fee);
      assert.ok(ours === uni || ours === uni - 1n, `ours ${ours}, Uniswap ${uni} (it always adds 1; we round up exactly)`);
    }
  });
});
