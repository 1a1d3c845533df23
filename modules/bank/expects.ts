// What x/bank needs of the account keeper, and nothing more (the SDK's expected_keepers.go).
import type { AddressCodec } from '../../app/address-codec.js';
import type { Context } from '../../app/context.js';

export interface BankAccountKeeper {
  readonly addressCodec: AddressCodec;
  hasAccount(ctx: Context, address: Uint8Array): boolean;
  /** Creates an account for an address that has just received coins. */
  createAccount(ctx: Context, address: Uint8Array): unknown;
  getModuleAddress(name: string): Uint8Array | undefined;
  /** The module's account, created on first use. */
  getModuleAccount(ctx: Context, name: string): { readonly address: Uint8Array };
  moduleAccountPermissions(name: string): readonly string[] | undefined;
}
