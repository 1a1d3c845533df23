// SIGKILL the app mid-load, restart it and CometBFT on the same homes: CometBFT's handshake
// replays what the app is missing, the app hash agrees with the chain, and nothing that was
// reported committed before the kill is lost.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DirectSecp256k1Wallet } from '@cosmjs/proto-signing';
import { SigningStargateClient, StargateClient, type StdFee } from '@cosmjs/stargate';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { zoneGenesis } from '../zone/zone.js';
import { startZoneApp } from '../scripts/lib/zone-process.js';
import { initCometHome, latestHeight, rpc, setGenesisAppState, startCometbft, waitForHeight, type CometHome, type CometNode } from './helpers/cometbft.js';
import { isAlive, ProcessGroup, waitFor, type ProcessHandle } from './helpers/processes.js';

const CHAIN_ID = 'zonekit-crash-1';
const SENDERS = 12;
const GENESIS_UATOM = 1_000_000_000n;
const FEE: StdFee = { amount: [{ denom: 'uatom', amount: '2000' }], gas: '100000' };
const FEE_UATOM = 2000n;
// Different instants in the block cycle; each run also starts a fresh load.
const KILL_DELAYS_MS = [1_500, 700, 2_300, 400, 1_100];

interface Sender {
  address: string;
  client: SigningStargateClient;
  to: string;
}

interface SentTx {
  hash: string;
  from: string;
  to: string;
  amount: bigint;
}

const txHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').toUpperCase();

/** One loop per sender: sign a send at the account's committed sequence, broadcast, wait for its block; repeat. */
class BankLoad {
  private stopped = false;
  private readonly loops: Promise<void>[];

  constructor(
    senders: readonly Sender[],
    private readonly sent: SentTx[],
    private readonly committed: Map<string, { height: number; code: number }>,
  ) {
    this.loops = senders.map((sender) => this.loop(sender));
  }

  private async loop({ address, client, to }: Sender): Promise<void> {
    while (!this.stopped) {
      try {
        const { accountNumber, sequence } = await client.getSequence(address);
        const amount = BigInt(1 + Math.floor(Math.random() * 1000));
        const msg = { typeUrl: '/cosmos.bank.v1beta1.MsgSend', value: { fromAddress: address, toAddress: to, amount: [{ denom: 'uatom', amount: String(amount) }] } };
        const bytes = TxRaw.encode(await client.sign(address, [msg], FEE, '', { accountNumber, sequence, chainId: CHAIN_ID })).finish();
        const hash = txHash(bytes);
        // Recorded before broadcasting: a tx whose outcome the client never learns may still be in a block.
        this.sent.push({ hash, from: address, to, amount });
        const result = await client.broadcastTx(bytes, 5_000, 100);
        this.committed.set(hash, { height: result.height, code: result.code });
      } catch {
        if (!this.stopped) await sleep(100);
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }
}

describe('crash and replay: the app killed with SIGKILL mid-load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-crash-'));
  const appHome = join(dir, 'app');
  const appLog = join(dir, 'app.log');
  const group = new ProcessGroup();
  const pids = new Set<number>();
  const senders: Sender[] = [];
  const sent: SentTx[] = [];
  const committed = new Map<string, { height: number; code: number }>();
  let home: CometHome;
  let app: ProcessHandle;
  let node: CometNode;

  const startApp = async (): Promise<void> => {
    app = await startZoneApp({ home: appHome, abciAddress: home.proxyApp, chainId: CHAIN_ID, minGasPrices: '0.01uatom', logFile: appLog, group });
    pids.add(app.pid);
  };
  const startNode = async (): Promise<void> => {
    node = await startCometbft(home, { group });
    pids.add(node.process.pid);
  };

  before(async () => {
    const wallets = await Promise.all(
      Array.from({ length: SENDERS }, (_, i) => DirectSecp256k1Wallet.fromKey(createHash('sha256').update(`crash-replay sender ${i}`).digest())),
    );
    const addresses = await Promise.all(wallets.map(async (w) => (await w.getAccounts())[0]!.address));
    home = await initCometHome(join(dir, 'node'), { chainId: CHAIN_ID, timeoutCommit: '100ms' });
    setGenesisAppState(home, zoneGenesis(addresses.map((address) => ({ address, coins: [{ denom: 'uatom', amount: String(GENESIS_UATOM) }] }))));
    await startApp();
    await startNode();
    await waitForHeight(node, 2);
    for (const [i, wallet] of wallets.entries()) {
      const client = await SigningStargateClient.connectWithSigner(home.rpcUrl, wallet);
      senders.push({ address: addresses[i]!, client, to: addresses[(i + 1) % SENDERS]! });
    }
  });

  after(async () => {
    for (const sender of senders) sender.client.disconnect();
    await group.stopAll();
    for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** The app's committed app hash at H equals the app_hash that block H+1 carries. */
  async function assertAppHashAgrees(): Promise<number> {
    const info = await rpc<{ response: { last_block_height: string; last_block_app_hash: string } }>(home.rpcUrl, '/abci_info');
    const height = Number(info.response.last_block_height);
    await waitForHeight(node, height + 1);
    const next = await rpc<{ block: { header: { app_hash: string } } }>(home.rpcUrl, '/block', { height: String(height + 1) });
    assert.equal(Buffer.from(info.response.last_block_app_hash, 'base64').toString('hex').toUpperCase(), next.block.header.app_hash, `app hash after block ${height}`);
    return height;
  }

  for (const [run, delayMs] of KILL_DELAYS_MS.entries()) {
    it(`run ${run + 1}: killed ${delayMs}ms into the load, the handshake brings the app level, the app hash agrees, no committed tx is lost`, async (t) => {
      const load = new BankLoad(senders, sent, committed);
      await sleep(delayMs);
      process.kill(app.pid, 'SIGKILL');
      const committedBeforeKill = new Map(committed);
      // CometBFT stops itself when its app connection drops; if it has not yet, stop it.
      await node.process.stop(10_000);
      await app.exited;
      await load.stop();
      const highestCommitted = Math.max(0, ...[...committedBeforeKill.values()].map((c) => c.height));
      assert.ok(committedBeforeKill.size > 0, 'some txs were committed before the kill');

      const logOffset = readFileSync(join(home.home, 'cometbft.log')).length;
      await startApp();
      await startNode();
      const height = await latestHeight(home.rpcUrl);
      assert.ok(height >= highestCommitted, `the chain resumed at ${height}, a tx was committed at ${highestCommitted}`);
      await waitForHeight(node, height + 2);
      const appHeight = await assertAppHashAgrees();
      assert.ok(appHeight >= highestCommitted);

      for (const [hash, before] of committedBeforeKill) {
        const found = await rpc<{ height: string; tx_result: { code: number } }>(home.rpcUrl, '/tx', { hash: `0x${hash}` });
        assert.equal(before.code, 0, `tx ${hash} succeeded`);
        assert.equal(Number(found.height), before.height, `tx ${hash} is still in block ${before.height}`);
        assert.equal(found.tx_result.code, 0, `tx ${hash} still succeeded`);
      }
      const replay = /ABCI Replay Blocks\s+module=consensus appHeight=(\d+) storeHeight=(\d+) stateHeight=(\d+)/.exec(
        readFileSync(join(home.home, 'cometbft.log')).subarray(logOffset).toString('utf8'),
      );
      t.diagnostic(
        `${committedBeforeKill.size} txs committed before the kill (highest block ${highestCommitted}); handshake: ` +
          (replay ? `app at ${replay[1]}, block store at ${replay[2]}, CometBFT state at ${replay[3]}` : 'no replay line'),
      );
    });
  }

  it('every account holds exactly what the committed txs say, and no process is left', async (t) => {
    // A last load on the recovered chain, then let the mempool drain and the indexer catch up.
    const load = new BankLoad(senders, sent, committed);
    await sleep(1_000);
    await load.stop();
    await waitFor(async () => (await rpc<{ n_txs: string }>(home.rpcUrl, '/num_unconfirmed_txs')).n_txs === '0', { what: 'an empty mempool' });
    await waitForHeight(node, (await latestHeight(home.rpcUrl)) + 2);

    // Expected balances from the blocks themselves (CometBFT's block store and saved results),
    // not its tx index: a node that stops mid-way may never index the last block it committed.
    const byHash = new Map(sent.map((tx) => [tx.hash, tx]));
    const expected = new Map(senders.map((s) => [s.address, GENESIS_UATOM]));
    let included = 0;
    let unindexed = 0;
    const top = await latestHeight(home.rpcUrl);
    for (let height = 1; height <= top; height++) {
      const { block } = await rpc<{ block: { data: { txs: string[] | null } } }>(home.rpcUrl, '/block', { height: String(height) });
      const txs = block.data.txs ?? [];
      if (txs.length === 0) continue;
      const results = await rpc<{ txs_results: Array<{ code: number }> }>(home.rpcUrl, '/block_results', { height: String(height) });
      const indexed = await Promise.all(txs.map((b64) => rpc(home.rpcUrl, '/tx', { hash: `0x${txHash(Buffer.from(b64, 'base64'))}` }).then(() => true, () => false)));
      unindexed += indexed.filter((found) => !found).length;
      for (const [i, base64] of txs.entries()) {
        const tx = byHash.get(txHash(Buffer.from(base64, 'base64')));
        assert.ok(tx, `block ${height} holds only txs this test sent`);
        included++;
        expected.set(tx.from, expected.get(tx.from)! - FEE_UATOM);
        if (results.txs_results[i]!.code === 0) {
          expected.set(tx.from, expected.get(tx.from)! - tx.amount);
          expected.set(tx.to, expected.get(tx.to)! + tx.amount);
        }
      }
    }
    assert.ok(included >= committed.size);
    t.diagnostic(`${included} txs in blocks 1..${top}, ${committed.size} seen committed by the clients, ${unindexed} missing from CometBFT's tx index`);
    const query = await StargateClient.connect(home.rpcUrl);
    try {
      for (const [address, amount] of expected) {
        assert.equal(BigInt((await query.getBalance(address, 'uatom')).amount), amount, `balance of ${address}`);
      }
    } finally {
      query.disconnect();
    }
    await assertAppHashAgrees();

    await group.stopAll();
    for (const pid of pids) assert.equal(isAlive(pid), false, `process ${pid} is gone`);
  });
});
