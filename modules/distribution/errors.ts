// x/distribution's registered errors (codespace `distribution`), with the SDK's codes and wording.
import { registerError } from '../../app/errors.js';

export const DISTRIBUTION_CODESPACE = 'distribution';

/** google.golang.org/grpc/codes.NotFound. */
const GRPC_NOT_FOUND = 5;

export const ErrEmptyDelegatorAddr = registerError(DISTRIBUTION_CODESPACE, 2, 'delegator address is empty');
export const ErrEmptyWithdrawAddr = registerError(DISTRIBUTION_CODESPACE, 3, 'withdraw address is empty');
export const ErrEmptyValidatorAddr = registerError(DISTRIBUTION_CODESPACE, 4, 'validator address is empty');
export const ErrEmptyDelegationDistInfo = registerError(DISTRIBUTION_CODESPACE, 5, 'no delegation distribution info');
export const ErrNoValidatorDistInfo = registerError(DISTRIBUTION_CODESPACE, 6, 'no validator distribution info');
export const ErrNoValidatorCommission = registerError(DISTRIBUTION_CODESPACE, 7, 'no validator commission to withdraw');
export const ErrSetWithdrawAddrDisabled = registerError(DISTRIBUTION_CODESPACE, 8, 'set withdraw address disabled');
export const ErrBadDistribution = registerError(DISTRIBUTION_CODESPACE, 9, 'community pool does not have sufficient coins to distribute');
// A query for rewards of a missing validator or delegation answers NotFound (HTTP 404): the
// SDK registers these without a gRPC code, so its gateway answers 500, as if the node failed.
export const ErrNoValidatorExists = registerError(DISTRIBUTION_CODESPACE, 12, 'validator does not exist', GRPC_NOT_FOUND);
export const ErrNoDelegationExists = registerError(DISTRIBUTION_CODESPACE, 13, 'delegation does not exist', GRPC_NOT_FOUND);
