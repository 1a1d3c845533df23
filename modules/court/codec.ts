// Protobuf codecs for court.proto, in the shape cosmjs-types generates (encode returns a
// BinaryWriter, decode takes bytes or a reader, fromPartial fills defaults, toJSON names
// enums and writes times as text), so cosmjs clients and the REST writer handle them like
// any SDK type. Nested messages are always written, as gogoproto's non-nullable fields.
import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';
import { PageRequest, PageResponse } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import { Params as SlashingParams } from 'cosmjs-types/cosmos/slashing/v1beta1/slashing';
import { Duration } from 'cosmjs-types/google/protobuf/duration';
import { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import { rfc3339 } from '../../app/rest/proto-json.js';

export const QUERY_TRIAL_PATH = '/zonekit.court.v1.Query/Trial';
export const QUERY_TRIALS_PATH = '/zonekit.court.v1.Query/Trials';
export const QUERY_COURT_PARAMS_PATH = '/zonekit.court.v1.Query/Params';

export enum InfractionKind {
  INFRACTION_KIND_UNSPECIFIED = 0,
  INFRACTION_KIND_DOUBLE_SIGN = 1,
  INFRACTION_KIND_LIGHT_CLIENT_ATTACK = 2,
  INFRACTION_KIND_DOWNTIME = 3,
}

export enum EvidenceSource {
  EVIDENCE_SOURCE_UNSPECIFIED = 0,
  EVIDENCE_SOURCE_COMETBFT = 1,
  EVIDENCE_SOURCE_TX = 2,
}

export enum Verdict {
  VERDICT_UNSPECIFIED = 0,
  VERDICT_SLASHED_AND_JAILED = 1,
  VERDICT_TOMBSTONED = 2,
}

/** An enum value's proto name; an unknown number stays a number, as protobuf JSON writes it. */
function enumName(names: Record<number, string>, value: number): string | number {
  return names[value] ?? value;
}

const LEN = 2;
const VARINT = 0;
const tag = (field: number, wireType: number): number => (field << 3) | wireType;

function reader(input: BinaryReader | Uint8Array): BinaryReader {
  return input instanceof BinaryReader ? input : new BinaryReader(input);
}

/** Reads fields until `length` bytes (or the end); `field` returns false for fields it does not know. */
function readFields(input: BinaryReader | Uint8Array, length: number | undefined, field: (r: BinaryReader, tag: number) => boolean): void {
  const r = reader(input);
  const end = length === undefined ? r.len : r.pos + length;
  while (r.pos < end) {
    const t = r.uint32();
    if (!field(r, t)) r.skipType(t & 7);
  }
}

const timeJson = (t: Timestamp): string => rfc3339(t.seconds, t.nanos);

export interface UnbondingSlash {
  delegatorAddress: string;
  amount: string;
}

export const UnbondingSlash = {
  encode(m: UnbondingSlash, w: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (m.delegatorAddress !== '') w.uint32(tag(1, LEN)).string(m.delegatorAddress);
    if (m.amount !== '') w.uint32(tag(2, LEN)).string(m.amount);
    return w;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): UnbondingSlash {
    const m = UnbondingSlash.fromPartial({});
    readFields(input, length, (r, t) => {
      if (t === tag(1, LEN)) m.delegatorAddress = r.string();
      else if (t === tag(2, LEN)) m.amount = r.string();
      else return false;
      return true;
    });
    return m;
  },
  fromPartial: (o: Partial<UnbondingSlash>): UnbondingSlash => ({ delegatorAddress: o.delegatorAddress ?? '', amount: o.amount ?? '' }),
};

export interface RedelegationSlash {
  delegatorAddress: string;
  validatorDstAddress: string;
  amount: string;
}

export const RedelegationSlash = {
  encode(m: RedelegationSlash, w: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (m.delegatorAddress !== '') w.uint32(tag(1, LEN)).string(m.delegatorAddress);
    if (m.validatorDstAddress !== '') w.uint32(tag(2, LEN)).string(m.validatorDstAddress);
    if (m.amount !== '') w.uint32(tag(3, LEN)).string(m.amount);
    return w;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): RedelegationSlash {
    const m = RedelegationSlash.fromPartial({});
    readFields(input, length, (r, t) => {
      if (t === tag(1, LEN)) m.delegatorAddress = r.string();
      else if (t === tag(2, LEN)) m.validatorDstAddress = r.string();
      else if (t === tag(3, LEN)) m.amount = r.string();
      else return false;
      return true;
    });
    return m;
  },
  fromPartial: (o: Partial<RedelegationSlash>): RedelegationSlash => ({
    delegatorAddress: o.delegatorAddress ?? '',
    validatorDstAddress: o.validatorDstAddress ?? '',
    amount: o.amount ?? '',
  }),
};

export interface SlashedStake {
  burned: string;
  fromValidator: string;
  fromUnbondingDelegations: UnbondingSlash[];
  fromRedelegations: RedelegationSlash[];
}

export const SlashedStake = {
  encode(m: SlashedStake, w: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (m.burned !== '') w.uint32(tag(1, LEN)).string(m.burned);
    if (m.fromValidator !== '') w.uint32(tag(2, LEN)).string(m.fromValidator);
    for (const u of m.fromUnbondingDelegations) UnbondingSlash.encode(u, w.uint32(tag(3, LEN)).fork()).ldelim();
    for (const d of m.fromRedelegations) RedelegationSlash.encode(d, w.uint32(tag(4, LEN)).fork()).ldelim();
    return w;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): SlashedStake {
    const m = SlashedStake.fromPartial({});
    readFields(input, length, (r, t) => {
      if (t === tag(1, LEN)) m.burned = r.string();
      else if (t === tag(2, LEN)) m.fromValidator = r.string();
      else if (t === tag(3, LEN)) m.fromUnbondingDelegations.push(UnbondingSlash.decode(r, r.uint32()));
      else if (t === tag(4, LEN)) m.fromRedelegations.push(RedelegationSlash.decode(r, r.uint32()));
      else return false;
      return true;
    });
    return m;
  },
  fromPartial: (o: Partial<SlashedStake>): SlashedStake => ({
    burned: o.burned ?? '',
    fromValidator: o.fromValidator ?? '',
    fromUnbondingDelegations: (o.fromUnbondingDelegations ?? []).map(UnbondingSlash.fromPartial),
    fromRedelegations: (o.fromRedelegations ?? []).map(RedelegationSlash.fromPartial),
  }),
};

export interface Trial {
  id: bigint;
  evidenceHash: Uint8Array;
  kind: InfractionKind;
  source: EvidenceSource;
  submitter: string;
  validatorAddress: string;
  consensusAddress: string;
  infractionHeight: bigint;
  infractionTime: Timestamp;
  distributionHeight: bigint;
  power: bigint;
  slashFraction: string;
  verdict: Verdict;
  slashed: SlashedStake;
  jailedUntil: Timestamp;
  judgedHeight: bigint;
  judgedTime: Timestamp;
}

export const Trial = {
  typeUrl: '/zonekit.court.v1.Trial',
  encode(m: Trial, w: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (m.id !== 0n) w.uint32(tag(1, VARINT)).uint64(m.id);
    if (m.evidenceHash.length > 0) w.uint32(tag(2, LEN)).bytes(m.evidenceHash);
    if (m.kind !== 0) w.uint32(tag(3, VARINT)).int32(m.kind);
    if (m.source !== 0) w.uint32(tag(4, VARINT)).int32(m.source);
    if (m.submitter !== '') w.uint32(tag(5, LEN)).string(m.submitter);
    if (m.validatorAddress !== '') w.uint32(tag(6, LEN)).string(m.validatorAddress);
    if (m.consensusAddress !== '') w.uint32(tag(7, LEN)).string(m.consensusAddress);
    if (m.infractionHeight !== 0n) w.uint32(tag(8, VARINT)).int64(m.infractionHeight);
    Timestamp.encode(m.infractionTime, w.uint32(tag(9, LEN)).fork()).ldelim();
    if (m.distributionHeight !== 0n) w.uint32(tag(10, VARINT)).int64(m.distributionHeight);
    if (m.power !== 0n) w.uint32(tag(11, VARINT)).int64(m.power);
    if (m.slashFraction !== '') w.uint32(tag(12, LEN)).string(m.slashFraction);
    if (m.verdict !== 0) w.uint32(tag(13, VARINT)).int32(m.verdict);
    SlashedStake.encode(m.slashed, w.uint32(tag(14, LEN)).fork()).ldelim();
    Timestamp.encode(m.jailedUntil, w.uint32(tag(15, LEN)).fork()).ldelim();
    if (m.judgedHeight !== 0n) w.uint32(tag(16, VARINT)).int64(m.judgedHeight);
    Timestamp.encode(m.judgedTime, w.uint32(tag(17, LEN)).fork()).ldelim();
    return w;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): Trial {
    const m = Trial.fromPartial({});
    readFields(input, length, (r, t) => {
      switch (t) {
        case tag(1, VARINT): m.id = r.uint64(); break;
        case tag(2, LEN): m.evidenceHash = r.bytes(); break;
        case tag(3, VARINT): m.kind = r.int32(); break;
        case tag(4, VARINT): m.source = r.int32(); break;
        case tag(5, LEN): m.submitter = r.string(); break;
        case tag(6, LEN): m.validatorAddress = r.string(); break;
        case tag(7, LEN): m.consensusAddress = r.string(); break;
        case tag(8, VARINT): m.infractionHeight = r.int64(); break;
        case tag(9, LEN): m.infractionTime = Timestamp.decode(r, r.uint32()); break;
        case tag(10, VARINT): m.distributionHeight = r.int64(); break;
        case tag(11, VARINT): m.power = r.int64(); break;
        case tag(12, LEN): m.slashFraction = r.string(); break;
        case tag(13, VARINT): m.verdict = r.int32(); break;
        case tag(14, LEN): m.slashed = SlashedStake.decode(r, r.uint32()); break;
        case tag(15, LEN): m.jailedUntil = Timestamp.decode(r, r.uint32()); break;
        case tag(16, VARINT): m.judgedHeight = r.int64(); break;
        case tag(17, LEN): m.judgedTime = Timestamp.decode(r, r.uint32()); break;
        default: return false;
      }
      return true;
    });
    return m;
  },
  fromPartial: (o: Partial<Trial>): Trial => ({
    id: o.id ?? 0n,
    evidenceHash: o.evidenceHash ?? new Uint8Array(),
    kind: o.kind ?? InfractionKind.INFRACTION_KIND_UNSPECIFIED,
    source: o.source ?? EvidenceSource.EVIDENCE_SOURCE_UNSPECIFIED,
    submitter: o.submitter ?? '',
    validatorAddress: o.validatorAddress ?? '',
    consensusAddress: o.consensusAddress ?? '',
    infractionHeight: o.infractionHeight ?? 0n,
    infractionTime: Timestamp.fromPartial(o.infractionTime ?? {}),
    distributionHeight: o.distributionHeight ?? 0n,
    power: o.power ?? 0n,
    slashFraction: o.slashFraction ?? '',
    verdict: o.verdict ?? Verdict.VERDICT_UNSPECIFIED,
    slashed: SlashedStake.fromPartial(o.slashed ?? {}),
    jailedUntil: Timestamp.fromPartial(o.jailedUntil ?? {}),
    judgedHeight: o.judgedHeight ?? 0n,
    judgedTime: Timestamp.fromPartial(o.judgedTime ?? {}),
  }),
  /** The fields protobuf JSON writes differently from their values: enum names and times. */
  toJSON: (m: Trial) => ({
    kind: enumName(InfractionKind, m.kind),
    source: enumName(EvidenceSource, m.source),
    verdict: enumName(Verdict, m.verdict),
    infractionTime: timeJson(m.infractionTime),
    jailedUntil: timeJson(m.jailedUntil),
    judgedTime: timeJson(m.judgedTime),
  }),
};

export interface EvidenceParams {
  maxAgeNumBlocks: bigint;
  maxAgeDuration: Duration;
}

export const EvidenceParams = {
  encode(m: EvidenceParams, w: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (m.maxAgeNumBlocks !== 0n) w.uint32(tag(1, VARINT)).int64(m.maxAgeNumBlocks);
    Duration.encode(m.maxAgeDuration, w.uint32(tag(2, LEN)).fork()).ldelim();
    return w;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): EvidenceParams {
    const m = EvidenceParams.fromPartial({});
    readFields(input, length, (r, t) => {
      if (t === tag(1, VARINT)) m.maxAgeNumBlocks = r.int64();
      else if (t === tag(2, LEN)) m.maxAgeDuration = Duration.decode(r, r.uint32());
      else return false;
      return true;
    });
    return m;
  },
  fromPartial: (o: Partial<EvidenceParams>): EvidenceParams => ({ maxAgeNumBlocks: o.maxAgeNumBlocks ?? 0n, maxAgeDuration: Duration.fromPartial(o.maxAgeDuration ?? {}) }),
};

export interface QueryTrialRequest {
  id: bigint;
}

export const QueryTrialRequest = {
  encode(m: QueryTrialRequest, w: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (m.id !== 0n) w.uint32(tag(1, VARINT)).uint64(m.id);
    return w;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): QueryTrialRequest {
    const m = { id: 0n };
    readFields(input, length, (r, t) => {
      if (t !== tag(1, VARINT)) return false;
      m.id = r.uint64();
      return true;
    });
    return m;
  },
  fromPartial: (o: Partial<QueryTrialRequest>): QueryTrialRequest => ({ id: o.id ?? 0n }),
};

export interface QueryTrialResponse {
  trial?: Trial;
}

export const QueryTrialResponse = {
  encode(m: QueryTrialResponse, w: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (m.trial !== undefined) Trial.encode(m.trial, w.uint32(tag(1, LEN)).fork()).ldelim();
    return w;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): QueryTrialResponse {
    const m: QueryTrialResponse = {};
    readFields(input, length, (r, t) => {
      if (t !== tag(1, LEN)) return false;
      m.trial = Trial.decode(r, r.uint32());
      return true;
    });
    return m;
  },
  fromPartial: (o: Partial<QueryTrialResponse>): QueryTrialResponse => (o.trial === undefined ? {} : { trial: Trial.fromPartial(o.trial) }),
  toJSON: (m: QueryTrialResponse) => ({ trial: m.trial === undefined ? undefined : Trial.toJSON(m.trial) }),
};

export interface QueryTrialsRequest {
  validator: string;
  pagination?: PageRequest;
}

export const QueryTrialsRequest = {
  encode(m: QueryTrialsRequest, w: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (m.validator !== '') w.uint32(tag(1, LEN)).string(m.validator);
    if (m.pagination !== undefined) PageRequest.encode(m.pagination, w.uint32(tag(2, LEN)).fork()).ldelim();
    return w;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): QueryTrialsRequest {
    const m: QueryTrialsRequest = { validator: '' };
    readFields(input, length, (r, t) => {
      if (t === tag(1, LEN)) m.validator = r.string();
      else if (t === tag(2, LEN)) m.pagination = PageRequest.decode(r, r.uint32());
      else return false;
      return true;
    });
    return m;
  },
  fromPartial: (o: Partial<QueryTrialsRequest>): QueryTrialsRequest => ({
    validator: o.validator ?? '',
    ...(o.pagination !== undefined ? { pagination: PageRequest.fromPartial(o.pagination) } : {}),
  }),
};

export interface QueryTrialsResponse {
  trials: Trial[];
  pagination?: PageResponse;
}

export const QueryTrialsResponse = {
  encode(m: QueryTrialsResponse, w: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    for (const trial of m.trials) Trial.encode(trial, w.uint32(tag(1, LEN)).fork()).ldelim();
    if (m.pagination !== undefined) PageResponse.encode(m.pagination, w.uint32(tag(2, LEN)).fork()).ldelim();
    return w;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): QueryTrialsResponse {
    const m: QueryTrialsResponse = { trials: [] };
    readFields(input, length, (r, t) => {
      if (t === tag(1, LEN)) m.trials.push(Trial.decode(r, r.uint32()));
      else if (t === tag(2, LEN)) m.pagination = PageResponse.decode(r, r.uint32());
      else return false;
      return true;
    });
    return m;
  },
  fromPartial: (o: Partial<QueryTrialsResponse>): QueryTrialsResponse => ({
    trials: (o.trials ?? []).map(Trial.fromPartial),
    ...(o.pagination !== undefined ? { pagination: PageResponse.fromPartial(o.pagination) } : {}),
  }),
  toJSON: (m: QueryTrialsResponse) => ({ trials: m.trials.map(Trial.toJSON) }),
};

export type QueryCourtParamsRequest = Record<string, never>;

export const QueryCourtParamsRequest = {
  encode: (_: QueryCourtParamsRequest, w: BinaryWriter = BinaryWriter.create()): BinaryWriter => w,
  decode(input: BinaryReader | Uint8Array, length?: number): QueryCourtParamsRequest {
    readFields(input, length, () => false);
    return {};
  },
  fromPartial: (): QueryCourtParamsRequest => ({}),
};

export interface QueryCourtParamsResponse {
  slashing?: SlashingParams;
  evidence?: EvidenceParams;
}

export const QueryCourtParamsResponse = {
  encode(m: QueryCourtParamsResponse, w: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (m.slashing !== undefined) SlashingParams.encode(m.slashing, w.uint32(tag(1, LEN)).fork()).ldelim();
    if (m.evidence !== undefined) EvidenceParams.encode(m.evidence, w.uint32(tag(2, LEN)).fork()).ldelim();
    return w;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): QueryCourtParamsResponse {
    const m: QueryCourtParamsResponse = {};
    readFields(input, length, (r, t) => {
      if (t === tag(1, LEN)) m.slashing = SlashingParams.decode(r, r.uint32());
      else if (t === tag(2, LEN)) m.evidence = EvidenceParams.decode(r, r.uint32());
      else return false;
      return true;
    });
    return m;
  },
  fromPartial: (o: Partial<QueryCourtParamsResponse>): QueryCourtParamsResponse => ({
    ...(o.slashing !== undefined ? { slashing: SlashingParams.fromPartial(o.slashing) } : {}),
    ...(o.evidence !== undefined ? { evidence: EvidenceParams.fromPartial(o.evidence) } : {}),
  }),
};
