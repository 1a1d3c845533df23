// Genesis export, as the SDK's ExportAppStateAndValidators: every module's state at a
// committed height, the validator set CometBFT has there and the consensus params, so that a
// new chain can begin at the next height from exactly this state (`zonekit export`).
import { createHash } from 'node:crypto';
import type { ConsensusParams } from 'cosmjs-types/tendermint/types/params';
import type { Duration } from 'cosmjs-types/google/protobuf/duration';
import { CONSENSUS_STORE_KEY } from './app.js';
import type { BaseApp } from './baseapp.js';
import { loadConsensusParams } from './consensus-params.js';
import type { GenesisValidator } from './module.js';

export interface ExportedState {
  /** The committed height exported; the new chain starts at height + 1. */
  height: number;
  appState: Record<string, unknown>;
  validators: GenesisValidator[];
  consensusParams: ConsensusParams | undefined;
}

/** The state at committed `height` (default: the latest). Throws when that height is not committed or was pruned. */
export function exportState(app: BaseApp, height?: number): ExportedState {
  const latest = app.lastCommitId.version;
  if (latest === 0) throw new Error('nothing to export: no block has been committed yet');
  const version = height ?? latest;
  if (!Number.isInteger(version) || version < 1 || version > latest) {
    throw new Error(`cannot export at height ${version}: the committed heights end at ${latest}`);
  }
  let ctx;
  let appState: Record<string, unknown>;
  try {
    ctx = app.committedContext(version);
    appState = app.exportAppState(version);
  } catch (err) {
    throw new Error(`cannot export at height ${version}: ${err instanceof Error ? err.message : String(err)} (pruned? keep more versions with --pruning nothing)`);
  }
  const validators = app.app.modules.flatMap((m) => m.genesis?.exportValidators?.(ctx) ?? []);
  return { height: version, appState, validators, consensusParams: loadConsensusParams(ctx.store.getStore(CONSENSUS_STORE_KEY)) };
}

/** CometBFT's JSON of a validator in genesis.json. */
export function cometValidatorJson(v: GenesisValidator): { address: string; pub_key: { type: string; value: string }; power: string; name: string } {
  const address = createHash('sha256').update(v.pubKey).digest().subarray(0, 20);
  return {
    address: Buffer.from(address).toString('hex').toUpperCase(),
    pub_key: { type: 'tendermint/PubKeyEd25519', value: Buffer.from(v.pubKey).toString('base64') },
    power: v.power.toString(),
    name: v.name,
  };
}

const nanos = (d: Duration | undefined): string => ((d?.seconds ?? 0n) * 1_000_000_000n + BigInt(d?.nanos ?? 0)).toString();

/** CometBFT's JSON of consensus params in genesis.json (int64 as strings, durations in nanoseconds). */
export function cometConsensusParamsJson(p: ConsensusParams): Record<string, unknown> {
  return {
    ...(p.block ? { block: { max_bytes: p.block.maxBytes.toString(), max_gas: p.block.maxGas.toString() } } : {}),
    ...(p.evidence
      ? { evidence: { max_age_num_blocks: p.evidence.maxAgeNumBlocks.toString(), max_age_duration: nanos(p.evidence.maxAgeDuration), max_bytes: p.evidence.maxBytes.toString() } }
      : {}),
    ...(p.validator ? { validator: { pub_key_types: [...p.validator.pubKeyTypes] } } : {}),
    ...(p.version ? { version: { app: p.version.app.toString() } } : {}),
    ...(p.abci ? { abci: { vote_extensions_enable_height: p.abci.voteExtensionsEnableHeight.toString() } } : {}),
  };
}

/**
 * An exported state as a genesis.json that CometBFT and `zonekit start` begin a chain from:
 * `base` (the home's genesis) keeps its chain id and genesis time, as simd's export does.
 */
export function exportedGenesisJson(state: ExportedState, base: { chain_id: string; genesis_time?: unknown; [key: string]: unknown }): Record<string, unknown> {
  return {
    ...base,
    initial_height: String(state.height + 1),
    ...(state.consensusParams ? { consensus_params: cometConsensusParamsJson(state.consensusParams) } : {}),
    validators: state.validators.map(cometValidatorJson),
    app_hash: '',
    app_state: state.appState,
  };
}
