// x/distribution's gRPC-gateway paths (the SDK's query.proto `google.api.http` rules).
import {
  QueryCommunityPoolRequest,
  QueryCommunityPoolResponse,
  QueryDelegationRewardsRequest,
  QueryDelegationRewardsResponse,
  QueryDelegationTotalRewardsRequest,
  QueryDelegationTotalRewardsResponse,
  QueryDelegatorValidatorsRequest,
  QueryDelegatorValidatorsResponse,
  QueryDelegatorWithdrawAddressRequest,
  QueryDelegatorWithdrawAddressResponse,
  QueryParamsRequest,
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
import {
  MsgFundCommunityPool,
  MsgFundCommunityPoolResponse,
  MsgSetWithdrawAddress,
  MsgSetWithdrawAddressResponse,
  MsgWithdrawDelegatorReward,
  MsgWithdrawDelegatorRewardResponse,
  MsgWithdrawValidatorCommission,
  MsgWithdrawValidatorCommissionResponse,
} from 'cosmjs-types/cosmos/distribution/v1beta1/tx';
import { z } from 'zod';
import type { AddressCodec } from '../../app/address-codec.js';
import { CodedError } from '../../app/errors.js';
import { addressParam, pageRequest, paginationQuery, uint64Param, type RestRoutes } from '../../app/rest/index.js';
import { withDecimalText } from './rest-json.js';

/** A validator operator address (`cosmosvaloper1...`). */
function valoperParam(codec: AddressCodec) {
  return z
    .string()
    .describe(`a bech32 validator operator address (${codec.prefix}1...)`)
    .superRefine((address, ctx) => {
      try {
        codec.decode(address);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `invalid validator address: ${err instanceof CodedError ? err.message : String(err)}` });
      }
    });
}

const ROOT = '/cosmos/distribution/v1beta1';
const METHOD = '/cosmos.distribution.v1beta1.Query';

export function distributionRest(valoperCodec: AddressCodec) {
  return (routes: RestRoutes): void => {
    for (const type of [
      MsgSetWithdrawAddress,
      MsgSetWithdrawAddressResponse,
      MsgWithdrawDelegatorReward,
      MsgWithdrawDelegatorRewardResponse,
      MsgWithdrawValidatorCommission,
      MsgWithdrawValidatorCommissionResponse,
      MsgFundCommunityPool,
      MsgFundCommunityPoolResponse,
    ]) routes.types.register(type.typeUrl, type);
    const validator = z.object({ validator_address: valoperParam(valoperCodec) });
    const delegator = z.object({ delegator_address: addressParam(routes.addressCodec) });
    const delegation = z.object({ delegator_address: addressParam(routes.addressCodec), validator_address: valoperParam(valoperCodec) });

    routes.gateway(`${ROOT}/params`, {
      summary: 'The distribution params (community tax, whether withdraw addresses may be set)',
      method: `${METHOD}/Params`,
      request: () => QueryParamsRequest.encode({}).finish(),
      response: withDecimalText(QueryParamsResponse),
    });
    routes.gateway(`${ROOT}/validators/:validator_address`, {
      summary: "A validator's commission and the rewards of its self-delegation",
      params: validator,
      method: `${METHOD}/ValidatorDistributionInfo`,
      request: ({ params }) => QueryValidatorDistributionInfoRequest.encode({ validatorAddress: params.validator_address }).finish(),
      response: withDecimalText(QueryValidatorDistributionInfoResponse),
    });
    routes.gateway(`${ROOT}/validators/:validator_address/outstanding_rewards`, {
      summary: "A validator's rewards not yet withdrawn: its commission, its delegators' rewards and their rounding dust",
      params: validator,
      method: `${METHOD}/ValidatorOutstandingRewards`,
      request: ({ params }) => QueryValidatorOutstandingRewardsRequest.encode({ validatorAddress: params.validator_address }).finish(),
      response: withDecimalText(QueryValidatorOutstandingRewardsResponse),
    });
    routes.gateway(`${ROOT}/validators/:validator_address/commission`, {
      summary: "A validator's accumulated commission",
      params: validator,
      method: `${METHOD}/ValidatorCommission`,
      request: ({ params }) => QueryValidatorCommissionRequest.encode({ validatorAddress: params.validator_address }).finish(),
      response: withDecimalText(QueryValidatorCommissionResponse),
    });
    routes.gateway(`${ROOT}/validators/:validator_address/slashes`, {
      summary: "A validator's slash events (always empty: rewards are kept per share, which slashes do not change)",
      params: validator,
      query: paginationQuery.extend({ starting_height: uint64Param('starting_height').optional(), ending_height: uint64Param('ending_height').optional() }),
      method: `${METHOD}/ValidatorSlashes`,
      request: ({ params, query }) =>
        QueryValidatorSlashesRequest.encode({
          validatorAddress: params.validator_address,
          startingHeight: query.starting_height ?? 0n,
          endingHeight: query.ending_height ?? 0n,
          pagination: pageRequest(query),
        }).finish(),
      response: withDecimalText(QueryValidatorSlashesResponse),
    });
    routes.gateway(`${ROOT}/delegators/:delegator_address/rewards/:validator_address`, {
      summary: "A delegation's rewards so far (before truncation to whole units)",
      params: delegation,
      method: `${METHOD}/DelegationRewards`,
      request: ({ params }) => QueryDelegationRewardsRequest.encode({ delegatorAddress: params.delegator_address, validatorAddress: params.validator_address }).finish(),
      response: withDecimalText(QueryDelegationRewardsResponse),
    });
    routes.gateway(`${ROOT}/delegators/:delegator_address/rewards`, {
      summary: "A delegator's rewards from each of its validators, and their total",
      params: delegator,
      method: `${METHOD}/DelegationTotalRewards`,
      request: ({ params }) => QueryDelegationTotalRewardsRequest.encode({ delegatorAddress: params.delegator_address }).finish(),
      response: withDecimalText(QueryDelegationTotalRewardsResponse),
    });
    routes.gateway(`${ROOT}/delegators/:delegator_address/validators`, {
      summary: 'The validators a delegator delegates to',
      params: delegator,
      method: `${METHOD}/DelegatorValidators`,
      request: ({ params }) => QueryDelegatorValidatorsRequest.encode({ delegatorAddress: params.delegator_address }).finish(),
      response: QueryDelegatorValidatorsResponse,
    });
    routes.gateway(`${ROOT}/delegators/:delegator_address/withdraw_address`, {
      summary: "Where a delegator's rewards are paid (itself unless it set another address)",
      params: delegator,
      method: `${METHOD}/DelegatorWithdrawAddress`,
      request: ({ params }) => QueryDelegatorWithdrawAddressRequest.encode({ delegatorAddress: params.delegator_address }).finish(),
      response: QueryDelegatorWithdrawAddressResponse,
    });
    routes.gateway(`${ROOT}/community_pool`, {
      summary: 'The community pool',
      method: `${METHOD}/CommunityPool`,
      request: () => QueryCommunityPoolRequest.encode({}).finish(),
      response: withDecimalText(QueryCommunityPoolResponse),
    });
  };
}
