// 02-client's registered errors: ibc-go's codespace `client`, codes and wording.
import { registerError } from '../../../app/errors.js';

const CODESPACE = 'client';

export const ErrClientExists = registerError(CODESPACE, 2, 'light client already exists');
export const ErrInvalidClient = registerError(CODESPACE, 3, 'light client is invalid');
export const ErrClientNotFound = registerError(CODESPACE, 4, 'light client not found');
export const ErrClientFrozen = registerError(CODESPACE, 5, 'light client is frozen due to misbehaviour');
export const ErrConsensusStateNotFound = registerError(CODESPACE, 7, 'consensus state not found');
export const ErrInvalidConsensus = registerError(CODESPACE, 8, 'invalid consensus state');
export const ErrClientTypeNotFound = registerError(CODESPACE, 9, 'client type not found');
export const ErrInvalidClientType = registerError(CODESPACE, 10, 'invalid client type');
export const ErrInvalidHeader = registerError(CODESPACE, 12, 'invalid client header');
export const ErrInvalidMisbehaviour = registerError(CODESPACE, 13, 'invalid light client misbehaviour');
export const ErrFailedClientStateVerification = registerError(CODESPACE, 14, 'client state verification failed');
export const ErrFailedClientConsensusStateVerification = registerError(CODESPACE, 15, 'client consensus state verification failed');
export const ErrFailedConnectionStateVerification = registerError(CODESPACE, 16, 'connection state verification failed');
export const ErrFailedChannelStateVerification = registerError(CODESPACE, 17, 'channel state verification failed');
export const ErrFailedPacketCommitmentVerification = registerError(CODESPACE, 18, 'packet commitment verification failed');
export const ErrFailedPacketAckVerification = registerError(CODESPACE, 19, 'packet acknowledgement verification failed');
export const ErrFailedPacketReceiptVerification = registerError(CODESPACE, 20, 'packet receipt verification failed');
export const ErrFailedNextSeqRecvVerification = registerError(CODESPACE, 21, 'next sequence receive verification failed');
export const ErrSelfConsensusStateNotFound = registerError(CODESPACE, 22, 'self consensus state not found');
export const ErrUpdateClientFailed = registerError(CODESPACE, 23, 'unable to update light client');
export const ErrInvalidUpgradeClient = registerError(CODESPACE, 25, 'invalid client upgrade');
export const ErrInvalidHeight = registerError(CODESPACE, 26, 'invalid height');
export const ErrClientNotActive = registerError(CODESPACE, 29, 'client state is not active');
export const ErrFailedMembershipVerification = registerError(CODESPACE, 30, 'membership verification failed');
export const ErrFailedNonMembershipVerification = registerError(CODESPACE, 31, 'non-membership verification failed');
export const ErrClientTypeNotSupported = registerError(CODESPACE, 32, 'client type not supported');
