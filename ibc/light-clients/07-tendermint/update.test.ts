// Client updates with real CometBFT headers and commits from a 4-validator network whose
// validator set changes by half its power (testdata/network.json).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toHex } from '@cosmjs/encoding';
import type { Header } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { ErrConsensusStateNotFound, ErrInvalidHeader } from '../../core/02-client/errors.js';
import type { ClientState } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { packHeader } from './codec.js';
import { consensusStateFromHeader } from './consensus-state.js';
import { ErrInvalidHeaderHeight, ErrInvalidValidatorSet, ErrTrustingPeriodExpired } from './errors.js';
import { tendermintLightClient as client } from './light-client.js';
import { consensusStateHeights, getClientState, getConsensusState, getProcessedHeight, getProcessedTime } from './store.js';
import { timestampNanos } from './time.js';
import {
  addSeconds,
  assertCodedError,
  clientFixture,
  createClientArgs,
  nanosToTimestamp,
  recordedNetwork,
  tmClientState,
  updateClient,
  type ClientStateOptions,
} from './testing.js';

const net = recordedNetwork();
const FIRST = net.heights[0]!;
const LAST = net.heights[net.heights.length - 1]!;
const TRUSTING_SECONDS = 14n * 86_400n;
/** A minute after the last recorded block: every recorded header is in the past. */
const NOW = addSeconds(net.signedHeader(LAST).header!.time, 60n);

/** A client of the recorded chain trusting its first recorded header, and a way to submit headers. */
function setup(options: Partial<ClientStateOptions> = {}, trustedHeight = FIRST) {
  const fx = clientFixture();
  const ctx = fx.ctx(NOW);
  const store = fx.store(ctx);
  const cs = tmClientState({ chainId: net.chainId, latestHeight: net.height(trustedHeight), ...options });
  const args = createClientArgs(cs, net.signedHeader(trustedHeight).header!);
  client.initialize(ctx, store, args.clientState, args.consensusState);
  return { fx, ctx, store, submit: (header: Header, at = ctx) => updateClient(at, fx.store(at), packHeader(header)) };
}

function corruptSignature(header: Header, index: number): Header {
  const commit = header.signedHeader!.commit!;
  const signatures = commit.signatures.map((s, i) => {
    if (i !== index) return s;
    const signature = Uint8Array.from(s.signature);
    signature[10]! ^= 0x01;
    return { ...s, signature };
  });
  return { ...header, signedHeader: { ...header.signedHeader!, commit: { ...commit, signatures } } };
}

describe('07-tendermint updates with recorded CometBFT headers', () => {
  it('accepts an adjacent header and stores its consensus state and metadata', () => {
    const { ctx, store, submit } = setup();
    const h = FIRST + 1n;
    assert.deepEqual(submit(net.header(h, FIRST)), [net.height(h)]);
    const stored = getConsensusState(store, net.height(h))!;
    assert.deepEqual(stored, consensusStateFromHeader(net.signedHeader(h).header!));
    assert.deepEqual(getClientState(store)!.latestHeight, net.height(h));
    assert.equal(getProcessedTime(store, net.height(h)), timestampNanos(ctx.header.time));
    assert.deepEqual(getProcessedHeight(store, net.height(h)), { revisionNumber: 1n, revisionHeight: 100n });
    assert.equal(client.status(ctx, store), 'Active');
  });

  it('follows every recorded header one by one, through the validator set change', () => {
    const { store, submit } = setup();
    for (let h = FIRST + 1n; h <= LAST; h++) submit(net.header(h, h - 1n));
    assert.deepEqual(getClientState(store)!.latestHeight, net.height(LAST));
    // Iteration keys order heights numerically, where ICS-24 keys would put 1-10 before 1-2.
    assert.deepEqual([...consensusStateHeights(store)].map((h) => h.revisionHeight), net.heights);
  });

  it('skips across the validator set change when more than 1/3 of the trusted power signed', () => {
    const { store, submit } = setup();
    const target = net.changeHeight + 3n;
    const trustedVals = net.validatorSet(FIRST + 1n);
    const newVals = net.validatorSet(target);
    assert.notEqual(toHex(trustedVals.validators[0]!.address), toHex(newVals.validators[0]!.address), 'the sets differ');
    assert.deepEqual(submit(net.header(target, FIRST)), [net.height(target)]);
    assert.deepEqual(getClientState(store)!.latestHeight, net.height(target));
    // A header between the two, verified later, fills the gap without lowering the latest height.
    assert.deepEqual(submit(net.header(FIRST + 3n, FIRST)), [net.height(FIRST + 3n)]);
    assert.deepEqual(getClientState(store)!.latestHeight, net.height(target));
  });

  it('refuses the same skip when the trust level asks for 2/3 of the trusted power', () => {
    const { submit } = setup({ trustLevel: { numerator: 2n, denominator: 3n } });
    assertCodedError(() => submit(net.header(net.changeHeight + 3n, FIRST)), ErrInvalidHeader, /cant trust new val set: invalid commit -- insufficient voting power: got 2, needed more than 2/);
    // Before the change every trusted validator signs, so 2/3 is met.
    assert.deepEqual(submit(net.header(net.changeHeight - 1n, FIRST)), [net.height(net.changeHeight - 1n)]);
  });

  it('refuses a header once the trusted consensus state is older than the trusting period', () => {
    const fx = setup();
    const expiry = addSeconds(net.signedHeader(FIRST).header!.time, TRUSTING_SECONDS);
    const late = fx.fx.ctx(expiry);
    assert.equal(client.status(late, fx.fx.store(late)), 'Expired');
    assertCodedError(() => fx.submit(net.header(FIRST + 1n, FIRST), late), ErrTrustingPeriodExpired, /failed to verify header: old header has expired at/);
    const justBefore = fx.fx.ctx(nanosToTimestamp(timestampNanos(expiry) - 1n));
    assert.equal(client.status(justBefore, fx.fx.store(justBefore)), 'Active');
  });

  it('refuses a commit with a corrupted signature, adjacent or skipping', () => {
    const { submit } = setup();
    assertCodedError(() => submit(corruptSignature(net.header(FIRST + 1n, FIRST), 0)), ErrInvalidHeader, /invalid header: wrong signature \(#0\)/);
    assertCodedError(() => submit(corruptSignature(net.header(net.changeHeight + 3n, FIRST), 2)), ErrInvalidHeader, /wrong signature \(#2\)/);
    // A signature past the +2/3 the client needs is not checked, as in CometBFT's light client.
    assert.deepEqual(submit(corruptSignature(net.header(FIRST + 1n, FIRST), 3)), [net.height(FIRST + 1n)]);
  });

  it("refuses headers of another chain than the client's", () => {
    const { submit } = setup({ chainId: 'other-chain-1' });
    assertCodedError(() => submit(net.header(FIRST + 1n, FIRST)), ErrInvalidHeader, /header belongs to another chain "zonekit-lc-1", not "other-chain-1"/);
  });

  it('refuses a header whose time is beyond now plus the max clock drift', () => {
    const fx = setup({ maxClockDriftSeconds: 5n });
    const headerTime = net.signedHeader(FIRST + 1n).header!.time;
    const early = fx.fx.ctx(addSeconds(headerTime, -5n));
    assertCodedError(() => fx.submit(net.header(FIRST + 1n, FIRST), early), ErrInvalidHeader, /new header has a time from the future/);
    const inTime = fx.fx.ctx(nanosToTimestamp(timestampNanos(headerTime) - 5_000_000_000n + 1n));
    assert.deepEqual(fx.submit(net.header(FIRST + 1n, FIRST), inTime), [net.height(FIRST + 1n)]);
  });

  it('refuses trusted validators that are not the trusted state’s next validators', () => {
    const { submit } = setup();
    const header = net.header(net.changeHeight + 3n, FIRST, net.changeHeight + 3n);
    assertCodedError(() => submit(header), ErrInvalidValidatorSet, /trusted validators do not hash to latest trusted validators/);
  });

  it('refuses a header trusting a height the client does not have', () => {
    const { submit } = setup();
    assertCodedError(() => submit(net.header(FIRST + 3n, FIRST + 1n)), ErrConsensusStateNotFound, new RegExp(`TrustedHeight: 1-${FIRST + 1n}: `));
  });

  it('refuses a header whose contents no longer match the signed block hash', () => {
    const { submit } = setup();
    const header = net.header(FIRST + 1n, FIRST);
    const tampered: Header = { ...header, signedHeader: { ...header.signedHeader!, header: { ...header.signedHeader!.header!, appHash: new Uint8Array(32).fill(7) } } };
    assertCodedError(() => submit(tampered), ErrInvalidHeader, /header failed basic validation: commit signs block [0-9A-F]+, header is block/);
  });

  it('refuses a trusted height at or above the header height', () => {
    const { submit } = setup();
    assertCodedError(() => submit(net.header(FIRST + 1n, FIRST + 1n, FIRST + 2n)), ErrInvalidHeaderHeight, new RegExp(`TrustedHeight 1-${FIRST + 1n} must be less than header height 1-${FIRST + 1n}`));
  });

  it('treats a header it already has as a no-op', () => {
    const { ctx, store, submit } = setup();
    submit(net.header(FIRST + 1n, FIRST));
    const before = getClientState(store);
    assert.equal(client.checkForMisbehaviour(ctx, store, packHeader(net.header(FIRST + 1n, FIRST))), false);
    assert.deepEqual(submit(net.header(FIRST + 1n, FIRST), ctx), [net.height(FIRST + 1n)]);
    assert.deepEqual(getClientState(store), before);
  });

  it('writes nothing when an update fails', () => {
    const { store, submit } = setup();
    const snapshot = () => [...store.iterator()].map(([k, v]) => `${toHex(k)}=${toHex(v)}`);
    const before = snapshot();
    assert.throws(() => submit(corruptSignature(net.header(FIRST + 1n, FIRST), 0)));
    assert.deepEqual(snapshot(), before);
    const cs: ClientState = getClientState(store)!;
    assert.deepEqual(cs.latestHeight, net.height(FIRST));
  });
});
