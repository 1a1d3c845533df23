// The court's gRPC-gateway paths: x/slashing's (params, signing infos) where simd serves
// them, and the trial record under /zonekit/court/v1. Params are written as the SDK's
// gateway writes them (decimals with 18 places, "600s"), not as their protobuf bytes.
import { MsgSubmitEvidence, MsgSubmitEvidenceResponse } from 'cosmjs-types/cosmos/evidence/v1beta1/tx';
import {
  QueryParamsRequest,
  QueryParamsResponse,
  QuerySigningInfoRequest,
  QuerySigningInfoResponse,
  QuerySigningInfosRequest,
  QuerySigningInfosResponse,
} from 'cosmjs-types/cosmos/slashing/v1beta1/query';
import { MsgUnjail, MsgUnjailResponse } from 'cosmjs-types/cosmos/slashing/v1beta1/tx';
import { DuplicateVoteEvidence } from 'cosmjs-types/tendermint/types/evidence';
import { z } from 'zod';
import { pageRequest, paginationQuery, uint64Param, type JsonCodec, type RestRoutes } from '../../app/rest/index.js';
import {
  QueryParamsRequest as QueryCourtParamsRequest,
  QueryParamsResponse as QueryCourtParamsResponse,
  QueryTrialRequest,
  QueryTrialResponse,
  QueryTrialsRequest,
  QueryTrialsResponse,
} from '../../gen/zonekit/court/v1/query.js';
import { DUPLICATE_VOTE_EVIDENCE_TYPE_URL } from './duplicate-vote.js';
import { evidenceFromProto, evidenceParamsJson, fromSlashingParams, slashingParamsJson } from './params.js';
import { QUERY_COURT_PARAMS_PATH, QUERY_TRIAL_PATH, QUERY_TRIALS_PATH, SLASHING_QUERY } from './queries.js';

const slashingParamsResponse: JsonCodec = {
  decode(bytes) {
    const { params } = QueryParamsResponse.decode(bytes);
    return { params: slashingParamsJson(fromSlashingParams(params)) };
  },
};

const courtParamsResponse: JsonCodec = {
  decode(bytes) {
    const { slashing, evidence } = QueryCourtParamsResponse.decode(bytes);
    return {
      slashing: slashing === undefined ? null : slashingParamsJson(fromSlashingParams(slashing)),
      evidence: evidence === undefined ? null : evidenceParamsJson(evidenceFromProto(evidence)),
    };
  },
};

export function courtRest(routes: RestRoutes): void {
  routes.types
    .register(MsgUnjail.typeUrl, MsgUnjail)
    .register(MsgUnjailResponse.typeUrl, MsgUnjailResponse)
    .register(MsgSubmitEvidence.typeUrl, MsgSubmitEvidence)
    .register(MsgSubmitEvidenceResponse.typeUrl, MsgSubmitEvidenceResponse)
    .register(DUPLICATE_VOTE_EVIDENCE_TYPE_URL, DuplicateVoteEvidence);

  routes.gateway('/cosmos/slashing/v1beta1/params', {
    summary: 'The slashing params: signed blocks window, minimum signed share, jail time, slash fractions',
    method: SLASHING_QUERY.params,
    request: () => QueryParamsRequest.encode({}).finish(),
    response: slashingParamsResponse,
  });
  routes.gateway('/cosmos/slashing/v1beta1/signing_infos', {
    summary: "Every validator's signing info (liveness record)",
    query: paginationQuery,
    method: SLASHING_QUERY.signingInfos,
    request: ({ query }) => QuerySigningInfosRequest.encode({ pagination: pageRequest(query) }).finish(),
    response: QuerySigningInfosResponse,
  });
  routes.gateway('/cosmos/slashing/v1beta1/signing_infos/:cons_address', {
    summary: "A validator's signing info by its consensus address (valcons)",
    params: z.object({ cons_address: z.string() }),
    method: SLASHING_QUERY.signingInfo,
    request: ({ params }) => QuerySigningInfoRequest.encode({ consAddress: params.cons_address }).finish(),
    response: QuerySigningInfoResponse,
  });
  routes.gateway('/zonekit/court/v1/trials', {
    summary: "The court's trials by id, optionally of one validator (valoper or valcons)",
    query: paginationQuery.extend({ validator: z.string().default('') }),
    method: QUERY_TRIALS_PATH,
    request: ({ query }) => QueryTrialsRequest.encode({ validator: query.validator, pagination: pageRequest(query) }).finish(),
    response: QueryTrialsResponse,
  });
  routes.gateway('/zonekit/court/v1/trials/:id', {
    summary: 'One trial: the evidence, the validator, the verdict and what was slashed',
    params: z.object({ id: uint64Param('id') }),
    method: QUERY_TRIAL_PATH,
    request: ({ params }) => QueryTrialRequest.encode({ id: params.id }).finish(),
    response: QueryTrialResponse,
  });
  routes.gateway('/zonekit/court/v1/params', {
    summary: 'The slashing params and the evidence age limits',
    method: QUERY_COURT_PARAMS_PATH,
    request: () => QueryCourtParamsRequest.encode({}).finish(),
    response: courtParamsResponse,
  });
}
