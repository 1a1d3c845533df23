// MsgUnjail: the SDK's checks and errors (codespace `slashing`), and its signer.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MsgUnjail, MsgUnjailResponse } from 'cosmjs-types/cosmos/slashing/v1beta1/tx';
import { DuplicateVoteEvidence } from 'cosmjs-types/tendermint/types/evidence';
import { CodedError } from '../../app/errors.js';
import { BlockIDFlag, blockContext, blockTime, duplicateVote, storeSnapshot, testCourt } from './fake-staking.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** A validator jailed for downtime at height 102 (jailed until block 102's time + 600 s). */
function jailedForDowntime() {
  const t = testCourt();
  const v = t.staking.addValidator(1);
  t.court.hooks.afterValidatorBonded!(blockContext(t.store, 1n), v.consAddress, v.operator);
  for (let h = 2n; h <= 102n; h++) t.court.beginBlock(blockContext(t.store, h, { votes: [{ validator: v, flag: BlockIDFlag.BLOCK_ID_FLAG_ABSENT }] }));
  assert.equal(t.staking.validators.get(hex(v.consAddress))!.jailed, true);
  const handler = t.court.msgs[MsgUnjail.typeUrl]!;
  const unjail = (seconds: bigint, operator = v.operator) => {
    const ctx = blockContext(t.store, 103n, { mode: 'finalize', seconds });
    handler.validate!({ validatorAddr: operator });
    return handler.handle(ctx, { validatorAddr: operator });
  };
  return { ...t, v, handler, unjail, jailedUntil: blockTime(102n).seconds + 600n - 1_700_000_000n };
}

function refusal(code: number, message: RegExp) {
  return (err: unknown) => {
    assert.ok(err instanceof CodedError, String(err));
    assert.equal(err.codespace, 'slashing');
    assert.equal(err.code, code);
    assert.match(err.message, message);
    return true;
  };
}

describe('court unjail (x/slashing MsgUnjail)', () => {
  it('is signed by the operator account, the valoper bytes under the account prefix', () => {
    const t = testCourt();
    const v = t.staking.addValidator(1);
    const handler = t.court.msgs[MsgUnjail.typeUrl]!;
    const account = t.court.keeper.addresses.account.encode(t.court.keeper.addresses.operator.decode(v.operator));
    assert.deepEqual(handler.signers({ validatorAddr: v.operator }), [account]);
    assert.throws(() => handler.validate!({ validatorAddr: account }), (err: unknown) => err instanceof CodedError && err.code === 7 && /validator input address/.test(err.message));
  });

  it('refuses before jailed_until, saying until when, and succeeds from then on', () => {
    const j = jailedForDowntime();
    const before = storeSnapshot(blockContext(j.store, 103n));
    assert.throws(() => j.unjail(j.jailedUntil - 1n), refusal(4, /is jailed until 2023-11-14T22:\d\d:\d\dZ: validator still jailed; cannot be unjailed/));
    assert.deepEqual(storeSnapshot(blockContext(j.store, 103n)), before);
    assert.equal(j.staking.calls.filter((c) => c.method === 'unjail').length, 0);

    const response = j.unjail(j.jailedUntil);
    assert.equal(response.typeUrl, MsgUnjailResponse.typeUrl);
    assert.deepEqual(j.staking.calls.at(-1), { method: 'unjail', consAddress: hex(j.v.consAddress), args: [] });
    assert.equal(j.staking.validators.get(hex(j.v.consAddress))!.jailed, false);
  });

  it('refuses a validator that is not jailed, unknown, or short of self-delegation', () => {
    const j = jailedForDowntime();
    j.staking.selfDelegation.set(j.v.operator, 0n);
    assert.throws(() => j.unjail(j.jailedUntil), refusal(6, /has no self-delegation/));
    j.staking.validators.get(hex(j.v.consAddress))!.minSelfDelegation = 500n;
    j.staking.selfDelegation.set(j.v.operator, 499n);
    assert.throws(() => j.unjail(j.jailedUntil), refusal(7, /499 less than 500: validator's self delegation less than minimum/));
    j.staking.selfDelegation.set(j.v.operator, 500n);
    j.unjail(j.jailedUntil);
    assert.throws(() => j.unjail(j.jailedUntil), refusal(5, /validator not jailed/));
    const unknown = j.court.keeper.addresses.operator.encode(new Uint8Array(20).fill(77));
    assert.throws(() => j.unjail(j.jailedUntil, unknown), refusal(2, /address is not associated with any known validator/));
  });

  it('never unjails a tombstoned validator', () => {
    const t = testCourt();
    const v = t.staking.addValidator(1);
    t.court.hooks.afterValidatorBonded!(blockContext(t.store, 1n), v.consAddress, v.operator);
    const submit = t.court.msgs['/cosmos.evidence.v1beta1.MsgSubmitEvidence']!;
    const evidence = duplicateVote(t.staking, v, 5n);
    submit.handle(blockContext(t.store, 10n, { mode: 'finalize' }), {
      submitter: 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4',
      evidence: { typeUrl: '/tendermint.types.DuplicateVoteEvidence', value: DuplicateVoteEvidence.encode(evidence).finish() },
    });
    const handler = t.court.msgs[MsgUnjail.typeUrl]!;
    const farFuture = blockContext(t.store, 11n, { mode: 'finalize', seconds: 400_000_000_000n });
    assert.throws(() => handler.handle(farFuture, { validatorAddr: v.operator }), refusal(4, /tombstoned for double signing and can never be unjailed/));
  });

  it('unjails a jailed validator that was never bonded (no signing info) at once', () => {
    const t = testCourt();
    const v = t.staking.addValidator(1);
    t.staking.validators.get(hex(v.consAddress))!.jailed = true;
    t.court.msgs[MsgUnjail.typeUrl]!.handle(blockContext(t.store, 5n, { mode: 'finalize' }), { validatorAddr: v.operator });
    assert.deepEqual(t.staking.calls.map((c) => c.method), ['unjail']);
  });
});
