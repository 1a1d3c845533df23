// What CometBFT would hand the app, emulated: the validator set of each height (updates from
// the end of block H take effect at H+2), the last commit's votes with the validators that
// are down missing (the court's downtime path), and now and then a double sign (its
// equivocation path), all drawn from the simulation's seed.
import { createHash } from 'node:crypto';
import { MisbehaviorType, type Misbehavior, type ValidatorUpdate, type VoteInfo } from 'cosmjs-types/tendermint/abci/types';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import { BlockIDFlag } from 'cosmjs-types/tendermint/types/validator';
import type { Rand } from './random.js';

interface Member {
  address: Uint8Array;
  power: bigint;
}
type ValidatorSet = ReadonlyMap<string, Member>;

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

export interface CommitInputs {
  votes: VoteInfo[];
  misbehavior: Misbehavior[];
  proposerAddress: Uint8Array;
}

export class EmulatedConsensus {
  private readonly sets = new Map<bigint, ValidatorSet>();
  private readonly times = new Map<bigint, Timestamp>();
  /** Validators that miss their votes until the given height. */
  private readonly down = new Map<string, bigint>();
  misses = 0;
  doubleSigns = 0;

  constructor(
    private readonly rng: Rand,
    initialHeight: bigint,
  ) {
    this.sets.set(initialHeight, new Map());
    this.sets.set(initialHeight + 1n, new Map());
  }

  setAt(height: bigint): ValidatorSet {
    return this.sets.get(height) ?? new Map();
  }

  /** The commit of height - 1 and the evidence that block `height` carries. */
  inputsFor(height: bigint): CommitInputs {
    const last = this.setAt(height - 1n);
    const votes: VoteInfo[] = [];
    for (const [key, member] of last) {
      if (!this.down.has(key) && this.rng.chance(1 / 120)) this.down.set(key, height + BigInt(this.rng.int(5, 40)));
      const until = this.down.get(key);
      if (until !== undefined && until <= height) this.down.delete(key);
      const absent = this.down.has(key);
      if (absent) this.misses++;
      votes.push({ validator: { address: member.address, power: member.power }, blockIdFlag: absent ? BlockIDFlag.BLOCK_ID_FLAG_ABSENT : BlockIDFlag.BLOCK_ID_FLAG_COMMIT });
    }
    const misbehavior: Misbehavior[] = [];
    const offender = this.rng.chance(1 / 150) ? this.rng.pick([...last.values()]) : undefined;
    const time = this.times.get(height - 1n);
    if (offender && time) {
      this.doubleSigns++;
      const total = [...last.values()].reduce((sum, m) => sum + m.power, 0n);
      misbehavior.push({ type: MisbehaviorType.DUPLICATE_VOTE, validator: { address: offender.address, power: offender.power }, height: height - 1n, time, totalVotingPower: total });
    }
    const proposer = this.rng.pick([...this.setAt(height).values()]);
    return { votes, misbehavior, proposerAddress: proposer?.address ?? new Uint8Array(20) };
  }

  /** Block `height` ended at `time` with `updates`: they shape the set of height + 2. */
  finalized(height: bigint, time: Timestamp, updates: readonly ValidatorUpdate[]): void {
    this.times.set(height, time);
    const next = new Map(this.setAt(height + 1n));
    for (const u of updates) {
      const key = u.pubKey?.ed25519;
      if (!key) throw new Error(`validator update without an ed25519 key at height ${height}`);
      const address = new Uint8Array(createHash('sha256').update(key).digest().subarray(0, 20));
      if (u.power === 0n) next.delete(hex(address));
      else next.set(hex(address), { address, power: u.power });
    }
    this.sets.set(height + 2n, next);
    this.sets.delete(height - 2n);
    this.times.delete(height - 2n);
  }
}
