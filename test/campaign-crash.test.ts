// The crash campaign's short mode as a test: 10 kill -9s (app, CometBFT or both, of one
// validator or two) on a 4-validator localnet under load; after each, every node must catch
// up and agree on every block, hold every committed tx, sequence, invariant and the supply.
// Any broken check throws and fails this test with what was wrong.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCrashCampaign } from '../scripts/campaign/crash/campaign.js';

describe('crash campaign (short mode)', { timeout: 300_000 }, () => {
  it('10 kill -9s under load: nothing committed is lost, the nodes agree, invariants and supply hold', async () => {
    const report = await runCrashCampaign({ crashes: 10, seed: 7, accounts: 50, log: (line) => console.log(line) });
    assert.equal(Object.values(report.crashes).reduce((a, b) => a + b, 0), 10);
    assert.ok(report.txsCommitted > 0, 'the load committed txs');
    assert.ok(report.heightsChecked > 0);
    assert.equal(report.catchUpMs.length, 10);
  });
});
