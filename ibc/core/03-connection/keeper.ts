// 03-connection: the four-step handshake that binds a client of the counterparty to the
// counterparty's client of us, and every proof of counterparty state that channels and
// packets rely on (all of them verified at the connection's commitment prefix).
import { ConnectionEnd, ClientPaths, Counterparty, Params, State, stateToJSON, type Version } from 'cosmjs-types/ibc/core/connection/v1/connection';
import type { Channel } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { encodeChannel } from '../04-channel/encoding.js';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import { applyPrefix } from '../23-commitment/merkle-path.js';
import type { Context } from '../../../app/context.js';
import { wrapError } from '../errors.js';
import { ErrClientNotActive, ErrClientNotFound } from '../02-client/errors.js';
import type { ClientKeeper } from '../02-client/keeper.js';
import {
  KEY_NEXT_CONNECTION_SEQUENCE,
  channelPath,
  clientConnectionsPath,
  connectionPath,
  nextSequenceRecvPath,
  packetAcknowledgementPath,
  packetCommitmentPath,
  packetReceiptPath,
} from '../24-host/paths.js';
import { formatIdentifier } from '../24-host/identifiers.js';
import { COMMITMENT_PREFIX, encodeU64, type IbcStore } from '../store.js';
import { ErrConnectionNotFound, ErrInvalidConnectionState, ErrInvalidVersion } from './errors.js';
import { emitConnectionEvent } from './events.js';
import { compatibleVersions, isSupportedVersion, pickVersion } from './version.js';

const PARAMS_KEY = 'connectionParams';
/** ibc-go's default: 30 s, in nanoseconds. */
export const DEFAULT_CONNECTION_PARAMS: Params = { maxExpectedTimePerBlock: 30_000_000_000n };


export class ConnectionKeeper {
  constructor(
    private readonly store: IbcStore,
    readonly clients: ClientKeeper,
  ) {}

  params(ctx: Context): Params {
    const bytes = this.store.get(ctx, PARAMS_KEY);
    return bytes === undefined ? DEFAULT_CONNECTION_PARAMS : Params.decode(bytes);
  }

  setParams(ctx: Context, params: Params): void {
    this.store.set(ctx, PARAMS_KEY, Params.encode(params).finish());
  }

  nextConnectionSequence(ctx: Context): bigint {
    return this.store.getU64(ctx, KEY_NEXT_CONNECTION_SEQUENCE) ?? 0n;
  }

  setNextConnectionSequence(ctx: Context, sequence: bigint): void {
    this.store.setU64(ctx, KEY_NEXT_CONNECTION_SEQUENCE, sequence);
  }

  getConnection(ctx: Context, connectionId: string): ConnectionEnd | undefined {
    const bytes = this.store.get(ctx, connectionPath(connectionId));
    return bytes === undefined ? undefined : ConnectionEnd.decode(bytes);
  }

  setConnection(ctx: Context, connectionId: string, connection: ConnectionEnd): void {
    this.store.set(ctx, connectionPath(connectionId), ConnectionEnd.encode(connection).finish());
  }

  getClientConnectionPaths(ctx: Context, clientId: string): string[] | undefined {
    const bytes = this.store.get(ctx, clientConnectionsPath(clientId));
    return bytes === undefined ? undefined : ClientPaths.decode(bytes).paths;
  }

  private generateConnectionId(ctx: Context): string {
    const sequence = this.nextConnectionSequence(ctx);
    this.setNextConnectionSequence(ctx, sequence + 1n);
    return formatIdentifier('connection', sequence);
  }

  private addConnectionToClient(ctx: Context, clientId: string, connectionId: string): void {
    if (!this.clients.hasClient(ctx, clientId)) throw ErrClientNotFound.wrap(clientId);
    const paths = [...(this.getClientConnectionPaths(ctx, clientId) ?? []), connectionId];
    this.store.set(ctx, clientConnectionsPath(clientId), ClientPaths.encode({ paths }).finish());
  }

  private requireActiveClient(ctx: Context, clientId: string): void {
    if (!this.clients.hasClient(ctx, clientId)) throw ErrClientNotFound.wrap(`clientID (${clientId})`);
    const status = this.clients.status(ctx, clientId);
    if (status !== 'Active') throw ErrClientNotActive.wrap(`client (${clientId}) status is ${status}`);
  }

  connOpenInit(ctx: Context, clientId: string, counterparty: Counterparty, version: Version | undefined, delayPeriod: bigint): string {
    let versions = compatibleVersions();
    if (version !== undefined) {
      if (!isSupportedVersion(compatibleVersions(), version)) throw ErrInvalidVersion.wrap('version is not supported');
      versions = [version];
    }
    this.requireActiveClient(ctx, clientId);
    const connectionId = this.generateConnectionId(ctx);
    this.addConnectionToClient(ctx, clientId, connectionId);
    this.setConnection(ctx, connectionId, ConnectionEnd.fromPartial({ clientId, versions, state: State.STATE_INIT, counterparty, delayPeriod }));
    emitConnectionEvent(ctx, 'connection_open_init', connectionId, clientId, counterparty);
    return connectionId;
  }

  connOpenTry(ctx: Context, counterparty: Counterparty, delayPeriod: bigint, clientId: string, counterpartyVersions: readonly Version[], initProof: Uint8Array, proofHeight: Height): string {
    const connectionId = this.generateConnectionId(ctx);
    const expectedCounterparty = Counterparty.fromPartial({ clientId, connectionId: '', prefix: { keyPrefix: COMMITMENT_PREFIX } });
    const expected = ConnectionEnd.fromPartial({ clientId: counterparty.clientId, versions: [...counterpartyVersions], state: State.STATE_INIT, counterparty: expectedCounterparty, delayPeriod });
    const version = pickVersion(compatibleVersions(), counterpartyVersions);
    const connection = ConnectionEnd.fromPartial({ clientId, versions: [version], state: State.STATE_TRYOPEN, counterparty, delayPeriod });
    this.verifyConnectionState(ctx, connection, proofHeight, initProof, counterparty.connectionId, expected);
    this.addConnectionToClient(ctx, clientId, connectionId);
    this.setConnection(ctx, connectionId, connection);
    emitConnectionEvent(ctx, 'connection_open_try', connectionId, clientId, counterparty);
    return connectionId;
  }

  connOpenAck(ctx: Context, connectionId: string, version: Version, counterpartyConnectionId: string, tryProof: Uint8Array, proofHeight: Height): void {
    const connection = this.getConnection(ctx, connectionId);
    if (connection === undefined) throw ErrConnectionNotFound.wrap(connectionId);
    if (connection.state !== State.STATE_INIT) throw ErrInvalidConnectionState.wrap(`connection state is not INIT (got ${stateName(connection.state)})`);
    if (!isSupportedVersion(connection.versions, version)) {
      throw ErrInvalidConnectionState.wrap(`the counterparty selected version ${JSON.stringify(version)} is not supported by versions selected on INIT`);
    }
    const expectedCounterparty = Counterparty.fromPartial({ clientId: connection.clientId, connectionId, prefix: { keyPrefix: COMMITMENT_PREFIX } });
    const expected = ConnectionEnd.fromPartial({ clientId: connection.counterparty.clientId, versions: [version], state: State.STATE_TRYOPEN, counterparty: expectedCounterparty, delayPeriod: connection.delayPeriod });
    this.verifyConnectionState(ctx, connection, proofHeight, tryProof, counterpartyConnectionId, expected);
    connection.state = State.STATE_OPEN;
    connection.versions = [version];
    connection.counterparty.connectionId = counterpartyConnectionId;
    this.setConnection(ctx, connectionId, connection);
    emitConnectionEvent(ctx, 'connection_open_ack', connectionId, connection.clientId, connection.counterparty);
  }

  connOpenConfirm(ctx: Context, connectionId: string, ackProof: Uint8Array, proofHeight: Height): void {
    const connection = this.getConnection(ctx, connectionId);
    if (connection === undefined) throw ErrConnectionNotFound.wrap(connectionId);
    if (connection.state !== State.STATE_TRYOPEN) throw ErrInvalidConnectionState.wrap(`connection state is not TRYOPEN (got ${stateName(connection.state)})`);
    const expectedCounterparty = Counterparty.fromPartial({ clientId: connection.clientId, connectionId, prefix: { keyPrefix: COMMITMENT_PREFIX } });
    const expected = ConnectionEnd.fromPartial({ clientId: connection.counterparty.clientId, versions: connection.versions, state: State.STATE_OPEN, counterparty: expectedCounterparty, delayPeriod: connection.delayPeriod });
    this.verifyConnectionState(ctx, connection, proofHeight, ackProof, connection.counterparty.connectionId, expected);
    connection.state = State.STATE_OPEN;
    this.setConnection(ctx, connectionId, connection);
    emitConnectionEvent(ctx, 'connection_open_confirm', connectionId, connection.clientId, connection.counterparty);
  }

  /** Blocks to wait besides the time delay: the delay over the expected block time, rounded up. */
  blockDelay(ctx: Context, connection: ConnectionEnd): bigint {
    const perBlock = this.params(ctx).maxExpectedTimePerBlock;
    if (perBlock === 0n) return 0n;
    return (connection.delayPeriod + perBlock - 1n) / perBlock;
  }

  private verify(ctx: Context, connection: ConnectionEnd, height: Height, proof: Uint8Array, path: string, value: Uint8Array | undefined, delayed: boolean, what: string): void {
    const clientId = connection.clientId;
    const merkle = applyPrefix(connection.counterparty.prefix.keyPrefix, path);
    const [time, blocks] = delayed ? [connection.delayPeriod, this.blockDelay(ctx, connection)] : [0n, 0n];
    try {
      if (value === undefined) this.clients.verifyNonMembership(ctx, clientId, height, time, blocks, proof, merkle);
      else this.clients.verifyMembership(ctx, clientId, height, time, blocks, proof, merkle, value);
    } catch (err) {
      throw wrapError(err, `failed ${what} verification for client (${clientId})`);
    }
  }

  verifyConnectionState(ctx: Context, connection: ConnectionEnd, height: Height, proof: Uint8Array, connectionId: string, counterpartyConnection: ConnectionEnd): void {
    this.verify(ctx, connection, height, proof, connectionPath(connectionId), ConnectionEnd.encode(counterpartyConnection).finish(), false, 'connection state');
  }

  verifyChannelState(ctx: Context, connection: ConnectionEnd, height: Height, proof: Uint8Array, portId: string, channelId: string, channel: Channel, upgradeSequence = 0n): void {
    this.verify(ctx, connection, height, proof, channelPath(portId, channelId), encodeChannel(channel, upgradeSequence), false, 'channel state');
  }

  verifyPacketCommitment(ctx: Context, connection: ConnectionEnd, height: Height, proof: Uint8Array, portId: string, channelId: string, sequence: bigint, commitment: Uint8Array): void {
    this.verify(ctx, connection, height, proof, packetCommitmentPath(portId, channelId, sequence), commitment, true, 'packet commitment');
  }

  verifyPacketAcknowledgement(ctx: Context, connection: ConnectionEnd, height: Height, proof: Uint8Array, portId: string, channelId: string, sequence: bigint, ackCommitment: Uint8Array): void {
    this.verify(ctx, connection, height, proof, packetAcknowledgementPath(portId, channelId, sequence), ackCommitment, true, 'packet acknowledgement');
  }

  verifyPacketReceiptAbsence(ctx: Context, connection: ConnectionEnd, height: Height, proof: Uint8Array, portId: string, channelId: string, sequence: bigint): void {
    this.verify(ctx, connection, height, proof, packetReceiptPath(portId, channelId, sequence), undefined, true, 'packet receipt absence');
  }

  verifyNextSequenceRecv(ctx: Context, connection: ConnectionEnd, height: Height, proof: Uint8Array, portId: string, channelId: string, nextSequenceRecv: bigint): void {
    this.verify(ctx, connection, height, proof, nextSequenceRecvPath(portId, channelId), encodeU64(nextSequenceRecv), true, 'next sequence receive');
  }

  /** The counterparty's time at `height` as our client of it recorded it. */
  timestampAtHeight(ctx: Context, connection: ConnectionEnd, height: Height): bigint {
    return this.clients.timestampAtHeight(ctx, connection.clientId, height);
  }
}

export function stateName(state: State): string {
  return stateToJSON(state);
}
