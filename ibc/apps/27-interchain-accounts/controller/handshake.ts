// The controller's side of the channel handshake (ibc-go v8's controller/keeper/handshake.go):
// propose the metadata (a reopened channel must keep the closed one's, but for the address),
// and record the interchain account address the host answers with.
import { orderToJSON, State, type Counterparty, type Order } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Context } from '../../../../app/context.js';
import { ErrPanic } from '../../../../app/errors.js';
import {
  ErrActiveChannelAlreadySet,
  ErrChannelNotFound,
  ErrInvalidAccountAddress,
  ErrInvalidChannelOrdering,
  ErrInvalidControllerPort,
  ErrInvalidHostPort,
  ErrInvalidVersion,
} from '../types/errors.js';
import { CONTROLLER_PORT_PREFIX, HOST_PORT_ID } from '../types/keys.js';
import {
  isPreviousMetadataEqual,
  metadataFromVersion,
  metadataToVersion,
  newDefaultMetadata,
  requireConnection,
  validateControllerMetadata,
  type Metadata,
} from '../types/metadata.js';
import type { ControllerKeeper } from './keeper.js';

export function onChanOpenInit(keeper: ControllerKeeper, ctx: Context, order: Order, connectionHops: readonly string[], portId: string, counterparty: Counterparty, version: string): string {
  if (!portId.startsWith(CONTROLLER_PORT_PREFIX)) {
    throw ErrInvalidControllerPort.wrap(`expected ${CONTROLLER_PORT_PREFIX}{owner-account-address}, got ${portId}`);
  }
  if (counterparty.portId !== HOST_PORT_ID) throw ErrInvalidHostPort.wrap(`expected ${HOST_PORT_ID}, got ${counterparty.portId}`);

  let metadata: Metadata;
  if (version.trim() === '') {
    const connection = requireConnection(ctx, keeper.channels, connectionHops[0]!);
    metadata = newDefaultMetadata(connectionHops[0]!, connection.counterparty.connectionId);
  } else {
    metadata = metadataFromVersion(version);
  }
  validateControllerMetadata(ctx, keeper.channels, connectionHops, metadata);

  const activeChannelId = keeper.registry.getActiveChannelId(ctx, connectionHops[0]!, portId);
  if (activeChannelId !== undefined) {
    const channel = keeper.channels.getChannel(ctx, portId, activeChannelId);
    if (channel === undefined) throw ErrPanic.wrap(`active channel mapping set for ${activeChannelId} but channel does not exist in channel store`);
    if (channel.state !== State.STATE_CLOSED) {
      throw ErrActiveChannelAlreadySet.wrap(`existing active channel ${activeChannelId} for portID ${portId} must be STATE_CLOSED`);
    }
    if (channel.ordering !== order) {
      throw ErrInvalidChannelOrdering.wrap(`order cannot change when reopening a channel expected ${orderToJSON(channel.ordering)}, got ${orderToJSON(order)}`);
    }
    if (!isPreviousMetadataEqual(channel.version, metadata)) throw ErrInvalidVersion.wrap('previous active channel metadata does not match provided version');
  }
  return metadataToVersion(metadata);
}

export function onChanOpenAck(keeper: ControllerKeeper, ctx: Context, portId: string, channelId: string, counterpartyVersion: string): void {
  if (portId === HOST_PORT_ID) throw ErrInvalidControllerPort.wrap(`portID cannot be host chain port ID: ${HOST_PORT_ID}`);
  if (!portId.startsWith(CONTROLLER_PORT_PREFIX)) {
    throw ErrInvalidControllerPort.wrap(`expected ${CONTROLLER_PORT_PREFIX}{owner-account-address}, got ${portId}`);
  }
  const metadata = metadataFromVersion(counterpartyVersion);
  const open = keeper.getOpenActiveChannel(ctx, metadata.controllerConnectionId, portId);
  if (open !== undefined) throw ErrActiveChannelAlreadySet.wrap(`existing active channel ${open} for portID ${portId}`);

  const channel = keeper.channels.getChannel(ctx, portId, channelId);
  if (channel === undefined) throw ErrChannelNotFound.wrap(`failed to retrieve channel ${channelId} on port ${portId}`);
  validateControllerMetadata(ctx, keeper.channels, channel.connectionHops, metadata);
  if (metadata.address.trim() === '') throw ErrInvalidAccountAddress.wrap('interchain account address cannot be empty');

  keeper.registry.setActiveChannelId(ctx, metadata.controllerConnectionId, portId, channelId);
  keeper.registry.setInterchainAccountAddress(ctx, metadata.controllerConnectionId, portId, metadata.address);
}
