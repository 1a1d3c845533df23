// How staking's events print a block time; the arithmetic is the app's (app/time.ts).
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';

/** RFC 3339 with nanoseconds, as Go prints a time.Time in events ("2026-11-22T03:00:00Z"). */
export function formatTime(t: Timestamp): string {
  const iso = new Date(Number(t.seconds) * 1000).toISOString().replace(/\.000Z$/, '');
  return t.nanos === 0 ? `${iso}Z` : `${iso}.${String(t.nanos).padStart(9, '0').replace(/0+$/, '')}Z`;
}
