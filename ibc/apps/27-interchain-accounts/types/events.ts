// ibc-go v8 ICS-27's event type and attribute keys (types/events.go).
export const EVENT_TYPE_PACKET = 'ics27_packet';

export const ATTRIBUTE_KEY_MODULE = 'module';
export const ATTRIBUTE_KEY_ACK_ERROR = 'error';
export const ATTRIBUTE_KEY_HOST_CHANNEL_ID = 'host_channel_id';
export const ATTRIBUTE_KEY_CONTROLLER_CHANNEL_ID = 'controller_channel_id';
export const ATTRIBUTE_KEY_ACK_SUCCESS = 'success';
