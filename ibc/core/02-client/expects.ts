// What 02-client needs from the rest of the zone to describe this chain to counterparties:
// the staking module's HistoricalInfo and unbonding time (ibc-go's ConsensusHost).
import type { HistoricalInfo } from 'cosmjs-types/cosmos/staking/v1beta1/staking';
import type { Context } from '../../../app/context.js';

export interface SelfConsensusSource {
  /** This chain's header and validator set at `height`, kept for `historical_entries` heights. */
  historicalInfo(ctx: Context, height: bigint): HistoricalInfo | undefined;
  /** The unbonding period in seconds: a client of this chain must carry exactly this. */
  unbondingTimeSeconds(ctx: Context): bigint;
}
