// How a channel end is committed to the store and proved to counterparties.
import { BinaryWriter } from 'cosmjs-types/binary';
import { Channel } from 'cosmjs-types/ibc/core/channel/v1/channel';

/**
 * A channel end as the counterparty stores it. ibc-go v8's Channel has `upgrade_sequence`
 * (field 6), absent from these generated types; it is written only when non-zero, so the
 * bytes match ibc-go's for every channel that was never upgraded.
 */
export function encodeChannel(channel: Channel, upgradeSequence = 0n): Uint8Array {
  const writer = Channel.encode(channel, BinaryWriter.create());
  if (upgradeSequence !== 0n) writer.uint32(48).uint64(upgradeSequence);
  return writer.finish();
}
