// x/bank's registered errors (codespace `bank`), with the SDK's codes and wording.
import { registerError } from '../../app/errors.js';

export const BANK_CODESPACE = 'bank';

export const ErrNoInputs = registerError(BANK_CODESPACE, 2, 'no inputs to send transaction');
export const ErrNoOutputs = registerError(BANK_CODESPACE, 3, 'no outputs to send transaction');
export const ErrInputOutputMismatch = registerError(BANK_CODESPACE, 4, 'sum inputs != sum outputs');
export const ErrSendDisabled = registerError(BANK_CODESPACE, 5, 'send transactions are disabled');
export const ErrDenomMetadataNotFound = registerError(BANK_CODESPACE, 6, 'client denom metadata not found');
export const ErrInvalidKey = registerError(BANK_CODESPACE, 7, 'invalid key');
export const ErrDuplicateEntry = registerError(BANK_CODESPACE, 8, 'duplicate entry');
export const ErrMultipleSenders = registerError(BANK_CODESPACE, 9, 'multiple senders not allowed');
