// ABCI Query: gRPC method paths through the modules' query routes, Simulate, raw store
// keys with ICS-23 proofs, the app version, and the modules' invariants, at the latest or a
// given committed height.
import { ResponseQuery, type RequestQuery } from 'cosmjs-types/tendermint/abci/types';
import { SimulateRequest, SimulateResponse } from 'cosmjs-types/cosmos/tx/v1beta1/service';
import { AuthInfo, TxBody, TxRaw, type Tx } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { AppDefinition } from './app.js';
import { committedView } from './committed.js';
import { Context, infiniteGasMeter } from './context.js';
import { CodedError, ErrInvalidHeight, ErrInvalidRequest, ErrUnknownRequest, toAbciError } from './errors.js';
import { EventManager } from './events.js';
import type { TxOutcome } from './run-tx.js';
import { VersionNotFoundError, type CommitMultiStore } from './store/index.js';

export const SIMULATE_PATH = '/cosmos.tx.v1beta1.Service/Simulate';
/**
 * Every module's invariants over a committed height, for operators and crash campaigns: the
 * answer is a JSON array of what is broken (empty when all hold). A read like any query: it
 * changes nothing and runs on no consensus path, so checking from outside costs no node its
 * place in consensus (as the SDK's crisis MsgVerifyInvariant, a tx, would).
 */
export const INVARIANTS_PATH = '/app/invariants';
const STORE_PATH = /^\/?store\/([^/]+)\/key$/;

export interface QueryEnv {
  app: AppDefinition;
  store: CommitMultiStore;
  chainId: string;
  simulate(txBytes: Uint8Array): TxOutcome;
  /** Descriptions of the invariants broken at a committed height. */
  brokenInvariants(height: number): string[];
}

function queryHeight(store: CommitMultiStore, requested: bigint): number {
  const latest = store.lastCommitId().version;
  if (requested < 0n) throw ErrInvalidRequest.wrap('cannot query with height < 0; please provide a valid height');
  if (requested > BigInt(latest)) throw ErrInvalidRequest.wrap('cannot query with height in the future; please provide a valid height');
  const height = requested === 0n ? latest : Number(requested);
  if (height === 0) throw ErrInvalidRequest.wrap('the chain has no committed block yet');
  return height;
}

function simulate(env: QueryEnv, data: Uint8Array): Uint8Array {
  const request = SimulateRequest.decode(data);
  let txBytes = request.txBytes;
  if (txBytes.length === 0 && request.tx) {
    // The deprecated `tx` field: re-encode it as the bytes a client would have sent.
    const tx: Tx = request.tx;
    txBytes = TxRaw.encode({
      bodyBytes: TxBody.encode(tx.body ?? TxBody.fromPartial({})).finish(),
      authInfoBytes: AuthInfo.encode(tx.authInfo ?? AuthInfo.fromPartial({})).finish(),
      signatures: tx.signatures,
    }).finish();
  }
  if (txBytes.length === 0) throw ErrInvalidRequest.wrap('empty txBytes is not allowed');
  const outcome = env.simulate(txBytes);
  if (outcome.code !== 0) throw new CodedError(outcome.codespace, outcome.code, outcome.log);
  return SimulateResponse.encode({
    gasInfo: { gasWanted: outcome.gasWanted, gasUsed: outcome.gasUsed },
    result: { data: outcome.data, log: outcome.log, events: outcome.events, msgResponses: outcome.msgResponses },
  }).finish();
}

function answer(env: QueryEnv, req: RequestQuery): ResponseQuery {
  const path = req.path;
  if (path === SIMULATE_PATH || path === '/app/simulate' || path === 'app/simulate') {
    return ResponseQuery.fromPartial({ value: simulate(env, req.data), height: BigInt(env.store.lastCommitId().version) });
  }
  if (path === '/app/version' || path === 'app/version') {
    return ResponseQuery.fromPartial({ value: Buffer.from(env.app.version), height: BigInt(env.store.lastCommitId().version) });
  }
  if (path === INVARIANTS_PATH || path === 'app/invariants') {
    const height = queryHeight(env.store, req.height);
    return ResponseQuery.fromPartial({ value: Buffer.from(JSON.stringify(env.brokenInvariants(height))), height: BigInt(height) });
  }
  const route = env.app.queryRoutes.get(path);
  if (route !== undefined) {
    const height = queryHeight(env.store, req.height);
    const header = { chainId: env.chainId, height: BigInt(height), time: { seconds: 0n, nanos: 0 } };
    const ctx = new Context(committedView(env.store, height).branch(), header, infiniteGasMeter(), new EventManager(), 'query');
    return ResponseQuery.fromPartial({ value: route(ctx, req.data), height: BigInt(height) });
  }
  const storeMatch = STORE_PATH.exec(path);
  if (storeMatch !== null) {
    const name = storeMatch[1]!;
    if (!env.store.storeNames.includes(name)) throw ErrUnknownRequest.wrap(`no such store: ${name}`);
    const height = queryHeight(env.store, req.height);
    const result = env.store.query(name, req.data, height, req.prove);
    return ResponseQuery.fromPartial({
      key: req.data,
      value: result.value ?? new Uint8Array(),
      height: BigInt(height),
      ...(result.proofOps ? { proofOps: { ops: result.proofOps } } : {}),
    });
  }
  throw ErrUnknownRequest.wrap(`unknown query path: ${path}`);
}

export function handleQuery(env: QueryEnv, req: RequestQuery): ResponseQuery {
  try {
    return answer(env, req);
  } catch (err) {
    const coded = err instanceof VersionNotFoundError ? ErrInvalidHeight.wrap(err.message) : err;
    const { code, codespace, log } = toAbciError(coded);
    return ResponseQuery.fromPartial({ code, codespace, log, height: req.height });
  }
}
