// What the AMM's tests share: auth, bank and amm over an in-memory store, funded traders,
// blocks that advance height and time, and each operation run as a tx would be (its own
// branch, written back only on success). Not a test file itself (no `.test` in the name).
import { bech32Codec } from '../../app/address-codec.js';
import { Context } from '../../app/context.js';
import type { Coin } from '../../app/coins.js';
import { CodedError } from '../../app/errors.js';
import { EventManager } from '../../app/events.js';
import { GasMeter } from '../../app/store/index.js';
import { memoryStore } from '../../app/testing.js';
import { authModule } from '../auth/index.js';
import { bankModule } from '../bank/index.js';
import { STORE_KEY as ACC_STORE } from '../auth/keys.js';
import { STORE_KEY as BANK_STORE } from '../bank/keys.js';
import { STORE_KEY as AMM_STORE } from './keys.js';
import { ammModule } from './module.js';

/** The dex's escrow in tests of the auction side. */
export const DEX_ACCOUNT = 'dex';
export const codec = bech32Codec('cosmos');
export const trader = (i: number): Uint8Array => new Uint8Array(20).fill(i + 1);

export function ammFixture(balances: ReadonlyArray<readonly Coin[]>) {
  const auth = authModule({ moduleAccounts: { amm: ['minter', 'burner'], [DEX_ACCOUNT]: [] } });
  const bank = bankModule({ accounts: auth.keeper, blockedAddresses: auth.keeper.moduleAccountAddresses() });
  const amm = ammModule({ bank: bank.keeper, accounts: auth.keeper });
  const store = memoryStore([ACC_STORE, BANK_STORE, AMM_STORE]);
  let height = 1n;
  let seconds = 1_700_000_000n;
  const contextAt = () => new Context(store, { chainId: 'amm-test', height, time: { seconds, nanos: 0 } }, new GasMeter(), new EventManager(), 'finalize');
  let ctx = contextAt();
  bank.genesis.init(ctx, bank.genesis.validate({
    balances: balances.map((coins, i) => ({ address: codec.encode(trader(i)), coins: coins.map((c) => ({ denom: c.denom, amount: c.amount.toString() })) })),
  }));
  amm.keeper.beginBlock(ctx);

  return {
    auth,
    bank,
    amm,
    keeper: amm.keeper,
    store,
    get ctx() {
      return ctx;
    },
    /** The next block, `dt` seconds later; runs the AMM's BeginBlock as the app would. */
    nextBlock(dt = 5n): Context {
      height += 1n;
      seconds += dt;
      ctx = contextAt();
      amm.keeper.beginBlock(ctx);
      return ctx;
    },
    /** Runs `op` as a tx: in a branch, kept only if it returns; a CodedError is returned, anything else thrown. */
    tx<T>(op: (c: Context) => T): T | CodedError {
      const branch = store.branch();
      try {
        const result = op(ctx.with(branch, new EventManager()));
        branch.write();
        return result;
      } catch (err) {
        if (err instanceof CodedError) return err;
        throw err;
      }
    },
    balance: (address: Uint8Array, denom: string) => bank.keeper.getBalance(ctx, address, denom),
    /** Every invariant of the bank and the AMM; the first broken one, or undefined. */
    brokenInvariant(): string | undefined {
      for (const module of [bank, amm]) {
        for (const [name, check] of Object.entries(module.invariants)) {
          const broken = check(ctx);
          if (broken !== undefined) return `${module.name}/${name}: ${broken}`;
        }
      }
      return undefined;
    },
  };
}

export type AmmFixture = ReturnType<typeof ammFixture>;

/** A small deterministic PRNG (mulberry32), so every run generates the same operations. */
export function rng(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** A bigint in [1, max], log-uniform, so tiny and huge amounts are both common. */
    amount(max: bigint): bigint {
      const bits = max.toString(2).length;
      const b = 1 + Math.floor(next() * bits);
      let v = 0n;
      for (let i = 0; i < b; i += 30) v = (v << 30n) | BigInt(Math.floor(next() * 2 ** 30));
      v = v % (1n << BigInt(b));
      const r = v % max;
      return r + 1n;
    },
  };
}
