// The standard ante pipeline, in the SDK's order; the order is stated, with its reasons, below.
export { FEE_COLLECTOR_NAME, feeCoins } from './fee.js';
export type { AnteAccountKeeper, AnteAuthParams, AnteBankKeeper, AnteDecorator, AnteEnv, AnteTx, SignerState, TxSigner } from './types.js';
import { txTimeoutHeight, validateBasic, validateMemo } from './basic.js';
import { deductFee } from './fee.js';
import { consumeGasForTxSize } from './gas.js';
import { consumeSigGas, incrementSequence, setPubKey, validateSigCount, verifySignatures } from './signatures.js';
import type { AnteAccountKeeper, AnteBankKeeper, AnteDecorator } from './types.js';

export function standardAnte(keepers: { accounts: AnteAccountKeeper; bank: AnteBankKeeper }): AnteDecorator[] {
  const { accounts, bank } = keepers;
  return [
    // 1. Cheap, stateless rejections first: a malformed tx costs the node almost nothing.
    validateBasic,
    txTimeoutHeight,
    validateMemo(accounts),
    // 2. Charge for size before any state is read, so big txs pay for what they make us do.
    consumeGasForTxSize(accounts),
    // 3. Take the fee before the expensive checks, so an unfunded tx is turned away before any
    //    signature is verified (min gas prices are checked here too, in CheckTx only).
    deductFee(accounts, bank),
    // 4. The key must be on the account before signatures can be checked against it.
    setPubKey(accounts),
    validateSigCount(accounts),
    // 5. Pay for verification, then verify (cached from CheckTx, so FinalizeBlock verifies once).
    consumeSigGas(accounts),
    verifySignatures(accounts),
    // 6. Last: signatures are checked against the current sequence, which then moves on so the
    //    same signed bytes can never run again. (A failing step discards the whole ante branch.)
    incrementSequence(accounts),
  ];
}
