// The SDK's address and public-key encodings that `keys parse`, `keys show --bech` and `debug`
// print: the six bech32 prefixes derived from the account prefix, and the legacy amino bech32
// of public keys (`cosmospub1addwnpep...`) that older tools still show.
import { fromBech32, toBech32 } from '@cosmjs/encoding';
import { ripemd160 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';

export interface Bech32Prefixes {
  acc: string;
  accPub: string;
  val: string;
  valPub: string;
  cons: string;
  consPub: string;
}

/** sdk.Config's prefixes for an account prefix (`cosmos` → cosmosvaloper, cosmosvalcons, ...). */
export function bech32Prefixes(acc: string): Bech32Prefixes {
  return { acc, accPub: `${acc}pub`, val: `${acc}valoper`, valPub: `${acc}valoperpub`, cons: `${acc}valcons`, consPub: `${acc}valconspub` };
}

/** In `keys parse`'s order: acc, acc pub, val, val pub, cons, cons pub. */
export function allPrefixes(acc: string): string[] {
  const p = bech32Prefixes(acc);
  return [p.acc, p.accPub, p.val, p.valPub, p.cons, p.consPub];
}

export type PubKeyType = 'secp256k1' | 'ed25519';

export interface PubKey {
  type: PubKeyType;
  key: Uint8Array;
}

const AMINO_PREFIX: Record<PubKeyType, Uint8Array> = {
  // tendermint/PubKeySecp256k1 and tendermint/PubKeyEd25519, each followed by the key's length.
  secp256k1: Uint8Array.from([0xeb, 0x5a, 0xe9, 0x87, 0x21]),
  ed25519: Uint8Array.from([0x16, 0x24, 0xde, 0x64, 0x20]),
};
export const KEY_SIZE: Record<PubKeyType, number> = { secp256k1: 33, ed25519: 32 };
export const AMINO_NAME: Record<PubKeyType, string> = { secp256k1: 'tendermint/PubKeySecp256k1', ed25519: 'tendermint/PubKeyEd25519' };
export const PROTO_TYPE_URL: Record<PubKeyType, string> = { secp256k1: '/cosmos.crypto.secp256k1.PubKey', ed25519: '/cosmos.crypto.ed25519.PubKey' };

/** The 20-byte address: ripemd160(sha256(key)) for secp256k1, sha256(key)[:20] for ed25519. */
export function pubKeyAddress(pk: PubKey): Uint8Array {
  return pk.type === 'secp256k1' ? ripemd160(sha256(pk.key)) : sha256(pk.key).slice(0, 20);
}

export function aminoPubKeyBytes(pk: PubKey): Uint8Array {
  return new Uint8Array([...AMINO_PREFIX[pk.type], ...pk.key]);
}

/** legacybech32.MarshalPubKey: bech32 of the amino-encoded key. */
export function legacyBech32PubKey(prefix: string, pk: PubKey): string {
  return toBech32(prefix, aminoPubKeyBytes(pk), 1023);
}

/** legacybech32.UnmarshalPubKey: the key in an amino bech32 with `prefix`, else undefined. */
export function fromLegacyBech32PubKey(prefix: string, text: string): PubKey | undefined {
  let decoded: { prefix: string; data: Uint8Array };
  try {
    decoded = fromBech32(text, 1023);
  } catch {
    return undefined;
  }
  if (decoded.prefix !== prefix) return undefined;
  for (const type of ['secp256k1', 'ed25519'] as const) {
    const want = AMINO_PREFIX[type];
    if (decoded.data.length === want.length + KEY_SIZE[type] && want.every((b, i) => decoded.data[i] === b)) return { type, key: decoded.data.slice(want.length) };
  }
  return undefined;
}

/** Go's hex.DecodeString: an even number of hex digits, either case. */
export function strictHex(text: string): Uint8Array | undefined {
  return /^(?:[0-9a-fA-F]{2})*$/.test(text) ? new Uint8Array(Buffer.from(text, 'hex')) : undefined;
}

/** Go's base64.StdEncoding: padded standard base64, nothing else. */
export function strictBase64(text: string): Uint8Array | undefined {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text) ? new Uint8Array(Buffer.from(text, 'base64')) : undefined;
}

export const upperHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();
