import { ErrTxDecode } from '../errors.js';

// The protobuf decoders in cosmjs-types skip fields they do not know. A node that skips
// a field the signer meant (a newer proto's timeout, say) would execute something other
// than what was signed, so, like the SDK's unknownproto (ADR-020), the tx envelope is
// walked against a schema first and unknown fields are rejected. Fields whose number has
// bit 11 set (>= 1024 with 0x400) are "non-critical" and may be skipped where allowed.

export type FieldKind = 'varint' | 'fixed64' | 'fixed32' | 'bytes' | 'string' | MessageSchema;

export interface MessageSchema {
  /** Full protobuf name, for error messages. */
  name: string;
  fields: Record<number, FieldKind>;
}

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_BYTES = 2;
const WIRE_FIXED32 = 5;
const NON_CRITICAL_BIT = 1 << 10;
// ModeInfo.Multi nests ModeInfo; a bound keeps a hostile tx from recursing deeply.
const MAX_DEPTH = 32;

const WIRE_NAMES: Record<number, string> = { 0: 'varint', 1: 'fixed64', 2: 'bytes', 3: 'start group', 4: 'end group', 5: 'fixed32' };

function expectedWireType(kind: FieldKind): number {
  switch (kind) {
    case 'varint':
      return WIRE_VARINT;
    case 'fixed64':
      return WIRE_FIXED64;
    case 'fixed32':
      return WIRE_FIXED32;
    default:
      return WIRE_BYTES;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

class WireReader {
  pos = 0;
  constructor(
    readonly buf: Uint8Array,
    readonly schemaName: string,
  ) {}

  fail(detail: string): never {
    throw ErrTxDecode.wrap(`${detail} in ${this.schemaName}`);
  }

  // Numbers, not bitwise ops: tags and lengths may exceed 31 bits.
  varint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) this.fail('truncated varint');
      const b = this.buf[this.pos++]!;
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return value;
      scale *= 128;
    }
    return this.fail('varint longer than 10 bytes');
  }

  skip(n: number): Uint8Array {
    if (n > this.buf.length - this.pos) this.fail('truncated field');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

/**
 * Throws ErrTxDecode if `bytes` is not well-formed protobuf for `schema`: a field the
 * schema does not list (unless non-critical and `allowNonCritical`), a wire type other
 * than the schema's, a group, a truncated field, or a string that is not UTF-8.
 * Nested messages are checked recursively; `bytes` fields (Any values included) are not.
 */
export function rejectUnknownFields(bytes: Uint8Array, schema: MessageSchema, allowNonCritical: boolean, depth = 0): void {
  if (depth > MAX_DEPTH) throw ErrTxDecode.wrap(`protobuf nesting deeper than ${MAX_DEPTH}`);
  const r = new WireReader(bytes, schema.name);
  while (r.pos < bytes.length) {
    const tag = r.varint();
    const fieldNumber = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (fieldNumber < 1 || fieldNumber > 0x1fffffff) r.fail(`invalid field number ${fieldNumber}`);
    const kind = schema.fields[fieldNumber];
    if (kind === undefined) {
      if (!allowNonCritical || (fieldNumber & NON_CRITICAL_BIT) === 0) {
        r.fail(`unknown field ${fieldNumber} (wire type ${WIRE_NAMES[wireType] ?? wireType})`);
      }
    } else if (wireType !== expectedWireType(kind)) {
      r.fail(`field ${fieldNumber} has wire type ${WIRE_NAMES[wireType] ?? wireType}, expected ${WIRE_NAMES[expectedWireType(kind)]}`);
    }
    switch (wireType) {
      case WIRE_VARINT:
        r.varint();
        break;
      case WIRE_FIXED64:
        r.skip(8);
        break;
      case WIRE_FIXED32:
        r.skip(4);
        break;
      case WIRE_BYTES: {
        const value = r.skip(r.varint());
        if (kind === 'string') {
          try {
            utf8.decode(value);
          } catch {
            r.fail(`field ${fieldNumber} is not valid UTF-8`);
          }
        } else if (typeof kind === 'object') {
          rejectUnknownFields(value, kind, allowNonCritical, depth + 1);
        }
        break;
      }
      default:
        r.fail(`unsupported wire type ${WIRE_NAMES[wireType] ?? wireType} for field ${fieldNumber}`);
    }
  }
}
