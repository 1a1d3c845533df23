// Interchain staking's registered errors: codespace `xstaking`, codes stable forever.
import { registerError } from '../../app/errors.js';

export const XSTAKING_CODESPACE = 'xstaking';

export const ErrWrongRole = registerError(XSTAKING_CODESPACE, 2, 'not allowed in this zone\'s xstaking role');
export const ErrInvalidAmount = registerError(XSTAKING_CODESPACE, 3, 'invalid amount');
export const ErrNoPosition = registerError(XSTAKING_CODESPACE, 4, 'no such x-stake position');
export const ErrInsufficientBar = registerError(XSTAKING_CODESPACE, 5, 'not enough x-staked BAR');
export const ErrPowerCap = registerError(XSTAKING_CODESPACE, 6, 'x-staked power cap exceeded');
export const ErrInvalidPacket = registerError(XSTAKING_CODESPACE, 7, 'invalid xstaking packet');
export const ErrInvalidParams = registerError(XSTAKING_CODESPACE, 8, 'invalid xstaking params');
// Fork trials (fork.ts); numbered apart from the rest so other additions do not collide.
export const ErrInvalidFork = registerError(XSTAKING_CODESPACE, 20, 'invalid consumer fork evidence');
export const ErrForkJudged = registerError(XSTAKING_CODESPACE, 21, 'consumer fork already judged');
