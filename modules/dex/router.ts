// The one Market API. Two kinds of venue fill an exact input:
//   - immediate venues (`Market`s, e.g. the AMM's): they fill inside the tx, along their curves,
//     possibly through other pairs (multi-hop) that the pair's auction never sees;
//   - the orderbook's batch auction: an IOC order that clears at end of block at the one
//     uniform price, where the pair's pools take part too. A pool there trades as much as keeps
//     its invariant when all of it is paid the clearing price, which is what a swap of that
//     size would pay on average: so the auction alone already splits an order between the
//     book and the pair's pools, at one price, with no tx able to trade ahead of another.
// MsgSwapExactIn tries sending none, a quarter, half, three quarters or all of the input to the
// best immediate venue and the rest to the auction, estimates each split (the immediate part
// simulated in a discarded store branch, so the auction estimate sees the pools it moved), and
// takes the one with the most output, preferring the auction on ties. The auction's estimate
// holds if the rest of the block's batch does not move the price; min_out bounds the price of
// every part, not the amount (an IOC order may fill in part; what it does not spend comes back).
import type { Context } from '../../app/context.js';
import { EventManager } from '../../app/events.js';
import { ErrNotSupported } from '../../app/errors.js';
import { TimeInForce } from '../../gen/zonekit/dex/v1/types.js';
import { ErrNoRoute } from './errors.js';
import { estimateAuction, type AuctionEstimate } from './estimate.js';
import type { AuctionLiquidity, Market } from './expects.js';
import type { DexKeeper } from './keeper.js';
import type { MarketInfo } from './market.js';

export interface RouterDeps {
  keeper: DexKeeper;
  liquidity?: AuctionLiquidity;
  /** Venues that fill at once (the AMM's Market), tried beside the auction. */
  venues: readonly Market[];
}

export interface SwapPlan {
  /** The part of the input sent to an immediate venue (0: none). */
  readonly immediateIn: bigint;
  readonly venue?: Market;
  readonly immediateOut: bigint;
  readonly auction?: AuctionEstimate & { readonly market: MarketInfo };
  readonly estimatedOut: bigint;
}

/** The market that trades the two denoms, whichever is base. */
export function marketForPair(ctx: Context, keeper: DexKeeper, a: string, b: string): MarketInfo | undefined {
  return keeper.marketByPair(ctx, a, b) ?? keeper.marketByPair(ctx, b, a);
}

const SPLITS = [0n, 1n, 2n, 3n, 4n];

/**
 * The best split of `amountIn`. With a `trader`, each split's immediate part is executed in a
 * store branch that is then dropped. Without one (a query that names no sender) only the two
 * whole routes are compared, each quoted as things stand: quoting a mixed split would count
 * the same pool twice, at once and again in the auction.
 */
export function planSwap(ctx: Context, deps: RouterDeps, denomIn: string, amountIn: bigint, denomOut: string, minOut: bigint, trader?: Uint8Array): SwapPlan {
  const market = marketForPair(ctx, deps.keeper, denomIn, denomOut);
  if (market === undefined && deps.venues.length === 0) throw ErrNoRoute.wrap(`no orderbook market and no immediate venue trades ${denomIn} for ${denomOut}`);
  const splits = market === undefined ? [4n] : deps.venues.length === 0 ? [0n] : trader === undefined ? [0n, 4n] : SPLITS;
  let best: SwapPlan | undefined;
  for (const quarters of splits) {
    const immediateIn = (amountIn * quarters) / 4n;
    const plan = estimateSplit(ctx, deps, market, denomIn, amountIn, immediateIn, denomOut, minOut, trader);
    if (best === undefined || plan.estimatedOut > best.estimatedOut) best = plan;
  }
  return best!;
}

function estimateSplit(
  ctx: Context,
  deps: RouterDeps,
  market: MarketInfo | undefined,
  denomIn: string,
  amountIn: bigint,
  immediateIn: bigint,
  denomOut: string,
  minOut: bigint,
  trader?: Uint8Array,
): SwapPlan {
  let venue: Market | undefined;
  let immediateOut = 0n;
  let view = ctx;
  if (immediateIn > 0n) {
    for (const candidate of deps.venues) {
      const out = candidate.quoteExactIn(ctx, denomIn, immediateIn, denomOut);
      if (venue === undefined || out > immediateOut) [venue, immediateOut] = [candidate, out];
    }
    if (trader !== undefined && venue !== undefined && immediateOut > 0n) {
      view = ctx.with(ctx.store.branch(), new EventManager());
      try {
        immediateOut = venue.swapExactIn(view, trader, denomIn, immediateIn, denomOut, 0n);
      } catch {
        immediateOut = 0n;
        view = ctx;
      }
    }
  }
  const rest = amountIn - immediateIn;
  const auction =
    market !== undefined && rest > 0n
      ? { market, ...estimateAuction(view, deps.keeper, market, deps.liquidity?.auctionPools(view, market.baseDenom, market.quoteDenom) ?? [], denomIn, rest, (minOut * rest) / amountIn) }
      : undefined;
  return {
    immediateIn,
    ...(venue !== undefined ? { venue } : {}),
    immediateOut,
    ...(auction !== undefined ? { auction } : {}),
    estimatedOut: immediateOut + (auction?.out ?? 0n),
  };
}

export interface SwapResult {
  readonly amountOut: bigint;
  readonly orderId: bigint;
  readonly amountInAuction: bigint;
}

/** MsgSwapExactIn: plans, swaps the immediate part now, and places the auction part as an IOC order. */
export function swapExactIn(ctx: Context, deps: RouterDeps, sender: string, denomIn: string, amountIn: bigint, denomOut: string, minOut: bigint): SwapResult {
  const trader = deps.keeper.accounts.addressCodec.decode(sender);
  const plan = planSwap(ctx, deps, denomIn, amountIn, denomOut, minOut, trader);
  let amountOut = 0n;
  if (plan.venue !== undefined && plan.immediateIn > 0n) {
    // The immediate part must meet min_out in proportion; the venue refuses otherwise.
    const partMin = (minOut * plan.immediateIn + amountIn - 1n) / amountIn;
    amountOut = plan.venue.swapExactIn(ctx, trader, denomIn, plan.immediateIn, denomOut, partMin);
  }
  let orderId = 0n;
  let amountInAuction = 0n;
  const auction = plan.auction;
  if (auction !== undefined && auction.quantity > 0n) {
    const order = deps.keeper.placeLimitOrder(ctx, sender, {
      marketId: auction.market.id,
      side: auction.side,
      price: auction.tick * auction.market.tickSize,
      quantity: auction.quantity,
      timeInForce: TimeInForce.TIME_IN_FORCE_IOC,
      expiryHeight: 0n,
    });
    orderId = order.id;
    amountInAuction = auction.amountIn;
  }
  if (amountOut === 0n && orderId === 0n) {
    throw ErrNoRoute.wrap(`no venue can fill ${amountIn}${denomIn} for ${denomOut} at min_out ${minOut} (too small for a lot, or nothing to trade with)`);
  }
  ctx.events.emit(
    'swap_routed',
    ['sender', sender],
    ['token_in', `${amountIn}${denomIn}`],
    ['denom_out', denomOut],
    ['immediate_in', plan.immediateIn.toString()],
    ['immediate_out', amountOut.toString()],
    ['venue', plan.venue?.venue ?? ''],
    ['auction_in', amountInAuction.toString()],
    ['order_id', orderId.toString()],
  );
  return { amountOut, orderId, amountInAuction };
}

/**
 * The orderbook as a `Market`: it quotes (its auction estimate) but cannot fill at once, for
 * it has no immediate fills by design — its fills happen at end of block, at one price for
 * everyone, so no tx can trade ahead of another in the same block.
 */
export class OrderbookMarket implements Market {
  readonly venue = 'dex';

  constructor(
    private readonly keeper: DexKeeper,
    private readonly liquidity?: AuctionLiquidity,
  ) {}

  quoteExactIn(ctx: Context, denomIn: string, amountIn: bigint, denomOut: string): bigint {
    const market = marketForPair(ctx, this.keeper, denomIn, denomOut);
    if (market === undefined || amountIn <= 0n) return 0n;
    const pools = this.liquidity?.auctionPools(ctx, market.baseDenom, market.quoteDenom) ?? [];
    return estimateAuction(ctx, this.keeper, market, pools, denomIn, amountIn, 0n).out;
  }

  swapExactIn(): bigint {
    throw ErrNotSupported.wrap('the orderbook fills only in its end-of-block auction: send MsgSwapExactIn (an IOC order for this block) or MsgPlaceLimitOrder');
  }
}
