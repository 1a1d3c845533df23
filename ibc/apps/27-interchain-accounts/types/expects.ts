// What ICS-27 needs of auth, IBC core and the app's message router, and nothing more
// (ibc-go's types/expected_keepers.go and router.go).
import type { Channel } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import type { ConnectionEnd } from 'cosmjs-types/ibc/core/connection/v1/connection';
import type { AddressCodec } from '../../../../app/address-codec.js';
import type { Context } from '../../../../app/context.js';
import type { MsgHandler } from '../../../../app/module.js';

/** An account as the host reads and writes it (auth's Account). */
export interface IcaAccount {
  readonly address: Uint8Array;
  readonly accountNumber: bigint;
  readonly sequence: bigint;
  /** Set when the account is an InterchainAccount: the controller port that owns it. */
  readonly interchainAccountOwner?: string;
}

export interface IcaAccountKeeper {
  readonly addressCodec: AddressCodec;
  /** The `interchainaccounts` module account must be declared (ibc-go panics without it). */
  getModuleAddress(name: string): Uint8Array | undefined;
  getAccount(ctx: Context, address: Uint8Array): IcaAccount | undefined;
  /** Takes the next global account number (the SDK's NewAccount). */
  nextAccountNumber(ctx: Context): bigint;
  setAccount(ctx: Context, account: IcaAccount): void;
}

/** IBC core's channels, as far as ICS-27 uses them. */
export interface IcaChannelKeeper {
  getChannel(ctx: Context, portId: string, channelId: string): Channel | undefined;
  getConnection(ctx: Context, connectionId: string): ConnectionEnd | undefined;
  /** Commits a packet on an OPEN channel (ibc-go's ICS4Wrapper.SendPacket); returns its sequence. */
  sendPacket(ctx: Context, sourcePort: string, sourceChannel: string, timeoutHeight: Height, timeoutTimestamp: bigint, data: Uint8Array): bigint;
}

/**
 * The app's message router (baseapp.MsgServiceRouter): the host executes the controller's
 * messages through it, and the controller opens channels with MsgChannelOpenInit through it,
 * as ibc-go does. The zone resolves it once the app is defined.
 */
export interface MessageRouter {
  handler(typeUrl: string): MsgHandler | undefined;
}
