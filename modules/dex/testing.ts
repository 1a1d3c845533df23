// Test support for the dex (and for anyone pairing a pool with it): auth, bank and dex over an
// in-memory store with funded traders, and a reference constant-product pool that implements
// `AuctionPool` the way expects.ts asks (integer math, rounding in the pool's favour).
import type { Coins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { DEC_ONE, type Dec } from '../../app/dec.js';
import { testContext } from '../../app/testing.js';
import { FEE_COLLECTOR_NAME } from '../../app/ante/index.js';
import { authModule } from '../auth/index.js';
import { STORE_KEY as AUTH_STORE } from '../auth/keys.js';
import { bankModule } from '../bank/index.js';
import { STORE_KEY as BANK_STORE } from '../bank/keys.js';
import { ErrSlippage } from './errors.js';
import type { AuctionLiquidity, AuctionPool, Market } from './expects.js';
import { ESCROW_ACCOUNT, STORE_KEY } from './keys.js';
import { dexModule } from './module.js';

export interface PoolSpec {
  /** Module account that holds the reserves. */
  account: string;
  base: string;
  quote: string;
  /** Swap fee as Dec (0.003 → 3 × 10^15). */
  fee: Dec;
}

/** A Uniswap-v2-style pool whose reserves are its module account's balances. */
export class ConstantProductPool {
  constructor(
    readonly spec: PoolSpec,
    private readonly bank: ReturnType<typeof bankModule>['keeper'],
    private readonly address: Uint8Array,
  ) {}

  reserves(ctx: Context): { base: bigint; quote: bigint } {
    return { base: this.bank.getBalance(ctx, this.address, this.spec.base), quote: this.bank.getBalance(ctx, this.address, this.spec.quote) };
  }

  /** The pool as it stands in `ctx`, for one auction. */
  auctionPool(ctx: Context): AuctionPool {
    const { base: rb, quote: rq } = this.reserves(ctx);
    const g = DEC_ONE - this.spec.fee;
    const bank = this.bank;
    const spec = this.spec;
    return {
      id: `cp/${spec.account}`,
      baseOfferedAt(price: Dec): bigint {
        if (price <= 0n || rb === 0n || rq === 0n) return 0n;
        // Sells x with (rb − x)(rq + x·p·g) ≥ rb·rq: x = rb − rq / (p·g), rounded down.
        const keep = (rq * DEC_ONE * DEC_ONE + price * g - 1n) / (price * g);
        if (keep < rb) return rb - keep;
        // Buys y with (rb + y·g)(rq − y·p) ≥ rb·rq: y = rq / p − rb / g, rounded down.
        const y = (rq * DEC_ONE) / price - (rb * DEC_ONE + g - 1n) / g;
        return y > 0n ? -y : 0n;
      },
      settle(ctx: Context, baseOut: bigint, quoteIn: bigint, counterparty: string): void {
        // The pool gives first, then takes.
        if (baseOut > 0n) {
          bank.sendCoinsFromModuleToModule(ctx, spec.account, counterparty, [{ denom: spec.base, amount: baseOut }]);
          if (quoteIn > 0n) bank.sendCoinsFromModuleToModule(ctx, counterparty, spec.account, [{ denom: spec.quote, amount: quoteIn }]);
        } else if (baseOut < 0n) {
          if (quoteIn < 0n) bank.sendCoinsFromModuleToModule(ctx, spec.account, counterparty, [{ denom: spec.quote, amount: -quoteIn }]);
          bank.sendCoinsFromModuleToModule(ctx, counterparty, spec.account, [{ denom: spec.base, amount: -baseOut }]);
        }
      },
    };
  }
}

/** The same pool as an immediate venue: Uniswap v2 exact-in swaps against its reserves. */
export function constantProductVenue(pool: ConstantProductPool, bank: ReturnType<typeof bankModule>['keeper']): Market {
  const { base, quote, fee, account } = pool.spec;
  const out = (ctx: Context, denomIn: string, amountIn: bigint, denomOut: string) => {
    const pair = (denomIn === base && denomOut === quote) || (denomIn === quote && denomOut === base);
    if (!pair || amountIn <= 0n) return 0n;
    const r = pool.reserves(ctx);
    const [rin, rout] = denomIn === base ? [r.base, r.quote] : [r.quote, r.base];
    const effective = amountIn * (DEC_ONE - fee);
    return (effective * rout) / (rin * DEC_ONE + effective);
  };
  return {
    venue: `cp/${account}`,
    quoteExactIn: out,
    swapExactIn(ctx, trader, denomIn, amountIn, denomOut, minOut) {
      const amount = out(ctx, denomIn, amountIn, denomOut);
      if (amount < minOut || amount === 0n) throw ErrSlippage.wrap(`would get ${amount}${denomOut}, below ${minOut}`);
      bank.sendCoinsFromAccountToModule(ctx, trader, account, [{ denom: denomIn, amount: amountIn }]);
      bank.sendCoinsFromModuleToAccount(ctx, account, trader, [{ denom: denomOut, amount }]);
      return amount;
    },
  };
}

export interface DexTestEnv {
  ctx: Context;
  auth: ReturnType<typeof authModule>;
  bank: ReturnType<typeof bankModule>;
  dex: ReturnType<typeof dexModule>;
  pools: ConstantProductPool[];
  /** Credits coins (and supply) to an address, as genesis would. */
  fund(address: Uint8Array, coins: Coins): void;
  /** Credits a pool's reserves. */
  fundPool(pool: ConstantProductPool, base: bigint, quote: bigint): void;
  moduleAddress(name: string): Uint8Array;
}

/**
 * auth + bank + dex (+ reference pools) in memory. Pools are module accounts `pool0`, `pool1`,
 * ...; they join the auction (unless `auctionPools` is false), and with `venues` they are also
 * immediate venues for the router.
 */
export function dexTestEnv(options: { pools?: Array<Omit<PoolSpec, 'account'>>; height?: bigint; venues?: boolean; auctionPools?: boolean } = {}): DexTestEnv {
  const poolSpecs = (options.pools ?? []).map((p, i) => ({ ...p, account: `pool${i}` }));
  const auth = authModule({ moduleAccounts: { [ESCROW_ACCOUNT]: [], ...Object.fromEntries(poolSpecs.map((p) => [p.account, []])) } });
  const bank = bankModule({ accounts: auth.keeper, blockedAddresses: auth.keeper.moduleAccountAddresses() });
  const moduleAddress = (name: string) => auth.keeper.getModuleAddress(name)!;
  const pools = poolSpecs.map((spec) => new ConstantProductPool(spec, bank.keeper, moduleAddress(spec.account)));
  const liquidity: AuctionLiquidity = {
    auctionPools: (ctx, base, quote) => pools.filter((p) => p.spec.base === base && p.spec.quote === quote).map((p) => p.auctionPool(ctx)),
  };
  const venues = options.venues ? pools.map((p) => constantProductVenue(p, bank.keeper)) : [];
  const dex = dexModule({ bank: bank.keeper, accounts: auth.keeper, venues, ...(pools.length > 0 && options.auctionPools !== false ? { liquidity } : {}) });
  const ctx = testContext({ stores: [AUTH_STORE, BANK_STORE, STORE_KEY], height: options.height ?? 1n });
  const fund = (address: Uint8Array, coins: Coins) => {
    bank.keeper.initBalances(ctx, address, coins.map((c) => ({ denom: c.denom, amount: bank.keeper.getBalance(ctx, address, c.denom) + c.amount })));
    for (const c of coins) bank.keeper.setSupply(ctx, { denom: c.denom, amount: bank.keeper.getSupply(ctx, c.denom) + c.amount });
    if (!auth.keeper.hasAccount(ctx, address)) auth.keeper.createAccount(ctx, address);
  };
  for (const name of [ESCROW_ACCOUNT, FEE_COLLECTOR_NAME, ...poolSpecs.map((p) => p.account)]) auth.keeper.getModuleAccount(ctx, name);
  return {
    ctx,
    auth,
    bank,
    dex,
    pools,
    fund,
    fundPool: (pool, base, quote) =>
      fund(moduleAddress(pool.spec.account), [
        { denom: pool.spec.base, amount: base },
        { denom: pool.spec.quote, amount: quote },
      ]),
    moduleAddress,
  };
}
