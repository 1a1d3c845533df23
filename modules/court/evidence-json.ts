// Reads a DuplicateVoteEvidence from JSON for `zonekit tx court submit-evidence`, in either
// form a validator meets it: CometBFT's (RPC /block and the evidence log: hex hashes and
// addresses, `parts`, `TotalVotingPower`, optionally wrapped in {type, value}) or protobuf
// JSON (base64 bytes, `part_set_header`, snake_case or camelCase). Times keep all 9 digits
// of nanoseconds: the signatures cover them.
import { DuplicateVoteEvidence } from 'cosmjs-types/tendermint/types/evidence';
import { signedMsgTypeFromJSON, type BlockID, type Vote } from 'cosmjs-types/tendermint/types/types';
import { parseTimestamp } from '../../app/rest/comet-block.js';

type Json = Record<string, unknown>;

function field(obj: Json, ...names: string[]): unknown {
  for (const name of names) if (obj[name] !== undefined && obj[name] !== null) return obj[name];
  return undefined;
}

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} must be a JSON object`);
  return value as Json;
}

function integer(value: unknown, what: string, fallback?: bigint): bigint {
  if (value === undefined && fallback !== undefined) return fallback;
  if ((typeof value === 'string' && /^-?[0-9]+$/.test(value)) || (typeof value === 'number' && Number.isSafeInteger(value))) return BigInt(value);
  throw new Error(`${what} must be an integer, got ${JSON.stringify(value)}`);
}

function bytes(value: unknown, encoding: 'hex' | 'base64', what: string): Uint8Array {
  if (value === undefined) return new Uint8Array();
  if (typeof value !== 'string') throw new Error(`${what} must be a ${encoding} string`);
  const ok = encoding === 'hex' ? /^([0-9a-fA-F]{2})*$/.test(value) : /^[A-Za-z0-9+/]*={0,2}$/.test(value);
  if (!ok) throw new Error(`${what} must be ${encoding}, got ${JSON.stringify(value)}`);
  return new Uint8Array(Buffer.from(value, encoding));
}

function blockId(json: Json, comet: boolean, what: string): BlockID {
  const parts = object(comet ? field(json, 'parts') ?? {} : field(json, 'part_set_header', 'partSetHeader') ?? {}, `${what}.parts`);
  const encoding = comet ? 'hex' : 'base64';
  return {
    hash: bytes(field(json, 'hash'), encoding, `${what}.hash`),
    partSetHeader: { total: Number(integer(field(parts, 'total'), `${what}.total`, 0n)), hash: bytes(field(parts, 'hash'), encoding, `${what}.parts.hash`) },
  };
}

function vote(value: unknown, comet: boolean, what: string): Vote {
  const json = object(value, what);
  const type = field(json, 'type');
  const time = field(json, 'timestamp');
  if (typeof time !== 'string') throw new Error(`${what}.timestamp must be an RFC 3339 time`);
  return {
    type: typeof type === 'string' && !/^[0-9]+$/.test(type) ? signedMsgTypeFromJSON(type) : Number(integer(type, `${what}.type`)),
    height: integer(field(json, 'height'), `${what}.height`),
    round: Number(integer(field(json, 'round'), `${what}.round`, 0n)),
    blockId: blockId(object(field(json, 'block_id', 'blockId') ?? {}, `${what}.block_id`), comet, `${what}.block_id`),
    timestamp: parseTimestamp(time),
    validatorAddress: bytes(field(json, 'validator_address', 'validatorAddress'), comet ? 'hex' : 'base64', `${what}.validator_address`),
    validatorIndex: Number(integer(field(json, 'validator_index', 'validatorIndex'), `${what}.validator_index`, 0n)),
    signature: bytes(field(json, 'signature'), 'base64', `${what}.signature`),
    extension: bytes(field(json, 'extension'), 'base64', `${what}.extension`),
    extensionSignature: bytes(field(json, 'extension_signature', 'extensionSignature'), 'base64', `${what}.extension_signature`),
  };
}

export function duplicateVoteFromJson(input: unknown): DuplicateVoteEvidence {
  let json = object(input, 'evidence');
  if (json.type === 'tendermint/DuplicateVoteEvidence') json = object(json.value, 'evidence value');
  const voteA = object(field(json, 'vote_a', 'voteA'), 'vote_a');
  // CometBFT's JSON names the part set header `parts` and writes hashes in hex.
  const comet = field(json, 'TotalVotingPower') !== undefined || field(object(field(voteA, 'block_id', 'blockId') ?? {}, 'vote_a.block_id'), 'parts') !== undefined;
  const time = field(json, 'Timestamp', 'timestamp');
  return {
    voteA: vote(voteA, comet, 'vote_a'),
    voteB: vote(field(json, 'vote_b', 'voteB'), comet, 'vote_b'),
    totalVotingPower: integer(field(json, 'TotalVotingPower', 'total_voting_power', 'totalVotingPower'), 'total_voting_power'),
    validatorPower: integer(field(json, 'ValidatorPower', 'validator_power', 'validatorPower'), 'validator_power'),
    timestamp: typeof time === 'string' ? parseTimestamp(time) : { seconds: 0n, nanos: 0 },
  };
}
