// A DuplicateVoteEvidence made by CometBFT v0.38.26 itself (types.NewDuplicateVoteEvidence
// over two precommits signed by its MockPV with the ed25519 key of seed 0x01…01, chain
// "court-test", height 10, validator powers 100 and 300): the court must compute the same
// sign bytes and evidence hash, and accept it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MsgSubmitEvidence } from 'cosmjs-types/cosmos/evidence/v1beta1/tx';
import { DuplicateVoteEvidence } from 'cosmjs-types/tendermint/types/evidence';
import { voteSignBytes } from '../../app/cometbft/canonical.js';
import { DUPLICATE_VOTE_EVIDENCE_TYPE_URL, duplicateVoteHash } from './duplicate-vote.js';
import { blockContext, testCourt } from './fake-staking.js';

const EVIDENCE =
  '0ab3010802100a22480a20010101010101010101010101010101010101010101010101010101010101010112240801122002020202020202020202020202020202020202020202020202020202020202022a0b08b2e2cfaa0610959aef3a321434750f98bd59fcfc946da45aaabe933be154a4b54240a2035fbe53f40a4c544e3297a75c6c39be35cad4d49c5d0e061793a1eb08755ca9a11b3139a41d1d4f0ae61956dc9de7eecf85e9c996c97f13b51e4388fd160512b3010802100a22480a20070707070707070707070707070707070707070707070707070707070707070712240801122008080808080808080808080808080808080808080808080808080808080808082a0b08b2e2cfaa0610959aef3a321434750f98bd59fcfc946da45aaabe933be154a4b54240e37e47f55dbed1bf5f95f7df40e5f1f996a3bd43d38d72076666e7604aa740a53c7f04f970e89f5fa9060a37f433e8b57a5e23f2d491dc01466a9d3c73fc190c18900320642a0608b2e2cfaa06';
const HASH = 'bd3a24c2070e1cc803fa80d154fbd29a7c4e067b5fc945afcf600f1985bfac2a';
const VOTE_A_SIGN_BYTES =
  '6e0802110a0000000000000022480a20010101010101010101010101010101010101010101010101010101010101010112240801122002020202020202020202020202020202020202020202020202020202020202022a0b08b2e2cfaa0610959aef3a320a636f7572742d74657374';
const PUBKEY = '8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c';

const fromHex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe("CometBFT's own DuplicateVoteEvidence", () => {
  const evidence = DuplicateVoteEvidence.decode(fromHex(EVIDENCE));

  it('gives the same vote sign bytes and evidence hash as CometBFT', () => {
    assert.equal(toHex(voteSignBytes('court-test', evidence.voteA!)), VOTE_A_SIGN_BYTES);
    assert.equal(toHex(DuplicateVoteEvidence.encode(evidence).finish()), EVIDENCE);
    assert.equal(toHex(duplicateVoteHash(evidence)), HASH);
  });

  it('is accepted and judged', () => {
    const t = testCourt();
    const offender = t.staking.addValidator(1, 100n);
    t.staking.addValidator(2, 300n);
    assert.equal(toHex(offender.consPubKey), PUBKEY);
    const handler = t.court.msgs[MsgSubmitEvidence.typeUrl]!;
    const msg = { submitter: 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4', evidence: { typeUrl: DUPLICATE_VOTE_EVIDENCE_TYPE_URL, value: fromHex(EVIDENCE) } };
    handler.validate!(msg);
    const ctx = blockContext(t.store, 20n, { mode: 'finalize' });
    handler.handle(ctx, msg);
    const trial = t.court.keeper.trials.get(ctx, 1n)!;
    assert.equal(toHex(trial.evidenceHash), HASH);
    assert.equal(trial.infractionHeight, 10n);
    assert.equal(trial.validatorAddress, offender.operator);
  });
});
