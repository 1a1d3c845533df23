// Misbehaviour freezes the client: conflicting headers signed by the same validators (real
// networks do not double-sign, so these validators' keys are generated here), a BFT time
// violation, and a real recorded header that conflicts with a stored consensus state.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import type { Header, Misbehaviour } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import type { SignedHeader } from 'cosmjs-types/tendermint/types/types';
import { ErrInvalidMisbehaviour } from '../../core/02-client/errors.js';
import { FROZEN_HEIGHT } from './client-state.js';
import { packHeader, packMisbehaviour } from './codec.js';
import { ErrTrustingPeriodExpired } from './errors.js';
import { tendermintLightClient as client } from './light-client.js';
import { getClientState, setConsensusMetadataWithValues, setConsensusState } from './store.js';
import {
  addSeconds,
  assertCodedError,
  CLIENT_ID,
  clientFixture,
  createClientArgs,
  recordedNetwork,
  signHeader,
  testValidators,
  tmClientState,
  updateClient,
  validatorSetOf,
  type TestValidator,
} from './testing.js';

const CHAIN_ID = 'synth-1';
const T0: Timestamp = { seconds: 1_700_000_000n, nanos: 0 };
const VALIDATORS = testValidators(4);
const NOW = addSeconds(T0, 1_000n);
const height = (h: bigint) => ({ revisionNumber: 1n, revisionHeight: h });

function ibcHeader(signed: SignedHeader, trustedHeight: bigint, signers: readonly TestValidator[] = VALIDATORS): Header {
  return { signedHeader: signed, validatorSet: validatorSetOf(signers), trustedHeight: height(trustedHeight), trustedValidators: validatorSetOf(VALIDATORS) };
}

const at = (h: bigint, seconds: bigint, appTag = 'a', signers: readonly TestValidator[] = VALIDATORS) =>
  signHeader(signers, { chainId: CHAIN_ID, height: h, time: addSeconds(T0, seconds), appHash: new TextEncoder().encode(`app-${h}-${appTag}`) });

/** A client of the synthetic chain trusting its header at height 10 (time T0). */
function setup(trustingPeriodSeconds = 14n * 86_400n) {
  const fx = clientFixture();
  const ctx = fx.ctx(NOW);
  const store = fx.store(ctx);
  const cs = tmClientState({ chainId: CHAIN_ID, latestHeight: height(10n), trustingPeriodSeconds, unbondingPeriodSeconds: trustingPeriodSeconds * 2n });
  const args = createClientArgs(cs, at(10n, 0n).header!);
  client.initialize(ctx, store, args.clientState, args.consensusState);
  return { fx, ctx, store };
}

const misbehaviour = (header1: Header, header2: Header): Misbehaviour => ({ clientId: CLIENT_ID, header1, header2 });

describe('07-tendermint misbehaviour', () => {
  it('freezes the client on two signed headers at one height', () => {
    const { ctx, store } = setup();
    const result = updateClient(ctx, store, packMisbehaviour(misbehaviour(ibcHeader(at(12n, 20n, 'a'), 10n), ibcHeader(at(12n, 20n, 'b'), 10n))));
    assert.equal(result, 'frozen');
    assert.deepEqual(getClientState(store)!.frozenHeight, FROZEN_HEIGHT);
    assert.equal(client.status(ctx, store), 'Frozen');
  });

  it('freezes the client on a BFT time violation: a higher header with an earlier time', () => {
    const { ctx, store } = setup();
    assert.equal(updateClient(ctx, store, packMisbehaviour(misbehaviour(ibcHeader(at(13n, 20n), 10n), ibcHeader(at(12n, 30n), 10n)))), 'frozen');
    assert.equal(client.status(ctx, store), 'Frozen');
  });

  it('does nothing with two copies of one header, or headers in order', () => {
    const { ctx, store } = setup();
    const header = ibcHeader(at(12n, 20n), 10n);
    assert.deepEqual(updateClient(ctx, store, packMisbehaviour(misbehaviour(header, header))), []);
    assert.deepEqual(updateClient(ctx, store, packMisbehaviour(misbehaviour(ibcHeader(at(13n, 30n), 10n), header))), []);
    assert.equal(client.status(ctx, store), 'Active');
  });

  it('refuses misbehaviour with Header1 below Header2', () => {
    const { ctx, store } = setup();
    assertCodedError(() => updateClient(ctx, store, packMisbehaviour(misbehaviour(ibcHeader(at(12n, 20n), 10n), ibcHeader(at(13n, 30n), 10n)))), ErrInvalidMisbehaviour, /Header1 height is less than Header2 height \(1-12 < 1-13\)/);
  });

  it('refuses a header its own validators did not sign', () => {
    const { ctx, store } = setup();
    const forged = at(12n, 20n, 'b');
    forged.commit!.signatures[0] = { ...forged.commit!.signatures[0]!, signature: new Uint8Array(64).fill(1) };
    assertCodedError(() => updateClient(ctx, store, packMisbehaviour(misbehaviour(ibcHeader(at(12n, 20n), 10n), ibcHeader(forged, 10n)))), ErrInvalidMisbehaviour, /validator set did not commit to header/);
  });

  it('refuses a conflicting header signed by validators the client never trusted', () => {
    const { ctx, store } = setup();
    const strangers = testValidators(4, 'strangers');
    const fake = ibcHeader(at(12n, 20n, 'b', strangers), 10n, strangers);
    assertCodedError(
      () => updateClient(ctx, store, packMisbehaviour(misbehaviour(ibcHeader(at(12n, 20n), 10n), fake))),
      ErrInvalidMisbehaviour,
      /verifying Header2 in Misbehaviour failed: validator set in header has too much change from trusted validator set: invalid commit -- insufficient voting power: got 0, needed more than 13/,
    );
  });

  it('refuses misbehaviour against an expired trusted state', () => {
    const { fx, store } = setup(100n);
    const late = fx.ctx(addSeconds(T0, 100n));
    assertCodedError(() => updateClient(late, store, packMisbehaviour(misbehaviour(ibcHeader(at(12n, 20n, 'a'), 10n), ibcHeader(at(12n, 20n, 'b'), 10n)))), ErrTrustingPeriodExpired, /verifying Header1 in Misbehaviour failed/);
  });

  it('freezes on a MsgUpdateClient header that conflicts with a stored consensus state', () => {
    const { ctx, store } = setup();
    assert.deepEqual(updateClient(ctx, store, packHeader(ibcHeader(at(12n, 20n, 'a'), 10n))), [height(12n)]);
    assert.equal(updateClient(ctx, store, packHeader(ibcHeader(at(12n, 20n, 'b'), 10n))), 'frozen');
    assert.equal(client.status(ctx, store), 'Frozen');
  });

  it('freezes on a header whose time does not fall between its stored neighbours', () => {
    const { ctx, store } = setup();
    updateClient(ctx, store, packHeader(ibcHeader(at(14n, 40n), 10n)));
    assert.deepEqual(updateClient(ctx, store, packHeader(ibcHeader(at(12n, 20n), 10n))), [height(12n)], 'in order: stored');
    assert.equal(updateClient(ctx, store, packHeader(ibcHeader(at(13n, 50n), 10n))), 'frozen', 'later than the header above it');
  });

  it('freezes on a real recorded header that conflicts with the consensus state stored at its height', () => {
    const net = recordedNetwork();
    const first = net.heights[0]!;
    const fx = clientFixture();
    const ctx = fx.ctx(addSeconds(net.signedHeader(net.heights[net.heights.length - 1]!).header!.time, 60n));
    const store = fx.store(ctx);
    const args = createClientArgs(tmClientState({ chainId: net.chainId, latestHeight: net.height(first) }), net.signedHeader(first).header!);
    client.initialize(ctx, store, args.clientState, args.consensusState);
    // What a client fooled by a fork at first+2 would hold: the same block but another app hash.
    const target = first + 2n;
    const real = net.signedHeader(target).header!;
    setConsensusState(store, { timestamp: real.time, root: { hash: new Uint8Array(32).fill(0xfa) }, nextValidatorsHash: real.nextValidatorsHash }, net.height(target));
    setConsensusMetadataWithValues(store, net.height(target), { revisionNumber: 1n, revisionHeight: 99n }, 1n);
    assert.equal(updateClient(ctx, store, packHeader(net.header(target, first))), 'frozen');
    assert.equal(client.status(ctx, store), 'Frozen');
  });
});
