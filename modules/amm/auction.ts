// A pool as a participant in the orderbook's batch auction (modules/dex/expects.ts). At a
// clearing price P (quote per base) a pool offers its curve's liquidity up to P, as if its
// curve were a ladder of limit orders for base: it sells base while its marginal price, fee
// included, is below P, and buys base while it is above. Every unit then trades at the
// uniform price P, at least as good for the pool as its curve's own price for that unit.
//
// With γ = 1 − fee and x* the reserve of base at which the curve's marginal price reaches
// γ·P (selling) or P/γ (buying):
//   sells  B − x*            base, receiving P per unit, counted at γ;
//   buys   (x* − B) / γ      base, paying P per unit, of which γ reaches the curve.
// Each is then capped by the largest amount whose settlement at exactly P keeps the
// invariant with only γ of the pool's input counted (tested at the exact rational point, so
// the amounts that pass form one interval from zero). Settled with the quote rounded in the
// pool's favour (it receives ⌈P·d⌉, pays ⌊P·d⌋), an offer or any part of it never lowers
// k or D. The searches run over ranges that depend on the reserves only, never on P, so the
// offer is monotone in P even where integer rounding is not smooth (see search.ts, bisect).
import type { Context } from '../../app/context.js';
import { DEC_ONE, type Dec } from '../../app/dec.js';
import type { AuctionPool } from '../dex/expects.js';
import type { Curve } from './curve.js';
import { ErrInsufficientLiquidity, ErrInvariantDecreased } from './errors.js';
import { emitAuctionFill } from './events.js';
import type { AmmKeeper } from './keeper.js';
import { MODULE_ACCOUNT } from './keys.js';
import { minBig, ratioLte, type Ratio } from './math.js';
import { curveOf, sideOf, withReserves, type PoolState } from './pool.js';
import { bisect } from './search.js';
import { accumulate } from './twap.js';

/** Base the pool sells at `price` (quote per base); 0 when its ask is above the price. */
export function sellOffer(curve: Curve, base: bigint, quote: bigint, price: Dec, fee: Dec): bigint {
  const gamma = DEC_ONE - fee;
  const target: Ratio = { num: gamma * price, den: DEC_ONE * DEC_ONE };
  if (ratioLte(target, curve.spotPrice(base, quote))) return 0n;
  const alongCurve = base - curve.reserveAtPrice(base, quote, target);
  const keeps = curve.keepsInvariantOf([base, quote]);
  const safe = bisect(0n, base, (d) => !keeps([(base - d) * target.den, quote * target.den + target.num * d], target.den)) - 1n;
  return minBig(alongCurve, safe);
}

/** Base the pool buys at `price` (quote per base); 0 when its bid is below the price. */
export function buyOffer(curve: Curve, base: bigint, quote: bigint, price: Dec, fee: Dec): bigint {
  const gamma = DEC_ONE - fee;
  if (ratioLte(curve.spotPrice(base, quote), { num: price, den: gamma })) return 0n;
  // Where the curve's price of quote in base has risen to γ/P, found on the quote side so the
  // search range is bounded by the quote reserve.
  const quoteStar = curve.reserveAtPrice(quote, base, { num: gamma, den: price });
  const absorbed = curve.pairedReserve(quote, base, quoteStar) - base;
  const alongCurve = absorbed > 0n ? (absorbed * DEC_ONE) / gamma : 0n;
  const keeps = curve.keepsInvariantOf([base, quote]);
  const safe = bisect(0n, quote * DEC_ONE + 1n, (d) => !keeps([base * DEC_ONE + gamma * d, quote * DEC_ONE - price * d], DEC_ONE)) - 1n;
  return minBig(alongCurve, safe);
}

/** Base the pool trades at `price` (quote per base): positive sells, negative buys; 0 for a price of 0 or less. */
export function baseOffered(curve: Curve, base: bigint, quote: bigint, price: Dec, fee: Dec): bigint {
  if (price <= 0n) return 0n;
  const sold = sellOffer(curve, base, quote, price, fee);
  return sold > 0n ? sold : -buyOffer(curve, base, quote, price, fee);
}

class PoolInAuction implements AuctionPool {
  readonly id: string;
  private readonly baseSide: 0 | 1;

  constructor(
    private readonly keeper: AmmKeeper,
    private readonly pool: PoolState,
    baseDenom: string,
  ) {
    this.id = `amm/${pool.id}`;
    this.baseSide = sideOf(pool, baseDenom);
  }

  baseOfferedAt(price: Dec): bigint {
    const { pool, baseSide } = this;
    return baseOffered(curveOf(pool), pool.reserves[baseSide], pool.reserves[1 - baseSide]!, price, pool.swapFee);
  }

  settle(ctx: Context, baseOut: bigint, quoteIn: bigint, counterpartyModule: string): void {
    if (baseOut === 0n && quoteIn === 0n) return;
    const { keeper, baseSide } = this;
    const quoteSide = (1 - baseSide) as 0 | 1;
    const pool = accumulate(keeper, ctx, keeper.pool(ctx, this.pool.id));
    const reserves: [bigint, bigint] = [pool.reserves[0], pool.reserves[1]];
    reserves[baseSide] -= baseOut;
    reserves[quoteSide] += quoteIn;
    const [baseDenom, quoteDenom] = [pool.denoms[baseSide], pool.denoms[quoteSide]];
    if (reserves[0] <= 0n || reserves[1] <= 0n) {
      throw ErrInsufficientLiquidity.wrap(`pool ${pool.id} holds ${pool.reserves[baseSide]}${baseDenom} and ${pool.reserves[quoteSide]}${quoteDenom}; it cannot settle ${baseOut}${baseDenom} out, ${quoteIn}${quoteDenom} in`);
    }
    // Against the invariant rounded down (exact for k): an offer's fill, or any part of it with
    // the quote rounded in the pool's favour, never lowers it.
    const curve = curveOf(pool);
    if (curve.invariant(reserves[0], reserves[1]) < curve.invariant(pool.reserves[0], pool.reserves[1])) {
      throw ErrInvariantDecreased.wrap(`pool ${pool.id} cannot give ${baseOut}${baseDenom} for ${quoteIn}${quoteDenom} (round the quote in the pool's favour)`);
    }
    const move = (denom: string, intoPool: bigint) => {
      if (intoPool > 0n) keeper.bank.sendCoinsFromModuleToModule(ctx, counterpartyModule, MODULE_ACCOUNT, [{ denom, amount: intoPool }]);
      if (intoPool < 0n) keeper.bank.sendCoinsFromModuleToModule(ctx, MODULE_ACCOUNT, counterpartyModule, [{ denom, amount: -intoPool }]);
    };
    move(baseDenom, -baseOut);
    move(quoteDenom, quoteIn);
    keeper.setPool(ctx, withReserves(pool, reserves));
    const [tokenIn, tokenOut] =
      baseOut > 0n
        ? [{ denom: quoteDenom, amount: quoteIn }, { denom: baseDenom, amount: baseOut }]
        : [{ denom: baseDenom, amount: -baseOut }, { denom: quoteDenom, amount: -quoteIn }];
    emitAuctionFill(ctx, pool.id, counterpartyModule, tokenIn, tokenOut);
  }
}

/** The pools of the pair, by id, each with its reserves as they are now. */
export function auctionPools(keeper: AmmKeeper, ctx: Context, baseDenom: string, quoteDenom: string): readonly AuctionPool[] {
  if (baseDenom === quoteDenom) return [];
  return keeper.poolIdsForPair(ctx, baseDenom, quoteDenom).map((id) => new PoolInAuction(keeper, keeper.pool(ctx, id), baseDenom));
}
