// The node's own services on CometBFT's `abci_query`, beside the app's queries. The SDK's
// server registers its tendermint, node, tx and reflection services in the app's query router,
// so a Go chain answers `/cosmos.base.tendermint.v1beta1.Service/GetNodeInfo` and
// `/cosmos.base.node.v1beta1.Service/Config` through ABCI Query too, and Hermes asks exactly
// there for the versions it checks and the minimum gas price. They are answered from
// CometBFT's RPC, so they live here in the runtime, not in the state machine's query router.
import { ResponseQuery, type RequestQuery } from 'cosmjs-types/tendermint/abci/types';
import { ABCI_METHODS, type Application } from '../abci/index.js';
import type { AppDefinition } from '../app/app.js';
import { ErrInternal, toAbciError } from '../app/errors.js';
import { grpcInvalidArgument, grpcNotFound } from '../app/grpc.js';
import { serviceMethods, type ServiceMethod } from '../app/grpc-server/services.js';
import { CometRpc } from '../app/rest/comet-rpc.js';
import { GrpcCode, GrpcStatusError } from '../app/rest/status.js';
import { TendermintService } from '../app/services/tendermint.js';
import { TxService } from '../app/services/tx.js';

/** Every node service method by path, answered through the CometBFT RPC at `cometRpc`. */
export function nodeServiceMethods(app: AppDefinition, cometRpc: string, minGasPrices: string): ReadonlyMap<string, ServiceMethod> {
  const comet = new CometRpc(cometRpc);
  return serviceMethods(new TxService(comet), new TendermintService(comet, app), app, minGasPrices);
}

/** A service's error as the SDK's query router reports a gRPC status through ABCI. */
function abciErrorOf(err: unknown): ReturnType<typeof toAbciError> {
  if (err instanceof GrpcStatusError) {
    if (err.grpcCode === GrpcCode.InvalidArgument) return toAbciError(grpcInvalidArgument(err.message));
    if (err.grpcCode === GrpcCode.NotFound) return toAbciError(grpcNotFound(err.message));
  }
  // CometBFT unreachable or an unexpected answer: say so rather than a bare "internal".
  return toAbciError(ErrInternal.wrap(err instanceof Error ? err.message : String(err)));
}

/**
 * `app` as CometBFT's ABCI server sees it, with `methods` answered on the query connection
 * (at the app's latest height) and every other query left to the app.
 */
export function withNodeQueries(app: Application, methods: ReadonlyMap<string, ServiceMethod>, latestHeight: () => bigint): Application {
  const wrapped: Application = {};
  // Bound to the app itself: its methods keep their `this`, and nothing is copied.
  for (const method of ABCI_METHODS) {
    const own = app[method];
    if (own !== undefined) Object.assign(wrapped, { [method]: own.bind(app) });
  }
  const appQuery = wrapped.query;
  wrapped.query = (req: RequestQuery) => {
    const method = methods.get(req.path);
    if (method === undefined) return appQuery !== undefined ? appQuery(req) : ResponseQuery.fromPartial({});
    return method(req.data).then(
      (value) => ResponseQuery.fromPartial({ value, height: latestHeight() }),
      (err: unknown) => ResponseQuery.fromPartial({ ...abciErrorOf(err), height: req.height }),
    );
  };
  return wrapped;
}
