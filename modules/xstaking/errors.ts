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
// Recovery from a closed channel (recovery.ts); codes from 20 leave room for the rest.
export const ErrChannelClosed = registerError(XSTAKING_CODESPACE, 20, 'xstaking channel is closed');
export const ErrChannelNotClosed = registerError(XSTAKING_CODESPACE, 21, 'xstaking channel is not closed');
export const ErrRecoveryNotDue = registerError(XSTAKING_CODESPACE, 22, 'x-stake not recoverable yet');
// Fork trials (fork.ts); codes from 30 so other additions do not collide.
export const ErrInvalidFork = registerError(XSTAKING_CODESPACE, 30, 'invalid consumer fork evidence');
export const ErrForkJudged = registerError(XSTAKING_CODESPACE, 31, 'consumer fork already judged');
