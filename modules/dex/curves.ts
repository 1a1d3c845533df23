// The supply and demand curves of one batch, over the tick grid (price = tick index × tick
// size). Orders contribute steps at their limit prices; pools contribute their curve through
// `baseOfferedAt`, rounded toward zero to the market's settlement unit so that every amount
// a pool trades has an exact quote value. Both curves are monotone, which every search relies on.
import type { Dec } from '../../app/dec.js';
import type { AuctionPool } from './expects.js';

/** The orders resting at one price: their total unfilled quantity. */
export interface CurveLevel {
  readonly tick: bigint;
  readonly quantity: bigint;
}

/** A pool's offer on the tick grid, memoized: the searches ask for the same ticks repeatedly. */
export class PoolCurve {
  private readonly memo = new Map<bigint, bigint>();

  constructor(
    readonly pool: AuctionPool,
    private readonly tickSize: Dec,
    private readonly unit: bigint,
  ) {}

  get id(): string {
    return this.pool.id;
  }

  /** Base the pool sells at tick `k` (negative: buys), a multiple of the settlement unit. */
  offer(k: bigint): bigint {
    let value = this.memo.get(k);
    if (value === undefined) {
      const raw = this.pool.baseOfferedAt(k * this.tickSize);
      value = raw >= 0n ? (raw / this.unit) * this.unit : -((-raw / this.unit) * this.unit);
      this.memo.set(k, value);
    }
    return value;
  }

  supply(k: bigint): bigint {
    const v = this.offer(k);
    return v > 0n ? v : 0n;
  }

  demand(k: bigint): bigint {
    const v = this.offer(k);
    return v < 0n ? -v : 0n;
  }
}

/**
 * Cumulative book quantities with O(log n) lookups. `bids` best (highest tick) first, `asks`
 * best (lowest) first. Outside [lo, hi] nobody trades (lo is the lowest price anyone sells at,
 * hi the highest anyone buys at), so pools are never asked about prices there.
 */
export class Curves {
  private readonly bidSums: bigint[];
  private readonly askSums: bigint[];

  constructor(
    readonly bids: readonly CurveLevel[],
    readonly asks: readonly CurveLevel[],
    readonly pools: readonly PoolCurve[],
    readonly lo: bigint,
    readonly hi: bigint,
    /** A bid and an ask that are not in the store (the router's estimates), as extra levels. */
    private readonly extraBid?: CurveLevel,
    private readonly extraAsk?: CurveLevel,
    sums?: { bids: bigint[]; asks: bigint[] },
  ) {
    this.bidSums = sums?.bids ?? prefixSums(bids);
    this.askSums = sums?.asks ?? prefixSums(asks);
  }

  /**
   * The same curves plus one order, without copying the levels: the router tries many limits
   * for one estimate. [lo, hi] must already cover the order's tick (see loadBook's `reach`).
   */
  withOrder(side: 'buy' | 'sell', level: CurveLevel): Curves {
    const sums = { bids: this.bidSums, asks: this.askSums };
    return side === 'buy'
      ? new Curves(this.bids, this.asks, this.pools, this.lo, this.hi, level, this.extraAsk, sums)
      : new Curves(this.bids, this.asks, this.pools, this.lo, this.hi, this.extraBid, level, sums);
  }

  /** Book buy quantity with a limit at or above tick k. */
  bookDemand(k: bigint): bigint {
    // bids descend: count those with tick ≥ k.
    let a = 0;
    let b = this.bids.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.bids[mid]!.tick >= k) a = mid + 1;
      else b = mid;
    }
    const extra = this.extraBid !== undefined && this.extraBid.tick >= k ? this.extraBid.quantity : 0n;
    return (a === 0 ? 0n : this.bidSums[a - 1]!) + extra;
  }

  /** Book sell quantity with a limit at or below tick k. */
  bookSupply(k: bigint): bigint {
    let a = 0;
    let b = this.asks.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.asks[mid]!.tick <= k) a = mid + 1;
      else b = mid;
    }
    const extra = this.extraAsk !== undefined && this.extraAsk.tick <= k ? this.extraAsk.quantity : 0n;
    return (a === 0 ? 0n : this.askSums[a - 1]!) + extra;
  }

  /** Total demand at tick k: book bids at or above it plus what pools buy there. */
  demand(k: bigint): bigint {
    if (k > this.hi) return 0n;
    let total = this.bookDemand(k);
    for (const pool of this.pools) total += pool.demand(k);
    return total;
  }

  /** Total supply at tick k: book asks at or below it plus what pools sell there. */
  supply(k: bigint): bigint {
    if (k < this.lo) return 0n;
    let total = this.bookSupply(k);
    for (const pool of this.pools) total += pool.supply(k);
    return total;
  }

  poolDemand(index: number, k: bigint): bigint {
    return k > this.hi ? 0n : this.pools[index]!.demand(k);
  }

  poolSupply(index: number, k: bigint): bigint {
    return k < this.lo ? 0n : this.pools[index]!.supply(k);
  }
}

function prefixSums(levels: readonly CurveLevel[]): bigint[] {
  const sums: bigint[] = new Array(levels.length);
  let total = 0n;
  for (let i = 0; i < levels.length; i++) {
    total += levels[i]!.quantity;
    sums[i] = total;
  }
  return sums;
}
