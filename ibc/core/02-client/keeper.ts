// 02-client: creates light clients of other chains, updates them with headers, freezes them
// on misbehaviour, and verifies counterparty state through them. Each client's state lives
// in its own store (`clients/{client-id}/`), owned by its light client type.
import type { Any } from 'cosmjs-types/google/protobuf/any';
import { Params } from 'cosmjs-types/ibc/core/client/v1/client';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import type { MerklePath } from '../23-commitment/merkle-path.js';
import type { Context } from '../../../app/context.js';
import { prefixStore, type KVStore } from '../../../app/store/index.js';
import { KEY_CLIENT_STORE_PREFIX, KEY_NEXT_CLIENT_SEQUENCE } from '../24-host/paths.js';
import { formatIdentifier, validateClientId } from '../24-host/identifiers.js';
import type { IbcStore } from '../store.js';
import { ErrClientNotActive, ErrClientNotFound, ErrClientTypeNotFound, ErrInvalidClientType } from './errors.js';
import { emitCreateClient, emitSubmitMisbehaviour, emitUpdateClient } from './events.js';
import type { ClientStatus, LightClient } from './light-client.js';

const PARAMS_KEY = 'clientParams';
const ALLOW_ALL_CLIENTS = '*';

export const DEFAULT_CLIENT_PARAMS: Params = { allowedClients: [ALLOW_ALL_CLIENTS] };

/** `07-tendermint-3` → `07-tendermint` (ibc-go's ParseClientIdentifier). */
export function clientTypeOf(clientId: string): string | undefined {
  const dash = clientId.lastIndexOf('-');
  if (dash <= 0 || !/^(0|[1-9][0-9]*)$/.test(clientId.slice(dash + 1))) return undefined;
  return clientId.slice(0, dash);
}

export class ClientKeeper {
  private readonly types = new Map<string, LightClient>();

  constructor(
    private readonly store: IbcStore,
    lightClients: readonly LightClient[],
  ) {
    for (const client of lightClients) this.types.set(client.clientType, client);
  }

  params(ctx: Context): Params {
    const bytes = this.store.get(ctx, PARAMS_KEY);
    return bytes === undefined ? DEFAULT_CLIENT_PARAMS : Params.decode(bytes);
  }

  setParams(ctx: Context, params: Params): void {
    this.store.set(ctx, PARAMS_KEY, Params.encode(params).finish());
  }

  nextClientSequence(ctx: Context): bigint {
    return this.store.getU64(ctx, KEY_NEXT_CLIENT_SEQUENCE) ?? 0n;
  }

  setNextClientSequence(ctx: Context, sequence: bigint): void {
    this.store.setU64(ctx, KEY_NEXT_CLIENT_SEQUENCE, sequence);
  }

  /** The store a client's light client owns. */
  clientStore(ctx: Context, clientId: string): KVStore {
    return prefixStore(this.store.kv(ctx), new TextEncoder().encode(`${KEY_CLIENT_STORE_PREFIX}/${clientId}/`));
  }

  /** The light client type behind `clientId`, or a 02-client error. */
  lightClient(clientId: string): LightClient {
    const type = clientTypeOf(clientId);
    const client = type === undefined ? undefined : this.types.get(type);
    if (client === undefined) throw ErrClientTypeNotFound.wrap(`cannot find client type for client ${clientId}`);
    return client;
  }

  private lightClientFor(clientState: Any): LightClient {
    for (const client of this.types.values()) if (client.isClientState(clientState)) return client;
    throw ErrInvalidClientType.wrap(`no light client registered for client state type ${clientState.typeUrl}`);
  }

  hasClient(ctx: Context, clientId: string): boolean {
    return this.getClientState(ctx, clientId) !== undefined;
  }

  getClientState(ctx: Context, clientId: string): Any | undefined {
    const type = clientTypeOf(clientId);
    if (type === undefined || !this.types.has(type)) return undefined;
    return this.types.get(type)!.clientState(this.clientStore(ctx, clientId));
  }

  getClientConsensusState(ctx: Context, clientId: string, height: Height): Any | undefined {
    if (!this.hasClient(ctx, clientId)) return undefined;
    return this.lightClient(clientId).consensusState(this.clientStore(ctx, clientId), height);
  }

  latestHeight(ctx: Context, clientId: string): Height {
    this.requireClient(ctx, clientId);
    return this.lightClient(clientId).latestHeight(this.clientStore(ctx, clientId));
  }

  status(ctx: Context, clientId: string): ClientStatus {
    if (!this.hasClient(ctx, clientId)) return 'Unknown';
    const type = clientTypeOf(clientId)!;
    const allowed = this.params(ctx).allowedClients;
    if (!(allowed.length === 1 && allowed[0] === ALLOW_ALL_CLIENTS) && !allowed.includes(type)) return 'Unauthorized';
    return this.lightClient(clientId).status(ctx, this.clientStore(ctx, clientId));
  }

  timestampAtHeight(ctx: Context, clientId: string, height: Height): bigint {
    this.requireActive(ctx, clientId, 'cannot get timestamp');
    return this.lightClient(clientId).timestampAtHeight(ctx, this.clientStore(ctx, clientId), height);
  }

  /** MsgCreateClient: a new client `{type}-{n}` from its initial client and consensus states. */
  createClient(ctx: Context, clientState: Any, consensusState: Any): string {
    const client = this.lightClientFor(clientState);
    const allowed = this.params(ctx).allowedClients;
    if (!(allowed.length === 1 && allowed[0] === ALLOW_ALL_CLIENTS) && !allowed.includes(client.clientType)) {
      throw ErrInvalidClientType.wrap(`client state type ${client.clientType} is not registered in the allowlist`);
    }
    const sequence = this.nextClientSequence(ctx);
    const clientId = formatIdentifier(client.clientType, sequence);
    validateClientId(clientId);
    this.setNextClientSequence(ctx, sequence + 1n);
    const clientStore = this.clientStore(ctx, clientId);
    client.initialize(ctx, clientStore, clientState, consensusState);
    const status = client.status(ctx, clientStore);
    if (status !== 'Active') throw ErrClientNotActive.wrap(`cannot create client (${clientId}) with status ${status}`);
    emitCreateClient(ctx, clientId, client.clientType, client.latestHeight(clientStore));
    return clientId;
  }

  /**
   * MsgUpdateClient and MsgSubmitMisbehaviour: verifies the header or misbehaviour, then
   * freezes the client if it proves misbehaviour, else stores the new consensus state.
   */
  updateClient(ctx: Context, clientId: string, clientMessage: Any): void {
    const { client, clientStore } = this.updatable(ctx, clientId);
    client.verifyClientMessage(ctx, clientStore, clientMessage);
    if (client.checkForMisbehaviour(ctx, clientStore, clientMessage)) {
      client.updateStateOnMisbehaviour(ctx, clientStore, clientMessage);
      emitSubmitMisbehaviour(ctx, clientId, client.clientType);
      return;
    }
    const heights = client.updateState(ctx, clientStore, clientMessage);
    emitUpdateClient(ctx, clientId, client.clientType, heights, clientMessage);
  }

  /**
   * ibc-go's updateClientCheckTx (RedundantRelayDecorator): stores the header in the CheckTx
   * state so that a packet proved at its height later in the same tx verifies. CheckTx verifies
   * it first; ReCheckTx does not (it was verified on entry to the mempool). Misbehaviour is
   * neither looked for nor acted on here: freezing is for the block (the light client's
   * updateState ignores a Misbehaviour message).
   */
  updateClientCheckTx(ctx: Context, clientId: string, clientMessage: Any, recheck: boolean): void {
    const { client, clientStore } = this.updatable(ctx, clientId);
    if (!recheck) client.verifyClientMessage(ctx, clientStore, clientMessage);
    client.updateState(ctx, clientStore, clientMessage);
  }

  /** The checks before any client update: the client exists and is Active. */
  private updatable(ctx: Context, clientId: string): { client: LightClient; clientStore: KVStore } {
    if (!this.hasClient(ctx, clientId)) throw ErrClientNotFound.wrap(`cannot update client with ID ${clientId}`);
    const status = this.status(ctx, clientId);
    if (status !== 'Active') throw ErrClientNotActive.wrap(`cannot update client (${clientId}) with status ${status}`);
    return { client: this.lightClient(clientId), clientStore: this.clientStore(ctx, clientId) };
  }

  verifyMembership(ctx: Context, clientId: string, height: Height, delayTimePeriod: bigint, delayBlockPeriod: bigint, proof: Uint8Array, path: MerklePath, value: Uint8Array): void {
    this.requireActive(ctx, clientId, 'cannot verify membership');
    this.lightClient(clientId).verifyMembership(ctx, this.clientStore(ctx, clientId), height, delayTimePeriod, delayBlockPeriod, proof, path, value);
  }

  verifyNonMembership(ctx: Context, clientId: string, height: Height, delayTimePeriod: bigint, delayBlockPeriod: bigint, proof: Uint8Array, path: MerklePath): void {
    this.requireActive(ctx, clientId, 'cannot verify non-membership');
    this.lightClient(clientId).verifyNonMembership(ctx, this.clientStore(ctx, clientId), height, delayTimePeriod, delayBlockPeriod, proof, path);
  }

  /** Every client id, in store order (queries, genesis export). */
  *clientIds(ctx: Context): IterableIterator<string> {
    const prefix = `${KEY_CLIENT_STORE_PREFIX}/`;
    const start = new TextEncoder().encode(prefix);
    const end = new TextEncoder().encode(`${KEY_CLIENT_STORE_PREFIX}0`);
    const suffix = '/clientState';
    for (const [key] of this.store.kv(ctx).iterator(start, end)) {
      const path = new TextDecoder().decode(key);
      if (path.endsWith(suffix) && path.split('/').length === 3) yield path.slice(prefix.length, -suffix.length);
    }
  }

  private requireClient(ctx: Context, clientId: string): void {
    if (!this.hasClient(ctx, clientId)) throw ErrClientNotFound.wrap(clientId);
  }

  private requireActive(ctx: Context, clientId: string, what: string): void {
    this.requireClient(ctx, clientId);
    const status = this.status(ctx, clientId);
    if (status !== 'Active') throw ErrClientNotActive.wrap(`${what} using client (${clientId}) with status ${status}`);
  }
}
