import { hash } from 'node:crypto';

/** SHA-256 through OpenSSL's one-shot path (the fastest hash Node offers for small inputs). */
export function sha256(data: Uint8Array): Uint8Array {
  return hash('sha256', data, 'buffer');
}

/** SHA-256 of the empty string: the root hash of an empty tree, as IAVL reports it. */
export const EMPTY_HASH: Uint8Array = sha256(new Uint8Array(0));
