// The dex module's registered errors: codespace `dex`, codes stable forever. Each is wrapped
// at the call site with what was wrong and what would be accepted.
import { registerError } from '../../app/errors.js';

export const DEX_CODESPACE = 'dex';
export const ErrUnknownMarket = registerError(DEX_CODESPACE, 2, 'unknown market');
export const ErrMarketExists = registerError(DEX_CODESPACE, 3, 'market already exists');
export const ErrInvalidMarket = registerError(DEX_CODESPACE, 4, 'invalid market parameters');
export const ErrBadTick = registerError(DEX_CODESPACE, 5, 'price is not a multiple of the tick size');
export const ErrBadLot = registerError(DEX_CODESPACE, 6, 'quantity is not a multiple of the lot size');
export const ErrMinNotional = registerError(DEX_CODESPACE, 7, 'order is below the minimum notional');
export const ErrInvalidOrder = registerError(DEX_CODESPACE, 8, 'invalid order');
export const ErrUnknownOrder = registerError(DEX_CODESPACE, 9, 'unknown order');
export const ErrNotOrderOwner = registerError(DEX_CODESPACE, 10, 'not the owner of the order');
export const ErrNoRoute = registerError(DEX_CODESPACE, 11, 'no venue trades this pair');
export const ErrSlippage = registerError(DEX_CODESPACE, 12, 'output below the minimum');
