import { createHash } from 'node:crypto';
import { fromBech32, toBech32 } from '@cosmjs/encoding';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { ErrInvalidAddress, ErrInvalidPubKey } from '../errors.js';
import { isMultisig, multisigAddress, multisigPubKeyFromAny, multisigPubKeyToAny, MULTISIG_PUBKEY_TYPE_URL, type AccountPubKey } from './multisig.js';

export const SECP256K1_PUBKEY_TYPE_URL = '/cosmos.crypto.secp256k1.PubKey';
// BIP-173 caps a bech32 string at 90 characters; cosmjs 0.39 needs the limit spelled out.
const BECH32_LIMIT = 90;

/** The SDK's account address of a secp256k1 key: ripemd160(sha256(compressed pubkey)). */
export function addressFromPubKey(compressedPubKey: Uint8Array): Uint8Array {
  const sha = createHash('sha256').update(compressedPubKey).digest();
  return new Uint8Array(createHash('ripemd160').update(sha).digest());
}

export function toBech32Address(prefix: string, address: Uint8Array): string {
  return toBech32(prefix, address, BECH32_LIMIT);
}

/** Decodes a bech32 account address; throws ErrInvalidAddress with the reason. */
export function fromBech32Address(address: string): { prefix: string; data: Uint8Array } {
  try {
    return fromBech32(address, BECH32_LIMIT);
  } catch (err) {
    throw ErrInvalidAddress.wrap(`invalid bech32 address ${JSON.stringify(address)}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * The 33-byte compressed key inside a `/cosmos.crypto.secp256k1.PubKey` Any. Other key
 * types (ed25519, multisig, ethsecp256k1) are not accepted for accounts, as in the SDK's
 * default ante handler. Whether the key is a point on the curve is left to verification.
 */
export function secp256k1PubKeyFromAny(any: Any): Uint8Array {
  if (any.typeUrl !== SECP256K1_PUBKEY_TYPE_URL) {
    throw ErrInvalidPubKey.wrap(`unsupported public key type ${JSON.stringify(any.typeUrl)}; expected ${SECP256K1_PUBKEY_TYPE_URL}`);
  }
  // PubKey{key} with a 33-byte key has exactly one encoding: tag 0x0a, length 33, key.
  // Anything else (other lengths, extra or unknown fields) is refused.
  const v = any.value;
  if (v.length !== 35 || v[0] !== 0x0a || v[1] !== 33 || (v[2] !== 0x02 && v[2] !== 0x03)) {
    throw ErrInvalidPubKey.wrap('secp256k1 public key must be a 33-byte compressed key');
  }
  // A copy: callers keep the key (on the account) while the tx buffer may be reused.
  return v.slice(2);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * An account's key from a signer info or a stored account: a secp256k1 key or a threshold
 * multisig of them (LegacyAminoPubKey), the two kinds the SDK's default ante handler takes.
 */
export function accountPubKeyFromAny(any: Any): AccountPubKey {
  if (any.typeUrl === MULTISIG_PUBKEY_TYPE_URL) return multisigPubKeyFromAny(any, secp256k1PubKeyFromAny);
  return secp256k1PubKeyFromAny(any);
}

/** The address an account key commits to (see addressFromPubKey and multisigAddress). */
export function addressOfAccountPubKey(key: AccountPubKey): Uint8Array {
  return isMultisig(key) ? multisigAddress(key) : addressFromPubKey(key);
}

export function accountPubKeyToAny(key: AccountPubKey): Any {
  return isMultisig(key) ? multisigPubKeyToAny(key) : { typeUrl: SECP256K1_PUBKEY_TYPE_URL, value: PubKey.encode({ key }).finish() };
}
