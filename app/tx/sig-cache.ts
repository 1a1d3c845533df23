/**
 * Remembers signature checks that passed, so a tx verified in CheckTx is not verified
 * again in FinalizeBlock (or in ReCheckTx). The key (see signatureCacheKey) hashes the
 * tx bytes together with every other input of the verdict: chain id and each signer's
 * address, account number, sequence and stored pubkey. A hit therefore stands for the
 * same computation with the same result, and the cache cannot make nodes disagree.
 * Only successes are stored. Bounded; the oldest entry goes first (Map keeps insertion order).
 */
export class SignatureCache<V> {
  readonly #entries = new Map<string, V>();

  constructor(readonly maxEntries = 20_000) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error(`maxEntries must be a positive integer, got ${maxEntries}`);
  }

  get(key: string): V | undefined {
    return this.#entries.get(key);
  }

  set(key: string, value: V): void {
    if (this.#entries.has(key)) return;
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    this.#entries.set(key, value);
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }
}
