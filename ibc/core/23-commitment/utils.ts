// From a CometBFT ABCI query's proof ops to the MerkleProof a relayer submits (ibc-go's
// ConvertProofs): each op's data is one ICS-23 CommitmentProof, innermost store first.
import { ics23 } from '@confio/ics23';
import { BinaryWriter } from 'cosmjs-types/binary';
import type { ProofOp } from 'cosmjs-types/tendermint/crypto/proof';
import { ErrInvalidMerkleProof } from './errors.js';

/** The `ibc.core.commitment.v1.MerkleProof` bytes for `ops` (field 1: the proofs, in order). */
export function convertProofs(ops: readonly ProofOp[]): Uint8Array {
  if (ops.length === 0) throw ErrInvalidMerkleProof.wrap('tendermint proof is nil');
  const writer = BinaryWriter.create();
  ops.forEach((op, i) => {
    let proof: ics23.CommitmentProof;
    try {
      proof = ics23.CommitmentProof.decode(op.data);
    } catch (err) {
      throw ErrInvalidMerkleProof.wrap(`could not unmarshal proof op into CommitmentProof at index ${i}: ${(err as Error).message}`);
    }
    if (!proof.exist && !proof.nonexist && !proof.batch && !proof.compressed) {
      throw ErrInvalidMerkleProof.wrap(`could not unmarshal proof op into CommitmentProof at index ${i}: no proof`);
    }
    writer.uint32((1 << 3) | 2).bytes(op.data);
  });
  return writer.finish();
}
