// Gas for the tx's size: bigger txs cost every node more to gossip, store and index.
import type { AnteAccountKeeper, AnteDecorator } from './types.js';

/**
 * Bytes a full single signature adds over an empty one in simulation: the SDK charges for an
 * amino StdSignature of a 64-byte signature and a 33-byte key (plus 6), so the estimate
 * covers the signature cosmjs leaves empty when it simulates.
 */
const SIMULATED_SIGNATURE_BYTES = 64 + 33 + 12 + 6;

export function consumeGasForTxSize(accounts: AnteAccountKeeper): AnteDecorator {
  return (ctx, { tx }) => {
    const costPerByte = Number(accounts.params(ctx).txSizeCostPerByte);
    ctx.gasMeter.consume(costPerByte * tx.txBytes.length, 'txSize');
    if (ctx.mode !== 'simulate') return;
    for (const signature of tx.signatures) {
      if (signature.length === 0) ctx.gasMeter.consume(costPerByte * SIMULATED_SIGNATURE_BYTES, 'txSize');
    }
  };
}
