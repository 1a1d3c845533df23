// CometBFT validator sets as a light client receives them (types/validator_set.go
// ValidatorSetFromProto): every validator's address derived from its key, a proposer in
// the set, the total power within CometBFT's cap. Signatures are checked with the key
// types CometBFT v0.38 validators use: ed25519, and secp256k1 as the SDK signs.
import type { PublicKey } from 'cosmjs-types/tendermint/crypto/keys';
import type { Validator, ValidatorSet } from 'cosmjs-types/tendermint/types/validator';
import { ED25519_KEY_BYTES, verifyEd25519 } from '../../../app/cometbft/ed25519.js';
import { sha256 } from '../../../app/store/hash.js';
import { addressFromPubKey, bytesEqual } from '../../../app/tx/address.js';
import { verifySecp256k1 } from '../../../app/tx/secp256k1.js';
import { toHex } from '@cosmjs/encoding';

export const ADDRESS_BYTES = 20;
/** MaxTotalVotingPower: int64 max / 8, so sums and trust-level products never overflow. */
const MAX_TOTAL_VOTING_POWER = (2n ** 63n - 1n) / 8n;
const SECP256K1_KEY_BYTES = 33;

/** A validator whose key has been checked and can verify votes. */
export interface CheckedValidator {
  readonly address: Uint8Array;
  readonly votingPower: bigint;
  verifySignature(message: Uint8Array, signature: Uint8Array): boolean;
}

export interface CheckedValidatorSet {
  readonly validators: readonly CheckedValidator[];
  readonly totalVotingPower: bigint;
  /** The first validator with `address` and its index (CometBFT's GetByAddress). */
  getByAddress(address: Uint8Array): { index: number; validator: CheckedValidator } | undefined;
}

function keyType(pubKey: PublicKey): 'ed25519' | 'secp256k1' {
  const ed = pubKey.ed25519 !== undefined;
  const secp = pubKey.secp256k1 !== undefined;
  if (ed === secp) throw new Error(ed ? 'public key has both ed25519 and secp256k1 set' : 'validator does not have a public key');
  return ed ? 'ed25519' : 'secp256k1';
}

/** The consensus address of a key: sha256(key)[:20] for ed25519, ripemd160(sha256(key)) for secp256k1. */
export function pubKeyAddress(pubKey: PublicKey): Uint8Array {
  return keyType(pubKey) === 'ed25519' ? sha256(pubKey.ed25519!).subarray(0, ADDRESS_BYTES) : addressFromPubKey(pubKey.secp256k1!);
}

function signatureVerifier(pubKey: PublicKey): (message: Uint8Array, signature: Uint8Array) => boolean {
  if (keyType(pubKey) === 'secp256k1') {
    const key = pubKey.secp256k1!;
    if (key.length !== SECP256K1_KEY_BYTES) throw new Error(`invalid secp256k1 public key size ${key.length}, expected ${SECP256K1_KEY_BYTES}`);
    return (message, signature) => verifySecp256k1(key, message, signature);
  }
  const raw = pubKey.ed25519!;
  if (raw.length !== ED25519_KEY_BYTES) throw new Error(`invalid size for PubKeyEd25519. Got ${raw.length}, expected ${ED25519_KEY_BYTES}`);
  return (message, signature) => verifyEd25519(raw, message, signature);
}

function checkValidator(v: Validator | undefined): CheckedValidator {
  if (v === undefined) throw new Error('nil validator');
  const verifySignature = signatureVerifier(v.pubKey);
  if (v.votingPower < 0n) throw new Error('validator has negative voting power');
  const address = pubKeyAddress(v.pubKey);
  if (!bytesEqual(v.address, address)) {
    throw new Error(`validator address is incorrectly derived from pubkey. Exp: ${toHex(address).toUpperCase()}, got ${toHex(v.address).toUpperCase()}`);
  }
  return { address: v.address, votingPower: v.votingPower, verifySignature };
}

/**
 * The checks of ValidatorSetFromProto; throws an Error with CometBFT's wording. The total
 * power is recomputed: the one in the message is not covered by any hash.
 */
export function checkValidatorSet(set: ValidatorSet | undefined): CheckedValidatorSet {
  if (set === undefined) throw new Error('nil validator set');
  const validators = set.validators.map(checkValidator);
  let proposer: CheckedValidator;
  try {
    proposer = checkValidator(set.proposer);
  } catch (err) {
    throw new Error(`fromProto: validatorSet proposer error: ${(err as Error).message}`);
  }
  let totalVotingPower = 0n;
  for (const v of validators) {
    totalVotingPower += v.votingPower;
    if (totalVotingPower > MAX_TOTAL_VOTING_POWER) {
      throw new Error(`Total voting power should be guarded to not exceed ${MAX_TOTAL_VOTING_POWER}; got: ${totalVotingPower}`);
    }
  }
  if (validators.length === 0) throw new Error('validator set is nil or empty');
  if (!validators.some((v) => bytesEqual(v.address, proposer.address))) throw new Error('proposer not in validator set');
  const indexByAddress = new Map<string, number>();
  validators.forEach((v, i) => {
    const key = toHex(v.address);
    if (!indexByAddress.has(key)) indexByAddress.set(key, i);
  });
  return {
    validators,
    totalVotingPower,
    getByAddress(address) {
      const index = indexByAddress.get(toHex(address));
      return index === undefined ? undefined : { index, validator: validators[index]! };
    },
  };
}
