// The simulation campaign in CI: three seeds of 200 blocks each, two nodes that must agree
// after every block, every invariant after every block, each seed run again to the same app
// hashes, and the final state through export and import. Any difference fails, loudly.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OPERATIONS } from './operations.js';
import { runSimulation, SimFailure, type SimReport } from './run.js';

const SEEDS = [1, 2, 3];
const BLOCKS = 200;
const MAX_TXS = 10;

describe('simulation campaign', () => {
  const reports: SimReport[] = [];

  for (const seed of SEEDS) {
    it(`seed ${seed}: ${BLOCKS} blocks agree on two nodes, keep every invariant, replay to the same hashes, export and import whole`, async () => {
      const report = await runSimulation({ seed, blocks: BLOCKS, maxTxs: MAX_TXS });
      assert.equal(report.appHashes.length, BLOCKS);
      const rerun = await runSimulation({ seed, blocks: BLOCKS, maxTxs: MAX_TXS, single: true, expectHashes: report.appHashes });
      assert.deepEqual(rerun.appHashes, report.appHashes);
      reports.push(report);
    });
  }

  it('exercised every operation, downtime and double signs', () => {
    assert.equal(reports.length, SEEDS.length, 'every seed ran');
    for (const op of OPERATIONS) {
      const ok = reports.reduce((sum, r) => sum + r.operations.find((o) => o.name === op.name)!.ok, 0);
      assert.ok(ok > 0, `no ${op.name} succeeded in ${SEEDS.length} seeds: its generator makes only failing messages`);
    }
    assert.ok(reports.some((r) => r.missedVotes > 0), 'no validator missed a vote');
    assert.ok(reports.some((r) => r.doubleSigns > 0), 'no double sign was reported');
    assert.ok(reports.some((r) => r.restarts > 0), 'node B never restarted');
  });

  it('a run that does not reproduce an earlier one fails, naming the seed and block', async () => {
    await assert.rejects(
      runSimulation({ seed: 7, blocks: 3, single: true, expectHashes: ['00'] }),
      (err: unknown) => err instanceof SimFailure && /seed 7, block 1: app hash [0-9A-F]{64} differs from the earlier run's 00/.test(err.message) && /--seed 7/.test(err.message),
    );
  });
});
