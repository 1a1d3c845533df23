// Denomination traces (ADR 001): a voucher's path of port/channel hops plus its base denom,
// and the `ibc/{HASH}` denom it circulates under. Ported from ibc-go v8 types/trace.go and
// types/coin.go line for line: which prefix counts as a hop decides which coins a packet
// mints or releases, so this must split a denom exactly as ibc-go does.
import { createHash } from 'node:crypto';
import type { DenomTrace } from 'cosmjs-types/ibc/applications/transfer/v1/denomtrace';
import { validateDenom } from '../../../app/coins.js';
import type { CodedError } from '../../../app/errors.js';
import { validateChannelId, validatePortId } from '../../core/24-host/identifiers.js';
import { ErrInvalidDenomForTransfer, goError, goText } from './errors.js';
import { DENOM_PREFIX } from './keys.js';

export type { DenomTrace };

const MAX_UINT64 = (1n << 64n) - 1n;
const CHANNEL_ID_FORMAT = /^channel-([0-9]{1,20})$/;

/** ibc-go's channeltypes.IsValidChannelID: `channel-{N}` with N a uint64 (leading zeros allowed). */
export function isValidChannelId(channelId: string): boolean {
  const match = CHANNEL_ID_FORMAT.exec(channelId);
  return match !== null && BigInt(match[1]!) <= MAX_UINT64;
}

// Go's unicode.IsSpace set, which strings.TrimSpace trims (JavaScript's trim differs: it
// trims U+FEFF and keeps U+0085).
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/** `strings.TrimSpace(s) == ""`. */
export function isBlank(s: string): boolean {
  return GO_SPACE.test(s);
}

/** The `port/channel/` prefix a hop adds. */
export function denomPrefix(portId: string, channelId: string): string {
  return `${portId}/${channelId}/`;
}

/** The denom arrived from the chain it is going back to: its trace starts with our end of the channel. */
export function receiverChainIsSource(sourcePort: string, sourceChannel: string, denom: string): boolean {
  return denom.startsWith(denomPrefix(sourcePort, sourceChannel));
}

export function senderChainIsSource(sourcePort: string, sourceChannel: string, denom: string): boolean {
  return !receiverChainIsSource(sourcePort, sourceChannel, denom);
}

/**
 * Splits `a/channel-1/b/channel-2/base/with/slashes` into path and base: pairs are taken as
 * hops while the second element is a channel id (ibc-go's extractPathAndBaseFromFullDenom).
 */
function extractPathAndBase(items: readonly string[]): { path: string; baseDenom: string } {
  const path: string[] = [];
  let base: readonly string[] = [];
  const length = items.length;
  for (let i = 0; i < length; i += 2) {
    if (i < length - 1 && length > 2 && isValidChannelId(items[i + 1]!)) {
      path.push(items[i]!, items[i + 1]!);
    } else {
      base = items.slice(i);
      break;
    }
  }
  return { path: path.join('/'), baseDenom: base.join('/') };
}

/** `transfer/channel-0/uatom` → { path: 'transfer/channel-0', baseDenom: 'uatom' }; `uatom` → { path: '', baseDenom: 'uatom' }. */
export function parseDenomTrace(rawDenom: string): DenomTrace {
  const items = rawDenom.split('/');
  if (items[0] === rawDenom) return { path: '', baseDenom: rawDenom };
  return extractPathAndBase(items);
}

/** path + "/" + base, or the base alone for a native denom. */
export function fullDenomPath(trace: DenomTrace): string {
  return trace.path === '' ? trace.baseDenom : `${trace.path}/${trace.baseDenom}`;
}

/** sha256 of the full denom path: the key a trace is stored under. */
export function traceHash(trace: DenomTrace): Uint8Array {
  return new Uint8Array(createHash('sha256').update(fullDenomPath(trace), 'utf8').digest());
}

/** Upper-case hex, as CometBFT's HexBytes prints (what `ibc/{HASH}` and the queries show). */
export function hexHash(hash: Uint8Array): string {
  return Buffer.from(hash).toString('hex').toUpperCase();
}

/** The trace hash of a full denom path (`transfer/channel-0/uatom`) in upper-case hex. */
export function denomTraceHash(fullPath: string): string {
  return hexHash(traceHash(parseDenomTrace(fullPath)));
}

/** The denom a trace circulates under here: `ibc/{HASH}`, or the base denom for a native one. */
export function ibcDenom(trace: DenomTrace): string {
  return trace.path === '' ? trace.baseDenom : `${DENOM_PREFIX}/${hexHash(traceHash(trace))}`;
}

/** The local denom of a full denom path: `voucherDenom('transfer/channel-0/uatom')` = `ibc/27394FB0…`. */
export function voucherDenom(fullPath: string): string {
  return ibcDenom(parseDenomTrace(fullPath));
}

function validateTraceIdentifiers(identifiers: readonly string[]): void {
  if (identifiers.length === 0 || identifiers.length % 2 !== 0) {
    throw goError(`trace info must come in pairs of port and channel identifiers '{portID}/{channelID}', got the identifiers: [${identifiers.join(' ')}]`);
  }
  for (let i = 0; i < identifiers.length; i += 2) {
    wrapped(() => validatePortId(identifiers[i]!), `invalid port ID at position ${i}`);
    wrapped(() => validateChannelId(identifiers[i + 1]!), `invalid channel ID at position ${i}`);
  }
}

function wrapped(check: () => void, detail: string): void {
  try {
    check();
  } catch (err) {
    throw (err as CodedError).wrap(detail);
  }
}

/** DenomTrace.Validate: a native denom needs a base; a trace needs port/channel pairs. The base is not checked. */
export function validateDenomTrace(trace: DenomTrace): void {
  if (trace.path === '' && trace.baseDenom !== '') return;
  if (isBlank(trace.baseDenom)) throw goError('base denomination cannot be blank');
  validateTraceIdentifiers(trace.path.split('/'));
}

/**
 * A packet's denom: `base` (may hold slashes) or `{port}/{channel}/.../base` with valid hops
 * (ibc-go's ValidatePrefixedDenom). The base denom itself is not checked.
 */
export function validatePrefixedDenom(denom: string): void {
  const items = denom.split('/');
  if (items[0] === denom && !isBlank(denom)) return;
  if (isBlank(items[items.length - 1]!)) throw ErrInvalidDenomForTransfer.wrap('base denomination cannot be blank');
  const { path } = extractPathAndBase(items);
  if (path === '') return;
  validateTraceIdentifiers(path.split('/'));
}

/** A denom a MsgTransfer may send: a valid SDK denom, and `ibc/…` only with a hex hash (ValidateIBCDenom). */
export function validateIbcDenom(denom: string): void {
  try {
    validateDenom(denom);
  } catch (err) {
    throw goError(goText(err));
  }
  const slash = denom.indexOf('/');
  const head = slash < 0 ? denom : denom.slice(0, slash);
  const invalidFormat = () =>
    ErrInvalidDenomForTransfer.wrap(`denomination should be prefixed with the format 'ibc/{hash(trace + "/" + ${denom})}'`);
  if (denom === DENOM_PREFIX) throw invalidFormat();
  if (slash >= 0 && head === DENOM_PREFIX) {
    const hash = denom.slice(slash + 1);
    if (isBlank(hash)) throw invalidFormat();
    try {
      parseHexHash(hash);
    } catch (err) {
      throw (err as CodedError).wrap(`invalid denom trace hash ${hash}`);
    }
  }
}

/**
 * Hex to hash bytes, as ibc-go's ParseHexHash (Go's hex.DecodeString, then CometBFT's
 * ValidateHash: empty or 32 bytes). Throws a Go-style error with Go's wording.
 */
export function parseHexHash(hex: string): Uint8Array {
  const bytes = new TextEncoder().encode(hex);
  const nibble = (b: number) => (b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x61 && b <= 0x66 ? b - 0x57 : b >= 0x41 && b <= 0x46 ? b - 0x37 : -1);
  const out = new Uint8Array(bytes.length >> 1);
  let j = 1;
  for (; j < bytes.length; j += 2) {
    const a = nibble(bytes[j - 1]!);
    const b = nibble(bytes[j]!);
    if (a < 0) throw goError(`encoding/hex: invalid byte: ${goRuneString(bytes[j - 1]!)}`);
    if (b < 0) throw goError(`encoding/hex: invalid byte: ${goRuneString(bytes[j]!)}`);
    out[(j - 1) >> 1] = (a << 4) | b;
  }
  if (bytes.length % 2 === 1) {
    if (nibble(bytes[j - 1]!) < 0) throw goError(`encoding/hex: invalid byte: ${goRuneString(bytes[j - 1]!)}`);
    throw goError('encoding/hex: odd length hex string');
  }
  if (out.length > 0 && out.length !== 32) throw goError(`expected size to be 32 bytes, got ${out.length} bytes`);
  return out;
}

/** Go's `%#U` of a byte taken as a rune: `U+0067 'g'`, the quoted form only when printable. */
function goRuneString(b: number): string {
  const code = `U+${b.toString(16).toUpperCase().padStart(4, '0')}`;
  const printable = (b >= 0x20 && b < 0x7f) || (b >= 0xa1 && b !== 0xad);
  return printable ? `${code} '${String.fromCharCode(b)}'` : code;
}
