// What a CometBFT validator signs for a vote (types/vote.go VoteSignBytes): the
// CanonicalVote protobuf, length-prefixed with a uvarint (MarshalDelimited); and for its vote
// extension (VoteExtensionSignBytes), the CanonicalVoteExtension the same way. Written by hand
// because cosmjs-types has no canonical.proto. Field rules follow gogoproto's output:
//   1 type (varint), 2 height (sfixed64), 3 round (sfixed64): left out when zero;
//   4 block_id (CanonicalBlockID, nullable): left out for a nil vote;
//   5 timestamp (non-nullable): always written; 6 chain_id: left out when empty.
import { BinaryWriter } from 'cosmjs-types/binary';
import { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import { PartSetHeader, type BlockID, type Vote } from 'cosmjs-types/tendermint/types/types';

/** A BlockID with no hash and an empty part set header: the vote was for nil. */
export function isNilBlockId(id: BlockID): boolean {
  return id.hash.length === 0 && id.partSetHeader.total === 0 && id.partSetHeader.hash.length === 0;
}

function canonicalVote(chainId: string, vote: Vote): Uint8Array {
  const w = BinaryWriter.create();
  if (vote.type !== 0) w.uint32((1 << 3) | 0).int32(vote.type);
  if (vote.height !== 0n) w.uint32((2 << 3) | 1).sfixed64(vote.height);
  if (vote.round !== 0) w.uint32((3 << 3) | 1).sfixed64(BigInt(vote.round));
  if (!isNilBlockId(vote.blockId)) {
    const id = w.uint32((4 << 3) | 2).fork();
    if (vote.blockId.hash.length > 0) id.uint32((1 << 3) | 2).bytes(vote.blockId.hash);
    const parts = id.uint32((2 << 3) | 2).fork();
    if (vote.blockId.partSetHeader.total !== 0) parts.uint32((1 << 3) | 0).uint32(vote.blockId.partSetHeader.total);
    if (vote.blockId.partSetHeader.hash.length > 0) parts.uint32((2 << 3) | 2).bytes(vote.blockId.partSetHeader.hash);
    parts.ldelim().ldelim();
  }
  Timestamp.encode(vote.timestamp, w.uint32((5 << 3) | 2).fork()).ldelim();
  if (chainId !== '') w.uint32((6 << 3) | 2).string(chainId);
  return w.finish();
}

/** The bytes a validator's ed25519 key signs for `vote` on chain `chainId`. */
export function voteSignBytes(chainId: string, vote: Vote): Uint8Array {
  const body = canonicalVote(chainId, vote);
  return BinaryWriter.create().bytes(body).finish();
}

/**
 * The bytes a validator's ed25519 key signs for the vote extension of its precommit at
 * `height` and `round`: CanonicalVoteExtension {1 extension (bytes), 2 height (sfixed64),
 * 3 round (sfixed64), 4 chain_id (string)}, zero fields left out as gogoproto does.
 */
export function voteExtensionSignBytes(chainId: string, extension: Uint8Array, height: bigint, round: number): Uint8Array {
  const w = BinaryWriter.create();
  if (extension.length > 0) w.uint32((1 << 3) | 2).bytes(extension);
  if (height !== 0n) w.uint32((2 << 3) | 1).sfixed64(height);
  if (round !== 0) w.uint32((3 << 3) | 1).sfixed64(BigInt(round));
  if (chainId !== '') w.uint32((4 << 3) | 2).string(chainId);
  return BinaryWriter.create().bytes(w.finish()).finish();
}

/**
 * BlockID.Key(): the hash followed by the part set header's protobuf bytes. CometBFT orders
 * the two votes of a DuplicateVoteEvidence by this key, byte by byte.
 */
export function blockIdKey(id: BlockID): Uint8Array {
  const parts = PartSetHeader.encode(id.partSetHeader).finish();
  const out = new Uint8Array(id.hash.length + parts.length);
  out.set(id.hash);
  out.set(parts, id.hash.length);
  return out;
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
