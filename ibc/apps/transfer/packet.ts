// ICS-20 packet data and acknowledgements as bytes, exactly as ibc-go v8 writes and reads
// them: both sides hash these bytes into commitments, so a different key order, escape or
// omitted field would make every relay fail.
import type { FungibleTokenPacketData } from 'cosmjs-types/ibc/applications/transfer/v1/packet';
import { ErrIbcInvalidAddress, ErrInvalidAmount } from './errors.js';
import type { Ack } from '../../core/04-channel/acknowledgement.js';
import { goJsonObject, parseFirstJsonValue } from '../../core/go-json.js';
import { isBlank, validatePrefixedDenom } from './trace.js';

export type { FungibleTokenPacketData };
// The standard acknowledgement is core's (channeltypes.Acknowledgement); ICS-20 answers with it.
export { ackBytes, ackText, decodeAck, errorAck, isSuccessAck, type Ack } from '../../core/04-channel/acknowledgement.js';

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

/** The success acknowledgement ICS-20 writes: result 0x01. */
export const SUCCESS_ACK: Ack = { result: Uint8Array.of(1) };
