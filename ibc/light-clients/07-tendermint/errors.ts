// 07-tendermint's registered errors: ibc-go's codespace `07-tendermint`, codes and wording.
import { registerError } from '../../../app/errors.js';

export const MODULE_NAME = '07-tendermint';

export const ErrInvalidChainID = registerError(MODULE_NAME, 2, 'invalid chain-id');
export const ErrInvalidTrustingPeriod = registerError(MODULE_NAME, 3, 'invalid trusting period');
export const ErrInvalidUnbondingPeriod = registerError(MODULE_NAME, 4, 'invalid unbonding period');
export const ErrInvalidHeaderHeight = registerError(MODULE_NAME, 5, 'invalid header height');
export const ErrInvalidHeader = registerError(MODULE_NAME, 6, 'invalid header');
export const ErrInvalidMaxClockDrift = registerError(MODULE_NAME, 7, 'invalid max clock drift');
export const ErrProcessedTimeNotFound = registerError(MODULE_NAME, 8, 'processed time not found');
export const ErrProcessedHeightNotFound = registerError(MODULE_NAME, 9, 'processed height not found');
export const ErrDelayPeriodNotPassed = registerError(MODULE_NAME, 10, 'packet-specified delay period has not been reached');
export const ErrTrustingPeriodExpired = registerError(MODULE_NAME, 11, 'time since latest trusted state has passed the trusting period');
export const ErrUnbondingPeriodExpired = registerError(MODULE_NAME, 12, 'time since latest trusted state has passed the unbonding period');
export const ErrInvalidProofSpecs = registerError(MODULE_NAME, 13, 'invalid proof specs');
export const ErrInvalidValidatorSet = registerError(MODULE_NAME, 14, 'invalid validator set');
