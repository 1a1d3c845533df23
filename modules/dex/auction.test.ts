// The batch auction on worked examples: the README's example fill for fill, the tie-breaks,
// IOC and expiry refunds, cancels, the errors a client sees, and a pool inside the auction.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bech32Codec } from '../../app/address-codec.js';
import { FEE_COLLECTOR_NAME } from '../../app/ante/index.js';
import type { Context } from '../../app/context.js';
import { DEC_ONE, parseDec } from '../../app/dec.js';
import { CodedError } from '../../app/errors.js';
import { eventLines } from '../../app/testing.js';
import { clearingPrice } from './clearing-price.js';
import { Side, TimeInForce } from './codec.js';
import { Curves } from './curves.js';
import { dexTestEnv, type DexTestEnv } from './testing.js';

const codec = bech32Codec('cosmos');
const addr = (byte: number) => new Uint8Array(20).fill(byte);
const bech = (byte: number) => codec.encode(addr(byte));
const BASE = 'ustake';
const QUOTE = 'uatom';

function setup(options: Parameters<typeof dexTestEnv>[0] = {}) {
  const env = dexTestEnv(options);
  for (let i = 1; i <= 8; i++) env.fund(addr(i), [{ denom: QUOTE, amount: 1_000_000n }, { denom: BASE, amount: 1_000_000n }]);
  const market = env.dex.keeper.addMarket(env.ctx, { baseDenom: BASE, quoteDenom: QUOTE, tickSize: parseDec('0.01'), lotSize: 100n, minNotional: 0n, feeRate: parseDec('0.001') });
  return { env, market };
}

function place(env: DexTestEnv, who: number, side: 'buy' | 'sell', price: string, quantity: bigint, extra: { ioc?: boolean; expiry?: bigint } = {}) {
  return env.dex.keeper.placeLimitOrder(env.ctx, bech(who), {
    marketId: 1n,
    side: side === 'buy' ? Side.SIDE_BUY : Side.SIDE_SELL,
    price: parseDec(price),
    quantity,
    timeInForce: extra.ioc ? TimeInForce.TIME_IN_FORCE_IOC : TimeInForce.TIME_IN_FORCE_GTC,
    expiryHeight: extra.expiry ?? 0n,
  });
}

const balance = (env: DexTestEnv, who: Uint8Array, denom: string) => env.bank.keeper.getBalance(env.ctx, who, denom);
const endBlock = (env: DexTestEnv, ctx: Context = env.ctx) => env.dex.endBlock(ctx);
const code = (c: number, pattern?: RegExp) => (err: unknown) => err instanceof CodedError && err.codespace === 'dex' && err.code === c && (pattern === undefined || pattern.test(err.message));

function invariantsHold(env: DexTestEnv): void {
  for (const [name, check] of Object.entries(env.dex.invariants)) assert.equal(check(env.ctx), undefined, name);
}

describe('dex batch auction', () => {
  it('clears the README example: one price, price priority, pro rata at the margin, fees on what is received', () => {
    const { env } = setup();
    // Resting from earlier blocks: they do not cross each other.
    place(env, 1, 'sell', '1.02', 3000n); // A, id 1
    place(env, 2, 'sell', '1.00', 2000n); // B, id 2
    place(env, 3, 'buy', '0.98', 4000n); // C, id 3
    endBlock(env);
    assert.equal(env.dex.keeper.lastAuction(env.ctx, 1n), undefined, 'nothing crossed');
    // This block's orders.
    place(env, 4, 'buy', '1.03', 5000n); // D
    place(env, 5, 'sell', '0.99', 1000n); // E
    place(env, 6, 'buy', '1.00', 2000n); // F
    place(env, 7, 'sell', '1.02', 1000n); // G
    const before = [1, 2, 4, 5, 7].map((i) => [balance(env, addr(i), BASE), balance(env, addr(i), QUOTE)]);
    endBlock(env);

    const last = env.dex.keeper.lastAuction(env.ctx, 1n)!;
    assert.equal(BigInt(last.price), parseDec('1.02'));
    assert.equal(last.volume, '5000');
    assert.equal(last.quoteVolume, '5100');
    const delta = (i: number, k: number) => [balance(env, addr(i), BASE) - before[k]![0]!, balance(env, addr(i), QUOTE) - before[k]![1]!];
    assert.deepEqual(delta(4, 2), [4995n, 50n], 'D: 5000 base less 5 fee; 50 quote of its 5150 escrow back');
    assert.deepEqual(delta(5, 3), [0n, 1018n], 'E: 1020 less a 2 fee');
    assert.deepEqual(delta(2, 1), [0n, 2037n], 'B: 2040 less 3');
    assert.deepEqual(delta(1, 0), [0n, 1528n], 'A: half its 3000 at the margin, 1530 less 2');
    assert.deepEqual(delta(7, 4), [0n, 509n], 'G: half its 1000, as A, though it came later');
    assert.equal(balance(env, env.moduleAddress(FEE_COLLECTOR_NAME), BASE), 5n);
    assert.equal(balance(env, env.moduleAddress(FEE_COLLECTOR_NAME), QUOTE), 8n);
    assert.equal(env.dex.keeper.getOrder(env.ctx, 1n)!.remaining, 1500n);
    assert.equal(env.dex.keeper.getOrder(env.ctx, 7n)!.remaining, 500n);
    assert.equal(env.dex.keeper.getOrder(env.ctx, 4n), undefined);
    const fills = eventLines(env.ctx.events).filter((l) => l.startsWith('order_filled'));
    assert.equal(fills.length, 5);
    assert.ok(fills.every((l) => l.includes('price=1.020000000000000000')));
    invariantsHold(env);
  });

  it('tie-breaks: least imbalance, then the side left over pushes, then the last price', () => {
    const curves = (bids: Array<[bigint, bigint]>, asks: Array<[bigint, bigint]>) => {
      const b = bids.map(([tick, quantity]) => ({ tick, quantity }));
      const a = asks.map(([tick, quantity]) => ({ tick, quantity }));
      return new Curves(b, a, [], a[0]!.tick, b[0]!.tick);
    };
    // Bid 100 @ 10, ask 100 @ 5: every tick in [5, 10] trades 100 with no imbalance.
    const flat = curves([[10n, 100n]], [[5n, 100n]]);
    assert.deepEqual(clearingPrice(flat), { tick: 7n, volume: 100n }, 'no last price: the middle, rounded down');
    assert.deepEqual(clearingPrice(flat, 9n), { tick: 9n, volume: 100n }, 'the last price when it is in range');
    assert.deepEqual(clearingPrice(flat, 30n), { tick: 10n, volume: 100n }, 'else the closest end');
    // Bid 150 @ 10, ask 100 @ 5: demand is left over everywhere, so the highest price.
    assert.deepEqual(clearingPrice(curves([[10n, 150n]], [[5n, 100n]]), 6n), { tick: 10n, volume: 100n });
    // Supply left over everywhere: the lowest.
    assert.deepEqual(clearingPrice(curves([[10n, 100n]], [[5n, 150n]]), 9n), { tick: 5n, volume: 100n });
    // Bids 100 @ 10 and 50 @ 8, ask 100 @ 5: volume 100 on [5, 10], no imbalance only above 8.
    assert.deepEqual(clearingPrice(curves([[10n, 100n], [8n, 50n]], [[5n, 100n]]), 6n), { tick: 9n, volume: 100n });
    // Nothing crosses.
    assert.equal(clearingPrice(new Curves([{ tick: 4n, quantity: 1n }], [{ tick: 5n, quantity: 1n }], [], 5n, 4n)), undefined);
  });

  it('IOC remainders and expired orders are refunded; a cancel returns exactly the unfilled escrow', () => {
    const { env } = setup({ height: 10n });
    const start = (i: number) => [balance(env, addr(i), BASE), balance(env, addr(i), QUOTE)];
    const [b1, q1] = start(1);
    const [b3, q3] = start(3);
    place(env, 1, 'buy', '2.00', 1000n, { ioc: true }); // escrows 2000 quote
    place(env, 2, 'sell', '1.50', 400n);
    place(env, 3, 'sell', '3.00', 500n, { expiry: 10n });
    const kept = place(env, 4, 'buy', '1.00', 300n, { expiry: 11n });
    endBlock(env);
    // 400 trade on [1.50, 2.00] with demand left over everywhere: the highest price, 2.00.
    assert.equal(BigInt(env.dex.keeper.lastAuction(env.ctx, 1n)!.price), parseDec('2'));
    assert.equal(balance(env, addr(1), QUOTE), q1! - 800n, 'paid 400 × 2; the IOC remainder (600 × 2) came back');
    assert.equal(balance(env, addr(1), BASE), b1! + 399n, '400 less a fee of 1');
    assert.equal(env.dex.keeper.getOrder(env.ctx, 1n), undefined);
    assert.deepEqual([balance(env, addr(3), BASE), balance(env, addr(3), QUOTE)], [b3, q3], 'expired at its expiry height, escrow back');
    assert.ok(env.dex.keeper.getOrder(env.ctx, kept.id), 'expires later');
    const lines = eventLines(env.ctx.events);
    assert.ok(lines.some((l) => l.startsWith('order_cancelled') && l.includes('order_id=1,') && l.includes('refund=1200uatom') && l.includes('reason=ioc')));
    assert.ok(lines.some((l) => l.startsWith('order_cancelled') && l.includes('order_id=3,') && l.includes('refund=500ustake') && l.includes('reason=expired')));

    const [, q4] = start(4);
    const refund = env.dex.keeper.cancelOwnOrder(env.ctx, bech(4), kept.id);
    assert.deepEqual(refund, { denom: QUOTE, amount: 300n });
    assert.equal(balance(env, addr(4), QUOTE), q4! + 300n);
    assert.throws(() => env.dex.keeper.cancelOwnOrder(env.ctx, bech(4), kept.id), code(9, /no open order with id 4/));
    invariantsHold(env);
  });

  it('refuses bad orders with errors that say what to fix', () => {
    const { env } = setup({ height: 5n });
    assert.throws(() => place(env, 1, 'buy', '1.005', 100n), code(5, /price 1.005000000000000000 is not a multiple of market 1's tick size 0.010000000000000000/));
    assert.throws(() => place(env, 1, 'buy', '1.00', 150n), code(6, /quantity 150 is not a multiple of market 1's lot size 100/));
    assert.throws(() => place(env, 1, 'buy', '1.00', 100n, { expiry: 4n }), code(8, /expiry height 4 is before the current height 5/));
    assert.throws(() => place(env, 1, 'buy', '1.00', 100_000_000n), (err: unknown) => err instanceof CodedError && err.code === 5 && /escrow of 100000000uatom for the order: spendable balance 1000000uatom/.test(err.message));
    assert.throws(
      () => env.dex.keeper.placeLimitOrder(env.ctx, bech(1), { marketId: 9n, side: Side.SIDE_BUY, price: DEC_ONE, quantity: 100n, timeInForce: 0, expiryHeight: 0n }),
      code(2, /no market with id 9/),
    );
    const strict = env.dex.keeper.addMarket(env.ctx, { baseDenom: 'uosmo', quoteDenom: QUOTE, tickSize: DEC_ONE, lotSize: 10n, minNotional: 1000n, feeRate: 0n });
    assert.throws(
      () => env.dex.keeper.placeLimitOrder(env.ctx, bech(1), { marketId: strict.id, side: Side.SIDE_BUY, price: DEC_ONE, quantity: 10n, timeInForce: 0, expiryHeight: 0n }),
      code(7, /price × quantity is 10uatom, market 2 needs at least 1000uatom/),
    );
    assert.throws(() => env.dex.keeper.addMarket(env.ctx, { baseDenom: QUOTE, quoteDenom: BASE, tickSize: DEC_ONE, lotSize: 1n, minNotional: 0n, feeRate: 0n }), code(3, /market 1 already trades ustake\/uatom/));
    assert.throws(
      () => env.dex.keeper.addMarket(env.ctx, { baseDenom: 'uabc', quoteDenom: QUOTE, tickSize: parseDec('0.001'), lotSize: 10n, minNotional: 0n, feeRate: 0n }),
      code(4, /tick size × lot size must be a whole number of quote units/),
    );
  });

  it('a pool paired with the market trades inside the auction at the clearing price, its invariant kept', () => {
    const { env } = setup({ pools: [{ base: BASE, quote: QUOTE, fee: parseDec('0.003') }] });
    const pool = env.pools[0]!;
    env.fundPool(pool, 100_000n, 100_000n); // spot 1.00
    const k0 = 100_000n * 100_000n;
    place(env, 1, 'buy', '1.10', 5000n); // more than the book offers: the pool sells
    place(env, 2, 'sell', '1.05', 1000n);
    endBlock(env);
    const price = BigInt(env.dex.keeper.lastAuction(env.ctx, 1n)!.price);
    const { base, quote } = pool.reserves(env.ctx);
    assert.ok(base < 100_000n && quote > 100_000n, 'the pool sold base');
    assert.ok(base * quote >= k0, 'k did not decrease');
    assert.ok(price <= parseDec('1.10') && price >= parseDec('1.05'));
    assert.equal((100_000n - base) * price, (quote - 100_000n) * DEC_ONE, 'the pool traded exactly at the clearing price');
    assert.ok(eventLines(env.ctx.events).some((l) => l.startsWith('pool_filled') && l.includes('pool_id=cp/pool0')));
    invariantsHold(env);
  });
});
