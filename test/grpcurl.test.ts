// A zone behind a real CometBFT v0.38, called with grpcurl and nothing else: grpcurl learns
// every service and message from the node's server reflection, sends JSON and prints JSON, as
// it does against any Cosmos SDK node. One query per module, Any resolution included.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DirectSecp256k1HdWallet, Registry } from '@cosmjs/proto-signing';
import { defaultRegistryTypes, SigningStargateClient } from '@cosmjs/stargate';
import { serviceOf } from '../app/grpc-server/reflection.js';
import { counterRegistryTypes, MsgIncrement, MSG_INCREMENT_TYPE_URL } from '../modules/counter/index.js';
import { projectBinary } from '../scripts/lib/cometbft.js';
import { startZone, zoneGenesis, type RunningZone } from '../zone/zone.js';
import { initCometHome, setGenesisAppState, startCometbft, waitForHeight } from './helpers/cometbft.js';
import { ProcessGroup } from './helpers/processes.js';

const ALICE_MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const CHAIN_ID = 'zonekit-grpcurl-1';
const run = promisify(execFile);

describe('grpcurl against a zone node, through server reflection', () => {
  const processes = new ProcessGroup();
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-grpcurl-'));
  const grpcurlBinary = projectBinary('grpcurl', 'Run scripts/install-grpcurl.sh (or scripts/setup.sh --ibc-peers) to install grpcurl.');
  let zone: RunningZone;
  let alice = '';

  const grpcurl = async (...args: string[]): Promise<string> => (await run(grpcurlBinary, ['-plaintext', ...args], { timeout: 20_000 })).stdout;
  /** `grpcurl -d <json> <node> <method>`: the response as JSON. */
  const call = async (method: string, request: object = {}): Promise<any> => JSON.parse(await grpcurl('-d', JSON.stringify(request), zone.grpc!.address, method));

  before(async () => {
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(ALICE_MNEMONIC);
    alice = (await wallet.getAccounts())[0]!.address;
    const home = await initCometHome(join(dir, 'node'), { chainId: CHAIN_ID, timeoutCommit: '100ms' });
    setGenesisAppState(home, zoneGenesis([{ address: alice, coins: [{ denom: 'uatom', amount: '10000000' }, { denom: 'ustake', amount: '42' }] }]));
    zone = await startZone({
      home: dir,
      dataDir: join(dir, 'app'),
      abciAddress: home.proxyApp,
      chainId: CHAIN_ID,
      minGasPrices: '0.01uatom',
      grpc: { enable: true, address: '127.0.0.1:0', cometRpc: home.rpcUrl },
    });
    await waitForHeight(await startCometbft(home, { group: processes }), 2);
    // One counter tx, so that zonekit's own query has something to show.
    const registry = new Registry([...defaultRegistryTypes, ...counterRegistryTypes]);
    const client = await SigningStargateClient.connectWithSigner(home.rpcUrl, wallet, { registry, broadcastPollIntervalMs: 100, broadcastTimeoutMs: 20_000 });
    try {
      const msg = { typeUrl: MSG_INCREMENT_TYPE_URL, value: MsgIncrement.fromPartial({ sender: alice, by: 3n }) };
      const result = await client.signAndBroadcast(alice, [msg], { amount: [{ denom: 'uatom', amount: '5000' }], gas: '200000' });
      assert.equal(result.code, 0, result.rawLog ?? '');
    } finally {
      client.disconnect();
    }
  });

  after(async () => {
    await processes.stopAll();
    await zone?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every service the node serves', async () => {
    const listed = (await grpcurl(zone.grpc!.address, 'list')).trim().split('\n');
    assert.deepEqual(listed, [...new Set(zone.grpc!.server.paths.map(serviceOf))].sort());
    for (const service of ['cosmos.bank.v1beta1.Query', 'cosmos.staking.v1beta1.Query', 'cosmos.tx.v1beta1.Service', 'ibc.core.client.v1.Query', 'zonekit.counter.v1.Query', 'zonekit.dex.v1.Query']) {
      assert.ok(listed.includes(service), `${service} is listed`);
    }
  });

  it('describes services and messages', async () => {
    assert.match(await grpcurl(zone.grpc!.address, 'describe', 'zonekit.counter.v1.Query'), /rpc Count \( \.zonekit\.counter\.v1\.QueryCountRequest \) returns \( \.zonekit\.counter\.v1\.QueryCountResponse \)/);
    assert.match(await grpcurl(zone.grpc!.address, 'describe', 'cosmos.bank.v1beta1.QueryAllBalancesRequest'), /string address = 1/);
  });

  it('calls the SDK modules with JSON: bank, auth (an Any), staking, distribution, slashing', async () => {
    assert.deepEqual((await call('cosmos.bank.v1beta1.Query/AllBalances', { address: alice })).balances, [
      { denom: 'uatom', amount: String(10_000_000 - 5000) },
      { denom: 'ustake', amount: '42' },
    ]);
    const { account } = await call('cosmos.auth.v1beta1.Query/Account', { address: alice });
    assert.equal(account['@type'], '/cosmos.auth.v1beta1.BaseAccount');
    assert.equal(account.address, alice);
    const { params } = await call('cosmos.staking.v1beta1.Query/Params');
    assert.equal(params.unbondingTime, '1814400s');
    assert.ok(params.historicalEntries > 0);
    assert.match((await call('cosmos.distribution.v1beta1.Query/Params')).params.communityTax, /^[0-9]+$/);
    assert.ok((await call('cosmos.slashing.v1beta1.Query/Params')).params.signedBlocksWindow > 0);
  });

  it("calls zonekit's own modules with JSON: counter, dex, amm, court", async () => {
    assert.deepEqual(await call('zonekit.counter.v1.Query/Count', { address: alice }), { count: '3' });
    for (const module of ['dex', 'amm']) assert.equal(typeof (await call(`zonekit.${module}.v1.Query/Params`)).params, 'object', `zonekit.${module}.v1 params`);
    assert.equal((await call('zonekit.dex.v1.Query/Params')).params.fillRetentionBlocks, '14400');
    // Query/Fills, added after v0.1.0, is served from the embedded descriptors like the rest (grpcurl leaves out an empty list).
    assert.deepEqual((await call('zonekit.dex.v1.Query/Fills', { owner: alice })).fills, undefined);
    assert.ok((await call('zonekit.court.v1.Query/Params')).slashing.signedBlocksWindow > 0);
  });

  it('calls IBC and the node services with JSON', async () => {
    assert.deepEqual((await call('ibc.core.client.v1.Query/ClientParams')).params.allowedClients, ['*']);
    // grpcurl leaves out empty fields, as protojson does by default.
    assert.equal((await call('ibc.core.channel.v1.Query/Channels')).channels, undefined);
    assert.equal(typeof (await call('ibc.applications.transfer.v1.Query/Params')).params, 'object');
    assert.equal(typeof (await call('ibc.applications.interchain_accounts.host.v1.Query/Params')).params, 'object');
    assert.equal((await call('cosmos.base.tendermint.v1beta1.Service/GetNodeInfo')).defaultNodeInfo.network, CHAIN_ID);
    assert.equal((await call('cosmos.base.node.v1beta1.Service/Config')).minimumGasPrice, '0.010000000000000000uatom');
  });
});
