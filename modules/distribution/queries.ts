// cosmos.distribution.v1beta1.Query, with the SDK's checks and errors. Amounts are DecCoins
// with 18 decimal places: a delegator's reward here is what it would be paid before truncation.
import {
  QueryCommunityPoolResponse,
  QueryDelegationRewardsRequest,
  QueryDelegationRewardsResponse,
  QueryDelegationTotalRewardsRequest,
  QueryDelegationTotalRewardsResponse,
  QueryDelegatorValidatorsRequest,
  QueryDelegatorValidatorsResponse,
  QueryDelegatorWithdrawAddressRequest,
  QueryDelegatorWithdrawAddressResponse,
  QueryParamsResponse,
  QueryValidatorCommissionRequest,
  QueryValidatorCommissionResponse,
  QueryValidatorDistributionInfoRequest,
  QueryValidatorDistributionInfoResponse,
  QueryValidatorOutstandingRewardsRequest,
  QueryValidatorOutstandingRewardsResponse,
  QueryValidatorSlashesRequest,
  QueryValidatorSlashesResponse,
} from 'cosmjs-types/cosmos/distribution/v1beta1/query';
import type { AddressCodec } from '../../app/address-codec.js';
import type { Context } from '../../app/context.js';
import { CodedError } from '../../app/errors.js';
import { grpcInvalidArgument } from '../../app/grpc.js';
import type { QueryHandler } from '../../app/module.js';
import { addDecCoins, decCoinsToProto, type DecCoins } from './dec-coins.js';
import { ErrNoDelegationExists, ErrNoValidatorExists } from './errors.js';
import type { DistributionKeeper } from './keeper.js';
import { paramsToProto } from './params.js';

const SERVICE = '/cosmos.distribution.v1beta1.Query';

function decoded(codec: AddressCodec, value: string, what: string): Uint8Array {
  if (value === '') throw grpcInvalidArgument(`empty ${what} address`);
  try {
    return codec.decode(value);
  } catch (err) {
    throw grpcInvalidArgument(`invalid ${what} address: ${err instanceof CodedError ? err.message : String(err)}`);
  }
}

export function distributionQueries(keeper: DistributionKeeper): Record<string, QueryHandler> {
  /** A validator staking knows, by valoper address; its bytes. */
  const validator = (ctx: Context, operator: string): Uint8Array => {
    const bytes = decoded(keeper.valoperCodec, operator, 'validator');
    if (keeper.staking.validatorByOperator(ctx, operator) === undefined) throw ErrNoValidatorExists.wrap(operator);
    return bytes;
  };
  const delegationRewards = (ctx: Context, delegator: string, operator: string): DecCoins => {
    validator(ctx, operator);
    decoded(keeper.accountCodec, delegator, 'delegator');
    if (keeper.staking.delegation(ctx, delegator, operator) === undefined) throw ErrNoDelegationExists.wrap(`${delegator} has no delegation to ${operator}`);
    return keeper.pendingRewards(ctx, delegator, operator);
  };

  return {
    [`${SERVICE}/Params`]: (ctx) => QueryParamsResponse.encode({ params: paramsToProto(keeper.params(ctx)) }).finish(),

    [`${SERVICE}/ValidatorDistributionInfo`]: (ctx, data) => {
      const { validatorAddress } = QueryValidatorDistributionInfoRequest.decode(data);
      const bytes = validator(ctx, validatorAddress);
      // The operator's own account, as the SDK reports it (its self-delegation's delegator).
      const operatorAccount = keeper.accountCodec.encode(bytes);
      return QueryValidatorDistributionInfoResponse.encode({
        operatorAddress: operatorAccount,
        selfBondRewards: decCoinsToProto(delegationRewards(ctx, operatorAccount, validatorAddress)),
        commission: decCoinsToProto(keeper.commission(ctx, bytes)),
      }).finish();
    },

    [`${SERVICE}/ValidatorOutstandingRewards`]: (ctx, data) => {
      const { validatorAddress } = QueryValidatorOutstandingRewardsRequest.decode(data);
      const rewards = keeper.outstanding(ctx, validator(ctx, validatorAddress));
      return QueryValidatorOutstandingRewardsResponse.encode({ rewards: { rewards: decCoinsToProto(rewards) } }).finish();
    },

    [`${SERVICE}/ValidatorCommission`]: (ctx, data) => {
      const { validatorAddress } = QueryValidatorCommissionRequest.decode(data);
      const commission = keeper.commission(ctx, validator(ctx, validatorAddress));
      return QueryValidatorCommissionResponse.encode({ commission: { commission: decCoinsToProto(commission) } }).finish();
    },

    // Per-share accounting needs no slash events (slashes change tokens, never shares): always empty.
    [`${SERVICE}/ValidatorSlashes`]: (_ctx, data) => {
      const { validatorAddress, startingHeight, endingHeight } = QueryValidatorSlashesRequest.decode(data);
      decoded(keeper.valoperCodec, validatorAddress, 'validator');
      if (endingHeight < startingHeight) throw grpcInvalidArgument(`starting height greater than ending height (${startingHeight} > ${endingHeight})`);
      return QueryValidatorSlashesResponse.encode({ slashes: [], pagination: { nextKey: new Uint8Array(), total: 0n } }).finish();
    },

    [`${SERVICE}/DelegationRewards`]: (ctx, data) => {
      const { delegatorAddress, validatorAddress } = QueryDelegationRewardsRequest.decode(data);
      if (delegatorAddress === '') throw grpcInvalidArgument('empty delegator address');
      return QueryDelegationRewardsResponse.encode({ rewards: decCoinsToProto(delegationRewards(ctx, delegatorAddress, validatorAddress)) }).finish();
    },

    [`${SERVICE}/DelegationTotalRewards`]: (ctx, data) => {
      const { delegatorAddress } = QueryDelegationTotalRewardsRequest.decode(data);
      decoded(keeper.accountCodec, delegatorAddress, 'delegator');
      let total: DecCoins = [];
      const rewards = keeper.staking.delegationsOf(ctx, delegatorAddress).map(({ operator }) => {
        const reward = keeper.pendingRewards(ctx, delegatorAddress, operator);
        total = addDecCoins(total, reward);
        return { validatorAddress: operator, reward: decCoinsToProto(reward) };
      });
      return QueryDelegationTotalRewardsResponse.encode({ rewards, total: decCoinsToProto(total) }).finish();
    },

    [`${SERVICE}/DelegatorValidators`]: (ctx, data) => {
      const { delegatorAddress } = QueryDelegatorValidatorsRequest.decode(data);
      decoded(keeper.accountCodec, delegatorAddress, 'delegator');
      const validators = keeper.staking.delegationsOf(ctx, delegatorAddress).map((d) => d.operator);
      return QueryDelegatorValidatorsResponse.encode({ validators }).finish();
    },

    [`${SERVICE}/DelegatorWithdrawAddress`]: (ctx, data) => {
      const { delegatorAddress } = QueryDelegatorWithdrawAddressRequest.decode(data);
      const withdraw = keeper.withdrawAddress(ctx, decoded(keeper.accountCodec, delegatorAddress, 'delegator'));
      return QueryDelegatorWithdrawAddressResponse.encode({ withdrawAddress: keeper.accountCodec.encode(withdraw) }).finish();
    },

    [`${SERVICE}/CommunityPool`]: (ctx) => QueryCommunityPoolResponse.encode({ pool: decCoinsToProto(keeper.communityPool(ctx)) }).finish(),
  };
}
