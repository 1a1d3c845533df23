// ibc-go's CacheContext: run a step in its own store branch and event list, and keep both
// only if asked (a failed app callback leaves no trace but its error).
import type { Context } from '../../../app/context.js';
import { EventManager } from '../../../app/events.js';

export interface Branch {
  readonly ctx: Context;
  /** Writes the branch's state into the parent and hands its events up. */
  write(): void;
  readonly events: EventManager;
}

export function branchContext(ctx: Context): Branch {
  const store = ctx.store.branch();
  const events = new EventManager();
  const branched = ctx.with(store, events);
  return {
    ctx: branched,
    events,
    write() {
      store.write();
      ctx.events.emitEvents(events.events);
    },
  };
}
