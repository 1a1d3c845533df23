// CometBFT's consensus params live in app state, as x/consensus keeps them: block limits
// are needed after a restart (PrepareProposal gets no params), and every node must agree.
import { ConsensusParams } from 'cosmjs-types/tendermint/types/params';
import type { KVStore, ReadonlyKVStore } from './store/index.js';

/** x/consensus's collections key for the params (prefix 0). */
const PARAMS_KEY = Uint8Array.of(0x00);

export function loadConsensusParams(store: ReadonlyKVStore): ConsensusParams | undefined {
  const bytes = store.get(PARAMS_KEY);
  return bytes === undefined ? undefined : ConsensusParams.decode(bytes);
}

export function saveConsensusParams(store: KVStore, params: ConsensusParams): void {
  store.set(PARAMS_KEY, ConsensusParams.encode(params).finish());
}

/** The block gas limit; undefined when unlimited (CometBFT's -1). */
export function maxBlockGas(params: ConsensusParams | undefined): bigint | undefined {
  const maxGas = params?.block?.maxGas;
  return maxGas === undefined || maxGas < 0n ? undefined : maxGas;
}

/**
 * Whether the block at `height` follows a height whose precommits carried vote extensions
 * (CometBFT extends votes from `abci.vote_extensions_enable_height` on; 0 is never), so its
 * proposer has them in PrepareProposal: the SDK's `height > enable height != 0`.
 */
export function proposalHasVoteExtensions(params: ConsensusParams | undefined, height: bigint): boolean {
  const enableHeight = params?.abci?.voteExtensionsEnableHeight ?? 0n;
  return enableHeight > 0n && height > enableHeight;
}
