// When a packet has timed out: the counterparty reached its timeout height, or its clock
// passed its timeout timestamp (zero disables either).
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import type { Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { compareHeights, formatHeight, isZeroHeight } from '../02-client/height.js';
import { ErrTimeoutElapsed, ErrTimeoutNotReached } from './errors.js';

export function timeoutElapsed(packet: Packet, height: Height, timestamp: bigint): boolean {
  const heightElapsed = !isZeroHeight(packet.timeoutHeight) && compareHeights(height, packet.timeoutHeight) >= 0;
  const timestampElapsed = packet.timeoutTimestamp !== 0n && timestamp >= packet.timeoutTimestamp;
  return heightElapsed || timestampElapsed;
}

export function timeoutElapsedError(packet: Packet, height: Height, timestamp: bigint) {
  if (!isZeroHeight(packet.timeoutHeight) && compareHeights(height, packet.timeoutHeight) >= 0) {
    return ErrTimeoutElapsed.wrap(`current height: ${formatHeight(height)}, timeout height ${formatHeight(packet.timeoutHeight)}`);
  }
  return ErrTimeoutElapsed.wrap(`current timestamp: ${timestamp}, timeout timestamp ${packet.timeoutTimestamp}`);
}

export function timeoutNotReachedError(packet: Packet, height: Height, timestamp: bigint) {
  return ErrTimeoutNotReached.wrap(
    `proof height: ${formatHeight(height)}, proof timestamp: ${timestamp}, timeout height ${formatHeight(packet.timeoutHeight)}, timeout timestamp ${packet.timeoutTimestamp}`,
  );
}
