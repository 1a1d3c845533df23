// Sending an interchain account tx (ibc-go v8's controller/keeper/relay.go): the packet goes on
// the owner's active channel with a timestamp timeout only; acknowledgements and timeouts
// need nothing of the controller (a timeout on an ORDERED channel closes it, in core).
import type { Context } from '../../../../app/context.js';
import { ErrActiveChannelNotFound, ErrInvalidTimeoutTimestamp } from '../types/errors.js';
import { packetDataBytes, validatePacketData, type InterchainAccountPacketData } from '../types/packet.js';
import { withContext } from '../../../core/errors.js';
import { ErrControllerSubModuleDisabled } from './errors.js';
import type { ControllerKeeper } from './keeper.js';

const ZERO_HEIGHT = { revisionNumber: 0n, revisionHeight: 0n };
const UINT64 = 1n << 64n;

/** The block time in Unix nanoseconds, as Go's uint64(ctx.BlockTime().UnixNano()). */
export function blockTimeNs(ctx: Context): bigint {
  const { seconds, nanos } = ctx.header.time;
  return BigInt.asUintN(64, seconds * 1_000_000_000n + BigInt(nanos));
}

/** MsgSendTx's absolute timeout: uint64 addition, which wraps as Go's does (and then fails the "in the future" check). */
export const absoluteTimeout = (ctx: Context, relativeTimeout: bigint) => (blockTimeNs(ctx) + relativeTimeout) % UINT64;

/** sendTx: returns the packet's sequence. */
export function sendTx(keeper: ControllerKeeper, ctx: Context, connectionId: string, portId: string, data: InterchainAccountPacketData, timeoutTimestamp: bigint): bigint {
  if (!keeper.getParams(ctx).controllerEnabled) throw ErrControllerSubModuleDisabled;
  const channelId = keeper.getOpenActiveChannel(ctx, connectionId, portId);
  if (channelId === undefined) throw ErrActiveChannelNotFound.wrap(`failed to retrieve active channel on connection ${connectionId} for port ${portId}`);
  if (blockTimeNs(ctx) >= timeoutTimestamp) throw ErrInvalidTimeoutTimestamp;
  withContext('invalid interchain account packet data', () => validatePacketData(data));
  return keeper.channels.sendPacket(ctx, portId, channelId, ZERO_HEIGHT, timeoutTimestamp, packetDataBytes(data));
}
