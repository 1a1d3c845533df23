// ICS-27's names and the keys both submodules use in their own stores, in ibc-go v8's
// layout (types/keys.go), so raw-store readers find what they find on simd.
import { ErrInvalidAccountAddress } from './errors.js';

/** The app module's name: the `app_state` key of its genesis and the module account's name. */
export const MODULE_NAME = 'interchainaccounts';
/** The port every host binds. */
export const HOST_PORT_ID = 'icahost';
/** Controller ports are `icacontroller-{owner}`, one per owner. */
export const CONTROLLER_PORT_PREFIX = 'icacontroller-';
/** The only channel (metadata) version ICS-27 v1 speaks. */
export const VERSION = 'ics27-1';
/** The derivation key of the host's account space (ibc-go's unexported hostAccountsKey). */
export const HOST_ACCOUNTS_KEY = 'icahost-accounts';

// Prefixes without the separator, as ibc-go iterates them.
export const ACTIVE_CHANNEL_PREFIX = 'activeChannel';
export const OWNER_PREFIX = 'owner';
export const PORT_PREFIX = 'port';
export const IS_MIDDLEWARE_ENABLED_PREFIX = 'isMiddlewareEnabled';
export const PARAMS_KEY = 'params';

/** The values of `isMiddlewareEnabled/...`: 0x01 for the legacy API with an underlying app, 0x02 for MsgRegisterInterchainAccount. */
export const MIDDLEWARE_ENABLED = Uint8Array.of(0x01);
export const MIDDLEWARE_DISABLED = Uint8Array.of(0x02);

export const activeChannelKey = (portId: string, connectionId: string) => `${ACTIVE_CHANNEL_PREFIX}/${portId}/${connectionId}`;
export const ownerKey = (portId: string, connectionId: string) => `${OWNER_PREFIX}/${portId}/${connectionId}`;
export const portKey = (portId: string) => `${PORT_PREFIX}/${portId}`;
export const isMiddlewareEnabledKey = (portId: string, connectionId: string) => `${IS_MIDDLEWARE_ENABLED_PREFIX}/${portId}/${connectionId}`;

/** NewControllerPortID. */
export function controllerPortId(owner: string): string {
  if (owner.trim() === '') throw ErrInvalidAccountAddress.wrap('owner address cannot be empty');
  return `${CONTROLLER_PORT_PREFIX}${owner}`;
}
