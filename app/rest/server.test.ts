// The REST server in process: module routes answered by a TestChain's queries, and the tx and
// tendermint services reshaping a stand-in CometBFT RPC's JSON into the SDK's, compared with
// JSON written by hand in the gateway's shape.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Tx } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { TestChain } from '../../zone/testing.js';
import { createRestServer, type RestServer } from './server.js';
import { localQuerier } from './querier.js';

const ALICE = 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4';
const h = (byte: string) => byte.repeat(32);
const cometBlockId = (hash: string, parts: string) => ({ hash: h(hash), parts: { total: 1, hash: h(parts) } });

// CometBFT 0.38's /block and /status answers: hex hashes, `parts`, numeric flags, nanosecond times.
const COMET: Record<string, unknown> = {
  status: {
    node_info: {
      protocol_version: { p2p: '8', block: '11', app: '0' },
      id: 'f00d',
      listen_addr: 'tcp://0.0.0.0:26656',
      network: 'zonekit-test-1',
      version: '0.38.17',
      channels: '4020212223',
      moniker: 'node0',
      other: { tx_index: 'on', rpc_address: 'tcp://127.0.0.1:26657' },
    },
    sync_info: { earliest_block_height: '1', latest_block_height: '5', catching_up: false },
  },
  header: { header: { height: '5', time: '2024-05-01T10:00:00.123456789Z', app_hash: '11'.repeat(32), next_validators_hash: '22'.repeat(32) } },
  block: {
    block_id: cometBlockId('AA', 'BB'),
    block: {
      header: {
        version: { block: '11' },
        chain_id: 'zonekit-test-1',
        height: '5',
        time: '2024-05-01T10:00:00.123456789Z',
        last_block_id: cometBlockId('CC', 'DD'),
        last_commit_hash: h('11'),
        data_hash: h('11'),
        validators_hash: h('11'),
        next_validators_hash: h('11'),
        consensus_hash: h('11'),
        app_hash: h('11'),
        last_results_hash: h('11'),
        evidence_hash: '',
        proposer_address: '01'.repeat(20),
      },
      data: { txs: ['AQID'] },
      evidence: { evidence: [] },
      last_commit: {
        height: '4',
        round: 0,
        block_id: cometBlockId('CC', 'DD'),
        signatures: [{ block_id_flag: 2, validator_address: '01'.repeat(20), timestamp: '2024-05-01T10:00:00.1Z', signature: 'c2ln' }],
      },
    },
  },
  broadcast_tx_sync: { code: 5, data: '', log: 'insufficient funds', codespace: 'sdk', hash: 'ab'.repeat(32) },
};

describe('the REST server', () => {
  let chain: TestChain;
  let rest: RestServer;
  let comet: Server;
  const calls: Array<{ method: string; params: Record<string, unknown> }> = [];
  const get = async (url: string) => {
    const response = await rest.fastify.inject({ url });
    return { status: response.statusCode, body: response.json() };
  };

  before(async () => {
    comet = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        const { id, method, params } = JSON.parse(text) as { id: number; method: string; params: Record<string, unknown> };
        calls.push({ method, params });
        const body = method === 'broadcast_tx_async'
          ? { error: { code: -32603, message: 'Internal error', data: 'tx already exists in cache' } }
          : method === 'tx'
            ? { error: { code: -32603, message: 'Internal error', data: `tx (${String(params.hash)}) not found` } }
            : { result: COMET[method] };
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ jsonrpc: '2.0', id, ...body }));
      });
    });
    await new Promise<void>((resolve) => comet.listen(0, '127.0.0.1', resolve));
    chain = await TestChain.start({ accounts: [{ address: ALICE, coins: [{ denom: 'uatom', amount: '100' }, { denom: 'ustake', amount: '7' }] }] });
    await chain.deliver([]);
    rest = await createRestServer({
      app: chain.zone.app,
      query: localQuerier({ query: (req) => chain.app.query(req) }),
      cometRpcUrl: `http://127.0.0.1:${(comet.address() as AddressInfo).port}`,
      corsOrigins: ['https://wallet.example'],
      node: { minGasPrices: '0.025uatom' },
    });
  });

  after(async () => {
    await rest.close();
    await chain.close();
    await new Promise((resolve) => comet.close(resolve));
  });

  it('answers module routes with the SDK JSON', async () => {
    assert.deepEqual(await get(`/cosmos/bank/v1beta1/balances/${ALICE}?pagination.reverse=true&pagination.count_total=true`), {
      status: 200,
      body: { balances: [{ denom: 'ustake', amount: '7' }, { denom: 'uatom', amount: '100' }], pagination: { next_key: null, total: '2' } },
    });
    assert.deepEqual((await get('/cosmos/bank/v1beta1/supply')).body.supply, [{ denom: 'uatom', amount: '100' }, { denom: 'ustake', amount: '7' }]);
    assert.deepEqual((await get('/cosmos/bank/v1beta1/params')).body, { params: { send_enabled: [], default_send_enabled: true } });
    assert.deepEqual((await get(`/zonekit/counter/v1/count/${ALICE}`)).body, { count: '0' });
  });

  it('reads at the height the x-cosmos-block-height header names, and refuses a future one', async () => {
    const response = await rest.fastify.inject({ url: '/cosmos/bank/v1beta1/supply/by_denom?denom=uatom', headers: { 'x-cosmos-block-height': '1' } });
    assert.deepEqual(response.json(), { amount: { denom: 'uatom', amount: '100' } });
    const future = await rest.fastify.inject({ url: '/cosmos/bank/v1beta1/supply', headers: { 'x-cosmos-block-height': '999' } });
    assert.equal(future.statusCode, 400);
    assert.equal(future.json().code, 3);
  });

  it('validates parameters with zod: 400 and a gRPC InvalidArgument body', async () => {
    assert.deepEqual(await get('/cosmos/auth/v1beta1/accounts/osmo19rl4cm2hmr8afy4kldpxz3fka4jguq0a5m7df8'), {
      status: 400,
      body: { code: 3, message: 'invalid address: invalid Bech32 prefix; expected cosmos, got osmo', details: [] },
    });
    assert.equal((await get(`/cosmos/bank/v1beta1/balances/${ALICE}?pagination.count_total=maybe`)).body.message, 'pagination.count_total must be true or false');
    assert.equal((await get(`/cosmos/bank/v1beta1/balances/${ALICE}?pagination.offset=18446744073709551616`)).status, 400);
    assert.deepEqual(await get('/cosmos/base/tendermint/v1beta1/blocks/-1'), { status: 400, body: { code: 3, message: 'height must be an unsigned integer', details: [] } });
    assert.deepEqual(await get('/no/such/path'), { status: 404, body: { code: 5, message: 'Not Found', details: [] } });
  });

  it('serves the paths Keplr and explorers call: node config and status, account info, denom owners, send enabled, a block with its txs', async () => {
    assert.deepEqual((await get('/cosmos/base/node/v1beta1/config')).body, { minimum_gas_price: '0.025000000000000000uatom', pruning_keep_recent: '', pruning_interval: '', halt_height: '0' });
    assert.deepEqual((await get('/cosmos/base/node/v1beta1/status')).body, {
      earliest_store_height: '1',
      height: '5',
      timestamp: '2024-05-01T10:00:00.123456789Z',
      app_hash: Buffer.from('11'.repeat(32), 'hex').toString('base64'),
      validator_hash: Buffer.from('22'.repeat(32), 'hex').toString('base64'),
    });
    assert.deepEqual((await get(`/cosmos/auth/v1beta1/account_info/${ALICE}`)).body, { info: { address: ALICE, pub_key: null, account_number: '0', sequence: '0' } });
    assert.equal((await get('/cosmos/auth/v1beta1/account_info/cosmos1w7kv78ru45qcjtkw0l5ye5pnzqq3jaegfzf7nt')).status, 404);
    assert.deepEqual((await get('/cosmos/bank/v1beta1/denom_owners/ustake?pagination.count_total=true')).body, {
      denom_owners: [{ address: ALICE, balance: { denom: 'ustake', amount: '7' } }],
      pagination: { next_key: null, total: '1' },
    });
    assert.deepEqual((await get('/cosmos/bank/v1beta1/send_enabled?denoms=uatom')).body, { send_enabled: [{ denom: 'uatom', enabled: true }], pagination: null });
    // The stand-in block's txs are not Txs; for this path it holds one (a memo only).
    const data = (COMET.block as { block: { data: { txs: string[] } } }).block.data;
    const original = data.txs;
    data.txs = [Buffer.from(Tx.encode(Tx.fromPartial({ body: { memo: 'hi' } })).finish()).toString('base64')];
    const block = (await get('/cosmos/tx/v1beta1/txs/block/5')).body;
    data.txs = original;
    assert.equal(block.txs[0].body.memo, 'hi');
    assert.equal(block.block.header.height, '5');
    assert.equal(block.txs.length, 1);
    assert.equal(block.pagination.total, '1');
  });

  it('answers an oversized body with 413 and a bad broadcast mode with the modes it takes', async () => {
    const big = await rest.fastify.inject({ method: 'POST', url: '/cosmos/tx/v1beta1/txs', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ tx_bytes: 'A'.repeat(2 * 1024 * 1024) }) });
    assert.equal(big.statusCode, 413);
    assert.match(big.json().message, /^request body too large \(\d+ bytes\): this API accepts at most 1048576 bytes/);
    const mode = await rest.fastify.inject({ method: 'POST', url: '/cosmos/tx/v1beta1/txs', payload: { tx_bytes: 'AQID', mode: 'sync' } });
    assert.deepEqual([mode.statusCode, mode.json().message], [400, 'invalid mode "sync": use one of BROADCAST_MODE_SYNC, BROADCAST_MODE_ASYNC']);
  });

  it('sends CORS headers for the configured origins only', async () => {
    const allowed = await rest.fastify.inject({ url: '/cosmos/bank/v1beta1/params', headers: { origin: 'https://wallet.example' } });
    assert.equal(allowed.headers['access-control-allow-origin'], 'https://wallet.example');
    const other = await rest.fastify.inject({ url: '/cosmos/bank/v1beta1/params', headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers['access-control-allow-origin'], undefined);
  });

  it('reshapes a CometBFT block into GetLatestBlockResponse', async () => {
    const { status, body } = await get('/cosmos/base/tendermint/v1beta1/blocks/latest');
    assert.equal(status, 200);
    const blockId = { hash: 'qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqo=', part_set_header: { total: 1, hash: 'u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7u7s=' } };
    const lastBlockId = { hash: 'zMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMw=', part_set_header: { total: 1, hash: '3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d0=' } };
    const hash = 'ERERERERERERERERERERERERERERERERERERERERERE=';
    const header = {
      version: { block: '11', app: '0' },
      chain_id: 'zonekit-test-1',
      height: '5',
      time: '2024-05-01T10:00:00.123456789Z',
      last_block_id: lastBlockId,
      last_commit_hash: hash,
      data_hash: hash,
      validators_hash: hash,
      next_validators_hash: hash,
      consensus_hash: hash,
      app_hash: hash,
      last_results_hash: hash,
      evidence_hash: null,
      proposer_address: 'AQEBAQEBAQEBAQEBAQEBAQEBAQE=',
    };
    const lastCommit = {
      height: '4',
      round: 0,
      block_id: lastBlockId,
      signatures: [{ block_id_flag: 'BLOCK_ID_FLAG_COMMIT', validator_address: 'AQEBAQEBAQEBAQEBAQEBAQEBAQE=', timestamp: '2024-05-01T10:00:00.100Z', signature: 'c2ln' }],
    };
    assert.deepEqual(body, {
      block_id: blockId,
      block: { header, data: { txs: ['AQID'] }, evidence: { evidence: [] }, last_commit: lastCommit },
      sdk_block: {
        header: { ...header, proposer_address: 'cosmosvalcons1qyqszqgpqyqszqgpqyqszqgpqyqszqgpr5xhdw' },
        data: { txs: ['AQID'] },
        evidence: { evidence: [] },
        last_commit: lastCommit,
      },
    });
  });

  it('reshapes the node status into GetNodeInfoResponse and GetSyncingResponse', async () => {
    const { body } = await get('/cosmos/base/tendermint/v1beta1/node_info');
    assert.deepEqual(body.default_node_info, {
      protocol_version: { p2p: '8', block: '11', app: '0' },
      default_node_id: 'f00d',
      listen_addr: 'tcp://0.0.0.0:26656',
      network: 'zonekit-test-1',
      version: '0.38.17',
      channels: 'QCAhIiM=',
      moniker: 'node0',
      other: { tx_index: 'on', rpc_address: 'tcp://127.0.0.1:26657' },
    });
    assert.equal(body.application_version.app_name, 'zonekit');
    assert.equal(body.application_version.cosmos_sdk_version, 'v0.50.0');
    // What relayers check: the SDK, CometBFT (the node's own version) and each module's Go counterpart.
    assert.deepEqual(
      body.application_version.build_deps.map((d: { path: string; version: string }) => `${d.path}@${d.version}`),
      ['github.com/cometbft/cometbft@v0.38.17', 'github.com/cosmos/cosmos-sdk@v0.50.0', 'github.com/cosmos/ibc-go/v8@v8.8.0'],
    );
    assert.deepEqual((await get('/cosmos/base/tendermint/v1beta1/syncing')).body, { syncing: false });
  });

  it('forwards a broadcast and answers with the SDK TxResponse, mempool refusals included', async () => {
    const sync = await rest.fastify.inject({ method: 'POST', url: '/cosmos/tx/v1beta1/txs', payload: { tx_bytes: 'AQID', mode: 'BROADCAST_MODE_SYNC' } });
    assert.equal(calls.at(-1)!.method, 'broadcast_tx_sync');
    assert.deepEqual(calls.at(-1)!.params, { tx: 'AQID' });
    assert.deepEqual(sync.json(), {
      tx_response: {
        height: '0', txhash: 'AB'.repeat(32), codespace: 'sdk', code: 5, data: '', raw_log: 'insufficient funds', logs: [], info: '',
        gas_wanted: '0', gas_used: '0', tx: null, timestamp: '', events: [],
      },
    });
    const cached = await rest.fastify.inject({ method: 'POST', url: '/cosmos/tx/v1beta1/txs', payload: { tx_bytes: 'AQID', mode: 3 } });
    assert.equal(cached.statusCode, 200);
    assert.equal(cached.json().tx_response.code, 19);
    assert.equal(cached.json().tx_response.txhash, '039058C6F2C0CB492C533B0A4D14EF77CC0F78ABCCCED5287D84A1A2011CFB81');
    const unspecified = await rest.fastify.inject({ method: 'POST', url: '/cosmos/tx/v1beta1/txs', payload: { tx_bytes: 'AQID' } });
    assert.equal(unspecified.statusCode, 400);
    assert.match(unspecified.json().message, /unsupported broadcast mode BROADCAST_MODE_UNSPECIFIED/);
  });

  it('answers an unknown tx hash with 404', async () => {
    const hash = 'cd'.repeat(32);
    assert.deepEqual(await get(`/cosmos/tx/v1beta1/txs/${hash}`), { status: 404, body: { code: 5, message: `tx not found: ${hash.toUpperCase()}`, details: [] } });
    assert.equal(calls.at(-1)!.params.hash, Buffer.from(hash, 'hex').toString('base64'));
  });
});
