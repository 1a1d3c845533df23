// Signers: keys, signature gas, verification and replay protection (sequences).
import { ErrInvalidPubKey, ErrTooManySignatures, ErrUnknownAddress, ErrWrongSequence } from '../errors.js';
import { accountPubKeyFromAny, addressOfAccountPubKey, bytesEqual } from '../tx/address.js';
import { isMultisig, signedKeyCount, type AccountPubKey } from '../tx/multisig.js';
import { signatureDataOf, verifyTxSignatures, type SignerAccount } from '../tx/signatures.js';
import type { Context } from '../context.js';
import type { AnteAccountKeeper, AnteDecorator, SignerState, TxSigner } from './types.js';

function signerState(ctx: Context, accounts: AnteAccountKeeper, signer: TxSigner): SignerState {
  const state = accounts.getSignerState(ctx, signer.bytes);
  if (state === undefined) throw ErrUnknownAddress.wrap(`account ${signer.address} does not exist`);
  return state;
}

/**
 * Stores the key a signer offers on its first tx (its address commits to the key, so
 * the key must hash to it), and emits the `tx` events indexers search by:
 * `tx.acc_seq='<addr>/<seq>'` and `tx.signature='<base64>'`.
 */
export function setPubKey(accounts: AnteAccountKeeper): AnteDecorator {
  return (ctx, { tx, signers }) => {
    signers.forEach((signer, i) => {
      const info = tx.authInfo.signerInfos[i];
      const offered = info?.publicKey ? accountPubKeyFromAny(info.publicKey) : undefined;
      const state = signerState(ctx, accounts, signer);
      if (offered === undefined || state.pubKey !== undefined) return;
      if (ctx.mode !== 'simulate' && !bytesEqual(addressOfAccountPubKey(offered), signer.bytes)) {
        throw ErrInvalidPubKey.wrap(`pubKey does not match signer address ${signer.address} with signer index: ${i}`);
      }
      accounts.setPubKey(ctx, signer.bytes, offered);
    });
    signers.forEach((signer, i) => {
      ctx.events.emit('tx', ['acc_seq', `${signer.address}/${tx.authInfo.signerInfos[i]?.sequence ?? 0n}`]);
      const signature = tx.signatures[i];
      if (signature && signature.length > 0) ctx.events.emit('tx', ['signature', Buffer.from(signature).toString('base64')]);
    });
  };
}

/** Keys a public key stands for: a multisig counts each of its keys (the SDK's CountSubKeys). */
const subKeyCount = (key: AccountPubKey | undefined): number => (key === undefined ? 0 : isMultisig(key) ? key.pubKeys.length : 1);

/** The SDK's ValidateSigCountDecorator: the keys the signer infos offer, multisigs counted key by key, within tx_sig_limit. */
export function validateSigCount(accounts: AnteAccountKeeper): AnteDecorator {
  return (ctx, { tx }) => {
    const limit = accounts.params(ctx).txSigLimit;
    let count = 0n;
    for (const info of tx.authInfo.signerInfos) {
      count += BigInt(subKeyCount(info.publicKey ? accountPubKeyFromAny(info.publicKey) : undefined));
      if (count > limit) throw ErrTooManySignatures.wrap(`signatures: ${count}, limit: ${limit}`);
    }
  };
}

/**
 * Charged before verifying, so a tx that fails verification has still paid for the work: a
 * secp256k1 verification per signer, and for a multisig one per key that signed (the SDK's
 * ConsumeMultisignatureVerificationGas). A multisig account signing without a multisignature
 * is refused here, as the SDK's gas consumer refuses it.
 */
export function consumeSigGas(accounts: AnteAccountKeeper): AnteDecorator {
  return (ctx, { tx, signers }) => {
    const cost = Number(accounts.params(ctx).sigVerifyCostSecp256k1);
    signers.forEach((signer, i) => {
      const key = accounts.getSignerState(ctx, signer.bytes)?.pubKey;
      if (key === undefined || !isMultisig(key)) {
        ctx.gasMeter.consume(cost, 'ante verify: secp256k1');
        return;
      }
      const data = signatureDataOf(tx, i);
      if (!('multi' in data)) throw ErrInvalidPubKey.wrap(`signer ${i}: a multisig account needs a multisignature (ModeInfo.Multi)`);
      for (let k = signedKeyCount(key, data.multi); k > 0; k--) ctx.gasMeter.consume(cost, 'ante verify: secp256k1');
    });
  };
}

/**
 * Verifies every signature against the stored account (number, sequence, key). Simulate
 * skips the signature itself (cosmjs sends empty ones) and ReCheck skips it too (the bytes
 * were verified in CheckTx); both still check sequences, so a stale tx leaves the mempool.
 */
export function verifySignatures(accounts: AnteAccountKeeper): AnteDecorator {
  return (ctx, { tx, signers }, env) => {
    const states = signers.map((signer) => signerState(ctx, accounts, signer));
    if (ctx.mode === 'simulate' || ctx.mode === 'recheck') {
      states.forEach((state, i) => {
        if (ctx.mode !== 'simulate' && state.pubKey === undefined) throw ErrInvalidPubKey.wrap('pubkey on account is not set');
        const got = tx.authInfo.signerInfos[i]?.sequence ?? 0n;
        if (got !== state.sequence) throw ErrWrongSequence.wrap(`account sequence mismatch, expected ${state.sequence}, got ${got}`);
      });
      return;
    }
    const signerAccounts: SignerAccount[] = signers.map((signer, i) => ({
      address: signer.address,
      // Gentxs are signed before accounts are numbered: the SDK signs them with number 0.
      accountNumber: ctx.mode === 'genesis' ? 0n : states[i]!.accountNumber,
      sequence: states[i]!.sequence,
      ...(states[i]!.pubKey ? { pubKey: states[i]!.pubKey } : {}),
    }));
    verifyTxSignatures(tx, signerAccounts, ctx.chainId, { aminoConverters: env.aminoConverters, cache: env.sigCache });
  };
}

/** Every signer's sequence goes up by one, so the same signed bytes can never run twice. */
export function incrementSequence(accounts: AnteAccountKeeper): AnteDecorator {
  return (ctx, { signers }) => {
    for (const signer of signers) {
      const state = signerState(ctx, accounts, signer);
      accounts.setSequence(ctx, signer.bytes, state.sequence + 1n);
    }
  };
}
