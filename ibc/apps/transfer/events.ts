// ibc-go v8 transfer's event types and attribute keys (types/events.go): relayers, indexers
// and block explorers search for these names.
export const EVENT_TYPE_TIMEOUT = 'timeout';
export const EVENT_TYPE_PACKET = 'fungible_token_packet';
export const EVENT_TYPE_TRANSFER = 'ibc_transfer';
export const EVENT_TYPE_DENOM_TRACE = 'denomination_trace';

export const ATTRIBUTE_KEY_MODULE = 'module';
export const ATTRIBUTE_KEY_SENDER = 'sender';
export const ATTRIBUTE_KEY_RECEIVER = 'receiver';
export const ATTRIBUTE_KEY_DENOM = 'denom';
export const ATTRIBUTE_KEY_AMOUNT = 'amount';
export const ATTRIBUTE_KEY_REFUND_RECEIVER = 'refund_receiver';
export const ATTRIBUTE_KEY_REFUND_DENOM = 'refund_denom';
export const ATTRIBUTE_KEY_REFUND_AMOUNT = 'refund_amount';
export const ATTRIBUTE_KEY_ACK_SUCCESS = 'success';
export const ATTRIBUTE_KEY_ACK = 'acknowledgement';
export const ATTRIBUTE_KEY_ACK_ERROR = 'error';
export const ATTRIBUTE_KEY_TRACE_HASH = 'trace_hash';
export const ATTRIBUTE_KEY_MEMO = 'memo';
