// The host's side of the channel handshake (ibc-go v8's host/keeper/handshake.go and
// account.go): check the controller's metadata, create the interchain account on the first
// opening (or find it again when a closed channel is reopened), answer with its address.
import { State, type Counterparty, type Order } from 'cosmjs-types/ibc/core/channel/v1/channel';
import type { Context } from '../../../../app/context.js';
import { ErrPanic } from '../../../../app/errors.js';
import { generateAddress } from '../types/account.js';
import { ErrAccountAlreadyExist, ErrActiveChannelAlreadySet, ErrChannelNotFound, ErrInvalidAccountReopening, ErrInvalidCodec, ErrInvalidHostPort } from '../types/errors.js';
import { HOST_PORT_ID } from '../types/keys.js';
import { ENCODING_PROTOBUF, metadataFromVersion, metadataToVersion, newDefaultMetadata, requireConnection, validateHostMetadata, type Metadata } from '../types/metadata.js';
import type { HostKeeper } from './keeper.js';

/**
 * createInterchainAccount: a new InterchainAccount at the derived address, owned by the
 * controller port. An account already there (someone sent coins to the address first) makes
 * the handshake fail, as in ibc-go; the block's app hash in the derivation makes that unlikely.
 */
function createInterchainAccount(keeper: HostKeeper, ctx: Context, connectionId: string, controllerPortId: string): string {
  const address = generateAddress(connectionId, controllerPortId, ctx.header.comet?.lastAppHash ?? new Uint8Array());
  const bech32 = keeper.accounts.addressCodec.encode(address);
  if (keeper.accounts.getAccount(ctx, address) !== undefined) {
    throw ErrAccountAlreadyExist.wrap(`existing account for newly generated interchain account address ${bech32}`);
  }
  keeper.accounts.setAccount(ctx, { address, accountNumber: keeper.accounts.nextAccountNumber(ctx), sequence: 0n, interchainAccountOwner: controllerPortId });
  keeper.registry.setInterchainAccountAddress(ctx, connectionId, controllerPortId, bech32);
  return bech32;
}

/** The account registered for (connection, controller port) must still be an interchain account. */
function reopenedAccount(keeper: HostKeeper, ctx: Context, address: string): string {
  const account = keeper.accounts.getAccount(ctx, keeper.accounts.addressCodec.decode(address));
  if (account?.interchainAccountOwner === undefined) {
    throw ErrInvalidAccountReopening.wrap(`existing account address ${address}, does not have interchain account type`);
  }
  return address;
}

export function onChanOpenTry(keeper: HostKeeper, ctx: Context, _order: Order, connectionHops: readonly string[], portId: string, counterparty: Counterparty, counterpartyVersion: string): string {
  if (portId !== HOST_PORT_ID) throw ErrInvalidHostPort.wrap(`expected ${HOST_PORT_ID}, got ${portId}`);

  let metadata: Metadata;
  try {
    metadata = metadataFromVersion(counterpartyVersion);
  } catch {
    // An unreadable version is answered with the default metadata, as ibc-go does.
    const connection = requireConnection(ctx, keeper.channels, connectionHops[0]!);
    metadata = newDefaultMetadata(connection.counterparty.connectionId, connectionHops[0]!);
  }
  validateHostMetadata(ctx, keeper.channels, connectionHops, metadata);
  // ibc-go also executes proto3 JSON; zonekit does not, so it refuses such a channel up front
  // rather than error-acknowledging every packet on it.
  if (metadata.encoding !== ENCODING_PROTOBUF) {
    throw ErrInvalidCodec.wrap(`unsupported encoding format ${metadata.encoding}: this host executes ${ENCODING_PROTOBUF} (protobuf) transactions only`);
  }

  const activeChannelId = keeper.registry.getActiveChannelId(ctx, connectionHops[0]!, counterparty.portId);
  if (activeChannelId !== undefined) {
    const channel = keeper.channels.getChannel(ctx, portId, activeChannelId);
    if (channel === undefined) throw ErrPanic.wrap(`active channel mapping set for ${activeChannelId} but channel does not exist in channel store`);
    // A channel may be reopened (with new fields but the same account) only once the old one is closed.
    if (channel.state !== State.STATE_CLOSED) {
      throw ErrActiveChannelAlreadySet.wrap(`existing active channel ${activeChannelId} for portID ${portId} must be STATE_CLOSED`);
    }
  }

  const existing = keeper.registry.getInterchainAccountAddress(ctx, metadata.hostConnectionId, counterparty.portId);
  metadata.address = existing !== undefined ? reopenedAccount(keeper, ctx, existing) : createInterchainAccount(keeper, ctx, metadata.hostConnectionId, counterparty.portId);
  return metadataToVersion(metadata);
}

/** The channel is open: it becomes the active one for its (connection, controller port). */
export function onChanOpenConfirm(keeper: HostKeeper, ctx: Context, portId: string, channelId: string): void {
  const channel = keeper.channels.getChannel(ctx, portId, channelId);
  if (channel === undefined) throw ErrChannelNotFound.wrap(`failed to retrieve channel ${channelId} on port ${portId}`);
  keeper.registry.setActiveChannelId(ctx, channel.connectionHops[0]!, channel.counterparty.portId, channelId);
}
