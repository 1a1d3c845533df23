// ICS-23 Merkle paths (ibc-go v8's commitment v1 MerklePath: one string per store level,
// the store prefix first). The generated types carry only v2's byte paths, so v1's lives here.

export interface MerklePath {
  readonly keyPath: readonly string[];
}

const decoder = new TextDecoder();

/** ibc-go's ApplyPrefix: the counterparty's store prefix first, then the ICS-24 path. */
export function applyPrefix(prefix: Uint8Array, path: string): MerklePath {
  return { keyPath: [decoder.decode(prefix), path] };
}
