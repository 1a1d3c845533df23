// Errors as grpc-gateway writes them: a gRPC status `{code, message, details}` in the body and
// the HTTP status grpc-gateway maps that code to, so wallets and explorers that branch on
// either (Keplr treats a 404 on an account as "new account") behave as against a Go node.
import { CodedError, registeredError, ErrInvalidAddress, ErrInvalidCoins, ErrInvalidHeight, ErrInvalidRequest, ErrKeyNotFound, ErrNotFound, ErrTxDecode, ErrUnknownRequest } from '../errors.js';

/** gRPC status codes (google.golang.org/grpc/codes). */
export const GrpcCode = {
  OK: 0,
  Canceled: 1,
  Unknown: 2,
  InvalidArgument: 3,
  DeadlineExceeded: 4,
  NotFound: 5,
  AlreadyExists: 6,
  PermissionDenied: 7,
  ResourceExhausted: 8,
  FailedPrecondition: 9,
  Aborted: 10,
  OutOfRange: 11,
  Unimplemented: 12,
  Internal: 13,
  Unavailable: 14,
  DataLoss: 15,
  Unauthenticated: 16,
} as const;
export type GrpcCode = (typeof GrpcCode)[keyof typeof GrpcCode];

// grpc-gateway's runtime.HTTPStatusFromCode.
const HTTP_STATUS: Readonly<Record<GrpcCode, number>> = {
  0: 200, 1: 499, 2: 500, 3: 400, 4: 504, 5: 404, 6: 409, 7: 403, 8: 429, 9: 400, 10: 409, 11: 400, 12: 501, 13: 500, 14: 503, 15: 500, 16: 401,
};

export function httpStatusOf(code: GrpcCode): number {
  return HTTP_STATUS[code];
}

/** The JSON body of every error answer. */
export interface StatusBody {
  code: GrpcCode;
  message: string;
  details: unknown[];
}

/** An error that answers a request with a gRPC status. */
export class GrpcStatusError extends Error {
  constructor(
    readonly grpcCode: GrpcCode,
    message: string,
  ) {
    super(message);
    this.name = 'GrpcStatusError';
  }

  get httpStatus(): number {
    return httpStatusOf(this.grpcCode);
  }

  toBody(): StatusBody {
    return { code: this.grpcCode, message: this.message, details: [] };
  }
}

export const invalidArgument = (message: string): GrpcStatusError => new GrpcStatusError(GrpcCode.InvalidArgument, message);
export const notFound = (message: string): GrpcStatusError => new GrpcStatusError(GrpcCode.NotFound, message);

// Query handlers report gRPC statuses inside the ABCI log, as the SDK does (see app/grpc.ts):
// "rpc error: code = NotFound desc = account X not found: key not found".
const RPC_ERROR = /^rpc error: code = (\w+) desc = ([\s\S]*)$/;

// Registered errors that are really a bad request or a missing thing; any other module error
// is Unknown (HTTP 500), which is what the SDK's gRPC server makes of an unmapped error.
const CODE_OF_ROOT: ReadonlyArray<[CodedError, GrpcCode]> = [
  [ErrInvalidRequest, GrpcCode.InvalidArgument],
  [ErrInvalidAddress, GrpcCode.InvalidArgument],
  [ErrInvalidCoins, GrpcCode.InvalidArgument],
  [ErrInvalidHeight, GrpcCode.InvalidArgument],
  [ErrTxDecode, GrpcCode.InvalidArgument],
  [ErrKeyNotFound, GrpcCode.NotFound],
  [ErrNotFound, GrpcCode.NotFound],
  [ErrUnknownRequest, GrpcCode.Unimplemented],
];

/** The text a wrapped error adds in front of its root's description. */
function detailOf(log: string, root: string): string {
  const suffix = `: ${root}`;
  return log.endsWith(suffix) ? log.slice(0, -suffix.length) : log;
}

/** The gRPC status for a failed ABCI query (its codespace, code and log). */
export function statusFromAbci(codespace: string, code: number, log: string): GrpcStatusError {
  const root = CODE_OF_ROOT.find(([err]) => err.codespace === codespace && err.code === code);
  const detail = root ? detailOf(log, root[0].message) : log;
  const rpc = RPC_ERROR.exec(detail);
  if (rpc !== null) {
    const named = GrpcCode[rpc[1] as keyof typeof GrpcCode];
    return new GrpcStatusError(named ?? GrpcCode.Unknown, rpc[2]!);
  }
  // A module error registered with a gRPC code (registerError's last argument) answers with it.
  const registeredCode = registeredError(codespace, code)?.grpcCode as GrpcCode | undefined;
  return new GrpcStatusError(root ? root[1] : (registeredCode ?? GrpcCode.Unknown), log);
}

/** The status for anything thrown while answering: its own, or Internal without leaking internals. */
export function statusOf(err: unknown): GrpcStatusError {
  if (err instanceof GrpcStatusError) return err;
  if (err instanceof CodedError) return statusFromAbci(err.codespace, err.code, err.message);
  return new GrpcStatusError(GrpcCode.Internal, 'internal error');
}
