// The 07-tendermint messages as they travel in Anys: type URLs and checked unpacking, so a
// malformed message becomes an IBC error instead of an exception from the decoder.
import { Any } from 'cosmjs-types/google/protobuf/any';
import { ClientState, ConsensusState, Header, Misbehaviour } from 'cosmjs-types/ibc/lightclients/tendermint/v1/tendermint';
import type { CodedError } from '../../../app/errors.js';
import { ErrInvalidClient, ErrInvalidClientType, ErrInvalidConsensus, ErrInvalidHeader, ErrInvalidMisbehaviour } from '../../core/02-client/errors.js';

export const CLIENT_STATE_TYPE_URL = '/ibc.lightclients.tendermint.v1.ClientState';
export const CONSENSUS_STATE_TYPE_URL = '/ibc.lightclients.tendermint.v1.ConsensusState';
export const HEADER_TYPE_URL = '/ibc.lightclients.tendermint.v1.Header';
export const MISBEHAVIOUR_TYPE_URL = '/ibc.lightclients.tendermint.v1.Misbehaviour';

interface Codec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
}

function unpack<T>(any: Any, typeUrl: string, codec: Codec<T>, error: CodedError, what: string): T {
  if (any.typeUrl !== typeUrl) throw ErrInvalidClientType.wrap(`expected ${what} ${typeUrl}, got ${any.typeUrl}`);
  try {
    return codec.decode(any.value);
  } catch (err) {
    throw error.wrap(`cannot decode ${what}: ${(err as Error).message}`);
  }
}

export const packClientState = (cs: ClientState): Any => Any.fromPartial({ typeUrl: CLIENT_STATE_TYPE_URL, value: ClientState.encode(cs).finish() });
export const packConsensusState = (cs: ConsensusState): Any => Any.fromPartial({ typeUrl: CONSENSUS_STATE_TYPE_URL, value: ConsensusState.encode(cs).finish() });
export const packHeader = (h: Header): Any => Any.fromPartial({ typeUrl: HEADER_TYPE_URL, value: Header.encode(h).finish() });
export const packMisbehaviour = (m: Misbehaviour): Any => Any.fromPartial({ typeUrl: MISBEHAVIOUR_TYPE_URL, value: Misbehaviour.encode(m).finish() });

export const unpackClientState = (any: Any): ClientState => unpack(any, CLIENT_STATE_TYPE_URL, ClientState, ErrInvalidClient, 'client state');
export const unpackConsensusState = (any: Any): ConsensusState => unpack(any, CONSENSUS_STATE_TYPE_URL, ConsensusState, ErrInvalidConsensus, 'consensus state');

export type ClientMessage = { kind: 'header'; header: Header } | { kind: 'misbehaviour'; misbehaviour: Misbehaviour };

/** A Header or a Misbehaviour; anything else is ErrInvalidClientType, as ibc-go's VerifyClientMessage. */
export function unpackClientMessage(any: Any): ClientMessage {
  if (any.typeUrl === HEADER_TYPE_URL) return { kind: 'header', header: unpack(any, HEADER_TYPE_URL, Header, ErrInvalidHeader, 'header') };
  if (any.typeUrl === MISBEHAVIOUR_TYPE_URL) {
    return { kind: 'misbehaviour', misbehaviour: unpack(any, MISBEHAVIOUR_TYPE_URL, Misbehaviour, ErrInvalidMisbehaviour, 'misbehaviour') };
  }
  throw ErrInvalidClientType.wrap(`expected ${HEADER_TYPE_URL} or ${MISBEHAVIOUR_TYPE_URL}, got ${any.typeUrl}`);
}
