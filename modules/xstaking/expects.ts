// What interchain staking needs of other modules, and nothing more (the SDK's expected_keepers.go).
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import type { AddressCodec } from '../../app/address-codec.js';
import type { Coins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import type { ForeignTrial } from '../../gen/zonekit/court/v1/types.js';

/** The `xstaking` module account needs `minter` and `burner` on a consumer (BAR). */
export interface XStakingBankKeeper {
  getBalance(ctx: Context, address: Uint8Array, denom: string): bigint;
  sendCoinsFromAccountToModule(ctx: Context, sender: Uint8Array, recipientModule: string, amount: Coins): void;
  sendCoinsFromModuleToAccount(ctx: Context, senderModule: string, recipient: Uint8Array, amount: Coins): void;
  mintCoins(ctx: Context, moduleName: string, amount: Coins): void;
  burnCoins(ctx: Context, moduleName: string, amount: Coins): void;
}

export interface XStakingAccountKeeper {
  readonly addressCodec: AddressCodec;
  getModuleAddress(name: string): Uint8Array | undefined;
}

/**
 * The consumer's staking, through the same delegate and undelegate paths as MsgDelegate and
 * MsgUndelegate, so voting power reaches CometBFT by staking's ordinary EndBlock updates.
 */
export interface XStakingStakingKeeper {
  bondDenom(ctx: Context): string;
  totalBondedTokens(ctx: Context): bigint;
  hasValidator(ctx: Context, operator: string): boolean;
  delegate(ctx: Context, delegator: string, operator: string, amount: bigint): void;
  undelegate(ctx: Context, delegator: string, operator: string, amount: bigint): { completionTime: Timestamp; amount: bigint };
}

/** The hub's court, which keeps the consumer's verdicts it carries out (modules/court). */
export interface XStakingCourtKeeper {
  recordForeignTrial(ctx: Context, trial: Omit<ForeignTrial, 'id' | 'judgedHeight' | 'judgedTime'>): ForeignTrial;
}
