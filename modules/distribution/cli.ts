// `zonekit tx distribution ...` and `zonekit query distribution ...`, as simd names them.
import { fromBech32, toBech32 } from '@cosmjs/encoding';
import { MsgFundCommunityPool, MsgSetWithdrawAddress, MsgWithdrawDelegatorReward, MsgWithdrawValidatorCommission } from 'cosmjs-types/cosmos/distribution/v1beta1/tx';
import {
  QueryCommunityPoolRequest,
  QueryCommunityPoolResponse,
  QueryDelegationRewardsRequest,
  QueryDelegationRewardsResponse,
  QueryDelegationTotalRewardsRequest,
  QueryDelegationTotalRewardsResponse,
  QueryDelegatorValidatorsRequest,
  QueryDelegatorValidatorsResponse,
  QueryParamsRequest,
  QueryParamsResponse,
  QueryValidatorCommissionRequest,
  QueryValidatorCommissionResponse,
  QueryValidatorOutstandingRewardsRequest,
  QueryValidatorOutstandingRewardsResponse,
} from 'cosmjs-types/cosmos/distribution/v1beta1/query';
import type { CliCommand, CliContext, EncodedMsg, ModuleCli } from '../../app/cli-types.js';
import type { CoinProto } from '../../app/coins.js';
import { decFromProto, decToString } from '../../app/dec.js';

const BECH32_LIMIT = 90;
const QUERY = '/cosmos.distribution.v1beta1.Query';

/** DecCoins as simd prints them: decimal text amounts. */
const decimal = (coins: readonly CoinProto[]) => coins.map(({ denom, amount }) => ({ denom, amount: decToString(decFromProto(amount)) }));
const lines = (coins: ReadonlyArray<{ denom: string; amount: string }>) => (coins.length === 0 ? '(none)' : coins.map((c) => `${c.amount}${c.denom}`).join('\n'));

function requireFrom(from: unknown): string {
  if (typeof from !== 'string') throw new Error('--from <key_or_address> is required: the account that signs');
  return from;
}

/** The operator address of the account `address` (same bytes, `<prefix>valoper`). */
function valoperOf(address: string): string {
  const { prefix, data } = fromBech32(address, BECH32_LIMIT);
  return toBech32(`${prefix}valoper`, data, BECH32_LIMIT);
}

function checkValoper(address: string): string {
  let prefix: string;
  try {
    prefix = fromBech32(address, BECH32_LIMIT).prefix;
  } catch (err) {
    throw new Error(`invalid validator address ${JSON.stringify(address)}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!prefix.endsWith('valoper')) throw new Error(`${address} is not a validator operator address: expected a ...valoper1... address, e.g. cosmosvaloper1...`);
  return address;
}

/** A `...valoper1...` address as it is, or a key name / account address as the validator that account operates (as `tx staking delegate` reads it). */
async function validatorArg(ctx: CliContext, arg: string): Promise<string> {
  return /^[a-z0-9]+valoper1/.test(arg) ? checkValoper(arg) : valoperOf(await ctx.address(arg));
}

const withdrawReward = (delegatorAddress: string, validatorAddress: string): EncodedMsg => ({
  typeUrl: MsgWithdrawDelegatorReward.typeUrl,
  value: MsgWithdrawDelegatorReward.encode({ delegatorAddress, validatorAddress }).finish(),
});

async function delegatorValidators(ctx: CliContext, delegatorAddress: string): Promise<string[]> {
  const response = await ctx.query(`${QUERY}/DelegatorValidators`, QueryDelegatorValidatorsRequest.encode({ delegatorAddress }).finish());
  return QueryDelegatorValidatorsResponse.decode(response).validators;
}

const tx: CliCommand[] = [
  {
    usage: 'withdraw-rewards <validator>',
    description: "withdraw --from's rewards from one validator (and, with --commission, that validator's commission: --from must be its operator)",
    options: [{ flags: '--commission', description: "also withdraw the validator's commission" }],
    async run(ctx, [validator], { from, commission }) {
      const signer = requireFrom(from);
      const delegator = await ctx.address(signer);
      const operator = await validatorArg(ctx, validator!);
      const msgs = [withdrawReward(delegator, operator)];
      if (commission === true) {
        if (valoperOf(delegator) !== operator) throw new Error(`--commission: ${delegator} is not the operator of ${operator}; only ${operator}'s own account may withdraw its commission`);
        msgs.push({ typeUrl: MsgWithdrawValidatorCommission.typeUrl, value: MsgWithdrawValidatorCommission.encode({ validatorAddress: operator }).finish() });
      }
      await ctx.submit(signer, msgs);
    },
  },
  {
    usage: 'withdraw-all-rewards',
    description: "withdraw --from's rewards from every validator it delegates to, in one tx",
    async run(ctx, _args, { from }) {
      const signer = requireFrom(from);
      const delegator = await ctx.address(signer);
      const validators = await delegatorValidators(ctx, delegator);
      if (validators.length === 0) throw new Error(`${delegator} has no delegations, so no rewards to withdraw`);
      await ctx.submit(signer, validators.map((v) => withdrawReward(delegator, v)));
    },
  },
  {
    usage: 'set-withdraw-addr <withdraw_address>',
    description: "pay --from's future rewards (and commission, for an operator) to another address",
    async run(ctx, [withdraw], { from }) {
      const signer = requireFrom(from);
      const msg = MsgSetWithdrawAddress.fromPartial({ delegatorAddress: await ctx.address(signer), withdrawAddress: await ctx.address(withdraw!) });
      await ctx.submit(signer, [{ typeUrl: MsgSetWithdrawAddress.typeUrl, value: MsgSetWithdrawAddress.encode(msg).finish() }]);
    },
  },
  {
    usage: 'fund-community-pool <amount>',
    description: 'give coins from --from to the community pool, e.g. 100uatom',
    async run(ctx, [amount], { from }) {
      const signer = requireFrom(from);
      const msg = MsgFundCommunityPool.fromPartial({ depositor: await ctx.address(signer), amount: ctx.coins(amount!) });
      await ctx.submit(signer, [{ typeUrl: MsgFundCommunityPool.typeUrl, value: MsgFundCommunityPool.encode(msg).finish() }]);
    },
  },
];

const query: CliCommand[] = [
  {
    usage: 'rewards <delegator> [validator]',
    description: "a delegator's rewards from every validator and their total, or from one validator",
    async run(ctx, [delegator, validator]) {
      const delegatorAddress = await ctx.address(delegator!);
      if (validator !== undefined) {
        const request = QueryDelegationRewardsRequest.encode({ delegatorAddress, validatorAddress: await validatorArg(ctx, validator) }).finish();
        const rewards = decimal(QueryDelegationRewardsResponse.decode(await ctx.query(`${QUERY}/DelegationRewards`, request)).rewards);
        ctx.print({ rewards }, () => lines(rewards));
        return;
      }
      const response = QueryDelegationTotalRewardsResponse.decode(await ctx.query(`${QUERY}/DelegationTotalRewards`, QueryDelegationTotalRewardsRequest.encode({ delegatorAddress }).finish()));
      const rewards = response.rewards.map((r) => ({ validator_address: r.validatorAddress, reward: decimal(r.reward) }));
      const total = decimal(response.total);
      ctx.print({ rewards, total }, () => [...rewards.map((r) => `${r.validator_address}: ${r.reward.map((c) => `${c.amount}${c.denom}`).join(', ') || '(none)'}`), `total: ${lines(total).replaceAll('\n', ', ')}`].join('\n'));
    },
  },
  {
    usage: 'commission <validator>',
    description: "a validator's accumulated commission",
    async run(ctx, [validator]) {
      const request = QueryValidatorCommissionRequest.encode({ validatorAddress: await validatorArg(ctx, validator!) }).finish();
      const commission = decimal(QueryValidatorCommissionResponse.decode(await ctx.query(`${QUERY}/ValidatorCommission`, request)).commission?.commission ?? []);
      ctx.print({ commission: { commission } }, () => lines(commission));
    },
  },
  {
    usage: 'validator-outstanding-rewards <validator>',
    description: "a validator's rewards not yet withdrawn (commission, delegators' rewards, rounding dust)",
    async run(ctx, [validator]) {
      const request = QueryValidatorOutstandingRewardsRequest.encode({ validatorAddress: await validatorArg(ctx, validator!) }).finish();
      const rewards = decimal(QueryValidatorOutstandingRewardsResponse.decode(await ctx.query(`${QUERY}/ValidatorOutstandingRewards`, request)).rewards?.rewards ?? []);
      ctx.print({ rewards: { rewards } }, () => lines(rewards));
    },
  },
  {
    usage: 'community-pool',
    description: 'the community pool',
    async run(ctx) {
      const pool = decimal(QueryCommunityPoolResponse.decode(await ctx.query(`${QUERY}/CommunityPool`, QueryCommunityPoolRequest.encode({}).finish())).pool);
      ctx.print({ pool }, () => lines(pool));
    },
  },
  {
    usage: 'params',
    description: 'the distribution params',
    async run(ctx) {
      const { params } = QueryParamsResponse.decode(await ctx.query(`${QUERY}/Params`, QueryParamsRequest.encode({}).finish()));
      const json = {
        community_tax: decToString(decFromProto(params.communityTax)),
        base_proposer_reward: decToString(decFromProto(params.baseProposerReward)),
        bonus_proposer_reward: decToString(decFromProto(params.bonusProposerReward)),
        withdraw_addr_enabled: params.withdrawAddrEnabled,
      };
      ctx.print(json, () => Object.entries(json).map(([k, v]) => `${k}: ${v}`).join('\n'));
    },
  },
];

export const distributionCli: ModuleCli = { tx, query };
