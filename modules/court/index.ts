export { courtModule, type CourtModule, type CourtModuleDeps } from './module.js';
export { CourtKeeper } from './keeper.js';
export { MODULE_NAME, STORE_KEY } from './keys.js';
export type { CourtStakingKeeper, CourtValidator, SlashOutcome, VerdictHooks } from './expects.js';
export type { NewForeignTrial } from './foreign-trials.js';
export { DEFAULT_PARAMS, type CourtParams } from './params.js';
export { voteSignBytes } from '../../app/cometbft/canonical.js';
export { DUPLICATE_VOTE_EVIDENCE_TYPE_URL, consAddressOf } from './duplicate-vote.js';
export { QUERY_COURT_PARAMS_PATH, QUERY_FOREIGN_TRIALS_PATH, QUERY_TRIAL_PATH, QUERY_TRIALS_PATH } from './queries.js';
// The generated codecs of proto/zonekit/court/v1 (the query messages under the names they had).
export * from '../../gen/zonekit/court/v1/types.js';
export {
  QueryParamsRequest as QueryCourtParamsRequest,
  QueryParamsResponse as QueryCourtParamsResponse,
  QueryForeignTrialsRequest,
  QueryForeignTrialsResponse,
  QueryTrialRequest,
  QueryTrialResponse,
  QueryTrialsRequest,
  QueryTrialsResponse,
} from '../../gen/zonekit/court/v1/query.js';
export * from './errors.js';
