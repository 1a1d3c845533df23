// Multisig txs as cosmjs makes them (createMultisigThresholdPubkey, makeMultisignedTx: what
// simd's `tx multisign` writes too): the address, verification, and the ante's gas and limits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMultisigThresholdPubkey, makeCosmoshubPath, makeSignDoc, pubkeyToRawAddress, Secp256k1HdWallet, type StdFee, type MultisigThresholdPubkey } from '@cosmjs/amino';
import { fromBase64 } from '@cosmjs/encoding';
import { Registry } from '@cosmjs/proto-signing';
import { encodePubkey } from '@cosmjs/proto-signing';
import { AminoTypes, createBankAminoConverters, defaultRegistryTypes } from '@cosmjs/stargate';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { MultiSignature } from 'cosmjs-types/cosmos/crypto/multisig/v1beta1/multisig';
import { AuthInfo, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { standardAnte, type AnteAccountKeeper, type SignerState } from '../ante/index.js';
import { CodedError } from '../errors.js';
import { testContext } from '../testing.js';
import { accountPubKeyFromAny, addressOfAccountPubKey, fromBech32Address, toBech32Address } from './address.js';
import { AminoConverters } from './amino.js';
import { bankAminoConverters } from './bank-amino.js';
import { decodeTx, type DecodedTx } from './decode.js';
import { SignatureCache } from './sig-cache.js';
import { bitArrayCount, bitArrayGet, isMultisig, multiSignatureData, multisignatureFault, newBitArray, type MultisigPubKey } from './multisig.js';
import { verifyTxSignatures, type VerifiedSigners } from './signatures.js';
import { CHAIN_ID, FEE, MNEMONIC, RECIPIENT } from './wallets.fixture.js';

const aminoConverters = new AminoConverters().registerAll(bankAminoConverters);
const wallets = await Promise.all([0, 1, 2].map((i) => Secp256k1HdWallet.fromMnemonic(MNEMONIC, { hdPaths: [makeCosmoshubPath(i)] })));
const members = await Promise.all(wallets.map(async (w) => (await w.getAccounts())[0]!));
const multisig: MultisigThresholdPubkey = createMultisigThresholdPubkey(members.map((m) => ({ type: 'tendermint/PubKeySecp256k1', value: Buffer.from(m.pubkey).toString('base64') })), 2);
// cosmjs's pubkeyToAddress and makeMultisignedTx call fromBech32/toBech32 without a length limit,
// which @scure/base 2.4 refuses: the raw address is cosmjs's, the bech32 is zonekit's.
const multisigAddress = toBech32Address('cosmos', pubkeyToRawAddress(multisig));
const ACCOUNT_NUMBER = 9n;
const SEQUENCE = 4;

const msg = { typeUrl: '/cosmos.bank.v1beta1.MsgSend', value: { fromAddress: multisigAddress, toAddress: RECIPIENT, amount: [{ denom: 'uatom', amount: '5' }] } };
const bodyBytes = new Registry(defaultRegistryTypes).encodeTxBody({ messages: [msg], memo: '' });

/** cosmjs's makeMultisignedTx (stargate/src/multisignature.ts), keyed by member index instead of address. */
function makeMultisignedTx(fee: StdFee, signatures: Map<number, Uint8Array>): TxRaw {
  const present = multisig.value.pubkeys.map((_, i) => signatures.has(i));
  const signerInfo = {
    publicKey: encodePubkey(multisig),
    modeInfo: {
      multi: {
        bitarray: newBitArray(present.length, new Set(present.flatMap((p, i) => (p ? [i] : [])))),
        modeInfos: [...signatures.keys()].map(() => ({ single: { mode: SignMode.SIGN_MODE_LEGACY_AMINO_JSON } })),
      },
    },
    sequence: BigInt(SEQUENCE),
  };
  const authInfoBytes = AuthInfo.encode(AuthInfo.fromPartial({ signerInfos: [signerInfo], fee: { amount: [...fee.amount], gasLimit: BigInt(fee.gas) } })).finish();
  const ordered = present.flatMap((p, i) => (p ? [signatures.get(i)!] : []));
  return TxRaw.fromPartial({ bodyBytes, authInfoBytes, signatures: [MultiSignature.encode({ signatures: ordered }).finish()] });
}

/** Signs the amino sign doc with the members at `signerIndexes`, and assembles the tx as cosmjs does. */
async function multisignedTx(signerIndexes: readonly number[], edit: (sigs: Map<number, Uint8Array>) => void = () => {}): Promise<DecodedTx> {
  const doc = makeSignDoc([new AminoTypes(createBankAminoConverters()).toAmino(msg)], FEE, CHAIN_ID, '', ACCOUNT_NUMBER, SEQUENCE);
  const signatures = new Map<number, Uint8Array>();
  for (const i of signerIndexes) signatures.set(i, fromBase64((await wallets[i]!.signAmino(members[i]!.address, doc)).signature.signature));
  edit(signatures);
  return decodeTx(TxRaw.encode(makeMultisignedTx(FEE, signatures)).finish());
}

const signerAccount = (pubKey?: ReturnType<typeof accountPubKeyFromAny>) => ({ address: multisigAddress, accountNumber: ACCOUNT_NUMBER, sequence: BigInt(SEQUENCE), ...(pubKey ? { pubKey } : {}) });

const rejects = (fn: () => unknown, code: number, pattern: RegExp) => assert.throws(fn, (err: unknown) => err instanceof CodedError && err.code === code && pattern.test(err.message));

describe('threshold multisig (LegacyAminoPubKey)', () => {
  it('derives the address cosmjs and the SDK derive from the key', async () => {
    const tx = await multisignedTx([0, 1]);
    const key = accountPubKeyFromAny(tx.authInfo.signerInfos[0]!.publicKey!);
    assert.ok(isMultisig(key));
    assert.equal(key.threshold, 2);
    assert.equal(toBech32Address('cosmos', addressOfAccountPubKey(key)), multisigAddress);
  });

  it('verifies any two of three amino-JSON signatures, offered key or stored key', async () => {
    for (const pair of [[0, 1], [0, 2], [1, 2], [0, 1, 2]]) {
      const tx = await multisignedTx(pair);
      const verified = verifyTxSignatures(tx, [signerAccount()], CHAIN_ID, { aminoConverters });
      assert.ok(isMultisig(verified.pubKeys[0]!));
      verifyTxSignatures(tx, [signerAccount(verified.pubKeys[0])], CHAIN_ID, { aminoConverters });
    }
  });

  it('refuses too few signatures, a tampered one, a member signing for another, and the wrong sequence', async () => {
    const one = await multisignedTx([1]);
    rejects(() => verifyTxSignatures(one, [signerAccount()], CHAIN_ID, { aminoConverters }), 4, /signature verification failed; please verify account number \(9\), sequence \(4\) and chain-id/);
    const tampered = await multisignedTx([0, 2], (sigs) => sigs.get(2)![5]! ^= 1);
    rejects(() => verifyTxSignatures(tampered, [signerAccount()], CHAIN_ID, { aminoConverters }), 4, /signature verification failed/);
    // Member 0's signature filed under member 1's key.
    const swapped = await multisignedTx([0, 1], (sigs) => sigs.set(1, sigs.get(0)!));
    rejects(() => verifyTxSignatures(swapped, [signerAccount()], CHAIN_ID, { aminoConverters }), 4, /signature verification failed/);
    const tx = await multisignedTx([0, 1]);
    rejects(() => verifyTxSignatures(tx, [{ ...signerAccount(), sequence: 5n }], CHAIN_ID, { aminoConverters }), 32, /account sequence mismatch, expected 5, got 4/);
    // The key must hash to the signer's address.
    rejects(() => verifyTxSignatures(tx, [{ ...signerAccount(), address: members[0]!.address }], CHAIN_ID, { aminoConverters }), 8, /pubKey does not match signer address/);
  });

  it('refuses a bit array that does not have one bit per key', async () => {
    const tx = await multisignedTx([0, 1]);
    const authInfo = tx.authInfo;
    authInfo.signerInfos[0]!.modeInfo!.multi!.bitarray = newBitArray(4, new Set([0, 1]));
    const raw = TxRaw.decode(tx.txBytes);
    const edited = decodeTx(TxRaw.encode({ ...raw, authInfoBytes: AuthInfo.encode(authInfo).finish() }).finish());
    // Amino-only signers get the SDK's generic sentence; the reason is the SDK's VerifyMultisignature's.
    rejects(() => verifyTxSignatures(edited, [signerAccount()], CHAIN_ID, { aminoConverters }), 4, /signature verification failed; please verify account number \(9\), sequence \(4\)/);
    const key = accountPubKeyFromAny(edited.authInfo.signerInfos[0]!.publicKey!) as MultisigPubKey;
    const data = multiSignatureData(edited.authInfo.signerInfos[0]!.modeInfo!.multi!, edited.signatures[0]!);
    assert.equal(multisignatureFault(key, data, () => new Uint8Array(), () => true), 'bit array size is incorrect, expecting: 3');
    const one = await multisignedTx([2]);
    const oneData = multiSignatureData(one.authInfo.signerInfos[0]!.modeInfo!.multi!, one.signatures[0]!);
    assert.equal(multisignatureFault(key, oneData, () => new Uint8Array(), () => true), 'signature size is incorrect 1');
  });

  it('reads bit arrays as the SDK does (most significant bit first)', () => {
    const bits = newBitArray(3, new Set([0, 2]));
    assert.deepEqual([bits.extraBitsStored, [...bits.elems]], [3, [0b1010_0000]]);
    assert.equal(bitArrayCount(bits), 3);
    assert.deepEqual([0, 1, 2, 3].map((i) => bitArrayGet(bits, i)), [true, false, true, false]);
    assert.equal(bitArrayCount(newBitArray(8, new Set())), 8);
  });

  it('the ante stores the multisig key, charges a secp256k1 verification per key that signed, and counts every key against tx_sig_limit', async () => {
    const bytes = fromBech32Address(multisigAddress).data;
    const run = async (signerIndexes: number[], txSigLimit = 7n) => {
      const accounts = new Map<string, SignerState>([[multisigAddress, { accountNumber: ACCOUNT_NUMBER, sequence: BigInt(SEQUENCE) }]]);
      const keeper: AnteAccountKeeper = {
        params: () => ({ maxMemoCharacters: 256n, txSigLimit, txSizeCostPerByte: 10n, sigVerifyCostSecp256k1: 1000n }),
        getSignerState: () => accounts.get(multisigAddress),
        setPubKey: (_ctx, _address, pubKey) => void accounts.set(multisigAddress, { ...accounts.get(multisigAddress)!, pubKey }),
        setSequence: (_ctx, _address, sequence) => void accounts.set(multisigAddress, { ...accounts.get(multisigAddress)!, sequence }),
      };
      const tx = await multisignedTx(signerIndexes);
      const ctx = testContext({ stores: [], mode: 'finalize', chainId: CHAIN_ID, height: 10n, gasLimit: 1_000_000 });
      const env = { minGasPrices: [], sigCache: new SignatureCache<VerifiedSigners>(), aminoConverters };
      for (const decorator of standardAnte({ accounts: keeper, bank: { sendCoinsFromAccountToModule: () => {} } })) decorator(ctx, { tx, signers: [{ address: multisigAddress, bytes }] }, env);
      return { gas: ctx.gasMeter.consumed - 10 * tx.txBytes.length, account: accounts.get(multisigAddress)! };
    };
    const two = await run([0, 2]);
    assert.equal(two.gas, 2000);
    assert.equal(two.account.sequence, BigInt(SEQUENCE + 1));
    assert.ok(two.account.pubKey !== undefined && isMultisig(two.account.pubKey));
    assert.equal((await run([0, 1, 2])).gas, 3000);
    await assert.rejects(run([0, 1], 2n), (err: unknown) => err instanceof CodedError && err.code === 14 && /signatures: 3, limit: 2/.test(err.message));
  });
});
