// The proof specs of a Cosmos SDK chain (ibc-go's commitmenttypes.GetSDKSpecs): an IAVL proof
// of the key inside its module store, then a Tendermint simple-merkle proof of that store's
// root inside the app hash. Client states carry specs as cosmjs-types protobufs; ics23
// verifies with its own message classes, so the two forms convert through their bytes.
import { ics23, iavlSpec, tendermintSpec } from '@confio/ics23';
import { ProofSpec } from 'cosmjs-types/cosmos/ics23/v1/proofs';

export type Ics23ProofSpec = ics23.IProofSpec;

/** iavlSpec then tendermintSpec, in the order MerkleProof.Proofs are chained. */
export const SDK_SPECS: readonly Ics23ProofSpec[] = Object.freeze([iavlSpec, tendermintSpec]);

/** The SDK specs as a client state carries them (`ClientState.proof_specs`). */
export function sdkProofSpecs(): ProofSpec[] {
  return SDK_SPECS.map((spec) => ProofSpec.decode(ics23.ProofSpec.encode(spec).finish()));
}

// A client verifies against the same few specs for its whole life: convert each once.
const converted = new Map<string, Ics23ProofSpec>();

/** A client state's spec as ics23 verifies with it. */
export function toIcs23Spec(spec: ProofSpec): Ics23ProofSpec {
  const bytes = ProofSpec.encode(spec).finish();
  const key = Buffer.from(bytes).toString('base64');
  let found = converted.get(key);
  if (found === undefined) {
    found = ics23.ProofSpec.decode(bytes);
    converted.set(key, found);
  }
  return found;
}
