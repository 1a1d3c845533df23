// The counter module's registered errors: codespace `counter`, codes stable forever.
import { registerError } from '../../app/errors.js';

export const COUNTER_CODESPACE = 'counter';
export const ErrInvalidIncrement = registerError(COUNTER_CODESPACE, 2, 'invalid increment');
export const ErrCounterOverflow = registerError(COUNTER_CODESPACE, 3, 'counter overflow');
