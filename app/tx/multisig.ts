// Threshold multisig accounts, as the SDK has them: a LegacyAminoPubKey (k of n secp256k1 keys)
// whose address is the amino encoding's sha256 truncated to 20 bytes, and signatures carried as
// ModeInfo.Multi (a CompactBitArray naming which keys signed, and each one's sign mode) beside a
// MultiSignature holding the signatures in key order. Nested multisigs are refused: no wallet or
// CLI makes them, and each nesting level multiplies what a single tx can make a node verify.
import { createHash } from 'node:crypto';
import { LegacyAminoPubKey } from 'cosmjs-types/cosmos/crypto/multisig/keys';
import { MultiSignature, type CompactBitArray } from 'cosmjs-types/cosmos/crypto/multisig/v1beta1/multisig';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import type { ModeInfo } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import { ErrInvalidPubKey, ErrTxDecode } from '../errors.js';

export const MULTISIG_PUBKEY_TYPE_URL = '/cosmos.crypto.multisig.LegacyAminoPubKey';

export interface MultisigPubKey {
  readonly threshold: number;
  /** Compressed secp256k1 keys, in the order the key lists them (the bit array's order). */
  readonly pubKeys: readonly Uint8Array[];
}

/** What an account's key can be: a compressed secp256k1 key, or a threshold multisig of them. */
export type AccountPubKey = Uint8Array | MultisigPubKey;

export const isMultisig = (key: AccountPubKey): key is MultisigPubKey => !(key instanceof Uint8Array);

// Amino prefixes (registered type names' hashes) the SDK's legacy codec writes.
const AMINO_SECP256K1 = Uint8Array.from([0xeb, 0x5a, 0xe9, 0x87, 0x21]);
const AMINO_MULTISIG = Uint8Array.from([0x22, 0xc1, 0xf7, 0xe2]);

function uvarint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

/** The legacy amino encoding of a multisig key: what its address hashes (and a unique key for caches). */
export function multisigAminoBytes(key: MultisigPubKey): Uint8Array {
  const parts: number[] = [...AMINO_MULTISIG, 0x08, ...uvarint(key.threshold)];
  for (const pubKey of key.pubKeys) {
    const inner = [...AMINO_SECP256K1, ...pubKey];
    parts.push(0x12, ...uvarint(inner.length), ...inner);
  }
  return Uint8Array.from(parts);
}

/** The SDK's address of a LegacyAminoPubKey: sha256 of its amino bytes, truncated to 20 bytes. */
export function multisigAddress(key: MultisigPubKey): Uint8Array {
  return new Uint8Array(createHash('sha256').update(multisigAminoBytes(key)).digest().subarray(0, 20));
}

export function multisigPubKeyToAny(key: MultisigPubKey): Any {
  const publicKeys = key.pubKeys.map((k) => ({ typeUrl: '/cosmos.crypto.secp256k1.PubKey', value: PubKey.encode({ key: k }).finish() }));
  return { typeUrl: MULTISIG_PUBKEY_TYPE_URL, value: LegacyAminoPubKey.encode({ threshold: key.threshold, publicKeys }).finish() };
}

/**
 * A LegacyAminoPubKey from its Any. `secp256k1` reads each sub-key (the caller's own
 * secp256k1 reader, so both kinds are checked alike). Refused: a threshold of 0 or above the
 * number of keys (the SDK cannot construct such a key), and sub-keys that are not secp256k1.
 */
export function multisigPubKeyFromAny(any: Any, secp256k1: (any: Any) => Uint8Array): MultisigPubKey {
  let decoded: LegacyAminoPubKey;
  try {
    decoded = LegacyAminoPubKey.decode(any.value);
  } catch (err) {
    throw ErrInvalidPubKey.wrap(`malformed multisig public key: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { threshold, publicKeys } = decoded;
  if (threshold < 1 || threshold > publicKeys.length) {
    throw ErrInvalidPubKey.wrap(`multisig threshold ${threshold} must be between 1 and the number of keys (${publicKeys.length})`);
  }
  const pubKeys = publicKeys.map((sub) => {
    if (sub.typeUrl === MULTISIG_PUBKEY_TYPE_URL) throw ErrInvalidPubKey.wrap('nested multisig public keys are not supported');
    return secp256k1(sub);
  });
  return { threshold, pubKeys };
}

/** Bits in a CompactBitArray (the SDK's Count: whole bytes, less the unused bits of the last). */
export function bitArrayCount(bits: CompactBitArray): number {
  if (bits.extraBitsStored === 0) return bits.elems.length * 8;
  return (bits.elems.length - 1) * 8 + bits.extraBitsStored;
}

/** Bit `i`, most significant bit first within each byte (the SDK's GetIndex). */
export function bitArrayGet(bits: CompactBitArray, i: number): boolean {
  if (i < 0 || i >= bitArrayCount(bits)) return false;
  return (bits.elems[i >> 3]! & (1 << (7 - (i % 8)))) > 0;
}

/** A bit array of `size` bits with those in `set` on: what `tx multisign` writes. */
export function newBitArray(size: number, set: ReadonlySet<number>): CompactBitArray {
  const elems = new Uint8Array(Math.ceil(size / 8));
  for (const i of set) elems[i >> 3]! |= 1 << (7 - (i % 8));
  return { extraBitsStored: size % 8, elems };
}

export interface MultiSignatureData {
  readonly bitArray: CompactBitArray;
  /** One per signature, in key order: each one's sign mode. */
  readonly modes: readonly number[];
  readonly signatures: readonly Uint8Array[];
}

/** A multisig signer's signature data: the ModeInfo.Multi beside the MultiSignature bytes. */
export function multiSignatureData(multi: ModeInfo['multi'] & object, signature: Uint8Array): MultiSignatureData {
  let signatures: Uint8Array[];
  try {
    signatures = MultiSignature.decode(signature).signatures;
  } catch (err) {
    throw ErrTxDecode.wrap(`malformed multisignature: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (multi.bitarray === undefined) throw ErrTxDecode.wrap('multisig mode info has no bit array');
  if (signatures.length !== multi.modeInfos.length) {
    throw ErrTxDecode.wrap(`multisignature has ${signatures.length} signatures but ${multi.modeInfos.length} mode infos; they must match one to one`);
  }
  const modes = multi.modeInfos.map((info, i) => {
    if (info.single === undefined) throw ErrInvalidPubKey.wrap(`multisig signature ${i}: nested multisig signatures are not supported`);
    return info.single.mode;
  });
  return { bitArray: multi.bitarray, modes, signatures };
}

/** How many keys signed: the bits set, counted over the key's keys only. */
export function signedKeyCount(key: MultisigPubKey, data: MultiSignatureData): number {
  let count = 0;
  for (let i = 0; i < key.pubKeys.length; i++) if (bitArrayGet(data.bitArray, i)) count++;
  return count;
}

/**
 * The SDK's LegacyAminoPubKey.VerifyMultisignature: a bit per key, between threshold and n
 * signatures, at least threshold bits set, and each set bit's signature valid for its key over
 * the sign bytes of its mode. Returns why not, or undefined when the multisignature holds.
 */
export function multisignatureFault(
  key: MultisigPubKey,
  data: MultiSignatureData,
  signBytes: (mode: number) => Uint8Array,
  verify: (pubKey: Uint8Array, signBytes: Uint8Array, signature: Uint8Array) => boolean,
): string | undefined {
  const size = bitArrayCount(data.bitArray);
  if (size !== key.pubKeys.length) return `bit array size is incorrect, expecting: ${key.pubKeys.length}`;
  if (data.signatures.length < key.threshold || data.signatures.length > size) return `signature size is incorrect ${data.signatures.length}`;
  const set = signedKeyCount(key, data);
  if (set < key.threshold) return `not enough signatures set, have ${set}, expected ${key.threshold}`;
  let sigIndex = 0;
  for (let i = 0; i < size; i++) {
    if (!bitArrayGet(data.bitArray, i)) continue;
    const signature = data.signatures[sigIndex];
    if (signature === undefined) return `signature size is incorrect ${data.signatures.length}`;
    if (!verify(key.pubKeys[i]!, signBytes(data.modes[sigIndex]!), signature)) return `unable to verify signature at index ${i}`;
    sigIndex++;
  }
  return undefined;
}
