// Pools inside the batch auction: offers are monotone in the price, respect the fee (nothing
// inside the fee band around the spot price), and settling an offer, whole or in part,
// never lowers the invariant; settlement moves coins between the pool and the dex escrow.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEC_ONE } from '../../app/dec.js';
import { CodedError } from '../../app/errors.js';
import { baseOffered } from './auction.js';
import { constantProduct } from './constant-product.js';
import type { Curve } from './curve.js';
import { ammFixture, DEX_ACCOUNT, rng, trader } from './fixture.js';
import { divCeil } from './math.js';
import { StableSwap } from './stableswap.js';

const FEES = [0n, (3n * DEC_ONE) / 1000n, DEC_ONE / 100n];
const CURVES: Curve[] = [constantProduct, new StableSwap(10n), new StableSwap(500n)];

/** A price near the pool's spot: spot × (1 ± up to 60%), as a Dec. */
function priceNear(curve: Curve, base: bigint, quote: bigint, factor: number): bigint {
  const spot = curve.spotPrice(base, quote);
  return (spot.num * DEC_ONE * BigInt(Math.round(factor * 1e6))) / (spot.den * 1_000_000n) + 1n;
}

for (const curve of CURVES) {
  const label = curve instanceof StableSwap ? `stableswap A=${curve.amplification}` : 'constant product';
  describe(`auction offers, ${label}`, () => {
    it('are monotone in the price, zero inside the fee band, and signed by side', () => {
      const r = rng(5);
      for (let i = 0; i < 40; i++) {
        const base = r.amount(10n ** 24n) + 10_000n;
        const quote = r.amount(10n ** 24n) + 10_000n;
        const fee = r.pick(FEES);
        let previous: bigint | undefined;
        for (let step = 0; step <= 40; step++) {
          const price = priceNear(curve, base, quote, 0.4 + step * 0.03);
          const offered = baseOffered(curve, base, quote, price, fee);
          if (previous !== undefined) assert.ok(offered >= previous, `${label}: offer fell from ${previous} to ${offered} at ${price}`);
          previous = offered;
          assert.ok(offered < base, 'never more base than the pool holds');
        }
        assert.ok(baseOffered(curve, base, quote, priceNear(curve, base, quote, 0.5), fee) <= 0n, 'buys base below its spot');
        assert.ok(baseOffered(curve, base, quote, priceNear(curve, base, quote, 2), fee) >= 0n, 'sells base above its spot');
        if (fee > 0n) assert.equal(baseOffered(curve, base, quote, priceNear(curve, base, quote, 1), fee), 0n, 'no trade at the spot price when there is a fee');
      }
    });

    it('settles whole and partial offers, the quote rounded for the pool, without lowering the invariant', () => {
      const r = rng(6);
      for (let i = 0; i < 300; i++) {
        const base = r.amount(10n ** 22n) + 1000n;
        const quote = curve instanceof StableSwap ? (base * BigInt(1 + r.int(8))) / BigInt(1 + r.int(8)) + 1000n : r.amount(10n ** 22n) + 1000n;
        const fee = r.pick(FEES);
        const price = priceNear(curve, base, quote, 0.3 + r.next() * 2);
        const offered = baseOffered(curve, base, quote, price, fee);
        const before = curve.invariant(base, quote);
        const check = (baseOut: bigint, quoteIn: bigint, what: string) => {
          const after = curve.invariant(base - baseOut, quote + quoteIn);
          assert.ok(base - baseOut > 0n && quote + quoteIn > 0n && after >= before, `${label} ${what}: ${base}/${quote} at ${price}, ${baseOut} out, ${quoteIn} in`);
        };
        const floor = (d: bigint) => (d * price) / DEC_ONE;
        const ceil = (d: bigint) => divCeil(d * price, DEC_ONE);
        if (offered > 0n) {
          check(offered, ceil(offered), 'whole sale');
          const part = r.amount(offered);
          check(part, ceil(part), 'partial sale');
        } else if (offered < 0n) {
          check(offered, -floor(-offered), 'whole purchase');
          const part = r.amount(-offered);
          check(-part, -floor(part), 'partial purchase');
        }
      }
    });
  });
}

describe('pools in the auction, through the keeper', () => {
  const big = 10n ** 15n;
  const setup = () => {
    const f = ammFixture([[{ denom: 'uatom', amount: big }, { denom: 'uusdc', amount: big }]]);
    f.tx((c) => f.keeper.createPool(c, trader(0), { curve: 'constant_product', amplification: 0n, swapFee: (3n * DEC_ONE) / 1000n, deposit: [{ denom: 'uatom', amount: 1_000_000n }, { denom: 'uusdc', amount: 4_000_000n }] }));
    f.tx((c) => f.keeper.createPool(c, trader(0), { curve: 'stableswap', amplification: 100n, swapFee: DEC_ONE / 1000n, deposit: [{ denom: 'uatom', amount: 1_000_000n }, { denom: 'uusdc', amount: 1_000_000n }] }));
    // The dex's escrow holds what its orders put up.
    f.tx((c) => f.bank.keeper.sendCoinsFromAccountToModule(c, trader(0), DEX_ACCOUNT, [{ denom: 'uatom', amount: 10_000_000n }, { denom: 'uusdc', amount: 10_000_000n }]));
    return f;
  };

  it('lists the pools of a pair by id, from either side, and none for other pairs', () => {
    const f = setup();
    assert.deepEqual(f.keeper.auctionPools(f.ctx, 'uatom', 'uusdc').map((p) => p.id), ['amm/1', 'amm/2']);
    assert.deepEqual(f.keeper.auctionPools(f.ctx, 'uusdc', 'uatom').map((p) => p.id), ['amm/1', 'amm/2']);
    assert.deepEqual(f.keeper.auctionPools(f.ctx, 'uatom', 'ustake'), []);
    assert.deepEqual(f.keeper.auctionPools(f.ctx, 'uatom', 'uatom'), []);
  });

  it('settles a sale and a purchase between the pool and the dex escrow, exactly', () => {
    const f = setup();
    const dex = f.auth.keeper.getModuleAddress(DEX_ACCOUNT)!;
    const [pool] = f.keeper.auctionPools(f.ctx, 'uatom', 'uusdc');
    const price = 5n * DEC_ONE; // above the spot of 4 uusdc per uatom: the pool sells uatom
    const sold = pool!.baseOfferedAt(price);
    assert.ok(sold > 0n);
    const quoteIn = divCeil(sold * price, DEC_ONE);
    const dexBefore = [f.balance(dex, 'uatom'), f.balance(dex, 'uusdc')];
    const result = f.tx((c) => pool!.settle(c, sold, quoteIn, DEX_ACCOUNT));
    assert.ok(!(result instanceof CodedError), String(result));
    assert.deepEqual([f.balance(dex, 'uatom'), f.balance(dex, 'uusdc')], [dexBefore[0]! + sold, dexBefore[1]! - quoteIn]);
    assert.deepEqual(f.keeper.pool(f.ctx, 1n).reserves, [1_000_000n - sold, 4_000_000n + quoteIn]);
    assert.equal(f.brokenInvariant(), undefined);

    const [, stable] = f.keeper.auctionPools(f.ctx, 'uusdc', 'uatom');
    const bought = -stable!.baseOfferedAt((DEC_ONE * 9n) / 10n); // uusdc cheap in uatom: the pool buys uusdc
    assert.ok(bought > 0n);
    const paid = (bought * 9n) / 10n;
    assert.ok(!(f.tx((c) => stable!.settle(c, -bought, -paid, DEX_ACCOUNT)) instanceof CodedError));
    assert.deepEqual(f.keeper.pool(f.ctx, 2n).reserves, [1_000_000n - paid, 1_000_000n + bought]);
    assert.equal(f.brokenInvariant(), undefined);
  });

  it('refuses a settlement that would lower the invariant, changing nothing', () => {
    const f = setup();
    const [pool] = f.keeper.auctionPools(f.ctx, 'uatom', 'uusdc');
    const err = f.tx((c) => pool!.settle(c, 1000n, 1000n, DEX_ACCOUNT));
    assert.ok(err instanceof CodedError && err.codespace === 'amm' && err.code === 10, String(err));
    assert.deepEqual(f.keeper.pool(f.ctx, 1n).reserves, [1_000_000n, 4_000_000n]);
  });
});
