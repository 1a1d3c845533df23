// The AMM's registered errors: codespace `amm`, codes stable forever. Call sites wrap them
// with the numbers involved (`received 95ustake, less than the minimum 100ustake`).
import { registerError } from '../../app/errors.js';

export const AMM_CODESPACE = 'amm';

export const ErrPoolNotFound = registerError(AMM_CODESPACE, 2, 'pool not found');
export const ErrSlippage = registerError(AMM_CODESPACE, 3, 'slippage limit exceeded');
export const ErrZeroAmount = registerError(AMM_CODESPACE, 4, 'amount must be positive');
export const ErrSameDenom = registerError(AMM_CODESPACE, 5, 'denoms must differ');
export const ErrInvalidCurve = registerError(AMM_CODESPACE, 6, 'invalid curve');
export const ErrInvalidSwapFee = registerError(AMM_CODESPACE, 7, 'invalid swap fee');
export const ErrInvalidRoute = registerError(AMM_CODESPACE, 8, 'invalid route');
export const ErrInsufficientLiquidity = registerError(AMM_CODESPACE, 9, 'insufficient liquidity');
export const ErrInvariantDecreased = registerError(AMM_CODESPACE, 10, 'pool invariant would decrease');
export const ErrDenomNotInPool = registerError(AMM_CODESPACE, 11, 'denom not in pool');
export const ErrTwapUnavailable = registerError(AMM_CODESPACE, 12, 'twap unavailable');
export const ErrInvalidDeposit = registerError(AMM_CODESPACE, 13, 'invalid deposit');
