// What the court needs of staking, and nothing more (the SDK's x/slashing and x/evidence
// expected keepers in one). The staking keeper implements it; tests use a fake.
import type { Context } from '../../app/context.js';
import type { Dec } from '../../app/dec.js';
import type { Trial } from '../../gen/zonekit/court/v1/types.js';
export interface CourtValidator {
  operator: string;            // valoper bech32
  consPubKey: Uint8Array;      // 32-byte ed25519
  consAddress: Uint8Array;     // sha256(consPubKey)[0:20]
  jailed: boolean;
  status: 'bonded' | 'unbonding' | 'unbonded';
  tokens: bigint;
  minSelfDelegation: bigint;
}
export interface SlashOutcome {
  burned: bigint;              // total tokens burned
  fromValidator: bigint;       // from the validator's tokens (all its current delegators pro rata)
  fromUnbondingDelegations: { delegator: string; amount: bigint }[];
  fromRedelegations: { delegator: string; validatorDst: string; amount: bigint }[];
}
export interface CourtStakingKeeper {
  readonly powerReduction: bigint;
  validatorByConsAddr(ctx: Context, consAddress: Uint8Array): CourtValidator | undefined;
  validatorByOperator(ctx: Context, operator: string): CourtValidator | undefined;
  /** Burns `fraction` of the stake the validator had at `infractionHeight` (consensus power `power` then), from unbonding and redelegated stake that began after it first. */
  slash(ctx: Context, consAddress: Uint8Array, infractionHeight: bigint, power: bigint, fraction: Dec): SlashOutcome;
  jail(ctx: Context, consAddress: Uint8Array): void;
  unjail(ctx: Context, consAddress: Uint8Array): void;
  /** Tokens the operator's own account has delegated to its validator. */
  selfDelegationTokens(ctx: Context, operator: string): bigint;
  /** The validator set recorded in HistoricalInfo at `height`, or undefined when not kept. */
  validatorSetAt(ctx: Context, height: bigint): readonly { consPubKey: Uint8Array; power: bigint }[] | undefined;
}
/** What another module may do once the court has carried out a verdict (slashed, jailed, recorded). */
export interface VerdictHooks {
  afterVerdict(ctx: Context, trial: Trial): void;
}
