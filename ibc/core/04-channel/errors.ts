// 04-channel's registered errors: ibc-go's codespace `channel`, codes and wording.
import { registerError } from '../../../app/errors.js';

const CODESPACE = 'channel';

export const ErrChannelExists = registerError(CODESPACE, 2, 'channel already exists');
export const ErrChannelNotFound = registerError(CODESPACE, 3, 'channel not found');
export const ErrInvalidChannel = registerError(CODESPACE, 4, 'invalid channel');
export const ErrInvalidChannelState = registerError(CODESPACE, 5, 'invalid channel state');
export const ErrInvalidChannelOrdering = registerError(CODESPACE, 6, 'invalid channel ordering');
export const ErrInvalidCounterparty = registerError(CODESPACE, 7, 'invalid counterparty channel');
export const ErrSequenceSendNotFound = registerError(CODESPACE, 10, 'sequence send not found');
export const ErrSequenceReceiveNotFound = registerError(CODESPACE, 11, 'sequence receive not found');
export const ErrSequenceAckNotFound = registerError(CODESPACE, 12, 'sequence acknowledgement not found');
export const ErrInvalidPacket = registerError(CODESPACE, 13, 'invalid packet');
export const ErrPacketTimeout = registerError(CODESPACE, 14, 'packet timeout');
export const ErrTooManyConnectionHops = registerError(CODESPACE, 15, 'too many connection hops');
export const ErrInvalidAcknowledgement = registerError(CODESPACE, 16, 'invalid acknowledgement');
export const ErrAcknowledgementExists = registerError(CODESPACE, 17, 'acknowledgement for packet already exists');
export const ErrInvalidChannelIdentifier = registerError(CODESPACE, 18, 'invalid channel identifier');
export const ErrPacketReceived = registerError(CODESPACE, 19, 'packet already received');
export const ErrPacketCommitmentNotFound = registerError(CODESPACE, 20, 'packet commitment not found');
export const ErrPacketSequenceOutOfOrder = registerError(CODESPACE, 21, 'packet sequence is out of order');
export const ErrRedundantTx = registerError(CODESPACE, 22, 'packet messages are redundant');
export const ErrNoOpMsg = registerError(CODESPACE, 23, 'message is redundant, no-op will be performed');
export const ErrInvalidChannelVersion = registerError(CODESPACE, 24, 'invalid channel version');
export const ErrPacketNotSent = registerError(CODESPACE, 25, 'packet has not been sent');
export const ErrInvalidTimeout = registerError(CODESPACE, 26, 'invalid packet timeout');
export const ErrTimeoutNotReached = registerError(CODESPACE, 39, 'timeout not reached');
export const ErrTimeoutElapsed = registerError(CODESPACE, 40, 'timeout elapsed');
