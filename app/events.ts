// SDK-style events: a type and string attributes, every attribute indexed so CometBFT's
// tx indexer (and cosmjs's searchTx) can find txs by them.
import type { Event } from 'cosmjs-types/tendermint/abci/types';

export type Attribute = readonly [key: string, value: string];

/** Collects the events of one scope (a block phase, a tx's ante, one message). */
export class EventManager {
  readonly events: Event[] = [];

  emit(type: string, ...attributes: Attribute[]): void {
    this.events.push({ type, attributes: attributes.map(([key, value]) => ({ key, value, index: true })) });
  }

  emitEvents(events: readonly Event[]): void {
    this.events.push(...events);
  }
}

/** A copy of `event` with one more attribute (e.g. `msg_index`, `mode`). */
export function withAttribute(event: Event, key: string, value: string): Event {
  return { type: event.type, attributes: [...event.attributes, { key, value, index: true }] };
}

export function hasAttribute(events: readonly Event[], key: string): boolean {
  return events.some((e) => e.attributes.some((a) => a.key === key));
}
