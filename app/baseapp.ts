// BaseApp: the ABCI 2.0 application over a CommitMultiStore and an app definition.
//
// State lifecycles, as the SDK's:
// - check state: a branch over the last committed version; CheckTx writes fee and sequence
//   changes into it so a sender's next tx checks against them; reset after every Commit.
// - block branch: made by FinalizeBlock over the store; every tx runs in its own branches
//   over it; written to the store's pending version at the end, hashed, committed by Commit.
// Queries read committed versions only, so nothing interleaved on the other ABCI
// connections ever sees a block that is not committed.
import {
  ExecTxResult,
  ResponseCheckTx,
  ResponseCommit,
  ResponseFinalizeBlock,
  ResponseInfo,
  ResponseInitChain,
  ResponsePrepareProposal,
  ResponseProcessProposal,
  ResponseProcessProposal_ProposalStatus,
  ResponseVerifyVoteExtension_VerifyStatus,
  ValidatorUpdate,
  CheckTxType,
  ResponseApplySnapshotChunk,
  ResponseApplySnapshotChunk_Result,
  ResponseOfferSnapshot_Result,
  type RequestApplySnapshotChunk,
  type RequestListSnapshots,
  type RequestLoadSnapshotChunk,
  type RequestOfferSnapshot,
  type ResponseListSnapshots,
  type ResponseLoadSnapshotChunk,
  type ResponseOfferSnapshot,
  type Event,
  type RequestCheckTx,
  type RequestFinalizeBlock,
  type RequestInfo,
  type RequestInitChain,
  type RequestPrepareProposal,
  type RequestProcessProposal,
  type RequestQuery,
  type RequestExtendVote,
  type RequestVerifyVoteExtension,
  type ResponseExtendVote,
  type ResponseQuery,
  type ResponseVerifyVoteExtension,
} from 'cosmjs-types/tendermint/abci/types';
import type { ConsensusParams } from 'cosmjs-types/tendermint/types/params';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import type { Application } from '../abci/index.js';
import './codec.js'; // exact-size protobuf buffers (see codec.ts): before any encoding
import { CONSENSUS_STORE_KEY, type AppDefinition } from './app.js';
import { parseDecCoins, type DecCoin } from './coins.js';
import { committedView } from './committed.js';
import { loadConsensusParams, maxBlockGas, proposalHasVoteExtensions, saveConsensusParams } from './consensus-params.js';
import { Context, infiniteGasMeter, type BlockHeader, type ExecMode } from './context.js';
import { EventManager, withAttribute } from './events.js';
import type { GenesisEnv } from './module.js';
import { handleQuery } from './query.js';
import { memoizeMultiStoreReads } from './read-memo.js';
import { decodeTxCached, runTx, type DecodedMessages, type TxEnv, type TxOutcome } from './run-tx.js';
import { CommitMultiStore, type MultiStore, type PruningOptions } from './store/index.js';
import { DEFAULT_MAX_TX_BYTES } from './tx/decode.js';
import { DecodedTxCache } from './tx/decoded-cache.js';
import { SignatureCache } from './tx/sig-cache.js';
import { SnapshotManager, type SnapshotLog, type SnapshotOptions } from './snapshots/manager.js';
import type { VerifiedSigners } from './tx/signatures.js';
import { VoteExtensions } from './vote-extensions/vote-extensions.js';

export interface BaseAppOptions {
  app: AppDefinition;
  /** Folder of the LMDB state (created if missing). */
  dataDir: string;
  /** Must equal the genesis chain id; CometBFT does not pass it with blocks. */
  chainId: string;
  /** This node's minimum gas prices, e.g. "0.025uatom" (CheckTx only). */
  minGasPrices?: string | readonly DecCoin[];
  pruning?: PruningOptions;
  /** Largest tx accepted (CometBFT's mempool.max_tx_bytes). */
  maxTxBytes?: number;
  sigCacheSize?: number;
  /** How many decoded txs to remember between CheckTx, the proposal calls and FinalizeBlock. */
  decodedTxCacheSize?: number;
  /** State-sync snapshots (taken every `interval` heights; restores work with interval 0 too). Without it, none are served or restored. */
  snapshots?: SnapshotOptions;
  /** Where snapshot creation and restores, and failing vote extension hooks, are reported (the node's pino logger). */
  log?: SnapshotLog;
  /** This node's consensus address (its priv_validator_key's): what its vote extensions speak for. */
  consensusAddress?: Uint8Array;
  /**
   * Check every module's invariants after each Nth commit (the SDK's crisis
   * `--inv-check-period`); 0 (default) never. A broken invariant halts the node.
   */
  invCheckPeriod?: number;
}

const ZERO_TIME: Timestamp = { seconds: 0n, nanos: 0 };

export class BaseApp implements Application {
  readonly app: AppDefinition;
  readonly chainId: string;
  private store: CommitMultiStore;
  private checkState: MultiStore;
  private consensusParams: ConsensusParams | undefined;
  private lastBlockTime: Timestamp = ZERO_TIME;
  private readonly minGasPrices: readonly DecCoin[];
  private readonly invCheckPeriod: number;
  private readonly sigCache: SignatureCache<VerifiedSigners>;
  private readonly decodedTxs: DecodedTxCache<DecodedMessages>;
  private readonly maxTxBytes: number;
  private readonly voteExtensions: VoteExtensions;
  /** Undefined when the node has no snapshot folder: it then serves and restores none. */
  readonly snapshots: SnapshotManager | undefined;
  /**
   * A block was finalized and not yet committed. CometBFT restarted against this running app
   * (its own process killed between FinalizeBlock and Commit) finalizes that height again, and
   * the new run must start from the committed state, not on top of the first run's writes.
   */
  private finalizedUncommitted = false;
  /** InitChain's request until the first Commit: genesis is pending with the first block, so a block run again re-applies it. */
  private pendingGenesis: RequestInitChain | undefined;

  constructor(private readonly options: BaseAppOptions) {
    this.app = options.app;
    this.chainId = options.chainId;
    this.minGasPrices = typeof options.minGasPrices === 'string' ? parseDecCoins(options.minGasPrices) : (options.minGasPrices ?? []);
    this.invCheckPeriod = options.invCheckPeriod ?? 0;
    this.sigCache = new SignatureCache(options.sigCacheSize);
    this.decodedTxs = new DecodedTxCache(options.decodedTxCacheSize);
    this.maxTxBytes = options.maxTxBytes ?? DEFAULT_MAX_TX_BYTES;
    this.voteExtensions = new VoteExtensions(this.app, this.chainId, options.consensusAddress ?? new Uint8Array(), (module, hook, err) =>
      options.log?.error({ module, hook, err: err instanceof Error ? err.message : String(err) }, 'vote extension hook failed'),
    );
    this.store = this.openStore();
    this.checkState = this.freshCheckState();
    this.consensusParams = loadConsensusParams(this.latestView().getStore(CONSENSUS_STORE_KEY));
    this.snapshots = options.snapshots ? new SnapshotManager(this.store, options.snapshots, options.log) : undefined;
  }

  private openStore(): CommitMultiStore {
    return CommitMultiStore.open({
      path: this.options.dataDir,
      stores: this.app.storeKeys,
      ...(this.options.pruning ? { pruning: this.options.pruning } : {}),
    });
  }

  /** The committed state (before the first commit: the store itself, which holds genesis). */
  private latestView(): MultiStore {
    const { version } = this.store.lastCommitId();
    return version === 0 ? this.store : committedView(this.store, version);
  }

  private freshCheckState(): MultiStore {
    return this.latestView().branch();
  }

  get lastCommitId(): { version: number; hash: Uint8Array } {
    return this.store.lastCommitId();
  }

  /** A read-only context over committed `version` (default: latest): for export, invariants and tools. */
  committedContext(version: number = this.store.lastCommitId().version): Context {
    const view = version === 0 ? this.store : committedView(this.store, version);
    const header: BlockHeader = { chainId: this.chainId, height: BigInt(version), time: this.lastBlockTime };
    return new Context(view.branch(), header, infiniteGasMeter(), new EventManager(), 'query');
  }

  /** Genesis `app_state` of the committed state: every module's export, in module order. */
  exportAppState(version?: number): Record<string, unknown> {
    const ctx = this.committedContext(version);
    const appState: Record<string, unknown> = {};
    for (const module of this.app.modules) if (module.genesis) appState[module.name] = module.genesis.export(ctx);
    return appState;
  }

  /** Descriptions of broken invariants in the committed state (empty when all hold). */
  brokenInvariants(version?: number): string[] {
    const ctx = this.committedContext(version);
    return this.app.invariants.flatMap(({ module, name, check }) => {
      const broken = check(ctx);
      return broken === undefined ? [] : [`${module}/${name}: ${broken}`];
    });
  }

  async close(): Promise<void> {
    await this.snapshots?.close();
    await this.store.close();
  }

  private txEnv(): TxEnv {
    return {
      app: this.app,
      maxTxBytes: this.maxTxBytes,
      maxBlockGas: maxBlockGas(this.consensusParams),
      minGasPrices: this.minGasPrices,
      sigCache: this.sigCache,
      decodedTxs: this.decodedTxs,
      aminoConverters: this.app.aminoConverters,
    };
  }

  /** The header CheckTx, simulate and queries run under: the next block after the last commit. */
  private checkHeader(): BlockHeader {
    return { chainId: this.chainId, height: BigInt(this.store.lastCommitId().version + 1), time: this.lastBlockTime };
  }

  info(_req: RequestInfo): ResponseInfo {
    const { version, hash } = this.store.lastCommitId();
    return ResponseInfo.fromPartial({
      data: this.app.name,
      version: this.app.version,
      appVersion: this.consensusParams?.version?.app ?? 0n,
      lastBlockHeight: BigInt(version),
      lastBlockAppHash: version === 0 ? new Uint8Array() : hash,
    });
  }

  async initChain(req: RequestInitChain): Promise<ResponseInitChain> {
    if (req.chainId !== this.chainId) {
      throw new Error(`genesis chain id ${req.chainId} does not match this node's chain id ${this.chainId}`);
    }
    if (this.store.lastCommitId().version !== 0) throw new Error('InitChain called on a chain that already has committed blocks');
    // Before the first Commit, a restarted CometBFT sends InitChain again: genesis starts over.
    this.store.discardPending();
    this.finalizedUncommitted = false;
    const initialHeight = req.initialHeight > 0n ? Number(req.initialHeight) : 1;
    if (initialHeight > 1) this.store.setInitialVersion(initialHeight);
    const genesisValidators = this.applyGenesis(req);
    this.pendingGenesis = req;
    this.checkState = this.freshCheckState();
    this.lastBlockTime = req.time;
    // A zone with staking sets the validators from its genesis (gentxs), and CometBFT then
    // ignores genesis.json's; a zone without one keeps what CometBFT proposed.
    const validators = genesisValidators ?? req.validators;
    return ResponseInitChain.fromPartial({ validators, appHash: this.store.workingHash() });
  }

  /** Writes the consensus params and every module's genesis into the store's pending version. */
  private applyGenesis(req: RequestInitChain): ValidatorUpdate[] | undefined {
    const initialHeight = req.initialHeight > 0n ? req.initialHeight : 1n;
    const branch = this.store.branch();
    const header: BlockHeader = { chainId: this.chainId, height: initialHeight, time: req.time };
    const ctx = new Context(branch, header, infiniteGasMeter(), new EventManager(), 'genesis');
    if (req.consensusParams) {
      saveConsensusParams(branch.getStore(CONSENSUS_STORE_KEY), req.consensusParams);
      this.consensusParams = req.consensusParams;
    }
    const validators = this.initGenesis(ctx, req.appStateBytes);
    branch.write();
    return validators;
  }

  /** Runs every module's genesis; returns the validator set if a module sets one. */
  private initGenesis(ctx: Context, appStateBytes: Uint8Array): ValidatorUpdate[] | undefined {
    const text = Buffer.from(appStateBytes).toString('utf8').trim();
    const appState = (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
    const known = new Set(this.app.modules.map((m) => m.name));
    const unknown = Object.keys(appState).filter((name) => !known.has(name));
    if (unknown.length > 0) throw new Error(`genesis app_state has entries for unknown modules: ${unknown.join(', ')}`);
    let validators: ValidatorUpdate[] | undefined;
    const genesisEnv: GenesisEnv = {
      deliverTx: (txBytes) => {
        const outcome = runTx(this.txEnv(), 'genesis', txBytes, ctx.store, ctx.header);
        return { code: outcome.code, log: outcome.log };
      },
    };
    for (const module of this.app.modules) {
      if (!module.genesis) continue;
      const json = appState[module.name] ?? module.genesis.defaults();
      let state: unknown;
      try {
        state = module.genesis.validate(json);
      } catch (err) {
        throw new Error(`invalid genesis for module ${module.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
      const updates = module.genesis.init(ctx, state, genesisEnv);
      if (updates && updates.length > 0) {
        if (validators !== undefined) throw new Error(`module ${module.name} sets the genesis validators, but an earlier module already did`);
        validators = [...updates];
      }
    }
    return validators;
  }

  checkTx(req: RequestCheckTx): ResponseCheckTx {
    const mode = req.type === CheckTxType.RECHECK ? 'recheck' : 'check';
    const outcome = runTx(this.txEnv(), mode, req.tx, this.checkState, this.checkHeader());
    // Every field spelled out rather than fromPartial(), which deep-copies the events.
    const response: ResponseCheckTx = {
      code: outcome.code,
      data: new Uint8Array(),
      log: outcome.log,
      info: '',
      gasWanted: outcome.gasWanted,
      gasUsed: outcome.gasUsed,
      events: outcome.events,
      codespace: outcome.codespace,
    };
    return response;
  }

  /** Gas estimation: the full pipeline without signature checks, over a throwaway branch of the check state. */
  simulate(txBytes: Uint8Array): TxOutcome {
    return runTx(this.txEnv(), 'simulate', txBytes, this.checkState.branch(), this.checkHeader());
  }

  /**
   * Whether the block at `height` starts with injected vote extensions rather than a tx: when
   * the height before it extended votes and a module uses them.
   */
  private carriesVoteExtensions(height: bigint): boolean {
    return this.voteExtensions.inUse && proposalHasVoteExtensions(this.consensusParams, height);
  }

  /** A context over the last commit for the ABCI calls around consensus; its writes are thrown away. */
  private consensusContext(mode: ExecMode, height: bigint, time: Timestamp = this.lastBlockTime): Context {
    const header: BlockHeader = { chainId: this.chainId, height, time };
    return new Context(this.latestView().branch(), header, infiniteGasMeter(), new EventManager(), mode);
  }

  /**
   * The leading txs that fit the block's byte and gas limits; undecodable txs are left out.
   * With vote extensions, the injected entry comes first and counts against the byte limit.
   */
  prepareProposal(req: RequestPrepareProposal): ResponsePrepareProposal {
    const maxGas = maxBlockGas(this.consensusParams);
    const txs: Uint8Array[] = [];
    let bytes = 0n;
    let gas = 0n;
    if (this.carriesVoteExtensions(req.height)) {
      const ctx = this.consensusContext('prepare-proposal', req.height, req.time);
      try {
        const entry = this.voteExtensions.injectedEntry(ctx, req.height, req.localLastCommit);
        if (BigInt(entry.length) > req.maxTxBytes) throw new Error(`the injected vote extensions take ${entry.length} bytes, more than the block's ${req.maxTxBytes}`);
        txs.push(entry);
        bytes += BigInt(entry.length);
      } catch (err) {
        // CometBFT's own extended commit should always verify; if not, the others reject this
        // proposal and the next round's proposer tries: better than halting.
        this.options.log?.error({ height: String(req.height), err: err instanceof Error ? err.message : String(err) }, 'cannot inject vote extensions');
      }
    }
    for (const tx of req.txs) {
      const wanted = this.gasWanted(tx);
      if (wanted === undefined) continue;
      if (bytes + BigInt(tx.length) > req.maxTxBytes) break;
      if (maxGas !== undefined && gas + wanted > maxGas) break;
      bytes += BigInt(tx.length);
      gas += wanted;
      txs.push(tx);
    }
    return ResponsePrepareProposal.fromPartial({ txs });
  }

  /**
   * Rejects a proposal with an undecodable tx or more gas than the block allows, and, with
   * vote extensions, one whose first entry does not verify (signatures, > 2/3 of the power, each
   * module's agreed data).
   */
  processProposal(req: RequestProcessProposal): ResponseProcessProposal {
    const reject = { status: ResponseProcessProposal_ProposalStatus.REJECT };
    let txs = req.txs;
    if (this.carriesVoteExtensions(req.height)) {
      const ctx = this.consensusContext('process-proposal', req.height, req.time);
      const why = this.voteExtensions.rejectInjectedEntry(ctx, req.height, req.txs[0], req.proposedLastCommit);
      if (why !== undefined) {
        this.options.log?.error({ height: String(req.height), reason: why }, 'rejecting a proposal: its injected vote extensions do not verify');
        return reject;
      }
      txs = req.txs.slice(1);
    }
    const maxGas = maxBlockGas(this.consensusParams);
    let gas = 0n;
    for (const tx of txs) {
      const wanted = this.gasWanted(tx);
      if (wanted === undefined) return reject;
      gas += wanted;
    }
    const ok = maxGas === undefined || gas <= maxGas;
    return { status: ok ? ResponseProcessProposal_ProposalStatus.ACCEPT : ResponseProcessProposal_ProposalStatus.REJECT };
  }

  /** Each module's part of this validator's precommit for the block at `req.height` (empty when none has one). */
  extendVote(req: RequestExtendVote): ResponseExtendVote {
    if (!this.voteExtensions.inUse) return { voteExtension: new Uint8Array() };
    return { voteExtension: this.voteExtensions.extendVote(this.consensusContext('extend-vote', req.height, req.time), req) };
  }

  /** Another validator's extension: a well-formed envelope that every module accepts its part of. */
  verifyVoteExtension(req: RequestVerifyVoteExtension): ResponseVerifyVoteExtension {
    const { ACCEPT, REJECT } = ResponseVerifyVoteExtension_VerifyStatus;
    if (!this.voteExtensions.inUse) return { status: req.voteExtension.length === 0 ? ACCEPT : REJECT };
    const ok = this.voteExtensions.verifyVoteExtension(this.consensusContext('verify-vote-extension', req.height), req);
    return { status: ok ? ACCEPT : REJECT };
  }

  private gasWanted(tx: Uint8Array): bigint | undefined {
    try {
      return decodeTxCached({ maxTxBytes: this.maxTxBytes, decodedTxs: this.decodedTxs }, tx).tx.authInfo.fee?.gasLimit ?? 0n;
    } catch {
      return undefined;
    }
  }

  /** Executes the block into a branch, writes it to the store's pending version, returns its app hash. Persists nothing. */
  finalizeBlock(req: RequestFinalizeBlock): ResponseFinalizeBlock {
    if (this.finalizedUncommitted) {
      this.store.discardPending();
      if (this.pendingGenesis) {
        this.applyGenesis(this.pendingGenesis);
        // As InitChain did: the tree's shape (so its hash) depends on when writes are applied.
        this.store.workingHash();
      }
    }
    // Only this block's branch writes to the store until Commit, so its reads can be remembered.
    const block = memoizeMultiStoreReads(this.store).branch();
    const header: BlockHeader = {
      chainId: this.chainId,
      height: req.height,
      time: req.time,
      comet: {
        proposerAddress: req.proposerAddress,
        decidedLastCommit: req.decidedLastCommit ?? { round: 0, votes: [] },
        misbehavior: req.misbehavior,
        nextValidatorsHash: req.nextValidatorsHash,
        hash: req.hash,
        lastAppHash: this.store.lastCommitId().hash,
      },
    };
    const events: Event[] = [];
    let txs = req.txs;
    const results: ExecTxResult[] = [];

    if (this.carriesVoteExtensions(req.height) && txs.length > 0) {
      // Not a tx: the signed extensions of the last height and what modules agreed on.
      const pre = new EventManager();
      this.voteExtensions.preBlock(new Context(block, header, infiniteGasMeter(), pre, 'block'), req.height, txs[0]!);
      events.push(...pre.events.map((e) => withAttribute(e, 'mode', 'PreBlock')));
      results.push(ExecTxResult.fromPartial({ log: 'vote extensions' }));
      txs = txs.slice(1);
    }

    const begin = new EventManager();
    const beginCtx = new Context(block, header, infiniteGasMeter(), begin, 'block');
    for (const module of this.app.modules) module.beginBlock?.(beginCtx);
    events.push(...begin.events.map((e) => withAttribute(e, 'mode', 'BeginBlock')));

    const env = this.txEnv();
    const txResults = txs.map((tx) => {
      const outcome = runTx(env, 'finalize', tx, block, header);
      // Every field spelled out rather than fromPartial(), which deep-copies the events.
      const result: ExecTxResult = {
        code: outcome.code,
        data: outcome.data,
        log: outcome.log,
        info: '',
        gasWanted: outcome.gasWanted,
        gasUsed: outcome.gasUsed,
        events: outcome.events,
        codespace: outcome.codespace,
      };
      return result;
    });

    const end = new EventManager();
    const endCtx = new Context(block, header, infiniteGasMeter(), end, 'block');
    const validatorUpdates: ValidatorUpdate[] = [];
    for (const module of this.app.modules) validatorUpdates.push(...(module.endBlock?.(endCtx) ?? []));
    events.push(...end.events.map((e) => withAttribute(e, 'mode', 'EndBlock')));

    block.write();
    this.finalizedUncommitted = true;
    this.lastBlockTime = req.time;
    const response: ResponseFinalizeBlock = {
      events,
      txResults: results.length === 0 ? txResults : [...results, ...txResults],
      validatorUpdates: validatorUpdates.map((update) => ValidatorUpdate.fromPartial(update)),
      consensusParamUpdates: undefined,
      appHash: this.store.workingHash(),
    };
    return response;
  }

  /** Persists the finalized block atomically and starts a new check state on top of it. */
  async commit(): Promise<ResponseCommit> {
    await this.store.commit();
    this.finalizedUncommitted = false;
    this.pendingGenesis = undefined;
    this.checkState = this.freshCheckState();
    const { version } = this.store.lastCommitId();
    this.snapshots?.afterCommit(version);
    if (this.invCheckPeriod > 0 && version % this.invCheckPeriod === 0) {
      const broken = this.brokenInvariants(version);
      if (broken.length > 0) {
        // Halting beats running on corrupt state: every honest node stops at the same height.
        console.error(`zonekit: INVARIANT BROKEN at height ${version}:\n  ${broken.join('\n  ')}`);
        throw new Error(`invariant broken at height ${version}: ${broken.join('; ')}`);
      }
    }
    return ResponseCommit.fromPartial({ retainHeight: 0n });
  }

  query(req: RequestQuery): ResponseQuery {
    return handleQuery(
      {
        app: this.app,
        store: this.store,
        chainId: this.chainId,
        simulate: (txBytes) => this.simulate(txBytes),
        brokenInvariants: (height) => this.brokenInvariants(height),
      },
      req,
    );
  }

  listSnapshots(_req: RequestListSnapshots): ResponseListSnapshots {
    return this.snapshots?.listSnapshots() ?? { snapshots: [] };
  }

  loadSnapshotChunk(req: RequestLoadSnapshotChunk): ResponseLoadSnapshotChunk {
    return this.snapshots?.loadSnapshotChunk(req) ?? { chunk: new Uint8Array() };
  }

  offerSnapshot(req: RequestOfferSnapshot): ResponseOfferSnapshot {
    return this.snapshots?.offerSnapshot(req) ?? { result: ResponseOfferSnapshot_Result.ABORT };
  }

  /** After the last chunk the store holds the snapshot's height: the check state and consensus params follow it. */
  async applySnapshotChunk(req: RequestApplySnapshotChunk): Promise<ResponseApplySnapshotChunk> {
    if (!this.snapshots) return ResponseApplySnapshotChunk.fromPartial({ result: ResponseApplySnapshotChunk_Result.ABORT });
    const { response, restored } = await this.snapshots.applySnapshotChunk(req);
    if (restored) {
      this.checkState = this.freshCheckState();
      this.consensusParams = loadConsensusParams(this.latestView().getStore(CONSENSUS_STORE_KEY));
    }
    return response;
  }
}
