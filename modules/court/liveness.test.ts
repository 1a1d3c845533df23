// Downtime: counting misses over the window, the verdict at the right height (once), the
// reset after it, and a fresh window after rebonding.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDec } from '../../app/dec.js';
import { eventLines } from '../../app/testing.js';
import { InfractionKind, Verdict } from '../../gen/zonekit/court/v1/types.js';
import { BlockIDFlag, blockContext, blockTime, testCourt, type TestValidator } from './fake-staking.js';
import { minSignedBlocks, DEFAULT_PARAMS } from './params.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** Runs blocks `from`..`to`, `v` voting with `flag(height)`; returns the context of each block. */
function run(t: ReturnType<typeof testCourt>, v: TestValidator, from: bigint, to: bigint, flag: (h: bigint) => BlockIDFlag) {
  const contexts = [];
  for (let h = from; h <= to; h++) {
    const ctx = blockContext(t.store, h, { votes: [{ validator: v, flag: flag(h) }] });
    t.court.beginBlock(ctx);
    contexts.push(ctx);
  }
  return contexts;
}

describe('court liveness (x/slashing downtime)', () => {
  it('rounds min signed per window as LegacyDec.RoundInt64 (half to even)', () => {
    assert.equal(minSignedBlocks(DEFAULT_PARAMS), 50n);
    assert.equal(minSignedBlocks({ ...DEFAULT_PARAMS, signedBlocksWindow: 5n }), 2n); // 2.5 → 2
    assert.equal(minSignedBlocks({ ...DEFAULT_PARAMS, signedBlocksWindow: 7n }), 4n); // 3.5 → 4
    assert.equal(minSignedBlocks({ ...DEFAULT_PARAMS, minSignedPerWindow: parseDec('0.05'), signedBlocksWindow: 10n }), 0n); // 0.5 → 0
  });

  it('jails and slashes exactly once, at height − 2, after more than window − min signed misses', () => {
    const t = testCourt();
    const v = t.staking.addValidator(1, 250n);
    t.court.hooks.afterValidatorBonded!(blockContext(t.store, 1n), v.consAddress, v.operator);
    // Signs blocks 2..150, then misses every block.
    const contexts = run(t, v, 2n, 260n, (h) => (h <= 150n ? BlockIDFlag.BLOCK_ID_FLAG_COMMIT : BlockIDFlag.BLOCK_ID_FLAG_ABSENT));

    const slashes = t.staking.calls.filter((c) => c.method === 'slash');
    assert.equal(slashes.length, 1, 'slashed once, not again while jailed');
    // The 51st miss (height 201) crosses window 100 − 50 signed = 50 allowed.
    assert.deepEqual(slashes[0], { method: 'slash', consAddress: hex(v.consAddress), args: [199n, 250n, parseDec('0.01')] });
    assert.deepEqual(t.staking.calls.map((c) => c.method), ['slash', 'jail']);

    const verdictBlock = contexts[201 - 2]!;
    const lines = eventLines(verdictBlock.events);
    const address = t.court.keeper.consAddressString(v.consAddress);
    assert.ok(lines.includes(`liveness: address=${address}, missed_blocks=51, height=201`));
    assert.ok(lines.includes(`slash: address=${address}, power=250, reason=missing_signature, jailed=${address}, burned_coins=2500000`));
    assert.ok(lines.some((l) => l.startsWith('court_verdict: trial_id=1, kind=downtime, verdict=slashed_and_jailed')));

    const info = t.court.keeper.signingInfos.get(verdictBlock, v.consAddress)!;
    assert.equal(info.missedBlocksCounter, 0n);
    assert.equal(info.indexOffset, 0n);
    assert.deepEqual(info.jailedUntil, { seconds: blockTime(201n).seconds + 600n, nanos: 0 });
    assert.deepEqual([...t.court.keeper.signingInfos.missedIndexes(verdictBlock, v.consAddress)], []);

    const trial = t.court.keeper.trials.get(verdictBlock, 1n)!;
    assert.equal(trial.kind, InfractionKind.INFRACTION_KIND_DOWNTIME);
    assert.equal(trial.verdict, Verdict.VERDICT_SLASHED_AND_JAILED);
    assert.equal(trial.infractionHeight, 199n);
    assert.equal(trial.judgedHeight, 201n);
    assert.equal(trial.validatorAddress, v.operator);
    assert.equal(trial.slashed!.burned, '2500000');
    assert.equal(trial.slashed!.fromValidator, '2499985');
    assert.equal(t.court.keeper.trials.get(verdictBlock, 2n), undefined);
  });

  it('waits a whole window after start height, and counts nil votes as signed', () => {
    const t = testCourt();
    const v = t.staking.addValidator(2);
    t.court.hooks.afterValidatorBonded!(blockContext(t.store, 1n), v.consAddress, v.operator);
    // Absent from the start: 51 misses by height 52, but no verdict before height > 1 + 100.
    run(t, v, 2n, 101n, () => BlockIDFlag.BLOCK_ID_FLAG_ABSENT);
    assert.equal(t.staking.calls.length, 0);
    run(t, v, 102n, 102n, () => BlockIDFlag.BLOCK_ID_FLAG_ABSENT);
    assert.equal(t.staking.calls.filter((c) => c.method === 'slash').length, 1);

    const u = testCourt();
    const w = u.staking.addValidator(3);
    u.court.hooks.afterValidatorBonded!(blockContext(u.store, 1n), w.consAddress, w.operator);
    run(u, w, 2n, 300n, () => BlockIDFlag.BLOCK_ID_FLAG_NIL);
    assert.equal(u.staking.calls.length, 0);
    assert.equal(u.court.keeper.signingInfos.get(blockContext(u.store, 300n), w.consAddress)!.missedBlocksCounter, 0n);
  });

  it('slides the window: a signature where a miss was lowers the counter', () => {
    const t = testCourt();
    const v = t.staking.addValidator(4);
    t.court.hooks.afterValidatorBonded!(blockContext(t.store, 1n), v.consAddress, v.operator);
    // Misses 40 blocks (indexes 0..39), then signs: the misses fall out of the window one by one.
    run(t, v, 2n, 41n, () => BlockIDFlag.BLOCK_ID_FLAG_ABSENT);
    const ctx = blockContext(t.store, 41n);
    assert.equal(t.court.keeper.signingInfos.get(ctx, v.consAddress)!.missedBlocksCounter, 40n);
    run(t, v, 42n, 111n, () => BlockIDFlag.BLOCK_ID_FLAG_COMMIT);
    assert.equal(t.court.keeper.signingInfos.get(blockContext(t.store, 111n), v.consAddress)!.missedBlocksCounter, 30n);
    run(t, v, 112n, 141n, () => BlockIDFlag.BLOCK_ID_FLAG_COMMIT);
    assert.equal(t.court.keeper.signingInfos.get(blockContext(t.store, 141n), v.consAddress)!.missedBlocksCounter, 0n);
    assert.equal(t.staking.calls.length, 0);
  });

  it('starts over after unjail and rebonding: a new start height and an empty window', () => {
    const t = testCourt();
    const v = t.staking.addValidator(5);
    t.court.hooks.afterValidatorBonded!(blockContext(t.store, 1n), v.consAddress, v.operator);
    run(t, v, 2n, 102n, () => BlockIDFlag.BLOCK_ID_FLAG_ABSENT);
    assert.equal(t.staking.calls.filter((c) => c.method === 'slash').length, 1);

    // Jail time (600 s = 120 blocks of 5 s) passes; unjail, then staking bonds it again.
    const unjailCtx = blockContext(t.store, 300n, { mode: 'finalize' });
    t.court.msgs['/cosmos.slashing.v1beta1.MsgUnjail']!.handle(unjailCtx, { validatorAddr: v.operator });
    t.court.hooks.afterValidatorBonded!(blockContext(t.store, 301n), v.consAddress, v.operator);
    const info = t.court.keeper.signingInfos.get(blockContext(t.store, 301n), v.consAddress)!;
    assert.equal(info.startHeight, 301n);
    assert.equal(info.missedBlocksCounter, 0n);

    // Absent again: no verdict until a whole window after the new start height.
    run(t, v, 302n, 401n, () => BlockIDFlag.BLOCK_ID_FLAG_ABSENT);
    assert.equal(t.staking.calls.filter((c) => c.method === 'slash').length, 1);
    run(t, v, 402n, 402n, () => BlockIDFlag.BLOCK_ID_FLAG_ABSENT);
    const slashes = t.staking.calls.filter((c) => c.method === 'slash');
    assert.equal(slashes.length, 2);
    assert.equal(slashes[1]!.args[0], 400n);
  });

  it('ignores votes of validators staking does not know, and of jailed ones', () => {
    const t = testCourt();
    const v = t.staking.addValidator(6);
    t.staking.validators.delete(Buffer.from(v.consAddress).toString('hex'));
    const ctx = blockContext(t.store, 5n, { votes: [{ validator: v, flag: BlockIDFlag.BLOCK_ID_FLAG_ABSENT }] });
    t.court.beginBlock(ctx);
    assert.equal(t.court.keeper.signingInfos.get(ctx, v.consAddress), undefined);
    assert.deepEqual(ctx.events.events, []);
  });
});
