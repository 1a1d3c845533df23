// The court's parameters: x/slashing's five (liveness window, jail time, slash fractions)
// and the evidence age limits CometBFT's evidence params carry, which the court applies to
// evidence it is shown. Decimals are LegacyDec; in x/slashing's protobuf Params they are
// bytes holding the scaled integer's digits, as gogoproto's customtype writes them.
import type { Duration } from 'cosmjs-types/google/protobuf/duration';
import type { Params as SlashingParams } from 'cosmjs-types/cosmos/slashing/v1beta1/slashing';
import { DEC_ONE, decFromProto, decToProto, decToString, parseDec, type Dec } from '../../app/dec.js';
import { durationToString, parseDuration } from '../../app/time.js';
import type { EvidenceParams } from '../../gen/zonekit/court/v1/types.js';

export interface CourtParams {
  signedBlocksWindow: bigint;
  minSignedPerWindow: Dec;
  downtimeJailDuration: Duration;
  slashFractionDoubleSign: Dec;
  slashFractionDowntime: Dec;
  /** Evidence older than both limits is dismissed (CometBFT's evidence.max_age_*). */
  maxAgeNumBlocks: bigint;
  maxAgeDuration: Duration;
}

/** The SDK's x/slashing defaults and CometBFT's default evidence age. */
export const DEFAULT_PARAMS: Readonly<CourtParams> = Object.freeze({
  signedBlocksWindow: 100n,
  minSignedPerWindow: parseDec('0.5'),
  downtimeJailDuration: { seconds: 600n, nanos: 0 },
  slashFractionDoubleSign: parseDec('0.05'),
  slashFractionDowntime: parseDec('0.01'),
  maxAgeNumBlocks: 100_000n,
  maxAgeDuration: { seconds: 172_800n, nanos: 0 },
});

/** Throws with the first parameter that is out of range, in x/slashing's words. */
export function validateParams(p: CourtParams): void {
  if (p.signedBlocksWindow <= 0n) throw new Error(`signed blocks window must be positive: ${p.signedBlocksWindow}`);
  if (p.minSignedPerWindow < 0n) throw new Error(`min signed per window cannot be negative: ${decToString(p.minSignedPerWindow)}`);
  if (p.minSignedPerWindow > DEC_ONE) throw new Error(`min signed per window too large: ${decToString(p.minSignedPerWindow)}`);
  if (p.downtimeJailDuration.seconds < 0n || (p.downtimeJailDuration.seconds === 0n && p.downtimeJailDuration.nanos <= 0)) {
    throw new Error(`downtime jail duration must be positive: ${durationToString(p.downtimeJailDuration)}`);
  }
  for (const [name, value] of [['double sign', p.slashFractionDoubleSign], ['downtime', p.slashFractionDowntime]] as const) {
    if (value < 0n) throw new Error(`${name} slash fraction cannot be negative: ${decToString(value)}`);
    if (value > DEC_ONE) throw new Error(`${name} slash fraction too large: ${decToString(value)}`);
  }
  if (p.maxAgeNumBlocks <= 0n) throw new Error(`evidence max_age_num_blocks must be positive: ${p.maxAgeNumBlocks}`);
  if (p.maxAgeDuration.seconds < 0n || (p.maxAgeDuration.seconds === 0n && p.maxAgeDuration.nanos <= 0)) {
    throw new Error(`evidence max_age_duration must be positive: ${durationToString(p.maxAgeDuration)}`);
  }
}

/**
 * Blocks a validator must sign per window: LegacyDec.MulInt64(window).RoundInt64(), which
 * rounds half to even (banker's rounding), as x/slashing's MinSignedPerWindow.
 */
export function minSignedBlocks(p: CourtParams): bigint {
  const scaled = p.minSignedPerWindow * p.signedBlocksWindow;
  const quo = scaled / DEC_ONE;
  const rem = scaled % DEC_ONE;
  const half = DEC_ONE / 2n;
  if (rem < half) return quo;
  if (rem > half) return quo + 1n;
  return quo % 2n === 0n ? quo : quo + 1n;
}

const utf8 = new TextEncoder();
const text = new TextDecoder();

const decToBytes = (d: Dec): Uint8Array => utf8.encode(decToProto(d));
const decFromBytes = (b: Uint8Array): Dec => decFromProto(text.decode(b));

export function toSlashingParams(p: CourtParams): SlashingParams {
  return {
    signedBlocksWindow: p.signedBlocksWindow,
    minSignedPerWindow: decToBytes(p.minSignedPerWindow),
    downtimeJailDuration: { ...p.downtimeJailDuration },
    slashFractionDoubleSign: decToBytes(p.slashFractionDoubleSign),
    slashFractionDowntime: decToBytes(p.slashFractionDowntime),
  };
}

/** x/slashing's five, without the evidence age limits. */
export type SlashingPart = Omit<CourtParams, 'maxAgeNumBlocks' | 'maxAgeDuration'>;

/** The evidence age limits. */
export type EvidencePart = Pick<CourtParams, 'maxAgeNumBlocks' | 'maxAgeDuration'>;

// Generated codecs leave an absent message field undefined; gogoproto's non-nullable
// Duration reads as zero, as cosmjs-types' codecs decode it.
const durationOrZero = (d: Duration | undefined): Duration => ({ seconds: d?.seconds ?? 0n, nanos: d?.nanos ?? 0 });

/** From x/slashing's Params as cosmjs-types decodes them, or as nested in the court's generated QueryParamsResponse. */
export function fromSlashingParams(s: Omit<SlashingParams, 'downtimeJailDuration'> & { downtimeJailDuration: Duration | undefined }): SlashingPart {
  return {
    signedBlocksWindow: s.signedBlocksWindow,
    minSignedPerWindow: decFromBytes(s.minSignedPerWindow),
    downtimeJailDuration: durationOrZero(s.downtimeJailDuration),
    slashFractionDoubleSign: decFromBytes(s.slashFractionDoubleSign),
    slashFractionDowntime: decFromBytes(s.slashFractionDowntime),
  };
}

export function evidenceToProto(p: EvidencePart): EvidenceParams {
  return { maxAgeNumBlocks: p.maxAgeNumBlocks, maxAgeDuration: { ...p.maxAgeDuration } };
}

export function evidenceFromProto(e: EvidenceParams): EvidencePart {
  return { maxAgeNumBlocks: e.maxAgeNumBlocks, maxAgeDuration: durationOrZero(e.maxAgeDuration) };
}

/** x/slashing's params as the SDK writes them in genesis and REST (decimals with 18 places, "600s"). */
export interface SlashingParamsJson {
  signed_blocks_window: string;
  min_signed_per_window: string;
  downtime_jail_duration: string;
  slash_fraction_double_sign: string;
  slash_fraction_downtime: string;
}

export interface EvidenceParamsJson {
  max_age_num_blocks: string;
  max_age_duration: string;
}

export function slashingParamsJson(p: SlashingPart): SlashingParamsJson {
  return {
    signed_blocks_window: p.signedBlocksWindow.toString(),
    min_signed_per_window: decToString(p.minSignedPerWindow),
    downtime_jail_duration: durationToString(p.downtimeJailDuration),
    slash_fraction_double_sign: decToString(p.slashFractionDoubleSign),
    slash_fraction_downtime: decToString(p.slashFractionDowntime),
  };
}

export function evidenceParamsJson(p: EvidencePart): EvidenceParamsJson {
  return { max_age_num_blocks: p.maxAgeNumBlocks.toString(), max_age_duration: durationToString(p.maxAgeDuration) };
}

export function paramsFromJson(slashing: SlashingParamsJson, evidence: EvidenceParamsJson): CourtParams {
  return {
    signedBlocksWindow: BigInt(slashing.signed_blocks_window),
    minSignedPerWindow: parseDec(slashing.min_signed_per_window),
    downtimeJailDuration: parseDuration(slashing.downtime_jail_duration),
    slashFractionDoubleSign: parseDec(slashing.slash_fraction_double_sign),
    slashFractionDowntime: parseDec(slashing.slash_fraction_downtime),
    maxAgeNumBlocks: BigInt(evidence.max_age_num_blocks),
    maxAgeDuration: parseDuration(evidence.max_age_duration),
  };
}
