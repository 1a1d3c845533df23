// Property tests of the bonding curve over thousands of generated cases (seeded, so every run
// checks the same ones): integer roots are exact, splitting a stake never pays, the curve is
// monotone and concave in the total x-stake, and buying then selling never returns more.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  buy,
  curveParamsProblem,
  initialSupply,
  reserveFor,
  rootCeil,
  rootFloor,
  sell,
  supplyFor,
  type CurveParams,
} from './curve.js';

/** mulberry32: a small deterministic PRNG. */
function rng(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  /** A bigint in [1, 2^bits], log-uniform so tiny and huge values are both common. */
  const amount = (bits: number): bigint => {
    const b = 1 + int(bits);
    let v = 0n;
    for (let i = 0; i < b; i += 16) v = (v << 16n) | BigInt(int(0x10000));
    return (v % (1n << BigInt(b))) + 1n;
  };
  return { next, int, amount };
}

type Rng = ReturnType<typeof rng>;

function randomCurve(r: Rng): CurveParams {
  const ratioDen = BigInt(1 + r.int(6));
  const ratioNum = BigInt(1 + r.int(Number(ratioDen)));
  const c = { ratioNum, ratioDen, virtualReserve: r.amount(50), virtualSupply: r.amount(50) };
  assert.equal(curveParamsProblem(c), undefined);
  return c;
}

const CASES = 3000;

describe('xstaking curve', () => {
  it('integer roots are the exact floor and ceiling', () => {
    const r = rng(1);
    for (let i = 0; i < CASES; i++) {
      const n = r.amount(200) - 1n;
      const k = BigInt(1 + r.int(12));
      const f = rootFloor(n, k);
      assert.ok(f ** k <= n && (f + 1n) ** k > n, `⌊${n}^(1/${k})⌋ = ${f}`);
      const c = rootCeil(n, k);
      assert.ok(c ** k >= n && (c === 0n || (c - 1n) ** k < n), `⌈${n}^(1/${k})⌉ = ${c}`);
    }
  });

  it('reserveFor and supplyFor are the exact roundings of the Bancor formulas, each the other’s inverse', () => {
    const r = rng(2);
    for (let i = 0; i < CASES; i++) {
      const c = randomCurve(r);
      const S = c.virtualSupply + r.amount(60) - 1n;
      const R = reserveFor(c, S);
      // The least reserve that backs S: one less does not.
      assert.ok(supplyFor(c, R) >= S);
      assert.ok(R === 0n || supplyFor(c, R - 1n) < S);
      // Close to the real-valued formula (a sanity check on the algebra; floats only in the test).
      const real = Number(c.virtualReserve) * (Number(S) / Number(c.virtualSupply)) ** (Number(c.ratioDen) / Number(c.ratioNum));
      assert.ok(Math.abs(Number(R) - real) <= 1 + real * 1e-9, `reserveFor ${R} vs ${real}`);
    }
    const c = { ratioNum: 1n, ratioDen: 2n, virtualReserve: 1000n, virtualSupply: 1000n };
    assert.equal(reserveFor(c, initialSupply(c)), c.virtualReserve);
  });

  it('(a) splitting one stake into many never yields more BAR than staking at once', () => {
    const r = rng(3);
    for (let i = 0; i < CASES; i++) {
      const c = randomCurve(r);
      const start = c.virtualSupply + r.amount(50) - 1n;
      const parts = Array.from({ length: 2 + r.int(8) }, () => r.amount(48));
      let supply = start;
      for (const paid of parts) supply += buy(c, supply, paid);
      const total = parts.reduce((a, b) => a + b, 0n);
      const once = buy(c, start, total);
      assert.ok(supply - start <= once, `split ${supply - start} > once ${once}`);
    }
  });

  it('(b) BAR for a total x-stake is monotone, concave up to one unit of rounding, and sublinear', () => {
    const r = rng(4);
    for (let i = 0; i < CASES; i++) {
      const c = randomCurve(r);
      const S0 = initialSupply(c);
      const t1 = r.amount(48) - 1n;
      const d = r.amount(48);
      const [m1, m2, m3] = [t1, t1 + d, t1 + 2n * d].map((t) => buy(c, S0, t)) as [bigint, bigint, bigint];
      assert.ok(m1 <= m2 && m2 <= m3, `not monotone: ${m1} ${m2} ${m3}`);
      // The real curve is concave; each floor moves a value by less than one unit.
      assert.ok(m2 - m1 >= m3 - m2 - 1n, `not concave: ${m2 - m1} < ${m3 - m2}`);
      // Two equal stakes one after the other: the second buys no more than the first (up to the
      // same unit of rounding), since together they buy no more than the whole at once.
      const first = buy(c, S0, d);
      const second = buy(c, S0 + first, d);
      assert.ok(second <= first + 1n, `the later stake bought more: ${second} > ${first}`);
      assert.ok(first + second <= buy(c, S0, 2n * d));
    }
  });

  it('(c) buying then selling never returns more than was put in', () => {
    const r = rng(5);
    for (let i = 0; i < CASES; i++) {
      const c = randomCurve(r);
      const supply = c.virtualSupply + r.amount(50) - 1n;
      const paid = r.amount(50);
      const minted = buy(c, supply, paid);
      const back = sell(c, supply + minted, minted);
      assert.ok(back <= paid, `paid ${paid}, got back ${back}`);
      // And a partial sale returns no more than its share either.
      const part = minted === 0n ? 0n : r.amount(50) % (minted + 1n);
      assert.ok(sell(c, supply + minted, part) <= back);
    }
  });

  it('a sequence of buys and sells keeps every sale covered by the reserve received', () => {
    const r = rng(6);
    for (let run = 0; run < 200; run++) {
      const c = randomCurve(r);
      let supply = initialSupply(c);
      let received = c.virtualReserve;
      for (let op = 0; op < 30; op++) {
        if (r.int(2) === 0 || supply === c.virtualSupply) {
          const paid = r.amount(40);
          supply += buy(c, supply, paid);
          received += paid;
        } else {
          const sold = r.amount(60) % (supply - c.virtualSupply + 1n);
          received -= sell(c, supply, sold);
          supply -= sold;
        }
        assert.ok(received >= reserveFor(c, supply), 'reserve no longer backs the supply');
      }
    }
  });

  it('the README worked example: F = 1/2, R0 = S0 = 1000·10^6, three stakes of 1000·10^6', () => {
    const c = { ratioNum: 1n, ratioDen: 2n, virtualReserve: 1_000_000_000n, virtualSupply: 1_000_000_000n };
    let supply = initialSupply(c);
    const minted = [1, 2, 3].map(() => {
      const m = buy(c, supply, 1_000_000_000n);
      supply += m;
      return m;
    });
    assert.deepEqual(minted, [414_213_562n, 317_837_245n, 267_949_192n]);
    assert.equal(buy(c, initialSupply(c), 3_000_000_000n), 1_000_000_000n);
    // The curve has risen since the first stake, so its BAR sells for more PHOTON than it cost;
    // the last stake's BAR sells back at its cost less the zone's rounding dust.
    assert.equal(sell(c, supply, minted[0]!), 1_485_281_373n);
    assert.equal(sell(c, supply, minted[2]!), 999_999_998n);
  });

  it('refuses parameters it cannot compute with', () => {
    const base = { ratioNum: 1n, ratioDen: 2n, virtualReserve: 1n, virtualSupply: 1n };
    assert.match(curveParamsProblem({ ...base, ratioNum: 3n })!, /at most 1/);
    assert.match(curveParamsProblem({ ...base, ratioDen: 13n })!, /at most 12/);
    assert.match(curveParamsProblem({ ...base, ratioNum: 0n })!, /positive/);
    assert.match(curveParamsProblem({ ...base, virtualSupply: 0n })!, /virtual supply/);
    assert.throws(() => sell(base, 1n, 1n), /more than the curve minted/);
  });
});
