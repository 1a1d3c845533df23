// The crash campaign's short mode as a test: 10 kill -9s (app, CometBFT or both, of one
// validator or two) on a 4-validator localnet under mixed load (bank sends, delegations, dex
// orders, AMM swaps); after each, every node must catch up and agree on every block, hold
// every committed tx, sequence, invariant and the supply.
// Any broken check throws and fails this test with what was wrong.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCrashCampaign } from '../scripts/campaign/crash/campaign.js';

describe('crash campaign (short mode)', { timeout: 300_000 }, () => {
  it('10 kill -9s under load: nothing committed is lost, the nodes agree, invariants and supply hold', async () => {
    const report = await runCrashCampaign({ crashes: 10, seed: 7, accounts: 50, log: (line) => console.log(line) });
    console.log(`txs committed by kind: ${JSON.stringify(report.txsByKind)}; order fills ${report.orderFills}, pool fills ${report.poolFills}`);
    assert.equal(Object.values(report.crashes).reduce((a, b) => a + b, 0), 10);
    assert.ok(report.txsCommitted > 0, 'the load committed txs');
    for (const [kind, count] of Object.entries(report.txsByKind)) assert.ok(count > 0, `the load committed ${kind} txs`);
    assert.ok(report.orderFills > 0, 'dex orders filled in the auctions');
    assert.ok(report.heightsChecked > 0);
    assert.equal(report.catchUpMs.length, 10);
  });
});
