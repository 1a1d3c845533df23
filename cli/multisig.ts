// Multisig signing as simd does it: each member signs the tx for the multisig account
// (`tx sign --multisig`, SIGN_MODE_LEGACY_AMINO_JSON, a signature-only document), then
// `tx multisign` checks each signature and combines them into ModeInfo.Multi with a
// CompactBitArray and a MultiSignature: a tx `tx broadcast` sends as it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { Secp256k1Wallet, serializeSignDoc } from '@cosmjs/amino';
import { MultiSignature } from 'cosmjs-types/cosmos/crypto/multisig/v1beta1/multisig';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { AuthInfo, Tx } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { multisigPubKeyToAny, newBitArray, type MultisigPubKey } from '../app/tx/multisig.js';
import { verifySecp256k1 } from '../app/tx/secp256k1.js';
import { aminoSignDoc } from '../app/tx/sign-doc.js';
import { theZone, txJson } from './context.js';
import type { KeyInfo, Keyring } from './keyring/keyring.js';
import { CliError, toJson } from './output.js';
import { readTxFile, signerData, txSigners, type SignFlags } from './tx.js';

/** A multi key of the keyring, by name or address. */
export function multisigKey(keyring: Keyring, nameOrAddress: string): KeyInfo & { multisig: NonNullable<KeyInfo['multisig']> } {
  const key = keyring.has(nameOrAddress) ? keyring.get(nameOrAddress) : keyring.list().find((k) => k.address === nameOrAddress);
  if (key === undefined) throw new CliError(`${nameOrAddress} is not a key in the ${keyring.backend} keyring`, 'add the multisig key first: zonekit keys add <name> --multisig k1,k2,k3 --multisig-threshold 2');
  if (key.multisig === undefined) throw new CliError(`${key.name} is not a multisig key`, 'make one with: zonekit keys add <name> --multisig k1,k2,k3 --multisig-threshold 2');
  return key as KeyInfo & { multisig: NonNullable<KeyInfo['multisig']> };
}

const pubKeyOf = (key: KeyInfo & { multisig: NonNullable<KeyInfo['multisig']> }): MultisigPubKey => ({
  threshold: key.multisig.threshold,
  pubKeys: key.multisig.pubkeys.map((k) => new Uint8Array(Buffer.from(k, 'base64'))),
});

/** The amino sign bytes of `tx` for the multisig account: what every member signs. */
async function signBytesFor(tx: Tx, address: string, flags: SignFlags): Promise<{ bytes: Uint8Array; sequence: bigint }> {
  const signer = await signerData(address, flags);
  const doc = aminoSignDoc({ body: tx.body!, authInfo: tx.authInfo! }, signer.chainId, signer.accountNumber, signer.sequence, theZone().app.aminoConverters);
  return { bytes: serializeSignDoc(doc), sequence: signer.sequence };
}

function write(text: string, outputDocument: string | undefined): void {
  if (outputDocument !== undefined) writeFileSync(outputDocument, text);
  else process.stdout.write(text);
}

/** `tx sign --multisig`: a member's signature for the multisig account, as simd's signature-only JSON. */
export async function signForMultisig(keyring: Keyring, keyName: string, multisig: string, path: string, flags: SignFlags): Promise<void> {
  const tx = readTxFile(path);
  const multi = multisigKey(keyring, multisig);
  const member = keyring.get(keyName);
  if (!multi.multisig.pubkeys.includes(member.pubkey)) throw new CliError('signing key is not a part of multisig key', `sign with one of the keys of ${multi.name}`);
  if (!txSigners(tx).includes(multi.address)) throw new CliError(`the multisig ${multi.name} (${multi.address}) is not a signer of the tx in ${path}`);
  const { bytes, sequence } = await signBytesFor(tx, multi.address, flags);
  const wallet = await Secp256k1Wallet.fromKey(await keyring.privateKey(keyName), theZone().app.bech32Prefix);
  const doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
  const { signature } = await wallet.signAmino(member.address, doc);
  const json = {
    signatures: [
      {
        public_key: { '@type': '/cosmos.crypto.secp256k1.PubKey', key: member.pubkey },
        data: { single: { mode: 'SIGN_MODE_LEGACY_AMINO_JSON', signature: signature.signature } },
        sequence: String(sequence),
      },
    ],
  };
  write(toJson(json) + '\n', flags.outputDocument);
}

interface SignatureJson {
  public_key?: { '@type'?: string; key?: string };
  data?: { single?: { mode?: string; signature?: string } };
}

/** `tx multisign`: checks each member's signature and combines them into the signed tx. */
export async function multisign(keyring: Keyring, path: string, multisig: string, signatureFiles: readonly string[], flags: SignFlags): Promise<void> {
  const tx = readTxFile(path);
  const multi = multisigKey(keyring, multisig);
  const key = pubKeyOf(multi);
  const { bytes, sequence } = await signBytesFor(tx, multi.address, flags);
  const byIndex = new Map<number, Uint8Array>();
  for (const file of signatureFiles) {
    let parsed: { signatures?: SignatureJson[] };
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new CliError(`cannot read the signatures in ${file}: ${err instanceof Error ? err.message : String(err)}`, 'make it with: zonekit tx sign <file> --from <key> --multisig <multisig> --output-document <file>');
    }
    for (const sig of parsed.signatures ?? []) {
      const pubkey = sig.public_key?.key ?? '';
      const index = multi.multisig.pubkeys.indexOf(pubkey);
      const address = pubkey === '' ? '(no key)' : (keyring.list().find((k) => k.pubkey === pubkey)?.address ?? pubkey);
      if (index < 0) throw new CliError(`the signature in ${file} is by ${address}, which is not a key of the multisig ${multi.name}`);
      if (sig.data?.single?.mode !== 'SIGN_MODE_LEGACY_AMINO_JSON') throw new CliError(`the signature in ${file} is not in SIGN_MODE_LEGACY_AMINO_JSON, the mode multisig members sign in`);
      const signature = new Uint8Array(Buffer.from(sig.data.single.signature ?? '', 'base64'));
      if (!verifySecp256k1(key.pubKeys[index]!, bytes, signature)) {
        throw new CliError(`couldn't verify signature for address ${address}: it does not sign this tx for ${multi.address} at sequence ${sequence}`, 'sign the same tx file again at the account\'s current sequence');
      }
      byIndex.set(index, signature);
    }
  }
  if (byIndex.size < key.threshold) throw new CliError(`${byIndex.size} of the multisig's keys signed, but ${multi.name} needs ${key.threshold}`, 'add more members\' signature files');
  const indexes = [...byIndex.keys()].sort((a, b) => a - b);
  const authInfo = AuthInfo.fromPartial({
    ...tx.authInfo!,
    signerInfos: [
      {
        publicKey: multisigPubKeyToAny(key),
        modeInfo: { multi: { bitarray: newBitArray(key.pubKeys.length, new Set(indexes)), modeInfos: indexes.map(() => ({ single: { mode: SignMode.SIGN_MODE_LEGACY_AMINO_JSON } })) } },
        sequence,
      },
    ],
  });
  const signed = Tx.fromPartial({ body: tx.body!, authInfo, signatures: [MultiSignature.encode({ signatures: indexes.map((i) => byIndex.get(i)!) }).finish()] });
  write(toJson(txJson().txToJson(signed)) + '\n', flags.outputDocument);
}
