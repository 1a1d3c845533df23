// Test fixtures for the 07-tendermint client: the recorded CometBFT network (testdata/,
// made by scripts/record-light-client-testdata.ts) decoded from RPC JSON into protobufs,
// validators with generated ed25519 keys that sign synthetic headers, and a client store
// inside an in-memory Context. Not a test file itself (node --test skips this name).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromBase64, fromHex } from '@cosmjs/encoding';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import type { ClientState, Fraction, Header } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import { SignedMsgType, type BlockID, type Commit, type Header as CometHeader, type SignedHeader } from 'cosmjs-types/tendermint/types/types';
import { BlockIDFlag, type Validator, type ValidatorSet } from 'cosmjs-types/tendermint/types/validator';
import { voteSignBytes } from '../../../app/cometbft/canonical.js';
import { Context } from '../../../app/context.js';
import { CodedError } from '../../../app/errors.js';
import { EventManager } from '../../../app/events.js';
import { GasMeter, prefixStore, type KVStore, type MultiStore } from '../../../app/store/index.js';
import { sha256 } from '../../../app/store/hash.js';
import { memoryStore } from '../../../app/testing.js';
import { sdkProofSpecs } from '../../core/23-commitment/proof-specs.js';
import { packClientState, packConsensusState } from './codec.js';
import { consensusStateFromHeader } from './consensus-state.js';
import { headerHash, validatorSetHash } from './hash.js';
import { tendermintLightClient } from './light-client.js';

const SECOND = 1_000_000_000n;

// ---- the recorded network ----

interface RpcBlockId {
  hash: string;
  parts: { total: number; hash: string };
}

interface RpcCommit {
  signed_header: {
    header: Record<string, string> & { version: { block: string; app: string }; last_block_id: RpcBlockId };
    commit: {
      height: string;
      round: number;
      block_id: RpcBlockId;
      signatures: Array<{ block_id_flag: number; validator_address: string; timestamp: string; signature: string | null }>;
    };
  };
}

interface RpcValidators {
  block_height: string;
  validators: Array<{ address: string; pub_key: { type: string; value: string }; voting_power: string; proposer_priority: string }>;
}

interface Recording {
  chain_id: string;
  validator_set_change_height: number;
  commits: RpcCommit[];
  validators: RpcValidators[];
}

/** RFC 3339 with up to nanosecond fractions, as CometBFT's JSON writes times. */
export function parseRfc3339(text: string): Timestamp {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(text);
  if (match === null) throw new Error(`not an RFC 3339 UTC time: ${text}`);
  const ms = Date.parse(`${match[1]}Z`);
  return { seconds: BigInt(ms / 1000), nanos: Number((match[2] ?? '').padEnd(9, '0')) };
}

const hex = (text: string) => fromHex(text);

function blockId(json: RpcBlockId): BlockID {
  return { hash: hex(json.hash), partSetHeader: { total: json.parts.total, hash: hex(json.parts.hash) } };
}

/** A `/commit` RPC result as the SignedHeader protobuf a relayer puts in an IBC Header. */
export function signedHeaderFromRpc(json: RpcCommit): SignedHeader {
  const h = json.signed_header.header;
  const header: CometHeader = {
    version: { block: BigInt(h.version.block), app: BigInt(h.version.app) },
    chainId: h.chain_id!,
    height: BigInt(h.height!),
    time: parseRfc3339(h.time!),
    lastBlockId: blockId(h.last_block_id),
    lastCommitHash: hex(h.last_commit_hash!),
    dataHash: hex(h.data_hash!),
    validatorsHash: hex(h.validators_hash!),
    nextValidatorsHash: hex(h.next_validators_hash!),
    consensusHash: hex(h.consensus_hash!),
    appHash: hex(h.app_hash!),
    lastResultsHash: hex(h.last_results_hash!),
    evidenceHash: hex(h.evidence_hash!),
    proposerAddress: hex(h.proposer_address!),
  };
  const c = json.signed_header.commit;
  const commit: Commit = {
    height: BigInt(c.height),
    round: c.round,
    blockId: blockId(c.block_id),
    signatures: c.signatures.map((s) => ({
      blockIdFlag: s.block_id_flag,
      validatorAddress: hex(s.validator_address),
      timestamp: parseRfc3339(s.timestamp),
      signature: s.signature === null ? new Uint8Array() : fromBase64(s.signature),
    })),
  };
  return { header, commit };
}

/** A `/validators` RPC result as a ValidatorSet protobuf (the proposer is not hashed: the first will do). */
export function validatorSetFromRpc(json: RpcValidators): ValidatorSet {
  const validators: Validator[] = json.validators.map((v) => {
    if (v.pub_key.type !== 'tendermint/PubKeyEd25519') throw new Error(`unexpected key type ${v.pub_key.type}`);
    return { address: hex(v.address), pubKey: { ed25519: fromBase64(v.pub_key.value) }, votingPower: BigInt(v.voting_power), proposerPriority: BigInt(v.proposer_priority) };
  });
  return { validators, proposer: validators[0], totalVotingPower: validators.reduce((sum, v) => sum + v.votingPower, 0n) };
}

export interface RecordedNetwork {
  chainId: string;
  /** The first height signed by the changed validator set. */
  changeHeight: bigint;
  heights: bigint[];
  signedHeader(height: bigint): SignedHeader;
  validatorSet(height: bigint): ValidatorSet;
  /** The IBC Header at `height`, trusting the consensus state at `trustedHeight`. */
  header(height: bigint, trustedHeight: bigint, trustedValidatorsHeight?: bigint): Header;
  height(h: bigint): Height;
}

export function recordedNetwork(): RecordedNetwork {
  // The JSON stays beside the sources; compiled tests run from another folder, so find the
  // repository root (the nearest package.json) and read it from there.
  let root = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(root, 'package.json'))) root = dirname(root);
  const path = join(root, 'ibc', 'light-clients', '07-tendermint', 'testdata', 'network.json');
  const recording = JSON.parse(readFileSync(path, 'utf8')) as Recording;
  const commits = new Map(recording.commits.map((c) => [BigInt(c.signed_header.header.height!), c]));
  const validators = new Map(recording.validators.map((v) => [BigInt(v.block_height), v]));
  const revision = 1n;
  const network: RecordedNetwork = {
    chainId: recording.chain_id,
    changeHeight: BigInt(recording.validator_set_change_height),
    heights: [...commits.keys()],
    signedHeader(height) {
      const json = commits.get(height);
      if (json === undefined) throw new Error(`height ${height} was not recorded`);
      return signedHeaderFromRpc(json);
    },
    validatorSet(height) {
      const json = validators.get(height);
      if (json === undefined) throw new Error(`validators at ${height} were not recorded`);
      return validatorSetFromRpc(json);
    },
    header(height, trustedHeight, trustedValidatorsHeight = trustedHeight + 1n) {
      return {
        signedHeader: network.signedHeader(height),
        validatorSet: network.validatorSet(height),
        trustedHeight: network.height(trustedHeight),
        trustedValidators: network.validatorSet(trustedValidatorsHeight),
      };
    },
    height: (h) => ({ revisionNumber: revision, revisionHeight: h }),
  };
  return network;
}

// ---- synthetic validators ----

export interface TestValidator {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
  address: Uint8Array;
  power: bigint;
}

/** `count` validators with keys derived from `seed`, ordered as CometBFT orders a set (power desc, address asc). */
export function testValidators(count: number, seed = 'zonekit-07-tendermint', power = 10n): TestValidator[] {
  const validators = Array.from({ length: count }, (_, i) => {
    const secretKey = sha256(new TextEncoder().encode(`${seed}/${i}`));
    const publicKey = ed25519.getPublicKey(secretKey);
    return { secretKey, publicKey, address: sha256(publicKey).subarray(0, 20), power };
  });
  return validators.sort((a, b) => (a.power !== b.power ? (a.power > b.power ? -1 : 1) : Buffer.compare(a.address, b.address)));
}

export function validatorSetOf(validators: readonly TestValidator[]): ValidatorSet {
  const set = validators.map((v) => ({ address: v.address, pubKey: { ed25519: v.publicKey }, votingPower: v.power, proposerPriority: 0n }));
  return { validators: set, proposer: set[0], totalVotingPower: set.reduce((sum, v) => sum + v.votingPower, 0n) };
}

export interface SignOptions {
  chainId: string;
  height: bigint;
  time: Timestamp;
  appHash?: Uint8Array;
  /** Defaults to the signing set. */
  nextValidators?: readonly TestValidator[];
  /** Which validators sign (default: all). */
  signers?: readonly TestValidator[];
  /** The commit's round (default 0). */
  round?: number;
}

/** A header signed by `validators` (the set at its height) with real ed25519 precommits. */
export function signHeader(validators: readonly TestValidator[], options: SignOptions): SignedHeader {
  const { chainId, height, time } = options;
  const filler = (tag: string) => sha256(new TextEncoder().encode(`${chainId}/${height}/${tag}`));
  const header: CometHeader = {
    version: { block: 11n, app: 1n },
    chainId,
    height,
    time,
    lastBlockId: { hash: filler('last-block'), partSetHeader: { total: 1, hash: filler('last-parts') } },
    lastCommitHash: filler('last-commit'),
    dataHash: filler('data'),
    validatorsHash: validatorSetHash(validatorSetOf(validators)),
    nextValidatorsHash: validatorSetHash(validatorSetOf(options.nextValidators ?? validators)),
    consensusHash: filler('consensus'),
    appHash: options.appHash ?? filler('app'),
    lastResultsHash: filler('results'),
    evidenceHash: filler('evidence'),
    proposerAddress: validators[0]!.address,
  };
  const id: BlockID = { hash: headerHash(header), partSetHeader: { total: 1, hash: filler('parts') } };
  const signers = new Set((options.signers ?? validators).map((v) => v));
  const signatures = validators.map((v, index) => {
    if (!signers.has(v)) return { blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_ABSENT, validatorAddress: new Uint8Array(), timestamp: { seconds: -62_135_596_800n, nanos: 0 }, signature: new Uint8Array() };
    const vote = {
      type: SignedMsgType.SIGNED_MSG_TYPE_PRECOMMIT,
      height,
      round: options.round ?? 0,
      blockId: id,
      timestamp: time,
      validatorAddress: v.address,
      validatorIndex: index,
      signature: new Uint8Array(),
      extension: new Uint8Array(),
      extensionSignature: new Uint8Array(),
    };
    return { blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT, validatorAddress: v.address, timestamp: time, signature: ed25519.sign(voteSignBytes(chainId, vote), v.secretKey) };
  });
  return { header, commit: { height, round: options.round ?? 0, blockId: id, signatures } };
}

// ---- clients in a context ----

export const CLIENT_ID = '07-tendermint-0';

export function addSeconds(t: Timestamp, seconds: bigint): Timestamp {
  return { seconds: t.seconds + seconds, nanos: t.nanos };
}

export function nanosToTimestamp(ns: bigint): Timestamp {
  return { seconds: ns / SECOND, nanos: Number(ns % SECOND) };
}

export interface ClientFixture {
  /** A context at `time` on chain `host-1` at `height` (default 100), over the shared store. */
  ctx(time: Timestamp, height?: bigint): Context;
  /** The client's store inside the ibc store of `ctx`. */
  store(ctx: Context): KVStore;
}

/** One in-memory ibc store shared by every context the fixture makes, as consecutive blocks. */
export function clientFixture(): ClientFixture {
  const stores: MultiStore = memoryStore(['ibc']);
  return {
    ctx: (time, height = 100n) => new Context(stores, { chainId: 'host-1', height, time }, new GasMeter(), new EventManager(), 'finalize'),
    store: (ctx) => prefixStore(ctx.kvStore('ibc'), new TextEncoder().encode(`clients/${CLIENT_ID}/`)),
  };
}

export interface ClientStateOptions {
  chainId: string;
  latestHeight: Height;
  trustLevel?: Fraction;
  trustingPeriodSeconds?: bigint;
  unbondingPeriodSeconds?: bigint;
  maxClockDriftSeconds?: bigint;
}

export function tmClientState(options: ClientStateOptions): ClientState {
  return {
    chainId: options.chainId,
    trustLevel: options.trustLevel ?? { numerator: 1n, denominator: 3n },
    trustingPeriod: { seconds: options.trustingPeriodSeconds ?? 14n * 86_400n, nanos: 0 },
    unbondingPeriod: { seconds: options.unbondingPeriodSeconds ?? 21n * 86_400n, nanos: 0 },
    maxClockDrift: { seconds: options.maxClockDriftSeconds ?? 10n, nanos: 0 },
    frozenHeight: { revisionNumber: 0n, revisionHeight: 0n },
    latestHeight: options.latestHeight,
    proofSpecs: sdkProofSpecs(),
    upgradePath: ['upgrade', 'upgradedIBCState'],
    allowUpdateAfterExpiry: false,
    allowUpdateAfterMisbehaviour: false,
  };
}

/** The Anys MsgCreateClient carries for a client trusting `header` (at IBC height `height`). */
export function createClientArgs(cs: ClientState, header: CometHeader): { clientState: Any; consensusState: Any } {
  return { clientState: packClientState(cs), consensusState: packConsensusState(consensusStateFromHeader(header)) };
}

/** 02-client's update flow (ibc-go's UpdateClient after the status check): 'frozen' or the heights stored. */
export function updateClient(ctx: Context, store: KVStore, message: Any): Height[] | 'frozen' {
  tendermintLightClient.verifyClientMessage(ctx, store, message);
  if (tendermintLightClient.checkForMisbehaviour(ctx, store, message)) {
    tendermintLightClient.updateStateOnMisbehaviour(ctx, store, message);
    return 'frozen';
  }
  return tendermintLightClient.updateState(ctx, store, message);
}

/** Asserts `fn` throws the registered error `root` (or one wrapping it) with a message matching `pattern`. */
export function assertCodedError(fn: () => unknown, root: CodedError, pattern: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof CodedError, `expected a CodedError, got ${String(err)}`);
    assert.ok(err.is(root), `expected ${root.codespace}:${root.code} (${root.message}), got ${err.codespace}:${err.code}: ${err.message}`);
    assert.match(err.message, pattern);
    return true;
  });
}
