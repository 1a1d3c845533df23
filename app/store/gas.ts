import { StoreError } from './errors.js';
import { assertValidKey, assertValidValue, type Entry, type KVStore } from './kv.js';

/** Gas prices of store operations; the defaults are the Cosmos SDK's `KVGasConfig`. */
export interface GasConfig {
  hasCost: number;
  deleteCost: number;
  readCostFlat: number;
  readCostPerByte: number;
  writeCostFlat: number;
  writeCostPerByte: number;
  iterNextCostFlat: number;
}

export const KV_GAS_CONFIG: Readonly<GasConfig> = Object.freeze({
  hasCost: 1000,
  deleteCost: 1000,
  readCostFlat: 1000,
  readCostPerByte: 3,
  writeCostFlat: 2000,
  writeCostPerByte: 30,
  iterNextCostFlat: 30,
});

/** Thrown when a meter passes its limit; the app maps it to the SDK's `out of gas` (code 11). */
export class OutOfGasError extends StoreError {
  override name = 'OutOfGasError';
  constructor(readonly descriptor: string, readonly limit: number, readonly consumed: number) {
    super(`out of gas in location: ${descriptor}; gasWanted: ${limit}, gasUsed: ${consumed}`);
  }
}

/**
 * Counts gas in integer units. Gas fits in a safe integer (limits are checked at the edge), so
 * plain numbers are exact here and cheaper than bigint on the hot path.
 */
export class GasMeter {
  private used = 0;

  constructor(readonly limit: number = Number.MAX_SAFE_INTEGER) {
    if (!Number.isSafeInteger(limit) || limit < 0) throw new StoreError(`gas limit ${limit} must be a non-negative safe integer`);
  }

  get consumed(): number {
    return this.used;
  }

  consume(amount: number, descriptor: string): void {
    this.used += amount;
    if (this.used > this.limit) throw new OutOfGasError(descriptor, this.limit, this.used);
  }

  /** Stops charging at the limit: what FinalizeBlock reports as gas used for a tx that ran out. */
  get consumedToLimit(): number {
    return Math.min(this.used, this.limit);
  }
}

/** A store that charges `meter` for every access, the same way on every node. */
export class GasKVStore implements KVStore {
  constructor(
    private readonly parent: KVStore,
    private readonly meter: GasMeter,
    private readonly config: GasConfig = KV_GAS_CONFIG,
  ) {}

  get(key: Uint8Array): Uint8Array | undefined {
    this.meter.consume(this.config.readCostFlat, 'ReadFlat');
    const value = this.parent.get(key);
    this.meter.consume(this.config.readCostPerByte * key.length, 'ReadPerByte');
    if (value) this.meter.consume(this.config.readCostPerByte * value.length, 'ReadPerByte');
    return value;
  }

  has(key: Uint8Array): boolean {
    this.meter.consume(this.config.hasCost, 'Has');
    return this.parent.has(key);
  }

  set(key: Uint8Array, value: Uint8Array): void {
    assertValidKey(key);
    assertValidValue(value);
    this.meter.consume(this.config.writeCostFlat, 'WriteFlat');
    this.meter.consume(this.config.writeCostPerByte * key.length, 'WritePerByte');
    this.meter.consume(this.config.writeCostPerByte * value.length, 'WritePerByte');
    this.parent.set(key, value);
  }

  delete(key: Uint8Array): void {
    this.meter.consume(this.config.deleteCost, 'Delete');
    this.parent.delete(key);
  }

  /**
   * Charges as the SDK's gas iterator does: a seek when the iterator is created (the first
   * entry's bytes, if any, plus the flat cost), then on every step past an entry its bytes plus
   * the flat cost again, including the last step that finds the end.
   */
  iterator(start?: Uint8Array, end?: Uint8Array, reverse = false): IterableIterator<Entry> {
    const parent = this.parent.iterator(start, end, reverse);
    const first = parent.next();
    this.chargeSeek(first);
    return this.steps(parent, first);
  }

  private *steps(parent: Iterator<Entry>, first: IteratorResult<Entry>): Generator<Entry> {
    // Closes the parent if the consumer stops early (see mergeOverlay).
    try {
      for (let current = first; !current.done; current = parent.next()) {
        yield current.value;
        this.chargeSeek(current);
      }
    } finally {
      parent.return?.();
    }
  }

  private chargeSeek(position: IteratorResult<Entry>): void {
    if (!position.done) {
      const [key, value] = position.value;
      this.meter.consume(this.config.readCostPerByte * key.length, 'ValuePerByte');
      this.meter.consume(this.config.readCostPerByte * value.length, 'ValuePerByte');
    }
    this.meter.consume(this.config.iterNextCostFlat, 'IterNextFlat');
  }
}
