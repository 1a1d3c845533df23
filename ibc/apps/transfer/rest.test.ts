// The gateway paths in process: each answers as ibc-go's gRPC-gateway does (JSON shape,
// wildcard paths holding slashes, gRPC statuses), over the module's own queries.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defineApp } from '../../../app/app.js';
import { toAbciError } from '../../../app/errors.js';
import { createRestServer, statusFromAbci, type RestServer } from '../../../app/rest/index.js';
import { transferTestEnv } from './testing.js';

const ATOM_HASH = '27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2';

describe('REST', () => {
  const env = transferTestEnv();
  env.transfer.keeper.setDenomTrace(env.ctx, { path: 'transfer/channel-0', baseDenom: 'gamm/pool/1' });
  env.transfer.keeper.setDenomTrace(env.ctx, { path: 'transfer/channel-0', baseDenom: 'uatom' });
  env.transfer.keeper.setTotalEscrowForDenom(env.ctx, 'factory/cosmos1x/coin', 9n);
  const app = defineApp({ name: 'transfer-test', version: '0', bech32Prefix: 'cosmos', modules: [env.auth, env.bank, env.transfer], ante: [] });
  let rest: RestServer;

  before(async () => {
    rest = await createRestServer({
      app,
      cometRpcUrl: 'http://127.0.0.1:1',
      query: async (path, data) => {
        try {
          return { value: app.queryRoutes.get(path)!(env.ctx, data), height: 1n };
        } catch (err) {
          const { codespace, code, log } = toAbciError(err);
          throw statusFromAbci(codespace, code, log);
        }
      },
    });
  });
  after(() => rest.close());

  const get = async (url: string) => {
    const response = await rest.fastify.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.json() as unknown };
  };

  it('lists denom traces with pagination', async () => {
    assert.deepEqual(await get('/ibc/apps/transfer/v1/denom_traces'), {
      status: 200,
      body: {
        denom_traces: [
          { path: 'transfer/channel-0', base_denom: 'gamm/pool/1' },
          { path: 'transfer/channel-0', base_denom: 'uatom' },
        ],
        pagination: { next_key: null, total: '2' },
      },
    });
  });

  it('answers one trace by hash or ibc/hash', async () => {
    const expected = { status: 200, body: { denom_trace: { path: 'transfer/channel-0', base_denom: 'uatom' } } };
    assert.deepEqual(await get(`/ibc/apps/transfer/v1/denom_traces/${ATOM_HASH}`), expected);
    assert.deepEqual(await get(`/ibc/apps/transfer/v1/denom_traces/ibc/${ATOM_HASH}`), expected);
    assert.equal((await get(`/ibc/apps/transfer/v1/denom_traces/${'0'.repeat(64)}`)).status, 404);
    assert.equal((await get('/ibc/apps/transfer/v1/denom_traces/xyz')).status, 400);
  });

  it('answers params, denom hashes, escrow addresses and total escrow', async () => {
    assert.deepEqual(await get('/ibc/apps/transfer/v1/params'), { status: 200, body: { params: { send_enabled: true, receive_enabled: true } } });
    assert.deepEqual(await get('/ibc/apps/transfer/v1/denom_hashes/transfer/channel-0/uatom'), { status: 200, body: { hash: ATOM_HASH } });
    assert.deepEqual(await get('/ibc/apps/transfer/v1/channels/channel-0/ports/transfer/escrow_address'), {
      status: 200,
      body: { escrow_address: 'cosmos1a53udazy8ayufvy0s434pfwjcedzqv34kvz9tw' },
    });
    assert.deepEqual(await get('/ibc/apps/transfer/v1/denoms/factory/cosmos1x/coin/total_escrow'), {
      status: 200,
      body: { amount: { denom: 'factory/cosmos1x/coin', amount: '9' } },
    });
    assert.equal((await get('/ibc/apps/transfer/v1/denoms/uatom')).status, 404);
  });
});
