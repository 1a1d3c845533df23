// The records both submodules keep, each in its own store and in ibc-go's key layout: which
// channel is active for a (connection, controller port), which interchain account address
// belongs to it, and which ports are bound.
import type { Context } from '../../../../app/context.js';
import { prefixIterator, type KVStore } from '../../../../app/store/index.js';
import { ACTIVE_CHANNEL_PREFIX, OWNER_PREFIX, PORT_PREFIX, activeChannelKey, ownerKey, portKey } from './keys.js';

const utf8 = new TextEncoder();
const text = new TextDecoder();

/** genesistypes.ActiveChannel (the controller adds is_middleware_enabled). */
export interface ActiveChannel {
  connectionId: string;
  portId: string;
  channelId: string;
}

/** genesistypes.RegisteredInterchainAccount. */
export interface RegisteredInterchainAccount {
  connectionId: string;
  portId: string;
  accountAddress: string;
}

/** `{prefix}/{port}/{connection}` split as ibc-go splits it (port ids cannot hold a slash). */
function portAndConnection(key: Uint8Array): { portId: string; connectionId: string } {
  const parts = text.decode(key).split('/');
  return { portId: parts[1] ?? '', connectionId: parts[2] ?? '' };
}

export class IcaRegistry {
  constructor(private readonly storeKey: string) {}

  store(ctx: Context): KVStore {
    return ctx.kvStore(this.storeKey);
  }

  getActiveChannelId(ctx: Context, connectionId: string, portId: string): string | undefined {
    const bytes = this.store(ctx).get(utf8.encode(activeChannelKey(portId, connectionId)));
    return bytes === undefined ? undefined : text.decode(bytes);
  }

  setActiveChannelId(ctx: Context, connectionId: string, portId: string, channelId: string): void {
    this.store(ctx).set(utf8.encode(activeChannelKey(portId, connectionId)), utf8.encode(channelId));
  }

  /** In key order (port, then connection), as ibc-go's prefix iteration returns them. */
  getAllActiveChannels(ctx: Context): ActiveChannel[] {
    return [...prefixIterator(this.store(ctx), utf8.encode(ACTIVE_CHANNEL_PREFIX))].map(([key, value]) => ({ ...portAndConnection(key), channelId: text.decode(value) }));
  }

  getInterchainAccountAddress(ctx: Context, connectionId: string, portId: string): string | undefined {
    const bytes = this.store(ctx).get(utf8.encode(ownerKey(portId, connectionId)));
    return bytes === undefined ? undefined : text.decode(bytes);
  }

  setInterchainAccountAddress(ctx: Context, connectionId: string, portId: string, address: string): void {
    this.store(ctx).set(utf8.encode(ownerKey(portId, connectionId)), utf8.encode(address));
  }

  getAllInterchainAccounts(ctx: Context): RegisteredInterchainAccount[] {
    return [...prefixIterator(this.store(ctx), utf8.encode(OWNER_PREFIX))].map(([key, value]) => ({ ...portAndConnection(key), accountAddress: text.decode(value) }));
  }

  /** ibc-go's setPort: the port is this submodule's (a bound controller port, or `icahost`). */
  setPort(ctx: Context, portId: string): void {
    this.store(ctx).set(utf8.encode(portKey(portId)), Uint8Array.of(0x01));
  }

  hasPort(ctx: Context, portId: string): boolean {
    return this.store(ctx).has(utf8.encode(portKey(portId)));
  }

  getAllPorts(ctx: Context): string[] {
    const prefix = `${PORT_PREFIX}/`;
    return [...prefixIterator(this.store(ctx), utf8.encode(prefix))].map(([key]) => text.decode(key).slice(prefix.length));
  }
}
