// 03-connection's registered errors: ibc-go's codespace `connection`.
import { registerError } from '../../../app/errors.js';

const CODESPACE = 'connection';

export const ErrConnectionExists = registerError(CODESPACE, 2, 'connection already exists');
export const ErrConnectionNotFound = registerError(CODESPACE, 3, 'connection not found');
export const ErrClientConnectionPathsNotFound = registerError(CODESPACE, 4, 'light client connection paths not found');
export const ErrConnectionPath = registerError(CODESPACE, 5, 'connection path is not associated to the given light client');
export const ErrInvalidConnectionState = registerError(CODESPACE, 6, 'invalid connection state');
export const ErrInvalidCounterparty = registerError(CODESPACE, 7, 'invalid counterparty connection');
export const ErrInvalidConnection = registerError(CODESPACE, 8, 'invalid connection');
export const ErrInvalidVersion = registerError(CODESPACE, 9, 'invalid connection version');
export const ErrVersionNegotiationFailed = registerError(CODESPACE, 10, 'connection version negotiation failed');
export const ErrInvalidConnectionIdentifier = registerError(CODESPACE, 11, 'invalid connection identifier');
