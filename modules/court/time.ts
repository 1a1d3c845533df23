// The court's fixed times; the arithmetic is the app's (app/time.ts).
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';

/** The Unix epoch: a signing info's jailed_until before any jailing (the SDK's time.Unix(0, 0)). */
export const EPOCH: Timestamp = Object.freeze({ seconds: 0n, nanos: 0 });

/** 9999-12-31T23:59:59Z: jailed "forever" after a double sign (x/evidence DoubleSignJailEndTime). */
export const DOUBLE_SIGN_JAIL_END: Timestamp = Object.freeze({ seconds: 253402300799n, nanos: 0 });
