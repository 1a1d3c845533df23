// CometBFT's hashes that a light client recomputes: the block (header) hash a commit signs
// and the validator set hash a header commits to. Both are RFC 6962 merkle roots
// (CometBFT's merkle.HashFromByteSlices) over protobuf encodings of each item.
import { BinaryWriter } from 'cosmjs-types/binary';
import { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import { PublicKey } from 'cosmjs-types/tendermint/crypto/keys';
import { BlockID, type Header } from 'cosmjs-types/tendermint/types/types';
import type { ValidatorSet } from 'cosmjs-types/tendermint/types/validator';
import { Consensus } from 'cosmjs-types/tendermint/version/types';
import { simpleMerkleRoot } from '../../../app/store/commit-info.js';

const EMPTY = new Uint8Array(0);

// cdcEncode (types/encoding_helper.go): a gogotypes wrapper message (field 1) around the
// value, or nothing at all for the zero value.
function cdcString(value: string): Uint8Array {
  return value === '' ? EMPTY : BinaryWriter.create().uint32((1 << 3) | 2).string(value).finish();
}

function cdcInt64(value: bigint): Uint8Array {
  return value === 0n ? EMPTY : BinaryWriter.create().uint32((1 << 3) | 0).int64(value).finish();
}

function cdcBytes(value: Uint8Array): Uint8Array {
  return value.length === 0 ? EMPTY : BinaryWriter.create().uint32((1 << 3) | 2).bytes(value).finish();
}

/**
 * The block hash (types/block.go Header.Hash): the merkle root of the header's fields in
 * declaration order. Empty when the header has no validators hash, as CometBFT returns nil.
 */
export function headerHash(header: Header): Uint8Array {
  if (header.validatorsHash.length === 0) return EMPTY;
  return simpleMerkleRoot([
    Consensus.encode(header.version).finish(),
    cdcString(header.chainId),
    cdcInt64(header.height),
    Timestamp.encode(header.time).finish(),
    BlockID.encode(header.lastBlockId).finish(),
    cdcBytes(header.lastCommitHash),
    cdcBytes(header.dataHash),
    cdcBytes(header.validatorsHash),
    cdcBytes(header.nextValidatorsHash),
    cdcBytes(header.consensusHash),
    cdcBytes(header.appHash),
    cdcBytes(header.lastResultsHash),
    cdcBytes(header.evidenceHash),
    cdcBytes(header.proposerAddress),
  ]);
}

/** SimpleValidator{pub_key, voting_power}: what the validator set hash commits to per validator. */
function simpleValidatorBytes(pubKey: PublicKey, votingPower: bigint): Uint8Array {
  const w = BinaryWriter.create();
  PublicKey.encode(pubKey, w.uint32((1 << 3) | 2).fork()).ldelim();
  if (votingPower !== 0n) w.uint32((2 << 3) | 0).int64(votingPower);
  return w.finish();
}

/** types/validator_set.go ValidatorSet.Hash: the merkle root of each validator's SimpleValidator, in set order. */
export function validatorSetHash(validatorSet: ValidatorSet): Uint8Array {
  return simpleMerkleRoot(validatorSet.validators.map((v) => simpleValidatorBytes(v.pubKey, v.votingPower)));
}
