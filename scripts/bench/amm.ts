/**
 * AMM swap benchmark, at the keeper over a real store: auth + bank + amm on LMDB, each swap in
 * its own cache branch as a tx runs (written back on success), blocks hashed and committed.
 * Measures constant-product and stableswap swaps (exact in, exact out, a two-hop route) and
 * the auction offers a pool computes per clearing price. Prints medians over blocks.
 * Run: npm run bench:amm [-- --blocks 10 --swaps 2000 --traders 1000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import '../../app/codec.js';
import { Context } from '../../app/context.js';
import { DEC_ONE } from '../../app/dec.js';
import { EventManager } from '../../app/events.js';
import { CommitMultiStore, GasMeter } from '../../app/store/index.js';
import { authModule } from '../../modules/auth/index.js';
import { STORE_KEY as ACC_STORE } from '../../modules/auth/keys.js';
import { bankModule } from '../../modules/bank/index.js';
import { STORE_KEY as BANK_STORE } from '../../modules/bank/keys.js';
import { ammModule, STORE_KEY as AMM_STORE } from '../../modules/amm/index.js';
import { fmt, median, nowMs } from './stats.js';

const { values: flags } = parseArgs({
  options: {
    blocks: { type: 'string', default: '10' },
    swaps: { type: 'string', default: '2000' },
    traders: { type: 'string', default: '1000' },
  },
});
const BLOCKS = Number(flags.blocks);
const SWAPS = Number(flags.swaps);
const TRADERS = Number(flags.traders);
const DENOMS = ['uatom', 'ustake', 'uusdc', 'uusdt'];

const dir = mkdtempSync(join(tmpdir(), 'zonekit-bench-amm-'));
const ms = CommitMultiStore.open({ path: dir, stores: [ACC_STORE, BANK_STORE, AMM_STORE] });
const auth = authModule({ moduleAccounts: { amm: ['minter', 'burner'] } });
const bank = bankModule({ accounts: auth.keeper, blockedAddresses: auth.keeper.moduleAccountAddresses() });
const amm = ammModule({ bank: bank.keeper, accounts: auth.keeper });
const keeper = amm.keeper;
const traders = Array.from({ length: TRADERS }, (_, i) => Buffer.from(`bench-trader-${String(i).padStart(7, '0')}`).subarray(0, 20));

let height = 0n;
function block(): { ctx: Context; branch: ReturnType<CommitMultiStore['branch']> } {
  height += 1n;
  const branch = ms.branch();
  const ctx = new Context(branch, { chainId: 'bench', height, time: { seconds: 1_700_000_000n + height * 5n, nanos: 0 } }, new GasMeter(), new EventManager(), 'finalize');
  keeper.beginBlock(ctx);
  return { ctx, branch };
}

/** Runs `op` as a tx would: a branch of the block, written back when it succeeds. */
function tx(ctx: Context, op: (c: Context) => unknown): void {
  const branch = ctx.store.branch();
  op(ctx.with(branch, new EventManager()));
  branch.write();
}

async function setup(): Promise<void> {
  const { ctx, branch } = block();
  bank.genesis.init(ctx, bank.genesis.validate({
    balances: traders.map((t) => ({ address: auth.keeper.addressCodec.encode(t), coins: DENOMS.map((denom) => ({ denom, amount: '1000000000000000000' })) })),
  }));
  const create = (curve: string, amplification: bigint, a: string, b: string, amount: bigint) =>
    tx(ctx, (c) => keeper.createPool(c, traders[0]!, { curve, amplification, swapFee: (3n * DEC_ONE) / 1000n, deposit: [{ denom: a, amount }, { denom: b, amount }] }));
  create('constant_product', 0n, 'uatom', 'ustake', 10n ** 15n); // pool 1
  create('stableswap', 100n, 'uusdc', 'uusdt', 10n ** 15n); // pool 2
  create('constant_product', 0n, 'ustake', 'uusdc', 10n ** 15n); // pool 3
  branch.write();
  await ms.commit();
}

interface Scenario {
  name: string;
  swap(ctx: Context, trader: Uint8Array, i: number): void;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'constant product, exact in',
    swap: (ctx, t, i) => keeper.swapExactIn(ctx, t, [1n], { denom: i % 2 ? 'uatom' : 'ustake', amount: 1_000_000n + BigInt(i) }, i % 2 ? 'ustake' : 'uatom', 1n),
  },
  {
    name: 'stableswap A=100, exact in',
    swap: (ctx, t, i) => keeper.swapExactIn(ctx, t, [2n], { denom: i % 2 ? 'uusdc' : 'uusdt', amount: 1_000_000n + BigInt(i) }, i % 2 ? 'uusdt' : 'uusdc', 1n),
  },
  {
    name: 'constant product, exact out',
    swap: (ctx, t, i) => keeper.swapExactOut(ctx, t, [1n], i % 2 ? 'uatom' : 'ustake', 10n ** 12n, { denom: i % 2 ? 'ustake' : 'uatom', amount: 1_000_000n + BigInt(i) }),
  },
  {
    name: 'two hops (constant product → stableswap)',
    swap: (ctx, t, i) => keeper.swapExactIn(ctx, t, [3n, 2n], { denom: 'ustake', amount: 1_000_000n + BigInt(i) }, 'uusdt', 1n),
  },
];

async function measure(scenario: Scenario): Promise<void> {
  const execRates: number[] = [];
  const blockRates: number[] = [];
  // One block more than measured: the first warms the JIT and the store's caches.
  for (let b = -1; b < BLOCKS; b++) {
    const start = nowMs();
    const { ctx, branch } = block();
    for (let i = 0; i < SWAPS; i++) tx(ctx, (c) => scenario.swap(c, traders[((b + 1) * SWAPS + i) % TRADERS]!, i));
    const executed = nowMs();
    branch.write();
    ms.workingHash();
    await ms.commit();
    const end = nowMs();
    if (b < 0) continue;
    execRates.push(SWAPS / ((executed - start) / 1000));
    blockRates.push(SWAPS / ((end - start) / 1000));
  }
  console.log(`${scenario.name.padEnd(42)} ${fmt(median(execRates), 0).padStart(8)} swaps/s executed, ${fmt(median(blockRates), 0).padStart(8)} swaps/s with hash + commit`);
}

function measureOffers(): void {
  const ctx = block().ctx;
  for (const [name, base, quote] of [['constant product', 'uatom', 'ustake'], ['stableswap A=100', 'uusdc', 'uusdt']] as const) {
    const [pool] = keeper.auctionPools(ctx, base, quote);
    const n = name.startsWith('stable') ? 500 : 5000;
    const start = nowMs();
    for (let i = 0; i < n; i++) pool!.baseOfferedAt(DEC_ONE / 2n + (BigInt(i) * DEC_ONE) / BigInt(n));
    console.log(`auction offers, ${name.padEnd(25)} ${fmt(n / ((nowMs() - start) / 1000), 0).padStart(8)} baseOfferedAt/s (prices 0.5 to 1.5 × spot)`);
  }
}

async function main(): Promise<void> {
  console.log(`zonekit amm benchmark: ${BLOCKS} blocks of ${fmt(SWAPS, 0)} swaps, ${fmt(TRADERS, 0)} traders, LMDB store (node ${process.version})`);
  await setup();
  for (const scenario of SCENARIOS) await measure(scenario);
  measureOffers();
  const broken = Object.entries(amm.invariants).map(([name, check]) => [name, check(block().ctx)]).filter(([, v]) => v !== undefined);
  if (broken.length > 0) throw new Error(`invariants broken after the benchmark: ${JSON.stringify(broken)}`);
  await ms.close();
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
