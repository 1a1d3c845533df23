// ibc-go wraps an inner error with context as it travels up ("connection handshake open try
// failed: ..."), keeping its codespace and code. Errors that are not coded pass unchanged.
import { CodedError } from '../../app/errors.js';

export function wrapError(err: unknown, detail: string): unknown {
  return err instanceof CodedError ? err.wrap(detail) : err;
}

/** Runs `check`, rethrowing its coded error wrapped with `detail`. */
export function withContext<T>(detail: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    throw wrapError(err, detail);
  }
}
