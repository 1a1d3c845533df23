// ABCI 2.0 vote extensions on a real 4-validator network (4 CometBFT v0.38 nodes + 4 zonekit
// apps running the zone with the test module `attest`, zone/vote-extensions-testing), with
// vote extensions on from height 2: from height 3 every block starts with the injected entry
// carrying the extensions CometBFT signed a height before, and the module's agreed data lands
// in state, equal to what the validators extended and signed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ExtendedCommitInfo } from 'cosmjs-types/tendermint/abci/types';
import { BlockIDFlag } from 'cosmjs-types/tendermint/types/validator';
import { InjectedVoteExtensions, VoteExtension } from '../gen/zonekit/abci/v1/vote_extensions.js';
import { readConsensusAddress } from '../zone/consensus-address.js';
import { attestation, attestedKey, decodeAttested } from '../zone/vote-extensions-testing/attest.js';
import { projectRoot, rpc } from './helpers/cometbft.js';
import { startLocalnet, type Localnet } from './helpers/localnet.js';

const ENABLE_HEIGHT = 2n;
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();

/** The attest record for extensions signed at `signedAt`, in the state after block `height`; undefined if none. */
async function attestedAt(rpcUrl: string, signedAt: bigint, height: number): Promise<Uint8Array | undefined> {
  const params = { path: JSON.stringify('store/attest/key'), data: `0x${Buffer.from(attestedKey(signedAt)).toString('hex')}`, height: String(height) };
  const { response } = await rpc<{ response: { code: number; log: string; value: string | null } }>(rpcUrl, '/abci_query', params);
  assert.equal(response.code, 0, response.log);
  return response.value ? new Uint8Array(Buffer.from(response.value, 'base64')) : undefined;
}

async function blockTxs(rpcUrl: string, height: number): Promise<Uint8Array[]> {
  const { block } = await rpc<{ block: { data: { txs: string[] | null } } }>(rpcUrl, '/block', { height: String(height) });
  return (block.data.txs ?? []).map((tx) => new Uint8Array(Buffer.from(tx, 'base64')));
}

describe('vote extensions on a 4-validator localnet', { timeout: 420_000 }, () => {
  let net: Localnet;
  let validators: Set<string>;

  before(async () => {
    net = await startLocalnet({
      validators: 4,
      chainId: 'voteext-1',
      voteExtensionsEnableHeight: ENABLE_HEIGHT,
      appMainScript: join(projectRoot(), 'dist', 'zone', 'vote-extensions-testing', 'main.js'),
      invCheckPeriod: 1,
      // The machine running the tests may be busy: four apps start at once.
      timeoutMs: 180_000,
    });
    validators = new Set(net.nodes.map((node) => hex(readConsensusAddress(node.home)!)));
  });

  after(async () => {
    await net?.close();
  });

  it('records at every height from 3 the extensions of the height before, as the validators signed them', async () => {
    await net.waitForHeight(7, { timeoutMs: 180_000 });
    const rpcUrl = net.nodes[0]!.rpcUrl;
    // Height 2 extends votes, so nothing is injected before height 3.
    assert.equal(await attestedAt(rpcUrl, 1n, 2), undefined);
    for (let height = 3; height <= 7; height++) {
      const signedAt = BigInt(height - 1);
      const record = await attestedAt(rpcUrl, signedAt, height);
      assert.ok(record, `no attest record for height ${signedAt} after block ${height}`);
      const pairs = decodeAttested(record);
      // More than 2/3 of 4 equal validators signed, each with exactly sha256(H ‖ address).
      assert.ok(pairs.length >= 3, `only ${pairs.length} validators attested at height ${signedAt}`);
      for (const { address, extension } of pairs) {
        assert.ok(validators.has(hex(address)), `${hex(address)} is not a validator`);
        assert.deepEqual(extension, attestation(signedAt, address));
      }
      // The block's first entry is the injected one: CometBFT's extended commit and the agreed data.
      const txs = await blockTxs(rpcUrl, height);
      const injected = InjectedVoteExtensions.decode(txs[0]!);
      assert.deepEqual(injected.agreed.map((a) => a.module), ['attest']);
      assert.deepEqual(injected.agreed[0]!.data, record);
      const commit = ExtendedCommitInfo.decode(injected.extendedCommitInfo);
      assert.equal(commit.votes.length, 4);
      const signed = commit.votes.filter((v) => v.blockIdFlag === BlockIDFlag.BLOCK_ID_FLAG_COMMIT);
      assert.deepEqual(
        signed.map((v) => hex(v.validator.address)),
        pairs.map((p) => hex(p.address)),
      );
      for (const vote of signed) {
        assert.equal(vote.extensionSignature.length, 64);
        assert.deepEqual(VoteExtension.decode(vote.voteExtension), { modules: [{ module: 'attest', data: attestation(signedAt, vote.validator.address) }] });
      }
      // The entry is not a tx: it succeeds with no gas, as one result among the block's.
      const { txs_results: results } = await rpc<{ txs_results: Array<{ code: number; gas_used: string }> | null }>(rpcUrl, '/block_results', { height: String(height) });
      assert.equal(results!.length, txs.length);
      assert.equal(results![0]!.code, 0);
      assert.equal(results![0]!.gas_used, '0');
    }
    // The REST API lists a block's txs without the injected entry (it is not a tx).
    const listed = await fetch(`${net.nodes[0]!.restUrl}/cosmos/tx/v1beta1/txs/block/5`);
    assert.equal(listed.status, 200, await listed.clone().text());
    const body = (await listed.json()) as { txs: unknown[]; block: { data: { txs: string[] } }; pagination: { total: string } };
    assert.equal(body.block.data.txs.length, (await blockTxs(rpcUrl, 5)).length);
    assert.deepEqual(body.txs, []);
    assert.equal(body.pagination.total, String(body.block.data.txs.length - 1));
    // Every validator has the same state (and so the same records).
    const hashes = await Promise.all(net.nodes.map((node) => rpc<{ block: { header: { app_hash: string } } }>(node.rpcUrl, '/block', { height: '7' })));
    assert.equal(new Set(hashes.map((h) => h.block.header.app_hash)).size, 1);
  });
});
