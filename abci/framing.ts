// Length-prefixed framing of ABCI messages on a CometBFT v0.38 socket.
//
// CometBFT 0.38 writes each protobuf message behind an UNSIGNED varint length
// (its protoio delimited writer). Old Tendermint and js-abci used a zigzag
// (signed) varint, which would halve/garble every length here.

/** Default ceiling for one incoming frame; CometBFT blocks default to 21 MiB (max_bytes 22020096). */
export const DEFAULT_MAX_FRAME_BYTES = 64 * 1024 * 1024;

/** Raised for input that can never become a valid frame; the connection must be dropped. */
export class FrameError extends Error {
  override name = 'FrameError';
}

/** Bytes needed to write `value` as an unsigned varint. */
export function varintSize(value: number): number {
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}

/** Writes `value` as an unsigned varint at `offset`; returns the offset after it. */
export function writeVarint(value: number, target: Uint8Array, offset: number): number {
  while (value >= 0x80) {
    target[offset++] = (value & 0x7f) | 0x80;
    value = Math.floor(value / 128);
  }
  target[offset++] = value;
  return offset;
}

/** One message with its length prefix, ready to write to the socket. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const frame = new Uint8Array(varintSize(body.length) + body.length);
  frame.set(body, writeVarint(body.length, frame, 0));
  return frame;
}

// A uint64 varint never needs more than 10 bytes; more means garbage.
const MAX_VARINT_BYTES = 10;

/**
 * Streaming decoder: feed it socket chunks in order, it calls `onFrame` once per
 * complete message. Frames that arrive whole are handed out as views into the
 * chunk (no copy); only a frame split across chunks is assembled into its own buffer.
 */
export class FrameDecoder {
  readonly maxFrameBytes: number;
  // Length prefix being read, possibly across chunks.
  private lengthValue = 0;
  private lengthBytes = 0;
  // Body of a frame split across chunks, and how much of it has arrived.
  private partial: Uint8Array | null = null;
  private partialFilled = 0;

  constructor(maxFrameBytes = DEFAULT_MAX_FRAME_BYTES) {
    this.maxFrameBytes = maxFrameBytes;
  }

  /** True when no frame is half-read (a clean place for the stream to end). */
  get idle(): boolean {
    return this.partial === null && this.lengthBytes === 0;
  }

  /** Consumes `chunk`; throws FrameError on a bad varint or an over-size frame. */
  push(chunk: Uint8Array, onFrame: (frame: Uint8Array) => void): void {
    let pos = 0;
    const end = chunk.length;
    while (pos < end) {
      if (this.partial !== null) {
        const frame = this.partial;
        const take = Math.min(frame.length - this.partialFilled, end - pos);
        frame.set(chunk.subarray(pos, pos + take), this.partialFilled);
        this.partialFilled += take;
        pos += take;
        if (this.partialFilled < frame.length) return;
        this.partial = null;
        onFrame(frame);
        continue;
      }

      const byte = chunk[pos++]!;
      this.lengthValue += (byte & 0x7f) * 2 ** (7 * this.lengthBytes);
      this.lengthBytes++;
      if (this.lengthValue > this.maxFrameBytes) {
        throw new FrameError(`frame of ${this.lengthValue} bytes exceeds the maximum of ${this.maxFrameBytes}`);
      }
      if (byte & 0x80) {
        if (this.lengthBytes >= MAX_VARINT_BYTES) throw new FrameError('malformed length prefix (varint too long)');
        continue;
      }

      const length = this.lengthValue;
      this.lengthValue = 0;
      this.lengthBytes = 0;
      if (end - pos >= length) {
        const frame = chunk.subarray(pos, pos + length);
        pos += length;
        onFrame(frame);
      } else {
        this.partial = new Uint8Array(length);
        this.partialFilled = 0;
      }
    }
  }
}
