// What interchain staking needs of other modules, and nothing more (the SDK's expected_keepers.go).
import type { Any } from 'cosmjs-types/google/protobuf/any';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import type { AddressCodec } from '../../app/address-codec.js';
import type { Coins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import type { KVStore } from '../../app/store/index.js';
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
  /** The validator's consensus address (what its commit signatures name), undefined if there is none. */
  consensusAddress(ctx: Context, operator: string): Uint8Array | undefined;
  delegate(ctx: Context, delegator: string, operator: string, amount: bigint): void;
  undelegate(ctx: Context, delegator: string, operator: string, amount: bigint): { completionTime: Timestamp; amount: bigint };
}

/** The hub's court, which keeps the consumer's verdicts it carries out (modules/court). */
export interface XStakingCourtKeeper {
  recordForeignTrial(ctx: Context, trial: Omit<ForeignTrial, 'id' | 'judgedHeight' | 'judgedTime'>): ForeignTrial;
  /** The first foreign trial recorded for this evidence, if any (a fork is tried once). */
  foreignTrialByEvidence(ctx: Context, evidenceHash: Uint8Array): ForeignTrial | undefined;
  /** The first fork trial verified against this client, if any (a client hosts one). */
  foreignTrialOfClient(ctx: Context, clientId: string): ForeignTrial | undefined;
}

/** The light client a message verifies against (what of it a fork trial needs: 02-client's own methods). */
export interface XStakingLightClient {
  verifyClientMessage(ctx: Context, store: KVStore, clientMessage: Any): void;
  checkForMisbehaviour(ctx: Context, store: KVStore, clientMessage: Any): boolean;
}

/**
 * The hub's IBC clients (ibc's 02-client keeper): a fork trial verifies the misbehaviour
 * against the client of the consumer and freezes it as MsgSubmitMisbehaviour does.
 */
export interface XStakingClientKeeper {
  status(ctx: Context, clientId: string): string;
  /** MsgSubmitMisbehaviour's path on an Active client: verify, and freeze if proven. */
  updateClient(ctx: Context, clientId: string, clientMessage: Any): void;
  lightClient(clientId: string): XStakingLightClient;
  clientStore(ctx: Context, clientId: string): KVStore;
}
