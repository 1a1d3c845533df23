// Proofs of a counterparty's state through the client: real ICS-23 proofs from zonekit's
// store, checked against the consensus state's root with the client's specs, after the
// connection's delay period.
import { after, before, describe, it } from 'node:test';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import { scratchStores } from '../../../app/store/testing.js';
import type { CommitMultiStore } from '../../../app/store/index.js';
import { ErrConsensusStateNotFound, ErrInvalidHeight } from '../../core/02-client/errors.js';
import { ErrInvalidMerkleProof, ErrInvalidProof } from '../../core/23-commitment/errors.js';
import { applyPrefix } from '../../core/23-commitment/merkle-path.js';
import { convertProofs } from '../../core/23-commitment/utils.js';
import { packClientState, packConsensusState } from './codec.js';
import { ErrDelayPeriodNotPassed, ErrProcessedHeightNotFound, ErrProcessedTimeNotFound } from './errors.js';
import { tendermintLightClient as client } from './light-client.js';
import { processedHeightKey, processedTimeKey } from './store.js';
import { addSeconds, assertCodedError, clientFixture, nanosToTimestamp, tmClientState } from './testing.js';

const enc = new TextEncoder();
const PREFIX = enc.encode('ibc');
const PATH = 'channelEnds/ports/transfer/channels/channel-0';
const ABSENT = 'receipts/ports/transfer/channels/channel-0/sequences/1';
const VALUE = enc.encode('an encoded channel end');
const CREATED: Timestamp = { seconds: 1_700_000_000n, nanos: 0 };
const CREATED_AT_HEIGHT = 42n;
const height = (h: bigint) => ({ revisionNumber: 3n, revisionHeight: h });

describe('07-tendermint membership proofs', () => {
  const stores = scratchStores(['bank', 'ibc']);
  let ms: CommitMultiStore;
  let proof: Uint8Array;
  let absence: Uint8Array;
  let appHash: Uint8Array;

  before(async () => {
    ms = stores.open();
    const branch = ms.branch();
    for (let i = 0; i < 100; i++) branch.getStore('ibc').set(enc.encode(`commitments/ports/transfer/channels/channel-0/sequences/${i + 2}`), enc.encode(`${i}`));
    branch.getStore('ibc').set(enc.encode(PATH), VALUE);
    branch.write();
    appHash = (await ms.commit()).hash;
    proof = convertProofs(ms.query('ibc', enc.encode(PATH), 1, true).proofOps!);
    absence = convertProofs(ms.query('ibc', enc.encode(ABSENT), 1, true).proofOps!);
  });
  after(async () => {
    await ms.close();
    stores.removeAll();
  });

  /** A client of chain `zone-3` whose consensus state at 3-20 has our store's app hash as its root. */
  function setup(proofSpecs?: ReturnType<typeof tmClientState>['proofSpecs']) {
    const fx = clientFixture();
    const ctx = fx.ctx(CREATED, CREATED_AT_HEIGHT);
    const store = fx.store(ctx);
    const cs = tmClientState({ chainId: 'zone-3', latestHeight: height(20n) });
    const consensusState = { timestamp: addSeconds(CREATED, -5n), root: { hash: appHash }, nextValidatorsHash: new Uint8Array(32) };
    client.initialize(ctx, store, packClientState(proofSpecs ? { ...cs, proofSpecs } : cs), packConsensusState(consensusState));
    return { fx, ctx, store };
  }

  it('verifies a value and an absence at the consensus state’s root', () => {
    const { ctx, store } = setup();
    client.verifyMembership(ctx, store, height(20n), 0n, 0n, proof, applyPrefix(PREFIX, PATH), VALUE);
    client.verifyNonMembership(ctx, store, height(20n), 0n, 0n, absence, applyPrefix(PREFIX, ABSENT));
  });

  it('refuses a wrong value, a wrong path and the wrong kind of proof', () => {
    const { ctx, store } = setup();
    assertCodedError(() => client.verifyMembership(ctx, store, height(20n), 0n, 0n, proof, applyPrefix(PREFIX, PATH), enc.encode('another')), ErrInvalidProof, /failed to verify membership/);
    assertCodedError(() => client.verifyMembership(ctx, store, height(20n), 0n, 0n, proof, applyPrefix(PREFIX, `${PATH}x`), VALUE), ErrInvalidProof, /proves key/);
    assertCodedError(() => client.verifyNonMembership(ctx, store, height(20n), 0n, 0n, proof, applyPrefix(PREFIX, PATH)), ErrInvalidProof, /got ExistenceProof/);
  });

  it('verifies with the client’s own proof specs', () => {
    const { ctx, store } = setup(tmClientState({ chainId: 'zone-3', latestHeight: height(20n) }).proofSpecs.slice(0, 1));
    assertCodedError(() => client.verifyMembership(ctx, store, height(20n), 0n, 0n, proof, applyPrefix(PREFIX, PATH), VALUE), ErrInvalidMerkleProof, /length of specs: 1 not equal to length of proof: 2/);
  });

  it('refuses proof heights above the latest height or without a consensus state', () => {
    const { ctx, store } = setup();
    assertCodedError(() => client.verifyMembership(ctx, store, height(21n), 0n, 0n, proof, applyPrefix(PREFIX, PATH), VALUE), ErrInvalidHeight, /client state height < proof height \(3-20 < 3-21\)/);
    assertCodedError(() => client.verifyMembership(ctx, store, height(19n), 0n, 0n, proof, applyPrefix(PREFIX, PATH), VALUE), ErrConsensusStateNotFound, /please ensure the proof was constructed against a height that exists/);
  });

  it('waits out the delay time period, inclusively', () => {
    const { fx, store } = setup();
    const delay = 10_000_000_000n;
    const created = CREATED.seconds * 1_000_000_000n;
    const early = fx.ctx(nanosToTimestamp(created + delay - 1n));
    assertCodedError(() => client.verifyMembership(early, store, height(20n), delay, 0n, proof, applyPrefix(PREFIX, PATH), VALUE), ErrDelayPeriodNotPassed, new RegExp(`cannot verify packet until time: ${created + delay}`));
    client.verifyMembership(fx.ctx(nanosToTimestamp(created + delay)), store, height(20n), delay, 0n, proof, applyPrefix(PREFIX, PATH), VALUE);
  });

  it('waits out the delay block period, inclusively', () => {
    const { fx, store } = setup();
    const early = fx.ctx(CREATED, CREATED_AT_HEIGHT + 4n);
    assertCodedError(() => client.verifyNonMembership(early, store, height(20n), 0n, 5n, absence, applyPrefix(PREFIX, ABSENT)), ErrDelayPeriodNotPassed, /cannot verify packet until height: 1-47, current height: 1-46/);
    client.verifyNonMembership(fx.ctx(CREATED, CREATED_AT_HEIGHT + 5n), store, height(20n), 0n, 5n, absence, applyPrefix(PREFIX, ABSENT));
  });

  it('needs the processed time and height to check a delay', () => {
    const { ctx, store } = setup();
    store.delete(processedTimeKey(height(20n)));
    store.delete(processedHeightKey(height(20n)));
    assertCodedError(() => client.verifyMembership(ctx, store, height(20n), 1n, 0n, proof, applyPrefix(PREFIX, PATH), VALUE), ErrProcessedTimeNotFound, /processed time not found for height: 3-20/);
    assertCodedError(() => client.verifyMembership(ctx, store, height(20n), 0n, 1n, proof, applyPrefix(PREFIX, PATH), VALUE), ErrProcessedHeightNotFound, /processed height not found for height: 3-20/);
  });
});
