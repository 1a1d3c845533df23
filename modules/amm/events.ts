// The AMM's events, named as Osmosis's gamm names them so indexers that know one know the
// other: pool_created, pool_joined, pool_exited, token_swapped; plus pool_auction_fill for
// a pool's part in the orderbook's batch auction. Amounts are SDK coin strings ("10uatom").
import { coinsToString, coinToString, type Coin, type Coins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { decToString } from '../../app/dec.js';
import type { AmmKeeper } from './keeper.js';
import type { PoolState } from './pool.js';

const address = (keeper: AmmKeeper, bytes: Uint8Array) => keeper.accounts.addressCodec.encode(bytes);

export function emitPoolCreated(ctx: Context, keeper: AmmKeeper, sender: Uint8Array, pool: PoolState, creationFee: Coins, shares: Coin): void {
  ctx.events.emit(
    'pool_created',
    ['sender', address(keeper, sender)],
    ['pool_id', pool.id.toString()],
    ['curve', pool.curve],
    ['amplification', pool.amplification.toString()],
    ['swap_fee', decToString(pool.swapFee)],
    ['tokens_in', coinsToString([
      { denom: pool.denoms[0], amount: pool.reserves[0] },
      { denom: pool.denoms[1], amount: pool.reserves[1] },
    ])],
    ['shares', coinToString(shares)],
    ['creation_fee', coinsToString(creationFee)],
  );
}

export function emitPoolJoined(ctx: Context, keeper: AmmKeeper, sender: Uint8Array, poolId: bigint, tokensIn: Coins, shares: Coin): void {
  ctx.events.emit('pool_joined', ['sender', address(keeper, sender)], ['pool_id', poolId.toString()], ['tokens_in', coinsToString(tokensIn)], ['shares', coinToString(shares)]);
}

export function emitPoolExited(ctx: Context, keeper: AmmKeeper, sender: Uint8Array, poolId: bigint, tokensOut: Coins, shares: Coin): void {
  ctx.events.emit('pool_exited', ['sender', address(keeper, sender)], ['pool_id', poolId.toString()], ['tokens_out', coinsToString(tokensOut)], ['shares', coinToString(shares)]);
}

export function emitTokenSwapped(ctx: Context, keeper: AmmKeeper, sender: Uint8Array, poolId: bigint, tokenIn: Coin, tokenOut: Coin): void {
  ctx.events.emit('token_swapped', ['sender', address(keeper, sender)], ['pool_id', poolId.toString()], ['tokens_in', coinToString(tokenIn)], ['tokens_out', coinToString(tokenOut)]);
}

export function emitAuctionFill(ctx: Context, poolId: bigint, counterparty: string, tokenIn: Coin, tokenOut: Coin): void {
  ctx.events.emit('pool_auction_fill', ['pool_id', poolId.toString()], ['counterparty', counterparty], ['tokens_in', coinToString(tokenIn)], ['tokens_out', coinToString(tokenOut)]);
}
