// The full bank keeper: sending plus minting and burning, for modules with the permission.
import { Metadata } from 'cosmjs-types/cosmos/bank/v1beta1/bank';
import { coinsToString, type Coin, type Coins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { ErrUnauthorized } from '../../app/errors.js';
import { denomMetadataKey, encodeAmount, supplyKey } from './keys.js';
import { BankSendKeeper } from './send-keeper.js';

export const MINTER = 'minter';
export const BURNER = 'burner';

export class BankKeeper extends BankSendKeeper {
  mintCoins(ctx: Context, moduleName: string, amount: Coins): void {
    this.requirePermission(moduleName, MINTER, 'mint');
    const address = this.accounts.getModuleAccount(ctx, moduleName).address;
    this.addCoins(ctx, address, amount);
    for (const coin of amount) this.setSupply(ctx, { denom: coin.denom, amount: this.getSupply(ctx, coin.denom) + coin.amount });
    ctx.events.emit('coinbase', ['minter', this.accounts.addressCodec.encode(address)], ['amount', coinsToString(amount)]);
  }

  burnCoins(ctx: Context, moduleName: string, amount: Coins): void {
    this.requirePermission(moduleName, BURNER, 'burn');
    const address = this.accounts.getModuleAccount(ctx, moduleName).address;
    this.subUnlockedCoins(ctx, address, amount);
    for (const coin of amount) this.setSupply(ctx, { denom: coin.denom, amount: this.getSupply(ctx, coin.denom) - coin.amount });
    ctx.events.emit('burn', ['burner', this.accounts.addressCodec.encode(address)], ['amount', coinsToString(amount)]);
  }

  /** Genesis only: balances without events or account creation (auth genesis has the accounts). */
  initBalances(ctx: Context, address: Uint8Array, coins: Coins): void {
    for (const coin of coins) this.setBalance(ctx, address, coin);
  }

  /** A zero supply is deleted: the supply map lists only denoms in circulation. */
  setSupply(ctx: Context, coin: Coin): void {
    if (coin.amount === 0n) this.store(ctx).delete(supplyKey(coin.denom));
    else this.store(ctx).set(supplyKey(coin.denom), encodeAmount(coin.amount));
  }

  setDenomMetadata(ctx: Context, metadata: Metadata): void {
    this.store(ctx).set(denomMetadataKey(metadata.base), Metadata.encode(metadata).finish());
  }

  private requirePermission(moduleName: string, permission: string, action: string): void {
    if (!(this.accounts.moduleAccountPermissions(moduleName) ?? []).includes(permission)) {
      throw ErrUnauthorized.wrap(`module account ${moduleName} does not have permissions to ${action} tokens`);
    }
  }
}
