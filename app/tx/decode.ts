import { hash } from 'node:crypto';
import { AuthInfo, TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { CodedError, ErrTxDecode, ErrTxTooLarge, ErrUnknownExtensionOptions } from '../errors.js';
import { authInfoSchema, txBodySchema, txRawSchema } from './tx-schema.js';
import { rejectUnknownFields } from './unknown-fields.js';

/** A decoded TxRaw. Messages stay `Any` (typeUrl + value) for the app's router. */
export interface DecodedTx {
  /** The bytes as received: what CometBFT hashes (sha256) into the tx hash. */
  txBytes: Uint8Array;
  /** Kept verbatim: SIGN_MODE_DIRECT signs these exact bytes, not a re-encoding. */
  bodyBytes: Uint8Array;
  authInfoBytes: Uint8Array;
  body: TxBody;
  authInfo: AuthInfo;
  signatures: Uint8Array[];
}

/** CometBFT's default mempool.max_tx_bytes. */
export const DEFAULT_MAX_TX_BYTES = 1024 * 1024;

export interface DecodeOptions {
  maxTxBytes?: number;
}

function decodeWith<T>(what: string, decode: () => T): T {
  try {
    return decode();
  } catch (err) {
    if (err instanceof CodedError) throw err;
    throw ErrTxDecode.wrap(`malformed ${what}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Decodes and structurally checks a TxRaw, as the SDK's tx decoder does. Throws
 * ErrTxDecode (code 2) for anything malformed, ErrTxTooLarge (21) above `maxTxBytes`
 * and ErrUnknownExtensionOptions (31) for extension options this app cannot honour.
 * Signatures are not checked here: see verifyTxSignatures.
 */
export function decodeTx(txBytes: Uint8Array, opts: DecodeOptions = {}): DecodedTx {
  const maxTxBytes = opts.maxTxBytes ?? DEFAULT_MAX_TX_BYTES;
  if (txBytes.length === 0) throw ErrTxDecode.wrap('tx bytes are empty');
  if (txBytes.length > maxTxBytes) {
    throw ErrTxTooLarge.wrap(`tx is ${txBytes.length} bytes, larger than the maximum of ${maxTxBytes} bytes`);
  }

  // TxRaw and AuthInfo are strict; the body may carry non-critical fields (ADR-020).
  decodeWith('TxRaw', () => rejectUnknownFields(txBytes, txRawSchema, false));
  const raw = decodeWith('TxRaw', () => TxRaw.decode(txBytes));
  decodeWith('TxBody', () => rejectUnknownFields(raw.bodyBytes, txBodySchema, true));
  decodeWith('AuthInfo', () => rejectUnknownFields(raw.authInfoBytes, authInfoSchema, false));
  const body = decodeWith('TxBody', () => TxBody.decode(raw.bodyBytes));
  const authInfo = decodeWith('AuthInfo', () => AuthInfo.decode(raw.authInfoBytes));

  // SDK v0.53 fields that this app does not implement: executing such a tx while
  // ignoring them would drop a guarantee the signer asked for.
  if (body.unordered) throw ErrTxDecode.wrap('unordered transactions are not supported');
  if (body.timeoutTimestamp !== undefined) throw ErrTxDecode.wrap('timeout_timestamp is not supported; use timeout_height');
  if (body.extensionOptions.length > 0) throw ErrUnknownExtensionOptions;

  if (raw.signatures.length !== authInfo.signerInfos.length) {
    throw ErrTxDecode.wrap(
      `tx has ${raw.signatures.length} signatures but ${authInfo.signerInfos.length} signer infos; they must match one to one`,
    );
  }

  return {
    txBytes,
    bodyBytes: raw.bodyBytes,
    authInfoBytes: raw.authInfoBytes,
    body,
    authInfo,
    signatures: raw.signatures,
  };
}

const txHashes = new WeakMap<DecodedTx, string>();

/** sha256 of `txBytes` as a latin1 string (one code unit per byte): the tx hash, as a cheap map key. */
export function txHashKey(txBytes: Uint8Array): string {
  return hash('sha256', txBytes, 'latin1');
}

/** txHashKey(tx.txBytes), computed once per decoded tx. */
export function decodedTxHashKey(tx: DecodedTx): string {
  let key = txHashes.get(tx);
  if (key === undefined) {
    key = txHashKey(tx.txBytes);
    txHashes.set(tx, key);
  }
  return key;
}

/** Records `key` (= txHashKey(tx.txBytes), already computed by the caller) for decodedTxHashKey. */
export function rememberTxHashKey(tx: DecodedTx, key: string): void {
  txHashes.set(tx, key);
}
