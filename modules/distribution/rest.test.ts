// The SDK's REST paths in a real REST server (fastify, in process), answered by the module's queries.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defineApp } from '../../app/app.js';
import { parseDec } from '../../app/dec.js';
import { toAbciError } from '../../app/errors.js';
import { createRestServer, statusFromAbci, type RestServer } from '../../app/rest/index.js';
import { account, beginBlock, payFees, setup, valoper } from './fixture.js';

describe('distribution REST', () => {
  const s = setup();
  const A = s.staking.createValidator(s.ctx, 0xa1, parseDec('0.1'), 7n);
  s.staking.delegate(s.ctx, account(0x11), A, 11n);
  payFees(s, [{ denom: 'uatom', amount: 1000n }]);
  beginBlock(s, [[0xa1, 1n]]);
  let rest: RestServer;
  const get = async (url: string) => {
    const response = await rest.fastify.inject({ url });
    return { status: response.statusCode, body: response.json() };
  };

  before(async () => {
    const app = defineApp({ name: 'test', version: '0', bech32Prefix: 'cosmos', modules: [s.auth, s.bank, s.distribution], ante: [] });
    rest = await createRestServer({
      app,
      cometRpcUrl: 'http://127.0.0.1:1',
      query: async (path, data) => {
        try {
          return { value: app.queryRoutes.get(path)!(s.ctx, data), height: 2n };
        } catch (err) {
          const { codespace, code, log } = toAbciError(err);
          throw statusFromAbci(codespace, code, log);
        }
      },
    });
  });
  after(async () => rest.close());

  it('serves rewards, commission, pool and params with decimal-text amounts', async () => {
    // 980 to A: 98 commission, 882 over 18 shares, 11 of them D1's.
    assert.deepEqual(await get(`/cosmos/distribution/v1beta1/delegators/${account(0x11)}/rewards/${A}`), { status: 200, body: { rewards: [{ denom: 'uatom', amount: '539.000000000000000000' }] } });
    assert.deepEqual((await get(`/cosmos/distribution/v1beta1/delegators/${account(0x11)}/rewards`)).body, {
      rewards: [{ validator_address: A, reward: [{ denom: 'uatom', amount: '539.000000000000000000' }] }],
      total: [{ denom: 'uatom', amount: '539.000000000000000000' }],
    });
    assert.deepEqual((await get(`/cosmos/distribution/v1beta1/validators/${A}/commission`)).body, { commission: { commission: [{ denom: 'uatom', amount: '98.000000000000000000' }] } });
    assert.deepEqual((await get(`/cosmos/distribution/v1beta1/validators/${A}/outstanding_rewards`)).body, { rewards: { rewards: [{ denom: 'uatom', amount: '980.000000000000000000' }] } });
    assert.deepEqual((await get(`/cosmos/distribution/v1beta1/validators/${A}`)).body, {
      operator_address: account(0xa1),
      self_bond_rewards: [{ denom: 'uatom', amount: '343.000000000000000000' }],
      commission: [{ denom: 'uatom', amount: '98.000000000000000000' }],
    });
    assert.deepEqual((await get(`/cosmos/distribution/v1beta1/validators/${A}/slashes?starting_height=1&ending_height=9`)).body, { slashes: [], pagination: { next_key: null, total: '0' } });
    assert.deepEqual((await get('/cosmos/distribution/v1beta1/community_pool')).body, { pool: [{ denom: 'uatom', amount: '20.000000000000000000' }] });
    assert.equal((await get('/cosmos/distribution/v1beta1/params')).body.params.community_tax, '0.020000000000000000');
    assert.deepEqual((await get(`/cosmos/distribution/v1beta1/delegators/${account(0x11)}/validators`)).body, { validators: [A] });
    assert.deepEqual((await get(`/cosmos/distribution/v1beta1/delegators/${account(0x11)}/withdraw_address`)).body, { withdraw_address: account(0x11) });
  });

  it('answers bad addresses with 400, and unknown validators and delegations with 404 and the module error', async () => {
    const bad = await get(`/cosmos/distribution/v1beta1/validators/${account(0xa1)}/commission`);
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /invalid validator address/);
    const unknown = await get(`/cosmos/distribution/v1beta1/validators/${valoper(0xee)}/commission`);
    // A missing validator or delegation is NotFound, HTTP 404 (the SDK's gateway answers 500, as
    // if the node had failed; the fuzz campaign found that on a delegation's rewards).
    assert.deepEqual([unknown.status, unknown.body.code], [404, 5]);
    assert.match(unknown.body.message, /validator does not exist/);
    const noDelegation = await get(`/cosmos/distribution/v1beta1/delegators/${account(0x77)}/rewards/${A}`);
    assert.deepEqual([noDelegation.status, noDelegation.body.code], [404, 5]);
    assert.match(noDelegation.body.message, /delegation does not exist/);
  });
});
