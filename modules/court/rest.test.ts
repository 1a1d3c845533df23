// The court's REST paths in process (fastify inject): x/slashing's params in the gateway's
// JSON (decimals, "600s"), signing infos, and trials with enum names and RFC 3339 times.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MsgSubmitEvidence } from 'cosmjs-types/cosmos/evidence/v1beta1/tx';
import { DuplicateVoteEvidence } from 'cosmjs-types/tendermint/types/evidence';
import { defineApp } from '../../app/app.js';
import { CodedError } from '../../app/errors.js';
import { createRestServer, statusFromAbci, type RestServer } from '../../app/rest/index.js';
import { BlockIDFlag, blockContext, duplicateVote, testCourt } from './fake-staking.js';

describe('court REST', () => {
  const t = testCourt();
  const a = t.staking.addValidator(1);
  const b = t.staking.addValidator(2);
  let server: RestServer;

  before(async () => {
    for (const v of [a, b]) t.court.hooks.afterValidatorBonded!(blockContext(t.store, 1n), v.consAddress, v.operator);
    for (let h = 2n; h <= 102n; h++) t.court.beginBlock(blockContext(t.store, h, { votes: [{ validator: a, flag: BlockIDFlag.BLOCK_ID_FLAG_ABSENT }] }));
    t.court.msgs[MsgSubmitEvidence.typeUrl]!.handle(blockContext(t.store, 103n, { mode: 'finalize' }), {
      submitter: 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4',
      evidence: { typeUrl: '/tendermint.types.DuplicateVoteEvidence', value: DuplicateVoteEvidence.encode(duplicateVote(t.staking, b, 90n)).finish() },
    });
    const ctx = blockContext(t.store, 103n);
    const app = defineApp({ name: 'court-test', version: '0', bech32Prefix: 'cosmos', modules: [t.court], ante: [] });
    server = await createRestServer({
      app,
      cometRpcUrl: 'http://127.0.0.1:9',
      async query(path, data) {
        try {
          return { value: t.court.queries[path]!(ctx, data), height: 103n };
        } catch (err) {
          if (err instanceof CodedError) throw statusFromAbci(err.codespace, err.code, err.message);
          throw err;
        }
      },
    });
  });
  after(async () => server.close());

  const get = async (url: string) => {
    const response = await server.fastify.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.json() as Record<string, any> };
  };

  it('serves the slashing params as the SDK gateway writes them', async () => {
    assert.deepEqual(await get('/cosmos/slashing/v1beta1/params'), {
      status: 200,
      body: {
        params: {
          signed_blocks_window: '100',
          min_signed_per_window: '0.500000000000000000',
          downtime_jail_duration: '600s',
          slash_fraction_double_sign: '0.050000000000000000',
          slash_fraction_downtime: '0.010000000000000000',
        },
      },
    });
    const court = await get('/zonekit/court/v1/params');
    assert.deepEqual(court.body.evidence, { max_age_num_blocks: '100000', max_age_duration: '172800s' });
  });

  it('serves signing infos, one by consensus address and all with pagination', async () => {
    const address = t.court.keeper.consAddressString(a.consAddress);
    const one = await get(`/cosmos/slashing/v1beta1/signing_infos/${address}`);
    assert.equal(one.status, 200);
    assert.equal(one.body.val_signing_info.address, address);
    assert.equal(one.body.val_signing_info.start_height, '1');
    assert.match(one.body.val_signing_info.jailed_until, /^2023-11-14T\d\d:\d\d:\d\dZ$/);
    const all = await get('/cosmos/slashing/v1beta1/signing_infos?pagination.limit=1&pagination.count_total=true');
    assert.equal(all.body.info.length, 1);
    assert.equal(all.body.pagination.total, '2');
    const missing = await get(`/cosmos/slashing/v1beta1/signing_infos/${t.court.keeper.consAddressString(new Uint8Array(20))}`);
    assert.equal(missing.status, 404);
  });

  it('serves trials with enum names, times and amounts', async () => {
    const list = await get(`/zonekit/court/v1/trials?validator=${b.operator}`);
    assert.equal(list.status, 200);
    assert.equal(list.body.trials.length, 1);
    const trial = list.body.trials[0];
    assert.equal(trial.id, '2');
    assert.equal(trial.kind, 'INFRACTION_KIND_DOUBLE_SIGN');
    assert.equal(trial.source, 'EVIDENCE_SOURCE_TX');
    assert.equal(trial.verdict, 'VERDICT_TOMBSTONED');
    assert.equal(trial.jailed_until, '9999-12-31T23:59:59Z');
    assert.equal(trial.infraction_time, '2023-11-14T22:20:50.123456789Z');
    assert.deepEqual(trial.slashed.from_unbonding_delegations, [{ delegator_address: 'cosmos1unbonding', amount: '10' }]);
    const one = await get('/zonekit/court/v1/trials/1');
    assert.equal(one.body.trial.kind, 'INFRACTION_KIND_DOWNTIME');
    assert.equal((await get('/zonekit/court/v1/trials/7')).status, 404);
    assert.equal((await get('/zonekit/court/v1/trials/x')).status, 400);
  });
});
