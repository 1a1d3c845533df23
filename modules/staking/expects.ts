// What staking expects of other modules: an account keeper (addresses, module accounts) and
// a bank that moves, and burns, the bond denom between accounts and its two pools.
import type { AddressCodec } from '../../app/address-codec.js';
import type { Coins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';

export interface StakingAccountKeeper {
  readonly addressCodec: AddressCodec;
  getModuleAddress(name: string): Uint8Array | undefined;
}

export interface StakingBankKeeper {
  getBalance(ctx: Context, address: Uint8Array, denom: string): bigint;
  sendCoinsFromAccountToModule(ctx: Context, sender: Uint8Array, recipientModule: string, amount: Coins): void;
  sendCoinsFromModuleToAccount(ctx: Context, senderModule: string, recipient: Uint8Array, amount: Coins): void;
  sendCoinsFromModuleToModule(ctx: Context, senderModule: string, recipientModule: string, amount: Coins): void;
  burnCoins(ctx: Context, moduleName: string, amount: Coins): void;
}
