// AbciServer behind a real CometBFT v0.38 node: blocks are made, a tx is committed
// and indexed, and its state is readable through CometBFT's RPC.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ExecTxResult,
  ResponseCheckTx,
  ResponseFinalizeBlock,
  ResponseQuery,
  type RequestCheckTx,
  type RequestFinalizeBlock,
  type RequestQuery,
} from 'cosmjs-types/tendermint/abci/types';
import { AbciServer, type Application } from '../abci/index.js';
import { cometbftBinary, initCometHome, rpc, startCometbft, waitForHeight } from './helpers/cometbft.js';
import { ProcessGroup, waitFor } from './helpers/processes.js';

/** `key=value` txs into an in-memory map; app hash = sha256 of the sorted entries. */
class KvApp implements Application {
  private committed = new Map<string, string>();
  private pending = new Map<string, string>();
  private height = 0n;
  private appHash: Uint8Array = new Uint8Array();

  info() {
    return { data: 'kv', version: '1', appVersion: 1n, lastBlockHeight: this.height, lastBlockAppHash: this.appHash };
  }

  checkTx({ tx }: RequestCheckTx) {
    return ResponseCheckTx.fromPartial(parseTx(tx) ? { gasWanted: 1n } : { code: 1, log: 'tx must be key=value' });
  }

  finalizeBlock(req: RequestFinalizeBlock) {
    this.pending = new Map(this.committed);
    const txResults = req.txs.map((tx) => {
      const entry = parseTx(tx);
      if (entry === undefined) return ExecTxResult.fromPartial({ code: 1, log: 'tx must be key=value' });
      this.pending.set(entry[0], entry[1]);
      return ExecTxResult.fromPartial({
        events: [{ type: 'kv', attributes: [{ key: 'key', value: entry[0], index: true }] }],
      });
    });
    this.height = req.height;
    this.appHash = hashEntries(this.pending);
    return ResponseFinalizeBlock.fromPartial({ txResults, appHash: this.appHash });
  }

  commit() {
    this.committed = this.pending;
    return { retainHeight: 0n };
  }

  query({ data }: RequestQuery) {
    const key = Buffer.from(data).toString();
    const value = this.committed.get(key);
    if (value === undefined) return ResponseQuery.fromPartial({ code: 1, log: `no key ${key}`, height: this.height });
    return ResponseQuery.fromPartial({ key: data, value: Buffer.from(value), height: this.height });
  }
}

function parseTx(tx: Uint8Array): [string, string] | undefined {
  const text = Buffer.from(tx).toString();
  const eq = text.indexOf('=');
  return eq > 0 ? [text.slice(0, eq), text.slice(eq + 1)] : undefined;
}

function hashEntries(entries: Map<string, string>): Uint8Array {
  const hash = createHash('sha256');
  for (const key of [...entries.keys()].sort()) {
    for (const part of [key, entries.get(key)!]) {
      const bytes = Buffer.from(part);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      hash.update(length).update(bytes);
    }
  }
  return hash.digest();
}

const hex = (text: string): string => `0x${Buffer.from(text).toString('hex')}`;

describe('AbciServer behind CometBFT', () => {
  const processes = new ProcessGroup();
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-abci-cometbft-'));
  const server = new AbciServer(new KvApp());
  after(async () => {
    await processes.stopAll();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits a tx and answers a query for it', async () => {
    cometbftBinary();
    const home = await initCometHome(join(dir, 'node'), { chainId: 'kv-test' });
    await server.listen(home.proxyApp);
    const node = await startCometbft(home, { group: processes });

    await waitForHeight(node, 3);

    type TxResult = { code: number; log: string };
    const committed = await rpc<{ check_tx: TxResult; tx_result: TxResult; hash: string; height: string }>(
      home.rpcUrl,
      '/broadcast_tx_commit',
      { tx: hex('name=zonekit') },
    );
    assert.equal(committed.check_tx.code, 0, committed.check_tx.log);
    assert.equal(committed.tx_result.code, 0, committed.tx_result.log);
    assert.ok(Number(committed.height) > 0);

    // CometBFT indexes after the commit, asynchronously: broadcast_tx_commit can return first.
    const indexed = await waitFor(() => rpc<{ height: string }>(home.rpcUrl, '/tx', { hash: `0x${committed.hash}` }), { what: 'the tx in the index' });
    assert.equal(indexed.height, committed.height);

    const query = await rpc<{ response: { code: number; value: string } }>(home.rpcUrl, '/abci_query', {
      data: hex('name'),
    });
    assert.equal(query.response.code, 0);
    assert.equal(Buffer.from(query.response.value, 'base64').toString(), 'zonekit');

    const rejected = await rpc<{ code: number }>(home.rpcUrl, '/broadcast_tx_sync', { tx: hex('no-equals-sign') });
    assert.equal(rejected.code, 1);

    await node.process.stop();
    assert.equal(node.process.running, false);
    await server.close();
    assert.equal(server.connectionCount, 0);
  });
});
