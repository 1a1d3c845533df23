/**
 * The dex's end-of-block auction on a book in the real store (IAVL over LMDB, reads
 * memoized per block as BaseApp does): resting orders are committed first, this block's
 * orders are placed in the block branch, then the clock runs around the dex's end block
 * alone (clearing, settlement, IOC and expiry clean-up), and separately around writing the
 * block branch into the trees and hashing them (what Commit then persists).
 *   1. one batch of N orders: half resting, half new, about half of the new ones crossing;
 *      and the worst case, where every one of the N orders is new and fills;
 *   2. the end block of one market as its resting book grows, with 100 new crossing orders.
 * A small batch runs first, unreported, so that the figures are not the JIT's warm-up; each
 * figure is the median of --rounds runs (a fresh store each), with a full GC before the clock
 * starts when node runs with --expose-gc, so that one run's garbage is not billed to the next.
 * Run: node --expose-gc dist/scripts/bench/dex.js [--batch 10000,100000] [--books 1000,10000,100000]
 *      [--traders 1000] [--rounds 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FEE_COLLECTOR_NAME } from '../../app/ante/index.js';
import { Context, infiniteGasMeter } from '../../app/context.js';
import { DEC_ONE, parseDec, type Dec } from '../../app/dec.js';
import { EventManager } from '../../app/events.js';
import { memoizeMultiStoreReads } from '../../app/read-memo.js';
import { CommitMultiStore, type MultiStore } from '../../app/store/index.js';
import { authModule } from '../../modules/auth/index.js';
import { STORE_KEY as AUTH_STORE } from '../../modules/auth/keys.js';
import { bankModule } from '../../modules/bank/index.js';
import { STORE_KEY as BANK_STORE } from '../../modules/bank/keys.js';
import { Side, TimeInForce } from '../../modules/dex/codec.js';
import { ESCROW_ACCOUNT, STORE_KEY as DEX_STORE } from '../../modules/dex/keys.js';
import { dexModule } from '../../modules/dex/module.js';
import { fmt, median, nowMs } from './stats.js';

const { values: flags } = parseArgs({
  options: {
    batch: { type: 'string', default: '10000,100000' },
    books: { type: 'string', default: '1000,10000,100000' },
    traders: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
  },
});
const list = (text: string) => text.split(',').map((s) => Number(s.trim()));
const traderCount = Number(flags.traders);
const rounds = Number(flags.rounds);
const collectGarbage = (globalThis as { gc?: () => void }).gc;

const BASE = 'ubase';
const QUOTE = 'uquote';
const TICK = parseDec('0.001');
const LOT = 1000n;

/** A deterministic stream of numbers in [0, 1) (mulberry32), so every run places the same orders. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Order {
  side: Side;
  price: Dec;
  quantity: bigint;
}

/** Resting orders that do not cross: bids from 0.900 to 0.999, asks from 1.001 to 1.100. */
function restingOrders(count: number, next: () => number): Order[] {
  return Array.from({ length: count }, (_, i) => {
    const buy = i % 2 === 0;
    const ticks = BigInt(1 + Math.floor(next() * 100));
    return { side: buy ? Side.SIDE_BUY : Side.SIDE_SELL, price: DEC_ONE + (buy ? -ticks : ticks) * TICK, quantity: LOT * BigInt(1 + Math.floor(next() * 10)) };
  });
}

/** Every order crosses: buys from 1.001 to 1.050, sells from 0.950 to 0.999, the same size each. */
function crossingOrders(count: number, next: () => number): Order[] {
  return Array.from({ length: count }, (_, i) => {
    const buy = i % 2 === 0;
    const ticks = BigInt(1 + Math.floor(next() * 50));
    return { side: buy ? Side.SIDE_BUY : Side.SIDE_SELL, price: DEC_ONE + (buy ? ticks : -ticks) * TICK, quantity: LOT * 5n };
  });
}

/** This block's orders: limits spread from 0.950 to 1.050, so about half cross. */
function newOrders(count: number, next: () => number): Order[] {
  return Array.from({ length: count }, (_, i) => ({
    side: i % 2 === 0 ? Side.SIDE_BUY : Side.SIDE_SELL,
    price: DEC_ONE + BigInt(Math.floor(next() * 101) - 50) * TICK,
    quantity: LOT * BigInt(1 + Math.floor(next() * 10)),
  }));
}

interface Setup {
  store: CommitMultiStore;
  dir: string;
  dex: ReturnType<typeof dexModule>;
  traders: string[];
}

function context(store: MultiStore, height: bigint): Context {
  return new Context(store, { chainId: 'bench', height, time: { seconds: 1_700_000_000n + height, nanos: 0 } }, infiniteGasMeter(), new EventManager(), 'block');
}

async function setup(resting: Order[]): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-bench-dex-'));
  const store = CommitMultiStore.open({ path: dir, stores: [AUTH_STORE, BANK_STORE, DEX_STORE, 'consensus'] });
  const auth = authModule({ moduleAccounts: { [ESCROW_ACCOUNT]: [] } });
  const bank = bankModule({ accounts: auth.keeper, blockedAddresses: auth.keeper.moduleAccountAddresses() });
  const dex = dexModule({ bank: bank.keeper, accounts: auth.keeper });
  const branch = store.branch();
  const ctx = context(branch, 1n);
  for (const name of [ESCROW_ACCOUNT, FEE_COLLECTOR_NAME]) auth.keeper.getModuleAccount(ctx, name);
  const traders: string[] = [];
  for (let i = 0; i < traderCount; i++) {
    const address = new Uint8Array(20);
    new DataView(address.buffer).setUint32(16, i + 1);
    auth.keeper.createAccount(ctx, address);
    bank.keeper.initBalances(ctx, address, [{ denom: QUOTE, amount: 10n ** 15n }, { denom: BASE, amount: 10n ** 15n }].sort((a, b) => (a.denom < b.denom ? -1 : 1)));
    traders.push(auth.keeper.addressCodec.encode(address));
  }
  dex.keeper.addMarket(ctx, { baseDenom: BASE, quoteDenom: QUOTE, tickSize: TICK, lotSize: LOT, minNotional: 0n, feeRate: parseDec('0.001') });
  place(ctx, dex, traders, resting);
  branch.write();
  await store.commit();
  return { store, dir, dex, traders };
}

function place(ctx: Context, dex: ReturnType<typeof dexModule>, traders: string[], orders: Order[]): void {
  orders.forEach((order, i) => {
    dex.keeper.placeLimitOrder(ctx, traders[i % traders.length]!, { marketId: 1n, ...order, timeInForce: TimeInForce.TIME_IN_FORCE_GTC, expiryHeight: 0n });
  });
}

interface BlockFigures {
  placeMs: number;
  endBlockMs: number;
  writeHashMs: number;
  fills: number;
  volume: bigint;
}

async function block(setupState: Setup, incoming: Order[]): Promise<BlockFigures> {
  const { store, dex, traders } = setupState;
  const branch = memoizeMultiStoreReads(store).branch();
  const ctx = context(branch, 2n);
  let t = nowMs();
  place(ctx, dex, traders, incoming);
  const placeMs = nowMs() - t;
  const events = new EventManager();
  const endCtx = new Context(branch, ctx.header, infiniteGasMeter(), events, 'block');
  collectGarbage?.();
  t = nowMs();
  dex.endBlock(endCtx);
  const endBlockMs = nowMs() - t;
  collectGarbage?.();
  t = nowMs();
  branch.write();
  store.workingHash();
  const writeHashMs = nowMs() - t;
  const cleared = events.events.find((e) => e.type === 'auction_cleared');
  const attr = (key: string) => cleared?.attributes.find((a) => a.key === key)?.value ?? '0';
  return { placeMs, endBlockMs, writeHashMs, fills: Number(attr('orders_filled')), volume: BigInt(attr('volume')) };
}

async function close(s: Setup): Promise<void> {
  await s.store.close();
  rmSync(s.dir, { recursive: true, force: true });
}

/** The median run of `rounds`, by end-block time. */
async function measure(resting: Order[], incoming: Order[], times: number): Promise<BlockFigures> {
  const runs: BlockFigures[] = [];
  for (let i = 0; i < times; i++) {
    const s = await setup(resting);
    runs.push(await block(s, incoming));
    await close(s);
  }
  const byEndBlock = [...runs].sort((a, b) => a.endBlockMs - b.endBlockMs);
  const middle = byEndBlock[Math.floor(runs.length / 2)]!;
  return { ...middle, writeHashMs: median(runs.map((r) => r.writeHashMs)), placeMs: median(runs.map((r) => r.placeMs)) };
}

async function batch(total: number, resting: Order[], incoming: Order[], label: string): Promise<void> {
  const f = await measure(resting, incoming, label === '' ? 1 : rounds);
  if (label !== '') {
    console.log(
      `   ${fmt(total).padStart(7)}  ${label.padEnd(13)} ${fmt(f.fills).padStart(7)}   ${`${fmt(f.endBlockMs, 0)} ms`.padStart(9)}   ${`${fmt(f.writeHashMs, 0)} ms`.padStart(12)}   ${fmt(f.placeMs, 0)} ms (${fmt((incoming.length / f.placeMs) * 1000, 0)} orders/s)`,
    );
  }
}

console.log(`dex end-block auction, one market, ${traderCount} traders, IAVL over LMDB, median of ${rounds} (node ${process.version}${collectGarbage ? '' : ', without --expose-gc'})\n`);
await batch(2000, restingOrders(1000, random(1)), newOrders(1000, random(2)), '');
console.log('1. One batch of N orders');
console.log('   orders   crossing       filled   end block   write + hash   placing this block\'s orders');
for (const total of list(flags.batch)) {
  const next = random(total);
  await batch(total, restingOrders(total / 2, next), newOrders(total / 2, next), 'about 1 in 4');
  await batch(total, [], crossingOrders(total, next), 'all');
}

console.log('\n2. End block of one market as its resting book grows (100 new crossing orders)');
console.log('   resting   filled   end block');
for (const size of list(flags.books)) {
  const next = random(size + 7);
  const f = await measure(restingOrders(size, next), crossingOrders(100, next), rounds);
  console.log(`   ${fmt(size).padStart(7)}   ${fmt(f.fills).padStart(6)}   ${`${fmt(f.endBlockMs, 1)} ms`.padStart(9)}`);
}
