// zod schemas for the parameters gateway paths share: account addresses, grpc-gateway's
// flattened pagination (`pagination.limit=10`) and unsigned integers in a query string.
import type { PageRequest } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import { z } from 'zod';
import type { AddressCodec } from '../address-codec.js';
import { CodedError } from '../errors.js';

/** The detail of a decoding error, without its root's description (`...: invalid address`). */
function reason(err: unknown): string {
  if (!(err instanceof CodedError)) return err instanceof Error ? err.message : String(err);
  const suffix = `: ${err.root.message}`;
  return err.message.endsWith(suffix) ? err.message.slice(0, -suffix.length) : err.message;
}

/** A bech32 account address of this chain; a bad one is `invalid address: <why>`, as the SDK's queries say. */
export function addressParam(codec: AddressCodec) {
  return z
    .string()
    .describe(`a bech32 account address (${codec.prefix}1...)`)
    .superRefine((address, ctx) => {
      try {
        codec.decode(address);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `invalid address: ${reason(err)}` });
      }
    });
}

/** A uint64 in decimal, as grpc-gateway accepts it in a query string. */
export function uint64Param(name: string) {
  return z
    .string()
    .regex(/^[0-9]{1,20}$/, { error: `${name} must be an unsigned integer` })
    .transform((s, ctx) => {
      const value = BigInt(s);
      if (value >= 1n << 64n) {
        ctx.addIssue({ code: 'custom', message: `${name} is out of range for a uint64: ${s}` });
        return z.NEVER;
      }
      return value;
    });
}

function boolParam(name: string) {
  return z.enum(['true', 'false', '1', '0'], { error: `${name} must be true or false` }).transform((s) => s === 'true' || s === '1');
}

// A `+` that a client left unescaped in the query string arrives as a space.
const BASE64 = /^[A-Za-z0-9+/_ -]*={0,2}$/;

/** `pagination.*` of a list query, in grpc-gateway's names. */
export const paginationQuery = z.object({
  'pagination.key': z
    .string()
    .regex(BASE64, { error: 'pagination.key must be base64 (the next_key of the previous page)' })
    .transform((s) => new Uint8Array(Buffer.from(s.replaceAll(' ', '+'), 'base64')))
    .optional(),
  'pagination.offset': uint64Param('pagination.offset').optional(),
  'pagination.limit': uint64Param('pagination.limit').optional(),
  'pagination.count_total': boolParam('pagination.count_total').optional(),
  'pagination.reverse': boolParam('pagination.reverse').optional(),
});

export function pageRequest(query: z.output<typeof paginationQuery>): PageRequest {
  return {
    key: query['pagination.key'] ?? new Uint8Array(),
    offset: query['pagination.offset'] ?? 0n,
    limit: query['pagination.limit'] ?? 0n,
    countTotal: query['pagination.count_total'] ?? false,
    reverse: query['pagination.reverse'] ?? false,
  };
}
