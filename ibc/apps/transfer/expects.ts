// What ICS-20 needs of bank, auth and IBC core, and nothing more (ibc-go's expected_keepers.go).
import type { Metadata } from 'cosmjs-types/cosmos/bank/v1beta1/bank';
import type { Channel, IdentifiedChannel } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import type { AddressCodec } from '../../../app/address-codec.js';
import type { Coins } from '../../../app/coins.js';
import type { Context } from '../../../app/context.js';

export interface TransferBankKeeper {
  getBalance(ctx: Context, address: Uint8Array, denom: string): bigint;
  sendCoins(ctx: Context, from: Uint8Array, to: Uint8Array, amount: Coins): void;
  sendCoinsFromAccountToModule(ctx: Context, sender: Uint8Array, recipientModule: string, amount: Coins): void;
  sendCoinsFromModuleToAccount(ctx: Context, senderModule: string, recipient: Uint8Array, amount: Coins): void;
  /** Vouchers: the `transfer` module account needs the `minter` and `burner` permissions. */
  mintCoins(ctx: Context, moduleName: string, amount: Coins): void;
  burnCoins(ctx: Context, moduleName: string, amount: Coins): void;
  /** Module accounts, which may neither send by MsgTransfer nor receive by packet. */
  blockedAddr(address: Uint8Array): boolean;
  isSendEnabled(ctx: Context, denom: string): boolean;
  getDenomMetadata(ctx: Context, denom: string): Metadata | undefined;
  setDenomMetadata(ctx: Context, metadata: Metadata): void;
  /** For the total-escrow invariant. */
  getAllBalances(ctx: Context, address: Uint8Array): Coins;
}

export interface TransferAccountKeeper {
  readonly addressCodec: AddressCodec;
  getModuleAddress(name: string): Uint8Array | undefined;
}

/** IBC core's channel keeper, as far as ICS-20 uses it. */
export interface TransferChannelKeeper {
  getChannel(ctx: Context, portId: string, channelId: string): Channel | undefined;
  /**
   * Sends a packet on an OPEN channel: checks it as ibc-go's SendPacket does (the timeouts
   * not both zero and not already passed on the counterparty's client), stores the packet
   * commitment, emits `send_packet`; returns the sequence. Throws a CodedError.
   */
  sendPacket(ctx: Context, sourcePort: string, sourceChannel: string, timeoutHeight: Height, timeoutTimestamp: bigint, data: Uint8Array): bigint;
  /** The channels whose port starts with `portPrefix` (the total-escrow invariant); optional. */
  getAllChannelsWithPortPrefix?(ctx: Context, portPrefix: string): IdentifiedChannel[];
}
