/**
 * Byte encodings shared by the IAVL tree and commit info. IAVL writes heights, sizes and
 * versions as Go's signed zigzag varints (`binary.PutVarint`), and byte strings with an
 * unsigned varint length prefix (protobuf style). Proof verifiers check these bytes, so they
 * must match exactly.
 */

/** Unsigned LEB128 varint of a non-negative safe integer. */
export function uvarintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

export function writeUvarint(buf: Uint8Array, offset: number, n: number): number {
  while (n >= 0x80) {
    buf[offset++] = (n % 128) | 0x80;
    n = Math.floor(n / 128);
  }
  buf[offset++] = n;
  return offset;
}

/** Reads an unsigned varint; returns [value, nextOffset]. */
export function readUvarint(buf: Uint8Array, offset: number): [number, number] {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 8; i++) {
    if (offset >= buf.length) throw new RangeError('varint runs past the end of the buffer');
    const b = buf[offset++]!;
    result += (b & 0x7f) * scale;
    if (b < 0x80) return [result, offset];
    scale *= 128;
  }
  throw new RangeError('varint is longer than 8 bytes');
}

/** Zigzag varint (Go `binary.PutVarint`) for non-negative integers: 2n as a uvarint. */
export function zigzagSize(n: number): number {
  return uvarintSize(n * 2);
}

export function writeZigzag(buf: Uint8Array, offset: number, n: number): number {
  return writeUvarint(buf, offset, n * 2);
}

export function encodeZigzag(n: number): Uint8Array {
  const out = new Uint8Array(zigzagSize(n));
  writeZigzag(out, 0, n);
  return out;
}

/** `uvarint(len) ‖ bytes`, the length-prefixed form used in IAVL and simple-Merkle leaves. */
export function lengthPrefixed(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(uvarintSize(bytes.length) + bytes.length);
  out.set(bytes, writeUvarint(out, 0, bytes.length));
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(len);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/**
 * Lexicographic byte order, the order of every store iterator. A plain loop: store keys
 * usually differ within their first bytes, where this beats a call into native code.
 */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** Keys up to this length are converted in JS; longer ones by Buffer (and fromCharCode's argument limit stays far away). */
const SHORT_KEY_BYTES = 128;

/**
 * A map key for bytes that sorts like the bytes (latin1: one code unit per byte, equal to it).
 * Store keys are short, and for them one String.fromCharCode over the bytes is cheaper than
 * a Buffer view and its latin1 decode (this runs on every branch get and put).
 */
export function bytesToKey(bytes: Uint8Array): string {
  if (bytes.length <= SHORT_KEY_BYTES) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

export function keyToBytes(key: string): Uint8Array {
  return Buffer.from(key, 'latin1');
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
