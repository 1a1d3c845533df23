// BaseApp's vote extensions in-process, with the attest test module and four validators whose
// ed25519 keys are made here: ExtendVote and VerifyVoteExtension route to the module; the
// proposal at H+1 carries the signed extensions of H first; ProcessProposal rejects an entry
// short of 2/3 of the power, with a bad signature, not matching the last commit, or with agreed
// data that does not follow; FinalizeBlock hands the entry to the module, never runs it as a tx.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import {
  ResponseProcessProposal_ProposalStatus as ProposalStatus,
  ResponseVerifyVoteExtension_VerifyStatus as VerifyStatus,
  ExtendedCommitInfo,
  type CommitInfo,
  type ExtendedVoteInfo,
} from 'cosmjs-types/tendermint/abci/types';
import { BlockIDFlag } from 'cosmjs-types/tendermint/types/validator';
import { defineApp } from '../../app/app.js';
import { BaseApp } from '../../app/baseapp.js';
import { compareBytes, voteExtensionSignBytes } from '../../app/cometbft/canonical.js';
import { InjectedVoteExtensions, VoteExtension } from '../../gen/zonekit/abci/v1/vote_extensions.js';
import { attestation, attestedKey, attestModule } from './attest.js';

const CHAIN_ID = 'voteext-test-1';
const ENABLE_HEIGHT = 2n;
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const time = (height: bigint) => ({ seconds: 1_700_000_000n + height, nanos: 0 });

interface TestValidator {
  secret: Uint8Array;
  pubKey: Uint8Array;
  address: Uint8Array;
  power: bigint;
}

// Equal powers: CometBFT orders them by address.
const VALIDATORS: TestValidator[] = [1, 2, 3, 4]
  .map((seed) => {
    const secret = new Uint8Array(32).fill(seed);
    const pubKey = ed25519.getPublicKey(secret);
    return { secret, pubKey, address: new Uint8Array(createHash('sha256').update(pubKey).digest().subarray(0, 20)), power: 10n };
  })
  .sort((a, b) => compareBytes(a.address, b.address));

const envelope = (height: bigint, address: Uint8Array) => VoteExtension.encode({ modules: [{ module: 'attest', data: attestation(height, address) }] }).finish();

/** The extended commit of `height` CometBFT would hand PrepareProposal: `signers` committed with a signed attestation, the rest absent. */
function extendedCommit(height: bigint, signers: number[], edit: (vote: ExtendedVoteInfo, index: number) => void = () => {}): ExtendedCommitInfo {
  const votes = VALIDATORS.map((v, i): ExtendedVoteInfo => {
    const validator = { address: v.address, power: v.power };
    if (!signers.includes(i)) return { validator, voteExtension: new Uint8Array(), extensionSignature: new Uint8Array(), blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_ABSENT };
    const voteExtension = envelope(height, v.address);
    const extensionSignature = ed25519.sign(voteExtensionSignBytes(CHAIN_ID, voteExtension, height, 0), v.secret);
    return { validator, voteExtension, extensionSignature, blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT };
  });
  votes.forEach(edit);
  return { round: 0, votes };
}

/** The block's last commit as CometBFT gives it to ProcessProposal. */
const lastCommitOf = (commit: ExtendedCommitInfo): CommitInfo => ({ round: commit.round, votes: commit.votes.map((v) => ({ validator: v.validator, blockIdFlag: v.blockIdFlag })) });

/** The attest module's agreed data for `signers` at `height`. */
const agreedFor = (height: bigint, signers: number[]) =>
  new Uint8Array(Buffer.concat(signers.map((i) => VALIDATORS[i]!).flatMap((v) => [v.address, attestation(height, v.address)])));

const injectedEntry = (commit: ExtendedCommitInfo, agreed: Uint8Array | undefined) =>
  InjectedVoteExtensions.encode({ extendedCommitInfo: ExtendedCommitInfo.encode(commit).finish(), agreed: agreed ? [{ module: 'attest', data: agreed }] : [] }).finish();

const ALL = [0, 1, 2, 3];

describe('vote extensions in BaseApp (attest module, 4 validators)', () => {
  let dir: string;
  let app: BaseApp;

  const blockRequest = (height: bigint, txs: Uint8Array[]) => ({
    txs,
    height,
    time: time(height),
    misbehavior: [],
    hash: new Uint8Array(32),
    nextValidatorsHash: new Uint8Array(32),
    proposerAddress: VALIDATORS[0]!.address,
  });

  const processProposal = (height: bigint, txs: Uint8Array[], lastCommit: CommitInfo) => app.processProposal({ ...blockRequest(height, txs), proposedLastCommit: lastCommit }).status;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zonekit-voteext-'));
    const keys = new Map(VALIDATORS.map((v) => [hex(v.address), v.pubKey]));
    const definition = defineApp({
      name: 'voteext-test',
      version: '0',
      bech32Prefix: 'cosmos',
      modules: [attestModule()],
      ante: [],
      consensusKey: (_ctx, address) => keys.get(hex(address)),
    });
    app = new BaseApp({ app: definition, dataDir: dir, chainId: CHAIN_ID, consensusAddress: VALIDATORS[0]!.address });
    await app.initChain({
      time: time(0n),
      chainId: CHAIN_ID,
      consensusParams: { block: { maxBytes: 22020096n, maxGas: -1n }, abci: { voteExtensionsEnableHeight: ENABLE_HEIGHT } },
      validators: [],
      appStateBytes: new Uint8Array(),
      initialHeight: 1n,
    });
    for (const height of [1n, 2n]) {
      app.finalizeBlock({ ...blockRequest(height, []), decidedLastCommit: { round: 0, votes: [] } });
      await app.commit();
    }
  });

  after(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ExtendVote: the module extends with its attestation, in an envelope keyed by module name', () => {
    const { voteExtension } = app.extendVote({ ...blockRequest(2n, []), proposedLastCommit: { round: 0, votes: [] } });
    assert.deepEqual(voteExtension, envelope(2n, VALIDATORS[0]!.address));
  });

  it('VerifyVoteExtension: accepts the right attestation, rejects a forged, misplaced or malformed one', () => {
    const verify = (validatorAddress: Uint8Array, voteExtension: Uint8Array) => app.verifyVoteExtension({ hash: new Uint8Array(32), validatorAddress, height: 2n, voteExtension }).status;
    const v1 = VALIDATORS[1]!.address;
    assert.equal(verify(v1, envelope(2n, v1)), VerifyStatus.ACCEPT);
    // Another validator's attestation, another height's, nothing at all.
    assert.equal(verify(v1, envelope(2n, VALIDATORS[2]!.address)), VerifyStatus.REJECT);
    assert.equal(verify(v1, envelope(3n, v1)), VerifyStatus.REJECT);
    assert.equal(verify(v1, new Uint8Array()), VerifyStatus.REJECT);
    // A module this zone does not have, an entry twice, bytes that are no envelope.
    const unknown = VoteExtension.encode({ modules: [{ module: 'attest', data: attestation(2n, v1) }, { module: 'oracle', data: Uint8Array.of(1) }] }).finish();
    assert.equal(verify(v1, unknown), VerifyStatus.REJECT);
    const twice = VoteExtension.encode({ modules: [{ module: 'attest', data: attestation(2n, v1) }, { module: 'attest', data: attestation(2n, v1) }] }).finish();
    assert.equal(verify(v1, twice), VerifyStatus.REJECT);
    assert.equal(verify(v1, Uint8Array.of(0xff, 0xff)), VerifyStatus.REJECT);
  });

  it('PrepareProposal at H+1 places the signed extensions and the agreed data first; ProcessProposal accepts it', () => {
    const commit = extendedCommit(2n, ALL);
    const tx = Uint8Array.of(1, 2, 3);
    const prepared = app.prepareProposal({ ...blockRequest(3n, [tx]), maxTxBytes: 1_000_000n, localLastCommit: commit });
    // The undecodable tx is left out as before; the injected entry is there.
    assert.equal(prepared.txs.length, 1);
    const injected = InjectedVoteExtensions.decode(prepared.txs[0]!);
    assert.deepEqual(ExtendedCommitInfo.decode(injected.extendedCommitInfo), commit);
    assert.deepEqual(injected.agreed, [{ module: 'attest', data: agreedFor(2n, ALL) }]);
    assert.equal(processProposal(3n, prepared.txs, lastCommitOf(commit)), ProposalStatus.ACCEPT);
    // Three of four equal validators are more than 2/3 of the power.
    const three = extendedCommit(2n, [0, 1, 3]);
    assert.equal(processProposal(3n, [injectedEntry(three, agreedFor(2n, [0, 1, 3]))], lastCommitOf(three)), ProposalStatus.ACCEPT);
  });

  it('ProcessProposal rejects an injected entry without 2/3 of the power signed', () => {
    const two = extendedCommit(2n, [0, 1]);
    assert.equal(processProposal(3n, [injectedEntry(two, agreedFor(2n, [0, 1]))], lastCommitOf(two)), ProposalStatus.REJECT);
    // Its proposer cannot build one either: it proposes without, which is rejected too.
    const prepared = app.prepareProposal({ ...blockRequest(3n, []), maxTxBytes: 1_000_000n, localLastCommit: two });
    assert.equal(prepared.txs.length, 0);
    assert.equal(processProposal(3n, prepared.txs, lastCommitOf(two)), ProposalStatus.REJECT);
  });

  it('ProcessProposal rejects a bad signature, an unsigned extension, and a commit that is not the block’s last commit', () => {
    const badSignature = extendedCommit(2n, ALL, (vote, i) => {
      if (i === 2) vote.extensionSignature[0]! ^= 0xff;
    });
    assert.equal(processProposal(3n, [injectedEntry(badSignature, agreedFor(2n, ALL))], lastCommitOf(badSignature)), ProposalStatus.REJECT);
    // An extension signed for another height, or swapped for another validator's signed one.
    const otherHeight = extendedCommit(2n, ALL, (vote, i) => {
      if (i === 1) vote.extensionSignature = ed25519.sign(voteExtensionSignBytes(CHAIN_ID, vote.voteExtension, 1n, 0), VALIDATORS[1]!.secret);
    });
    assert.equal(processProposal(3n, [injectedEntry(otherHeight, agreedFor(2n, ALL))], lastCommitOf(otherHeight)), ProposalStatus.REJECT);
    const unsigned = extendedCommit(2n, ALL, (vote, i) => {
      if (i === 3) vote.extensionSignature = new Uint8Array();
    });
    assert.equal(processProposal(3n, [injectedEntry(unsigned, agreedFor(2n, ALL))], lastCommitOf(unsigned)), ProposalStatus.REJECT);
    // Powers inflated in the injected commit, or a vote the block's last commit has as absent.
    const commit = extendedCommit(2n, ALL);
    const inflated = extendedCommit(2n, ALL, (vote) => (vote.validator.power = 100n));
    assert.equal(processProposal(3n, [injectedEntry(inflated, agreedFor(2n, ALL))], lastCommitOf(commit)), ProposalStatus.REJECT);
    const lastWithAbsent = lastCommitOf(extendedCommit(2n, [0, 1, 2]));
    assert.equal(processProposal(3n, [injectedEntry(commit, agreedFor(2n, ALL))], lastWithAbsent), ProposalStatus.REJECT);
  });

  it('ProcessProposal rejects agreed data that does not follow from the signed extensions, and a proposal without the entry', () => {
    const commit = extendedCommit(2n, ALL);
    const last = lastCommitOf(commit);
    assert.equal(processProposal(3n, [injectedEntry(commit, agreedFor(2n, [0, 1, 2]))], last), ProposalStatus.REJECT);
    assert.equal(processProposal(3n, [injectedEntry(commit, undefined)], last), ProposalStatus.REJECT);
    const forged = agreedFor(2n, ALL);
    forged[25]! ^= 1;
    assert.equal(processProposal(3n, [injectedEntry(commit, forged)], last), ProposalStatus.REJECT);
    assert.equal(processProposal(3n, [], last), ProposalStatus.REJECT);
    assert.equal(processProposal(3n, [Uint8Array.of(0x0a, 0x01)], last), ProposalStatus.REJECT);
  });

  it('FinalizeBlock hands the entry to the module (state written) and answers it as a result that is not a tx', async () => {
    const commit = extendedCommit(2n, ALL);
    const prepared = app.prepareProposal({ ...blockRequest(3n, []), maxTxBytes: 1_000_000n, localLastCommit: commit });
    const response = app.finalizeBlock({ ...blockRequest(3n, prepared.txs), decidedLastCommit: lastCommitOf(commit) });
    assert.equal(response.txResults.length, 1);
    assert.equal(response.txResults[0]!.code, 0);
    assert.equal(response.txResults[0]!.gasUsed, 0n);
    await app.commit();
    const stored = app.query({ path: 'store/attest/key', data: attestedKey(2n), height: 0n, prove: false });
    assert.equal(stored.code, 0, stored.log);
    assert.deepEqual(stored.value, agreedFor(2n, ALL));
  });
});
