// BeginBlock: the fees of the previous block go to the validators that were in its commit, by
// voting power, as the SDK v0.50's AllocateTokens (no proposer bonus): the community tax and
// every rounding remainder to the community pool, each validator's share split into its
// commission and its delegators' rewards per share.
import type { VoteInfo } from 'cosmjs-types/tendermint/abci/types';
import { FEE_COLLECTOR_NAME } from '../../app/ante/index.js';
import type { Context } from '../../app/context.js';
import { DEC_ONE } from '../../app/dec.js';
import { ErrLogic } from '../../app/errors.js';
import { addDecCoins, decCoinsFromCoins, decCoinsToString, mulDecRound, mulDecTruncate, subDecCoins, type DecCoins } from './dec-coins.js';
import type { DistributionValidator } from './expects.js';
import type { DistributionKeeper } from './keeper.js';
import { MODULE_ACCOUNT } from './keys.js';
import { PER_SHARE_ONE } from './rewards-per-share.js';

/** The SDK's BeginBlocker: no commit to reward before height 2. */
export function beginBlock(keeper: DistributionKeeper, ctx: Context): void {
  const comet = ctx.header.comet;
  if (comet === undefined || ctx.blockHeight <= 1n) return;
  allocateTokens(keeper, ctx, comet.decidedLastCommit.votes);
}

export function allocateTokens(keeper: DistributionKeeper, ctx: Context, votes: readonly VoteInfo[]): void {
  const feeCollector = keeper.accounts.getModuleAddress(FEE_COLLECTOR_NAME);
  if (feeCollector === undefined) throw ErrLogic.wrap(`module account ${FEE_COLLECTOR_NAME} is not registered`);
  const fees = keeper.bank.getAllBalances(ctx, feeCollector);
  // Unlike the SDK, an empty block writes nothing and emits no zero-amount events.
  if (fees.length === 0) return;
  keeper.bank.sendCoinsFromModuleToModule(ctx, FEE_COLLECTOR_NAME, MODULE_ACCOUNT, fees);
  const collected = decCoinsFromCoins(fees);

  const totalPower = votes.reduce((sum, vote) => sum + (vote.validator?.power ?? 0n), 0n);
  if (totalPower <= 0n) {
    keeper.addToCommunityPool(ctx, collected);
    return;
  }
  const forValidators = mulDecTruncate(collected, DEC_ONE - keeper.params(ctx).communityTax);
  let remaining = collected;
  for (const vote of votes) {
    const power = vote.validator?.power ?? 0n;
    const validator = vote.validator && keeper.staking.validatorByConsAddr(ctx, vote.validator.address);
    // A validator staking no longer knows leaves its share to the community pool.
    if (!validator || power <= 0n) continue;
    const reward = mulDecTruncate(forValidators, (power * DEC_ONE) / totalPower);
    remaining = subDecCoins(remaining, allocateTokensToValidator(keeper, ctx, validator, reward));
  }
  keeper.addToCommunityPool(ctx, remaining);
}

/**
 * Splits `reward` into the validator's commission (rounded half to even, as LegacyDec.Mul) and
 * its delegators' part, added to its rewards per share. Returns what it allocated: all of
 * `reward`, less the delegators' part when the validator has no shares or tokens to spread it
 * over (the SDK sends that to the community pool too).
 */
export function allocateTokensToValidator(keeper: DistributionKeeper, ctx: Context, validator: DistributionValidator, reward: DecCoins): DecCoins {
  const address = keeper.valoperCodec.decode(validator.operator);
  keeper.ensureValidator(ctx, address);
  const commission = mulDecRound(reward, validator.commissionRate);
  const delegators = subDecCoins(reward, commission);
  ctx.events.emit('commission', ['amount', decCoinsToString(commission)], ['validator', validator.operator]);
  keeper.setCommission(ctx, address, addDecCoins(keeper.commission(ctx, address), commission));

  const spread = validator.delegatorShares > 0n && validator.tokens > 0n;
  if (spread) {
    // Truncated per share: the delegators together are owed at most `delegators`; the rest is dust.
    const increment = delegators.map(({ denom, amount }) => ({ denom, amount: (amount * PER_SHARE_ONE) / validator.delegatorShares }));
    keeper.setRewardsPerShare(ctx, address, addDecCoins(keeper.rewardsPerShare(ctx, address), increment));
  }
  const allocated = spread ? reward : commission;
  ctx.events.emit('rewards', ['amount', decCoinsToString(reward)], ['validator', validator.operator]);
  keeper.setOutstanding(ctx, address, addDecCoins(keeper.outstanding(ctx, address), allocated));
  return allocated;
}
