// The contract between the ABCI socket server and a state machine.
import {
  ExecTxResult,
  Request,
  RequestApplySnapshotChunk,
  RequestCheckTx,
  RequestCommit,
  RequestEcho,
  RequestExtendVote,
  RequestFinalizeBlock,
  RequestInfo,
  RequestInitChain,
  RequestListSnapshots,
  RequestLoadSnapshotChunk,
  RequestOfferSnapshot,
  RequestPrepareProposal,
  RequestProcessProposal,
  RequestQuery,
  RequestVerifyVoteExtension,
  Response,
  ResponseApplySnapshotChunk,
  ResponseApplySnapshotChunk_Result,
  ResponseCheckTx,
  ResponseCommit,
  ResponseEcho,
  ResponseExtendVote,
  ResponseFinalizeBlock,
  ResponseInfo,
  ResponseInitChain,
  ResponseListSnapshots,
  ResponseLoadSnapshotChunk,
  ResponseOfferSnapshot,
  ResponseOfferSnapshot_Result,
  ResponsePrepareProposal,
  ResponseProcessProposal,
  ResponseProcessProposal_ProposalStatus,
  ResponseQuery,
  ResponseVerifyVoteExtension,
  ResponseVerifyVoteExtension_VerifyStatus,
} from 'cosmjs-types/tendermint/abci/types';

export type MaybePromise<T> = T | Promise<T>;

/**
 * An ABCI 2.0 (CometBFT v0.38) application. Every method is optional; a missing
 * one gets the behaviour of CometBFT's BaseApplication (see `defaultHandlers`).
 * Responses must be complete messages (every field set, as `Response*.fromPartial`
 * builds them): cosmjs-types encoders read every field.
 *
 * Methods on one connection are called strictly one after another, but the four
 * connections (consensus, mempool, query, snapshot) run concurrently, so e.g.
 * `checkTx` and `query` can interleave with `finalizeBlock`'s awaits.
 * A thrown error becomes a ResponseException, after which CometBFT stops.
 */
export interface Application {
  echo?(req: RequestEcho): MaybePromise<ResponseEcho>;
  /** Handshake: report the last committed height and app hash. */
  info?(req: RequestInfo): MaybePromise<ResponseInfo>;
  query?(req: RequestQuery): MaybePromise<ResponseQuery>;
  checkTx?(req: RequestCheckTx): MaybePromise<ResponseCheckTx>;
  initChain?(req: RequestInitChain): MaybePromise<ResponseInitChain>;
  prepareProposal?(req: RequestPrepareProposal): MaybePromise<ResponsePrepareProposal>;
  processProposal?(req: RequestProcessProposal): MaybePromise<ResponseProcessProposal>;
  /** Must return exactly one ExecTxResult per tx, in block order. */
  finalizeBlock?(req: RequestFinalizeBlock): MaybePromise<ResponseFinalizeBlock>;
  extendVote?(req: RequestExtendVote): MaybePromise<ResponseExtendVote>;
  verifyVoteExtension?(req: RequestVerifyVoteExtension): MaybePromise<ResponseVerifyVoteExtension>;
  commit?(req: RequestCommit): MaybePromise<ResponseCommit>;
  listSnapshots?(req: RequestListSnapshots): MaybePromise<ResponseListSnapshots>;
  offerSnapshot?(req: RequestOfferSnapshot): MaybePromise<ResponseOfferSnapshot>;
  loadSnapshotChunk?(req: RequestLoadSnapshotChunk): MaybePromise<ResponseLoadSnapshotChunk>;
  applySnapshotChunk?(req: RequestApplySnapshotChunk): MaybePromise<ResponseApplySnapshotChunk>;
}

/** The request kinds an Application can handle; Flush is the server's business. */
export type AbciMethod = keyof Application;

/** Every method of Application, in the order the server looks for them in a Request. */
export const ABCI_METHODS: readonly AbciMethod[] = [
  // Hot paths first: the server tests these fields in order on every request.
  'checkTx',
  'finalizeBlock',
  'query',
  'commit',
  'prepareProposal',
  'processProposal',
  'extendVote',
  'verifyVoteExtension',
  'info',
  'initChain',
  'echo',
  'listSnapshots',
  'offerSnapshot',
  'loadSnapshotChunk',
  'applySnapshotChunk',
];

// Keeps Application's method names identical to the Request/Response oneof
// fields, which the server relies on to route without a switch.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodNamesMatchWire: Same<AbciMethod, Exclude<keyof Request, 'flush'>> &
  Same<AbciMethod, Exclude<keyof Response, 'flush' | 'exception'>> = true;
void methodNamesMatchWire;

/** Behaviour for methods an Application leaves out (as CometBFT's BaseApplication). */
export const defaultHandlers: Required<Application> = {
  echo: (req) => ({ message: req.message }),
  info: () => ResponseInfo.fromPartial({}),
  query: () => ResponseQuery.fromPartial({}),
  checkTx: () => ResponseCheckTx.fromPartial({}),
  initChain: () => ResponseInitChain.fromPartial({}),
  prepareProposal: (req) => ({ txs: takeTxsWithin(req.txs, req.maxTxBytes) }),
  processProposal: () => ({ status: ResponseProcessProposal_ProposalStatus.ACCEPT }),
  // CometBFT halts if tx_results does not have one entry per tx.
  finalizeBlock: (req) =>
    ResponseFinalizeBlock.fromPartial({ txResults: req.txs.map(() => ExecTxResult.fromPartial({})) }),
  extendVote: () => ({ voteExtension: new Uint8Array() }),
  verifyVoteExtension: () => ({ status: ResponseVerifyVoteExtension_VerifyStatus.ACCEPT }),
  commit: () => ({ retainHeight: 0n }),
  listSnapshots: () => ({ snapshots: [] }),
  // No snapshot support: let CometBFT try other peers' snapshots or fall back to block sync.
  offerSnapshot: () => ({ result: ResponseOfferSnapshot_Result.REJECT }),
  loadSnapshotChunk: () => ({ chunk: new Uint8Array() }),
  applySnapshotChunk: () =>
    ResponseApplySnapshotChunk.fromPartial({ result: ResponseApplySnapshotChunk_Result.ABORT }),
};

/** The leading txs whose summed length stays within `maxTxBytes`. */
export function takeTxsWithin(txs: Uint8Array[], maxTxBytes: bigint): Uint8Array[] {
  let total = 0n;
  let count = 0;
  for (const tx of txs) {
    total += BigInt(tx.length);
    if (total > maxTxBytes) break;
    count++;
  }
  return count === txs.length ? txs : txs.slice(0, count);
}
