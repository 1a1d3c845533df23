// Block times and periods as integer nanoseconds (Go's time.Time and time.Duration
// arithmetic, without floats), plus the timestamp range gogoproto accepts.
import type { Duration } from 'cosmjs-types/google/protobuf/duration';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';

const NANOS_PER_SECOND = 1_000_000_000n;
// gogoproto's StdTime range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
const MIN_SECONDS = -62_135_596_800n;
const MAX_SECONDS = 253_402_300_799n;

export function timestampNanos(t: Timestamp): bigint {
  return t.seconds * NANOS_PER_SECOND + BigInt(t.nanos);
}

export function durationNanos(d: Duration): bigint {
  return d.seconds * NANOS_PER_SECOND + BigInt(d.nanos);
}

/** Why `t` is not a time CometBFT could have produced, or undefined when it is one. */
export function invalidTimestamp(t: Timestamp): string | undefined {
  if (t.nanos < 0 || t.nanos >= 1e9) return `timestamp nanos ${t.nanos} out of range [0, 1e9)`;
  if (t.seconds < MIN_SECONDS || t.seconds > MAX_SECONDS) return `timestamp seconds ${t.seconds} out of range`;
  return undefined;
}

/** RFC 3339 with nanoseconds, for error messages. */
export function formatNanos(ns: bigint): string {
  let seconds = ns / NANOS_PER_SECOND;
  let nanos = ns % NANOS_PER_SECOND;
  if (nanos < 0n) {
    seconds -= 1n;
    nanos += NANOS_PER_SECOND;
  }
  const date = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${date}.${nanos.toString().padStart(9, '0')}Z`;
}
