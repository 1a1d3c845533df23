// State sync, as the SDK's snapshot manager does it: snapshots taken after Commit every
// `interval` heights (in the background, one at a time, the height kept from pruning until
// written), served to CometBFT (ListSnapshots, LoadSnapshotChunk), and restored from peers'
// chunks (OfferSnapshot, ApplySnapshotChunk), each chunk checked against the SHA-256 in the
// snapshot's metadata and the restored app hash against the one the light client trusts.
import { Metadata } from 'cosmjs-types/cosmos/store/snapshots/v1/snapshot';
import type { Snapshot } from 'cosmjs-types/cosmos/store/snapshots/v1/snapshot';
import {
  ResponseApplySnapshotChunk,
  ResponseApplySnapshotChunk_Result,
  ResponseOfferSnapshot_Result,
  type RequestApplySnapshotChunk,
  type RequestLoadSnapshotChunk,
  type RequestOfferSnapshot,
  type ResponseListSnapshots,
  type ResponseLoadSnapshotChunk,
  type ResponseOfferSnapshot,
  type Snapshot as AbciSnapshot,
} from 'cosmjs-types/tendermint/abci/types';
import { AppHashMismatchError, exportSnapshotPaced, SNAPSHOT_CHUNK_BYTES, SnapshotRestorer, type CommitId, type CommitMultiStore } from '../store/index.js';
import { bytesEqual } from '../store/encoding.js';
import { sha256, SNAPSHOT_FORMAT, SnapshotStore } from './store.js';

export interface SnapshotOptions {
  /** Where snapshots live: <home>/data/snapshots, as the SDK keeps them. */
  dir: string;
  /** Take a snapshot after every commit of a multiple of this height; 0 (default) never. */
  interval?: number;
  /** Keep this many recent snapshots; 0 keeps all (default 2, as the SDK's app.toml). */
  keepRecent?: number;
  chunkBytes?: number;
}

/** The part of a pino logger the manager writes to. */
export interface SnapshotLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

const silent: SnapshotLog = { info: () => {}, error: () => {} };
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();

interface Restore {
  snapshot: AbciSnapshot;
  chunkHashes: Uint8Array[];
  appHash: Uint8Array;
  restorer: SnapshotRestorer;
  next: number;
  startedAt: number;
}

export class SnapshotManager {
  readonly store: SnapshotStore;
  readonly interval: number;
  readonly keepRecent: number;
  private readonly chunkBytes: number;
  private creating: Promise<void> | undefined;
  /** Aborted on close: a snapshot being written stops at its next pause. */
  private readonly closing = new AbortController();
  private restore: Restore | undefined;

  constructor(
    private readonly ms: CommitMultiStore,
    options: SnapshotOptions,
    private readonly log: SnapshotLog = silent,
  ) {
    this.store = new SnapshotStore(options.dir);
    this.interval = options.interval ?? 0;
    this.keepRecent = options.keepRecent ?? 2;
    this.chunkBytes = options.chunkBytes ?? SNAPSHOT_CHUNK_BYTES;
  }

  /**
   * Called right after Commit of `height`: starts a snapshot when the height is due. The
   * height is protected from pruning before this returns, so the next commit cannot prune it.
   */
  afterCommit(height: number): void {
    if (this.interval === 0 || height % this.interval !== 0 || this.closing.signal.aborted) return;
    if (this.creating) {
      this.log.error({ height }, 'failed to create state snapshot: a snapshot operation is in progress');
      return;
    }
    const release = this.ms.protectVersion(height);
    this.creating = this.create(height)
      .then(
        () => undefined,
        (err: unknown) => this.log.error({ height, err: err instanceof Error ? err.message : String(err) }, 'failed to create state snapshot'),
      )
      .finally(() => {
        release();
        this.creating = undefined;
      });
  }

  /** Writes a snapshot of committed `height`, pausing every few milliseconds of work so blocks keep committing. */
  async create(height: number): Promise<Snapshot> {
    const latest = this.store.list()[0];
    if (latest !== undefined && latest.height >= BigInt(height)) {
      throw new Error(`a more recent snapshot already exists at height ${latest.height}`);
    }
    this.log.info({ height }, 'creating state snapshot');
    const started = Date.now();
    const chunks = exportSnapshotPaced(this.ms, height, this.chunkBytes, this.closing.signal);
    const snapshot = await this.store.save(height, SNAPSHOT_FORMAT, chunks);
    this.log.info({ height, format: snapshot.format, chunks: snapshot.chunks, ms: Date.now() - started }, 'completed state snapshot');
    const pruned = this.store.prune(this.keepRecent);
    if (pruned > 0) this.log.info({ pruned, keepRecent: this.keepRecent }, 'pruned state snapshots');
    return snapshot;
  }

  /** Resolves once no snapshot is being written. */
  async idle(): Promise<void> {
    await this.creating;
  }

  /** Stops a snapshot being written (it is not listed) and waits for it. */
  async close(): Promise<void> {
    this.closing.abort(new Error('the node is closing'));
    await this.creating;
  }

  listSnapshots(): ResponseListSnapshots {
    return {
      snapshots: this.store.list().map((s) => ({
        height: s.height,
        format: s.format,
        chunks: s.chunks,
        hash: s.hash,
        metadata: Metadata.encode(s.metadata).finish(),
      })),
    };
  }

  /** An empty chunk when there is no such snapshot or chunk (CometBFT then asks another peer). */
  loadSnapshotChunk(req: RequestLoadSnapshotChunk): ResponseLoadSnapshotChunk {
    const chunk = this.store.loadChunk(Number(req.height), req.format, req.chunk);
    if (chunk === undefined) this.log.error({ height: String(req.height), format: req.format, chunk: req.chunk }, 'failed to load snapshot chunk: not found');
    return { chunk: chunk ?? new Uint8Array() };
  }

  /** REJECT_FORMAT for another format, REJECT for bad metadata, ABORT when state exists; else starts a restore. */
  offerSnapshot(req: RequestOfferSnapshot): ResponseOfferSnapshot {
    const { snapshot } = req;
    const result = (r: ResponseOfferSnapshot_Result) => ({ result: r });
    if (snapshot === undefined) {
      this.log.error({}, 'received nil snapshot');
      return result(ResponseOfferSnapshot_Result.REJECT);
    }
    if (snapshot.format !== SNAPSHOT_FORMAT) {
      this.log.error({ height: String(snapshot.height), format: snapshot.format }, `unknown snapshot format ${snapshot.format}; this node restores format ${SNAPSHOT_FORMAT}`);
      return result(ResponseOfferSnapshot_Result.REJECT_FORMAT);
    }
    let chunkHashes: Uint8Array[];
    try {
      chunkHashes = Metadata.decode(snapshot.metadata).chunkHashes;
    } catch {
      this.log.error({ height: String(snapshot.height) }, 'failed to decode snapshot metadata');
      return result(ResponseOfferSnapshot_Result.REJECT);
    }
    const invalid =
      snapshot.height < 1n || snapshot.height > BigInt(Number.MAX_SAFE_INTEGER) ? `height ${snapshot.height}`
      : snapshot.chunks === 0 ? 'no chunks'
      : chunkHashes.length !== snapshot.chunks ? `${chunkHashes.length} chunk hashes for ${snapshot.chunks} chunks`
      : chunkHashes.some((h) => h.length !== 32) ? 'a chunk hash that is not SHA-256'
      : undefined;
    if (invalid !== undefined) {
      this.log.error({ height: String(snapshot.height), why: invalid }, 'rejecting invalid snapshot');
      return result(ResponseOfferSnapshot_Result.REJECT);
    }
    try {
      const restorer = new SnapshotRestorer(this.ms, Number(snapshot.height));
      this.restore = { snapshot, chunkHashes, appHash: req.appHash, restorer, next: 0, startedAt: Date.now() };
    } catch (err) {
      this.log.error({ height: String(snapshot.height), err: err instanceof Error ? err.message : String(err) }, 'failed to restore snapshot');
      return result(ResponseOfferSnapshot_Result.ABORT);
    }
    this.log.info({ height: String(snapshot.height), format: snapshot.format, chunks: snapshot.chunks, appHash: hex(req.appHash) }, 'restoring state snapshot');
    return result(ResponseOfferSnapshot_Result.ACCEPT);
  }

  /**
   * RETRY (refetch the chunk, reject its sender) when a chunk's SHA-256 is not the one in the
   * metadata; REJECT_SNAPSHOT when the restored app hash is not the trusted one (nothing was
   * committed, so another snapshot may follow); ABORT on anything else, as the SDK. `restored`
   * is set once the last chunk committed the state.
   */
  async applySnapshotChunk(req: RequestApplySnapshotChunk): Promise<{ response: ResponseApplySnapshotChunk; restored?: CommitId }> {
    const answer = (result: ResponseApplySnapshotChunk_Result, more: Partial<ResponseApplySnapshotChunk> = {}) => ({
      response: ResponseApplySnapshotChunk.fromPartial({ result, ...more }),
    });
    const restore = this.restore;
    if (restore === undefined) {
      this.log.error({ index: req.index }, 'failed to restore snapshot: no restore operation in progress');
      return answer(ResponseApplySnapshotChunk_Result.ABORT);
    }
    if (req.index !== restore.next) {
      this.log.error({ index: req.index, expected: restore.next }, 'failed to restore snapshot: received unexpected chunk');
      return answer(ResponseApplySnapshotChunk_Result.ABORT);
    }
    if (!bytesEqual(sha256(req.chunk), restore.chunkHashes[req.index]!)) {
      this.log.error({ index: req.index, sender: req.sender }, 'chunk checksum mismatch; rejecting sender and requesting refetch');
      return answer(ResponseApplySnapshotChunk_Result.RETRY, { refetchChunks: [req.index], rejectSenders: req.sender === '' ? [] : [req.sender] });
    }
    try {
      await restore.restorer.add(req.chunk);
      restore.next++;
      if (restore.next < restore.snapshot.chunks) return answer(ResponseApplySnapshotChunk_Result.ACCEPT);
      const restored = await restore.restorer.finish(restore.appHash);
      this.restore = undefined;
      this.log.info({ height: restored.version, appHash: hex(restored.hash), ms: Date.now() - restore.startedAt }, 'restored state snapshot');
      return { ...answer(ResponseApplySnapshotChunk_Result.ACCEPT), restored };
    } catch (err) {
      this.restore = undefined;
      const message = err instanceof Error ? err.message : String(err);
      this.log.error({ height: String(restore.snapshot.height), err: message }, 'failed to restore snapshot');
      const result = err instanceof AppHashMismatchError ? ResponseApplySnapshotChunk_Result.REJECT_SNAPSHOT : ResponseApplySnapshotChunk_Result.ABORT;
      return answer(result);
    }
  }
}
