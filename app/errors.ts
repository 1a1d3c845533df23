// Typed errors in the shape of the Cosmos SDK's errorsmod: every error carries a
// (codespace, code) pair that ABCI responses report, and a log whose wording matches
// the SDK's so wallets, relayers and explorers that parse it keep working.

/** An error with an ABCI codespace and code. Root errors come from `registerError`. */
export class CodedError extends Error {
  readonly codespace: string;
  readonly code: number;
  /** The registered error this one wraps (itself for a root error). */
  readonly root: CodedError;
  /** The gRPC status code a query answers with, when registered with one (the SDK's RegisterWithGRPCCode). */
  readonly grpcCode: number | undefined;

  constructor(codespace: string, code: number, message: string, root?: CodedError, grpcCode?: number) {
    super(message);
    this.name = 'CodedError';
    this.codespace = codespace;
    this.code = code;
    this.root = root ?? this;
    this.grpcCode = root ? root.grpcCode : grpcCode;
  }

  /** Adds detail in front, as the SDK's `Wrap`: `"<detail>: <description>"`. */
  wrap(detail: string): CodedError {
    return new CodedError(this.codespace, this.code, `${detail}: ${this.message}`, this.root);
  }

  /** Whether this error is, or wraps, the registered error `target`. */
  is(target: CodedError): boolean {
    return this.root === target.root;
  }
}

const registered = new Map<string, CodedError>();

/**
 * Registers a root error. Each (codespace, code) pair may be registered once, at module
 * load, so a code always means the same thing. Code 0 is reserved for success.
 */
export function registerError(codespace: string, code: number, description: string, grpcCode?: number): CodedError {
  if (!Number.isInteger(code) || code <= 0 || code > 0xffffffff) {
    throw new Error(`error code must be a uint32 above 0, got ${code}`);
  }
  const id = `${codespace}:${code}`;
  const existing = registered.get(id);
  if (existing) {
    throw new Error(`error with code ${code} is already registered in codespace ${codespace}: "${existing.message}"`);
  }
  const err = new CodedError(codespace, code, description, undefined, grpcCode);
  registered.set(id, err);
  return err;
}

/** Looks up a registered error, e.g. to map an ABCI (codespace, code) back on the client side. */
export function registeredError(codespace: string, code: number): CodedError | undefined {
  return registered.get(`${codespace}:${code}`);
}

export const ROOT_CODESPACE = 'sdk';
export const UNDEFINED_CODESPACE = 'undefined';

// Codes and descriptions are the SDK's (types/errors/errors.go, v0.50), so a zonekit
// response reads exactly like a simd one.
export const ErrInternal = registerError(UNDEFINED_CODESPACE, 1, 'internal');
export const ErrPanic = registerError(UNDEFINED_CODESPACE, 111222, 'panic');

export const ErrTxDecode = registerError(ROOT_CODESPACE, 2, 'tx parse error');
export const ErrInvalidSequence = registerError(ROOT_CODESPACE, 3, 'invalid sequence');
export const ErrUnauthorized = registerError(ROOT_CODESPACE, 4, 'unauthorized');
export const ErrInsufficientFunds = registerError(ROOT_CODESPACE, 5, 'insufficient funds');
export const ErrUnknownRequest = registerError(ROOT_CODESPACE, 6, 'unknown request');
export const ErrInvalidAddress = registerError(ROOT_CODESPACE, 7, 'invalid address');
export const ErrInvalidPubKey = registerError(ROOT_CODESPACE, 8, 'invalid pubkey');
export const ErrUnknownAddress = registerError(ROOT_CODESPACE, 9, 'unknown address');
export const ErrInvalidCoins = registerError(ROOT_CODESPACE, 10, 'invalid coins');
export const ErrOutOfGas = registerError(ROOT_CODESPACE, 11, 'out of gas');
export const ErrMemoTooLarge = registerError(ROOT_CODESPACE, 12, 'memo too large');
export const ErrInsufficientFee = registerError(ROOT_CODESPACE, 13, 'insufficient fee');
export const ErrTooManySignatures = registerError(ROOT_CODESPACE, 14, 'maximum number of signatures exceeded');
export const ErrNoSignatures = registerError(ROOT_CODESPACE, 15, 'no signatures supplied');
export const ErrJSONMarshal = registerError(ROOT_CODESPACE, 16, 'failed to marshal JSON bytes');
export const ErrJSONUnmarshal = registerError(ROOT_CODESPACE, 17, 'failed to unmarshal JSON bytes');
export const ErrInvalidRequest = registerError(ROOT_CODESPACE, 18, 'invalid request');
export const ErrTxInMempoolCache = registerError(ROOT_CODESPACE, 19, 'tx already in mempool');
export const ErrMempoolIsFull = registerError(ROOT_CODESPACE, 20, 'mempool is full');
export const ErrTxTooLarge = registerError(ROOT_CODESPACE, 21, 'tx too large');
export const ErrKeyNotFound = registerError(ROOT_CODESPACE, 22, 'key not found');
export const ErrWrongPassword = registerError(ROOT_CODESPACE, 23, 'invalid account password');
export const ErrInvalidSigner = registerError(ROOT_CODESPACE, 24, 'tx intended signer does not match the given signer');
export const ErrInvalidGasAdjustment = registerError(ROOT_CODESPACE, 25, 'invalid gas adjustment');
export const ErrInvalidHeight = registerError(ROOT_CODESPACE, 26, 'invalid height');
export const ErrInvalidVersion = registerError(ROOT_CODESPACE, 27, 'invalid version');
export const ErrInvalidChainID = registerError(ROOT_CODESPACE, 28, 'invalid chain-id');
export const ErrInvalidType = registerError(ROOT_CODESPACE, 29, 'invalid type');
export const ErrTxTimeoutHeight = registerError(ROOT_CODESPACE, 30, 'tx timeout height');
export const ErrUnknownExtensionOptions = registerError(ROOT_CODESPACE, 31, 'unknown extension options');
export const ErrWrongSequence = registerError(ROOT_CODESPACE, 32, 'incorrect account sequence');
export const ErrPackAny = registerError(ROOT_CODESPACE, 33, 'failed packing protobuf message to Any');
export const ErrUnpackAny = registerError(ROOT_CODESPACE, 34, 'failed unpacking protobuf message from Any');
export const ErrLogic = registerError(ROOT_CODESPACE, 35, 'internal logic error');
export const ErrConflict = registerError(ROOT_CODESPACE, 36, 'conflict');
export const ErrNotSupported = registerError(ROOT_CODESPACE, 37, 'feature not supported');
export const ErrNotFound = registerError(ROOT_CODESPACE, 38, 'not found');
export const ErrIO = registerError(ROOT_CODESPACE, 39, 'Internal IO error');
export const ErrAppConfig = registerError(ROOT_CODESPACE, 40, 'error in app.toml');
export const ErrInvalidGasLimit = registerError(ROOT_CODESPACE, 41, 'invalid gas limit');

export interface AbciErrorInfo {
  codespace: string;
  code: number;
  log: string;
}

/**
 * What an ABCI response reports for a thrown value. Anything that is not a CodedError
 * (a TypeError, a string, a library's exception) becomes `undefined`/1 with the log
 * "internal", as the SDK's Redact does: its text may differ between nodes (stack
 * traces, library versions) and may leak internals, while a response must be the
 * same on every validator.
 */
export function toAbciError(err: unknown): AbciErrorInfo {
  if (err instanceof CodedError) {
    if (err.is(ErrPanic)) return { codespace: ErrPanic.codespace, code: ErrPanic.code, log: ErrPanic.message };
    return { codespace: err.codespace, code: err.code, log: err.message };
  }
  return { codespace: ErrInternal.codespace, code: ErrInternal.code, log: ErrInternal.message };
}
