// The controller keeper: params, the ports it bound, and for each (connection, owner port) the
// active channel, the interchain account address the host answered with, and the middleware
// flag, in store `icacontroller` (ibc-go v8's controller/keeper/keeper.go).
import { Params } from 'cosmjs-types/ibc/applications/interchain_accounts/controller/v1/controller';
import { State } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Context } from '../../../../app/context.js';
import type { IcaAccountKeeper, IcaChannelKeeper, MessageRouter } from '../types/expects.js';
import { MIDDLEWARE_DISABLED, MIDDLEWARE_ENABLED, MODULE_NAME, PARAMS_KEY, isMiddlewareEnabledKey } from '../types/keys.js';
import { IcaRegistry, type ActiveChannel } from '../types/registry.js';
import { STORE_KEY } from './keys.js';

const utf8 = new TextEncoder();

export type ControllerParams = Params;

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);

export class ControllerKeeper {
  readonly registry = new IcaRegistry(STORE_KEY);

  constructor(
    readonly accounts: Pick<IcaAccountKeeper, 'addressCodec' | 'getModuleAddress'>,
    readonly channels: IcaChannelKeeper,
    readonly msgRouter: MessageRouter,
  ) {
    if (accounts.getModuleAddress(MODULE_NAME) === undefined) throw new Error('the Interchain Accounts module account has not been set');
  }

  /** Unset params are a broken genesis, not bad input: ibc-go panics. */
  getParams(ctx: Context): ControllerParams {
    const bytes = this.registry.store(ctx).get(utf8.encode(PARAMS_KEY));
    if (bytes === undefined) throw new Error('ica/controller params are not set in store');
    return Params.decode(bytes);
  }

  setParams(ctx: Context, params: ControllerParams): void {
    this.registry.store(ctx).set(utf8.encode(PARAMS_KEY), Params.encode(params).finish());
  }

  /** The active channel, if it is OPEN. */
  getOpenActiveChannel(ctx: Context, connectionId: string, portId: string): string | undefined {
    const channelId = this.registry.getActiveChannelId(ctx, connectionId, portId);
    if (channelId === undefined) return undefined;
    return this.channels.getChannel(ctx, portId, channelId)?.state === State.STATE_OPEN ? channelId : undefined;
  }

  isActiveChannelClosed(ctx: Context, connectionId: string, portId: string): boolean {
    const channelId = this.registry.getActiveChannelId(ctx, connectionId, portId);
    return channelId !== undefined && this.channels.getChannel(ctx, portId, channelId)?.state === State.STATE_CLOSED;
  }

  /** Whether callbacks go to an underlying app (ibc-go's legacy API); zonekit has none, but genesis may carry the flag. */
  isMiddlewareEnabled(ctx: Context, portId: string, connectionId: string): boolean {
    return sameBytes(this.registry.store(ctx).get(utf8.encode(isMiddlewareEnabledKey(portId, connectionId))), MIDDLEWARE_ENABLED);
  }

  setMiddlewareEnabled(ctx: Context, portId: string, connectionId: string): void {
    this.registry.store(ctx).set(utf8.encode(isMiddlewareEnabledKey(portId, connectionId)), MIDDLEWARE_ENABLED);
  }

  setMiddlewareDisabled(ctx: Context, portId: string, connectionId: string): void {
    this.registry.store(ctx).set(utf8.encode(isMiddlewareEnabledKey(portId, connectionId)), MIDDLEWARE_DISABLED);
  }

  /** Every active channel with its middleware flag, for genesis export. */
  getAllActiveChannels(ctx: Context): Array<ActiveChannel & { isMiddlewareEnabled: boolean }> {
    return this.registry.getAllActiveChannels(ctx).map((ch) => ({ ...ch, isMiddlewareEnabled: this.isMiddlewareEnabled(ctx, ch.portId, ch.connectionId) }));
  }
}
