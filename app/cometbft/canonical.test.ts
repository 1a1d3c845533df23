// Vote sign bytes against CometBFT's own test vectors (types/vote_test.go
// TestVoteSignBytesTestVectors), and the BlockID ordering of duplicate votes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SignedMsgType, type Vote } from 'cosmjs-types/tendermint/types/types';
import { blockIdKey, compareBytes, voteExtensionSignBytes, voteSignBytes } from './canonical.js';

// Go's zero time.Time, as gogoproto writes it: 0001-01-01T00:00:00Z.
const ZERO_TIME = { seconds: -62135596800n, nanos: 0 };
const ZERO_TIME_BYTES = [0x2a, 0x0b, 0x08, 0x80, 0x92, 0xb8, 0xc3, 0x98, 0xfe, 0xff, 0xff, 0xff, 0x01];

function vote(fields: Partial<Vote>): Vote {
  return {
    type: 0,
    height: 0n,
    round: 0,
    blockId: { hash: new Uint8Array(), partSetHeader: { total: 0, hash: new Uint8Array() } },
    timestamp: ZERO_TIME,
    validatorAddress: new Uint8Array(),
    validatorIndex: 0,
    signature: new Uint8Array(),
    extension: new Uint8Array(),
    extensionSignature: new Uint8Array(),
    ...fields,
  };
}

const FIXED_ONE = [0x1, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0];

describe('CanonicalVote sign bytes', () => {
  it('matches CometBFT: an empty vote is its timestamp alone', () => {
    assert.deepEqual([...voteSignBytes('', vote({}))], [0x0d, ...ZERO_TIME_BYTES]);
  });

  it('matches CometBFT: fixed-size height and round, type as a varint', () => {
    const bytes = voteSignBytes('', vote({ height: 1n, round: 1, type: SignedMsgType.SIGNED_MSG_TYPE_PRECOMMIT }));
    assert.deepEqual([...bytes], [0x21, 0x08, 0x02, 0x11, ...FIXED_ONE, 0x19, ...FIXED_ONE, ...ZERO_TIME_BYTES]);
    const prevote = voteSignBytes('', vote({ height: 1n, round: 1, type: SignedMsgType.SIGNED_MSG_TYPE_PREVOTE }));
    assert.deepEqual([...prevote], [0x21, 0x08, 0x01, 0x11, ...FIXED_ONE, 0x19, ...FIXED_ONE, ...ZERO_TIME_BYTES]);
  });

  it('matches CometBFT: the chain id last', () => {
    const bytes = voteSignBytes('test_chain_id', vote({ height: 1n, round: 1 }));
    const chainId = [...Buffer.from('test_chain_id')];
    assert.deepEqual([...bytes], [0x2e, 0x11, ...FIXED_ONE, 0x19, ...FIXED_ONE, ...ZERO_TIME_BYTES, 0x32, 0x0d, ...chainId]);
  });

  it('leaves out the validator address, index and extensions (they are not signed)', () => {
    const a = voteSignBytes('c', vote({ height: 3n }));
    const b = voteSignBytes('c', vote({ height: 3n, validatorAddress: new Uint8Array(20).fill(1), validatorIndex: 4, extension: Uint8Array.of(1) }));
    assert.deepEqual(a, b);
  });

  it('writes a block id with its part set header, and orders block ids by hash then parts', () => {
    const id = { hash: new Uint8Array(32).fill(0xaa), partSetHeader: { total: 2, hash: new Uint8Array(32).fill(0xbb) } };
    const bytes = voteSignBytes('', vote({ blockId: id }));
    // 0x22 len [0x0a 32 hash] [0x12 len [0x08 2] [0x12 32 hash]]
    assert.deepEqual([...bytes.subarray(1, 5)], [0x22, 2 + 32 + 2 + 2 + 2 + 32, 0x0a, 32]);
    const smaller = { hash: new Uint8Array(32).fill(0xaa), partSetHeader: { total: 1, hash: new Uint8Array(32).fill(0xbb) } };
    assert.ok(compareBytes(blockIdKey(smaller), blockIdKey(id)) < 0);
    assert.equal(compareBytes(blockIdKey(id), blockIdKey({ ...id })), 0);
  });

  it('CanonicalVoteExtension: extension, fixed-size height and round, chain id; zero fields left out', () => {
    const chainId = [...Buffer.from('test_chain_id')];
    const bytes = voteExtensionSignBytes('test_chain_id', Uint8Array.of(0xab, 0xcd), 1n, 1);
    assert.deepEqual([...bytes], [0x25, 0x0a, 0x02, 0xab, 0xcd, 0x11, ...FIXED_ONE, 0x19, ...FIXED_ONE, 0x22, 0x0d, ...chainId]);
    // An empty extension in round 0 (the usual case) is the height and chain id alone.
    assert.deepEqual([...voteExtensionSignBytes('c', new Uint8Array(), 2n, 0)], [0x0c, 0x11, 0x02, 0, 0, 0, 0, 0, 0, 0, 0x22, 0x01, 0x63]);
  });
});
