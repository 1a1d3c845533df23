import { z } from 'zod';

/**
 * Pruning as `simd`'s app.toml offers it. `default` keeps the last 362880 versions (about three
 * weeks of 5 s blocks), `everything` keeps 2, `nothing` keeps all; `custom` takes keep-recent
 * and interval. Old versions are deleted every `interval` commits.
 */
export const PruningOptions = z.discriminatedUnion('strategy', [
  z.object({ strategy: z.literal('default') }),
  z.object({ strategy: z.literal('nothing') }),
  z.object({ strategy: z.literal('everything') }),
  z.object({
    strategy: z.literal('custom'),
    keepRecent: z.number().int().nonnegative(),
    interval: z.number().int().positive(),
  }),
]);
export type PruningOptions = z.infer<typeof PruningOptions>;

export interface PruningPolicy {
  keepRecent: number;
  /** 0: never prune. */
  interval: number;
}

export function pruningPolicy(options: PruningOptions): PruningPolicy {
  switch (options.strategy) {
    case 'default':
      return { keepRecent: 362880, interval: 10 };
    case 'everything':
      return { keepRecent: 2, interval: 10 };
    case 'nothing':
      return { keepRecent: 0, interval: 0 };
    case 'custom':
      return { keepRecent: options.keepRecent, interval: options.interval };
  }
}

/**
 * The highest version to delete after committing `version` (0: nothing to prune), as the SDK's
 * pruning manager decides. `protectedFrom` is the oldest version still needed (a state-sync
 * snapshot being written): pruning stops below it, and since pruning always deletes a prefix
 * of history, the next pruning round after its release catches up.
 */
export function pruneHeight(policy: PruningPolicy, version: number, protectedFrom?: number): number {
  if (policy.interval === 0 || version % policy.interval !== 0) return 0;
  const upTo = Math.max(0, version - 1 - policy.keepRecent);
  return protectedFrom === undefined ? upTo : Math.min(upTo, protectedFrom - 1);
}
