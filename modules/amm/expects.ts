// What the AMM needs of other modules, and nothing more (the SDK's expected_keepers.go).
import type { AddressCodec } from '../../app/address-codec.js';
import type { Coins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';

export interface AmmBankKeeper {
  getBalance(ctx: Context, address: Uint8Array, denom: string): bigint;
  getAllBalances(ctx: Context, address: Uint8Array): Coins;
  getSupply(ctx: Context, denom: string): bigint;
  sendCoinsFromAccountToModule(ctx: Context, sender: Uint8Array, recipientModule: string, amount: Coins): void;
  sendCoinsFromModuleToAccount(ctx: Context, senderModule: string, recipient: Uint8Array, amount: Coins): void;
  sendCoinsFromModuleToModule(ctx: Context, senderModule: string, recipientModule: string, amount: Coins): void;
  /** LP shares: the `amm` module account needs the `minter` and `burner` permissions. */
  mintCoins(ctx: Context, moduleName: string, amount: Coins): void;
  burnCoins(ctx: Context, moduleName: string, amount: Coins): void;
}

export interface AmmAccountKeeper {
  readonly addressCodec: AddressCodec;
  getModuleAddress(name: string): Uint8Array | undefined;
}
