import { hash } from 'node:crypto';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import {
  ErrInvalidPubKey,
  ErrNoSignatures,
  ErrNotSupported,
  ErrUnauthorized,
  ErrWrongSequence,
} from '../errors.js';
import { accountPubKeyFromAny, addressOfAccountPubKey, bytesEqual, fromBech32Address } from './address.js';
import type { AminoConverters } from './amino.js';
import { decodedTxHashKey, type DecodedTx } from './decode.js';
import { verifySecp256k1, type Secp256k1Verify } from './secp256k1.js';
import { isMultisig, multisigAminoBytes, multiSignatureData, multisignatureFault, type AccountPubKey, type MultiSignatureData } from './multisig.js';
import { SignatureCache } from './sig-cache.js';
import { aminoJsonSignBytes, directSignBytes } from './sign-doc.js';

/** A required signer's account as stored in state, in the tx's signer order. */
export interface SignerAccount {
  /** Bech32 address of the signer (from the messages' signer fields). */
  address: string;
  /** 0 for txs in genesis (gentxs), as the SDK signs them. */
  accountNumber: bigint;
  sequence: bigint;
  /** The account's stored key; absent until its first tx, which must carry one. */
  pubKey?: AccountPubKey;
}

export interface VerifiedSigners {
  /** The key each signer was verified with; store it on accounts that had none. */
  readonly pubKeys: readonly AccountPubKey[];
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

function supportedMode(mode: number | undefined, where: string): SupportedMode {
  if (mode === SignMode.SIGN_MODE_DIRECT || mode === SignMode.SIGN_MODE_LEGACY_AMINO_JSON) return mode;
  const name = mode === undefined ? 'missing' : (SignMode[mode] ?? String(mode));
  throw ErrNotSupported.wrap(`${where}: sign mode ${name} is not supported; use SIGN_MODE_DIRECT or SIGN_MODE_LEGACY_AMINO_JSON`);
}

/** A signer's signature as the tx carries it: one key's, or a multisig's (ModeInfo.Multi). */
export type SignatureData = { single: SupportedMode } | { multi: MultiSignatureData };

export function signatureDataOf(tx: DecodedTx, index: number): SignatureData {
  const modeInfo = tx.authInfo.signerInfos[index]!.modeInfo;
  if (modeInfo?.multi) {
    const data = multiSignatureData(modeInfo.multi, tx.signatures[index]!);
    data.modes.forEach((mode, j) => supportedMode(mode, `signer ${index}, multisig signature ${j}`));
    return { multi: data };
  }
  return { single: supportedMode(modeInfo?.single?.mode, `signer ${index}`) };
}

/** The SDK's OnlyLegacyAminoSigners: then the sequence is inside every sign doc, so worth naming. */
const onlyLegacyAmino = (data: SignatureData): boolean =>
  'single' in data ? data.single === SignMode.SIGN_MODE_LEGACY_AMINO_JSON : data.multi.modes.every((m) => m === SignMode.SIGN_MODE_LEGACY_AMINO_JSON);

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
  const keys = signers.map((s) => (s.pubKey === undefined ? EMPTY : isMultisig(s.pubKey) ? multisigAminoBytes(s.pubKey) : s.pubKey));
  signers.forEach((_, i) => (length += 8 + addresses[i]!.length + 8 + 8 + 8 + keys[i]!.length));
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
    prefixed(keys[i]!);
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

  const data = signers.map((_, i) => signatureDataOf(tx, i));
  const pubKeys: AccountPubKey[] = [];

  signers.forEach((signer, i) => {
    const info = tx.authInfo.signerInfos[i]!;
    const offered = info.publicKey ? accountPubKeyFromAny(info.publicKey) : undefined;
    if (offered && !bytesEqual(addressOfAccountPubKey(offered), fromBech32Address(signer.address).data)) {
      throw ErrInvalidPubKey.wrap(`pubKey does not match signer address ${signer.address} with signer index: ${i}`);
    }
    // A stored key wins over an offered one, as in the SDK (SetPubKeyDecorator never overwrites).
    const pubKey = signer.pubKey ?? offered;
    if (!pubKey) throw ErrInvalidPubKey.wrap('pubkey on account is not set');
    if (info.sequence !== signer.sequence) {
      throw ErrWrongSequence.wrap(`account sequence mismatch, expected ${signer.sequence}, got ${info.sequence}`);
    }
    if (!opts.simulate) {
      const fault = signatureFault(tx, pubKey, data[i]!, tx.signatures[i]!, chainId, signer, opts, verify);
      if (fault !== undefined) {
        // The SDK names the sequence only when it is inside every sign doc (amino JSON);
        // in DIRECT it is checked above, so the hint would mislead.
        const hint = onlyLegacyAmino(data[i]!)
          ? `please verify account number (${signer.accountNumber}), sequence (${signer.sequence}) and chain-id (${chainId})`
          : `please verify account number (${signer.accountNumber}) and chain-id (${chainId}): (${fault})`;
        throw ErrUnauthorized.wrap(`signature verification failed; ${hint}`);
      }
    }
    pubKeys.push(pubKey);
  });

  const verified: VerifiedSigners = Object.freeze({ pubKeys: Object.freeze(pubKeys) });
  if (key !== undefined) opts.cache!.set(key, verified);
  return verified;
}

/**
 * Why one signer's signature does not hold (the SDK's VerifySignature), or undefined when it
 * does: a single signature against a secp256k1 key, a multisignature against a multisig key.
 */
export function signatureFault(
  tx: DecodedTx,
  pubKey: AccountPubKey,
  data: SignatureData,
  signature: Uint8Array,
  chainId: string,
  signer: SignerAccount,
  opts: VerifyOptions,
  verify: Secp256k1Verify,
): string | undefined {
  const signBytes = (mode: number) =>
    mode === SignMode.SIGN_MODE_DIRECT
      ? directSignBytes(tx, chainId, signer.accountNumber)
      : aminoJsonSignBytes(tx, chainId, signer.accountNumber, signer.sequence, requireAmino(opts.aminoConverters));
  if ('single' in data) {
    if (isMultisig(pubKey)) return 'a multisig account needs a multisignature (ModeInfo.Multi)';
    return verify(pubKey, signBytes(data.single), signature) ? undefined : 'unable to verify single signer signature';
  }
  if (!isMultisig(pubKey)) return 'a multisignature needs a multisig account key';
  // Each sub-signer of one mode signs the same bytes: build them once.
  const byMode = new Map<number, Uint8Array>();
  const once = (mode: number) => {
    let bytes = byMode.get(mode);
    if (bytes === undefined) byMode.set(mode, (bytes = signBytes(mode)));
    return bytes;
  };
  return multisignatureFault(pubKey, data.multi, once, verify);
}

function requireAmino(converters: AminoConverters | undefined): AminoConverters {
  if (!converters) throw ErrNotSupported.wrap('SIGN_MODE_LEGACY_AMINO_JSON is not enabled on this node');
  return converters;
}
