// x/slashing's queries (params and signing infos, as cosmjs's slashing extension asks them)
// and the court's own: trials by id, all trials or one validator's, and the params.
import {
  QueryParamsResponse,
  QuerySigningInfoRequest,
  QuerySigningInfoResponse,
  QuerySigningInfosRequest,
  QuerySigningInfosResponse,
} from 'cosmjs-types/cosmos/slashing/v1beta1/query';
import { ValidatorSigningInfo } from 'cosmjs-types/cosmos/slashing/v1beta1/slashing';
import { grpcInvalidArgument, grpcNotFound } from '../../app/grpc.js';
import type { QueryHandler } from '../../app/module.js';
import { paginate } from '../../app/pagination.js';
import { prefixStore } from '../../app/store/index.js';
import { QueryForeignTrialsRequest, QueryForeignTrialsResponse, QueryParamsResponse as QueryCourtParamsResponse, QueryTrialRequest, QueryTrialResponse, QueryTrialsRequest, QueryTrialsResponse } from '../../gen/zonekit/court/v1/query.js';
import { ForeignTrial, Trial } from '../../gen/zonekit/court/v1/types.js';
import type { CourtKeeper } from './keeper.js';
import { SIGNING_INFO_PREFIX, STORE_KEY, readUint64 } from './keys.js';
import { evidenceToProto, toSlashingParams } from './params.js';

export const SLASHING_QUERY = {
  params: '/cosmos.slashing.v1beta1.Query/Params',
  signingInfo: '/cosmos.slashing.v1beta1.Query/SigningInfo',
  signingInfos: '/cosmos.slashing.v1beta1.Query/SigningInfos',
} as const;

// The court's own (zonekit.court.v1.Query, proto/zonekit/court/v1/query.proto).
export const QUERY_TRIAL_PATH = '/zonekit.court.v1.Query/Trial';
export const QUERY_TRIALS_PATH = '/zonekit.court.v1.Query/Trials';
export const QUERY_FOREIGN_TRIALS_PATH = '/zonekit.court.v1.Query/ForeignTrials';
export const QUERY_COURT_PARAMS_PATH = '/zonekit.court.v1.Query/Params';

function decodeOr(decode: (address: string) => Uint8Array, address: string): Uint8Array | undefined {
  try {
    return decode(address);
  } catch {
    return undefined;
  }
}

export function courtQueries(keeper: CourtKeeper): Record<string, QueryHandler> {
  const { addresses } = keeper;
  return {
    [SLASHING_QUERY.params]: (ctx) => QueryParamsResponse.encode({ params: toSlashingParams(keeper.params(ctx)) }).finish(),
    [SLASHING_QUERY.signingInfo]: (ctx, data) => {
      const { consAddress } = QuerySigningInfoRequest.decode(data);
      if (consAddress === '') throw grpcInvalidArgument('invalid request');
      const bytes = decodeOr((a) => addresses.consensus.decode(a), consAddress);
      if (bytes === undefined) throw grpcInvalidArgument(`invalid consensus address ${consAddress}: expected ${addresses.consensus.prefix}1...`);
      const info = keeper.signingInfos.get(ctx, bytes);
      if (info === undefined) throw grpcNotFound(`SigningInfo not found for validator ${consAddress}`);
      return QuerySigningInfoResponse.encode({ valSigningInfo: info }).finish();
    },
    [SLASHING_QUERY.signingInfos]: (ctx, data) => {
      const { pagination } = QuerySigningInfosRequest.decode(data);
      const info: ValidatorSigningInfo[] = [];
      const page = paginate(prefixStore(ctx.kvStore(STORE_KEY), SIGNING_INFO_PREFIX), pagination, (_key, value) => info.push(ValidatorSigningInfo.decode(value)));
      return QuerySigningInfosResponse.encode({ info, pagination: page }).finish();
    },
    [QUERY_TRIAL_PATH]: (ctx, data) => {
      const { id } = QueryTrialRequest.decode(data);
      if (id === 0n) throw grpcInvalidArgument('trial id must be 1 or more');
      const trial = keeper.trials.get(ctx, id);
      if (trial === undefined) throw grpcNotFound(`trial ${id}`);
      return QueryTrialResponse.encode({ trial }).finish();
    },
    [QUERY_TRIALS_PATH]: (ctx, data) => {
      const { validator, pagination } = QueryTrialsRequest.decode(data);
      const trials: Trial[] = [];
      if (validator === '') {
        const page = paginate(keeper.trials.store(ctx), pagination, (_key, value) => trials.push(Trial.decode(value)));
        return QueryTrialsResponse.encode({ trials, pagination: page }).finish();
      }
      const operator = decodeOr((a) => addresses.operator.decode(a), validator);
      const consensus = operator === undefined ? decodeOr((a) => addresses.consensus.decode(a), validator) : undefined;
      if (operator === undefined && consensus === undefined) {
        throw grpcInvalidArgument(`invalid validator ${validator}: expected a ${addresses.operator.prefix}1... or ${addresses.consensus.prefix}1... address`);
      }
      const index = operator !== undefined ? keeper.trials.indexOf(ctx, 'operator', operator) : keeper.trials.indexOf(ctx, 'consensus', consensus!);
      const page = paginate(index, pagination, (key) => {
        const trial = keeper.trials.get(ctx, readUint64(key));
        if (trial !== undefined) trials.push(trial);
      });
      return QueryTrialsResponse.encode({ trials, pagination: page }).finish();
    },
    [QUERY_FOREIGN_TRIALS_PATH]: (ctx, data) => {
      const { pagination } = QueryForeignTrialsRequest.decode(data);
      const trials: ForeignTrial[] = [];
      const page = paginate(keeper.foreignTrials.store(ctx), pagination, (_key, value) => trials.push(ForeignTrial.decode(value)));
      return QueryForeignTrialsResponse.encode({ trials, pagination: page }).finish();
    },
    [QUERY_COURT_PARAMS_PATH]: (ctx) => {
      const params = keeper.params(ctx);
      return QueryCourtParamsResponse.encode({ slashing: toSlashingParams(params), evidence: evidenceToProto(params) }).finish();
    },
  };
}
