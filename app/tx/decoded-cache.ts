// Decoded txs by the hash of their bytes. CometBFT hands the app the same tx up to four times
// (CheckTx, PrepareProposal, ProcessProposal, FinalizeBlock) and ReCheckTx after every block
// it waits through; decoding is a pure function of the bytes, so it is done once.
import { rememberTxHashKey, txHashKey, type DecodedTx } from './decode.js';

export interface DecodedTxEntry<M> {
  readonly tx: DecodedTx;
  /** What the app derives from the tx's messages (routes, decoded messages, signers), once it has. */
  messages?: M;
}

/**
 * Bounded in entries and in bytes (a peer could otherwise fill 20,000 entries with txs of
 * nearly 1 MB that decode but fail the ante: the fuzz campaign's memory grew this way); the
 * oldest entry goes first (Map keeps insertion order). Entries are deeply frozen,
 * so no handler can change what the next run of the same tx sees; only successful decodes are
 * kept, so every error is reported afresh. The cache is node-local and cannot change a result.
 */
export class DecodedTxCache<M> {
  readonly #entries = new Map<string, DecodedTxEntry<M>>();
  #bytes = 0;

  constructor(
    readonly maxEntries = 20_000,
    /** Total tx bytes kept (the decoded form costs a small multiple more). */
    readonly maxBytes = 64 * 1024 * 1024,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error(`maxEntries must be a positive integer, got ${maxEntries}`);
    if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new Error(`maxBytes must be a positive integer, got ${maxBytes}`);
  }

  /** The key of `txBytes`: its sha256 (as a latin1 string, the cheapest map key). */
  static keyOf(txBytes: Uint8Array): string {
    return txHashKey(txBytes);
  }

  get(key: string): DecodedTxEntry<M> | undefined {
    return this.#entries.get(key);
  }

  /** Remembers `tx` (frozen in place) and returns its entry. */
  add(key: string, tx: DecodedTx): DecodedTxEntry<M> {
    const existing = this.#entries.get(key);
    if (existing !== undefined) return existing;
    const size = tx.txBytes.length;
    while (this.#entries.size > 0 && (this.#entries.size >= this.maxEntries || this.#bytes + size > this.maxBytes)) {
      this.delete(this.#entries.keys().next().value as string);
    }
    this.#bytes += size;
    const entry: DecodedTxEntry<M> = { tx: deepFreeze(tx) };
    rememberTxHashKey(tx, key);
    this.#entries.set(key, entry);
    return entry;
  }

  /** Sets the entry's messages unless they are set already (the caller freezes them). */
  setMessages(entry: DecodedTxEntry<M>, messages: M): M {
    if (entry.messages === undefined) entry.messages = messages;
    return entry.messages;
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#bytes -= entry.tx.txBytes.length;
    this.#entries.delete(key);
  }

  /** Tx bytes held. */
  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}

/**
 * Freezes `value` and every plain object and array inside it. Byte arrays cannot be frozen
 * (and decoded ones are views that no code writes to); other class instances (an app's
 * message routes) are shared and left alone.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
