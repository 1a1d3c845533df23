// Swaps along a route of pools. A plan is computed first, on the pools as they are (pool ids
// in a route are distinct, so each hop sees its pool unchanged by the others); executing it
// moves only the first input and the last output through the bank, while the reserves in
// between shift from pool to pool inside the module account.
import { coinToString, type Coin } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { ErrInsufficientLiquidity, ErrInvalidRoute, ErrInvariantDecreased, ErrSlippage, ErrZeroAmount } from './errors.js';
import { emitTokenSwapped } from './events.js';
import type { AmmKeeper } from './keeper.js';
import { MODULE_ACCOUNT } from './keys.js';
import { curveOf, sideOf, withReserves, type PoolState } from './pool.js';
import { accumulate } from './twap.js';

/** Longest route a swap may take. */
export const MAX_HOPS = 8;

export interface Hop {
  /** The pool as it was before this hop. */
  readonly pool: PoolState;
  readonly sideIn: 0 | 1;
  readonly amountIn: bigint;
  readonly amountOut: bigint;
}

export interface SwapPlan {
  readonly hops: readonly Hop[];
  readonly tokenIn: Coin;
  readonly tokenOut: Coin;
}

/** Stateless route checks (ValidateBasic). */
export function validateRoutes(routes: readonly bigint[]): void {
  if (routes.length === 0) throw ErrInvalidRoute.wrap('a route needs at least one pool id');
  if (routes.length > MAX_HOPS) throw ErrInvalidRoute.wrap(`a route may have at most ${MAX_HOPS} pools, got ${routes.length}`);
  const seen = new Set<bigint>();
  for (const id of routes) {
    if (id === 0n) throw ErrInvalidRoute.wrap('pool ids start at 1');
    if (seen.has(id)) throw ErrInvalidRoute.wrap(`pool ${id} appears twice in the route`);
    seen.add(id);
  }
}

function legs(keeper: AmmKeeper, ctx: Context, routes: readonly bigint[], denomIn: string, denomOut: string): Array<{ pool: PoolState; sideIn: 0 | 1 }> {
  validateRoutes(routes);
  let denom = denomIn;
  const out = routes.map((id) => {
    const pool = keeper.pool(ctx, id);
    const sideIn = sideOf(pool, denom);
    denom = pool.denoms[1 - sideIn]!;
    return { pool, sideIn };
  });
  if (denom !== denomOut) throw ErrInvalidRoute.wrap(`route ${routes.join(',')} from ${denomIn} ends in ${denom}, not ${denomOut}`);
  return out;
}

export function planExactIn(keeper: AmmKeeper, ctx: Context, routes: readonly bigint[], tokenIn: Coin, tokenOutDenom: string): SwapPlan {
  if (tokenIn.amount <= 0n) throw ErrZeroAmount.wrap(`token in is ${coinToString(tokenIn)}`);
  const hops: Hop[] = [];
  let amount = tokenIn.amount;
  for (const { pool, sideIn } of legs(keeper, ctx, routes, tokenIn.denom, tokenOutDenom)) {
    const sideOut = 1 - sideIn;
    const out = curveOf(pool).outGivenIn(pool.reserves[sideIn], pool.reserves[sideOut]!, amount, pool.swapFee);
    if (out <= 0n) throw ErrInsufficientLiquidity.wrap(`${amount}${pool.denoms[sideIn]} into pool ${pool.id} buys no ${pool.denoms[sideOut]}`);
    hops.push({ pool, sideIn, amountIn: amount, amountOut: out });
    amount = out;
  }
  return { hops, tokenIn, tokenOut: { denom: tokenOutDenom, amount } };
}

export function planExactOut(keeper: AmmKeeper, ctx: Context, routes: readonly bigint[], tokenInDenom: string, tokenOut: Coin): SwapPlan {
  if (tokenOut.amount <= 0n) throw ErrZeroAmount.wrap(`token out is ${coinToString(tokenOut)}`);
  const reversed: Hop[] = [];
  let amount = tokenOut.amount;
  for (const { pool, sideIn } of legs(keeper, ctx, routes, tokenInDenom, tokenOut.denom).reverse()) {
    const sideOut = 1 - sideIn;
    const reserveOut = pool.reserves[sideOut]!;
    if (amount >= reserveOut) throw ErrInsufficientLiquidity.wrap(`pool ${pool.id} holds ${reserveOut}${pool.denoms[sideOut]}, it cannot pay out ${amount}`);
    const amountIn = curveOf(pool).inGivenOut(pool.reserves[sideIn], reserveOut, amount, pool.swapFee);
    reversed.push({ pool, sideIn, amountIn, amountOut: amount });
    amount = amountIn;
  }
  return { hops: reversed.reverse(), tokenIn: { denom: tokenInDenom, amount }, tokenOut };
}

/** Moves the coins and reserves of a plan made in this same state. */
function executePlan(keeper: AmmKeeper, ctx: Context, sender: Uint8Array, plan: SwapPlan): void {
  keeper.bank.sendCoinsFromAccountToModule(ctx, sender, MODULE_ACCOUNT, [plan.tokenIn]);
  for (const hop of plan.hops) {
    const pool = accumulate(keeper, ctx, hop.pool);
    const sideOut = 1 - hop.sideIn;
    const reserves: [bigint, bigint] = [pool.reserves[0], pool.reserves[1]];
    reserves[hop.sideIn] += hop.amountIn;
    reserves[sideOut] -= hop.amountOut;
    // The curves guarantee this; checking it here makes any rounding slip fail the tx instead of draining the pool.
    if (!curveOf(pool).holds(pool.reserves, reserves)) {
      throw ErrInvariantDecreased.wrap(`pool ${pool.id}: ${pool.reserves.join('/')} → ${reserves.join('/')}`);
    }
    keeper.setPool(ctx, withReserves(pool, reserves));
    emitTokenSwapped(
      ctx,
      keeper,
      sender,
      pool.id,
      { denom: pool.denoms[hop.sideIn], amount: hop.amountIn },
      { denom: pool.denoms[sideOut]!, amount: hop.amountOut },
    );
  }
  keeper.bank.sendCoinsFromModuleToAccount(ctx, MODULE_ACCOUNT, sender, [plan.tokenOut]);
}

export function swapExactIn(keeper: AmmKeeper, ctx: Context, sender: Uint8Array, routes: readonly bigint[], tokenIn: Coin, tokenOutDenom: string, minAmountOut: bigint): Coin {
  const plan = planExactIn(keeper, ctx, routes, tokenIn, tokenOutDenom);
  if (plan.tokenOut.amount < minAmountOut) {
    throw ErrSlippage.wrap(`the swap would return ${coinToString(plan.tokenOut)}, less than the minimum ${minAmountOut}${tokenOutDenom}`);
  }
  executePlan(keeper, ctx, sender, plan);
  return plan.tokenOut;
}

export function swapExactOut(keeper: AmmKeeper, ctx: Context, sender: Uint8Array, routes: readonly bigint[], tokenInDenom: string, maxAmountIn: bigint, tokenOut: Coin): Coin {
  const plan = planExactOut(keeper, ctx, routes, tokenInDenom, tokenOut);
  if (plan.tokenIn.amount > maxAmountIn) {
    throw ErrSlippage.wrap(`the swap needs ${coinToString(plan.tokenIn)}, more than the maximum ${maxAmountIn}${tokenInDenom}`);
  }
  executePlan(keeper, ctx, sender, plan);
  return plan.tokenIn;
}
