// The CheckTx input generators: random bytes, mutants of the next valid signed tx, and random
// messages of every type URL the app routes. Each says whether its inputs must be rejected.
import { BinaryWriter } from 'cosmjs-types/binary';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import { randomMessage, type ValuePool } from './random-proto.js';
import type { Rng } from './rng.js';
import { authInfoBytes, concat, encodeTxRaw, lenField, pubKeyAny, signParts, signTx, type FuzzKey, type TxParts, type TxSpec } from './sign.js';

export interface TxFuzzContext {
  chainId: string;
  /** The sender's next valid tx (not yet sent) and how it was made: mutants start from it. */
  base: { spec: TxSpec; parts: TxParts };
  /** Who signs random messages, at which sequence. */
  prober: { key: FuzzKey; sequence: bigint };
  /** Every message type URL the app routes. */
  msgTypeUrls: readonly string[];
  pool: ValuePool;
  /** Largest memo to try; `hugeMemo` bytes every `hugeMemoEvery`-th large-memo input. */
  maxMemoBytes: number;
  hugeMemo?: { bytes: number; every: number };
}

/**
 * `reject`: the input is bad and must get an error. `any`: a random but possibly well-formed
 * message, which may be accepted; it must still never fail as an internal error.
 */
export type Expectation = 'reject' | 'any';

export interface TxGenerator {
  name: string;
  expect: Expectation;
  make(rng: Rng, ctx: TxFuzzContext, nth: number): Uint8Array;
}

interface WireField {
  start: number;
  tagEnd: number;
  end: number;
  wireType: number;
}

function readVarint(bytes: Uint8Array, pos: number): [number, number] {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (pos >= bytes.length || shift > 49) throw new Error('bad varint');
    const b = bytes[pos++]!;
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return [value, pos];
  }
}

/** The top-level fields of a well-formed protobuf message. */
function topLevelFields(bytes: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const start = pos;
    const [tag, afterTag] = readVarint(bytes, pos);
    const wireType = tag & 7;
    let end: number;
    if (wireType === 0) end = readVarint(bytes, afterTag)[1];
    else if (wireType === 1) end = afterTag + 8;
    else if (wireType === 5) end = afterTag + 4;
    else if (wireType === 2) {
      const [length, afterLength] = readVarint(bytes, afterTag);
      end = afterLength + length;
    } else throw new Error(`wire type ${wireType}`);
    fields.push({ start, tagEnd: afterTag, end, wireType });
    pos = end;
  }
  return fields;
}

/** `bytes` with one field's tag rewritten to another wire type (its payload left as it was). */
function withWrongWireType(rng: Rng, bytes: Uint8Array): Uint8Array {
  const fields = topLevelFields(bytes);
  if (fields.length === 0) return new Uint8Array([0x0b]);
  const field = rng.pick(fields);
  const [tag] = readVarint(bytes, field.start);
  const other = rng.pick([0, 1, 2, 3, 4, 5, 6, 7].filter((t) => t !== field.wireType));
  const w = BinaryWriter.create();
  w.uint32((tag & ~7) | other);
  return concat(bytes.subarray(0, field.start), w.finish(), bytes.subarray(field.tagEnd));
}

function varintBytes(value: bigint): Uint8Array {
  const out: number[] = [];
  while (value >= 0x80n) {
    out.push(Number(value & 0x7fn) | 0x80);
    value >>= 7n;
  }
  out.push(Number(value));
  return new Uint8Array(out);
}

/**
 * Anys nested `depth` deep, built inside out from lengths alone, so a deep bomb costs its
 * size once rather than once per level.
 */
export function nestedAny(depth: number, typeUrl: string, core: Uint8Array, valueField = 2): Uint8Array {
  const url = lenField(1, new TextEncoder().encode(typeUrl));
  const tag = varintBytes(BigInt((valueField << 3) | 2));
  const lengths: number[] = [core.length];
  for (let i = 1; i < depth; i++) {
    const inner = lengths[i - 1]!;
    lengths.push(url.length + tag.length + varintBytes(BigInt(inner)).length + inner);
  }
  const parts: Uint8Array[] = [];
  for (let i = depth - 1; i >= 0; i--) parts.push(url, tag, varintBytes(BigInt(lengths[i]!)));
  parts.push(core);
  return concat(...parts);
}

function resign(ctx: TxFuzzContext, changes: Partial<TxSpec>): Uint8Array {
  return signTx({ ...ctx.base.spec, ...changes }).tx;
}

const bitFlip: TxGenerator = {
  name: 'bit-flip',
  expect: 'reject',
  make(rng, ctx) {
    const tx = ctx.base.parts.tx.slice();
    const flips = rng.range(1, 8);
    for (let i = 0; i < flips; i++) tx[rng.int(tx.length)]! ^= 1 << rng.int(8);
    if (Buffer.compare(tx, ctx.base.parts.tx) === 0) tx[0]! ^= 0x80;
    return tx;
  },
};

const wrongWireType: TxGenerator = {
  name: 'wrong-wire-type',
  expect: 'reject',
  make(rng, ctx) {
    const { bodyBytes, authInfoBytes: authInfo, signatures } = ctx.base.parts;
    const key = ctx.base.spec.key;
    switch (rng.int(4)) {
      case 0:
        return withWrongWireType(rng, ctx.base.parts.tx);
      case 1:
        return signParts(key, withWrongWireType(rng, bodyBytes), authInfo, ctx.chainId).tx;
      case 2:
        return signParts(key, bodyBytes, withWrongWireType(rng, authInfo), ctx.chainId).tx;
      default: {
        // Inside the first message (an Any): its type URL or value with the wrong wire type.
        const [msgField] = topLevelFields(bodyBytes);
        const [, afterLength] = readVarint(bodyBytes, msgField!.tagEnd);
        const anyBytes = withWrongWireType(rng, bodyBytes.subarray(afterLength, msgField!.end));
        const body = concat(lenField(1, anyBytes), bodyBytes.subarray(msgField!.end));
        return encodeTxRaw(body, authInfo, signatures);
      }
    }
  },
};

const hugeVarint: TxGenerator = {
  name: 'huge-varint',
  expect: 'reject',
  make(rng, ctx) {
    const { bodyBytes } = ctx.base.parts;
    const spec = ctx.base.spec;
    switch (rng.int(6)) {
      case 0: // a length prefix claiming 2^63 bytes
        return concat(new Uint8Array([0x0a]), varintBytes(2n ** 63n), bodyBytes);
      case 1: // an 11-byte varint tag
        return concat(new Uint8Array([0x8a, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]), ctx.base.parts.tx);
      case 2: // a 10-byte varint whose value overflows 64 bits
        return concat(new Uint8Array([0x0a]), new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), bodyBytes);
      case 3:
        return resign(ctx, { gasLimit: rng.pick([2n ** 64n - 1n, 2n ** 63n, 2n ** 53n]) });
      case 4:
        return resign(ctx, { sequence: 2n ** 64n - 1n });
      default: // a fee amount of 2^256 and more
        return signParts(spec.key, bodyBytes, authInfoBytes(spec.key, spec.sequence, { denom: 'stake', amount: `1${'0'.repeat(rng.range(78, 400))}` }, 200_000n), ctx.chainId).tx;
    }
  },
};

const anyBomb: TxGenerator = {
  name: 'any-bomb',
  expect: 'reject',
  make(rng, ctx) {
    const depth = rng.chance(0.1) ? rng.range(10_000, 30_000) : rng.range(8, 2_000);
    const spec = ctx.base.spec;
    switch (rng.int(4)) {
      case 0: {
        // A routed message whose first Any-looking field nests Anys.
        const typeUrl = rng.pick(ctx.msgTypeUrls);
        const value = nestedAny(depth, '/google.protobuf.Any', new Uint8Array(), rng.range(1, 6));
        return resign(ctx, { messages: [{ typeUrl, value }] });
      }
      case 1: {
        // A multisig public key nested in multisig public keys.
        const core = pubKeyAny(spec.key).value;
        const bomb: Any = { typeUrl: '/cosmos.crypto.multisig.LegacyAminoPubKey', value: nestedAny(depth, '/cosmos.crypto.multisig.LegacyAminoPubKey', core) };
        const w = BinaryWriter.create();
        w.uint32(10).fork();
        w.uint32(10).fork().uint32(10).string(bomb.typeUrl).uint32(18).bytes(bomb.value).ldelim();
        w.uint32(24).uint64(spec.sequence).ldelim();
        w.uint32(18).fork().uint32(16).uint64(200_000n).ldelim();
        return signParts(spec.key, ctx.base.parts.bodyBytes, w.finish(), ctx.chainId).tx;
      }
      case 2: {
        // Extension options (field 1023), nested. (Non-critical ones, 2047, may be ignored: such a tx is valid.)
        const body = concat(ctx.base.parts.bodyBytes, lenField(1023, nestedAny(depth, '/google.protobuf.Any', new Uint8Array())));
        return signParts(spec.key, body, ctx.base.parts.authInfoBytes, ctx.chainId).tx;
      }
      default:
        return resign(ctx, { messages: [{ typeUrl: '/google.protobuf.Any', value: nestedAny(depth, '/google.protobuf.Any', new Uint8Array()) }] });
    }
  },
};

const largeMemo: TxGenerator = {
  name: 'large-memo',
  expect: 'reject',
  make(rng, ctx, nth) {
    const huge = ctx.hugeMemo !== undefined && nth % ctx.hugeMemo.every === 0;
    const bytes = huge ? ctx.hugeMemo!.bytes : rng.chance(0.7) ? rng.range(257, 4096) : rng.range(4097, ctx.maxMemoBytes);
    const memo = rng.chance(0.5) ? 'm'.repeat(bytes) : '\u00e9'.repeat(Math.ceil(bytes / 2));
    return resign(ctx, { memo });
  },
};

const duplicateSignatures: TxGenerator = {
  name: 'duplicate-signatures',
  expect: 'reject',
  make(rng, ctx) {
    const { bodyBytes, authInfoBytes: authInfo, signatures } = ctx.base.parts;
    if (rng.chance(0.5)) return encodeTxRaw(bodyBytes, authInfo, [signatures[0]!, ...Array.from({ length: rng.range(1, 5) }, () => signatures[0]!)]);
    // The same signer listed twice in AuthInfo, signed as such.
    const spec = ctx.base.spec;
    const one = authInfoBytes(spec.key, spec.sequence, undefined, 200_000n);
    const [signerInfo] = topLevelFields(one);
    const twice = concat(one.subarray(signerInfo!.start, signerInfo!.end), one);
    const signed = signParts(spec.key, bodyBytes, twice, ctx.chainId);
    return encodeTxRaw(bodyBytes, twice, [signed.signatures[0]!, signed.signatures[0]!]);
  },
};

const wrongSequence: TxGenerator = {
  name: 'wrong-sequence',
  expect: 'reject',
  make(rng, ctx) {
    const sequence = ctx.base.spec.sequence;
    const options = [sequence + 1n, sequence + 2n, sequence + 1000n, 2n ** 63n];
    if (sequence > 0n) options.push(sequence - 1n, 0n);
    return resign(ctx, { sequence: rng.pick(options) });
  },
};

const wrongSignerData: TxGenerator = {
  name: 'wrong-signer-data',
  expect: 'reject',
  make(rng, ctx) {
    if (rng.chance(0.5)) return resign(ctx, { signChainId: rng.pick(['', `${ctx.chainId}x`, 'cosmoshub-4']) });
    return resign(ctx, { signAccountNumber: ctx.base.spec.key.accountNumber + BigInt(rng.range(1, 1000)) });
  },
};

const randomBytes: TxGenerator = {
  name: 'random-bytes',
  expect: 'reject',
  make(rng) {
    const bytes = rng.bytes(rng.length(4096));
    // Half start like a TxRaw (field 1, bytes) so the decoder gets further than the first byte.
    if (bytes.length > 0 && rng.chance(0.5)) bytes[0] = 0x0a;
    return bytes;
  },
};

const truncated: TxGenerator = {
  name: 'truncated',
  expect: 'reject',
  make(rng, ctx) {
    return ctx.base.parts.tx.slice(0, rng.int(ctx.base.parts.tx.length));
  },
};

const extended: TxGenerator = {
  name: 'extended',
  expect: 'reject',
  make(rng, ctx) {
    return concat(ctx.base.parts.tx, rng.bytes(rng.range(1, 64)));
  },
};

/** Random field values for every routed type URL in turn, signed by the prober. */
const msgRandom: TxGenerator = {
  name: 'msg-random',
  expect: 'any',
  make(rng, ctx, nth) {
    const count = rng.chance(0.8) ? 1 : rng.range(2, 4);
    const messages: Any[] = Array.from({ length: count }, (_, i) => ({
      typeUrl: ctx.msgTypeUrls[(nth + i) % ctx.msgTypeUrls.length]!,
      value: randomMessage(rng, ctx.pool),
    }));
    return signTx({ key: ctx.prober.key, sequence: ctx.prober.sequence, chainId: ctx.chainId, messages }).tx;
  },
};

const msgUnroutable: TxGenerator = {
  name: 'msg-unroutable',
  expect: 'reject',
  make(rng, ctx) {
    const known = rng.pick(ctx.msgTypeUrls);
    const typeUrl = rng.pick(['', '/', known.toUpperCase(), `${known}x`, known.slice(1), `/${Buffer.from(rng.bytes(8)).toString('hex')}`, '/cosmos.authz.v1beta1.MsgExec', '/cosmos.gov.v1.MsgSubmitProposal']);
    return signTx({ key: ctx.prober.key, sequence: ctx.prober.sequence, chainId: ctx.chainId, messages: [{ typeUrl, value: randomMessage(rng, ctx.pool) }] }).tx;
  },
};

/** Every generator, in the order a run cycles through them. */
export const TX_GENERATORS: readonly TxGenerator[] = [
  randomBytes,
  truncated,
  extended,
  bitFlip,
  wrongWireType,
  hugeVarint,
  anyBomb,
  largeMemo,
  duplicateSignatures,
  wrongSequence,
  wrongSignerData,
  msgRandom,
  msgUnroutable,
];

