// The 07-tendermint light client as 02-client drives it (ibc-go's tendermint ClientState
// methods). Every check runs before the first write, so a failed message leaves the client
// store as it was.
import type { Any } from 'cosmjs-types/google/protobuf/any';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import type { ClientState } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import type { Context } from '../../../app/context.js';
import type { KVStore } from '../../../app/store/index.js';
import { ErrClientNotFound, ErrConsensusStateNotFound, ErrInvalidConsensus } from '../../core/02-client/errors.js';
import { blockTimeNanos, formatHeight, isZeroHeight, ZERO_HEIGHT } from '../../core/02-client/height.js';
import type { ClientStatus, LightClient } from '../../core/02-client/light-client.js';
import { FROZEN_HEIGHT, isExpired, validateClientState } from './client-state.js';
import { CLIENT_STATE_TYPE_URL, CONSENSUS_STATE_TYPE_URL, unpackClientMessage, unpackClientState, unpackConsensusState, type ClientMessage } from './codec.js';
import { validateConsensusState } from './consensus-state.js';
import { validateHeaderBasic, type ValidHeader } from './header.js';
import { verifyMembership, verifyNonMembership } from './membership.js';
import { headerIsMisbehaviour, misbehaviourIsProven, validateMisbehaviourBasic, verifyMisbehaviour, type ValidMisbehaviour } from './misbehaviour.js';
import {
  getClientState,
  getClientStateAny,
  getConsensusState,
  getConsensusStateAny,
  setClientState,
  setConsensusMetadata,
  setConsensusState,
} from './store.js';
import { timestampNanos } from './time.js';
import { updateState, verifyHeader } from './update.js';

export const CLIENT_TYPE = '07-tendermint';

type Validated = { kind: 'header'; header: ValidHeader } | { kind: 'misbehaviour'; misbehaviour: ValidMisbehaviour };

// 02-client hands the same message to verifyClientMessage, checkForMisbehaviour and
// updateState in turn; its decoded, hashed form is kept for the later two. Keyed by the
// Any and checked against its bytes, so a different message is never mistaken for it.
const validated = new WeakMap<Any, { value: Uint8Array; result: Validated }>();

/**
 * ibc-go runs a client message's ValidateBasic in MsgUpdateClient.ValidateBasic; 02-client
 * here does not know the message types, so the light client runs it first.
 */
function validateBasic(clientMessage: Any): Validated {
  const cached = validated.get(clientMessage);
  if (cached !== undefined && cached.value === clientMessage.value) return cached.result;
  const message: ClientMessage = unpackClientMessage(clientMessage);
  const result: Validated =
    message.kind === 'header'
      ? { kind: 'header', header: validateHeaderBasic(message.header) }
      : { kind: 'misbehaviour', misbehaviour: validateMisbehaviourBasic(message.misbehaviour) };
  validated.set(clientMessage, { value: clientMessage.value, result });
  return result;
}

function requireClientState(store: KVStore): ClientState {
  const cs = getClientState(store);
  if (cs === undefined) throw ErrClientNotFound.wrap('no 07-tendermint client state in this client store');
  return cs;
}

export const tendermintLightClient: LightClient = {
  clientType: CLIENT_TYPE,

  isClientState: (clientState: Any) => clientState.typeUrl === CLIENT_STATE_TYPE_URL,

  initialize(ctx: Context, store: KVStore, clientStateAny: Any, consensusStateAny: Any): void {
    const cs = unpackClientState(clientStateAny);
    validateClientState(cs);
    if (consensusStateAny.typeUrl !== CONSENSUS_STATE_TYPE_URL) {
      throw ErrInvalidConsensus.wrap(`invalid initial consensus state. expected type: ${CONSENSUS_STATE_TYPE_URL}, got: ${consensusStateAny.typeUrl}`);
    }
    const consensusState = unpackConsensusState(consensusStateAny);
    validateConsensusState(consensusState);
    setClientState(store, cs);
    setConsensusState(store, consensusState, cs.latestHeight);
    setConsensusMetadata(ctx, store, cs.latestHeight);
  },

  clientState: (store: KVStore) => getClientStateAny(store),

  consensusState: (store: KVStore, height: Height) => getConsensusStateAny(store, height),

  latestHeight: (store: KVStore) => getClientState(store)?.latestHeight ?? ZERO_HEIGHT,

  /** Frozen outranks Expired (a frozen client expires too); no consensus state at the latest height means Expired. */
  status(ctx: Context, store: KVStore): ClientStatus {
    const cs = getClientState(store);
    if (cs === undefined) return 'Unknown';
    if (!isZeroHeight(cs.frozenHeight)) return 'Frozen';
    const latest = getConsensusState(store, cs.latestHeight);
    if (latest === undefined) return 'Expired';
    return isExpired(cs, timestampNanos(latest.timestamp), blockTimeNanos(ctx)) ? 'Expired' : 'Active';
  },

  timestampAtHeight(_ctx: Context, store: KVStore, height: Height): bigint {
    const consensusState = getConsensusState(store, height);
    if (consensusState === undefined) throw ErrConsensusStateNotFound.wrap(`height (${formatHeight(height)})`);
    return timestampNanos(consensusState.timestamp);
  },

  verifyClientMessage(ctx: Context, store: KVStore, clientMessage: Any): void {
    const message = validateBasic(clientMessage);
    const cs = requireClientState(store);
    if (message.kind === 'header') verifyHeader(ctx, store, cs, message.header);
    else verifyMisbehaviour(ctx, store, cs, message.misbehaviour);
  },

  checkForMisbehaviour(_ctx: Context, store: KVStore, clientMessage: Any): boolean {
    const message = validateBasic(clientMessage);
    return message.kind === 'header' ? headerIsMisbehaviour(store, message.header) : misbehaviourIsProven(message.misbehaviour);
  },

  updateStateOnMisbehaviour(_ctx: Context, store: KVStore): void {
    setClientState(store, { ...requireClientState(store), frozenHeight: FROZEN_HEIGHT });
  },

  updateState(ctx: Context, store: KVStore, clientMessage: Any): Height[] {
    const message = validateBasic(clientMessage);
    if (message.kind !== 'header') return [];
    return updateState(ctx, store, requireClientState(store), message.header);
  },

  verifyMembership(ctx, store, height, delayTimePeriod, delayBlockPeriod, proof, path, value): void {
    verifyMembership(ctx, store, requireClientState(store), height, delayTimePeriod, delayBlockPeriod, proof, path, value);
  },

  verifyNonMembership(ctx, store, height, delayTimePeriod, delayBlockPeriod, proof, path): void {
    verifyNonMembership(ctx, store, requireClientState(store), height, delayTimePeriod, delayBlockPeriod, proof, path);
  },
};
