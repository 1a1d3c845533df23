// The AMM keeper: owns store `amm` (layout in keys.ts) and the `amm` module account, which
// holds every pool's reserves. State access lives here; each operation lives in its own file
// (liquidity.ts, swap.ts, twap.ts, auction.ts) and the keeper exposes it.
import type { Coin, Coins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { ErrUnknownAddress } from '../../app/errors.js';
import { prefixIterator, type KVStore } from '../../app/store/index.js';
import type { AuctionLiquidity, AuctionPool } from '../dex/expects.js';
import { auctionPools } from './auction.js';
import type { AmmAccountKeeper, AmmBankKeeper } from './expects.js';
import { ErrPoolNotFound } from './errors.js';
import { MODULE_ACCOUNT, NEXT_POOL_ID_KEY, PARAMS_KEY, POOLS_PREFIX, STORE_KEY, decodeU64, encodeU64, pairKey, pairPrefix, poolKey } from './keys.js';
import { addLiquidity, createPool, removeLiquidity, type AddLiquidityResult, type CreatePoolArgs, type CreatePoolResult } from './liquidity.js';
import { DEFAULT_AMM_PARAMS, decodeParams, encodeParams, type AmmParams } from './params.js';
import { decodePool, encodePool, type PoolState } from './pool.js';
import { planExactIn, planExactOut, swapExactIn, swapExactOut, type SwapPlan } from './swap.js';
import { recordBlockTime, twap, type TwapResult } from './twap.js';

export class AmmKeeper implements AuctionLiquidity {
  constructor(
    readonly bank: AmmBankKeeper,
    readonly accounts: AmmAccountKeeper,
  ) {}

  store(ctx: Context): KVStore {
    return ctx.kvStore(STORE_KEY);
  }

  moduleAddress(): Uint8Array {
    const address = this.accounts.getModuleAddress(MODULE_ACCOUNT);
    if (address === undefined) throw ErrUnknownAddress.wrap(`module account ${MODULE_ACCOUNT} is not registered with auth (give it the minter and burner permissions)`);
    return address;
  }

  // ---- state ----

  params(ctx: Context): AmmParams {
    const bytes = this.store(ctx).get(PARAMS_KEY);
    return bytes === undefined ? DEFAULT_AMM_PARAMS : decodeParams(bytes);
  }

  setParams(ctx: Context, params: AmmParams): void {
    this.store(ctx).set(PARAMS_KEY, encodeParams(params));
  }

  /** The id the next pool gets; pool ids start at 1. */
  nextPoolId(ctx: Context): bigint {
    const bytes = this.store(ctx).get(NEXT_POOL_ID_KEY);
    return bytes === undefined ? 1n : decodeU64(bytes);
  }

  setNextPoolId(ctx: Context, id: bigint): void {
    this.store(ctx).set(NEXT_POOL_ID_KEY, encodeU64(id));
  }

  getPool(ctx: Context, id: bigint): PoolState | undefined {
    const bytes = this.store(ctx).get(poolKey(id));
    return bytes === undefined ? undefined : decodePool(bytes);
  }

  pool(ctx: Context, id: bigint): PoolState {
    const pool = this.getPool(ctx, id);
    if (pool === undefined) throw ErrPoolNotFound.wrap(`pool ${id} does not exist`);
    return pool;
  }

  /** Writes the pool; a new pool also joins its pair's index. */
  setPool(ctx: Context, pool: PoolState): void {
    const store = this.store(ctx);
    const key = poolKey(pool.id);
    if (!store.has(key)) store.set(pairKey(pool.denoms[0], pool.denoms[1], pool.id), new Uint8Array());
    store.set(key, encodePool(pool));
  }

  *iteratePools(ctx: Context): Generator<PoolState> {
    for (const [, value] of prefixIterator(this.store(ctx), POOLS_PREFIX)) yield decodePool(value);
  }

  /** Ids of the pools that trade `denomA` against `denomB`, ascending. */
  poolIdsForPair(ctx: Context, denomA: string, denomB: string): bigint[] {
    const prefix = pairPrefix(denomA, denomB);
    return [...prefixIterator(this.store(ctx), prefix)].map(([key]) => decodeU64(key.subarray(prefix.length)));
  }

  // ---- operations ----

  createPool(ctx: Context, sender: Uint8Array, args: CreatePoolArgs): CreatePoolResult {
    return createPool(this, ctx, sender, args);
  }

  addLiquidity(ctx: Context, sender: Uint8Array, poolId: bigint, maxAmounts: Coins, minShares: bigint): AddLiquidityResult {
    return addLiquidity(this, ctx, sender, poolId, maxAmounts, minShares);
  }

  removeLiquidity(ctx: Context, sender: Uint8Array, poolId: bigint, shares: bigint, minAmounts: Coins): Coins {
    return removeLiquidity(this, ctx, sender, poolId, shares, minAmounts);
  }

  swapExactIn(ctx: Context, sender: Uint8Array, routes: readonly bigint[], tokenIn: Coin, tokenOutDenom: string, minAmountOut: bigint): Coin {
    return swapExactIn(this, ctx, sender, routes, tokenIn, tokenOutDenom, minAmountOut);
  }

  swapExactOut(ctx: Context, sender: Uint8Array, routes: readonly bigint[], tokenInDenom: string, maxAmountIn: bigint, tokenOut: Coin): Coin {
    return swapExactOut(this, ctx, sender, routes, tokenInDenom, maxAmountIn, tokenOut);
  }

  simulateSwapExactIn(ctx: Context, routes: readonly bigint[], tokenIn: Coin, tokenOutDenom: string): SwapPlan {
    return planExactIn(this, ctx, routes, tokenIn, tokenOutDenom);
  }

  simulateSwapExactOut(ctx: Context, routes: readonly bigint[], tokenInDenom: string, tokenOut: Coin): SwapPlan {
    return planExactOut(this, ctx, routes, tokenInDenom, tokenOut);
  }

  twap(ctx: Context, poolId: bigint, baseDenom: string, startHeight: bigint, endHeight: bigint): TwapResult {
    return twap(this, ctx, poolId, baseDenom, startHeight, endHeight);
  }

  /** BeginBlock: remembers the block's time for TWAP queries by height, once pools exist. */
  beginBlock(ctx: Context): void {
    if (this.nextPoolId(ctx) > 1n) recordBlockTime(this, ctx);
  }

  auctionPools(ctx: Context, baseDenom: string, quoteDenom: string): readonly AuctionPool[] {
    return auctionPools(this, ctx, baseDenom, quoteDenom);
  }
}
