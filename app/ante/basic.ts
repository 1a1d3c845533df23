// Stateless checks of the tx envelope (the SDK's ValidateBasic, TxTimeoutHeight and
// ValidateMemo decorators).
import { ErrInvalidRequest, ErrMemoTooLarge, ErrNoSignatures, ErrTxTimeoutHeight, ErrUnauthorized } from '../errors.js';
import type { AnteAccountKeeper, AnteDecorator } from './types.js';

/** Signatures present and one per signer. Skipped on ReCheck: the tx has not changed. */
export const validateBasic: AnteDecorator = (ctx, { tx, signers }) => {
  if (ctx.mode === 'recheck') return;
  if (tx.signatures.length === 0) throw ErrNoSignatures;
  if (tx.signatures.length !== signers.length) {
    throw ErrUnauthorized.wrap(`wrong number of signers; expected ${signers.length}, got ${tx.signatures.length}`);
  }
  const gasLimit = tx.authInfo.fee?.gasLimit ?? 0n;
  if (gasLimit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw ErrInvalidRequest.wrap(`invalid gas supplied; ${gasLimit} > ${Number.MAX_SAFE_INTEGER}`);
  }
};

/** A tx with timeout_height H is only valid up to block H. */
export const txTimeoutHeight: AnteDecorator = (ctx, { tx }) => {
  const timeout = tx.body.timeoutHeight;
  if (timeout > 0n && ctx.blockHeight > timeout) {
    throw ErrTxTimeoutHeight.wrap(`block height: ${ctx.blockHeight}, timeout height: ${timeout}`);
  }
};

export function validateMemo(accounts: AnteAccountKeeper): AnteDecorator {
  return (ctx, { tx }) => {
    const max = accounts.params(ctx).maxMemoCharacters;
    // The SDK counts bytes of the Go string (len(memo)), not characters.
    const length = BigInt(Buffer.byteLength(tx.body.memo, 'utf8'));
    if (length > max) {
      throw ErrMemoTooLarge.wrap(`maximum number of characters is ${max} but received ${length} characters`);
    }
  };
}
