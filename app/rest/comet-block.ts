// CometBFT RPC's JSON for a block (hex hashes, `parts`, numeric flags) read back into the
// protobuf types the SDK's tendermint service answers with, so the JSON writer can emit the
// gateway's shape (base64 hashes, `part_set_header`, `BLOCK_ID_FLAG_COMMIT`).
import { toBech32 } from '@cosmjs/encoding';
import { Block as SdkBlock, Header as SdkHeader } from 'cosmjs-types/cosmos/base/tendermint/v1beta1/types';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import { Block } from 'cosmjs-types/tendermint/types/block';
import type { Evidence } from 'cosmjs-types/tendermint/types/evidence';
import { BlockID, Commit, Header, type Data, type Vote } from 'cosmjs-types/tendermint/types/types';

interface CometBlockId {
  hash: string;
  parts: { total: number; hash: string };
}

interface CometVote {
  type: number;
  height: string;
  round: number;
  block_id: CometBlockId;
  timestamp: string;
  validator_address: string;
  validator_index: number;
  signature: string | null;
}

export interface CometBlockResult {
  block_id: CometBlockId;
  block: {
    header: {
      version: { block: string; app?: string };
      chain_id: string;
      height: string;
      time: string;
      last_block_id: CometBlockId;
      last_commit_hash: string;
      data_hash: string;
      validators_hash: string;
      next_validators_hash: string;
      consensus_hash: string;
      app_hash: string;
      last_results_hash: string;
      evidence_hash: string;
      proposer_address: string;
    };
    data: { txs: string[] | null };
    evidence: { evidence: Array<{ type: string; value: Record<string, unknown> }> | null };
    last_commit: {
      height: string;
      round: number;
      block_id: CometBlockId;
      signatures: Array<{ block_id_flag: number; validator_address: string; timestamp: string; signature: string | null }>;
    } | null;
  };
}

const hex = (s: string | null | undefined): Uint8Array => new Uint8Array(Buffer.from(s ?? '', 'hex'));
const b64 = (s: string | null | undefined): Uint8Array => new Uint8Array(Buffer.from(s ?? '', 'base64'));

/** An RFC 3339 time with up to 9 fraction digits, exactly (Date would keep only milliseconds). */
export function parseTimestamp(time: string): Timestamp {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(time);
  if (match === null) throw new Error(`not an RFC 3339 time: ${time}`);
  const seconds = BigInt(Math.floor(Date.parse(`${match[1]}${match[3]}`) / 1000));
  return { seconds, nanos: Number((match[2] ?? '').padEnd(9, '0')) };
}

export function blockIdFromComet(id: CometBlockId): BlockID {
  return { hash: hex(id.hash), partSetHeader: { total: id.parts.total, hash: hex(id.parts.hash) } };
}

function voteFromComet(v: CometVote): Vote {
  return {
    type: v.type,
    height: BigInt(v.height),
    round: v.round,
    blockId: blockIdFromComet(v.block_id),
    timestamp: parseTimestamp(v.timestamp),
    validatorAddress: hex(v.validator_address),
    validatorIndex: v.validator_index,
    signature: b64(v.signature),
    extension: new Uint8Array(),
    extensionSignature: new Uint8Array(),
  };
}

// Duplicate votes are the evidence a chain of honest-but-crashy validators produces; a light
// client attack (a forged header shown to a light client) is left out of the JSON.
function evidenceFromComet(list: CometBlockResult['block']['evidence']['evidence']): Evidence[] {
  return (list ?? []).flatMap((e): Evidence[] => {
    if (e.type !== 'tendermint/DuplicateVoteEvidence') return [];
    const v = e.value as { vote_a: CometVote; vote_b: CometVote; TotalVotingPower: string; ValidatorPower: string; Timestamp: string };
    return [{
      duplicateVoteEvidence: {
        voteA: voteFromComet(v.vote_a),
        voteB: voteFromComet(v.vote_b),
        totalVotingPower: BigInt(v.TotalVotingPower),
        validatorPower: BigInt(v.ValidatorPower),
        timestamp: parseTimestamp(v.Timestamp),
      },
    }];
  });
}

function headerFromComet(h: CometBlockResult['block']['header']): Header {
  return Header.fromPartial({
    version: { block: BigInt(h.version.block), app: BigInt(h.version.app ?? '0') },
    chainId: h.chain_id,
    height: BigInt(h.height),
    time: parseTimestamp(h.time),
    lastBlockId: blockIdFromComet(h.last_block_id),
    lastCommitHash: hex(h.last_commit_hash),
    dataHash: hex(h.data_hash),
    validatorsHash: hex(h.validators_hash),
    nextValidatorsHash: hex(h.next_validators_hash),
    consensusHash: hex(h.consensus_hash),
    appHash: hex(h.app_hash),
    lastResultsHash: hex(h.last_results_hash),
    evidenceHash: hex(h.evidence_hash),
    proposerAddress: hex(h.proposer_address),
  });
}

function commitFromComet(c: CometBlockResult['block']['last_commit']): Commit | undefined {
  if (c === null) return undefined;
  return Commit.fromPartial({
    height: BigInt(c.height),
    round: c.round,
    blockId: blockIdFromComet(c.block_id),
    signatures: c.signatures.map((s) => ({
      blockIdFlag: s.block_id_flag,
      validatorAddress: hex(s.validator_address),
      timestamp: parseTimestamp(s.timestamp),
      signature: b64(s.signature),
    })),
  });
}

export interface SdkBlocks {
  blockId: BlockID;
  /** tendermint.types.Block (deprecated in the SDK's response, still read by explorers). */
  block: Block;
  /** The same block with the proposer as a bech32 consensus address. */
  sdkBlock: SdkBlock;
}

/** `valconsPrefix`: the bech32 prefix of consensus addresses (`cosmosvalcons`). */
export function blocksFromComet(result: CometBlockResult, valconsPrefix: string): SdkBlocks {
  const header = headerFromComet(result.block.header);
  const data: Data = { txs: (result.block.data.txs ?? []).map(b64) };
  const evidence = { evidence: evidenceFromComet(result.block.evidence.evidence) };
  const lastCommit = commitFromComet(result.block.last_commit);
  const block = Block.fromPartial({ header, data, evidence, ...(lastCommit ? { lastCommit } : {}) });
  const sdkHeader = SdkHeader.fromPartial({ ...header, proposerAddress: toBech32(valconsPrefix, header.proposerAddress) });
  const sdkBlock = SdkBlock.fromPartial({ header: sdkHeader, data, evidence, ...(lastCommit ? { lastCommit } : {}) });
  return { blockId: blockIdFromComet(result.block_id), block, sdkBlock };
}
