// What x/distribution needs of staking, bank and auth, and nothing more (the SDK's
// expected_keepers.go). The staking keeper implements DistributionStakingKeeper; bank's
// BankKeeper and auth's AccountKeeper satisfy the other two as they are.
import type { AddressCodec } from '../../app/address-codec.js';
import type { Coins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import type { Dec } from '../../app/dec.js';

export interface DistributionValidator {
  operator: string;          // valoper bech32
  consAddress: Uint8Array;   // 20 bytes
  status: 'bonded' | 'unbonding' | 'unbonded';
  tokens: bigint;
  delegatorShares: Dec;
  commissionRate: Dec;
}
export interface DistributionDelegation { delegator: string; operator: string; shares: Dec }
export interface DistributionStakingKeeper {
  validatorByConsAddr(ctx: Context, consAddress: Uint8Array): DistributionValidator | undefined;
  validatorByOperator(ctx: Context, operator: string): DistributionValidator | undefined;
  delegation(ctx: Context, delegator: string, operator: string): DistributionDelegation | undefined;
  delegationsOf(ctx: Context, delegator: string): DistributionDelegation[];
  /** Tokens worth `shares` of the validator, truncated. */
  tokensFromShares(validator: DistributionValidator, shares: Dec): bigint;
}

export interface DistributionBankKeeper {
  getAllBalances(ctx: Context, address: Uint8Array): Coins;
  sendCoinsFromModuleToAccount(ctx: Context, senderModule: string, recipient: Uint8Array, amount: Coins): void;
  sendCoinsFromModuleToModule(ctx: Context, senderModule: string, recipientModule: string, amount: Coins): void;
  sendCoinsFromAccountToModule(ctx: Context, sender: Uint8Array, recipientModule: string, amount: Coins): void;
  /** Module accounts: a withdraw address may not be one (their coins only their module may move). */
  blockedAddr(address: Uint8Array): boolean;
}

export interface DistributionAccountKeeper {
  readonly addressCodec: AddressCodec;
  getModuleAddress(name: string): Uint8Array | undefined;
}
