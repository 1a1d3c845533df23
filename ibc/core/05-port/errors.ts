// 05-port's registered errors: ibc-go's codespace `port`.
import { registerError } from '../../../app/errors.js';

const CODESPACE = 'port';

export const ErrPortExists = registerError(CODESPACE, 2, 'port is already binded');
export const ErrPortNotFound = registerError(CODESPACE, 3, 'port not found');
export const ErrInvalidPort = registerError(CODESPACE, 4, 'invalid port');
export const ErrInvalidRoute = registerError(CODESPACE, 5, 'route not found');
