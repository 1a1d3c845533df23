// The crash campaign: a 4-validator localnet under mixed load from many accounts (bank sends,
// delegations, dex limit orders and AMM swaps on an exchange set up in genesis), kill -9 of a
// validator's app, its CometBFT or both (of one validator or two at once) at random moments,
// each followed by restart and catch-up, then checks that nothing committed was lost and that
// the nodes agree: headers, committed txs by hash, account sequences, invariants, supply.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { rpc, latestHeight } from '../../lib/cometbft.js';
import { startLocalnet, type Localnet, type NodePart } from '../../lib/localnet.js';
import { waitFor } from '../../lib/processes.js';
import { addGenesisAccount, bondDenom } from '../../../cli/genesis-accounts.js';
import { benchAccounts, type BenchAccount } from '../../bench/tps/txs.js';
import { accountSequence, blockTxs, brokenInvariants, headers, totalSupply } from './chain.js';
import { addExchange, QUOTE_DENOM } from './exchange.js';
import { randomTx, seededRandom, TX_KINDS, type SignedTx, type TxKind } from './txs.js';

export interface CampaignOptions {
  crashes: number;
  seed: number;
  accounts?: number;
  log?: (line: string) => void;
}

export interface CampaignReport {
  crashes: Record<string, number>;
  txsCommitted: number;
  /** The load's committed txs (all with code 0) by kind. */
  txsByKind: Record<TxKind, number>;
  /** Fills in the dex market's auctions (one per order filled in a block, in part or in full) and fills of the AMM pool in them. */
  orderFills: number;
  poolFills: number;
  heightsChecked: number;
  catchUpMs: number[];
  /** Committed txs (node@height) in the node's block but missing from its CometBFT tx index. */
  txIndexGaps: string[];
  seconds: number;
}

type Account = BenchAccount & { accountNumber: bigint };

export async function runCrashCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const log = options.log ?? (() => {});
  const random = seededRandom(options.seed);
  const accounts: Account[] = benchAccounts(options.accounts ?? 50).map((a) => ({ ...a, accountNumber: 0n }));
  const genesisSupply = new Map<string, bigint>();
  let denom = 'stake';
  const started = Date.now();
  const net = await startLocalnet({
    validators: 4,
    timeoutCommit: '300ms',
    genesisMutator: (genesis) => {
      const appState = genesis.app_state as Record<string, any>;
      denom = bondDenom(genesis);
      // No downtime jailing: a jailed validator would leave three, and killing one more halts for good.
      Object.assign(appState.court.params, { signed_blocks_window: '1000000', min_signed_per_window: '0.000001000000000000' });
      for (const account of accounts) {
        addGenesisAccount(genesis, account.address, [{ denom, amount: '1000000000' }, { denom: 'uatom', amount: '1000000000000' }, { denom: QUOTE_DENOM, amount: '1000000000000' }].sort((a, b) => (a.denom < b.denom ? -1 : 1)));
        const entries = appState.auth.accounts as Array<{ address?: string; account_number?: string }>;
        account.accountNumber = BigInt(entries.find((e) => e.address === account.address)!.account_number!);
      }
      addExchange(genesis, accounts[0]!.address);
    },
  });
  try {
    // Genesis supply: the balances of genesis.json as the validators' gentxs left them.
    const genesis = JSON.parse(readFileSync(join(net.nodes[0]!.home, 'config', 'genesis.json'), 'utf8')) as { app_state: { bank: { balances: Array<{ coins: Array<{ denom: string; amount: string }> }> } } };
    for (const entry of genesis.app_state.bank.balances) {
      for (const coin of entry.coins) genesisSupply.set(coin.denom, (genesisSupply.get(coin.denom) ?? 0n) + BigInt(coin.amount));
    }
    return await campaign(net, accounts, genesisSupply, denom, random, options, log, started);
  } finally {
    await net.close();
  }
}

async function campaign(net: Localnet, accounts: Account[], genesisSupply: Map<string, bigint>, bondDenomName: string, random: () => number, options: CampaignOptions, log: (line: string) => void, started: number): Promise<CampaignReport> {
  const running = () => net.nodes.filter((n) => n.running);
  const committed = new Map<string, { height: number; code: number }>();
  const owner = new Map<string, number>();
  const kindOf = new Map<string, TxKind>();
  const minted = new Map<number, Map<string, bigint>>();
  let scanned = 0;
  const auctions = { orderFills: 0, poolFills: 0 };
  let stop = false;
  let failure: Error | undefined;
  const fail = (err: unknown) => (failure ??= err instanceof Error ? err : new Error(String(err)));

  // The tracker: every block's txs and results, from whichever node answers.
  const tracker = (async () => {
    while (!stop) {
      const node = running()[0];
      try {
        if (node) {
          const top = await latestHeight(node.rpcUrl);
          while (scanned < top && !stop) {
            const block = await blockTxs(node.rpcUrl, scanned + 1);
            for (const tx of block.txs) committed.set(tx.hash, { height: scanned + 1, code: tx.code });
            if (block.minted.size > 0) minted.set(scanned + 1, block.minted);
            // The auction runs in EndBlock, outside any tx: its failure has no tx code to catch.
            if (block.auction.failed.length > 0) fail(new Error(`the dex auction failed at height ${scanned + 1}: ${block.auction.failed.join('; ')}`));
            auctions.orderFills += block.auction.ordersFilled;
            auctions.poolFills += block.auction.poolFills;
            scanned++;
          }
        }
      } catch {
        // The node went down mid-scan: the next pass asks another.
      }
      await sleep(200);
    }
  })();

  // The load: each account one tx in flight, rebroadcast (same bytes) until it is in a block.
  const context = { chainId: net.chainId, others: accounts.map((a) => a.address), validators: net.nodes.map((n) => n.validatorAddress), bondDenom: bondDenomName };
  const load = accounts.map(async (account) => {
    let sequence = 0n;
    while (!stop) {
      const tx: SignedTx = randomTx(random, account, sequence, context);
      owner.set(tx.hash, account.index);
      kindOf.set(tx.hash, tx.kind);
      while (!stop && !committed.has(tx.hash)) {
        const nodes = running();
        const node = nodes[Math.floor(random() * nodes.length)];
        if (node) await rpc(node.rpcUrl, '/broadcast_tx_sync', { tx: `0x${Buffer.from(tx.bytes).toString('hex')}` }).catch(() => undefined);
        const deadline = Date.now() + 10_000;
        while (!stop && !committed.has(tx.hash) && Date.now() < deadline) await sleep(150);
      }
      const result = committed.get(tx.hash);
      if (result && result.code !== 0) fail(new Error(`tx ${tx.hash} (${tx.kind}) of account ${account.index} failed in block ${result.height} with code ${result.code}`));
      sequence++;
    }
  });

  const crashes: Record<string, number> = {};
  const catchUpMs: number[] = [];
  let checkedUpTo = 0;
  const indexGaps: string[] = [];
  try {
    for (let i = 0; i < options.crashes; i++) {
      if (failure) throw failure;
      await sleep(500 + Math.floor(random() * 2500));
      const part: NodePart = (['app', 'cometbft', 'both'] as const)[Math.floor(random() * 3)]!;
      const victims = random() < 0.25 ? 2 : 1;
      const first = Math.floor(random() * 4);
      const indexes = victims === 1 ? [first] : [first, (first + 1 + Math.floor(random() * 3)) % 4];
      const kind = `${part} of ${victims === 1 ? 'one validator' : 'two validators'}`;
      crashes[kind] = (crashes[kind] ?? 0) + 1;
      await Promise.all(indexes.map((index) => net.killNode(index, part)));
      const t0 = Date.now();
      const survivors = running().map((n) => n.index);
      const networkHeight = survivors.length > 0 ? Math.max(...(await Promise.all(survivors.map((s) => net.height(s))))) : 0;
      for (const index of indexes) await net.startNode(index);
      // Caught up: every node past what any had when the crashed ones came back (a halted chain resumed).
      await net.waitForHeight(networkHeight + 1, { timeoutMs: 120_000 });
      catchUpMs.push(Date.now() - t0);
      log(`crash ${i + 1}/${options.crashes}: kill -9 ${kind} (${indexes.map((n) => net.nodes[n]!.name).join(', ')}); caught up in ${Date.now() - t0} ms`);
      checkedUpTo = await check(net, accounts, committed, owner, minted, genesisSupply, () => scanned, checkedUpTo, indexGaps);
    }
    if (failure) throw failure;
  } finally {
    stop = true;
    await Promise.allSettled([tracker, ...load]);
  }
  const txsByKind = Object.fromEntries(TX_KINDS.map((kind) => [kind, 0])) as Record<TxKind, number>;
  for (const [hash, c] of committed) if (c.code === 0 && kindOf.has(hash)) txsByKind[kindOf.get(hash)!]++;
  return { crashes, txsCommitted: [...committed.values()].filter((c) => c.code === 0).length, txsByKind, ...auctions, heightsChecked: checkedUpTo, catchUpMs, txIndexGaps: indexGaps, seconds: (Date.now() - started) / 1000 };
}

async function check(
  net: Localnet,
  accounts: Account[],
  committed: Map<string, { height: number; code: number }>,
  owner: Map<string, number>,
  minted: Map<number, Map<string, bigint>>,
  genesisSupply: Map<string, bigint>,
  scanned: () => number,
  from: number,
  indexGaps: string[],
): Promise<number> {
  const heights = await Promise.all(net.nodes.map((n) => latestHeight(n.rpcUrl)));
  // State after block H is queryable once H is committed; the app may lag CometBFT's report a moment.
  const H = Math.min(...heights) - 1;
  await waitFor(() => scanned() >= H, { what: `the tracker to scan height ${H}`, timeoutMs: 60_000 });
  // 1. The same block (id and app hash) at every height on every node.
  const views = await Promise.all(net.nodes.map((n) => headers(n.rpcUrl, from + 1, H + 1)));
  for (let h = from + 1; h <= H + 1; h++) {
    const seen = new Set(views.map((v) => v.get(h)));
    if (seen.size !== 1) throw new Error(`the nodes disagree at height ${h}: ${views.map((v, i) => `${net.nodes[i]!.name} ${v.get(h)}`).join('; ')}`);
  }
  // 2. Every tx committed since the last check is found by hash on every node, with code 0.
  const fresh = [...committed].filter(([hash, c]) => c.height <= H && c.height > from);
  for (const node of net.nodes) {
    for (let i = 0; i < fresh.length; i += 16) {
      await Promise.all(
        fresh.slice(i, i + 16).map(async ([hash, c]) => {
          const found = await rpc<{ height: string; tx_result: { code: number } }>(node.rpcUrl, '/tx', { hash: `0x${hash}` }).catch(async (err: Error) => {
            // CometBFT indexes a block's txs after it commits, so a kill -9 in between leaves
            // them out of that node's tx index (CometBFT's `reindex-event` exists for this).
            // Counted as such only when the node's own block at that height holds the tx.
            const block = await blockTxs(node.rpcUrl, c.height);
            if (!block.txs.some((t) => t.hash === hash)) throw new Error(`${node.name} has no tx ${hash}, committed at height ${c.height}: ${err.message}`);
            indexGaps.push(`${node.name}@${c.height}`);
            return { height: String(c.height), tx_result: { code: block.txs.find((t) => t.hash === hash)!.code } };
          });
          if (Number(found.height) !== c.height || found.tx_result.code !== 0) throw new Error(`${node.name} has tx ${hash} at ${found.height} code ${found.tx_result.code}, not at ${c.height} code 0`);
        }),
      );
    }
  }
  // 3. Each account's sequence in state is its count of committed txs.
  const counts = new Map<number, bigint>();
  for (const [hash, c] of committed) if (c.height <= H && owner.has(hash)) counts.set(owner.get(hash)!, (counts.get(owner.get(hash)!) ?? 0n) + 1n);
  for (const node of net.nodes) {
    const sequences = await Promise.all(accounts.map((a) => accountSequence(node.rpcUrl, a.address, H)));
    accounts.forEach((a, i) => {
      if (sequences[i] !== (counts.get(a.index) ?? 0n)) throw new Error(`${node.name}: account ${a.index} has sequence ${sequences[i]} at height ${H}, but ${counts.get(a.index) ?? 0n} of its txs were committed`);
    });
  }
  // 4. Invariants hold, and 5. supply is genesis plus what was minted less what was burned.
  const expected = new Map(genesisSupply);
  for (const [height, coins] of minted) {
    if (height <= H) for (const [denom, amount] of coins) expected.set(denom, (expected.get(denom) ?? 0n) + amount);
  }
  for (const node of net.nodes) {
    const broken = await brokenInvariants(node.rpcUrl, H);
    if (broken.length > 0) throw new Error(`${node.name}: invariants broken at height ${H}: ${broken.join('; ')}`);
    const supply = await totalSupply(node.rpcUrl, H);
    for (const denom of new Set([...expected.keys(), ...supply.keys()])) {
      if ((supply.get(denom) ?? 0n) !== (expected.get(denom) ?? 0n)) throw new Error(`${node.name}: supply of ${denom} at height ${H} is ${supply.get(denom) ?? 0n}, expected ${expected.get(denom) ?? 0n}`);
    }
  }
  return H;
}
