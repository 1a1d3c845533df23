// Court genesis: defaults, the checks validate makes, and a full export → validate → init →
// export round trip carrying signing infos, missed blocks and trials.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MsgSubmitEvidence } from 'cosmjs-types/cosmos/evidence/v1beta1/tx';
import { DuplicateVoteEvidence } from 'cosmjs-types/tendermint/types/evidence';
import { BlockIDFlag, blockContext, duplicateVote, testCourt } from './fake-staking.js';
import type { CourtGenesisJson } from './genesis.js';

/** A court that has judged a downtime (trial 1) and a double sign (trial 2), with misses on record. */
function busyCourt() {
  const t = testCourt();
  const [a, b, c] = [t.staking.addValidator(1), t.staking.addValidator(2), t.staking.addValidator(3)];
  for (const v of [a, b, c]) t.court.hooks.afterValidatorBonded!(blockContext(t.store, 1n), v.consAddress, v.operator);
  for (let h = 2n; h <= 110n; h++) {
    t.court.beginBlock(blockContext(t.store, h, {
      votes: [
        { validator: a, flag: BlockIDFlag.BLOCK_ID_FLAG_ABSENT },
        { validator: b, flag: h % 3n === 0n ? BlockIDFlag.BLOCK_ID_FLAG_ABSENT : BlockIDFlag.BLOCK_ID_FLAG_COMMIT },
        { validator: c, flag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT },
      ],
    }));
  }
  const evidence = duplicateVote(t.staking, c, 100n);
  t.court.msgs[MsgSubmitEvidence.typeUrl]!.handle(blockContext(t.store, 111n, { mode: 'finalize' }), {
    submitter: 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4',
    evidence: { typeUrl: '/tendermint.types.DuplicateVoteEvidence', value: DuplicateVoteEvidence.encode(evidence).finish() },
  });
  return { ...t, a, b, c };
}

describe('court genesis', () => {
  it('has the SDK defaults and validates them', () => {
    const { court } = testCourt();
    const defaults = court.genesis.defaults() as CourtGenesisJson;
    assert.deepEqual(defaults.params, {
      signed_blocks_window: '100',
      min_signed_per_window: '0.500000000000000000',
      downtime_jail_duration: '600s',
      slash_fraction_double_sign: '0.050000000000000000',
      slash_fraction_downtime: '0.010000000000000000',
    });
    assert.deepEqual(defaults.evidence_params, { max_age_num_blocks: '100000', max_age_duration: '172800s' });
    const state = court.genesis.validate(defaults);
    assert.equal(state.params.signedBlocksWindow, 100n);
    assert.deepEqual(court.genesis.validate({}).params, state.params);
  });

  it('round-trips signing infos, missed blocks and trials through export and init', () => {
    const t = busyCourt();
    for (const [name, check] of Object.entries(t.court.invariants)) assert.equal(check(blockContext(t.store, 111n)), undefined, name);
    const exported = JSON.parse(JSON.stringify(t.court.genesis.export(blockContext(t.store, 111n)))) as CourtGenesisJson;
    assert.equal(exported.trials?.length, 2);
    assert.equal(exported.signing_infos?.length, 3);
    const bMisses = exported.missed_blocks?.find((m) => m.address === t.court.keeper.consAddressString(t.b.consAddress));
    assert.ok((bMisses?.missed_blocks?.length ?? 0) > 30);
    assert.equal(exported.trials![1]!.kind, 'INFRACTION_KIND_DOUBLE_SIGN');
    assert.equal(exported.trials![1]!.slashed.from_unbonding_delegations![0]!.amount, '10');

    const fresh = testCourt();
    const ctx = blockContext(fresh.store, 1n);
    fresh.court.genesis.init(ctx, fresh.court.genesis.validate(exported));
    assert.deepEqual(JSON.parse(JSON.stringify(fresh.court.genesis.export(ctx))), exported);
    // The record goes on from where it was, and judged evidence stays judged.
    assert.equal(fresh.court.keeper.trials.nextId(ctx), 3n);
    const judged = fresh.court.keeper.trials.get(ctx, 2n)!;
    assert.equal(fresh.court.keeper.trials.judgedBy(ctx, judged.evidenceHash), 2n);
    for (const [name, check] of Object.entries(fresh.court.invariants)) assert.equal(check(ctx), undefined, name);
    // A counter out of step with its bitmap is caught.
    const info = fresh.court.keeper.signingInfos.get(ctx, t.b.consAddress)!;
    fresh.court.keeper.signingInfos.set(ctx, t.b.consAddress, { ...info, missedBlocksCounter: info.missedBlocksCounter + 1n });
    assert.match(fresh.court.invariants['missed-blocks-counter']!(ctx)!, /missed_blocks_counter is \d+ but the bitmap holds \d+ misses/);
  });

  it('refuses out-of-range params, duplicate trials and misses outside the window', () => {
    const t = busyCourt();
    const good = JSON.parse(JSON.stringify(t.court.genesis.export(blockContext(t.store, 111n)))) as Required<CourtGenesisJson>;
    const validate = (json: unknown) => () => t.court.genesis.validate(json);
    assert.throws(validate({ ...good, params: { ...good.params, signed_blocks_window: '0' } }), /signed blocks window must be positive/);
    assert.throws(validate({ ...good, params: { ...good.params, min_signed_per_window: '1.5' } }), /min signed per window too large/);
    assert.throws(validate({ ...good, params: { ...good.params, downtime_jail_duration: '10m' } }), /invalid duration "10m"/);
    assert.throws(validate({ ...good, trials: [good.trials[0], good.trials[0]] }), /duplicate trial id 1/);
    assert.throws(validate({ ...good, trials: [good.trials[0], { ...good.trials[1], evidence_hash: good.trials[0]!.evidence_hash }] }), /judges evidence .* again/);
    const address = good.signing_infos[0]!.address;
    assert.throws(validate({ ...good, missed_blocks: [{ address, missed_blocks: [{ index: '100', missed: true }] }] }), /outside the signed blocks window 100/);
    assert.throws(validate({ ...good, signing_infos: [good.signing_infos[0], good.signing_infos[0]] }), /duplicate signing info/);
    assert.throws(validate({ ...good, trials: [{ ...good.trials[0], kind: 'INFRACTION_KIND_THEFT' }] }));
  });
});
