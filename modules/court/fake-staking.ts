// Test fixtures for the court: a fake CourtStakingKeeper that keeps validators in memory and
// records every call, ed25519 validator keys, signed duplicate votes, and block contexts
// sharing one in-memory store. Not a test file itself (node --test skips this name).
import { toBech32 } from '@cosmjs/encoding';
import { ed25519 } from '@noble/curves/ed25519.js';
import { DuplicateVoteEvidence } from 'cosmjs-types/tendermint/types/evidence';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import type { Misbehavior } from 'cosmjs-types/tendermint/abci/types';
import { SignedMsgType, type BlockID, type Vote } from 'cosmjs-types/tendermint/types/types';
import { BlockIDFlag } from 'cosmjs-types/tendermint/types/validator';
import { bech32Codec } from '../../app/address-codec.js';
import { Context } from '../../app/context.js';
import { mulIntTrunc, type Dec } from '../../app/dec.js';
import { EventManager } from '../../app/events.js';
import { memoryStore } from '../../app/testing.js';
import { GasMeter, type MultiStore } from '../../app/store/index.js';
import { blockIdKey, compareBytes, voteSignBytes } from '../../app/cometbft/canonical.js';
import { consAddressOf } from './duplicate-vote.js';
import type { CourtStakingKeeper, CourtValidator, SlashOutcome } from './expects.js';
import { STORE_KEY } from './keys.js';
import { courtModule } from './module.js';

export const CHAIN_ID = 'court-test';
export const T0 = 1_700_000_000n;

export interface Call {
  method: 'slash' | 'jail' | 'unjail';
  consAddress: string;
  args: readonly unknown[];
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

export interface TestValidator extends CourtValidator {
  secretKey: Uint8Array;
  power: bigint;
}

export class FakeStaking implements CourtStakingKeeper {
  readonly powerReduction = 1_000_000n;
  readonly validators = new Map<string, TestValidator>();
  readonly selfDelegation = new Map<string, bigint>();
  /** Heights whose validator set is "kept"; others answer undefined. */
  keptFrom = 1n;
  readonly calls: Call[] = [];

  /** A bonded validator with an ed25519 key made from `seed`. */
  addValidator(seed: number, power = 100n): TestValidator {
    const secretKey = new Uint8Array(32).fill(seed);
    const consPubKey = ed25519.getPublicKey(secretKey);
    const consAddress = consAddressOf(consPubKey);
    const operator = toBech32('cosmosvaloper', new Uint8Array(20).fill(seed), 90);
    const v: TestValidator = { operator, consPubKey, consAddress, jailed: false, status: 'bonded', tokens: power * this.powerReduction, minSelfDelegation: 1n, secretKey, power };
    this.validators.set(hex(consAddress), v);
    this.selfDelegation.set(operator, 1_000n);
    return v;
  }

  validatorByConsAddr(_ctx: Context, consAddress: Uint8Array): CourtValidator | undefined {
    const v = this.validators.get(hex(consAddress));
    return v === undefined ? undefined : { ...v };
  }

  validatorByOperator(_ctx: Context, operator: string): CourtValidator | undefined {
    const v = [...this.validators.values()].find((x) => x.operator === operator);
    return v === undefined ? undefined : { ...v };
  }

  /** Burns fraction × tokens: 10 from one unbonding delegation and 5 from one redelegation, the rest from the validator. */
  slash(_ctx: Context, consAddress: Uint8Array, infractionHeight: bigint, power: bigint, fraction: Dec): SlashOutcome {
    this.calls.push({ method: 'slash', consAddress: hex(consAddress), args: [infractionHeight, power, fraction] });
    const burned = mulIntTrunc(power * this.powerReduction, fraction);
    const v = this.validators.get(hex(consAddress))!;
    v.tokens -= burned - 15n;
    return {
      burned,
      fromValidator: burned - 15n,
      fromUnbondingDelegations: [{ delegator: 'cosmos1unbonding', amount: 10n }],
      fromRedelegations: [{ delegator: 'cosmos1redelegating', validatorDst: 'cosmosvaloper1dst', amount: 5n }],
    };
  }

  jail(_ctx: Context, consAddress: Uint8Array): void {
    this.calls.push({ method: 'jail', consAddress: hex(consAddress), args: [] });
    this.validators.get(hex(consAddress))!.jailed = true;
  }

  unjail(_ctx: Context, consAddress: Uint8Array): void {
    this.calls.push({ method: 'unjail', consAddress: hex(consAddress), args: [] });
    this.validators.get(hex(consAddress))!.jailed = false;
  }

  selfDelegationTokens(_ctx: Context, operator: string): bigint {
    return this.selfDelegation.get(operator) ?? 0n;
  }

  validatorSetAt(_ctx: Context, height: bigint): readonly { consPubKey: Uint8Array; power: bigint }[] | undefined {
    if (height < this.keptFrom) return undefined;
    return [...this.validators.values()].map((v) => ({ consPubKey: v.consPubKey, power: v.power }));
  }
}

export function testCourt() {
  const staking = new FakeStaking();
  const court = courtModule({ staking, addressCodec: bech32Codec('cosmos'), bech32Prefix: 'cosmos' });
  const store = memoryStore([STORE_KEY]);
  return { staking, court, store };
}

export interface BlockOptions {
  /** Who signed the last commit: validators and their flags. */
  votes?: ReadonlyArray<{ validator: TestValidator; flag: BlockIDFlag }>;
  misbehavior?: Misbehavior[];
  /** Seconds after T0; default 5 s per block. */
  seconds?: bigint;
  mode?: 'block' | 'finalize';
}

export function blockTime(height: bigint): Timestamp {
  return { seconds: T0 + height * 5n, nanos: 0 };
}

/** A context for block `height` over `store`, with CometBFT's block info. */
export function blockContext(store: MultiStore, height: bigint, options: BlockOptions = {}): Context {
  const time = options.seconds === undefined ? blockTime(height) : { seconds: T0 + options.seconds, nanos: 0 };
  return new Context(
    store,
    {
      chainId: CHAIN_ID,
      height,
      time,
      comet: {
        proposerAddress: new Uint8Array(20),
        decidedLastCommit: {
          round: 0,
          votes: (options.votes ?? []).map(({ validator, flag }) => ({ validator: { address: validator.consAddress, power: validator.power }, blockIdFlag: flag })),
        },
        misbehavior: options.misbehavior ?? [],
        nextValidatorsHash: new Uint8Array(32),
        hash: new Uint8Array(32),
        lastAppHash: new Uint8Array(32),
      },
    },
    new GasMeter(),
    new EventManager(),
    options.mode ?? 'block',
  );
}

export function blockId(seed: number): BlockID {
  return { hash: new Uint8Array(32).fill(seed), partSetHeader: { total: 1, hash: new Uint8Array(32).fill(seed + 1) } };
}

/** A precommit by `v` for `id`, signed for `chainId`. */
export function signedVote(v: TestValidator, height: bigint, id: BlockID, chainId = CHAIN_ID, round = 0): Vote {
  const vote: Vote = {
    type: SignedMsgType.SIGNED_MSG_TYPE_PRECOMMIT,
    height,
    round,
    blockId: id,
    timestamp: { seconds: T0 + height * 5n, nanos: 123_456_789 },
    validatorAddress: v.consAddress,
    validatorIndex: 0,
    signature: new Uint8Array(),
    extension: new Uint8Array(),
    extensionSignature: new Uint8Array(),
  };
  return { ...vote, signature: ed25519.sign(voteSignBytes(chainId, vote), v.secretKey) };
}

/** Two conflicting precommits by `v` at `height`, in CometBFT's order, with the set's powers. */
export function duplicateVote(staking: FakeStaking, v: TestValidator, height: bigint, seeds: [number, number] = [1, 7]): DuplicateVoteEvidence {
  const a = signedVote(v, height, blockId(seeds[0]));
  const b = signedVote(v, height, blockId(seeds[1]));
  const [voteA, voteB] = compareBytes(blockIdKey(a.blockId), blockIdKey(b.blockId)) < 0 ? [a, b] : [b, a];
  const total = [...staking.validators.values()].reduce((sum, x) => sum + x.power, 0n);
  return { voteA, voteB, totalVotingPower: total, validatorPower: v.power, timestamp: blockTime(height) };
}

/** Everything in the court's store, for "nothing changed" checks. */
export function storeSnapshot(ctx: Context): string[] {
  return [...ctx.kvStore(STORE_KEY).iterator()].map(([k, v]) => `${hex(k)}=${hex(v)}`);
}

export { BlockIDFlag };
