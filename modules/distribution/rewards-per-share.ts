// Rewards per share, zonekit's records in place of the SDK's F1 periods: their precision and
// the conversion of a delegation's snapshot to and from its stored record
// (DelegationRewardSnapshot, proto/zonekit/distribution/v1/types.proto).
import { decFromProto, decToProto, type Dec } from '../../app/dec.js';
import type { DelegationRewardSnapshot } from '../../gen/zonekit/distribution/v1/types.js';
import { decCoinsFromProto, decCoinsToProto, type DecCoins } from './dec-coins.js';

/** Rewards per share carry 36 decimal places, not LegacyDec's 18 (see types.proto). */
export const PER_SHARE_PLACES = 36;
export const PER_SHARE_ONE = 10n ** BigInt(PER_SHARE_PLACES);

export interface DelegationSnapshot {
  shares: Dec;
  rewardsPerShare: DecCoins;
}

/** The stored record. Zero shares stay off the wire (an empty string), as they always have: the bytes are consensus state. */
export function snapshotToProto(snapshot: DelegationSnapshot): DelegationRewardSnapshot {
  return { shares: snapshot.shares === 0n ? '' : decToProto(snapshot.shares), rewardsPerShare: decCoinsToProto(snapshot.rewardsPerShare) };
}

export function snapshotFromProto(record: DelegationRewardSnapshot): DelegationSnapshot {
  return { shares: decFromProto(record.shares), rewardsPerShare: decCoinsFromProto(record.rewardsPerShare) };
}
