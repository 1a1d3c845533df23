// MsgSwapExactIn and the orderbook as a Market: the auction part is an IOC order that clears
// at end of block, the immediate part goes to the better venue, and the split is the best of
// the ones tried.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bech32Codec } from '../../app/address-codec.js';
import { DEC_ONE, parseDec } from '../../app/dec.js';
import { CodedError } from '../../app/errors.js';
import { MsgSwapExactIn, MsgSwapExactInResponse, QUERY_ESTIMATE_SWAP_EXACT_IN_PATH, QueryEstimateSwapExactInRequest, QueryEstimateSwapExactInResponse, Side, TimeInForce } from './codec.js';
import { planSwap } from './router.js';
import { dexTestEnv, type DexTestEnv } from './testing.js';

const codec = bech32Codec('cosmos');
const addr = (byte: number) => new Uint8Array(20).fill(byte);
const bech = (byte: number) => codec.encode(addr(byte));
const BASE = 'ustake';
const QUOTE = 'uatom';

function setup(options: Parameters<typeof dexTestEnv>[0] = {}) {
  const env = dexTestEnv(options);
  for (let i = 1; i <= 4; i++) env.fund(addr(i), [{ denom: QUOTE, amount: 10_000_000n }, { denom: BASE, amount: 10_000_000n }]);
  env.dex.keeper.addMarket(env.ctx, { baseDenom: BASE, quoteDenom: QUOTE, tickSize: parseDec('0.001'), lotSize: 1000n, minNotional: 0n, feeRate: 0n });
  return env;
}

function rest(env: DexTestEnv, who: number, side: Side, price: string, quantity: bigint) {
  env.dex.keeper.placeLimitOrder(env.ctx, bech(who), { marketId: 1n, side, price: parseDec(price), quantity, timeInForce: TimeInForce.TIME_IN_FORCE_GTC, expiryHeight: 0n });
}

function swap(env: DexTestEnv, who: number, amount: bigint, denomIn: string, denomOut: string, minOut = 0n) {
  const handler = env.dex.msgs[MsgSwapExactIn.typeUrl]!;
  const msg = handler.decode(MsgSwapExactIn.encode({ sender: bech(who), tokenIn: { denom: denomIn, amount: amount.toString() }, denomOut, minOut: minOut.toString() }).finish());
  handler.validate!(msg);
  return MsgSwapExactInResponse.decode(handler.handle(env.ctx, msg).value);
}

const balance = (env: DexTestEnv, who: number, denom: string) => env.bank.keeper.getBalance(env.ctx, addr(who), denom);

describe('router and Market API', () => {
  it('sends an exact input to the auction as an IOC order that fills against the book at end of block', () => {
    const env = setup();
    rest(env, 1, Side.SIDE_SELL, '1.000', 50_000n);
    rest(env, 1, Side.SIDE_SELL, '1.100', 50_000n);
    const [q0, b0] = [balance(env, 2, QUOTE), balance(env, 2, BASE)];
    const response = swap(env, 2, 40_000n, QUOTE, BASE);
    assert.equal(response.amountOut, '0', 'nothing at once: the book fills at end of block');
    assert.notEqual(response.orderId, 0n);
    assert.equal(env.dex.keeper.getOrder(env.ctx, response.orderId)!.timeInForce, TimeInForce.TIME_IN_FORCE_IOC);
    env.dex.endBlock(env.ctx);
    assert.equal(balance(env, 2, BASE) - b0, 40_000n, '40,000 base at 1.000, the cheapest level (the router chose the limit)');
    assert.equal(q0 - balance(env, 2, QUOTE), 40_000n, 'unspent input came back');
  });

  it('a limit implied by min_out is never crossed; an impossible swap is refused', () => {
    const env = setup();
    rest(env, 1, Side.SIDE_BUY, '0.900', 100_000n);
    const response = swap(env, 2, 10_000n, BASE, QUOTE, 9_500n); // asks at least 0.95 per base
    env.dex.endBlock(env.ctx);
    assert.equal(env.dex.keeper.lastAuction(env.ctx, 1n), undefined, 'the bid at 0.90 is below the implied 0.95');
    assert.equal(env.dex.keeper.getOrder(env.ctx, response.orderId), undefined, 'the IOC order was refunded');
    assert.throws(() => swap(env, 2, 10_000n, BASE, 'uosmo'), (err: unknown) => err instanceof CodedError && err.codespace === 'dex' && err.code === 11);
  });

  it('with the pool of the pair in the auction too, routing does at least as well as either venue alone', () => {
    const env = setup({ pools: [{ base: BASE, quote: QUOTE, fee: parseDec('0.003') }], venues: true });
    env.fundPool(env.pools[0]!, 1_000_000n, 1_000_000n); // spot 1.00
    rest(env, 1, Side.SIDE_SELL, '1.010', 20_000n);
    const amount = 200_000n;
    const allImmediate = (amount * 997n * 1_000_000n) / (1_000_000n * 1000n + amount * 997n);
    const allAuction = env.dex.market.quoteExactIn(env.ctx, QUOTE, amount, BASE);
    const b0 = balance(env, 2, BASE);
    swap(env, 2, amount, QUOTE, BASE);
    env.dex.endBlock(env.ctx);
    const got = balance(env, 2, BASE) - b0;
    assert.ok(got >= allImmediate && got >= allAuction, `routed ${got}; the pool alone ${allImmediate}, the auction alone ${allAuction}`);
  });

  it('splits between an immediate venue the auction cannot reach and the book when that gives more', () => {
    const env = setup({ pools: [{ base: BASE, quote: QUOTE, fee: parseDec('0.003') }], venues: true, auctionPools: false });
    env.fundPool(env.pools[0]!, 100_000_000n, 100_000_000n); // deep, spot 1.00
    env.fund(addr(1), [{ denom: BASE, amount: 10_000_000n }]);
    rest(env, 1, Side.SIDE_SELL, '1.010', 1_000_000n);
    const amount = 2_000_000n;
    env.fund(addr(2), [{ denom: QUOTE, amount }]);
    const allImmediate = (amount * 997n * 100_000_000n) / (100_000_000n * 1000n + amount * 997n);
    const allAuction = 1_000_000n; // the whole book
    const estimate = QueryEstimateSwapExactInResponse.decode(
      env.dex.queries[QUERY_ESTIMATE_SWAP_EXACT_IN_PATH]!(env.ctx, QueryEstimateSwapExactInRequest.encode({ tokenIn: { denom: QUOTE, amount: amount.toString() }, denomOut: BASE }).finish()),
    );
    assert.equal(BigInt(estimate.amountOut), allImmediate, 'a query without a sender compares the whole routes only');
    const b0 = balance(env, 2, BASE);
    const response = swap(env, 2, amount, QUOTE, BASE);
    assert.ok(BigInt(response.amountOut) > 0n && response.orderId > 0n, 'both venues used');
    env.dex.endBlock(env.ctx);
    const got = balance(env, 2, BASE) - b0;
    assert.ok(got > allImmediate && got > allAuction, `split got ${got}; the pool alone ${allImmediate}, the book alone ${allAuction}`);
    const plan = planSwap(env.ctx, { keeper: env.dex.keeper, venues: [] }, QUOTE, amount, BASE, 0n);
    assert.equal(plan.immediateIn, 0n, 'without immediate venues everything goes to the auction');
  });

  it('the orderbook as a Market quotes its auction but refuses to fill at once', () => {
    const env = setup();
    rest(env, 1, Side.SIDE_SELL, '2.000', 10_000n);
    const market = env.dex.market;
    assert.equal(market.quoteExactIn(env.ctx, QUOTE, 20_000n, BASE), 10_000n);
    assert.equal(market.quoteExactIn(env.ctx, QUOTE, 20_000n, 'uosmo'), 0n);
    assert.throws(() => market.swapExactIn(), (err: unknown) => err instanceof CodedError && /end-of-block auction/.test(err.message));
    assert.equal(DEC_ONE, 10n ** 18n);
  });
});
