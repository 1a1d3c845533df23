// x/distribution genesis: the SDK's JSON shape for params, the community pool, withdraw
// addresses, outstanding rewards and commission; two lists of zonekit's own for the per-share
// records, in place of the SDK's F1 period records (which a zonekit genesis must leave empty).
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { DEC_PRECISION, coinsToString } from '../../app/coins.js';
import { decToString, parseDec } from '../../app/dec.js';
import type { ModuleGenesis } from '../../app/module.js';
import { addDecCoins, amountOfDec, amountsFromJson, amountsToJson, coversDecCoins, truncateDecCoins, type DecCoins } from './dec-coins.js';
import type { DistributionKeeper } from './keeper.js';
import { MODULE_ACCOUNT } from './keys.js';
import { DEFAULT_DISTRIBUTION_PARAMS, validateParams, type DistributionParams } from './params.js';
import { PER_SHARE_PLACES, type DelegationSnapshot } from './rewards-per-share.js';

const Amounts = z.array(z.object({ denom: z.string(), amount: z.string() })).default([]);
const f1Record = (name: string) =>
  z
    .array(z.unknown())
    .max(0, { error: `${name} holds the SDK's F1 period records, which zonekit does not use: export the genesis from a zonekit chain, or leave it empty` })
    .optional();

const defaultParamsJson = {
  community_tax: decToString(DEFAULT_DISTRIBUTION_PARAMS.communityTax),
  base_proposer_reward: decToString(DEFAULT_DISTRIBUTION_PARAMS.baseProposerReward),
  bonus_proposer_reward: decToString(DEFAULT_DISTRIBUTION_PARAMS.bonusProposerReward),
  withdraw_addr_enabled: DEFAULT_DISTRIBUTION_PARAMS.withdrawAddrEnabled,
};

const DistributionGenesisJson = z.object({
  params: z
    .object({
      community_tax: z.string(),
      base_proposer_reward: z.string().default('0'),
      bonus_proposer_reward: z.string().default('0'),
      withdraw_addr_enabled: z.boolean().default(true),
    })
    .default(defaultParamsJson),
  fee_pool: z.object({ community_pool: Amounts }).default({ community_pool: [] }),
  delegator_withdraw_infos: z.array(z.object({ delegator_address: z.string(), withdraw_address: z.string() })).default([]),
  outstanding_rewards: z.array(z.object({ validator_address: z.string(), outstanding_rewards: Amounts })).default([]),
  validator_accumulated_commissions: z
    .array(z.object({ validator_address: z.string(), accumulated: z.object({ commission: Amounts }).default({ commission: [] }) }))
    .default([]),
  validator_rewards_per_share: z.array(z.object({ validator_address: z.string(), rewards_per_share: Amounts })).default([]),
  delegation_reward_snapshots: z
    .array(z.object({ delegator_address: z.string(), validator_address: z.string(), shares: z.string(), rewards_per_share: Amounts }))
    .default([]),
  validator_historical_rewards: f1Record('validator_historical_rewards'),
  validator_current_rewards: f1Record('validator_current_rewards'),
  delegator_starting_infos: f1Record('delegator_starting_infos'),
  validator_slash_events: f1Record('validator_slash_events'),
});

export type DistributionGenesisJson = z.input<typeof DistributionGenesisJson>;

export interface ValidatorRecords {
  validator: Uint8Array;
  outstanding: DecCoins;
  commission: DecCoins;
  rewardsPerShare: DecCoins;
}

export interface DistributionGenesis {
  params: DistributionParams;
  communityPool: DecCoins;
  withdrawAddresses: Array<{ delegator: Uint8Array; withdraw: Uint8Array }>;
  validators: ValidatorRecords[];
  snapshots: Array<{ validator: Uint8Array; delegator: Uint8Array; snapshot: DelegationSnapshot }>;
}

const dec = (list: z.output<typeof Amounts>, what: string) => amountsFromJson(list, DEC_PRECISION, what);
const perShare = (list: z.output<typeof Amounts>, what: string) => amountsFromJson(list, PER_SHARE_PLACES, what);

export function distributionGenesis(keeper: DistributionKeeper): ModuleGenesis<DistributionGenesis> {
  const accounts = keeper.accountCodec;
  const valopers = keeper.valoperCodec;

  function validate(json: unknown): DistributionGenesis {
    const parsed = DistributionGenesisJson.parse(json);
    const params: DistributionParams = {
      communityTax: parseDec(parsed.params.community_tax),
      baseProposerReward: parseDec(parsed.params.base_proposer_reward),
      bonusProposerReward: parseDec(parsed.params.bonus_proposer_reward),
      withdrawAddrEnabled: parsed.params.withdraw_addr_enabled,
    };
    validateParams(params);

    const withdrawn = new Set<string>();
    const withdrawAddresses = parsed.delegator_withdraw_infos.map(({ delegator_address, withdraw_address }) => {
      if (withdrawn.has(delegator_address)) throw new Error(`duplicate withdraw address for delegator ${delegator_address}`);
      withdrawn.add(delegator_address);
      return { delegator: accounts.decode(delegator_address), withdraw: accounts.decode(withdraw_address) };
    });

    // Every validator has an outstanding entry; commission and per-share entries must name one of them.
    const byOperator = new Map<string, ValidatorRecords>();
    for (const { validator_address, outstanding_rewards } of parsed.outstanding_rewards) {
      if (byOperator.has(validator_address)) throw new Error(`duplicate outstanding_rewards for validator ${validator_address}`);
      const what = `outstanding_rewards of ${validator_address}`;
      byOperator.set(validator_address, { validator: valopers.decode(validator_address), outstanding: dec(outstanding_rewards, what), commission: [], rewardsPerShare: [] });
    }
    const records = (operator: string, list: string): ValidatorRecords => {
      const found = byOperator.get(operator);
      if (found === undefined) throw new Error(`${list} names validator ${operator}, which has no outstanding_rewards entry`);
      return found;
    };
    for (const { validator_address, accumulated } of parsed.validator_accumulated_commissions) {
      const entry = records(validator_address, 'validator_accumulated_commissions');
      entry.commission = dec(accumulated.commission, `accumulated commission of ${validator_address}`);
      if (!coversDecCoins(entry.outstanding, entry.commission)) {
        throw new Error(`validator ${validator_address}: accumulated commission exceeds its outstanding rewards`);
      }
    }
    for (const { validator_address, rewards_per_share } of parsed.validator_rewards_per_share) {
      records(validator_address, 'validator_rewards_per_share').rewardsPerShare = perShare(rewards_per_share, `rewards_per_share of ${validator_address}`);
    }

    const seen = new Set<string>();
    const snapshots = parsed.delegation_reward_snapshots.map((entry) => {
      const pair = `${entry.delegator_address}/${entry.validator_address}`;
      if (seen.has(pair)) throw new Error(`duplicate delegation_reward_snapshots entry for ${pair}`);
      seen.add(pair);
      const { validator, rewardsPerShare: current } = records(entry.validator_address, 'delegation_reward_snapshots');
      const rewardsPerShare = perShare(entry.rewards_per_share, `snapshot of ${pair}`);
      const shares = parseDec(entry.shares);
      if (shares <= 0n) throw new Error(`snapshot of ${pair}: shares must be positive, got ${entry.shares}`);
      for (const { denom, amount } of rewardsPerShare) {
        if (amount > amountOfDec(current, denom)) throw new Error(`snapshot of ${pair}: rewards_per_share of ${denom} is ahead of its validator's`);
      }
      return { validator, delegator: accounts.decode(entry.delegator_address), snapshot: { shares, rewardsPerShare } };
    });

    return {
      params,
      communityPool: dec(parsed.fee_pool.community_pool, 'fee_pool.community_pool'),
      withdrawAddresses,
      validators: [...byOperator.values()],
      snapshots,
    };
  }

  return {
    defaults: (): DistributionGenesisJson => ({
      params: defaultParamsJson,
      fee_pool: { community_pool: [] },
      delegator_withdraw_infos: [],
      outstanding_rewards: [],
      validator_accumulated_commissions: [],
      validator_rewards_per_share: [],
      delegation_reward_snapshots: [],
    }),
    validate,
    init(ctx: Context, state: DistributionGenesis): void {
      keeper.setParams(ctx, state.params);
      keeper.setCommunityPool(ctx, state.communityPool);
      for (const { delegator, withdraw } of state.withdrawAddresses) keeper.setWithdrawAddress(ctx, delegator, withdraw);
      let holdings = state.communityPool;
      for (const { validator, outstanding, commission, rewardsPerShare } of state.validators) {
        keeper.setOutstanding(ctx, validator, outstanding);
        keeper.setCommission(ctx, validator, commission);
        keeper.setRewardsPerShare(ctx, validator, rewardsPerShare);
        holdings = addDecCoins(holdings, outstanding);
      }
      for (const { validator, delegator, snapshot } of state.snapshots) keeper.setSnapshot(ctx, validator, delegator, snapshot);
      checkHoldings(keeper, ctx, holdings);
    },
    export(ctx: Context): DistributionGenesisJson {
      const params = keeper.params(ctx);
      const validators = [...keeper.validators(ctx)];
      return {
        params: {
          community_tax: decToString(params.communityTax),
          base_proposer_reward: decToString(params.baseProposerReward),
          bonus_proposer_reward: decToString(params.bonusProposerReward),
          withdraw_addr_enabled: params.withdrawAddrEnabled,
        },
        fee_pool: { community_pool: amountsToJson(keeper.communityPool(ctx), DEC_PRECISION) },
        delegator_withdraw_infos: [...keeper.withdrawAddresses(ctx)].map(({ delegator, withdraw }) => ({
          delegator_address: accounts.encode(delegator),
          withdraw_address: accounts.encode(withdraw),
        })),
        outstanding_rewards: validators.map((v) => ({ validator_address: valopers.encode(v), outstanding_rewards: amountsToJson(keeper.outstanding(ctx, v), DEC_PRECISION) })),
        validator_accumulated_commissions: validators.map((v) => ({
          validator_address: valopers.encode(v),
          accumulated: { commission: amountsToJson(keeper.commission(ctx, v), DEC_PRECISION) },
        })),
        validator_rewards_per_share: validators.map((v) => ({
          validator_address: valopers.encode(v),
          rewards_per_share: amountsToJson(keeper.rewardsPerShare(ctx, v), PER_SHARE_PLACES),
        })),
        delegation_reward_snapshots: [...keeper.snapshots(ctx)].map(({ validator, delegator, snapshot }) => ({
          delegator_address: accounts.encode(delegator),
          validator_address: valopers.encode(validator),
          shares: decToString(snapshot.shares),
          rewards_per_share: amountsToJson(snapshot.rewardsPerShare, PER_SHARE_PLACES),
        })),
      };
    },
  };
}

/**
 * As the SDK's InitGenesis: the module account must hold what the records say it holds. Checked
 * only when they say it holds something, so a fresh chain may list bank after distribution.
 */
function checkHoldings(keeper: DistributionKeeper, ctx: Context, holdings: DecCoins): void {
  const expected = truncateDecCoins(holdings).whole;
  if (expected.length === 0) return;
  const address = keeper.accounts.getModuleAddress(MODULE_ACCOUNT);
  if (address === undefined) throw new Error(`module account ${MODULE_ACCOUNT} is not registered with auth (authModule({ moduleAccounts }))`);
  const balance = keeper.bank.getAllBalances(ctx, address);
  if (coinsToString(balance) !== coinsToString(expected)) {
    throw new Error(`the distribution module account holds ${coinsToString(balance) || 'nothing'}, but its outstanding rewards and community pool add up to ${coinsToString(expected)}`);
  }
}
