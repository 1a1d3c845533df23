// The 07-tendermint light client: tracks a CometBFT chain by its signed headers and verifies
// ICS-23 proofs of its state.
export { tendermintLightClient, CLIENT_TYPE } from './light-client.js';
export { headerHash, validatorSetHash } from './hash.js';
export { consensusStateFromHeader, validateConsensusState } from './consensus-state.js';
export { DEFAULT_TRUST_LEVEL, FROZEN_HEIGHT, isExpired, validateClientState } from './client-state.js';
export {
  CLIENT_STATE_TYPE_URL,
  CONSENSUS_STATE_TYPE_URL,
  HEADER_TYPE_URL,
  MISBEHAVIOUR_TYPE_URL,
  packClientState,
  packConsensusState,
  packHeader,
  packMisbehaviour,
  unpackClientState,
  unpackConsensusState,
} from './codec.js';
export { headerHeight, validateHeaderBasic } from './header.js';
export { pubKeyAddress } from './validator-set.js';
export * from './errors.js';
export { provenFork, type ProvenFork } from './fork-signers.js';
