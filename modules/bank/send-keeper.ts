// Moving coins between accounts and module accounts, with the SDK's events.
import { Params } from 'cosmjs-types/cosmos/bank/v1beta1/bank';
import { coinToString, coinsToString, type Coin, type Coins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { ErrInsufficientFunds, ErrUnauthorized, ErrUnknownAddress } from '../../app/errors.js';
import type { BankAccountKeeper } from './expects.js';
import { ErrSendDisabled } from './errors.js';
import { PARAMS_KEY, balanceKey, encodeAmount, encodeBool, sendEnabledKey } from './keys.js';
import { BankViewKeeper } from './view-keeper.js';

export interface Transfer {
  address: Uint8Array;
  coins: Coins;
}

const hex = (address: Uint8Array) => Buffer.from(address).toString('hex');

export class BankSendKeeper extends BankViewKeeper {
  private readonly blocked: ReadonlySet<string>;

  constructor(accounts: BankAccountKeeper, blockedAddresses: Iterable<Uint8Array> = []) {
    super(accounts);
    this.blocked = new Set([...blockedAddresses].map(hex));
  }

  /** Module accounts may not receive by MsgSend: coins sent there by mistake would be stuck. */
  blockedAddr(address: Uint8Array): boolean {
    return this.blocked.has(hex(address));
  }

  isSendEnabledCoins(ctx: Context, coins: Coins): void {
    for (const coin of coins) {
      if (!this.isSendEnabled(ctx, coin.denom)) throw ErrSendDisabled.wrap(`${coin.denom} transfers are currently disabled`);
    }
  }

  setParams(ctx: Context, params: Params): void {
    this.store(ctx).set(PARAMS_KEY, Params.encode(params).finish());
  }

  setSendEnabled(ctx: Context, denom: string, enabled: boolean): void {
    this.store(ctx).set(sendEnabledKey(denom), encodeBool(enabled));
  }

  sendCoins(ctx: Context, from: Uint8Array, to: Uint8Array, amount: Coins): void {
    const codec = this.accounts.addressCodec;
    this.subUnlockedCoins(ctx, from, amount);
    this.addCoins(ctx, to, amount);
    if (!this.accounts.hasAccount(ctx, to)) this.accounts.createAccount(ctx, to);
    const sender = codec.encode(from);
    ctx.events.emit('transfer', ['recipient', codec.encode(to)], ['sender', sender], ['amount', coinsToString(amount)]);
    ctx.events.emit('message', ['sender', sender]);
  }

  /** MsgMultiSend: one input, many outputs; the caller has checked that the sums match. */
  inputOutputCoins(ctx: Context, input: Transfer, outputs: readonly Transfer[]): void {
    const codec = this.accounts.addressCodec;
    const sender = codec.encode(input.address);
    this.subUnlockedCoins(ctx, input.address, input.coins);
    ctx.events.emit('message', ['sender', sender]);
    for (const output of outputs) {
      this.addCoins(ctx, output.address, output.coins);
      ctx.events.emit('transfer', ['recipient', codec.encode(output.address)], ['sender', sender], ['amount', coinsToString(output.coins)]);
      if (!this.accounts.hasAccount(ctx, output.address)) this.accounts.createAccount(ctx, output.address);
    }
  }

  sendCoinsFromAccountToModule(ctx: Context, sender: Uint8Array, recipientModule: string, amount: Coins): void {
    const recipient = this.accounts.getModuleAccount(ctx, recipientModule).address;
    this.sendCoins(ctx, sender, recipient, amount);
  }

  sendCoinsFromModuleToAccount(ctx: Context, senderModule: string, recipient: Uint8Array, amount: Coins): void {
    const sender = this.moduleAddress(senderModule);
    if (this.blockedAddr(recipient)) {
      throw ErrUnauthorized.wrap(`${this.accounts.addressCodec.encode(recipient)} is not allowed to receive funds`);
    }
    this.sendCoins(ctx, sender, recipient, amount);
  }

  sendCoinsFromModuleToModule(ctx: Context, senderModule: string, recipientModule: string, amount: Coins): void {
    const recipient = this.accounts.getModuleAccount(ctx, recipientModule).address;
    this.sendCoins(ctx, this.moduleAddress(senderModule), recipient, amount);
  }

  protected moduleAddress(name: string): Uint8Array {
    const address = this.accounts.getModuleAddress(name);
    if (address === undefined) throw ErrUnknownAddress.wrap(`module account ${name} does not exist`);
    return address;
  }

  protected subUnlockedCoins(ctx: Context, address: Uint8Array, amount: Coins): void {
    for (const coin of amount) {
      const balance = this.getBalance(ctx, address, coin.denom);
      if (balance < coin.amount) {
        throw ErrInsufficientFunds.wrap(`spendable balance ${balance}${coin.denom} is smaller than ${coinToString(coin)}`);
      }
      this.setBalance(ctx, address, { denom: coin.denom, amount: balance - coin.amount });
    }
    ctx.events.emit('coin_spent', ['spender', this.accounts.addressCodec.encode(address)], ['amount', coinsToString(amount)]);
  }

  protected addCoins(ctx: Context, address: Uint8Array, amount: Coins): void {
    for (const coin of amount) {
      this.setBalance(ctx, address, { denom: coin.denom, amount: this.getBalance(ctx, address, coin.denom) + coin.amount });
    }
    ctx.events.emit('coin_received', ['receiver', this.accounts.addressCodec.encode(address)], ['amount', coinsToString(amount)]);
  }

  /** A zero balance is deleted, never stored, so an account's balances are exactly its coins. */
  protected setBalance(ctx: Context, address: Uint8Array, coin: Coin): void {
    const key = balanceKey(address, coin.denom);
    if (coin.amount === 0n) this.store(ctx).delete(key);
    else this.store(ctx).set(key, encodeAmount(coin.amount));
  }
}
