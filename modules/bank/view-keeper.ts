// Read access to balances, supply and bank params: what most other modules should get.
import { Metadata, Params } from 'cosmjs-types/cosmos/bank/v1beta1/bank';
import type { Coin, Coins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { prefixIterator, prefixStore, type KVStore } from '../../app/store/index.js';
import type { BankAccountKeeper } from './expects.js';
import {
  BALANCES_PREFIX,
  DEFAULT_BANK_PARAMS,
  DENOM_METADATA_PREFIX,
  SEND_ENABLED_PREFIX,
  PARAMS_KEY,
  STORE_KEY,
  SUPPLY_PREFIX,
  accountBalancesPrefix,
  balanceKey,
  decodeAmount,
  denomFromKey,
  denomMetadataKey,
  sendEnabledKey,
  splitBalanceKey,
  supplyKey,
} from './keys.js';

export class BankViewKeeper {
  constructor(readonly accounts: BankAccountKeeper) {}

  protected store(ctx: Context): KVStore {
    return ctx.kvStore(STORE_KEY);
  }

  getBalance(ctx: Context, address: Uint8Array, denom: string): bigint {
    const bytes = this.store(ctx).get(balanceKey(address, denom));
    return bytes === undefined ? 0n : decodeAmount(bytes);
  }

  /** Every non-zero balance of `address`, sorted by denom (store order). */
  getAllBalances(ctx: Context, address: Uint8Array): Coins {
    const coins: Coin[] = [];
    for (const [key, value] of prefixIterator(this.store(ctx), accountBalancesPrefix(address))) {
      coins.push({ denom: splitBalanceKey(key.subarray(BALANCES_PREFIX.length)).denom, amount: decodeAmount(value) });
    }
    return coins;
  }

  /** Every balance of every account, in store order (genesis export, invariants). */
  *iterateAllBalances(ctx: Context): Generator<{ address: Uint8Array; coin: Coin }> {
    for (const [key, value] of prefixStore(this.store(ctx), BALANCES_PREFIX).iterator()) {
      const { address, denom } = splitBalanceKey(key);
      yield { address, coin: { denom, amount: decodeAmount(value) } };
    }
  }

  getSupply(ctx: Context, denom: string): bigint {
    const bytes = this.store(ctx).get(supplyKey(denom));
    return bytes === undefined ? 0n : decodeAmount(bytes);
  }

  getTotalSupply(ctx: Context): Coins {
    const coins: Coin[] = [];
    for (const [key, value] of prefixStore(this.store(ctx), SUPPLY_PREFIX).iterator()) {
      coins.push({ denom: denomFromKey(key), amount: decodeAmount(value) });
    }
    return coins;
  }

  getDenomMetadata(ctx: Context, denom: string): Metadata | undefined {
    const bytes = this.store(ctx).get(denomMetadataKey(denom));
    return bytes === undefined ? undefined : Metadata.decode(bytes);
  }

  *iterateDenomMetadata(ctx: Context): Generator<Metadata> {
    for (const [, value] of prefixStore(this.store(ctx), DENOM_METADATA_PREFIX).iterator()) yield Metadata.decode(value);
  }

  *iterateSendEnabled(ctx: Context): Generator<{ denom: string; enabled: boolean }> {
    for (const [key, value] of prefixStore(this.store(ctx), SEND_ENABLED_PREFIX).iterator()) {
      yield { denom: denomFromKey(key), enabled: value[0] === 1 };
    }
  }

  params(ctx: Context): Params {
    const bytes = this.store(ctx).get(PARAMS_KEY);
    return bytes === undefined ? { ...DEFAULT_BANK_PARAMS } : Params.decode(bytes);
  }

  /** A denom's own flag if set, else the default (the SDK v0.50 SendEnabled map). */
  isSendEnabled(ctx: Context, denom: string): boolean {
    const flag = this.store(ctx).get(sendEnabledKey(denom));
    return flag === undefined ? this.params(ctx).defaultSendEnabled : flag[0] === 1;
  }
}
