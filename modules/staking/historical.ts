// HistoricalInfo: the header and bonded validator set of each of the last
// `historical_entries` heights. IBC light clients of this zone on other chains (and the
// court, checking evidence signatures) ask what the validator set was at a past height.
import { HistoricalInfo } from 'cosmjs-types/cosmos/staking/v1beta1/staking';
import { Header } from 'cosmjs-types/tendermint/types/types';
import type { Context } from '../../app/context.js';
import type { StakingKeeper } from './keeper.js';
import { validatorFromProto, validatorToProto, consensusPower } from './validator.js';

export function trackHistoricalInfo(k: StakingKeeper, ctx: Context): void {
  const entries = BigInt(k.params(ctx).historicalEntries);
  const history = k.store.c.historicalInfo;
  // Usually one entry falls out per block; after the parameter shrinks, several do.
  for (let h = ctx.blockHeight - entries; h > 0n; h--) {
    if (!history.has(ctx, h)) break;
    history.remove(ctx, h);
  }
  if (entries === 0n) return;
  const comet = ctx.header.comet;
  const header = Header.fromPartial({
    chainId: ctx.chainId,
    height: ctx.blockHeight,
    time: ctx.header.time,
    appHash: comet?.lastAppHash ?? new Uint8Array(),
    nextValidatorsHash: comet?.nextValidatorsHash ?? new Uint8Array(),
    proposerAddress: comet?.proposerAddress ?? new Uint8Array(),
  });
  const powers = k.store.lastValidatorPowers(ctx);
  const valset = [...powers.keys()]
    .map((operator) => k.store.getValidator(ctx, operator)!)
    .sort((a, b) => (a.tokens === b.tokens ? (a.operator < b.operator ? -1 : 1) : a.tokens > b.tokens ? -1 : 1))
    .map(validatorToProto);
  history.set(ctx, ctx.blockHeight, { header, valset });
}

export function getHistoricalInfo(k: StakingKeeper, ctx: Context, height: bigint): HistoricalInfo | undefined {
  return k.store.c.historicalInfo.get(ctx, height);
}

export function historicalValidatorSet(k: StakingKeeper, ctx: Context, height: bigint): Array<{ consPubKey: Uint8Array; power: bigint }> | undefined {
  const info = getHistoricalInfo(k, ctx, height);
  return info?.valset.map((p) => {
    const v = validatorFromProto(p);
    return { consPubKey: v.consPubKey, power: consensusPower(v.tokens, k.powerReduction) };
  });
}
