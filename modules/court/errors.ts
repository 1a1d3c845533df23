// The court answers in the SDK's codespaces so clients that know x/slashing and x/evidence
// read its errors unchanged: `slashing` for unjailing, `evidence` for submitted evidence.
// Codes and descriptions are the SDK's (v0.50), all registered so no code takes another
// meaning here; the wrapped detail says what was wrong.
import { registerError } from '../../app/errors.js';

export const SLASHING_CODESPACE = 'slashing';
export const EVIDENCE_CODESPACE = 'evidence';

export const ErrNoValidatorForAddress = registerError(SLASHING_CODESPACE, 2, 'address is not associated with any known validator');
export const ErrBadValidatorAddr = registerError(SLASHING_CODESPACE, 3, 'validator does not exist for that address');
export const ErrValidatorJailed = registerError(SLASHING_CODESPACE, 4, 'validator still jailed; cannot be unjailed');
export const ErrValidatorNotJailed = registerError(SLASHING_CODESPACE, 5, 'validator not jailed; cannot be unjailed');
export const ErrMissingSelfDelegation = registerError(SLASHING_CODESPACE, 6, 'validator has no self-delegation; cannot be unjailed');
export const ErrSelfDelegationTooLowToUnjail = registerError(SLASHING_CODESPACE, 7, "validator's self delegation less than minimum; cannot be unjailed");
export const ErrNoSigningInfoFound = registerError(SLASHING_CODESPACE, 8, 'no validator signing info found');

export const ErrNoEvidenceHandlerExists = registerError(EVIDENCE_CODESPACE, 2, 'unregistered handler for evidence type');
export const ErrInvalidEvidence = registerError(EVIDENCE_CODESPACE, 3, 'invalid evidence');
export const ErrNoEvidenceExists = registerError(EVIDENCE_CODESPACE, 4, 'evidence does not exist');
export const ErrEvidenceExists = registerError(EVIDENCE_CODESPACE, 5, 'evidence already exists');
