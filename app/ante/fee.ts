// The fee: checked against this node's minimum gas prices, then paid to the fee collector.
import { coinsFromProto, coinsToString, isAnyGTE, requiredFee, type Coins } from '../coins.js';
import { CodedError, ErrInsufficientFee, ErrInvalidRequest, ErrUnknownAddress } from '../errors.js';
import type { DecodedTx } from '../tx/decode.js';
import type { AnteAccountKeeper, AnteBankKeeper, AnteDecorator } from './types.js';

export const FEE_COLLECTOR_NAME = 'fee_collector';

export function feeCoins(tx: DecodedTx): Coins {
  const amount = tx.authInfo.fee?.amount ?? [];
  // A fee of only zero coins (`0uatom`, what relayers put in the tx they simulate) is no
  // fee: the SDK's IsZero skips deduction and its validation.
  if (amount.length > 0 && amount.every((c) => /^0+$/.test(c.amount))) return [];
  try {
    return coinsFromProto(amount);
  } catch (err) {
    throw ErrInsufficientFee.wrap(`invalid fee amount: ${err instanceof CodedError ? err.message : String(err)}`);
  }
}

/**
 * Minimum gas prices are a node's own policy against spam, not consensus, so they are
 * enforced in CheckTx only; a block proposer may include cheaper txs.
 */
function checkMinGasPrices(fee: Coins, gasLimit: bigint, env: { minGasPrices: readonly { denom: string; amount: bigint }[] }): void {
  if (env.minGasPrices.length === 0) return;
  const required = requiredFee(env.minGasPrices, gasLimit).filter((c) => c.amount > 0n);
  if (required.length > 0 && !isAnyGTE(fee, required)) {
    throw ErrInsufficientFee.wrap(`insufficient fees; got: ${coinsToString(fee)} required: ${coinsToString(required)}`);
  }
}

export function deductFee(accounts: AnteAccountKeeper, bank: AnteBankKeeper): AnteDecorator {
  return (ctx, { tx, signers }, env) => {
    const fee = tx.authInfo.fee;
    if (fee?.granter) throw ErrInvalidRequest.wrap('fee grants are not enabled on this chain');
    const payer = signers[0]!;
    if (fee?.payer && fee.payer !== payer.address) {
      throw ErrInvalidRequest.wrap(`fee payer ${fee.payer} must be the first signer ${payer.address}`);
    }
    const amount = feeCoins(tx);
    if (ctx.isCheckTx) checkMinGasPrices(amount, fee?.gasLimit ?? 0n, env);
    if (accounts.getSignerState(ctx, payer.bytes) === undefined) {
      throw ErrUnknownAddress.wrap(`fee payer address: ${payer.address} does not exist`);
    }
    if (amount.length > 0) bank.sendCoinsFromAccountToModule(ctx, payer.bytes, FEE_COLLECTOR_NAME, amount);
    ctx.events.emit('tx', ['fee', coinsToString(amount)], ['fee_payer', payer.address]);
  };
}
