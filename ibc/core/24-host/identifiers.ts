// ICS-24 identifier rules, with ibc-go's wording so a relayer's error reads the same.
import { ErrInvalidID, ErrInvalidPath } from './errors.js';

const VALID_ID = /^[a-zA-Z0-9._+\-#[\]<>]+$/;
const MAX_ID_LENGTH = 64;
const MAX_PORT_ID_LENGTH = 128;

function validateIdentifier(id: string, min: number, max: number): void {
  if (id.trim() === '') throw ErrInvalidID.wrap('identifier cannot be blank');
  if (id.includes('/')) throw ErrInvalidID.wrap(`identifier ${id} cannot contain separator '/'`);
  if (id.length < min || id.length > max) {
    throw ErrInvalidID.wrap(`identifier ${id} has invalid length: ${id.length}, must be between ${min}-${max} characters`);
  }
  if (!VALID_ID.test(id)) {
    throw ErrInvalidID.wrap(`identifier ${id} must contain only alphanumeric or the following characters: '.', '_', '+', '-', '#', '[', ']', '<', '>'`);
  }
}

export const validateClientId = (id: string) => validateIdentifier(id, 9, MAX_ID_LENGTH);
export const validateConnectionId = (id: string) => validateIdentifier(id, 10, MAX_ID_LENGTH);
export const validateChannelId = (id: string) => validateIdentifier(id, 8, MAX_ID_LENGTH);
export const validatePortId = (id: string) => validateIdentifier(id, 2, MAX_PORT_ID_LENGTH);

/** `{prefix}-{n}`: `07-tendermint-0`, `connection-3`, `channel-12`. */
export function formatIdentifier(prefix: string, sequence: bigint): string {
  return `${prefix}-${sequence}`;
}

/** The sequence of a generated identifier, or undefined when `id` is not `{prefix}-{n}`. */
export function parseIdentifier(id: string, prefix: string): bigint | undefined {
  if (!id.startsWith(`${prefix}-`)) return undefined;
  const digits = id.slice(prefix.length + 1);
  if (!/^(0|[1-9][0-9]*)$/.test(digits)) return undefined;
  return BigInt(digits);
}

/** A path of identifiers separated by '/', each valid (ibc-go's NewPathValidator). */
export function validatePath(path: string, validateSegment: (id: string) => void): void {
  const segments = path.split('/');
  if (segments.length === 1) throw ErrInvalidPath.wrap(`path ${path} doesn't contain any separator '/'`);
  for (const segment of segments) {
    if (segment === '') throw ErrInvalidPath.wrap(`path ${path} cannot begin or end with '/'`);
    validateSegment(segment);
    validateIdentifier(segment, 1, MAX_ID_LENGTH);
  }
}
