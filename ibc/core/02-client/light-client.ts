// What 02-client asks of a light client type (ibc-go v8's ClientState interface, keyed by
// client type). Core stores nothing about a client itself: the light client owns the
// client's store (`clients/{client-id}/...` under the ibc store), where it keeps its client
// state at `clientState`, its consensus states at `consensusStates/{rev}-{height}` and
// whatever metadata it needs. Every method throws a CodedError (02-client / 23-commitment
// codes) when a check fails, and then must have written nothing.
import type { Any } from 'cosmjs-types/google/protobuf/any';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import type { MerklePath } from '../23-commitment/merkle-path.js';
import type { Context } from '../../../app/context.js';
import type { KVStore } from '../../../app/store/index.js';

export type ClientStatus = 'Active' | 'Frozen' | 'Expired' | 'Unknown' | 'Unauthorized';

export interface LightClient {
  /** `07-tendermint`: the prefix of the client ids it is stored under. */
  readonly clientType: string;
  /** Whether `clientState` (an Any) is a client state of this type. */
  isClientState(clientState: Any): boolean;
  /** Checks and stores a new client's client and consensus states (MsgCreateClient). */
  initialize(ctx: Context, clientStore: KVStore, clientState: Any, consensusState: Any): void;
  /** The stored client state, Any-wrapped as it sits in the store. */
  clientState(clientStore: KVStore): Any | undefined;
  /** The consensus state stored at `height`, Any-wrapped. */
  consensusState(clientStore: KVStore, height: Height): Any | undefined;
  latestHeight(clientStore: KVStore): Height;
  status(ctx: Context, clientStore: KVStore): ClientStatus;
  /** Unix nanoseconds of the consensus state at `height`. */
  timestampAtHeight(ctx: Context, clientStore: KVStore, height: Height): bigint;
  /** Verifies a header or misbehaviour (Any) against the trusted state; throws when invalid. */
  verifyClientMessage(ctx: Context, clientStore: KVStore, clientMessage: Any): void;
  /** After verification: whether the message proves misbehaviour (conflicting headers, time violation). */
  checkForMisbehaviour(ctx: Context, clientStore: KVStore, clientMessage: Any): boolean;
  /** Freezes the client (frozen height 0-1). */
  updateStateOnMisbehaviour(ctx: Context, clientStore: KVStore, clientMessage: Any): void;
  /** Stores the verified header's consensus state; returns the heights it added (none for a duplicate). */
  updateState(ctx: Context, clientStore: KVStore, clientMessage: Any): Height[];
  /**
   * Proves `value` is stored at `path` of the counterparty at `height` (ICS-23 proofs under
   * the SDK's specs, against the consensus state's root), honouring the connection's delay.
   */
  verifyMembership(ctx: Context, clientStore: KVStore, height: Height, delayTimePeriod: bigint, delayBlockPeriod: bigint, proof: Uint8Array, path: MerklePath, value: Uint8Array): void;
  /** Proves nothing is stored at `path` of the counterparty at `height`. */
  verifyNonMembership(ctx: Context, clientStore: KVStore, height: Height, delayTimePeriod: bigint, delayBlockPeriod: bigint, proof: Uint8Array, path: MerklePath): void;
}
