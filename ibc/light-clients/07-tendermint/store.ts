// The client store layout of ibc-go's 07-tendermint (store.go), key for key, so relayers'
// proofs of it and genesis exports line up with simd's:
//   clientState                                  Any(ClientState)
//   consensusStates/{rev}-{height}               Any(ConsensusState)
//   consensusStates/{rev}-{height}/processedTime   big-endian u64 unix nanoseconds
//   consensusStates/{rev}-{height}/processedHeight "{rev}-{height}" of this chain
//   iterateConsensusStates{BE u64 rev}{BE u64 height} → the consensus state key
// The last is an index: ICS-24 keys sort as strings ("1-10" < "1-9"), these by height.
import { Any } from 'cosmjs-types/google/protobuf/any';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import { ClientState, ConsensusState } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import type { Context } from '../../../app/context.js';
import { firstEntry, prefixEnd, prefixIterator, type KVStore, type ReadonlyKVStore } from '../../../app/store/index.js';
import { blockTimeNanos, parseHeight, selfHeight } from '../../core/02-client/height.js';
import { bytesEqual } from '../../../app/tx/address.js';
import { consensusStatePath, KEY_CLIENT_STATE, key } from '../../core/24-host/paths.js';
import { CLIENT_STATE_TYPE_URL, CONSENSUS_STATE_TYPE_URL, packClientState, packConsensusState } from './codec.js';
import { decodeUint64, encodeUint64, pairKey, uint64Key } from '../../../app/store/collections/index.js';
import { concatBytes } from '../../../app/store/encoding.js';

export const KEY_ITERATE_CONSENSUS_STATE_PREFIX = 'iterateConsensusStates';
const ITERATION_PREFIX = key(KEY_ITERATE_CONSENSUS_STATE_PREFIX);
const CLIENT_STATE_KEY = key(KEY_CLIENT_STATE);

export const consensusStateKey = (height: Height): Uint8Array => key(consensusStatePath(height));
export const processedTimeKey = (height: Height): Uint8Array => key(`${consensusStatePath(height)}/processedTime`);
export const processedHeightKey = (height: Height): Uint8Array => key(`${consensusStatePath(height)}/processedHeight`);

/** ibc-go's iteration key: the height as two big-endian uint64s, so keys sort by height. */
const HEIGHT_KEY = pairKey(uint64Key, uint64Key);

export function iterationKey(height: Height): Uint8Array {
  return concatBytes(ITERATION_PREFIX, HEIGHT_KEY.encode([height.revisionNumber, height.revisionHeight]));
}

export function heightFromIterationKey(iterKey: Uint8Array): Height {
  const [[revisionNumber, revisionHeight]] = HEIGHT_KEY.decode(iterKey.subarray(ITERATION_PREFIX.length));
  return { revisionNumber, revisionHeight };
}

function decodeAny<T>(bytes: Uint8Array | undefined, typeUrl: string, decode: (b: Uint8Array) => T): T | undefined {
  if (bytes === undefined || bytes.length === 0) return undefined;
  const any = Any.decode(bytes);
  if (any.typeUrl !== typeUrl) throw new Error(`client store holds ${any.typeUrl} where ${typeUrl} belongs`);
  return decode(any.value);
}

export function getClientStateAny(store: ReadonlyKVStore): Any | undefined {
  const bytes = store.get(CLIENT_STATE_KEY);
  return bytes === undefined ? undefined : Any.decode(bytes);
}

export function getClientState(store: ReadonlyKVStore): ClientState | undefined {
  return decodeAny(store.get(CLIENT_STATE_KEY), CLIENT_STATE_TYPE_URL, (b) => ClientState.decode(b));
}

export function setClientState(store: KVStore, cs: ClientState): void {
  store.set(CLIENT_STATE_KEY, Any.encode(packClientState(cs)).finish());
}

export function getConsensusStateAny(store: ReadonlyKVStore, height: Height): Any | undefined {
  const bytes = store.get(consensusStateKey(height));
  return bytes === undefined || bytes.length === 0 ? undefined : Any.decode(bytes);
}

export function getConsensusState(store: ReadonlyKVStore, height: Height): ConsensusState | undefined {
  return decodeAny(store.get(consensusStateKey(height)), CONSENSUS_STATE_TYPE_URL, (b) => ConsensusState.decode(b));
}

export function setConsensusState(store: KVStore, cs: ConsensusState, height: Height): void {
  store.set(consensusStateKey(height), Any.encode(packConsensusState(cs)).finish());
}

export function getProcessedTime(store: ReadonlyKVStore, height: Height): bigint | undefined {
  const bytes = store.get(processedTimeKey(height));
  if (bytes === undefined || bytes.length !== 8) return undefined;
  return decodeUint64(bytes);
}

export function getProcessedHeight(store: ReadonlyKVStore, height: Height): Height | undefined {
  const bytes = store.get(processedHeightKey(height));
  if (bytes === undefined || bytes.length === 0) return undefined;
  try {
    return parseHeight(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

/** Processed time and height are this chain's block time and height: delay periods count from them. */
export function setConsensusMetadata(ctx: Context, store: KVStore, height: Height): void {
  setConsensusMetadataWithValues(store, height, selfHeight(ctx), blockTimeNanos(ctx));
}

export function setConsensusMetadataWithValues(store: KVStore, height: Height, processedHeight: Height, processedTime: bigint): void {
  store.set(processedTimeKey(height), encodeUint64(processedTime));
  store.set(processedHeightKey(height), key(`${processedHeight.revisionNumber}-${processedHeight.revisionHeight}`));
  store.set(iterationKey(height), consensusStateKey(height));
}

/** Removes a consensus state and its metadata (pruning). */
export function deleteConsensusStateAndMetadata(store: KVStore, height: Height): void {
  store.delete(consensusStateKey(height));
  store.delete(processedTimeKey(height));
  store.delete(processedHeightKey(height));
  store.delete(iterationKey(height));
}

/** The heights of the stored consensus states, lowest first. */
export function* consensusStateHeights(store: ReadonlyKVStore): IterableIterator<Height> {
  for (const [iterKey] of prefixIterator(store, ITERATION_PREFIX)) yield heightFromIterationKey(iterKey);
}

function consensusStateAt(store: ReadonlyKVStore, csKey: Uint8Array): ConsensusState | undefined {
  try {
    return decodeAny(store.get(csKey), CONSENSUS_STATE_TYPE_URL, (b) => ConsensusState.decode(b));
  } catch {
    return undefined;
  }
}

/** The consensus state at the lowest height above `height` (GetNextConsensusState). */
export function getNextConsensusState(store: ReadonlyKVStore, height: Height): ConsensusState | undefined {
  const start = iterationKey(height);
  for (const [iterKey, csKey] of store.iterator(start, prefixEnd(ITERATION_PREFIX))) {
    if (bytesEqual(iterKey, start)) continue;
    return consensusStateAt(store, csKey);
  }
  return undefined;
}

/** The consensus state at the highest height below `height` (GetPreviousConsensusState). */
export function getPreviousConsensusState(store: ReadonlyKVStore, height: Height): ConsensusState | undefined {
  const entry = firstEntry(store.iterator(ITERATION_PREFIX, iterationKey(height), true));
  return entry === undefined ? undefined : consensusStateAt(store, entry[1]);
}
