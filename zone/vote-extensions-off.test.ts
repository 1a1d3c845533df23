// A zone with no module that uses vote extensions stays what it was when they are switched on
// in consensus params: ExtendVote answers empty bytes, proposals carry no injected entry,
// and the app hashes of a fixed history are the ones zonekit computed before vote extensions
// existed (pinned below from that version, with the same history).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResponseProcessProposal_ProposalStatus } from 'cosmjs-types/tendermint/abci/types';
import { BlockIDFlag } from 'cosmjs-types/tendermint/types/validator';
import { BaseApp } from '../app/baseapp.js';
import { directWallet, sendMsg, signTx } from '../app/tx/wallets.fixture.js';
import { buildZone, zoneGenesis } from './zone.js';

const CHAIN_ID = 'zonekit-test-1';
const SENDER = 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4';
const FEE = { amount: [{ denom: 'uatom', amount: '2500' }], gas: '100000' };
const ENABLE_HEIGHT = 2n;
const PINNED_APP_HASHES = [
  'c4184d8a7ceb3f18f6e81895b96ff3c5d2e0a3c82ef42a06334ffeeee70cd106',
  '7fe6f92ff396dc6ceb7394a03d5960f6292637c715b1b6eff6abc1c388c1eb4c',
  'd213a0f4598eade48645d648476f9863fc325a5ae3ecaf79c85d3582d498077d',
  'b4a5e6700cb05c8d9e75689ce0020c66398b7c91b28f3816d649d5d542c83ace',
];

const send = (sequence: number) => directWallet().then((w) => signTx(w, { accountNumber: 0n, sequence, fee: FEE, messages: [sendMsg(SENDER, '1000')] }));
const time = (height: bigint) => ({ seconds: 1_700_000_000n + 5n * height, nanos: 0 });
const VALIDATOR = { address: new Uint8Array(20).fill(7), power: 10n };

describe('vote extensions on, in a zone without modules that use them', () => {
  let dir: string;
  let app: BaseApp;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zonekit-voteext-off-'));
    app = new BaseApp({ app: buildZone().app, dataDir: dir, chainId: CHAIN_ID });
    await app.initChain({
      time: time(0n),
      chainId: CHAIN_ID,
      consensusParams: { block: { maxBytes: 22020096n, maxGas: -1n }, abci: { voteExtensionsEnableHeight: ENABLE_HEIGHT } },
      validators: [],
      appStateBytes: Buffer.from(JSON.stringify(zoneGenesis([{ address: SENDER, coins: [{ denom: 'uatom', amount: '1000000' }] }]))),
      initialHeight: 1n,
    });
  });

  after(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('proposes, accepts and finalizes blocks as before: no injected entry, the pinned app hashes', async () => {
    const blocks = [[await send(0)], [], [await send(1), await send(2)], []];
    const hashes: string[] = [];
    for (const [i, txs] of blocks.entries()) {
      const height = BigInt(i + 1);
      const base = { txs, height, time: time(height), misbehavior: [], nextValidatorsHash: new Uint8Array(32), proposerAddress: VALIDATOR.address };
      // From height 3 CometBFT hands over the (empty) extensions of the height before.
      const extended = height > ENABLE_HEIGHT;
      const vote = { validator: VALIDATOR, voteExtension: new Uint8Array(), extensionSignature: extended ? new Uint8Array(64) : new Uint8Array(), blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT };
      const prepared = app.prepareProposal({ ...base, maxTxBytes: 1_000_000n, localLastCommit: { round: 0, votes: [vote] } });
      assert.deepEqual(prepared.txs, txs);
      const lastCommit = { round: 0, votes: [{ validator: VALIDATOR, blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT }] };
      const processed = app.processProposal({ ...base, hash: new Uint8Array(32), proposedLastCommit: lastCommit });
      assert.equal(processed.status, ResponseProcessProposal_ProposalStatus.ACCEPT);
      const response = app.finalizeBlock({ ...base, hash: new Uint8Array(32), decidedLastCommit: lastCommit });
      assert.equal(response.txResults.length, txs.length);
      for (const result of response.txResults) assert.equal(result.code, 0, result.log);
      await app.commit();
      hashes.push(Buffer.from(response.appHash).toString('hex'));
    }
    assert.deepEqual(hashes, PINNED_APP_HASHES);
  });

  it('extends votes with empty bytes and accepts only empty ones', () => {
    const height = app.lastCommitId.version + 1;
    const { voteExtension } = app.extendVote({ hash: new Uint8Array(32), height: BigInt(height), time: time(BigInt(height)), txs: [], proposedLastCommit: { round: 0, votes: [] }, misbehavior: [], nextValidatorsHash: new Uint8Array(32), proposerAddress: VALIDATOR.address });
    assert.equal(voteExtension.length, 0);
    const verify = (voteExtension: Uint8Array) => app.verifyVoteExtension({ hash: new Uint8Array(32), validatorAddress: VALIDATOR.address, height: BigInt(height), voteExtension }).status;
    assert.equal(verify(new Uint8Array()), 1 /* ACCEPT */);
    assert.equal(verify(Uint8Array.of(0x0a, 0x00)), 2 /* REJECT */);
  });
});
