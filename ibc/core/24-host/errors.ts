// 24-host's registered errors: ibc-go's codespace `host`.
import { registerError } from '../../../app/errors.js';

const CODESPACE = 'host';

export const ErrInvalidID = registerError(CODESPACE, 2, 'invalid identifier');
export const ErrInvalidPath = registerError(CODESPACE, 3, 'invalid path');
export const ErrInvalidPacket = registerError(CODESPACE, 4, 'invalid packet');
