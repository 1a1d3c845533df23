// ICS-20's names and every key the transfer module owns in store `transfer`, in ibc-go v8's
// layout (types/keys.go), so raw-store readers find what they find on simd.
import { createHash } from 'node:crypto';

export const MODULE_NAME = 'transfer';
export const STORE_KEY = 'transfer';
/** The port the module binds to by default. */
export const PORT_ID = 'transfer';
/** The only channel version ICS-20 v1 speaks. */
export const VERSION = 'ics20-1';
/** The module account that mints and burns vouchers (needs `minter` and `burner`). */
export const MODULE_ACCOUNT = 'transfer';
/** Vouchers are `ibc/{HASH}`. */
export const DENOM_PREFIX = 'ibc';

/** The bound port id. */
export const PORT_KEY = Uint8Array.of(0x01);
/** 0x02 | sha256(full denom path) → DenomTrace. */
export const DENOM_TRACE_PREFIX = Uint8Array.of(0x02);
export const PARAMS_KEY = new TextEncoder().encode('params');
/** `totalEscrowForDenom/{denom}` → sdk.IntProto; the iteration prefix has no slash, as in ibc-go. */
export const TOTAL_ESCROW_PREFIX = new TextEncoder().encode('totalEscrowForDenom');

const utf8 = new TextEncoder();

export function denomTraceKey(hash: Uint8Array): Uint8Array {
  const out = new Uint8Array(DENOM_TRACE_PREFIX.length + hash.length);
  out.set(DENOM_TRACE_PREFIX);
  out.set(hash, DENOM_TRACE_PREFIX.length);
  return out;
}

export function totalEscrowKey(denom: string): Uint8Array {
  return utf8.encode(`totalEscrowForDenom/${denom}`);
}

/**
 * The account that holds a channel's escrowed coins (ibc-go's GetEscrowAddress, an ADR-028
 * address hash): sha256("ics20-1" ‖ 0x00 ‖ "port/channel")[:20]. The slash keeps two
 * different (port, channel) pairs from sharing an address.
 */
export function escrowAddress(portId: string, channelId: string): Uint8Array {
  const hash = createHash('sha256').update(utf8.encode(VERSION)).update(Uint8Array.of(0)).update(utf8.encode(`${portId}/${channelId}`)).digest();
  return new Uint8Array(hash.subarray(0, 20));
}
