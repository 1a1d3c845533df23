// ICS-27's registered errors (codespace `interchainaccounts`, ibc-go v8's codes and wording),
// and the errors of other codespaces its code returns.
import { CodedError, ErrInternal, registerError, registeredError, UNDEFINED_CODESPACE } from '../../../../app/errors.js';

const CODESPACE = 'interchainaccounts';

export const ErrUnknownDataType = registerError(CODESPACE, 2, 'unknown data type');
export const ErrAccountAlreadyExist = registerError(CODESPACE, 3, 'account already exist');
export const ErrPortAlreadyBound = registerError(CODESPACE, 4, 'port is already bound');
export const ErrInvalidChannelFlow = registerError(CODESPACE, 5, 'invalid message sent to channel end');
export const ErrInvalidOutgoingData = registerError(CODESPACE, 6, 'invalid outgoing data');
export const ErrInvalidRoute = registerError(CODESPACE, 7, 'invalid route');
export const ErrInterchainAccountNotFound = registerError(CODESPACE, 8, 'interchain account not found');
export const ErrInterchainAccountAlreadySet = registerError(CODESPACE, 9, 'interchain account is already set');
export const ErrActiveChannelAlreadySet = registerError(CODESPACE, 10, 'active channel already set for this owner');
export const ErrActiveChannelNotFound = registerError(CODESPACE, 11, 'no active channel for this owner');
export const ErrInvalidVersion = registerError(CODESPACE, 12, 'invalid interchain accounts version');
export const ErrInvalidAccountAddress = registerError(CODESPACE, 13, 'invalid account address');
export const ErrUnsupported = registerError(CODESPACE, 14, 'interchain account does not support this action');
export const ErrInvalidControllerPort = registerError(CODESPACE, 15, 'invalid controller port');
export const ErrInvalidHostPort = registerError(CODESPACE, 16, 'invalid host port');
export const ErrInvalidTimeoutTimestamp = registerError(CODESPACE, 17, 'timeout timestamp must be in the future');
export const ErrInvalidCodec = registerError(CODESPACE, 18, 'codec is not supported');
export const ErrInvalidAccountReopening = registerError(CODESPACE, 19, 'invalid account reopening');

/**
 * An error of ibc-go's core codespace `ibc` that zonekit's core does not register: core's
 * instance if registered, else one with ibc-go's codespace, code and wording (as ICS-20 does).
 */
function coreError(code: number, description: string): CodedError {
  return registeredError('ibc', code) ?? new CodedError('ibc', code, description);
}

export const ErrIbcUnauthorized = coreError(2, 'unauthorized');
export const ErrIbcInvalidAddress = coreError(5, 'invalid address');
export const ErrIbcInvalidRequest = coreError(8, 'invalid request');
export const ErrIbcInvalidType = coreError(12, 'invalid type');
export const ErrIbcNotFound = coreError(16, 'not found');

export { ErrConnectionNotFound, ErrInvalidConnection } from '../../../core/03-connection/errors.js';
export { ErrChannelNotFound, ErrInvalidChannelOrdering } from '../../../core/04-channel/errors.js';

/**
 * What a Go `errors.New`/`fmt.Errorf` error becomes in ABCI: codespace `undefined`, code 1,
 * its text as the log (protobuf decoding errors, unknown type URLs); the code reaches acks.
 */
export function goError(message: string): CodedError {
  return new CodedError(UNDEFINED_CODESPACE, ErrInternal.code, message, ErrInternal);
}
