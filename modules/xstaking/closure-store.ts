// Typed access to what recovery from a closed channel needs in store `xstaking`: the closed
// channels and, on the hub, the XStake packets sent and not settled yet. Prefixes 0x20 and up
// leave 0x0a..0x1f to the rest of the module.
//   0x20 | channel                            → ClosedChannel
//   0x21 | len|channel | sequence (u64 BE)    → PendingStake (hub)
import type { Context } from '../../app/context.js';
import { prefixStore, type KVStore } from '../../app/store/index.js';
import { ClosedChannel, PendingStake } from '../../gen/zonekit/xstaking/v1/xstaking.js';
import { channelPositionsPrefix, inFlightKey, STORE_KEY } from './keys.js';

export const CLOSED_CHANNEL_PREFIX = Uint8Array.of(0x20);
export const PENDING_STAKE_PREFIX = Uint8Array.of(0x21);

const utf8 = (s: string) => new TextEncoder().encode(s);

export class ClosureStore {
  private kv(ctx: Context): KVStore {
    return ctx.kvStore(STORE_KEY);
  }

  closedChannel(ctx: Context, channel: string): ClosedChannel | undefined {
    const bytes = prefixStore(this.kv(ctx), CLOSED_CHANNEL_PREFIX).get(utf8(channel));
    return bytes === undefined ? undefined : ClosedChannel.decode(bytes);
  }

  setClosedChannel(ctx: Context, closed: ClosedChannel): void {
    prefixStore(this.kv(ctx), CLOSED_CHANNEL_PREFIX).set(utf8(closed.channel), ClosedChannel.encode(closed).finish());
  }

  /** By channel id (bytewise). */
  closedChannels(ctx: Context): ClosedChannel[] {
    return [...prefixStore(this.kv(ctx), CLOSED_CHANNEL_PREFIX).iterator()].map(([, value]) => ClosedChannel.decode(value));
  }

  setPendingStake(ctx: Context, stake: PendingStake): void {
    prefixStore(this.kv(ctx), PENDING_STAKE_PREFIX).set(inFlightKey(stake.channel, stake.sequence), PendingStake.encode(stake).finish());
  }

  /** Removes and returns the pending stake of a packet, or undefined when it was settled or recovered already. */
  takePendingStake(ctx: Context, channel: string, sequence: bigint): PendingStake | undefined {
    const store = prefixStore(this.kv(ctx), PENDING_STAKE_PREFIX);
    const key = inFlightKey(channel, sequence);
    const bytes = store.get(key);
    if (bytes === undefined) return undefined;
    store.delete(key);
    return PendingStake.decode(bytes);
  }

  /** Every pending stake, or one channel's, by channel then sequence. */
  pendingStakes(ctx: Context, channel?: string): PendingStake[] {
    const all = prefixStore(this.kv(ctx), PENDING_STAKE_PREFIX);
    const store = channel === undefined ? all : prefixStore(all, channelPositionsPrefix(channel));
    return [...store.iterator()].map(([, value]) => PendingStake.decode(value));
  }
}
