// ibc-go's exact commitment hashing: what a counterparty proves against. A packet's
// commitment is sha256(timeout_timestamp ‖ timeout revision ‖ timeout height ‖ sha256(data)),
// each number 8 bytes big-endian; an acknowledgement's is sha256 of its bytes.
import { sha256 } from '../../../app/store/hash.js';
import type { Packet } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { encodeU64 } from '../store.js';

export function commitPacket(packet: Packet): Uint8Array {
  const buf = new Uint8Array(8 * 3 + 32);
  buf.set(encodeU64(packet.timeoutTimestamp), 0);
  buf.set(encodeU64(packet.timeoutHeight.revisionNumber), 8);
  buf.set(encodeU64(packet.timeoutHeight.revisionHeight), 16);
  buf.set(sha256(packet.data), 24);
  return sha256(buf);
}

export function commitAcknowledgement(acknowledgement: Uint8Array): Uint8Array {
  return sha256(acknowledgement);
}
