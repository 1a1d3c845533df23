// Target (a): CheckTx on an in-process zone (TestChain, as the zone's own tests build it).
// Each batch: the generators' inputs through CheckTx (random messages also through Simulate,
// which runs their handlers), then a block holding a sample of the rejected inputs followed
// by the batch's valid txs. At the end a fresh chain executes only the valid txs, block for
// block, and its app hash must equal the fuzzed chain's.
import { ErrInternal, ErrPanic } from '../../../app/errors.js';
import { TestChain } from '../../../zone/testing.js';
import type { GenesisAccount } from '../../../zone/zone.js';
import { Rng } from './rng.js';
import { fuzzKey, sendMsg, signTx, type FuzzKey, type TxSpec } from './sign.js';
import { liveHeapMiB, rssMiB, Tally, type TargetReport } from './tally.js';
import { TX_GENERATORS, type TxFuzzContext } from './tx-generators.js';

const CHAIN_ID = 'zonekit-fuzz-1';
const DENOM = 'stake';
const BATCH = 500;
const BLOCK_SAMPLE = 40;
const BLOCK_SAMPLE_BYTES = 4 * 1024 * 1024;
const VALID_PER_BATCH = 2;

export interface DirectOptions {
  inputs: number;
  seed: number;
  log: (line: string) => void;
}

export function isInternal(codespace: string, code: number): boolean {
  return (codespace === ErrInternal.codespace && code === ErrInternal.code) || (codespace === ErrPanic.codespace && code === ErrPanic.code);
}

function genesis(keys: readonly FuzzKey[]): GenesisAccount[] {
  return keys.map((k) => ({ address: k.address, coins: [{ denom: DENOM, amount: '1000000000000000' }] }));
}

/** Stops console.error from printing the app's "unexpected error" lines while counting them. */
function captureConsoleErrors(): { count: () => number; restore: () => void; last: () => string } {
  const original = console.error;
  let count = 0;
  let last = '';
  console.error = (...args: unknown[]) => {
    count++;
    last = args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' ').slice(0, 600);
  };
  return { count: () => count, last: () => last, restore: () => (console.error = original) };
}

export async function runDirect(options: DirectOptions): Promise<{ report: TargetReport; tally: Tally }> {
  const sender = fuzzKey('sender', 0n);
  const prober = fuzzKey('prober', 1n);
  const recipient = fuzzKey('recipient', 2n);
  const accounts = genesis([sender, prober, recipient]);
  const tally = new Tally('checktx-direct', { beforeMiB: rssMiB(), process: 'campaign (in-process app)' });
  const liveHeapBeforeMiB = liveHeapMiB();
  const chain = await TestChain.start({ chainId: CHAIN_ID, accounts });
  const errors = captureConsoleErrors();
  const blocks: Uint8Array[][] = [];
  let lastAppHash: Uint8Array = new Uint8Array();
  const rng = new Rng(options.seed);
  const msgTypeUrls = [...chain.zone.app.msgRoutes.keys()].sort();
  let senderSequence = 0n;
  let made = 0;
  const perGenerator = new Map<string, number>();
  try {
    while (made < options.inputs) {
      const batchRng = rng.fork(made);
      const valid: TxSpec[] = Array.from({ length: VALID_PER_BATCH }, (_, i) => ({
        key: sender,
        sequence: senderSequence + BigInt(i),
        chainId: CHAIN_ID,
        messages: [sendMsg(sender.address, recipient.address, DENOM, BigInt(batchRng.range(1, 1000)))],
      }));
      const validTxs = valid.map((spec) => signTx(spec).tx);
      const ctx: TxFuzzContext = {
        chainId: CHAIN_ID,
        base: { spec: valid[0]!, parts: signTx(valid[0]!) },
        prober: { key: prober, sequence: 0n },
        msgTypeUrls,
        pool: { addresses: [prober.address, sender.address, recipient.address, 'cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a', 'cosmosvaloper1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqkh6mvq'], denoms: [DENOM, 'uatom', 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2', ''] },
        maxMemoBytes: 1024 * 1024,
        hugeMemo: { bytes: 10 * 1024 * 1024, every: 500 },
      };
      const sample: Array<{ tx: Uint8Array; generator: string; input: number }> = [];
      let sampleBytes = 0;
      const batchEnd = Math.min(options.inputs, made + BATCH);
      for (; made < batchEnd; made++) {
        const generator = TX_GENERATORS[made % TX_GENERATORS.length]!;
        const nth = perGenerator.get(generator.name) ?? 0;
        perGenerator.set(generator.name, nth + 1);
        const inputRng = batchRng.fork(made);
        let tx: Uint8Array;
        try {
          tx = generator.make(inputRng, ctx, nth);
        } catch (err) {
          throw new Error(`generator ${generator.name} failed on input ${made}: ${err instanceof Error ? err.message : String(err)}`);
        }
        const errorsBefore = errors.count();
        if (generator.expect === 'any') {
          // Simulate runs the handlers (without signature checks) in a throwaway branch.
          const simulated = chain.app.simulate(tx);
          if (isInternal(simulated.codespace, simulated.code)) tally.violation(generator.name, made, `Simulate failed as an internal error: ${simulated.log}; ${errors.last()}`);
        }
        let response;
        try {
          response = chain.checkTx(tx);
        } catch (err) {
          tally.violation(generator.name, made, `CheckTx threw: ${err instanceof Error ? err.message : String(err)}`);
          tally.count(generator.name, 'threw');
          continue;
        }
        const input = tally.count(generator.name, response.code === 0 ? 'accepted' : `${response.codespace}/${response.code}`);
        if (isInternal(response.codespace, response.code) || errors.count() > errorsBefore) {
          tally.violation(generator.name, input, `internal error: ${response.log}; ${errors.last()}`);
        } else if (response.code === 0 && generator.expect === 'reject') {
          tally.violation(generator.name, input, 'a bad tx was accepted by CheckTx');
        }
        if (response.code === 0 && generator.expect === 'any') ctx.prober.sequence++;
        if (response.code !== 0 && generator.expect === 'reject' && sample.length < BLOCK_SAMPLE && sampleBytes + tx.length <= BLOCK_SAMPLE_BYTES) {
          sample.push({ tx, generator: generator.name, input });
          sampleBytes += tx.length;
        }
      }

      for (const tx of validTxs) {
        const response = chain.checkTx(tx);
        if (response.code !== 0) tally.violation('valid', made, `a valid tx was rejected by CheckTx: ${response.codespace}/${response.code} ${response.log}`);
      }
      const { results, appHash } = await chain.deliver([...sample.map((s) => s.tx), ...validTxs]);
      sample.forEach((s, i) => {
        const r = results[i]!;
        if (r.code === 0) tally.violation(s.generator, s.input, 'a tx rejected by CheckTx succeeded in FinalizeBlock');
        else if (isInternal(r.codespace, r.code)) tally.violation(s.generator, s.input, `internal error in FinalizeBlock: ${r.log}`);
      });
      results.slice(sample.length).forEach((r, i) => {
        if (r.code !== 0) tally.violation('valid', made, `valid tx ${i} of the block failed: ${r.codespace}/${r.code} ${r.log}`);
      });
      blocks.push(validTxs);
      lastAppHash = appHash;
      senderSequence += BigInt(VALID_PER_BATCH);

      // Liveness: the app answers Info at the height it just committed.
      const info = await chain.app.info({ version: '', blockVersion: 0n, p2pVersion: 0n, abciVersion: '' });
      tally.report.probes++;
      if (info.lastBlockHeight !== chain.height) tally.violation('probe', made, `Info says height ${info.lastBlockHeight}, expected ${chain.height}`);
      if (blocks.length % 200 === 0) options.log(`  checktx-direct: ${made} inputs, height ${chain.height}, rss ${rssMiB().toFixed(0)} MiB`);
    }
    // Live memory while the fuzzed app is still open: what it keeps after the run.
    Object.assign(tally.report.rss, { liveHeapBeforeMiB, liveHeapAfterMiB: liveHeapMiB() });
  } finally {
    errors.restore();
    await chain.close();
  }

  // The valid txs alone, block for block, on a fresh chain: the same app hash.
  const reference = await TestChain.start({ chainId: CHAIN_ID, accounts });
  let referenceHash: Uint8Array = new Uint8Array();
  try {
    for (const txs of blocks) referenceHash = (await reference.deliver(txs)).appHash;
  } finally {
    await reference.close();
  }
  const same = Buffer.compare(Buffer.from(referenceHash), Buffer.from(lastAppHash)) === 0;
  tally.report.notes.push(
    `state: ${blocks.length} blocks with ${blocks.length * VALID_PER_BATCH} valid txs (plus up to ${BLOCK_SAMPLE} rejected inputs each); app hash ${Buffer.from(lastAppHash).toString('hex').slice(0, 16)}… ${same ? 'equals' : 'DIFFERS FROM'} a fresh chain's that executed only the valid txs`,
  );
  if (!same) tally.violation('state', made, `app hash ${Buffer.from(lastAppHash).toString('hex')} differs from the valid-txs-only chain's ${Buffer.from(referenceHash).toString('hex')}`);
  tally.report.notes.push(`message types: ${msgTypeUrls.length} routed type URLs, each given random field values in turn`);
  return { report: tally.finish(rssMiB()), tally };
}
