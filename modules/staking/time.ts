// Block-time arithmetic on protobuf Timestamps (no wall clock: the block's time only).
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';

export function addSeconds(t: Timestamp, seconds: bigint): Timestamp {
  return { seconds: t.seconds + seconds, nanos: t.nanos };
}

export function compareTime(a: Timestamp, b: Timestamp): number {
  if (a.seconds !== b.seconds) return a.seconds < b.seconds ? -1 : 1;
  return a.nanos === b.nanos ? 0 : a.nanos < b.nanos ? -1 : 1;
}

/** RFC 3339 with nanoseconds, as Go prints a time.Time in events ("2026-11-22T03:00:00Z"). */
export function formatTime(t: Timestamp): string {
  const iso = new Date(Number(t.seconds) * 1000).toISOString().replace(/\.000Z$/, '');
  return t.nanos === 0 ? `${iso}Z` : `${iso}.${String(t.nanos).padStart(9, '0').replace(/0+$/, '')}Z`;
}
