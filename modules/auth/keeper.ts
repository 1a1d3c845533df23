// The account keeper: the only code that reads or writes store `acc`.
import type { AddressCodec } from '../../app/address-codec.js';
import type { AnteAccountKeeper, SignerState } from '../../app/ante/index.js';
import type { Context } from '../../app/context.js';
import { ErrUnknownAddress } from '../../app/errors.js';
import { prefixIterator } from '../../app/store/index.js';
import { decodeAccount, encodeAccount, type Account } from './account.js';
import {
  ACCOUNTS_PREFIX_BYTES,
  GLOBAL_ACCOUNT_NUMBER_KEY,
  PARAMS_KEY,
  STORE_KEY,
  accountKey,
  accountNumberKey,
  decodeUint64,
  encodeUint64,
  moduleAddress,
} from './keys.js';
import { DEFAULT_AUTH_PARAMS, decodeParams, encodeParams, type AuthParams } from './params.js';

/** How many addresses the keeper remembers decoded accounts of (see AccountKeeper.getAccount). */
const DECODED_ACCOUNTS_MAX = 50_000;
/**
 * Versions remembered per address: the check state and the block being finalized each hold
 * their own version of a busy account, and both are read in turn.
 */
const VERSIONS_PER_ADDRESS = 3;

interface DecodedAccount {
  /** The stored bytes `account` was decoded from or encoded to. */
  readonly bytes: Uint8Array;
  readonly account: Account;
}

/** A map key for an address (latin1: one code unit per byte). */
function addressKey(address: Uint8Array): string {
  return String.fromCharCode.apply(null, address as unknown as number[]);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class AccountKeeper implements AnteAccountKeeper {
  private readonly moduleAddresses: ReadonlyMap<string, Uint8Array>;
  /**
   * The last few accounts decoded (or encoded) at each address, newest first, with their
   * stored bytes. The ante handler and bank read the same few accounts several times per tx,
   * in CheckTx, ReCheck and FinalizeBlock; a read still goes through the store (same gas, same
   * branch semantics) but is decoded only when its bytes match none of the remembered ones. An
   * account is a pure function of its bytes, so this cannot change a result, whichever branch
   * the bytes came from.
   */
  private readonly decoded = new Map<string, DecodedAccount[]>();
  private decodedParams: { readonly bytes: Uint8Array; readonly params: Readonly<AuthParams> } | undefined;

  constructor(
    readonly addressCodec: AddressCodec,
    /** Module account name → permissions ('minter', 'burner', ...). */
    readonly modulePermissions: Readonly<Record<string, readonly string[]>>,
  ) {
    this.moduleAddresses = new Map(Object.keys(modulePermissions).map((name) => [name, moduleAddress(name)]));
  }

  getAccount(ctx: Context, address: Uint8Array): Account | undefined {
    const bytes = ctx.kvStore(STORE_KEY).get(accountKey(address));
    if (bytes === undefined) return undefined;
    const key = addressKey(address);
    const known = this.decoded.get(key);
    if (known !== undefined) {
      for (const version of known) if (sameBytes(version.bytes, bytes)) return version.account;
    }
    const account = Object.freeze(decodeAccount(bytes, this.addressCodec, address.slice()));
    this.remember(key, bytes, account);
    return account;
  }

  private remember(key: string, bytes: Uint8Array, account: Account): void {
    const known = this.decoded.get(key);
    if (known !== undefined) {
      known.unshift({ bytes, account });
      if (known.length > VERSIONS_PER_ADDRESS) known.pop();
      return;
    }
    if (this.decoded.size >= DECODED_ACCOUNTS_MAX) this.decoded.delete(this.decoded.keys().next().value as string);
    this.decoded.set(key, [{ bytes, account }]);
  }

  hasAccount(ctx: Context, address: Uint8Array): boolean {
    return ctx.kvStore(STORE_KEY).has(accountKey(address));
  }

  /** Stores `account` and indexes it by account number. */
  setAccount(ctx: Context, account: Account): void {
    this.updateAccount(ctx, account);
    ctx.kvStore(STORE_KEY).set(accountNumberKey(account.accountNumber), account.address);
  }

  /** Rewrites an existing account whose number has not changed (the index stays as it is). */
  private updateAccount(ctx: Context, account: Account): void {
    const bytes = encodeAccount(account, this.addressCodec);
    ctx.kvStore(STORE_KEY).set(accountKey(account.address), bytes);
    // A frozen copy: the caller's object may not stay as it is.
    this.remember(addressKey(account.address), bytes, Object.freeze({ ...account, address: account.address.slice() }));
  }

  /** Takes the next global account number. */
  nextAccountNumber(ctx: Context): bigint {
    const store = ctx.kvStore(STORE_KEY);
    const bytes = store.get(GLOBAL_ACCOUNT_NUMBER_KEY);
    const next = bytes === undefined ? 0n : decodeUint64(bytes);
    store.set(GLOBAL_ACCOUNT_NUMBER_KEY, encodeUint64(next + 1n));
    return next;
  }

  /** Creates and stores a new account at `address` (the SDK's NewAccountWithAddress + SetAccount). */
  createAccount(ctx: Context, address: Uint8Array): Account {
    const account: Account = { address, accountNumber: this.nextAccountNumber(ctx), sequence: 0n };
    this.setAccount(ctx, account);
    return account;
  }

  *iterateAccounts(ctx: Context): Generator<Account> {
    for (const [, value] of prefixIterator(ctx.kvStore(STORE_KEY), ACCOUNTS_PREFIX_BYTES)) {
      yield decodeAccount(value, this.addressCodec);
    }
  }

  getModuleAddress(name: string): Uint8Array | undefined {
    return this.moduleAddresses.get(name);
  }

  moduleAccountPermissions(name: string): readonly string[] | undefined {
    return this.modulePermissions[name];
  }

  /** The module's account, created on first use as the SDK's GetModuleAccount does. */
  getModuleAccount(ctx: Context, name: string): Account {
    const address = this.moduleAddresses.get(name);
    if (address === undefined) throw ErrUnknownAddress.wrap(`module account ${name} has not been set`);
    const existing = this.getAccount(ctx, address);
    if (existing !== undefined) return existing;
    const account: Account = {
      address,
      accountNumber: this.nextAccountNumber(ctx),
      sequence: 0n,
      module: { name, permissions: this.modulePermissions[name]! },
    };
    this.setAccount(ctx, account);
    return account;
  }

  /** Every module account address: what bank blocks from receiving by MsgSend. */
  moduleAccountAddresses(): Uint8Array[] {
    return [...this.moduleAddresses.values()];
  }

  params(ctx: Context): AuthParams {
    const bytes = ctx.kvStore(STORE_KEY).get(PARAMS_KEY);
    if (bytes === undefined) return { ...DEFAULT_AUTH_PARAMS };
    // The ante handler reads the params four times per tx: decoded once per distinct bytes.
    const known = this.decodedParams;
    if (known !== undefined && sameBytes(known.bytes, bytes)) return { ...known.params };
    const params = decodeParams(bytes);
    this.decodedParams = { bytes, params: Object.freeze({ ...params }) };
    return params;
  }

  setParams(ctx: Context, params: AuthParams): void {
    ctx.kvStore(STORE_KEY).set(PARAMS_KEY, encodeParams(params));
  }

  getSignerState(ctx: Context, address: Uint8Array): SignerState | undefined {
    return this.getAccount(ctx, address);
  }

  setPubKey(ctx: Context, address: Uint8Array, pubKey: Uint8Array): void {
    const account = this.mustGet(ctx, address);
    this.updateAccount(ctx, { ...account, pubKey });
  }

  setSequence(ctx: Context, address: Uint8Array, sequence: bigint): void {
    const account = this.mustGet(ctx, address);
    this.updateAccount(ctx, { ...account, sequence });
  }

  private mustGet(ctx: Context, address: Uint8Array): Account {
    const account = this.getAccount(ctx, address);
    if (account === undefined) throw ErrUnknownAddress.wrap(`account ${this.addressCodec.encode(address)} does not exist`);
    return account;
  }
}
