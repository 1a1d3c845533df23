// The REST API of a zone behind a real CometBFT v0.38, called the way Keplr and Ping.pub call
// it: balances and accounts agree with cosmjs, a tx signed offline by cosmjs goes in through
// POST /cosmos/tx/v1beta1/txs and comes back from GET /cosmos/tx/v1beta1/txs/{hash}.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectSecp256k1HdWallet, type EncodeObject } from '@cosmjs/proto-signing';
import { SigningStargateClient, StargateClient, type StdFee } from '@cosmjs/stargate';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { startZone, zoneGenesis, type RunningZone } from '../zone/zone.js';
import { initCometHome, projectRoot, setGenesisAppState, startCometbft, waitForHeight, type CometNode } from './helpers/cometbft.js';
import { ProcessGroup, waitFor } from './helpers/processes.js';

const MNEMONICS = {
  alice: 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
  bob: 'legal winner thank year wave sausage worth useful legal winner thank yellow',
};
// Valid bech32, never funded.
const STRANGER = 'cosmos1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du';
const CHAIN_ID = 'zonekit-rest-1';
const FEE: StdFee = { amount: [{ denom: 'uatom', amount: '5000' }], gas: '200000' };
const ATOM_METADATA = {
  description: 'The native staking token',
  denom_units: [{ denom: 'uatom', exponent: 0, aliases: ['microatom'] }, { denom: 'atom', exponent: 6, aliases: [] }],
  base: 'uatom',
  display: 'atom',
  name: 'Cosmos Atom',
  symbol: 'ATOM',
  uri: '',
  uri_hash: '',
};

interface Json {
  [key: string]: any;
}

describe('the REST API behind CometBFT', () => {
  const processes = new ProcessGroup();
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-rest-'));
  let zone: RunningZone;
  let node: CometNode;
  let query: StargateClient;
  let api: string;
  let rpcUrl: string;
  const addr = { alice: '', bob: '' };

  const get = async (path: string): Promise<{ status: number; body: Json }> => {
    const response = await fetch(`${api}${path}`);
    return { status: response.status, body: (await response.json()) as Json };
  };
  const post = async (path: string, body: unknown): Promise<{ status: number; body: Json }> => {
    const response = await fetch(`${api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const wallet = (name: keyof typeof MNEMONICS) => DirectSecp256k1HdWallet.fromMnemonic(MNEMONICS[name]);
  const send = (from: string, to: string, amount: string): EncodeObject => ({
    typeUrl: '/cosmos.bank.v1beta1.MsgSend',
    value: { fromAddress: from, toAddress: to, amount: [{ denom: 'uatom', amount }] },
  });
  /** A MsgSend signed offline, as a wallet would, from the account state REST reports. */
  const signSend = async (amount: string, memo = '', fee: StdFee = FEE): Promise<string> => {
    const { body } = await get(`/cosmos/auth/v1beta1/accounts/${addr.alice}`);
    const signer = await SigningStargateClient.offline(await wallet('alice'));
    const signed = await signer.sign(addr.alice, [send(addr.alice, addr.bob, amount)], fee, memo, {
      accountNumber: BigInt(body.account.account_number),
      sequence: Number(body.account.sequence),
      chainId: CHAIN_ID,
    });
    return Buffer.from(TxRaw.encode(signed).finish()).toString('base64');
  };

  before(async () => {
    for (const name of ['alice', 'bob'] as const) addr[name] = (await (await wallet(name)).getAccounts())[0]!.address;
    const home = await initCometHome(join(dir, 'node'), { chainId: CHAIN_ID, timeoutCommit: '100ms' });
    const appState = zoneGenesis([
      { address: addr.alice, coins: [{ denom: 'uatom', amount: '10000000' }, { denom: 'ustake', amount: '1000' }] },
      { address: addr.bob, coins: [{ denom: 'uatom', amount: '5000000' }] },
    ]);
    (appState.bank as Json).denom_metadata = [ATOM_METADATA];
    setGenesisAppState(home, appState);
    zone = await startZone({
      home: dir,
      dataDir: join(dir, 'app'),
      abciAddress: home.proxyApp,
      chainId: CHAIN_ID,
      minGasPrices: '0.01uatom',
      api: { enable: true, address: 'tcp://127.0.0.1:0', cometRpc: home.rpcUrl },
    });
    api = zone.rest!.url;
    rpcUrl = home.rpcUrl;
    node = await startCometbft(home, { group: processes });
    await waitForHeight(node, 2);
    query = await StargateClient.connect(home.rpcUrl);
  });

  after(async () => {
    query?.disconnect();
    await processes.stopAll();
    await zone?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers balances as cosmjs sees them, with pagination', async () => {
    const { status, body } = await get(`/cosmos/bank/v1beta1/balances/${addr.alice}`);
    assert.equal(status, 200);
    assert.deepEqual(body.balances, (await query.getAllBalances(addr.alice)).map((c) => ({ denom: c.denom, amount: c.amount })));
    // No limit given: the SDK counts the total.
    assert.deepEqual(body.pagination, { next_key: null, total: String(body.balances.length) });

    const first = await get(`/cosmos/bank/v1beta1/balances/${addr.alice}?pagination.limit=1&pagination.count_total=true`);
    assert.equal(first.body.balances.length, 1);
    assert.equal(first.body.pagination.total, '2');
    const next = await get(`/cosmos/bank/v1beta1/balances/${addr.alice}?pagination.key=${encodeURIComponent(first.body.pagination.next_key)}`);
    assert.deepEqual(next.body.balances, [{ denom: 'ustake', amount: '1000' }]);

    const one = await get(`/cosmos/bank/v1beta1/balances/${addr.bob}/by_denom?denom=uatom`);
    assert.deepEqual(one.body, { balance: await query.getBalance(addr.bob, 'uatom') });
    const supply = await get('/cosmos/bank/v1beta1/supply/by_denom?denom=ustake');
    assert.deepEqual(supply.body, { amount: { denom: 'ustake', amount: '1000' } });
  });

  it('answers an account as a BaseAccount, and an unknown one with 404 and the SDK body', async () => {
    const known = await get(`/cosmos/auth/v1beta1/accounts/${addr.bob}`);
    assert.equal(known.status, 200);
    assert.deepEqual(known.body, {
      account: { '@type': '/cosmos.auth.v1beta1.BaseAccount', address: addr.bob, pub_key: null, account_number: '1', sequence: '0' },
    });
    const unknown = await get(`/cosmos/auth/v1beta1/accounts/${STRANGER}`);
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, { code: 5, message: `account ${STRANGER} not found`, details: [] });
  });

  it('simulates a tx and reports gas_info', async () => {
    const { status, body } = await post('/cosmos/tx/v1beta1/simulate', { tx_bytes: await signSend('1') });
    assert.equal(status, 200, JSON.stringify(body));
    assert.ok(BigInt(body.gas_info.gas_used) > 30_000n, `gas used ${body.gas_info.gas_used}`);
    assert.deepEqual(body.result.msg_responses, [{ '@type': '/cosmos.bank.v1beta1.MsgSendResponse' }]);
    assert.ok(body.result.events.some((e: Json) => e.type === 'transfer'));
  });

  it('broadcasts a tx signed offline by cosmjs, which is committed and found by hash', async () => {
    const bobBefore = BigInt((await query.getBalance(addr.bob, 'uatom')).amount);
    const { status, body } = await post('/cosmos/tx/v1beta1/txs', { tx_bytes: await signSend('4242', 'through REST'), mode: 'BROADCAST_MODE_SYNC' });
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.tx_response.code, 0, body.tx_response.raw_log);
    assert.match(body.tx_response.txhash, /^[0-9A-F]{64}$/);
    assert.equal(body.tx_response.height, '0');

    const hash = body.tx_response.txhash as string;
    const found = await waitFor(async () => {
      const answer = await get(`/cosmos/tx/v1beta1/txs/${hash}`);
      return answer.status === 200 ? answer.body : undefined;
    }, { what: `tx ${hash} by REST`, timeoutMs: 20_000 });
    assert.equal(found.tx_response.txhash, hash);
    assert.equal(found.tx_response.code, 0);
    assert.ok(Number(found.tx_response.height) > 0);
    assert.match(found.tx_response.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(found.tx_response.tx['@type'], '/cosmos.tx.v1beta1.Tx');
    assert.ok(found.tx_response.events.some((e: Json) => e.type === 'transfer'));
    assert.deepEqual(found.tx.body.messages, [
      { '@type': '/cosmos.bank.v1beta1.MsgSend', from_address: addr.alice, to_address: addr.bob, amount: [{ denom: 'uatom', amount: '4242' }] },
    ]);
    assert.equal(found.tx.body.memo, 'through REST');
    assert.deepEqual(found.tx.auth_info.signer_infos[0].mode_info, { single: { mode: 'SIGN_MODE_DIRECT' } });
    assert.equal(found.tx.auth_info.signer_infos[0].public_key['@type'], '/cosmos.crypto.secp256k1.PubKey');
    assert.equal(BigInt((await query.getBalance(addr.bob, 'uatom')).amount), bobBefore + 4242n);
    // The block that holds it lists it, decoded (the first entry of a block here is a tx, not injected vote extensions).
    const inBlock = await get(`/cosmos/tx/v1beta1/txs/block/${found.tx_response.height}`);
    assert.equal(inBlock.status, 200, JSON.stringify(inBlock.body));
    assert.equal(inBlock.body.pagination.total, String(inBlock.body.block.data.txs.length));
    assert.ok(inBlock.body.txs.some((t: Json) => t.body.memo === 'through REST'), JSON.stringify(inBlock.body.txs));

    const again = await post('/cosmos/tx/v1beta1/txs', { tx_bytes: await signSend('1'), mode: 'BROADCAST_MODE_BLOCK' });
    assert.equal(again.status, 400);
    assert.equal(again.body.code, 3);
    const missing = await get(`/cosmos/tx/v1beta1/txs/${'AB'.repeat(32)}`);
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { code: 5, message: `tx not found: ${'AB'.repeat(32)}`, details: [] });
  });

  it('answers a tx whose gas limit is between 2^31 and 2^32 with a CheckTx response CometBFT decodes, and keeps making blocks', async () => {
    // cosmjs-types wrote such a uint64 as zero bytes; app/codec.ts repairs the writer.
    const before = await query.getHeight();
    const { status, body } = await post('/cosmos/tx/v1beta1/txs', { tx_bytes: await signSend('1', '', { amount: [{ denom: 'uatom', amount: '5000' }], gas: '3000000000' }), mode: 'BROADCAST_MODE_SYNC' });
    assert.equal(status, 200, JSON.stringify(body));
    // 3e9 gas at 0.01uatom wants a fee of 30,000,000uatom: refused with the SDK's insufficient fee.
    assert.equal(body.tx_response.code, 13, body.tx_response.raw_log);
    assert.match(body.tx_response.raw_log, /insufficient fees/);
    await waitFor(async () => ((await query.getHeight()) >= before + 2 ? true : undefined), { what: 'two more blocks', timeoutMs: 20_000 });
  });

  it('searches committed txs by events, in the query form and the older events form', async () => {
    const byQuery = await get(`/cosmos/tx/v1beta1/txs?query=${encodeURIComponent(`message.sender='${addr.alice}'`)}&order_by=ORDER_BY_DESC`);
    assert.equal(byQuery.status, 200, JSON.stringify(byQuery.body));
    assert.ok(Number(byQuery.body.total) >= 1);
    assert.equal(byQuery.body.txs.length, byQuery.body.tx_responses.length);
    assert.equal(byQuery.body.tx_responses[0].tx['@type'], '/cosmos.tx.v1beta1.Tx');
    assert.match(byQuery.body.tx_responses[0].timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(byQuery.body.txs[0].body.messages[0].from_address, addr.alice);
    assert.equal(byQuery.body.pagination, null);

    // Both conditions on one event: CometBFT 0.38's indexer finds no tx for conditions on two event types.
    const byEvents = await get(`/cosmos/tx/v1beta1/txs?events=${encodeURIComponent(`message.sender=${addr.alice}`)}&events=message.action=/cosmos.bank.v1beta1.MsgSend&limit=1`);
    assert.equal(byEvents.status, 200, JSON.stringify(byEvents.body));
    assert.equal(byEvents.body.tx_responses.length, 1, JSON.stringify(byEvents.body));
    assert.equal(byEvents.body.total, byQuery.body.total);
    const none = await get(`/cosmos/tx/v1beta1/txs?query=${encodeURIComponent(`message.sender='${STRANGER}'`)}`);
    assert.deepEqual(none.body, { txs: [], tx_responses: [], pagination: null, total: '0' });
    const empty = await get('/cosmos/tx/v1beta1/txs');
    assert.deepEqual(empty.body, { code: 3, message: 'query cannot be empty', details: [] });
    const bad = await get('/cosmos/tx/v1beta1/txs?events=nonsense');
    assert.equal(bad.status, 400);
  });

  it('lists accounts and module accounts, and tells the bech32 prefix', async () => {
    const all = await get('/cosmos/auth/v1beta1/accounts?pagination.count_total=true');
    assert.equal(all.status, 200);
    const addresses = all.body.accounts.map((a: Json) => a.address ?? a.base_account?.address);
    assert.ok(addresses.includes(addr.alice) && addresses.includes(addr.bob));
    assert.equal(all.body.pagination.total, String(all.body.accounts.length));
    const page = await get('/cosmos/auth/v1beta1/accounts?pagination.limit=1');
    assert.equal(page.body.accounts.length, 1);
    assert.ok(page.body.pagination.next_key);

    const modules = await get('/cosmos/auth/v1beta1/module_accounts');
    const names = modules.body.accounts.map((a: Json) => a.name);
    assert.deepEqual(names, [...names].sort());
    assert.ok(names.includes('fee_collector') && names.includes('bonded_tokens_pool'), names.join(', '));
    assert.ok(modules.body.accounts.every((a: Json) => a['@type'] === '/cosmos.auth.v1beta1.ModuleAccount'));
    const feeCollector = await get('/cosmos/auth/v1beta1/module_accounts/fee_collector');
    assert.equal(feeCollector.body.account.name, 'fee_collector');
    assert.deepEqual((await get('/cosmos/auth/v1beta1/bech32')).body, { bech32_prefix: 'cosmos' });
  });

  it('answers spendable balances and one denom\'s metadata', async () => {
    const spendable = await get(`/cosmos/bank/v1beta1/spendable_balances/${addr.alice}`);
    assert.equal(spendable.status, 200);
    assert.deepEqual(spendable.body.balances, (await get(`/cosmos/bank/v1beta1/balances/${addr.alice}`)).body.balances);
    const one = await get(`/cosmos/bank/v1beta1/spendable_balances/${addr.alice}/by_denom?denom=ustake`);
    assert.deepEqual(one.body, { balance: { denom: 'ustake', amount: '1000' } });

    assert.deepEqual((await get('/cosmos/bank/v1beta1/denoms_metadata/uatom')).body, { metadata: ATOM_METADATA });
    assert.deepEqual((await get('/cosmos/bank/v1beta1/denoms_metadata_by_query_string?denom=uatom')).body, { metadata: ATOM_METADATA });
    const missing = await get('/cosmos/bank/v1beta1/denoms_metadata/ibc/ABCDEF');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.message, 'client metadata for denom ibc/ABCDEF');
  });

  it('reports the node and its blocks from CometBFT', async () => {
    const info = await get('/cosmos/base/tendermint/v1beta1/node_info');
    assert.equal(info.status, 200);
    assert.equal(info.body.default_node_info.network, CHAIN_ID);
    assert.equal(info.body.application_version.app_name, 'zonekit');
    assert.deepEqual((await get('/cosmos/base/tendermint/v1beta1/syncing')).body, { syncing: false });

    const latest = await get('/cosmos/base/tendermint/v1beta1/blocks/latest');
    assert.equal(latest.status, 200);
    assert.equal(latest.body.block.header.chain_id, CHAIN_ID);
    assert.match(latest.body.sdk_block.header.proposer_address, /^cosmosvalcons1/);
    assert.equal(Buffer.from(latest.body.block_id.hash, 'base64').length, 32);
    const height = latest.body.block.header.height as string;
    const same = await get(`/cosmos/base/tendermint/v1beta1/blocks/${height}`);
    assert.deepEqual(same.body.block_id, latest.body.block_id);
    const future = await get('/cosmos/base/tendermint/v1beta1/blocks/99999999');
    assert.equal(future.status, 400);
    assert.equal(future.body.code, 3);

    const validators = await get('/cosmos/base/tendermint/v1beta1/validatorsets/latest');
    assert.equal(validators.status, 200);
    assert.equal(validators.body.validators.length, 1);
    const [validator] = validators.body.validators;
    assert.match(validator.address, /^cosmosvalcons1/);
    assert.equal(validator.pub_key['@type'], '/cosmos.crypto.ed25519.PubKey');
    assert.equal(validator.voting_power, '10');
    assert.deepEqual(validators.body.pagination, { next_key: null, total: '1' });
    const atHeight = await get(`/cosmos/base/tendermint/v1beta1/validatorsets/${height}`);
    assert.equal(atHeight.body.block_height, height);
    assert.deepEqual(atHeight.body.validators, validators.body.validators);
  });

  it('answers staking params, pool and validators; `zonekit query staking params` agrees', async () => {
    const params = await get('/cosmos/staking/v1beta1/params');
    assert.equal(params.status, 200);
    assert.equal(params.body.params.unbonding_time, '1814400s');
    assert.equal(params.body.params.min_commission_rate, '0.000000000000000000');
    // Shapes only: which validators this genesis has is not this test's business (modules/staking/rest-cli.test.ts checks values).
    const pool = await get('/cosmos/staking/v1beta1/pool');
    assert.deepEqual(Object.keys(pool.body.pool), ['not_bonded_tokens', 'bonded_tokens']);
    assert.ok(Object.values(pool.body.pool).every((v) => /^\d+$/.test(String(v))), JSON.stringify(pool.body));
    const validators = await get('/cosmos/staking/v1beta1/validators?status=BOND_STATUS_BONDED');
    assert.equal(validators.status, 200);
    assert.deepEqual(validators.body.pagination, { next_key: null, total: String(validators.body.validators.length) });

    const zonekit = (...args: string[]) =>
      new Promise<string>((resolve, reject) =>
        execFile(process.execPath, [join(projectRoot(), 'dist', 'cli', 'main.js'), ...args, '--node', rpcUrl, '--home', dir], (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout))),
      );
    assert.match(await zonekit('query', 'staking', 'params'), /^unbonding time:\s+1814400s \(21 days\)$/m);
    assert.deepEqual(JSON.parse(await zonekit('query', 'staking', 'params', '--output', 'json')), params.body);
  });

  it('serves the OpenAPI document with every path, and a UI page', async () => {
    const { body } = await get('/swagger/openapi.json');
    for (const path of [
      '/cosmos/auth/v1beta1/accounts/{address}',
      '/cosmos/bank/v1beta1/balances/{address}',
      '/cosmos/bank/v1beta1/supply',
      '/cosmos/tx/v1beta1/txs',
      '/cosmos/tx/v1beta1/txs/{hash}',
      '/cosmos/tx/v1beta1/simulate',
      '/cosmos/base/tendermint/v1beta1/blocks/{height}',
      '/cosmos/base/tendermint/v1beta1/validatorsets/latest',
      '/cosmos/auth/v1beta1/accounts',
      '/cosmos/auth/v1beta1/module_accounts',
      '/cosmos/bank/v1beta1/spendable_balances/{address}',
      '/zonekit/counter/v1/count/{address}',
    ]) {
      assert.ok(path in body.paths, `${path} is documented`);
    }
    const page = await fetch(`${api}/swagger/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Swagger UI/);
  });

  it('answers bad parameters with 400 and a gRPC status body', async () => {
    const badAddress = await get('/cosmos/bank/v1beta1/balances/cosmos1notanaddress');
    assert.equal(badAddress.status, 400);
    assert.equal(badAddress.body.code, 3);
    assert.match(badAddress.body.message, /^invalid address: /);
    assert.deepEqual(badAddress.body.details, []);
    const badLimit = await get(`/cosmos/bank/v1beta1/balances/${addr.alice}?pagination.limit=ten`);
    assert.equal(badLimit.status, 400);
    assert.deepEqual(badLimit.body, { code: 3, message: 'pagination.limit must be an unsigned integer', details: [] });
    const noBytes = await post('/cosmos/tx/v1beta1/txs', { mode: 'BROADCAST_MODE_SYNC' });
    assert.equal(noBytes.status, 400);
    assert.equal(noBytes.body.code, 3);
    const badHash = await get('/cosmos/tx/v1beta1/txs/xyz');
    assert.deepEqual(badHash.body, { code: 3, message: 'invalid tx hash: expected 64 hex characters', details: [] });
  });
});
