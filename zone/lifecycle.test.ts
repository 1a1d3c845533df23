// BaseApp's ABCI lifecycle: restarts, initial height, what CheckTx and queries see between
// FinalizeBlock and Commit, proposals within block limits, determinism.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { QueryBalanceRequest, QueryBalanceResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { ResponseProcessProposal_ProposalStatus } from 'cosmjs-types/tendermint/abci/types';
import { directWallet, RECIPIENT, sendMsg, signTx } from '../app/tx/wallets.fixture.js';
import { TestChain } from './testing.js';

const SENDER = 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4';
const FEE = { amount: [{ denom: 'uatom', amount: '2500' }], gas: '100000' };
const ACCOUNTS = [{ address: SENDER, coins: [{ denom: 'uatom', amount: '1000000' }] }];

const send = (sequence: number, amount = '1000') =>
  directWallet().then((w) => signTx(w, { accountNumber: 0n, sequence, fee: FEE, messages: [sendMsg(SENDER, amount)] }));

function balance(chain: TestChain, address: string, height = 0n): bigint {
  const res = chain.query('/cosmos.bank.v1beta1.Query/Balance', QueryBalanceRequest.encode({ address, denom: 'uatom' }).finish(), height);
  assert.equal(res.code, 0, res.log);
  return BigInt(QueryBalanceResponse.decode(res.value).balance!.amount);
}

describe('BaseApp lifecycle', () => {
  it('restarts at the last commit: Info reports its height and app hash; an uncommitted block is gone', async () => {
    const chain = await TestChain.start({ accounts: ACCOUNTS });
    try {
      await chain.deliver([await send(0)]);
      const { appHash } = await chain.deliver([]);
      chain.finalize([await send(1)]);
      await chain.restart();
      const info = chain.app.info({ version: '', blockVersion: 0n, p2pVersion: 0n, abciVersion: '' });
      assert.equal(info.lastBlockHeight, 2n);
      assert.deepEqual(info.lastBlockAppHash, appHash);
      assert.equal(info.data, 'zonekit');
      assert.equal(balance(chain, RECIPIENT), 1000n);
      // The block that was finalized but not committed is replayed by CometBFT after a restart.
      const { results } = await chain.deliver([await send(1)]);
      assert.equal(results[0]!.code, 0, results[0]!.log);
      assert.equal(balance(chain, RECIPIENT), 2000n);
    } finally {
      await chain.close();
    }
  });

  it('a block finalized again without a Commit between (CometBFT restarted against a running app) runs over the committed state only', async () => {
    const once = await TestChain.start({ accounts: ACCOUNTS });
    const twice = await TestChain.start({ accounts: ACCOUNTS });
    try {
      const tx = await send(0);
      const expected = await once.deliver([tx]);
      // A CometBFT killed between FinalizeBlock and Commit replays the block on its restart,
      // to the app that kept running and still holds the first run's writes.
      assert.equal(twice.finalize([tx]).txResults[0]!.code, 0);
      const replayed = twice.finalizeAgain([tx]);
      await twice.app.commit();
      assert.equal(replayed.txResults[0]!.code, 0, replayed.txResults[0]!.log);
      assert.deepEqual(replayed.appHash, expected.appHash);
      // And past the first block, where genesis is no longer pending with it.
      const next = await once.deliver([await send(1)]);
      twice.finalize([await send(1)]);
      const again = twice.finalizeAgain([await send(1)]);
      await twice.app.commit();
      assert.deepEqual(again.appHash, next.appHash);
      assert.deepEqual(twice.app.lastCommitId, once.app.lastCommitId);
      assert.equal(balance(twice, RECIPIENT), 2000n);
      assert.deepEqual(twice.app.brokenInvariants(), []);
    } finally {
      await once.close();
      await twice.close();
    }
  });

  it('a genesis run again before the first Commit (CometBFT restarted after InitChain) starts from nothing', async () => {
    const chain = await TestChain.start({ accounts: ACCOUNTS });
    const fresh = await TestChain.start({ accounts: ACCOUNTS });
    try {
      await chain.initChainAgain();
      const [a, b] = [await chain.deliver([await send(0)]), await fresh.deliver([await send(0)])];
      assert.deepEqual(a.appHash, b.appHash);
      assert.equal(balance(chain, SENDER), balance(fresh, SENDER));
    } finally {
      await chain.close();
      await fresh.close();
    }
  });

  it('answers /app/invariants at a committed height: a JSON list of what is broken', async () => {
    const chain = await TestChain.start({ accounts: ACCOUNTS });
    try {
      await chain.deliver([await send(0)]);
      const res = chain.query('/app/invariants', new Uint8Array(), 1n);
      assert.equal(res.code, 0, res.log);
      assert.equal(res.height, 1n);
      assert.deepEqual(JSON.parse(Buffer.from(res.value).toString()), []);
      const future = chain.query('/app/invariants', new Uint8Array(), 5n);
      assert.equal(future.code, 18);
      assert.match(future.log, /cannot query with height in the future/);
    } finally {
      await chain.close();
    }
  });

  it('starts at InitChain initial_height', async () => {
    const chain = await TestChain.start({ accounts: ACCOUNTS, initialHeight: 100n });
    try {
      await chain.deliver([await send(0)]);
      assert.equal(chain.app.lastCommitId.version, 100);
      assert.equal(balance(chain, RECIPIENT, 100n), 1000n);
    } finally {
      await chain.close();
    }
  });

  it('CheckTx and queries see committed state only, and queries answer at past heights', async () => {
    const chain = await TestChain.start({ accounts: ACCOUNTS });
    try {
      await chain.deliver([]);
      chain.finalize([await send(0)]);
      assert.equal(balance(chain, RECIPIENT), 0n);
      // The block's tx is not committed yet, so the check state still expects sequence 0.
      assert.equal(chain.checkTx(await send(0, '5')).code, 0);
      await chain.app.commit();
      assert.equal(balance(chain, RECIPIENT), 1000n);
      assert.equal(balance(chain, RECIPIENT, 1n), 0n);
      assert.equal(chain.checkTx(await send(0, '5')).code, 32);
      assert.equal(chain.checkTx(await send(1, '5')).code, 0);
      // CheckTx state carries sequences forward until the next commit.
      assert.equal(chain.checkTx(await send(2, '5')).code, 0);
      assert.equal(chain.query('/cosmos.bank.v1beta1.Query/Balance', new Uint8Array(), 99n).code, 18);
      assert.equal(Buffer.from(chain.query('/app/version', new Uint8Array()).value).toString(), '0.1.0');
      assert.equal(chain.checkTx(new Uint8Array([1, 2, 3])).code, 2);
    } finally {
      await chain.close();
    }
  });

  it('proposes within max bytes and max gas; rejects undecodable or over-gas proposals', async () => {
    const chain = await TestChain.start({ accounts: ACCOUNTS, maxBlockGas: 250_000n });
    try {
      const txs = [await send(0), await send(1), await send(2)];
      const garbage = new Uint8Array([9, 9, 9]);
      const prepared = chain.app.prepareProposal({
        maxTxBytes: 1_000_000n,
        txs: [garbage, ...txs],
        localLastCommit: { round: 0, votes: [] },
        misbehavior: [],
        height: 1n,
        time: { seconds: 0n, nanos: 0 },
        nextValidatorsHash: new Uint8Array(),
        proposerAddress: new Uint8Array(),
      });
      assert.equal(prepared.txs.length, 2, 'two txs of 100000 gas fit in 250000');
      const bySize = chain.app.prepareProposal({
        maxTxBytes: BigInt(txs[0]!.length * 2 - 1),
        txs,
        localLastCommit: { round: 0, votes: [] },
        misbehavior: [],
        height: 1n,
        time: { seconds: 0n, nanos: 0 },
        nextValidatorsHash: new Uint8Array(),
        proposerAddress: new Uint8Array(),
      });
      assert.equal(bySize.txs.length, 1);
      const process = (list: Uint8Array[]) =>
        chain.app.processProposal({
          txs: list,
          proposedLastCommit: { round: 0, votes: [] },
          misbehavior: [],
          hash: new Uint8Array(),
          height: 1n,
          time: { seconds: 0n, nanos: 0 },
          nextValidatorsHash: new Uint8Array(),
          proposerAddress: new Uint8Array(),
        }).status;
      assert.equal(process(txs.slice(0, 2)), ResponseProcessProposal_ProposalStatus.ACCEPT);
      assert.equal(process(txs), ResponseProcessProposal_ProposalStatus.REJECT);
      assert.equal(process([garbage]), ResponseProcessProposal_ProposalStatus.REJECT);
      const big = await directWallet().then((w) => signTx(w, { accountNumber: 0n, sequence: 0, fee: { ...FEE, gas: '300000' } }));
      assert.equal(chain.checkTx(big).code, 41, 'a tx may not want more gas than a block holds');
    } finally {
      await chain.close();
    }
  });

  it('computes the same app hashes on every node for the same blocks', async () => {
    const [a, b] = await Promise.all([TestChain.start({ accounts: ACCOUNTS }), TestChain.start({ accounts: ACCOUNTS })]);
    try {
      const blocks = [[await send(0)], [], [await send(1, '77'), await send(2, '99999999'), await send(3)]];
      for (const txs of blocks) {
        const [ra, rb] = [await a.deliver(txs), await b.deliver(txs)];
        assert.deepEqual(ra.appHash, rb.appHash);
        assert.deepEqual(ra.results, rb.results);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
