// ICS-20's registered errors (codespace `transfer`, ibc-go v8's codes and wording), and the
// errors of other codespaces that ibc-go's transfer code returns.
import { CodedError, ErrInternal, registerError, registeredError, UNDEFINED_CODESPACE } from '../../../app/errors.js';

export const TRANSFER_CODESPACE = 'transfer';

export const ErrInvalidPacketTimeout = registerError(TRANSFER_CODESPACE, 2, 'invalid packet timeout');
export const ErrInvalidDenomForTransfer = registerError(TRANSFER_CODESPACE, 3, 'invalid denomination for cross-chain transfer');
export const ErrInvalidVersion = registerError(TRANSFER_CODESPACE, 4, 'invalid ICS20 version');
export const ErrInvalidAmount = registerError(TRANSFER_CODESPACE, 5, 'invalid token amount');
export const ErrTraceNotFound = registerError(TRANSFER_CODESPACE, 6, 'denomination trace not found');
export const ErrSendDisabled = registerError(TRANSFER_CODESPACE, 7, 'fungible token transfers from this chain are disabled');
export const ErrReceiveDisabled = registerError(TRANSFER_CODESPACE, 8, 'fungible token transfers to this chain are disabled');
export const ErrMaxTransferChannels = registerError(TRANSFER_CODESPACE, 9, 'max transfer channels');
export const ErrInvalidAuthorization = registerError(TRANSFER_CODESPACE, 10, 'invalid transfer authorization');
export const ErrInvalidMemo = registerError(TRANSFER_CODESPACE, 11, 'invalid memo');

/**
 * An error of ibc-go's core that zonekit's core does not register (yet): core's instance if
 * it has been registered, else an unregistered one with ibc-go's codespace, code and
 * wording, so ABCI answers read the same and nothing is registered twice.
 */
function coreError(codespace: string, code: number, description: string): CodedError {
  return registeredError(codespace, code) ?? new CodedError(codespace, code, description);
}

// ibc-go modules/core/errors (codespace `ibc`).
export const ErrIbcUnauthorized = coreError('ibc', 2, 'unauthorized');
export const ErrIbcInsufficientFunds = coreError('ibc', 3, 'insufficient funds');
export const ErrIbcUnknownRequest = coreError('ibc', 4, 'unknown request');
export const ErrIbcInvalidAddress = coreError('ibc', 5, 'invalid address');
export const ErrIbcInvalidCoins = coreError('ibc', 6, 'invalid coins');
export const ErrIbcInvalidRequest = coreError('ibc', 8, 'invalid request');
export const ErrIbcInvalidType = coreError('ibc', 12, 'invalid type');

// ibc-go 04-channel (codespace `channel`); zonekit has no capabilities, so core does not
// register code 9, which ibc-go's transfer returns for a channel it does not own.
export { ErrChannelNotFound, ErrInvalidChannelOrdering } from '../../core/04-channel/errors.js';
export const ErrChannelCapabilityNotFound = coreError('channel', 9, 'channel capability not found');

/**
 * What a Go `errors.New`/`fmt.Errorf` error becomes in ABCI: codespace `undefined`, code 1,
 * its own text as the log. ibc-go returns such errors in a few places (bech32 decoding,
 * trace identifiers), and the code ends up in error acknowledgements.
 */
export function goError(message: string): CodedError {
  return new CodedError(UNDEFINED_CODESPACE, ErrInternal.code, message, ErrInternal);
}

/** A CodedError's text without its root's description: what the Go error it stands for would print. */
export function goText(err: unknown): string {
  if (!(err instanceof CodedError)) return err instanceof Error ? err.message : String(err);
  if (err.root === err) return err.message;
  const suffix = `: ${err.root.message}`;
  return err.message.endsWith(suffix) ? err.message.slice(0, -suffix.length) : err.message;
}
