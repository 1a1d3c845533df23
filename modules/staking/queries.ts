// cosmos.staking.v1beta1.Query: what cosmjs's StakingExtension, Keplr, explorers and IBC
// relayers (Params for the unbonding time, HistoricalInfo) ask.
import type { PageRequest, PageResponse } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import {
  QueryDelegationRequest,
  QueryDelegationResponse,
  QueryDelegatorDelegationsRequest,
  QueryDelegatorDelegationsResponse,
  QueryDelegatorUnbondingDelegationsRequest,
  QueryDelegatorUnbondingDelegationsResponse,
  QueryDelegatorValidatorRequest,
  QueryDelegatorValidatorResponse,
  QueryDelegatorValidatorsRequest,
  QueryDelegatorValidatorsResponse,
  QueryHistoricalInfoRequest,
  QueryHistoricalInfoResponse,
  QueryParamsResponse,
  QueryPoolResponse,
  QueryRedelegationsRequest,
  QueryRedelegationsResponse,
  QueryUnbondingDelegationRequest,
  QueryUnbondingDelegationResponse,
  QueryValidatorDelegationsRequest,
  QueryValidatorDelegationsResponse,
  QueryValidatorRequest,
  QueryValidatorResponse,
  QueryValidatorsRequest,
  QueryValidatorsResponse,
  QueryValidatorUnbondingDelegationsRequest,
  QueryValidatorUnbondingDelegationsResponse,
} from 'cosmjs-types/cosmos/staking/v1beta1/query';
import { BondStatus, bondStatusFromJSON, type DelegationResponse, type Redelegation, type RedelegationResponse } from 'cosmjs-types/cosmos/staking/v1beta1/staking';
import type { Context } from '../../app/context.js';
import { CodedError } from '../../app/errors.js';
import { grpcInvalidArgument, grpcNotFound } from '../../app/grpc.js';
import { decodeUint64, encodeUint64 } from '../../app/store/collections/index.js';
import type { QueryHandler } from '../../app/module.js';
import { ErrNoRedelegation } from './errors.js';
import { getHistoricalInfo } from './historical.js';
import { BONDED_POOL, NOT_BONDED_POOL } from './keys.js';
import type { StakingKeeper } from './keeper.js';
import { paramsToProto } from './params.js';
import { delegationToProto, type DelegationState } from './store.js';
import { tokensFromShares, validatorToProto, statusToProto } from './validator.js';

const DEFAULT_LIMIT = 100n;

/** Offset/limit pagination over an in-memory list; `next_key` is the next item's index. */
function page<T>(items: readonly T[], request: PageRequest | undefined): { items: T[]; pagination: PageResponse } {
  const limit = request?.limit && request.limit > 0n ? request.limit : DEFAULT_LIMIT;
  let start = request?.offset ?? 0n;
  if (request?.key && request.key.length === 8) start = decodeUint64(request.key);
  const list = request?.reverse ? [...items].reverse() : items;
  const end = start + limit;
  const slice = list.slice(Number(start), Number(end));
  const nextKey = end < BigInt(list.length) ? encodeUint64(end) : new Uint8Array();
  const total = request?.countTotal || request?.limit === undefined || request.limit === 0n ? BigInt(list.length) : 0n;
  return { items: slice, pagination: { nextKey, total } };
}

function required(value: string, what: string): string {
  if (value === '') throw grpcInvalidArgument(`${what} cannot be empty`);
  return value;
}

export function stakingQueries(k: StakingKeeper): Record<string, QueryHandler> {
  const checkValoper = (address: string): string => {
    required(address, 'validator address');
    try {
      k.valoperCodec.decode(address);
    } catch (err) {
      throw grpcInvalidArgument(`invalid validator address ${address}: ${err instanceof CodedError ? err.message : String(err)}`);
    }
    return address;
  };
  const checkAccount = (address: string): string => {
    required(address, 'delegator address');
    try {
      k.accounts.addressCodec.decode(address);
    } catch (err) {
      throw grpcInvalidArgument(`invalid delegator address ${address}: ${err instanceof CodedError ? err.message : String(err)}`);
    }
    return address;
  };
  const validator = (ctx: Context, operator: string) => {
    const v = k.store.getValidator(ctx, checkValoper(operator));
    if (v === undefined) throw grpcNotFound(`validator ${operator} not found`);
    return v;
  };
  const delegationResponse = (ctx: Context, d: DelegationState): DelegationResponse => {
    const v = k.store.getValidator(ctx, d.operator);
    const balance = v === undefined ? 0n : tokensFromShares(v, d.shares);
    return { delegation: delegationToProto(d), balance: { denom: k.bondDenom(ctx), amount: balance.toString() } };
  };
  const redelegationResponse = (ctx: Context, red: Redelegation): RedelegationResponse => {
    const dst = k.store.getValidator(ctx, red.validatorDstAddress);
    return {
      redelegation: red,
      entries: red.entries.map((entry) => ({
        redelegationEntry: entry,
        balance: (dst === undefined ? 0n : tokensFromShares(dst, BigInt(entry.sharesDst))).toString(),
      })),
    };
  };

  return {
    '/cosmos.staking.v1beta1.Query/Validators': (ctx, data) => {
      const req = QueryValidatorsRequest.decode(data);
      let all = k.store.allValidators(ctx);
      if (req.status !== '') {
        const status = bondStatusFromJSON(req.status);
        if (status === BondStatus.UNRECOGNIZED || status === BondStatus.BOND_STATUS_UNSPECIFIED) throw grpcInvalidArgument(`invalid validator status ${req.status}`);
        all = all.filter((v) => statusToProto(v.status) === status);
      }
      const { items, pagination } = page(all, req.pagination);
      return QueryValidatorsResponse.encode({ validators: items.map(validatorToProto), pagination }).finish();
    },
    '/cosmos.staking.v1beta1.Query/Validator': (ctx, data) => {
      const req = QueryValidatorRequest.decode(data);
      return QueryValidatorResponse.encode({ validator: validatorToProto(validator(ctx, req.validatorAddr)) }).finish();
    },
    '/cosmos.staking.v1beta1.Query/ValidatorDelegations': (ctx, data) => {
      const req = QueryValidatorDelegationsRequest.decode(data);
      checkValoper(req.validatorAddr);
      const { items, pagination } = page(k.store.delegationsTo(ctx, req.validatorAddr), req.pagination);
      return QueryValidatorDelegationsResponse.encode({ delegationResponses: items.map((d) => delegationResponse(ctx, d)), pagination }).finish();
    },
    '/cosmos.staking.v1beta1.Query/ValidatorUnbondingDelegations': (ctx, data) => {
      const req = QueryValidatorUnbondingDelegationsRequest.decode(data);
      checkValoper(req.validatorAddr);
      const { items, pagination } = page(k.store.unbondingDelegationsFrom(ctx, req.validatorAddr), req.pagination);
      return QueryValidatorUnbondingDelegationsResponse.encode({ unbondingResponses: items, pagination }).finish();
    },
    '/cosmos.staking.v1beta1.Query/Delegation': (ctx, data) => {
      const req = QueryDelegationRequest.decode(data);
      const d = k.store.getDelegation(ctx, checkAccount(req.delegatorAddr), checkValoper(req.validatorAddr));
      if (d === undefined) throw grpcNotFound(`delegation with delegator ${req.delegatorAddr} not found for validator ${req.validatorAddr}`);
      return QueryDelegationResponse.encode({ delegationResponse: delegationResponse(ctx, d) }).finish();
    },
    '/cosmos.staking.v1beta1.Query/UnbondingDelegation': (ctx, data) => {
      const req = QueryUnbondingDelegationRequest.decode(data);
      const ubd = k.store.getUnbondingDelegation(ctx, checkAccount(req.delegatorAddr), checkValoper(req.validatorAddr));
      if (ubd === undefined) throw grpcNotFound(`unbonding delegation with delegator ${req.delegatorAddr} not found for validator ${req.validatorAddr}`);
      return QueryUnbondingDelegationResponse.encode({ unbond: ubd }).finish();
    },
    '/cosmos.staking.v1beta1.Query/DelegatorDelegations': (ctx, data) => {
      const req = QueryDelegatorDelegationsRequest.decode(data);
      const { items, pagination } = page(k.store.delegationsOf(ctx, checkAccount(req.delegatorAddr)), req.pagination);
      return QueryDelegatorDelegationsResponse.encode({ delegationResponses: items.map((d) => delegationResponse(ctx, d)), pagination }).finish();
    },
    '/cosmos.staking.v1beta1.Query/DelegatorUnbondingDelegations': (ctx, data) => {
      const req = QueryDelegatorUnbondingDelegationsRequest.decode(data);
      const { items, pagination } = page(k.store.unbondingDelegationsOf(ctx, checkAccount(req.delegatorAddr)), req.pagination);
      return QueryDelegatorUnbondingDelegationsResponse.encode({ unbondingResponses: items, pagination }).finish();
    },
    '/cosmos.staking.v1beta1.Query/Redelegations': (ctx, data) => {
      const req = QueryRedelegationsRequest.decode(data);
      let list: Redelegation[];
      if (req.delegatorAddr !== '') {
        list = k.store.redelegationsOf(ctx, checkAccount(req.delegatorAddr));
        if (req.srcValidatorAddr !== '') list = list.filter((r) => r.validatorSrcAddress === req.srcValidatorAddr);
        if (req.dstValidatorAddr !== '') list = list.filter((r) => r.validatorDstAddress === req.dstValidatorAddr);
        // One redelegation asked by all three addresses: missing is an error, as in the SDK.
        if (list.length === 0 && req.srcValidatorAddr !== '' && req.dstValidatorAddr !== '') {
          throw ErrNoRedelegation.wrap(`redelegation not found for delegator address ${req.delegatorAddr} from validator address ${req.srcValidatorAddr}`);
        }
      } else if (req.srcValidatorAddr !== '') {
        list = k.store.redelegationsFrom(ctx, checkValoper(req.srcValidatorAddr));
      } else {
        list = k.store.allRedelegations(ctx);
      }
      const { items, pagination } = page(list, req.pagination);
      return QueryRedelegationsResponse.encode({ redelegationResponses: items.map((r) => redelegationResponse(ctx, r)), pagination }).finish();
    },
    '/cosmos.staking.v1beta1.Query/DelegatorValidators': (ctx, data) => {
      const req = QueryDelegatorValidatorsRequest.decode(data);
      const validators = k.store.delegationsOf(ctx, checkAccount(req.delegatorAddr)).map((d) => validatorToProto(validator(ctx, d.operator)));
      const { items, pagination } = page(validators, req.pagination);
      return QueryDelegatorValidatorsResponse.encode({ validators: items, pagination }).finish();
    },
    '/cosmos.staking.v1beta1.Query/DelegatorValidator': (ctx, data) => {
      const req = QueryDelegatorValidatorRequest.decode(data);
      const d = k.store.getDelegation(ctx, checkAccount(req.delegatorAddr), checkValoper(req.validatorAddr));
      if (d === undefined) throw grpcNotFound(`delegation with delegator ${req.delegatorAddr} not found for validator ${req.validatorAddr}`);
      return QueryDelegatorValidatorResponse.encode({ validator: validatorToProto(validator(ctx, req.validatorAddr)) }).finish();
    },
    '/cosmos.staking.v1beta1.Query/HistoricalInfo': (ctx, data) => {
      const req = QueryHistoricalInfoRequest.decode(data);
      if (req.height < 0n) throw grpcInvalidArgument('height cannot be negative');
      const hist = getHistoricalInfo(k, ctx, req.height);
      if (hist === undefined) throw grpcNotFound(`historical info for height ${req.height} not found`);
      return QueryHistoricalInfoResponse.encode({ hist }).finish();
    },
    '/cosmos.staking.v1beta1.Query/Pool': (ctx) => {
      const pool = { bondedTokens: k.poolBalance(ctx, BONDED_POOL).toString(), notBondedTokens: k.poolBalance(ctx, NOT_BONDED_POOL).toString() };
      return QueryPoolResponse.encode({ pool }).finish();
    },
    '/cosmos.staking.v1beta1.Query/Params': (ctx) => QueryParamsResponse.encode({ params: paramsToProto(k.params(ctx)) }).finish(),
  };
}
