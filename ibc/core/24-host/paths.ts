// ICS-24: the store paths every IBC implementation agrees on. Counterparties prove our state
// at exactly these keys (under the `ibc` store, commitment prefix "ibc"), so a byte changed
// here breaks every relayer.
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';

export const KEY_CLIENT_STORE_PREFIX = 'clients';
export const KEY_CLIENT_STATE = 'clientState';
export const KEY_CONSENSUS_STATE_PREFIX = 'consensusStates';
export const KEY_NEXT_CLIENT_SEQUENCE = 'nextClientSequence';
export const KEY_NEXT_CONNECTION_SEQUENCE = 'nextConnectionSequence';
export const KEY_NEXT_CHANNEL_SEQUENCE = 'nextChannelSequence';

/** `{revision_number}-{revision_height}`, as ibc-go's Height.String(). */
export function heightString(height: Height): string {
  return `${height.revisionNumber}-${height.revisionHeight}`;
}

export const fullClientPath = (clientId: string, path: string) => `${KEY_CLIENT_STORE_PREFIX}/${clientId}/${path}`;
/** Inside a client's own store (ibc-go's ConsensusStatePath). */
export const consensusStatePath = (height: Height) => `${KEY_CONSENSUS_STATE_PREFIX}/${heightString(height)}`;
export const clientConnectionsPath = (clientId: string) => fullClientPath(clientId, 'connections');
export const connectionPath = (connectionId: string) => `connections/${connectionId}`;

const channelSuffix = (portId: string, channelId: string) => `ports/${portId}/channels/${channelId}`;
const sequenceSuffix = (portId: string, channelId: string, sequence: bigint) => `${channelSuffix(portId, channelId)}/sequences/${sequence}`;

export const channelPath = (portId: string, channelId: string) => `channelEnds/${channelSuffix(portId, channelId)}`;
export const nextSequenceSendPath = (portId: string, channelId: string) => `nextSequenceSend/${channelSuffix(portId, channelId)}`;
export const nextSequenceRecvPath = (portId: string, channelId: string) => `nextSequenceRecv/${channelSuffix(portId, channelId)}`;
export const nextSequenceAckPath = (portId: string, channelId: string) => `nextSequenceAck/${channelSuffix(portId, channelId)}`;
export const packetCommitmentPath = (portId: string, channelId: string, sequence: bigint) => `commitments/${sequenceSuffix(portId, channelId, sequence)}`;
export const packetAcknowledgementPath = (portId: string, channelId: string, sequence: bigint) => `acks/${sequenceSuffix(portId, channelId, sequence)}`;
export const packetReceiptPath = (portId: string, channelId: string, sequence: bigint) => `receipts/${sequenceSuffix(portId, channelId, sequence)}`;

const encoder = new TextEncoder();
/** A path as a store key (UTF-8 bytes). */
export const key = (path: string): Uint8Array => encoder.encode(path);
