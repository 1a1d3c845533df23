// Protobuf encoding and decoding, tuned once where the app is assembled (BaseApp imports this
// module). Two patches of cosmjs-types, each giving the same bytes or strings as the original,
// and one repair (writeVarint64, at the end) where the original's bytes are wrong:
//
// cosmjs-types 0.11's BinaryWriter.alloc builds a fresh 8 KiB slab pool on every call, so
// each `.finish()` of a small message allocates 8 KiB and returns a view into it: a 40-byte
// account pins 8 KiB until it is dropped, and the garbage collector runs far more often than
// the work needs. Allocating exactly the encoded length gives the same bytes (finish() writes
// every byte of the buffer it gets) at a fraction of the cost. codec.test.ts checks that the
// bytes are identical to the unpatched writer's and that finish() still goes through alloc,
// so a cosmjs-types upgrade that changes either fails a test instead of drifting silently.
import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';
import { createRequire } from 'node:module';
import { utf8Read } from 'cosmjs-types/utf8';

/** The exact-size allocator installed as BinaryWriter.alloc. */
export function exactAlloc(size: number): Uint8Array {
  return new Uint8Array(size);
}

/** True when BinaryWriter.alloc is the one this module installs. */
export function protobufAllocPatched(): boolean {
  return BinaryWriter.alloc === exactAlloc;
}

BinaryWriter.alloc = exactAlloc;

/** Strings up to this many bytes take the ASCII fast path (far below fromCharCode's argument limit). */
const ASCII_FAST_MAX = 1024;

/**
 * BinaryReader.string(): cosmjs-types decodes every string byte by byte into a growing array
 * of char codes, then spreads it. Addresses, type URLs and denoms are short and ASCII, and for
 * ASCII bytes its result is exactly String.fromCharCode of the bytes; anything else (longer
 * text, any byte ≥ 0x80, including invalid UTF-8) still goes to its own decoder, so every
 * input decodes to the same string as before.
 */
export function readString(this: BinaryReader): string {
  const bytes = this.bytes();
  if (bytes.length <= ASCII_FAST_MAX) {
    let ascii = true;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  }
  return utf8Read(bytes, 0, bytes.length);
}

BinaryReader.prototype.string = readString;

/**
 * cosmjs-types 0.11 writes every int64/uint64 varint whose value lies in [2^31, 2^32) wrongly:
 * int64FromString keeps the low 32 bits as a signed number, and writeVarint64's `lo > 127` loop
 * never runs for a negative one, so 3,000,000,000 comes out as five zero bytes (a varint 0, then
 * a tag 0 that Go's decoder refuses). A gas figure, a height or a packet sequence in that range
 * would break an ABCI response to CometBFT, a signed tx or a query. The writer reads the module's
 * export on every call, so replacing it there repairs int64, uint64 and sint64; values outside
 * that range are written exactly as before (codec.test.ts checks both).
 */
interface Bits {
  lo: number;
  hi: number;
}
const varint = createRequire(import.meta.url)('cosmjs-types/varint') as { writeVarint64(val: Bits, buf: Uint8Array, pos: number): void };
const writeVarint64Signed = varint.writeVarint64;

export function writeVarint64Unsigned(val: Bits, buf: Uint8Array, pos: number): void {
  val.lo >>>= 0;
  val.hi >>>= 0;
  writeVarint64Signed(val, buf, pos);
}

if (varint.writeVarint64 !== writeVarint64Unsigned) varint.writeVarint64 = writeVarint64Unsigned;

/** True when cosmjs-types writes 64-bit varints through the repaired writer. */
export function varint64Repaired(): boolean {
  return varint.writeVarint64 === writeVarint64Unsigned;
}
