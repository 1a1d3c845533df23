import { hash } from 'node:crypto';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import {
  ErrInvalidPubKey,
  ErrNoSignatures,
  ErrNotSupported,
  ErrUnauthorized,
  ErrWrongSequence,
} from '../errors.js';
import { addressFromPubKey, bytesEqual, fromBech32Address, secp256k1PubKeyFromAny } from './address.js';
import type { AminoConverters } from './amino.js';
import { decodedTxHashKey, type DecodedTx } from './decode.js';
import { verifySecp256k1, type Secp256k1Verify } from './secp256k1.js';
import { SignatureCache } from './sig-cache.js';
import { aminoJsonSignBytes, directSignBytes } from './sign-doc.js';

/** A required signer's account as stored in state, in the tx's signer order. */
export interface SignerAccount {
  /** Bech32 address of the signer (from the messages' signer fields). */
  address: string;
  /** 0 for txs in genesis (gentxs), as the SDK signs them. */
  accountNumber: bigint;
  sequence: bigint;
  /** The account's stored pubkey; absent until its first tx, which must carry one. */
  pubKey?: Uint8Array;
}

export interface VerifiedSigners {
  /** The key each signer was verified with; store it on accounts that had none. */
  readonly pubKeys: readonly Uint8Array[];
}

export interface VerifyOptions {
  /** Needed when any signer uses SIGN_MODE_LEGACY_AMINO_JSON. */
  aminoConverters?: AminoConverters;
  cache?: SignatureCache<VerifiedSigners>;
  verify?: Secp256k1Verify;
  /**
   * Simulate (gas estimation): every check but the signature itself, as the SDK does;
   * cosmjs simulates with empty signature bytes. Nothing is cached.
   */
  simulate?: boolean;
}

type SupportedMode = SignMode.SIGN_MODE_DIRECT | SignMode.SIGN_MODE_LEGACY_AMINO_JSON;

function signModeOf(tx: DecodedTx, index: number): SupportedMode {
  const modeInfo = tx.authInfo.signerInfos[index]!.modeInfo;
  if (modeInfo?.multi) throw ErrNotSupported.wrap(`signer ${index}: multisig signatures are not supported`);
  const mode = modeInfo?.single?.mode;
  if (mode === SignMode.SIGN_MODE_DIRECT || mode === SignMode.SIGN_MODE_LEGACY_AMINO_JSON) return mode;
  const name = mode === undefined ? 'missing' : (SignMode[mode] ?? String(mode));
  throw ErrNotSupported.wrap(`signer ${index}: sign mode ${name} is not supported; use SIGN_MODE_DIRECT or SIGN_MODE_LEGACY_AMINO_JSON`);
}

const utf8 = new TextEncoder();
const ASCII = /^[\x00-\x7f]*$/;

/** The UTF-8 bytes of `text`, or `text` itself when it is ASCII (one byte per code unit). */
const utf8Of = (text: string): Uint8Array | string => (ASCII.test(text) ? text : utf8.encode(text));

/**
 * Hash of every input of verifyTxSignatures' verdict; see SignatureCache. It hashes
 * sha256(tx bytes) ‖ len(chain id) ‖ chain id, then per signer len(address) ‖ address ‖
 * account number ‖ sequence ‖ len(pubkey) ‖ pubkey (texts in UTF-8; lengths and numbers as
 * uint64 big-endian), assembled in one buffer: this runs for every tx in CheckTx and FinalizeBlock.
 */
export function signatureCacheKey(tx: DecodedTx, signers: readonly SignerAccount[], chainId: string): string {
  const chain = utf8Of(chainId);
  const addresses = signers.map((s) => utf8Of(s.address));
  let length = 32 + 8 + chain.length;
  signers.forEach((s, i) => (length += 8 + addresses[i]!.length + 8 + 8 + 8 + (s.pubKey?.length ?? 0)));
  const buf = new Uint8Array(length);
  const view = new DataView(buf.buffer);
  let offset = 0;
  const u64 = (value: bigint | number) => {
    view.setBigUint64(offset, BigInt.asUintN(64, BigInt(value)));
    offset += 8;
  };
  const bytes = (data: Uint8Array | string) => {
    if (typeof data === 'string') for (let i = 0; i < data.length; i++) buf[offset + i] = data.charCodeAt(i);
    else buf.set(data, offset);
    offset += data.length;
  };
  const prefixed = (data: Uint8Array | string) => {
    u64(data.length);
    bytes(data);
  };
  bytes(decodedTxHashKey(tx));
  prefixed(chain);
  signers.forEach((s, i) => {
    prefixed(addresses[i]!);
    u64(s.accountNumber);
    u64(s.sequence);
    prefixed(s.pubKey ?? EMPTY);
  });
  return hash('sha256', buf, 'hex');
}

const EMPTY = new Uint8Array();

/**
 * Checks every signature of `tx` against its signer's account, in the SDK's order and
 * with its errors: ErrNoSignatures, signer count (unauthorized), pubkey/address match
 * and missing pubkey (ErrInvalidPubKey), "account sequence mismatch" (ErrWrongSequence,
 * which relayers parse), unsupported sign modes (ErrNotSupported), then the signature
 * itself (unauthorized, worded as the SDK's so wallets show the familiar hint).
 * Pure: it reads no state, so it may run in CheckTx, FinalizeBlock or a worker.
 */
export function verifyTxSignatures(
  tx: DecodedTx,
  signers: readonly SignerAccount[],
  chainId: string,
  opts: VerifyOptions = {},
): VerifiedSigners {
  const key = opts.cache && !opts.simulate ? signatureCacheKey(tx, signers, chainId) : undefined;
  const cached = key === undefined ? undefined : opts.cache!.get(key);
  if (cached) return cached;

  const verify = opts.verify ?? verifySecp256k1;
  if (tx.signatures.length === 0) throw ErrNoSignatures;
  if (signers.length !== tx.signatures.length) {
    throw ErrUnauthorized.wrap(`invalid number of signer;  expected: ${signers.length}, got ${tx.signatures.length}`);
  }

  const modes = signers.map((_, i) => signModeOf(tx, i));
  const onlyAmino = modes.every((m) => m === SignMode.SIGN_MODE_LEGACY_AMINO_JSON);
  const pubKeys: Uint8Array[] = [];

  signers.forEach((signer, i) => {
    const info = tx.authInfo.signerInfos[i]!;
    const offered = info.publicKey ? secp256k1PubKeyFromAny(info.publicKey) : undefined;
    if (offered && !bytesEqual(addressFromPubKey(offered), fromBech32Address(signer.address).data)) {
      throw ErrInvalidPubKey.wrap(`pubKey does not match signer address ${signer.address} with signer index: ${i}`);
    }
    // A stored key wins over an offered one, as in the SDK (SetPubKeyDecorator never overwrites).
    const pubKey = signer.pubKey ?? offered;
    if (!pubKey) throw ErrInvalidPubKey.wrap('pubkey on account is not set');
    if (info.sequence !== signer.sequence) {
      throw ErrWrongSequence.wrap(`account sequence mismatch, expected ${signer.sequence}, got ${info.sequence}`);
    }

    const signBytes =
      modes[i] === SignMode.SIGN_MODE_DIRECT
        ? directSignBytes(tx, chainId, signer.accountNumber)
        : aminoJsonSignBytes(tx, chainId, signer.accountNumber, signer.sequence, requireAmino(opts.aminoConverters));
    if (!opts.simulate && !verify(pubKey, signBytes, tx.signatures[i]!)) {
      // The SDK names the sequence only when it is inside every sign doc (amino JSON);
      // in DIRECT it is checked above, so the hint would mislead.
      const hint = onlyAmino
        ? `please verify account number (${signer.accountNumber}), sequence (${signer.sequence}) and chain-id (${chainId})`
        : `please verify account number (${signer.accountNumber}) and chain-id (${chainId}): (unable to verify single signer signature)`;
      throw ErrUnauthorized.wrap(`signature verification failed; ${hint}`);
    }
    pubKeys.push(pubKey);
  });

  const verified: VerifiedSigners = Object.freeze({ pubKeys: Object.freeze(pubKeys) });
  if (key !== undefined) opts.cache!.set(key, verified);
  return verified;
}

function requireAmino(converters: AminoConverters | undefined): AminoConverters {
  if (!converters) throw ErrNotSupported.wrap('SIGN_MODE_LEGACY_AMINO_JSON is not enabled on this node');
  return converters;
}
