export { courtModule, type CourtModule, type CourtModuleDeps } from './module.js';
export { CourtKeeper } from './keeper.js';
export { MODULE_NAME, STORE_KEY } from './keys.js';
export type { CourtStakingKeeper, CourtValidator, SlashOutcome } from './expects.js';
export { DEFAULT_PARAMS, type CourtParams } from './params.js';
export { voteSignBytes } from '../../app/cometbft/canonical.js';
export { DUPLICATE_VOTE_EVIDENCE_TYPE_URL, consAddressOf } from './duplicate-vote.js';
export * from './codec.js';
export * from './errors.js';
