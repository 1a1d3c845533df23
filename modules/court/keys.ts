// Every key the court owns in store `court`. Signing infos and missed-block bitmaps follow
// x/slashing's v0.50 layout (length-prefixed consensus address, bitmap in 1024-bit chunks);
// the trial record and its indexes sit under their own prefixes.
import { decodeUint64 as readUint64, encodeUint64 as uint64Bytes } from '../../app/store/collections/index.js';

export const STORE_KEY = 'court';
export const MODULE_NAME = 'court';

export const SLASHING_PARAMS_KEY = Uint8Array.of(0x00);
export const SIGNING_INFO_PREFIX = Uint8Array.of(0x01);
export const MISSED_BITMAP_PREFIX = Uint8Array.of(0x02);
export const EVIDENCE_PARAMS_KEY = Uint8Array.of(0x10);
export const NEXT_TRIAL_ID_KEY = Uint8Array.of(0x11);
export const TRIAL_PREFIX = Uint8Array.of(0x12);
/** evidence hash → trial id: what has been judged. */
export const JUDGED_EVIDENCE_PREFIX = Uint8Array.of(0x13);
/** len | operator address | trial id → (marker): trials by validator operator. */
export const TRIALS_BY_OPERATOR_PREFIX = Uint8Array.of(0x14);
/** len | consensus address | trial id → (marker): trials by consensus address. */
export const TRIALS_BY_CONS_PREFIX = Uint8Array.of(0x15);

/** Foreign trials (verdicts of other zones' courts carried out here): next id, and id → ForeignTrial. */
export const NEXT_FOREIGN_TRIAL_ID_KEY = Uint8Array.of(0x16);
export const FOREIGN_TRIAL_PREFIX = Uint8Array.of(0x17);

/** Bits per stored bitmap chunk (x/slashing's MissedBlockBitmapChunkSize). */
export const BITMAP_CHUNK_BITS = 1024n;

/** Index entries carry their meaning in the key; the value is a non-empty marker. */
export const INDEX_MARKER = Uint8Array.of(1);

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function lengthPrefixed(address: Uint8Array): Uint8Array {
  return concat(Uint8Array.of(address.length), address);
}

export { readUint64, uint64Bytes };

export function signingInfoKey(consAddress: Uint8Array): Uint8Array {
  return concat(SIGNING_INFO_PREFIX, lengthPrefixed(consAddress));
}

export function missedBitmapPrefix(consAddress: Uint8Array): Uint8Array {
  return concat(MISSED_BITMAP_PREFIX, lengthPrefixed(consAddress));
}

export function missedBitmapChunkKey(consAddress: Uint8Array, chunk: bigint): Uint8Array {
  return concat(missedBitmapPrefix(consAddress), uint64Bytes(chunk));
}

export function trialKey(id: bigint): Uint8Array {
  return concat(TRIAL_PREFIX, uint64Bytes(id));
}

export function judgedEvidenceKey(hash: Uint8Array): Uint8Array {
  return concat(JUDGED_EVIDENCE_PREFIX, hash);
}

export function trialsByOperatorPrefix(operator: Uint8Array): Uint8Array {
  return concat(TRIALS_BY_OPERATOR_PREFIX, lengthPrefixed(operator));
}

export function trialsByConsPrefix(consAddress: Uint8Array): Uint8Array {
  return concat(TRIALS_BY_CONS_PREFIX, lengthPrefixed(consAddress));
}
