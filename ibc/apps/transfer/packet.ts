// ICS-20 packet data and acknowledgements as bytes, exactly as ibc-go v8 writes and reads
// them: both sides hash these bytes into commitments, so a different key order, escape or
// omitted field would make every relay fail.
import type { FungibleTokenPacketData } from 'cosmjs-types/ibc/applications/transfer/v1/packet';
import { ErrIbcInvalidAddress, ErrInvalidAmount } from './errors.js';
import { goJsonObject, goJsonString, parseFirstJsonValue } from './go-json.js';
import { isBlank, validatePrefixedDenom } from './trace.js';

export type { FungibleTokenPacketData };

const FIELDS = ['denom', 'amount', 'sender', 'receiver', 'memo'] as const;

/**
 * FungibleTokenPacketData.GetBytes: jsonpb without defaults (an empty memo, or any empty
 * field, is left out), then sdk.MustSortJSON (keys sorted, compact, Go's escaping).
 */
export function packetDataBytes(data: FungibleTokenPacketData): Uint8Array {
  const fields: Record<string, string> = {};
  for (const key of FIELDS) if (data[key] !== '') fields[key] = data[key];
  return new TextEncoder().encode(goJsonObject(fields));
}

/**
 * Reads packet data as ibc-go's ModuleCdc.UnmarshalJSON does (gogoproto jsonpb): the first
 * JSON value must be an object (or null), with only the five known keys, each a string or
 * null. Throws an Error saying what is wrong.
 */
export function decodePacketData(bytes: Uint8Array): FungibleTokenPacketData {
  const json = parseFirstJsonValue(new TextDecoder().decode(bytes));
  const data: FungibleTokenPacketData = { denom: '', amount: '', sender: '', receiver: '', memo: '' };
  if (json === null) return data;
  if (typeof json !== 'object' || Array.isArray(json)) throw new Error('packet data is not a JSON object');
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (!(FIELDS as readonly string[]).includes(key)) throw new Error(`unknown field "${key}" in types.FungibleTokenPacketData`);
    if (value === null) continue;
    if (typeof value !== 'string') throw new Error(`field "${key}" is not a string`);
    data[key as (typeof FIELDS)[number]] = value;
  }
  return data;
}

const MAX_BITS = 256;

/**
 * An integer as cosmossdk.io/math's NewIntFromString reads it: Go's big.Int SetString with
 * base 0 (a sign; 0x, 0o, 0b or a leading 0 for octal; underscores between digits), at most
 * 256 bits. undefined when Go would refuse it.
 */
export function parseGoInt(text: string): bigint | undefined {
  let s = text;
  let negative = false;
  if (s.startsWith('+') || s.startsWith('-')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  let digits: RegExp;
  let prefixed = true;
  let body = s;
  let base: bigint;
  const lower = s.slice(0, 2).toLowerCase();
  if (lower === '0x') [base, body, digits] = [16n, s.slice(2), /[0-9a-fA-F]/];
  else if (lower === '0b') [base, body, digits] = [2n, s.slice(2), /[01]/];
  else if (lower === '0o') [base, body, digits] = [8n, s.slice(2), /[0-7]/];
  else if (s.length > 1 && s[0] === '0') [base, body, digits] = [8n, s.slice(1), /[0-7]/];
  else [base, body, digits, prefixed] = [10n, s, /[0-9]/, false];
  // Underscores only between digits, or between the base prefix and a digit.
  const d = digits.source;
  const shape = new RegExp(prefixed ? `^_?${d}(_?${d})*$` : `^${d}(_?${d})*$`);
  if (!shape.test(body)) return undefined;
  let value = 0n;
  for (const ch of body) if (ch !== '_') value = value * base + BigInt(parseInt(ch, Number(base)));
  if (value.toString(2).length > MAX_BITS && value !== 0n) return undefined;
  return negative ? -value : value;
}

/**
 * FungibleTokenPacketData.ValidateBasic: a positive amount, a sender and a receiver (any
 * format: they belong to different chains), and a well-formed denom trace. Returns the amount.
 */
export function validatePacketData(data: FungibleTokenPacketData): bigint {
  const amount = parseGoInt(data.amount);
  if (amount === undefined) throw ErrInvalidAmount.wrap(`unable to parse transfer amount (${data.amount}) into math.Int`);
  if (amount <= 0n) throw ErrInvalidAmount.wrap(`amount must be strictly positive: got ${amount}`);
  if (isBlank(data.sender)) throw ErrIbcInvalidAddress.wrap('sender address cannot be blank');
  if (isBlank(data.receiver)) throw ErrIbcInvalidAddress.wrap('receiver address cannot be blank');
  validatePrefixedDenom(data.denom);
  return amount;
}

// channeltypes.ackErrorString: in every error acknowledgement, and so in state.
const ACK_ERROR_STRING = 'error handling packet: see events for details';

/** The acknowledgement `channeltypes.Acknowledgement` JSON holds: a result or an error (the oneof). */
export type Ack = { result: Uint8Array } | { error: string } | Record<string, never>;

/** The success acknowledgement ICS-20 writes: result 0x01. */
export const SUCCESS_ACK: Ack = { result: Uint8Array.of(1) };

/** NewErrorAcknowledgement: only the ABCI code, since codespaces and logs may differ between versions. */
export function errorAck(code: number): Ack {
  return { error: `ABCI code: ${code}: ${ACK_ERROR_STRING}` };
}

export function isSuccessAck(ack: Ack): ack is { result: Uint8Array } {
  return 'result' in ack;
}

/** Acknowledgement.Acknowledgement(): `{"result":"AQ=="}` or `{"error":"..."}`, Go's escaping. */
export function ackBytes(ack: Ack): Uint8Array {
  let json = '{}';
  if ('result' in ack) json = `{"result":${goJsonString(Buffer.from(ack.result).toString('base64'))}}`;
  else if ('error' in ack) json = `{"error":${goJsonString(ack.error)}}`;
  return new TextEncoder().encode(json);
}

/** Reads an acknowledgement as jsonpb does; throws when it is not one. The caller checks it re-encodes to the same bytes. */
export function decodeAck(bytes: Uint8Array): Ack {
  const json = parseFirstJsonValue(new TextDecoder().decode(bytes));
  if (json === null) return {};
  if (typeof json !== 'object' || Array.isArray(json)) throw new Error('acknowledgement is not a JSON object');
  const fields = json as Record<string, unknown>;
  for (const key of Object.keys(fields)) if (key !== 'result' && key !== 'error') throw new Error(`unknown field "${key}" in types.Acknowledgement`);
  const { result, error } = fields;
  if (result !== undefined && result !== null) {
    if (typeof result !== 'string' || !/^[A-Za-z0-9+/\r\n]*={0,2}$/.test(result)) throw new Error('acknowledgement result is not base64');
    return { result: new Uint8Array(Buffer.from(result, 'base64')) };
  }
  if (error !== undefined && error !== null) {
    if (typeof error !== 'string') throw new Error('acknowledgement error is not a string');
    return { error };
  }
  return {};
}

/** Acknowledgement.String(), gogoproto's compact text format: `result:"\001" ` (the event's `acknowledgement`). */
export function ackText(ack: Ack): string {
  if ('result' in ack) return `result:${protoTextString(ack.result)} `;
  if ('error' in ack) return `error:${protoTextString(new TextEncoder().encode(ack.error))} `;
  return '';
}

/** gogoproto's writeString: byte by byte, printable ASCII as is, the rest as octal escapes. */
function protoTextString(bytes: Uint8Array): string {
  let out = '"';
  for (const b of bytes) {
    if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x09) out += '\\t';
    else if (b === 0x22) out += '\\"';
    else if (b === 0x5c) out += '\\\\';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}
