// Block-time arithmetic on protobuf Timestamps and Durations (seconds + nanos), exact and
// integer-only: the state machine's only clock is the block's time. Also their text forms in
// genesis JSON ("600s").
import type { Duration } from 'cosmjs-types/google/protobuf/duration';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';

const NANOS_PER_SECOND = 1_000_000_000n;

function toNanos(t: { seconds: bigint; nanos: number }): bigint {
  return t.seconds * NANOS_PER_SECOND + BigInt(t.nanos);
}

function fromNanos(total: bigint): { seconds: bigint; nanos: number } {
  let seconds = total / NANOS_PER_SECOND;
  let nanos = total % NANOS_PER_SECOND;
  if (nanos < 0n) {
    seconds -= 1n;
    nanos += NANOS_PER_SECOND;
  }
  return { seconds, nanos: Number(nanos) };
}

/** `time` + `duration`. */
export function addDuration(time: Timestamp, duration: Duration): Timestamp {
  return fromNanos(toNanos(time) + toNanos(duration));
}

/** a − b as a Duration (negative when b is later). */
export function timeSince(a: Timestamp, b: Timestamp): Duration {
  return fromNanos(toNanos(a) - toNanos(b));
}

/** Negative, zero or positive as a is before, equal to or after b (works for Durations too). */
export function compareTime(a: { seconds: bigint; nanos: number }, b: { seconds: bigint; nanos: number }): number {
  const d = toNanos(a) - toNanos(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** "600s", "1.5s": the JSON form of a Duration in SDK genesis files. */
export function parseDuration(text: string): Duration {
  const match = /^([0-9]{1,12})(?:\.([0-9]{1,9}))?s$/.exec(text);
  if (match === null) throw new Error(`invalid duration ${JSON.stringify(text)}: expected seconds such as "600s" or "1.5s"`);
  return { seconds: BigInt(match[1]!), nanos: Number((match[2] ?? '').padEnd(9, '0')) };
}

export function durationToString(d: Duration): string {
  if (d.nanos === 0) return `${d.seconds}s`;
  return `${d.seconds}.${String(d.nanos).padStart(9, '0').replace(/0+$/, '')}s`;
}

/** `time` + whole `seconds`. */
export function addSeconds(time: Timestamp, seconds: bigint): Timestamp {
  return addDuration(time, { seconds, nanos: 0 });
}
