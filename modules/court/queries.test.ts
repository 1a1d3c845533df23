// The court's queries answered through cosmjs-types' own query clients (what cosmjs sends
// and decodes), and the court's trial queries with pagination and the validator filter.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { QueryClientImpl as SlashingQueryClient } from 'cosmjs-types/cosmos/slashing/v1beta1/query';
import { MsgSubmitEvidence } from 'cosmjs-types/cosmos/evidence/v1beta1/tx';
import { DuplicateVoteEvidence } from 'cosmjs-types/tendermint/types/evidence';
import { CodedError } from '../../app/errors.js';
import { QueryParamsResponse as QueryCourtParamsResponse, QueryTrialRequest, QueryTrialResponse, QueryTrialsRequest, QueryTrialsResponse } from '../../gen/zonekit/court/v1/query.js';
import { Verdict } from '../../gen/zonekit/court/v1/types.js';
import { BlockIDFlag, blockContext, duplicateVote, testCourt } from './fake-staking.js';
import { QUERY_COURT_PARAMS_PATH, QUERY_TRIAL_PATH, QUERY_TRIALS_PATH } from './queries.js';

function courtWithTrials() {
  const t = testCourt();
  const [a, b] = [t.staking.addValidator(1), t.staking.addValidator(2)];
  for (const v of [a, b]) t.court.hooks.afterValidatorBonded!(blockContext(t.store, 1n), v.consAddress, v.operator);
  for (let h = 2n; h <= 102n; h++) {
    t.court.beginBlock(blockContext(t.store, h, { votes: [{ validator: a, flag: BlockIDFlag.BLOCK_ID_FLAG_ABSENT }, { validator: b, flag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT }] }));
  }
  t.court.msgs[MsgSubmitEvidence.typeUrl]!.handle(blockContext(t.store, 103n, { mode: 'finalize' }), {
    submitter: 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4',
    evidence: { typeUrl: '/tendermint.types.DuplicateVoteEvidence', value: DuplicateVoteEvidence.encode(duplicateVote(t.staking, b, 90n)).finish() },
  });
  const ctx = blockContext(t.store, 103n, { mode: 'block' });
  const query = (path: string, data: Uint8Array) => t.court.queries[path]!(ctx, data);
  const slashing = new SlashingQueryClient({ request: async (service, method, data) => query(`/${service}/${method}`, data) });
  return { ...t, a, b, ctx, query, slashing };
}

describe('court queries', () => {
  it("answers x/slashing's Params, SigningInfo and SigningInfos as cosmjs-types decodes them", async () => {
    const q = courtWithTrials();
    const { params } = await q.slashing.Params();
    assert.equal(params.signedBlocksWindow, 100n);
    assert.equal(new TextDecoder().decode(params.minSignedPerWindow), '500000000000000000');
    assert.equal(new TextDecoder().decode(params.slashFractionDoubleSign), '50000000000000000');
    assert.deepEqual(params.downtimeJailDuration, { seconds: 600n, nanos: 0 });

    const consAddress = q.court.keeper.consAddressString(q.a.consAddress);
    const { valSigningInfo } = await q.slashing.SigningInfo({ consAddress });
    assert.equal(valSigningInfo.address, consAddress);
    assert.equal(valSigningInfo.startHeight, 1n);
    assert.equal(valSigningInfo.jailedUntil.seconds > 0n, true);

    const page = await q.slashing.SigningInfos({ pagination: { key: new Uint8Array(), offset: 0n, limit: 1n, countTotal: true, reverse: false } });
    assert.equal(page.info.length, 1);
    assert.equal(page.pagination?.total, 2n);
    const rest = await q.slashing.SigningInfos({ pagination: { key: page.pagination!.nextKey, offset: 0n, limit: 1n, countTotal: false, reverse: false } });
    assert.equal(rest.info.length, 1);
    assert.notEqual(rest.info[0]!.address, page.info[0]!.address);

    await assert.rejects(q.slashing.SigningInfo({ consAddress: q.court.keeper.consAddressString(new Uint8Array(20).fill(9)) }), /NotFound desc = SigningInfo not found/);
    await assert.rejects(q.slashing.SigningInfo({ consAddress: '' }), /InvalidArgument desc = invalid request/);
    await assert.rejects(q.slashing.SigningInfo({ consAddress: q.a.operator }), /invalid consensus address/);
  });

  it('answers Trial and Trials, filtered by valoper or valcons address', () => {
    const q = courtWithTrials();
    const one = QueryTrialResponse.decode(q.query(QUERY_TRIAL_PATH, QueryTrialRequest.encode({ id: 1n }).finish())).trial!;
    assert.equal(one.validatorAddress, q.a.operator);
    assert.equal(one.verdict, Verdict.VERDICT_SLASHED_AND_JAILED);
    assert.throws(() => q.query(QUERY_TRIAL_PATH, QueryTrialRequest.encode({ id: 3n }).finish()), (e: unknown) => e instanceof CodedError && /NotFound desc = trial 3/.test(e.message));

    const all = QueryTrialsResponse.decode(q.query(QUERY_TRIALS_PATH, QueryTrialsRequest.encode(QueryTrialsRequest.fromPartial({ validator: '' })).finish()));
    assert.deepEqual(all.trials.map((t) => t.id), [1n, 2n]);
    assert.equal(all.pagination?.total, 2n);
    const byOperator = QueryTrialsResponse.decode(q.query(QUERY_TRIALS_PATH, QueryTrialsRequest.encode(QueryTrialsRequest.fromPartial({ validator: q.b.operator })).finish()));
    assert.deepEqual(byOperator.trials.map((t) => [t.id, t.verdict]), [[2n, Verdict.VERDICT_TOMBSTONED]]);
    const byCons = QueryTrialsResponse.decode(q.query(QUERY_TRIALS_PATH, QueryTrialsRequest.encode(QueryTrialsRequest.fromPartial({ validator: q.court.keeper.consAddressString(q.a.consAddress) })).finish()));
    assert.deepEqual(byCons.trials.map((t) => t.id), [1n]);
    const newest = QueryTrialsResponse.decode(
      q.query(QUERY_TRIALS_PATH, QueryTrialsRequest.encode(QueryTrialsRequest.fromPartial({ validator: '', pagination: { key: new Uint8Array(), offset: 0n, limit: 1n, countTotal: false, reverse: true } })).finish()),
    );
    assert.deepEqual(newest.trials.map((t) => t.id), [2n]);
    assert.throws(() => q.query(QUERY_TRIALS_PATH, QueryTrialsRequest.encode(QueryTrialsRequest.fromPartial({ validator: 'cosmos1nope' })).finish()), /InvalidArgument desc = invalid validator cosmos1nope/);
  });

  it('answers the court params with the evidence age limits', () => {
    const q = courtWithTrials();
    const { slashing, evidence } = QueryCourtParamsResponse.decode(q.query(QUERY_COURT_PARAMS_PATH, new Uint8Array()));
    assert.equal(slashing?.signedBlocksWindow, 100n);
    assert.deepEqual(evidence, { maxAgeNumBlocks: 100_000n, maxAgeDuration: { seconds: 172_800n, nanos: 0 } });
  });

  it('round-trips every court message through its codec', () => {
    const q = courtWithTrials();
    const trial = q.court.keeper.trials.get(q.ctx, 2n)!;
    const bytes = QueryTrialResponse.encode({ trial }).finish();
    assert.deepEqual(QueryTrialResponse.decode(bytes).trial, trial);
    const request = { validator: 'x', pagination: { key: Uint8Array.of(1), offset: 2n, limit: 3n, countTotal: true, reverse: true } };
    assert.deepEqual(QueryTrialsRequest.decode(QueryTrialsRequest.encode(request).finish()), request);
  });
});
