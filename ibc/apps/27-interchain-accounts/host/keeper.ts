// The host keeper: params, and the active channel and interchain account of each
// (connection, controller port), in store `icahost` (ibc-go v8's host/keeper/keeper.go).
import { Params } from 'cosmjs-types/ibc/applications/interchain_accounts/host/v1/host';
import type { Context } from '../../../../app/context.js';
import { ErrIbcNotFound } from '../types/errors.js';
import type { IcaAccountKeeper, IcaChannelKeeper, MessageRouter } from '../types/expects.js';
import { MODULE_NAME, PARAMS_KEY } from '../types/keys.js';
import { metadataFromVersion, type Metadata } from '../types/metadata.js';
import { IcaRegistry } from '../types/registry.js';
import { STORE_KEY } from './keys.js';
import type { HostParams } from './params.js';

const utf8 = new TextEncoder();

export class HostKeeper {
  readonly registry = new IcaRegistry(STORE_KEY);

  constructor(
    readonly accounts: IcaAccountKeeper,
    readonly channels: IcaChannelKeeper,
    readonly msgRouter: MessageRouter,
  ) {
    if (accounts.getModuleAddress(MODULE_NAME) === undefined) throw new Error('the Interchain Accounts module account has not been set');
  }

  /** Unset params are a broken genesis, not bad input: ibc-go panics. */
  getParams(ctx: Context): HostParams {
    const bytes = this.registry.store(ctx).get(utf8.encode(PARAMS_KEY));
    if (bytes === undefined) throw new Error('ica/host params are not set in store');
    return Params.decode(bytes);
  }

  setParams(ctx: Context, params: HostParams): void {
    this.registry.store(ctx).set(utf8.encode(PARAMS_KEY), Params.encode(params).finish());
  }

  /** getAppMetadata: the metadata in a channel end's version. */
  getAppMetadata(ctx: Context, portId: string, channelId: string): Metadata {
    const channel = this.channels.getChannel(ctx, portId, channelId);
    if (channel === undefined) throw ErrIbcNotFound.wrap(`app version not found for port ${portId} and channel ${channelId}`);
    return metadataFromVersion(channel.version);
  }
}
