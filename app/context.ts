// What a module sees while it runs: the block header, a gas-metered view of its store,
// the events it emits. One Context per scope; branches make new ones, never mutate.
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import type { CommitInfo, Misbehavior } from 'cosmjs-types/tendermint/abci/types';
import { GasKVStore, GasMeter, type KVStore, type MultiStore } from './store/index.js';
import { EventManager } from './events.js';

export interface BlockHeader {
  readonly chainId: string;
  readonly height: bigint;
  /** The block's time as CometBFT agreed it: the only clock a state machine may read. */
  readonly time: Timestamp;
  /** FinalizeBlock only: what CometBFT tells the app about the block (the SDK's CometInfo). */
  readonly comet?: CometInfo;
}

/** The block's consensus facts, as FinalizeBlock delivers them. */
export interface CometInfo {
  /** Consensus address (first 20 bytes of sha256 of the ed25519 key) of the proposer. */
  readonly proposerAddress: Uint8Array;
  /** Who signed the previous block, with each validator's power then. */
  readonly decidedLastCommit: CommitInfo;
  /** Duplicate votes and light-client attacks CometBFT's evidence pool committed in this block. */
  readonly misbehavior: readonly Misbehavior[];
  /** Hash of the validator set that signs the next block. */
  readonly nextValidatorsHash: Uint8Array;
  /** The block's hash and the app hash before it (for HistoricalInfo headers). */
  readonly hash: Uint8Array;
  readonly lastAppHash: Uint8Array;
}

/**
 * Why the code is running. Messages run only in `finalize` and `simulate` (as in the SDK,
 * CheckTx runs the ante handler alone); fees against minimum gas prices are checked only
 * in `check` and `recheck`. The vote extension and proposal modes read the last commit
 * through a branch that is thrown away.
 */
export type ExecMode =
  | 'genesis'
  | 'check'
  | 'recheck'
  | 'simulate'
  | 'finalize'
  | 'block'
  | 'query'
  | 'extend-vote'
  | 'verify-vote-extension'
  | 'prepare-proposal'
  | 'process-proposal';

export class Context {
  private readonly kvStores = new Map<string, KVStore>();

  constructor(
    readonly store: MultiStore,
    readonly header: BlockHeader,
    readonly gasMeter: GasMeter,
    readonly events: EventManager,
    readonly mode: ExecMode,
  ) {}

  get chainId(): string {
    return this.header.chainId;
  }

  get blockHeight(): bigint {
    return this.header.height;
  }

  get isCheckTx(): boolean {
    return this.mode === 'check' || this.mode === 'recheck';
  }

  /** The named store, charging this context's gas meter for every access. */
  kvStore(storeKey: string): KVStore {
    let store = this.kvStores.get(storeKey);
    if (store === undefined) {
      store = new GasKVStore(this.store.getStore(storeKey), this.gasMeter);
      this.kvStores.set(storeKey, store);
    }
    return store;
  }

  /** The same scope over another store branch and event list (a message inside a tx). */
  with(store: MultiStore, events: EventManager = this.events): Context {
    return new Context(store, this.header, this.gasMeter, events, this.mode);
  }
}

/** A meter that never runs out: genesis, begin/end block and queries (as the SDK's infinite meter). */
export function infiniteGasMeter(): GasMeter {
  return new GasMeter();
}
