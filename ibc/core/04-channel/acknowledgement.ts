// channeltypes.Acknowledgement as bytes, exactly as ibc-go v8 writes and reads it: the
// destination commits to these bytes and the source checks them against its proof, so every
// application that answers with the standard acknowledgement must write them identically.
import { goJsonString, parseFirstJsonValue } from '../go-json.js';

// channeltypes.ackErrorString: in every error acknowledgement, and so in state.
const ACK_ERROR_STRING = 'error handling packet: see events for details';

/** The acknowledgement `channeltypes.Acknowledgement` JSON holds: a result or an error (the oneof). */
export type Ack = { result: Uint8Array } | { error: string } | Record<string, never>;

/** NewResultAcknowledgement. */
export function resultAck(result: Uint8Array): Ack {
  return { result };
}

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
