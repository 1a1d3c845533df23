// What the orderbook expects of other modules. The AMM implements `AuctionLiquidity` so a
// pool paired with an orderbook market offers its curve inside the batch auction (one
// clearing price reflects both venues), and both venues implement `Market` so a router can
// fill an order from whichever gives the better price.
import type { AddressCodec } from '../../app/address-codec.js';
import type { Coins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import type { Dec } from '../../app/dec.js';

/**
 * A pool's curve as a participant in one batch auction for the pair (base, quote).
 * Prices are Dec (18 decimals), quote units per base unit.
 */
export interface AuctionPool {
  /** Stable id, for events and deterministic ordering (`amm/7`). */
  readonly id: string;
  /**
   * Base units the pool would trade if the batch cleared at `price`, after its swap fee:
   * positive = it sells base (price above its spot), negative = it buys base (price below),
   * zero at its spot price. Monotone non-decreasing in `price`; never so much that the
   * pool's invariant decreases when settled at `price` (rounding in the pool's favour).
   */
  baseOfferedAt(price: Dec): bigint;
  /**
   * Settles the pool's fill at the clearing price: it gives `baseOut` base (negative =
   * receives) and receives `quoteIn` quote (negative = gives), moving the coins between its
   * reserves and the module account `counterpartyModule` (the dex escrow).
   */
  settle(ctx: Context, baseOut: bigint, quoteIn: bigint, counterpartyModule: string): void;
}

export interface AuctionLiquidity {
  /** Pools that trade base against quote, in a deterministic order (by id). */
  auctionPools(ctx: Context, baseDenom: string, quoteDenom: string): readonly AuctionPool[];
}

/** One venue behind the router: quotes and immediate fills of an exact input amount. */
export interface Market {
  readonly venue: string;
  /** Output for `amountIn` of `denomIn`, or 0n if this venue cannot trade the pair now. */
  quoteExactIn(ctx: Context, denomIn: string, amountIn: bigint, denomOut: string): bigint;
  /** Fills at once for `trader` (coins move from and to the trader's account); returns the output. */
  swapExactIn(ctx: Context, trader: Uint8Array, denomIn: string, amountIn: bigint, denomOut: string, minOut: bigint): bigint;
}

/** What the dex needs of the bank keeper: escrow in, payouts and fees out. */
export interface DexBankKeeper {
  getBalance(ctx: Context, address: Uint8Array, denom: string): bigint;
  sendCoinsFromAccountToModule(ctx: Context, sender: Uint8Array, recipientModule: string, amount: Coins): void;
  sendCoinsFromModuleToAccount(ctx: Context, senderModule: string, recipient: Uint8Array, amount: Coins): void;
  sendCoinsFromModuleToModule(ctx: Context, senderModule: string, recipientModule: string, amount: Coins): void;
}

/** What the dex needs of the account keeper: how addresses are written, and its escrow account's address. */
export interface DexAccountKeeper {
  readonly addressCodec: AddressCodec;
  getModuleAddress(name: string): Uint8Array | undefined;
}
