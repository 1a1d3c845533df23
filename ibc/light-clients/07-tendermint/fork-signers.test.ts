// Who signed both sides of a fork: only validators with a verified precommit for each block.
// A COMMIT flag with a bad signature past the 2/3 the light client stops at frames no one;
// a BFT time violation, one block twice and commits in different rounds name no one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import type { Header, Misbehaviour } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { BlockIDFlag } from 'cosmjs-types/tendermint/types/validator';
import { ErrInvalidMisbehaviour } from '../../core/02-client/errors.js';
import { provenFork } from './fork-signers.js';
import { addSeconds, assertCodedError, CLIENT_ID, signHeader, testValidators, validatorSetOf, type SignOptions, type TestValidator } from './testing.js';

const CHAIN_ID = 'synth-1';
const T0: Timestamp = { seconds: 1_700_000_000n, nanos: 0 };
const VALIDATORS = testValidators(4);

function header(h: bigint, tag: string, signers: readonly TestValidator[] = VALIDATORS, extra: Partial<SignOptions> = {}, seconds = 20n): Header {
  const signed = signHeader(VALIDATORS, { chainId: CHAIN_ID, height: h, time: addSeconds(T0, seconds), appHash: new TextEncoder().encode(tag), signers, ...extra });
  return { signedHeader: signed, validatorSet: validatorSetOf(VALIDATORS), trustedHeight: { revisionNumber: 1n, revisionHeight: 10n }, trustedValidators: validatorSetOf(VALIDATORS) };
}

const misbehaviour = (header1: Header, header2: Header): Misbehaviour => ({ clientId: CLIENT_ID, header1, header2 });

describe('07-tendermint fork signers', () => {
  it('names the validators whose precommits for both blocks verify, in byte order', () => {
    const fork = provenFork(misbehaviour(header(12n, 'a', VALIDATORS.slice(0, 3)), header(12n, 'b', VALIDATORS.slice(1, 4))));
    assert.deepEqual(fork.height, { revisionNumber: 1n, revisionHeight: 12n });
    assert.deepEqual(fork.doubleSigners, [VALIDATORS[1]!.address, VALIDATORS[2]!.address].sort(Buffer.compare));
  });

  it('does not name a validator whose COMMIT line past the needed power carries a bad signature', () => {
    const framed = header(12n, 'b', VALIDATORS.slice(0, 3));
    const innocent = VALIDATORS[3]!;
    framed.signedHeader!.commit!.signatures[3] = { blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT, validatorAddress: innocent.address, timestamp: addSeconds(T0, 20n), signature: new Uint8Array(64).fill(7) };
    const fork = provenFork(misbehaviour(header(12n, 'a'), framed));
    assert.deepEqual(fork.doubleSigners, VALIDATORS.slice(0, 3).map((v) => v.address).sort(Buffer.compare));
  });

  it('refuses a BFT time violation, one block twice, and commits in different rounds', () => {
    assertCodedError(() => provenFork(misbehaviour(header(13n, 'a', VALIDATORS, {}, 20n), header(12n, 'b', VALIDATORS, {}, 30n))), ErrInvalidMisbehaviour, /not a fork: the headers are at heights 1-13 and 1-12; a BFT time violation names no double signers/);
    const same = header(12n, 'a');
    assertCodedError(() => provenFork(misbehaviour(same, same)), ErrInvalidMisbehaviour, /not a fork: both headers commit block [0-9A-F]{64}/);
    assertCodedError(() => provenFork(misbehaviour(header(12n, 'a'), header(12n, 'b', VALIDATORS, { round: 1 }))), ErrInvalidMisbehaviour, /the commits are in rounds 0 and 1: an amnesia attack names no provable double signers/);
  });
});
