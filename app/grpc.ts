// gRPC status errors as the SDK reports them through ABCI Query: the SDK maps the status
// to one of its codes and keeps the gRPC text, which clients match on (cosmjs's getAccount
// returns null exactly when the log says `rpc error: code = NotFound`).
import { ErrInvalidRequest, ErrKeyNotFound, type CodedError } from './errors.js';

export function grpcNotFound(description: string): CodedError {
  return ErrKeyNotFound.wrap(`rpc error: code = NotFound desc = ${description}`);
}

export function grpcInvalidArgument(description: string): CodedError {
  return ErrInvalidRequest.wrap(`rpc error: code = InvalidArgument desc = ${description}`);
}
