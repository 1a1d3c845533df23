// Accounts as the SDK stores them: a BaseAccount, ModuleAccount or ICS-27 InterchainAccount
// packed in an Any.
import { BaseAccount, ModuleAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { InterchainAccount } from 'cosmjs-types/ibc/applications/interchain_accounts/v1/account';
import { Any } from 'cosmjs-types/google/protobuf/any';
import type { AddressCodec } from '../../app/address-codec.js';
import { ErrUnpackAny } from '../../app/errors.js';
import { accountPubKeyFromAny, accountPubKeyToAny } from '../../app/tx/address.js';
import type { AccountPubKey } from '../../app/tx/multisig.js';

export const BASE_ACCOUNT_TYPE_URL = '/cosmos.auth.v1beta1.BaseAccount';
export const MODULE_ACCOUNT_TYPE_URL = '/cosmos.auth.v1beta1.ModuleAccount';
/**
 * An account another chain controls over IBC (ibc-go's ICS-27 host creates it): a BaseAccount
 * with the controller's port as `account_owner`. Its address is derived, not a key's, so it
 * never signs a tx; it acts only through the host executing the controller's messages.
 */
export const INTERCHAIN_ACCOUNT_TYPE_URL = '/ibc.applications.interchain_accounts.v1.InterchainAccount';

export interface Account {
  readonly address: Uint8Array;
  /** Compressed secp256k1 key, or a multisig of them; absent until the account's first tx. */
  readonly pubKey?: AccountPubKey;
  readonly accountNumber: bigint;
  readonly sequence: bigint;
  /** Set for module accounts (which have no key and cannot sign). */
  readonly module?: { readonly name: string; readonly permissions: readonly string[] };
  /** Set for interchain accounts: the controller port that owns it (`icacontroller-{owner}`). */
  readonly interchainAccountOwner?: string;
}

export function toBaseAccount(account: Account, codec: AddressCodec): BaseAccount {
  return {
    address: codec.encode(account.address),
    ...(account.pubKey ? { pubKey: accountPubKeyToAny(account.pubKey) } : {}),
    accountNumber: account.accountNumber,
    sequence: account.sequence,
  };
}

export function accountToAny(account: Account, codec: AddressCodec): Any {
  const base = toBaseAccount(account, codec);
  if (account.module) {
    const value = ModuleAccount.encode({ baseAccount: base, name: account.module.name, permissions: [...account.module.permissions] }).finish();
    return { typeUrl: MODULE_ACCOUNT_TYPE_URL, value };
  }
  if (account.interchainAccountOwner !== undefined) {
    const value = InterchainAccount.encode({ baseAccount: base, accountOwner: account.interchainAccountOwner }).finish();
    return { typeUrl: INTERCHAIN_ACCOUNT_TYPE_URL, value };
  }
  return { typeUrl: BASE_ACCOUNT_TYPE_URL, value: BaseAccount.encode(base).finish() };
}

/** `address`: the bytes the caller already knows (the store key), saving a bech32 decode per read. */
function fromBaseAccount(base: BaseAccount, codec: AddressCodec, address?: Uint8Array): Account {
  return {
    address: address ?? codec.decode(base.address),
    ...(base.pubKey ? { pubKey: accountPubKeyFromAny(base.pubKey) } : {}),
    accountNumber: base.accountNumber,
    sequence: base.sequence,
  };
}

export function accountFromAny(any: Any, codec: AddressCodec, address?: Uint8Array): Account {
  switch (any.typeUrl) {
    case BASE_ACCOUNT_TYPE_URL:
      return fromBaseAccount(BaseAccount.decode(any.value), codec, address);
    case MODULE_ACCOUNT_TYPE_URL: {
      const m = ModuleAccount.decode(any.value);
      return { ...fromBaseAccount(m.baseAccount ?? BaseAccount.fromPartial({}), codec, address), module: { name: m.name, permissions: m.permissions } };
    }
    case INTERCHAIN_ACCOUNT_TYPE_URL: {
      const ica = InterchainAccount.decode(any.value);
      return { ...fromBaseAccount(ica.baseAccount ?? BaseAccount.fromPartial({}), codec, address), interchainAccountOwner: ica.accountOwner };
    }
    default:
      throw ErrUnpackAny.wrap(`unsupported account type ${any.typeUrl}`);
  }
}

export function encodeAccount(account: Account, codec: AddressCodec): Uint8Array {
  return Any.encode(accountToAny(account, codec)).finish();
}

export function decodeAccount(bytes: Uint8Array, codec: AddressCodec, address?: Uint8Array): Account {
  return accountFromAny(Any.decode(bytes), codec, address);
}
