// Creating a client (ibc-go's ClientState.Validate and ConsensusState.ValidateBasic), the
// store layout byte for byte, status, and pruning of expired consensus states.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toHex } from '@cosmjs/encoding';
import { Any } from 'cosmjs-types/google/protobuf/any';
import type { ClientState, ConsensusState } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { Context } from '../../../app/context.js';
import type { CodedError } from '../../../app/errors.js';
import { ErrClientNotFound, ErrConsensusStateNotFound, ErrInvalidClient, ErrInvalidClientType, ErrInvalidConsensus } from '../../core/02-client/errors.js';
import { packClientState, packConsensusState, packHeader } from './codec.js';
import { ErrInvalidChainID, ErrInvalidHeaderHeight, ErrInvalidMaxClockDrift, ErrInvalidProofSpecs, ErrInvalidTrustingPeriod, ErrInvalidUnbondingPeriod } from './errors.js';
import { tendermintLightClient as client } from './light-client.js';
import { consensusStateHeights, getConsensusState, iterationKey } from './store.js';
import {
  addSeconds,
  assertCodedError,
  clientFixture,
  createClientArgs,
  signHeader,
  testValidators,
  tmClientState,
  updateClient,
  validatorSetOf,
} from './testing.js';

const CHAIN_ID = 'synth-7';
const T0 = { seconds: 1_700_000_000n, nanos: 500 };
const VALIDATORS = testValidators(4);
const height = (h: bigint) => ({ revisionNumber: 7n, revisionHeight: h });
const signed = (h: bigint, seconds: bigint) => signHeader(VALIDATORS, { chainId: CHAIN_ID, height: h, time: addSeconds(T0, seconds) });
const validCs = () => tmClientState({ chainId: CHAIN_ID, latestHeight: height(10n) });
const validCons = (): ConsensusState => ({ timestamp: T0, root: { hash: new Uint8Array(32).fill(1) }, nextValidatorsHash: new Uint8Array(32).fill(2) });
const enc = new TextEncoder();
const dec = new TextDecoder();

function initialize(cs: ClientState, cons: ConsensusState | Any, time = addSeconds(T0, 5n)) {
  const fx = clientFixture();
  const ctx = fx.ctx(time, 42n);
  const store = fx.store(ctx);
  const consensusState = 'typeUrl' in cons ? cons : packConsensusState(cons);
  client.initialize(ctx, store, packClientState(cs), consensusState);
  return { fx, ctx, store };
}

function refuses(cs: ClientState, cons: ConsensusState | Any, root: CodedError, pattern: RegExp) {
  const fx = clientFixture();
  const ctx = fx.ctx(T0);
  const store = fx.store(ctx);
  const consensusState = 'typeUrl' in cons ? cons : packConsensusState(cons);
  assertCodedError(() => client.initialize(ctx, store, packClientState(cs), consensusState), root, pattern);
  assert.equal([...store.iterator()].length, 0, 'nothing written');
}

describe('07-tendermint client creation and store', () => {
  it('stores the client state, consensus state and metadata under ibc-go’s keys', () => {
    const { ctx, store } = initialize(validCs(), validCons());
    const keys = [...store.iterator()].map(([k]) => k);
    assert.deepEqual(keys.slice(0, 4).map((k) => dec.decode(k)), ['clientState', 'consensusStates/7-10', 'consensusStates/7-10/processedHeight', 'consensusStates/7-10/processedTime']);
    assert.equal(toHex(keys[4]!), toHex(enc.encode('iterateConsensusStates')) + '0000000000000007' + '000000000000000a');
    assert.equal(keys.length, 5);
    assert.equal(dec.decode(store.get(enc.encode('consensusStates/7-10/processedHeight'))!), '1-42', 'this chain (host-1) is at revision 1, height 42');
    assert.equal(toHex(store.get(enc.encode('consensusStates/7-10/processedTime'))!), (1_700_000_005n * 1_000_000_000n + 500n).toString(16).padStart(16, '0'));
    assert.equal(toHex(store.get(iterationKey(height(10n)))!), toHex(enc.encode('consensusStates/7-10')));
    const any = Any.decode(store.get(enc.encode('clientState'))!);
    assert.equal(any.typeUrl, '/ibc.lightclients.tendermint.v1.ClientState');
    assert.deepEqual(client.clientState(store), any);
    assert.equal(client.consensusState(store, height(10n))!.typeUrl, '/ibc.lightclients.tendermint.v1.ConsensusState');
    assert.deepEqual(client.latestHeight(store), height(10n));
    assert.equal(client.timestampAtHeight(ctx, store, height(10n)), 1_700_000_000n * 1_000_000_000n + 500n);
    assertCodedError(() => client.timestampAtHeight(ctx, store, height(11n)), ErrConsensusStateNotFound, /height \(7-11\)/);
    assert.equal(client.isClientState(packClientState(validCs())), true);
    assert.equal(client.isClientState(packConsensusState(validCons())), false);
  });

  it('refuses invalid client states as ibc-go’s Validate does, writing nothing', () => {
    const cs = validCs();
    refuses({ ...cs, chainId: ' ' }, validCons(), ErrInvalidChainID, /chain id cannot be empty string/);
    refuses({ ...cs, chainId: `${'x'.repeat(49)}-7` }, validCons(), ErrInvalidChainID, /chainID is too long; got: 51, max: 50/);
    refuses({ ...cs, trustLevel: { numerator: 1n, denominator: 4n } }, validCons(), ErrInvalidClient, /trustLevel must be within \[1\/3, 1\], given 1\/4/);
    refuses({ ...cs, trustLevel: { numerator: 0n, denominator: 0n } }, validCons(), ErrInvalidClient, /trustLevel must be within/);
    refuses({ ...cs, trustingPeriod: { seconds: 0n, nanos: 0 } }, validCons(), ErrInvalidTrustingPeriod, /trusting period must be greater than zero/);
    refuses({ ...cs, unbondingPeriod: { seconds: 0n, nanos: 0 } }, validCons(), ErrInvalidUnbondingPeriod, /unbonding period must be greater than zero/);
    refuses({ ...cs, maxClockDrift: { seconds: 0n, nanos: 0 } }, validCons(), ErrInvalidMaxClockDrift, /max clock drift must be greater than zero/);
    refuses({ ...cs, latestHeight: { revisionNumber: 0n, revisionHeight: 10n } }, validCons(), ErrInvalidHeaderHeight, /latest height revision number must match chain id revision number \(0 != 7\)/);
    refuses({ ...cs, latestHeight: height(0n) }, validCons(), ErrInvalidHeaderHeight, /latest height revision height cannot be zero/);
    refuses({ ...cs, trustingPeriod: cs.unbondingPeriod }, validCons(), ErrInvalidTrustingPeriod, /should be < unbonding period/);
    refuses({ ...cs, proofSpecs: [] }, validCons(), ErrInvalidProofSpecs, /proof specs cannot be nil/);
    refuses({ ...cs, upgradePath: ['upgrade', ''] }, validCons(), ErrInvalidClient, /key in upgrade path at index 1 cannot be empty/);
  });

  it('refuses invalid consensus states as ibc-go’s ValidateBasic does, writing nothing', () => {
    const cs = validCs();
    refuses(cs, { ...validCons(), root: { hash: new Uint8Array() } }, ErrInvalidConsensus, /root cannot be empty/);
    refuses(cs, { ...validCons(), nextValidatorsHash: new Uint8Array(31) }, ErrInvalidConsensus, /next validators hash is invalid: expected size to be 32 bytes, got 31 bytes/);
    refuses(cs, { ...validCons(), timestamp: { seconds: 0n, nanos: 5 } }, ErrInvalidConsensus, /timestamp must be a positive Unix time/);
    refuses(cs, packClientState(cs), ErrInvalidConsensus, /invalid initial consensus state/);
    refuses(cs, { typeUrl: '/ibc.lightclients.tendermint.v1.ConsensusState', value: Uint8Array.of(0x0a, 0x09, 1) }, ErrInvalidConsensus, /cannot decode consensus state/);
  });

  it('refuses client messages of other types and calls on an empty store', () => {
    const { ctx, store } = initialize(validCs(), validCons());
    assertCodedError(() => client.verifyClientMessage(ctx, store, packClientState(validCs())), ErrInvalidClientType, /expected \/ibc.lightclients.tendermint.v1.Header or/);
    const empty = clientFixture();
    const emptyCtx = empty.ctx(T0);
    assert.equal(client.status(emptyCtx, empty.store(emptyCtx)), 'Unknown');
    assert.deepEqual(client.latestHeight(empty.store(emptyCtx)), { revisionNumber: 0n, revisionHeight: 0n });
    const header = { signedHeader: signed(11n, 10n), validatorSet: validatorSetOf(VALIDATORS), trustedHeight: height(10n), trustedValidators: validatorSetOf(VALIDATORS) };
    assertCodedError(() => client.verifyClientMessage(emptyCtx, empty.store(emptyCtx), packHeader(header)), ErrClientNotFound, /no 07-tendermint client state/);
  });

  it('is Expired when the latest consensus state is missing or older than the trusting period', () => {
    const cs = tmClientState({ chainId: CHAIN_ID, latestHeight: height(10n), trustingPeriodSeconds: 100n, unbondingPeriodSeconds: 200n });
    const { fx, store } = initialize(cs, validCons());
    assert.equal(client.status(fx.ctx(addSeconds(T0, 99n)), store), 'Active');
    assert.equal(client.status(fx.ctx(addSeconds(T0, 100n)), store), 'Expired');
    const missing = initialize({ ...cs, latestHeight: height(11n) }, validCons());
    missing.store.delete(enc.encode('consensusStates/7-11'));
    assert.equal(client.status(missing.ctx, missing.store), 'Expired');
  });

  it('prunes the oldest consensus state, with its metadata, once it has expired', () => {
    const cs = tmClientState({ chainId: CHAIN_ID, latestHeight: height(10n), trustingPeriodSeconds: 100n, unbondingPeriodSeconds: 200n });
    const { fx, store } = initialize(cs, createClientArgs(cs, signed(10n, 0n).header!).consensusState);
    const header = (h: bigint, seconds: bigint, trusted: bigint) => packHeader({ signedHeader: signed(h, seconds), validatorSet: validatorSetOf(VALIDATORS), trustedHeight: height(trusted), trustedValidators: validatorSetOf(VALIDATORS) });
    updateClient(fx.ctx(addSeconds(T0, 20n)), store, header(11n, 10n, 10n));
    // In CheckTx nothing is pruned (ibc-go skips it there for speed).
    const check = fx.ctx(addSeconds(T0, 105n));
    const checkTx = new Context(check.store, check.header, check.gasMeter, check.events, 'check');
    updateClient(checkTx, store, header(12n, 30n, 11n));
    assert.deepEqual([...consensusStateHeights(store)].map((h) => h.revisionHeight), [10n, 11n, 12n]);
    updateClient(fx.ctx(addSeconds(T0, 105n)), store, header(13n, 40n, 11n));
    assert.deepEqual([...consensusStateHeights(store)].map((h) => h.revisionHeight), [11n, 12n, 13n]);
    assert.equal(getConsensusState(store, height(10n)), undefined);
    assert.deepEqual([...store.iterator()].map(([k]) => dec.decode(k)).filter((k) => k.includes('7-10')), []);
  });
});
