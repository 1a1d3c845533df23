/** Errors raised by the state store. Each says what was wrong and what to do instead. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** A read or proof at a version that was pruned or never committed. */
export class VersionNotFoundError extends StoreError {
  override name = 'VersionNotFoundError';
  constructor(readonly version: number, readonly latest: number, reason: string) {
    super(`version ${version} is not available (${reason}; latest committed version is ${latest})`);
  }
}

/** A key or value that the store refuses to hold. */
export class InvalidKeyValueError extends StoreError {
  override name = 'InvalidKeyValueError';
}

/** A restored snapshot whose app hash is not the one the chain agreed on: corrupt or forged. */
export class AppHashMismatchError extends StoreError {
  override name = 'AppHashMismatchError';
  constructor(readonly restored: Uint8Array, readonly expected: Uint8Array) {
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();
    super(`restored app hash ${hex(restored)} differs from the expected ${hex(expected)}; the snapshot is corrupt`);
  }
}
