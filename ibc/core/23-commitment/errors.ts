// 23-commitment's registered errors: ibc-go's codespace `commitment`.
import { registerError } from '../../../app/errors.js';

const CODESPACE = 'commitment';

export const ErrInvalidProof = registerError(CODESPACE, 2, 'invalid proof');
export const ErrInvalidPrefix = registerError(CODESPACE, 3, 'invalid prefix');
export const ErrInvalidMerkleProof = registerError(CODESPACE, 4, 'invalid merkle proof');
