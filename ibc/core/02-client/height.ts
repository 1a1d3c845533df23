// IBC heights: (revision number, revision height), ordered lexicographically. A chain id
// `name-N` puts the chain in revision N (ibc-go's ParseChainID); any other id is revision 0.
import { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import type { Context } from '../../../app/context.js';

export const ZERO_HEIGHT: Height = Object.freeze({ revisionNumber: 0n, revisionHeight: 0n });

export function height(revisionNumber: bigint, revisionHeight: bigint): Height {
  return { revisionNumber, revisionHeight };
}

export function compareHeights(a: Height, b: Height): number {
  if (a.revisionNumber !== b.revisionNumber) return a.revisionNumber < b.revisionNumber ? -1 : 1;
  if (a.revisionHeight !== b.revisionHeight) return a.revisionHeight < b.revisionHeight ? -1 : 1;
  return 0;
}

export function isZeroHeight(h: Height): boolean {
  return h.revisionNumber === 0n && h.revisionHeight === 0n;
}

const REVISION_FORMAT = /^.*[^\n-]-{1}[1-9][0-9]*$/;

export function parseChainId(chainId: string): bigint {
  if (!REVISION_FORMAT.test(chainId)) return 0n;
  return BigInt(chainId.slice(chainId.lastIndexOf('-') + 1));
}

/** This chain's current IBC height (ibc-go's GetSelfHeight). */
export function selfHeight(ctx: Context): Height {
  return height(parseChainId(ctx.chainId), ctx.blockHeight);
}

/** Block time as unix nanoseconds. */
export function blockTimeNanos(ctx: Context): bigint {
  return ctx.header.time.seconds * 1_000_000_000n + BigInt(ctx.header.time.nanos);
}

/** `{rev}-{height}`, as ibc-go's Height.String(). */
export function formatHeight(h: Height): string {
  return `${h.revisionNumber}-${h.revisionHeight}`;
}

/** Parses `{rev}-{height}` (CLI flags, events). */
export function parseHeight(text: string): Height {
  const match = /^(\d+)-(\d+)$/.exec(text);
  if (match === null) throw new Error(`expected a height as {revision}-{height}, got ${JSON.stringify(text)}`);
  return height(BigInt(match[1]!), BigInt(match[2]!));
}

export { Height };
