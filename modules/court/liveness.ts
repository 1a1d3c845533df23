// Downtime, as x/slashing v0.50 judges it: every block, each validator of the last commit
// either signed or missed; a validator that missed more than the window allows (once it has
// been bonded a whole window) is slashed at the stake it had two blocks back, jailed, and
// its window starts over. Jailed validators are not tracked.
import { createHash } from 'node:crypto';
import type { ValidatorSigningInfo } from 'cosmjs-types/cosmos/slashing/v1beta1/slashing';
import { BlockIDFlag } from 'cosmjs-types/tendermint/types/validator';
import type { Context } from '../../app/context.js';
import { EvidenceSource, InfractionKind, Verdict, type Trial } from '../../gen/zonekit/court/v1/types.js';
import type { CourtKeeper } from './keeper.js';
import { concat, uint64Bytes } from './keys.js';
import { minSignedBlocks, type CourtParams } from './params.js';
import { addDuration } from '../../app/time.js';
import { EPOCH } from './time.js';
import { carryOut } from './verdict.js';

/** A fresh signing info: what the staking hook writes when a validator is first bonded. */
export function newSigningInfo(address: string, startHeight: bigint): ValidatorSigningInfo {
  return { address, startHeight, indexOffset: 0n, jailedUntil: { ...EPOCH }, tombstoned: false, missedBlocksCounter: 0n };
}

/** The downtime verdict's evidence hash: sha256("downtime" | consensus address | height). */
export function downtimeHash(consAddress: Uint8Array, height: bigint): Uint8Array {
  return new Uint8Array(createHash('sha256').update(concat(new TextEncoder().encode('downtime'), consAddress, uint64Bytes(height))).digest());
}

/** Runs the last commit's votes through the liveness check (BeginBlock). */
export function trackLiveness(keeper: CourtKeeper, ctx: Context): Trial[] {
  const votes = ctx.header.comet?.decidedLastCommit.votes ?? [];
  const verdicts: Trial[] = [];
  const params = keeper.params(ctx);
  for (const vote of votes) {
    const trial = handleValidatorSignature(keeper, ctx, params, vote.validator.address, vote.validator.power, vote.blockIdFlag);
    if (trial !== undefined) verdicts.push(trial);
  }
  return verdicts;
}

/** One validator's vote in the last commit; returns the trial when it crossed the line. */
export function handleValidatorSignature(
  keeper: CourtKeeper,
  ctx: Context,
  params: CourtParams,
  consAddress: Uint8Array,
  power: bigint,
  flag: BlockIDFlag,
): Trial | undefined {
  const validator = keeper.staking.validatorByConsAddr(ctx, consAddress);
  // A vote staking does not know is CometBFT's business, not ours: skip rather than halt.
  if (validator === undefined || validator.jailed) return undefined;

  const height = ctx.blockHeight;
  const address = keeper.consAddressString(consAddress);
  // Normally written by the bonded hook; a validator bonded without it starts its window now.
  const info = keeper.signingInfos.get(ctx, consAddress) ?? newSigningInfo(address, height);
  const window = params.signedBlocksWindow;

  const index = info.indexOffset % window;
  info.indexOffset++;
  const previous = keeper.signingInfos.missed(ctx, consAddress, index);
  // A nil vote is a signature: only an absent one is a miss (as the SDK since v0.50).
  const missed = flag === BlockIDFlag.BLOCK_ID_FLAG_ABSENT;
  if (!previous && missed) {
    keeper.signingInfos.setMissed(ctx, consAddress, index, true);
    info.missedBlocksCounter++;
  } else if (previous && !missed) {
    keeper.signingInfos.setMissed(ctx, consAddress, index, false);
    info.missedBlocksCounter--;
  }
  if (missed) {
    ctx.events.emit('liveness', ['address', address], ['missed_blocks', info.missedBlocksCounter.toString()], ['height', height.toString()]);
  }

  const minHeight = info.startHeight + window;
  const maxMissed = window - minSignedBlocks(params);
  let trial: Trial | undefined;
  if (height > minHeight && info.missedBlocksCounter > maxMissed) {
    // The stake that signed: ValidatorUpdateDelay (1) back, and 1 more for the last commit.
    const distributionHeight = height - 2n;
    const jailedUntil = addDuration(ctx.header.time, params.downtimeJailDuration);
    trial = carryOut(keeper, ctx, {
      kind: InfractionKind.INFRACTION_KIND_DOWNTIME,
      source: EvidenceSource.EVIDENCE_SOURCE_COMETBFT,
      evidenceHash: downtimeHash(consAddress, distributionHeight),
      validator,
      infractionHeight: distributionHeight,
      infractionTime: ctx.header.time,
      distributionHeight,
      power,
      fraction: params.slashFractionDowntime,
      verdict: Verdict.VERDICT_SLASHED_AND_JAILED,
      jailedUntil,
    });
    info.jailedUntil = jailedUntil;
    // A fresh window, so the validator is not slashed again the moment it rebonds.
    info.missedBlocksCounter = 0n;
    info.indexOffset = 0n;
    keeper.signingInfos.clearMissed(ctx, consAddress);
  }
  keeper.signingInfos.set(ctx, consAddress, info);
  return trial;
}
