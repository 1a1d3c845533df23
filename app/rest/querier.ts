// How the REST server reaches the app's queries: a function from a gRPC method path and
// request bytes to the response bytes, or a gRPC status error. The zone's server calls its
// BaseApp's ABCI Query in the same process (localQuerier); a server that runs apart from the
// app can answer the same way through CometBFT's `abci_query`.
import { RequestQuery, type ResponseQuery } from 'cosmjs-types/tendermint/abci/types';
import { statusFromAbci } from './status.js';

export interface QueryResult {
  value: Uint8Array;
  /** The height the answer was read at. */
  height: bigint;
}

/** Runs an ABCI query (`/cosmos.bank.v1beta1.Query/Balance`, ...); height 0 means the latest. */
export type AbciQuerier = (path: string, data: Uint8Array, height?: bigint) => Promise<QueryResult>;

function answer(response: Pick<ResponseQuery, 'code' | 'codespace' | 'log' | 'value' | 'height'>): QueryResult {
  if (response.code !== 0) throw statusFromAbci(response.codespace, response.code, response.log);
  return { value: response.value, height: response.height };
}

/** Queries an app in this process (anything with BaseApp's `query`). */
export function localQuerier(app: { query(req: RequestQuery): ResponseQuery }): AbciQuerier {
  return async (path, data, height = 0n) => answer(app.query(RequestQuery.fromPartial({ path, data, height })));
}
