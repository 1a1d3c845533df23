// `submit-evidence` reads the evidence as CometBFT writes it and as protobuf JSON, keeping
// nanoseconds (the signatures cover them).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Vote } from 'cosmjs-types/tendermint/types/types';
import { rfc3339 } from '../../app/rest/proto-json.js';
import { duplicateVoteFromJson } from './evidence-json.js';
import { duplicateVote, testCourt } from './fake-staking.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const time = (t: { seconds: bigint; nanos: number }) => rfc3339(t.seconds, t.nanos);

function cometVote(v: Vote) {
  return {
    type: v.type,
    height: v.height.toString(),
    round: v.round,
    block_id: { hash: hex(v.blockId.hash), parts: { total: v.blockId.partSetHeader.total, hash: hex(v.blockId.partSetHeader.hash) } },
    timestamp: time(v.timestamp),
    validator_address: hex(v.validatorAddress),
    validator_index: v.validatorIndex,
    signature: b64(v.signature),
  };
}

function protoVote(v: Vote) {
  return {
    type: 'SIGNED_MSG_TYPE_PRECOMMIT',
    height: v.height.toString(),
    round: v.round,
    block_id: { hash: b64(v.blockId.hash), part_set_header: { total: v.blockId.partSetHeader.total, hash: b64(v.blockId.partSetHeader.hash) } },
    timestamp: time(v.timestamp),
    validator_address: b64(v.validatorAddress),
    validator_index: v.validatorIndex,
    signature: b64(v.signature),
  };
}

describe('evidence JSON for submit-evidence', () => {
  const t = testCourt();
  const evidence = duplicateVote(t.staking, t.staking.addValidator(1), 10n);

  it("reads CometBFT's JSON (hex, parts, capitalized ABCI fields), wrapped or not", () => {
    const value = {
      vote_a: cometVote(evidence.voteA!),
      vote_b: cometVote(evidence.voteB!),
      TotalVotingPower: evidence.totalVotingPower.toString(),
      ValidatorPower: evidence.validatorPower.toString(),
      Timestamp: time(evidence.timestamp),
    };
    assert.deepEqual(duplicateVoteFromJson(value), evidence);
    assert.deepEqual(duplicateVoteFromJson({ type: 'tendermint/DuplicateVoteEvidence', value }), evidence);
  });

  it('reads protobuf JSON (base64, part_set_header, enum names)', () => {
    const json = {
      vote_a: protoVote(evidence.voteA!),
      vote_b: protoVote(evidence.voteB!),
      total_voting_power: evidence.totalVotingPower.toString(),
      validator_power: evidence.validatorPower.toString(),
      timestamp: time(evidence.timestamp),
    };
    assert.deepEqual(duplicateVoteFromJson(json), evidence);
  });

  it('says what is wrong with a bad file', () => {
    assert.throws(() => duplicateVoteFromJson([]), /evidence must be a JSON object/);
    assert.throws(() => duplicateVoteFromJson({ vote_a: { ...protoVote(evidence.voteA!), height: 'ten' } }), /vote_a.height must be an integer/);
    assert.throws(() => duplicateVoteFromJson({ vote_a: { ...protoVote(evidence.voteA!), timestamp: 5 } }), /vote_a.timestamp must be an RFC 3339 time/);
  });
});
