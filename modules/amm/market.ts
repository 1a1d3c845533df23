// The AMM as one venue for the dex's router (modules/dex/expects.ts Market): for a pair it
// quotes the best single pool (ties to the lowest id) and fills there, from the trader's
// account, as a MsgSwapExactIn on that pool would. The choice is made again in each call, on
// the state that call sees, so a quote and the fill that follows it in the same state agree.
import type { Context } from '../../app/context.js';
import { CodedError } from '../../app/errors.js';
import type { Market } from '../dex/expects.js';
import { ErrInsufficientLiquidity } from './errors.js';
import type { AmmKeeper } from './keeper.js';
import { planExactIn, swapExactIn } from './swap.js';

export const AMM_VENUE = 'amm';

export class AmmMarket implements Market {
  readonly venue = AMM_VENUE;

  constructor(private readonly keeper: AmmKeeper) {}

  quoteExactIn(ctx: Context, denomIn: string, amountIn: bigint, denomOut: string): bigint {
    return this.best(ctx, denomIn, amountIn, denomOut)?.out ?? 0n;
  }

  swapExactIn(ctx: Context, trader: Uint8Array, denomIn: string, amountIn: bigint, denomOut: string, minOut: bigint): bigint {
    const best = this.best(ctx, denomIn, amountIn, denomOut);
    if (best === undefined) throw ErrInsufficientLiquidity.wrap(`no pool trades ${amountIn}${denomIn} for any ${denomOut}`);
    return swapExactIn(this.keeper, ctx, trader, [best.poolId], { denom: denomIn, amount: amountIn }, denomOut, minOut).amount;
  }

  private best(ctx: Context, denomIn: string, amountIn: bigint, denomOut: string): { poolId: bigint; out: bigint } | undefined {
    if (denomIn === denomOut || amountIn <= 0n) return undefined;
    let best: { poolId: bigint; out: bigint } | undefined;
    for (const poolId of this.keeper.poolIdsForPair(ctx, denomIn, denomOut)) {
      let out: bigint;
      try {
        out = planExactIn(this.keeper, ctx, [poolId], { denom: denomIn, amount: amountIn }, denomOut).tokenOut.amount;
      } catch (err) {
        // An input too small to buy anything in this pool: it just does not quote.
        if (err instanceof CodedError) continue;
        throw err;
      }
      if (best === undefined || out > best.out) best = { poolId, out };
    }
    return best;
  }
}
