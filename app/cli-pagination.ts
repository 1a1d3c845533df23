// simd's pagination flags of list queries (`--limit --offset --page-key --count-total
// --reverse`), shared by hand-written commands and the generated ones (app/proto/autocli.ts).
import type { PageRequest } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import type { CliOption } from './cli-types.js';

export const PAGINATION_OPTIONS: readonly CliOption[] = [
  { flags: '--limit <n>', description: 'the most results to return' },
  { flags: '--offset <n>', description: 'skip this many results (instead of --page-key)' },
  { flags: '--page-key <base64>', description: 'the next_key of the previous page' },
  { flags: '--count-total', description: 'count all results (pagination.total)' },
  { flags: '--reverse', description: 'results in descending order' },
];

function whole(value: string | boolean | undefined, flag: string): bigint {
  if (value === undefined) return 0n;
  if (typeof value !== 'string' || !/^[0-9]+$/.test(value)) throw new Error(`${flag} must be a whole number, got ${JSON.stringify(value)}`);
  return BigInt(value);
}

/** The PageRequest the pagination flags ask for. */
export function pageRequestFromOptions(opts: Readonly<Record<string, string | boolean | undefined>>): PageRequest {
  const key = typeof opts.pageKey === 'string' ? opts.pageKey : '';
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(key)) throw new Error(`--page-key must be base64 (the next_key of the previous page), got ${JSON.stringify(key)}`);
  return {
    key: new Uint8Array(Buffer.from(key, 'base64')),
    offset: whole(opts.offset, '--offset'),
    limit: whole(opts.limit, '--limit'),
    countTotal: opts.countTotal === true,
    reverse: opts.reverse === true,
  };
}

/** A PageResponse as simd prints it: next_key in base64 (null when there is no next page), total as a string. */
export function pageResponseJson(page: { nextKey: Uint8Array; total: bigint } | undefined): { next_key: string | null; total: string } {
  const next = page?.nextKey ?? new Uint8Array();
  return { next_key: next.length > 0 ? Buffer.from(next).toString('base64') : null, total: (page?.total ?? 0n).toString() };
}
