// x/staking's gRPC-gateway paths. Their JSON differs from the generic writer's in two ways the
// SDK's gogoproto types cause: LegacyDec fields (shares, commission rates) are decimals
// ("1.000000000000000000") where cosmjs-types hold the scaled integer, and the unbonding time
// is a Duration string ("1814400s"). stakingJson does both; the CLI prints the same JSON.
import {
  MsgBeginRedelegate,
  MsgBeginRedelegateResponse,
  MsgCancelUnbondingDelegation,
  MsgCancelUnbondingDelegationResponse,
  MsgCreateValidator,
  MsgCreateValidatorResponse,
  MsgDelegate,
  MsgDelegateResponse,
  MsgEditValidator,
  MsgEditValidatorResponse,
  MsgUndelegate,
  MsgUndelegateResponse,
} from 'cosmjs-types/cosmos/staking/v1beta1/tx';
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
  QueryParamsRequest,
  QueryParamsResponse,
  QueryPoolRequest,
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
import type { DelegationResponse, RedelegationResponse, Validator } from 'cosmjs-types/cosmos/staking/v1beta1/staking';
import { z } from 'zod';
import { decFromProto, decToProto, decToString, parseDec } from '../../app/dec.js';
import { addressParam, pageRequest, paginationQuery, uint64Param, type Json, type JsonCodec, type JsonTypes, type RestRoutes, type RouteInput } from '../../app/rest/index.js';

const Q = '/cosmos.staking.v1beta1.Query';
const P = '/cosmos/staking/v1beta1';

interface ProtoCodec<T> {
  decode(bytes: Uint8Array): T;
  toJSON(message: T): unknown;
}

interface MessageCodec<T> extends ProtoCodec<T> {
  fromJSON(json: any): T;
  encode(message: T): { finish(): Uint8Array };
}

/**
 * `codec` with its LegacyDec fields rewritten as decimals right after decoding: the JSON
 * writer takes strings from `toJSON`, which copies them, so this also reaches messages
 * inside an Any (a MsgCreateValidator in a tx). A message codec also reads that JSON back:
 * `unfix` turns the decimals into protobuf's scaled integers again (tx files, gentxs).
 */
function withDecimals<T>(codec: ProtoCodec<T>, fix: (message: T) => void): JsonCodec;
function withDecimals<T>(codec: MessageCodec<T>, fix: (message: T) => void, unfix: (message: T) => void): JsonCodec;
function withDecimals<T>(codec: ProtoCodec<T> & Partial<MessageCodec<T>>, fix: (message: T) => void, unfix?: (message: T) => void): JsonCodec {
  return {
    decode(bytes) {
      const message = codec.decode(bytes);
      fix(message);
      return message;
    },
    toJSON: (message: T) => codec.toJSON(message),
    ...(unfix && codec.fromJSON && codec.encode
      ? {
          fromJSON(json: unknown) {
            const message = codec.fromJSON!(json);
            unfix(message);
            return message;
          },
          encode: (message: T) => codec.encode!(message),
        }
      : {}),
  };
}

const dec = (proto: string): string => decToString(decFromProto(proto));
const undec = (decimal: string): string => decToProto(parseDec(decimal));

function validatorDecimals(v: Validator): void {
  v.delegatorShares = dec(v.delegatorShares);
  const rates = v.commission.commissionRates;
  rates.rate = dec(rates.rate);
  rates.maxRate = dec(rates.maxRate);
  rates.maxChangeRate = dec(rates.maxChangeRate);
}

function delegationDecimals(d: DelegationResponse): void {
  d.delegation.shares = dec(d.delegation.shares);
}

function redelegationDecimals(r: RedelegationResponse): void {
  for (const entry of r.redelegation.entries) entry.sharesDst = dec(entry.sharesDst);
  for (const entry of r.entries) entry.redelegationEntry.sharesDst = dec(entry.redelegationEntry.sharesDst);
}

/** Go's jsonpb Duration: seconds with 0, 3, 6 or 9 fraction digits, then `s`. */
function durationJson(seconds: string, nanos: number): string {
  if (nanos === 0) return `${seconds}s`;
  let fraction = String(nanos).padStart(9, '0');
  while (fraction.endsWith('000')) fraction = fraction.slice(0, -3);
  return `${seconds}.${fraction}s`;
}

interface ResponseShape {
  codec: JsonCodec;
  /** A change to the written JSON that the codec cannot make. */
  reshape?: (json: { [key: string]: Json }) => void;
}

const RESPONSES: Record<string, ResponseShape> = {
  [`${Q}/Validators`]: { codec: withDecimals(QueryValidatorsResponse, (r) => r.validators.forEach(validatorDecimals)) },
  [`${Q}/Validator`]: { codec: withDecimals(QueryValidatorResponse, (r) => validatorDecimals(r.validator)) },
  [`${Q}/ValidatorDelegations`]: { codec: withDecimals(QueryValidatorDelegationsResponse, (r) => r.delegationResponses.forEach(delegationDecimals)) },
  [`${Q}/ValidatorUnbondingDelegations`]: { codec: QueryValidatorUnbondingDelegationsResponse },
  [`${Q}/Delegation`]: { codec: withDecimals(QueryDelegationResponse, (r) => r.delegationResponse && delegationDecimals(r.delegationResponse)) },
  [`${Q}/UnbondingDelegation`]: { codec: QueryUnbondingDelegationResponse },
  [`${Q}/DelegatorDelegations`]: { codec: withDecimals(QueryDelegatorDelegationsResponse, (r) => r.delegationResponses.forEach(delegationDecimals)) },
  [`${Q}/DelegatorUnbondingDelegations`]: { codec: QueryDelegatorUnbondingDelegationsResponse },
  [`${Q}/Redelegations`]: { codec: withDecimals(QueryRedelegationsResponse, (r) => r.redelegationResponses.forEach(redelegationDecimals)) },
  [`${Q}/DelegatorValidators`]: { codec: withDecimals(QueryDelegatorValidatorsResponse, (r) => r.validators.forEach(validatorDecimals)) },
  [`${Q}/DelegatorValidator`]: { codec: withDecimals(QueryDelegatorValidatorResponse, (r) => validatorDecimals(r.validator)) },
  [`${Q}/HistoricalInfo`]: { codec: withDecimals(QueryHistoricalInfoResponse, (r) => r.hist?.valset.forEach(validatorDecimals)) },
  [`${Q}/Pool`]: { codec: QueryPoolResponse },
  [`${Q}/Params`]: {
    codec: withDecimals(QueryParamsResponse, (r) => (r.params.minCommissionRate = dec(r.params.minCommissionRate))),
    reshape(json) {
      const params = json.params as { unbonding_time: { seconds: string; nanos: number } | string };
      if (typeof params.unbonding_time === 'object') params.unbonding_time = durationJson(params.unbonding_time.seconds, params.unbonding_time.nanos);
    },
  },
};

/** A staking query's response bytes as the SDK's REST JSON (`method`: `/cosmos.staking.v1beta1.Query/Params`). */
export function stakingJson(types: JsonTypes, method: string, bytes: Uint8Array): Json {
  const shape = RESPONSES[method];
  if (shape === undefined) throw new Error(`${method} is not a staking query`);
  const json = types.toJson(shape.codec, shape.codec.decode(bytes)) as { [key: string]: Json };
  shape.reshape?.(json);
  return json;
}

/** The staking messages and their replies, for tx JSON; rates in the messages as decimals. */
export function registerStakingTypes(types: JsonTypes): void {
  types
    .register(
      MsgCreateValidator.typeUrl,
      withDecimals(
        MsgCreateValidator,
        ({ commission }) => {
          commission.rate = dec(commission.rate);
          commission.maxRate = dec(commission.maxRate);
          commission.maxChangeRate = dec(commission.maxChangeRate);
        },
        ({ commission }) => {
          commission.rate = undec(commission.rate);
          commission.maxRate = undec(commission.maxRate);
          commission.maxChangeRate = undec(commission.maxChangeRate);
        },
      ),
    )
    .register(
      MsgEditValidator.typeUrl,
      // Both are nullable in the SDK: unset means "no change" and is written as null.
      withDecimals(
        MsgEditValidator,
        (msg) => {
          const nullable = msg as unknown as { commissionRate: string | null; minSelfDelegation: string | null };
          nullable.commissionRate = msg.commissionRate === '' ? null : dec(msg.commissionRate);
          if (msg.minSelfDelegation === '') nullable.minSelfDelegation = null;
        },
        (msg) => {
          if (msg.commissionRate !== '') msg.commissionRate = undec(msg.commissionRate);
        },
      ),
    )
    .register(MsgDelegate.typeUrl, MsgDelegate)
    .register(MsgUndelegate.typeUrl, MsgUndelegate)
    .register(MsgBeginRedelegate.typeUrl, MsgBeginRedelegate)
    .register(MsgCancelUnbondingDelegation.typeUrl, MsgCancelUnbondingDelegation)
    .register(MsgCreateValidatorResponse.typeUrl, MsgCreateValidatorResponse)
    .register(MsgEditValidatorResponse.typeUrl, MsgEditValidatorResponse)
    .register(MsgDelegateResponse.typeUrl, MsgDelegateResponse)
    .register(MsgUndelegateResponse.typeUrl, MsgUndelegateResponse)
    .register(MsgBeginRedelegateResponse.typeUrl, MsgBeginRedelegateResponse)
    .register(MsgCancelUnbondingDelegationResponse.typeUrl, MsgCancelUnbondingDelegationResponse);
}

// The query checks validator addresses itself (`invalid validator address ...`), so the path
// parameter only documents the form.
const valoper = z.string().describe('a validator operator address (cosmosvaloper1...)');

export function stakingRest(routes: RestRoutes): void {
  registerStakingTypes(routes.types);
  const delegator = addressParam(routes.addressCodec);

  /** A GET path answering one staking query, in stakingJson's shape. */
  const serve = <Pa extends z.ZodType = z.ZodUndefined, Qu extends z.ZodType = z.ZodUndefined>(
    path: string,
    spec: { summary: string; params?: Pa; query?: Qu; method: string; request(input: RouteInput<z.output<Pa>, z.output<Qu>, undefined>): Uint8Array },
  ): void => {
    const method = `${Q}/${spec.method}`;
    routes.get(`${P}${path}`, spec, async (input) => {
      const { value } = await routes.query(method, spec.request(input), input.height);
      return stakingJson(routes.types, method, value);
    });
  };

  serve('/validators', {
    summary: 'Every validator, or those of one status (BOND_STATUS_BONDED, BOND_STATUS_UNBONDING, BOND_STATUS_UNBONDED)',
    query: paginationQuery.extend({ status: z.string().default('').describe('BOND_STATUS_BONDED, BOND_STATUS_UNBONDING or BOND_STATUS_UNBONDED; empty: all') }),
    method: 'Validators',
    request: ({ query }) => QueryValidatorsRequest.encode({ status: query.status, pagination: pageRequest(query) }).finish(),
  });
  serve('/validators/:validator_addr', {
    summary: 'One validator',
    params: z.object({ validator_addr: valoper }),
    method: 'Validator',
    request: ({ params }) => QueryValidatorRequest.encode({ validatorAddr: params.validator_addr }).finish(),
  });
  serve('/validators/:validator_addr/delegations', {
    summary: "A validator's delegations, with their balances",
    params: z.object({ validator_addr: valoper }),
    query: paginationQuery,
    method: 'ValidatorDelegations',
    request: ({ params, query }) => QueryValidatorDelegationsRequest.encode({ validatorAddr: params.validator_addr, pagination: pageRequest(query) }).finish(),
  });
  serve('/validators/:validator_addr/delegations/:delegator_addr', {
    summary: "One delegator's delegation to a validator",
    params: z.object({ validator_addr: valoper, delegator_addr: delegator }),
    method: 'Delegation',
    request: ({ params }) => QueryDelegationRequest.encode({ delegatorAddr: params.delegator_addr, validatorAddr: params.validator_addr }).finish(),
  });
  serve('/validators/:validator_addr/delegations/:delegator_addr/unbonding_delegation', {
    summary: "One delegator's unbonding delegation from a validator",
    params: z.object({ validator_addr: valoper, delegator_addr: delegator }),
    method: 'UnbondingDelegation',
    request: ({ params }) => QueryUnbondingDelegationRequest.encode({ delegatorAddr: params.delegator_addr, validatorAddr: params.validator_addr }).finish(),
  });
  serve('/validators/:validator_addr/unbonding_delegations', {
    summary: "A validator's unbonding delegations",
    params: z.object({ validator_addr: valoper }),
    query: paginationQuery,
    method: 'ValidatorUnbondingDelegations',
    request: ({ params, query }) => QueryValidatorUnbondingDelegationsRequest.encode({ validatorAddr: params.validator_addr, pagination: pageRequest(query) }).finish(),
  });
  serve('/delegations/:delegator_addr', {
    summary: "A delegator's delegations, with their balances",
    params: z.object({ delegator_addr: delegator }),
    query: paginationQuery,
    method: 'DelegatorDelegations',
    request: ({ params, query }) => QueryDelegatorDelegationsRequest.encode({ delegatorAddr: params.delegator_addr, pagination: pageRequest(query) }).finish(),
  });
  serve('/delegators/:delegator_addr/unbonding_delegations', {
    summary: "A delegator's unbonding delegations",
    params: z.object({ delegator_addr: delegator }),
    query: paginationQuery,
    method: 'DelegatorUnbondingDelegations',
    request: ({ params, query }) => QueryDelegatorUnbondingDelegationsRequest.encode({ delegatorAddr: params.delegator_addr, pagination: pageRequest(query) }).finish(),
  });
  serve('/delegators/:delegator_addr/redelegations', {
    summary: "A delegator's redelegations, optionally from one source and to one destination validator",
    params: z.object({ delegator_addr: delegator }),
    query: paginationQuery.extend({ src_validator_addr: z.string().default('').describe('only from this validator'), dst_validator_addr: z.string().default('').describe('only to this validator') }),
    method: 'Redelegations',
    request: ({ params, query }) =>
      QueryRedelegationsRequest.encode({
        delegatorAddr: params.delegator_addr,
        srcValidatorAddr: query.src_validator_addr,
        dstValidatorAddr: query.dst_validator_addr,
        pagination: pageRequest(query),
      }).finish(),
  });
  serve('/delegators/:delegator_addr/validators', {
    summary: 'The validators a delegator delegates to',
    params: z.object({ delegator_addr: delegator }),
    query: paginationQuery,
    method: 'DelegatorValidators',
    request: ({ params, query }) => QueryDelegatorValidatorsRequest.encode({ delegatorAddr: params.delegator_addr, pagination: pageRequest(query) }).finish(),
  });
  serve('/delegators/:delegator_addr/validators/:validator_addr', {
    summary: 'A validator a delegator delegates to',
    params: z.object({ delegator_addr: delegator, validator_addr: valoper }),
    method: 'DelegatorValidator',
    request: ({ params }) => QueryDelegatorValidatorRequest.encode({ delegatorAddr: params.delegator_addr, validatorAddr: params.validator_addr }).finish(),
  });
  serve('/historical_info/:height', {
    summary: 'The header and validator set staking kept for a height (IBC light clients)',
    params: z.object({ height: uint64Param('height') }),
    method: 'HistoricalInfo',
    request: ({ params }) => QueryHistoricalInfoRequest.encode({ height: params.height }).finish(),
  });
  serve('/pool', {
    summary: 'Tokens in the bonded and not-bonded pools',
    method: 'Pool',
    request: () => QueryPoolRequest.encode({}).finish(),
  });
  serve('/params', {
    summary: 'The staking params (unbonding time, bond denom, ...)',
    method: 'Params',
    request: () => QueryParamsRequest.encode({}).finish(),
  });
}
