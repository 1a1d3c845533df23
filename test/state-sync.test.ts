// State sync on real processes: a 4-validator localnet snapshots every SNAPSHOT_INTERVAL heights
// while txs change its state; a fifth node (its own home from the same genesis, app and
// CometBFT, not a validator) joins with CometBFT's [statesync] on, restores the newest
// snapshot without executing the blocks before it, then follows the chain with the same app
// hashes as the validators.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { SigningStargateClient } from '@cosmjs/stargate';
import { QueryBalanceRequest, QueryBalanceResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { SnapshotStore } from '../app/snapshots/store.js';
import { cometConfigPath, genesisPath } from '../cli/home.js';
import { initHome } from '../cli/home-init.js';
import { startZoneApp } from '../scripts/lib/zone-process.js';
import { cometbftBinary, rpc, setTomlValue } from './helpers/cometbft.js';
import { startLocalnet, type Localnet } from './helpers/localnet.js';
import { freePorts, ProcessGroup, startProcess, waitFor, type ProcessHandle } from './helpers/processes.js';

const SNAPSHOT_INTERVAL = 10;
const FEE = { amount: [{ denom: 'uatom', amount: '5000' }], gas: '200000' };

interface AbciQuery {
  response: { code: number; log: string; value: string | null; height: string };
}

async function balance(rpcUrl: string, address: string, height?: number): Promise<AbciQuery['response']> {
  const data = Buffer.from(QueryBalanceRequest.encode({ address, denom: 'stake' }).finish()).toString('hex');
  const params: Record<string, string> = { path: '"/cosmos.bank.v1beta1.Query/Balance"', data: `0x${data}` };
  if (height !== undefined) params.height = String(height);
  return (await rpc<AbciQuery>(rpcUrl, '/abci_query', params)).response;
}

const amountOf = (response: AbciQuery['response']) => QueryBalanceResponse.decode(Buffer.from(response.value ?? '', 'base64')).balance?.amount;

async function appInfo(rpcUrl: string): Promise<{ height: number; appHash: string }> {
  const { response } = await rpc<{ response: { last_block_height: string; last_block_app_hash: string } }>(rpcUrl, '/abci_info');
  return { height: Number(response.last_block_height), appHash: Buffer.from(response.last_block_app_hash, 'base64').toString('hex').toUpperCase() };
}

/** The app hash the chain agreed on after `height`: in the header of the next block. */
async function agreedAppHash(rpcUrl: string, height: number): Promise<string> {
  const { block } = await rpc<{ block: { header: { app_hash: string } } }>(rpcUrl, '/block', { height: String(height + 1) });
  return block.header.app_hash;
}

describe('state sync: a new node joins from a snapshot', { timeout: 600_000 }, () => {
  let net: Localnet;
  const joiner = new ProcessGroup();
  const recipients: string[] = [];

  before(async () => {
    net = await startLocalnet({ validators: 4, stateSync: { snapshotInterval: SNAPSHOT_INTERVAL, snapshotKeepRecent: 2 }, timeoutMs: 180_000 });
  });

  after(async () => {
    await joiner.stopAll(15_000);
    await net?.close();
  });

  it('restores the newest snapshot without replaying history, then follows the chain with the same app hash', async () => {
    const validator = net.nodes[0]!;
    // Non-trivial state: transfers to new accounts, spread over blocks.
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(validator.mnemonic);
    const client = await SigningStargateClient.connectWithSigner(validator.rpcUrl, wallet);
    for (let i = 0; i < 6; i++) {
      const [account] = await (await DirectSecp256k1HdWallet.generate(12)).getAccounts();
      const result = await client.sendTokens(validator.address, account!.address, [{ denom: 'stake', amount: String(1000 + i) }], FEE);
      assert.equal(result.code, 0, `transfer ${i} failed`);
      recipients.push(account!.address);
    }
    client.disconnect();
    const afterTxs = await net.height();

    // A snapshot taken after the transfers, with a few blocks on top for the light client.
    const snapshots = new SnapshotStore(join(validator.home, 'data', 'snapshots'));
    const snapshot = await waitFor(() => snapshots.list().find((s) => Number(s.height) > afterTxs), { what: `a snapshot above height ${afterTxs}`, timeoutMs: 120_000 });
    const snapshotHeight = Number(snapshot.height);
    await net.waitForHeight(snapshotHeight + 3, { timeoutMs: 120_000 });
    assert.ok(snapshots.list().length <= 2, 'snapshot-keep-recent = 2');

    // The joiner's home: a fresh `init`, the network's genesis, state sync trusting the snapshot's block.
    const home = join(net.dir, 'statesync-node');
    initHome({ home, moniker: 'statesync-node', chainId: net.chainId });
    copyFileSync(genesisPath(validator.home), genesisPath(home));
    const [p2p, rpcPort, abci] = (await freePorts(3)) as [number, number, number];
    const rpcUrl = `http://127.0.0.1:${rpcPort}`;
    const { block_id: trusted } = await rpc<{ block_id: { hash: string } }>(validator.rpcUrl, '/block', { height: String(snapshotHeight) });
    let config = readFileSync(cometConfigPath(home), 'utf8');
    const set = (section: string | null, key: string, value: string | number | boolean) => (config = setTomlValue(config, section, key, value));
    set(null, 'proxy_app', `tcp://127.0.0.1:${abci}`);
    set('rpc', 'laddr', `tcp://127.0.0.1:${rpcPort}`);
    set('p2p', 'laddr', `tcp://127.0.0.1:${p2p}`);
    set('p2p', 'persistent_peers', net.nodes.map((n) => `${n.nodeId}@${n.p2pAddress.replace('tcp://', '')}`).join(','));
    set('p2p', 'allow_duplicate_ip', true);
    set('p2p', 'addr_book_strict', false);
    set('statesync', 'enable', true);
    set('statesync', 'rpc_servers', `${net.nodes[1]!.rpcUrl},${net.nodes[2]!.rpcUrl}`);
    set('statesync', 'trust_height', snapshotHeight);
    set('statesync', 'trust_hash', trusted.hash);
    set('statesync', 'trust_period', '168h0m0s');
    set('statesync', 'discovery_time', '5s');
    writeFileSync(cometConfigPath(home), config);

    const appLog = join(home, 'logs', 'app.log');
    const cometLog = join(home, 'logs', 'cometbft.log');
    let app: ProcessHandle;
    let comet: ProcessHandle;
    let startedAt = 0;
    const startJoiner = async () => {
      app = await startZoneApp({ home, abciAddress: `tcp://127.0.0.1:${abci}`, chainId: net.chainId, logFile: appLog, group: joiner });
      startedAt = Date.now();
      comet = startProcess(cometbftBinary(), ['start', '--home', home], { logFile: cometLog, group: joiner });
    };
    const failIf = () =>
      !app.running ? `the joiner's app exited:\n${app.logTail(20)}` : !comet.running ? `the joiner's cometbft exited:\n${comet.logTail(20)}` : undefined;
    await startJoiner();
    const restoredLine = await waitFor(() => readFileSync(appLog, 'utf8').split('\n').find((l) => l.includes('restored state snapshot')), {
      what: `the joiner to restore a snapshot (logs: ${appLog}, ${cometLog})`,
      timeoutMs: 180_000,
      failIf,
    });
    const restoredMs = Date.now() - startedAt;
    const restoredHeight = Number(/height=(\d+)/.exec(restoredLine)![1]);
    assert.ok(restoredHeight >= snapshotHeight, `restored height ${restoredHeight} (snapshot ${snapshotHeight})`);

    // It follows the chain from there: caught up, a few blocks past the snapshot.
    await waitFor(
      async () => {
        const { sync_info } = await rpc<{ sync_info: { latest_block_height: string; catching_up: boolean } }>(rpcUrl, '/status');
        return !sync_info.catching_up && Number(sync_info.latest_block_height) >= restoredHeight + 5;
      },
      { what: `the joiner to follow the chain past ${restoredHeight + 5} (log: ${cometLog})`, timeoutMs: 180_000, failIf },
    );
    const caughtUpMs = Date.now() - startedAt;
    const restoreInApp = /ms=(\d+)/.exec(restoredLine)?.[1];
    console.log(
      `state sync: snapshot at height ${restoredHeight} restored ${restoredMs} ms after the joiner's CometBFT started (${restoreInApp} ms applying chunks in the app); caught up after ${caughtUpMs} ms`,
    );

    // Nothing before the snapshot was executed: no block below it in the app's log, no state to query there.
    const committed = [...readFileSync(appLog, 'utf8').matchAll(/committed block .*?height=(\d+)/g)].map((m) => Number(m[1]));
    assert.ok(committed.length > 0, 'the joiner executes blocks after the snapshot');
    assert.equal(Math.min(...committed), restoredHeight + 1, 'the first block it executed follows the snapshot');
    const old = await balance(rpcUrl, recipients[0]!, 1);
    assert.notEqual(old.code, 0, 'a query at height 1 fails on the joiner');
    assert.match(old.log, /version 1 is not available/);
    assert.equal(amountOf(await balance(validator.rpcUrl, recipients[0]!, 1)), '0', 'while the validator, which has height 1, answers it');

    // Same app hash as the chain agreed on, and the same state.
    const info = await appInfo(rpcUrl);
    assert.ok(info.height > restoredHeight);
    await net.waitForHeight(info.height + 1);
    assert.equal(info.appHash, await agreedAppHash(validator.rpcUrl, info.height), `app hash at height ${info.height}`);
    for (const [i, address] of recipients.entries()) {
      assert.equal(amountOf(await balance(rpcUrl, address, info.height)), String(1000 + i), `balance of recipient ${i}`);
    }

    // The restored state is durable: stopped and started again, the joiner resumes where it was.
    await comet!.stop(15_000);
    await app!.stop(15_000);
    await startJoiner();
    const resumed = (await waitFor(() => appInfo(rpcUrl), { what: `the restarted joiner's RPC (log: ${cometLog})`, timeoutMs: 60_000, failIf })).height;
    assert.ok(resumed >= info.height, `resumed at ${resumed}`);
    await waitFor(async () => (await appInfo(rpcUrl)).height >= resumed + 3, { what: 'the restarted joiner to commit new blocks', timeoutMs: 120_000, failIf });
    const later = await appInfo(rpcUrl);
    await net.waitForHeight(later.height + 1);
    assert.equal(later.appHash, await agreedAppHash(validator.rpcUrl, later.height), `app hash at height ${later.height} after the restart`);
    assert.equal((await balance(rpcUrl, recipients[0]!, 1)).code !== 0, true, 'still no history below the snapshot');
  });
});
