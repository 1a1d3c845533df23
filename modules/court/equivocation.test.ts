// Double signs: a real DuplicateVoteEvidence (two precommits signed with an ed25519 key)
// submitted in a tx is judged and recorded; every kind of bad evidence is refused with a
// clear error and leaves the store and staking untouched; CometBFT's misbehavior list is
// judged the same way, and ignored where the SDK ignores it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MsgSubmitEvidence, MsgSubmitEvidenceResponse } from 'cosmjs-types/cosmos/evidence/v1beta1/tx';
import { Misbehavior, MisbehaviorType } from 'cosmjs-types/tendermint/abci/types';
import { DuplicateVoteEvidence } from 'cosmjs-types/tendermint/types/evidence';
import { CodedError } from '../../app/errors.js';
import { parseDec } from '../../app/dec.js';
import { eventLines } from '../../app/testing.js';
import { EvidenceSource, InfractionKind, Verdict } from '../../gen/zonekit/court/v1/types.js';
import { DUPLICATE_VOTE_EVIDENCE_TYPE_URL, duplicateVoteHash } from './duplicate-vote.js';
import { blockContext, blockId, blockTime, duplicateVote, signedVote, storeSnapshot, testCourt, T0 } from './fake-staking.js';
import { DOUBLE_SIGN_JAIL_END } from './time.js';

const SUBMITTER = 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4';
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function submission(evidence: DuplicateVoteEvidence): MsgSubmitEvidence {
  return { submitter: SUBMITTER, evidence: { typeUrl: DUPLICATE_VOTE_EVIDENCE_TYPE_URL, value: DuplicateVoteEvidence.encode(evidence).finish() } };
}

/** A court with two validators (powers 100 and 300), the first bonded at height 1. */
function setup() {
  const t = testCourt();
  const offender = t.staking.addValidator(1, 100n);
  const other = t.staking.addValidator(2, 300n);
  t.court.hooks.afterValidatorBonded!(blockContext(t.store, 1n), offender.consAddress, offender.operator);
  const handler = t.court.msgs[MsgSubmitEvidence.typeUrl]!;
  /** Validates and handles as a tx would, at `height`. */
  const submit = (evidence: DuplicateVoteEvidence | MsgSubmitEvidence, height = 20n, seconds?: bigint) => {
    const ctx = blockContext(t.store, height, { mode: 'finalize', ...(seconds !== undefined ? { seconds } : {}) });
    const msg = 'submitter' in evidence ? evidence : submission(evidence);
    const decoded = handler.decode(MsgSubmitEvidence.encode(msg).finish());
    handler.validate!(decoded);
    return { ctx, response: handler.handle(ctx, decoded) };
  };
  return { ...t, offender, other, submit };
}

/** Asserts that `run` throws a CodedError (codespace, code, message part) and changed nothing. */
function refused(s: ReturnType<typeof setup>, run: () => unknown, codespace: string, code: number, message: RegExp) {
  const before = storeSnapshot(blockContext(s.store, 20n));
  const calls = s.staking.calls.length;
  assert.throws(run, (err: unknown) => {
    assert.ok(err instanceof CodedError, String(err));
    assert.equal(err.codespace, codespace);
    assert.equal(err.code, code);
    assert.match(err.message, message);
    return true;
  });
  assert.deepEqual(storeSnapshot(blockContext(s.store, 20n)), before, 'the store is untouched');
  assert.equal(s.staking.calls.length, calls, 'staking was not called');
}

describe('court equivocation (x/evidence double signs)', () => {
  it('accepts a real duplicate vote: slashes at height − 1, jails, tombstones, records the trial', () => {
    const s = setup();
    const evidence = duplicateVote(s.staking, s.offender, 10n);
    const { ctx, response } = s.submit(evidence);

    assert.equal(response.typeUrl, MsgSubmitEvidenceResponse.typeUrl);
    const { hash } = MsgSubmitEvidenceResponse.decode(response.value);
    assert.deepEqual(hash, duplicateVoteHash(evidence));
    const consHex = hex(s.offender.consAddress);
    assert.deepEqual(s.staking.calls, [
      { method: 'slash', consAddress: consHex, args: [9n, 100n, parseDec('0.05')] },
      { method: 'jail', consAddress: consHex, args: [] },
    ]);

    const info = s.court.keeper.signingInfos.get(ctx, s.offender.consAddress)!;
    assert.equal(info.tombstoned, true);
    assert.deepEqual(info.jailedUntil, DOUBLE_SIGN_JAIL_END);

    const trial = s.court.keeper.trials.get(ctx, 1n)!;
    assert.equal(trial.kind, InfractionKind.INFRACTION_KIND_DOUBLE_SIGN);
    assert.equal(trial.source, EvidenceSource.EVIDENCE_SOURCE_TX);
    assert.equal(trial.submitter, SUBMITTER);
    assert.equal(trial.verdict, Verdict.VERDICT_TOMBSTONED);
    assert.equal(trial.validatorAddress, s.offender.operator);
    assert.equal(trial.consensusAddress, s.court.keeper.consAddressString(s.offender.consAddress));
    assert.equal(trial.infractionHeight, 10n);
    assert.equal(trial.distributionHeight, 9n);
    assert.equal(trial.power, 100n);
    assert.equal(trial.slashFraction, '0.050000000000000000');
    assert.deepEqual(trial.evidenceHash, hash);
    assert.deepEqual(trial.slashed, {
      burned: '5000000',
      fromValidator: '4999985',
      fromUnbondingDelegations: [{ delegatorAddress: 'cosmos1unbonding', amount: '10' }],
      fromRedelegations: [{ delegatorAddress: 'cosmos1redelegating', validatorDstAddress: 'cosmosvaloper1dst', amount: '5' }],
    });
    assert.deepEqual(trial.jailedUntil, DOUBLE_SIGN_JAIL_END);
    assert.equal(trial.judgedHeight, 20n);
    // The signed vote time, not the evidence's unsigned timestamp.
    assert.deepEqual(trial.infractionTime, { seconds: T0 + 50n, nanos: 123_456_789 });

    const address = s.court.keeper.consAddressString(s.offender.consAddress);
    const lines = eventLines(ctx.events);
    assert.equal(lines[0], `slash: address=${address}, power=100, reason=double_sign, burned_coins=5000000`);
    assert.match(lines[1]!, new RegExp(`^court_verdict: trial_id=1, kind=double_sign, verdict=tombstoned, validator=${s.offender.operator}, address=${address}, infraction_height=10, burned_coins=5000000, jailed_until=9999-12-31T23:59:59Z, source=tx, evidence_hash=${hex(hash).toUpperCase()}$`));
    assert.equal(lines[2], `submit_evidence: evidence_hash=${hex(hash).toUpperCase()}`);
  });

  it('refuses a tampered signature', () => {
    const s = setup();
    const evidence = duplicateVote(s.staking, s.offender, 10n);
    const signature = evidence.voteB!.signature.slice();
    signature[0]! ^= 1;
    refused(s, () => s.submit({ ...evidence, voteB: { ...evidence.voteB!, signature } }), 'evidence', 3, /verifying vote B: invalid signature/);
  });

  it('refuses votes signed for another chain', () => {
    const s = setup();
    const a = signedVote(s.offender, 10n, blockId(1), 'other-chain');
    const b = signedVote(s.offender, 10n, blockId(7), 'other-chain');
    const evidence = { ...duplicateVote(s.staking, s.offender, 10n), voteA: a, voteB: b };
    refused(s, () => s.submit(evidence), 'evidence', 3, /verifying vote A: invalid signature for chain court-test/);
  });

  it('refuses votes at different heights, rounds or steps', () => {
    const s = setup();
    const evidence = duplicateVote(s.staking, s.offender, 10n);
    const other = signedVote(s.offender, 11n, evidence.voteB!.blockId);
    refused(s, () => s.submit({ ...evidence, voteB: other }), 'evidence', 3, /h\/r\/s does not match: 10\/0\/2 vs 11\/0\/2/);
    const round = signedVote(s.offender, 10n, evidence.voteB!.blockId, undefined, 1);
    refused(s, () => s.submit({ ...evidence, voteB: round }), 'evidence', 3, /h\/r\/s does not match/);
  });

  it('refuses two votes for the same block, and votes out of CometBFT order', () => {
    const s = setup();
    const evidence = duplicateVote(s.staking, s.offender, 10n);
    refused(s, () => s.submit({ ...evidence, voteB: evidence.voteA }), 'evidence', 3, /block IDs are the same/);
    refused(s, () => s.submit({ ...evidence, voteA: evidence.voteB, voteB: evidence.voteA }), 'evidence', 3, /duplicate votes in invalid order/);
  });

  it('refuses a validator that was not in the set at that height', () => {
    const s = setup();
    const stranger = s.staking.addValidator(9, 50n);
    const evidence = duplicateVote(s.staking, stranger, 10n);
    s.staking.validators.delete(hex(stranger.consAddress));
    refused(s, () => s.submit(evidence), 'evidence', 3, new RegExp(`address ${hex(stranger.consAddress).toUpperCase()} was not a validator at height 10`));
  });

  it('refuses powers that do not match the validator set', () => {
    const s = setup();
    const evidence = duplicateVote(s.staking, s.offender, 10n);
    refused(s, () => s.submit({ ...evidence, validatorPower: 99n }), 'evidence', 3, /validator power from evidence and our validator set does not match \(99 != 100\)/);
    refused(s, () => s.submit({ ...evidence, totalVotingPower: 401n }), 'evidence', 3, /total voting power .* does not match \(401 != 400\)/);
  });

  it('refuses evidence older than both max ages, and evidence whose validator set is gone', () => {
    const s = setup();
    const evidence = duplicateVote(s.staking, s.offender, 10n);
    // 100 001 blocks and 172 801 s after the votes: too old by both measures (said first,
    // even though the validator set of that height is long gone).
    s.staking.keptFrom = 11n;
    refused(s, () => s.submit(evidence, 100_011n, 50n + 172_801n), 'evidence', 3, /evidence too old: infraction at height 10 is 100001 blocks/);
    // Old by blocks but not by time: still judged, as the SDK requires both (checked below).
    refused(s, () => s.submit(evidence), 'evidence', 3, /the validator set at height 10 is no longer kept/);
    s.staking.keptFrom = 1n;
    const { ctx } = s.submit(evidence, 100_011n, 60n);
    assert.equal(s.court.keeper.trials.get(ctx, 1n)?.infractionHeight, 10n);
  });

  it('refuses evidence against a validator that has fully unbonded, or from a future height', () => {
    const s = setup();
    s.staking.validators.get(hex(s.offender.consAddress))!.status = 'unbonded';
    refused(s, () => s.submit(duplicateVote(s.staking, s.offender, 10n)), 'evidence', 3, /is unbonded: its stake can no longer be slashed/);
    refused(s, () => s.submit(duplicateVote(s.staking, s.offender, 21n)), 'evidence', 3, /evidence height 21 is after the current height 20/);
  });

  it('refuses evidence already judged, and new evidence against a tombstoned validator', () => {
    const s = setup();
    const evidence = duplicateVote(s.staking, s.offender, 10n);
    s.submit(evidence);
    refused(s, () => s.submit(evidence), 'evidence', 5, /was judged in trial 1: evidence already exists/);
    const again = duplicateVote(s.staking, s.offender, 12n, [3, 4]);
    refused(s, () => s.submit(again), 'evidence', 3, /already tombstoned/);
  });

  it('refuses other evidence types, a missing evidence and a bad submitter before any state is read', () => {
    const s = setup();
    const handler = s.court.msgs[MsgSubmitEvidence.typeUrl]!;
    const evidence = submission(duplicateVote(s.staking, s.offender, 10n));
    const check = (msg: MsgSubmitEvidence) => () => handler.validate!(msg);
    refused(s, check({ ...evidence, evidence: { typeUrl: '/cosmos.evidence.v1beta1.Equivocation', value: new Uint8Array() } }), 'evidence', 2, /Equivocation.*unregistered handler/);
    refused(s, check({ submitter: SUBMITTER }), 'evidence', 3, /missing evidence/);
    refused(s, check({ ...evidence, submitter: 'cosmos1nope' }), 'sdk', 7, /invalid submitter address/);
    refused(s, check({ ...evidence, evidence: { typeUrl: DUPLICATE_VOTE_EVIDENCE_TYPE_URL, value: Uint8Array.of(0x0a, 0x05, 1) } }), 'evidence', 3, /malformed/);
  });

  it("judges CometBFT's misbehavior list, and ignores what the SDK ignores", () => {
    const s = setup();
    const misbehavior = (type: MisbehaviorType, height: bigint, validator = s.offender): Misbehavior => ({
      type,
      validator: { address: validator.consAddress, power: validator.power },
      height,
      time: blockTime(height),
      totalVotingPower: 400n,
    });
    const unknown = s.staking.addValidator(8, 10n);
    s.staking.validators.delete(hex(unknown.consAddress));
    const ctx = blockContext(s.store, 30n, {
      misbehavior: [
        misbehavior(MisbehaviorType.UNKNOWN, 25n),
        misbehavior(MisbehaviorType.DUPLICATE_VOTE, 25n, unknown),
        misbehavior(MisbehaviorType.DUPLICATE_VOTE, 25n),
        misbehavior(MisbehaviorType.DUPLICATE_VOTE, 26n),
      ],
    });
    s.court.beginBlock(ctx);
    // One verdict: the unknown type and validator are skipped, the second offence finds it tombstoned.
    assert.deepEqual(s.staking.calls.map((c) => [c.method, c.args[0]]), [['slash', 24n], ['jail', undefined]]);
    const trial = s.court.keeper.trials.get(ctx, 1n)!;
    assert.equal(trial.source, EvidenceSource.EVIDENCE_SOURCE_COMETBFT);
    assert.equal(trial.submitter, '');
    assert.equal(trial.infractionHeight, 25n);
    assert.deepEqual(trial.infractionTime, blockTime(25n));
    assert.equal(s.court.keeper.trials.get(ctx, 2n), undefined);

    // A light client attack by the other validator: judged as a double sign, recorded as what it was.
    const later = blockContext(s.store, 31n, { misbehavior: [misbehavior(MisbehaviorType.LIGHT_CLIENT_ATTACK, 29n, s.other)] });
    s.court.beginBlock(later);
    const lca = s.court.keeper.trials.get(later, 2n)!;
    assert.equal(lca.kind, InfractionKind.INFRACTION_KIND_LIGHT_CLIENT_ATTACK);
    assert.equal(lca.power, 300n);
    // The other validator had no signing info (never bonded through the hook): one is made, tombstoned.
    assert.equal(s.court.keeper.signingInfos.get(later, s.other.consAddress)?.tombstoned, true);

    // Too old by both measures: ignored without a trace.
    const t = setup();
    const old = blockContext(t.store, 200_000n, { seconds: 10_000_000n, misbehavior: [misbehavior(MisbehaviorType.DUPLICATE_VOTE, 25n, t.offender)] });
    const before = storeSnapshot(old);
    t.court.beginBlock(old);
    assert.deepEqual(storeSnapshot(old), before);
    assert.equal(t.staking.calls.length, 0);
  });

  it('does not jail twice: a validator already jailed for downtime is slashed and tombstoned only', () => {
    const s = setup();
    s.staking.validators.get(hex(s.offender.consAddress))!.jailed = true;
    s.submit(duplicateVote(s.staking, s.offender, 10n));
    assert.deepEqual(s.staking.calls.map((c) => c.method), ['slash']);
  });
});
