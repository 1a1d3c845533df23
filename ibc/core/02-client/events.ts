// 02-client's events, as ibc-go emits them (relayers read `client_id` and `header`).
import { Any } from 'cosmjs-types/google/protobuf/any';
import type { Height } from 'cosmjs-types/ibc/core/client/v1/client';
import type { Context } from '../../../app/context.js';
import { formatHeight } from './height.js';

export const MODULE_CATEGORY = 'ibc_client';

function emitModule(ctx: Context): void {
  ctx.events.emit('message', ['module', MODULE_CATEGORY]);
}

export function emitCreateClient(ctx: Context, clientId: string, clientType: string, latest: Height): void {
  ctx.events.emit('create_client', ['client_id', clientId], ['client_type', clientType], ['consensus_height', formatHeight(latest)]);
  emitModule(ctx);
}

export function emitUpdateClient(ctx: Context, clientId: string, clientType: string, heights: readonly Height[], clientMessage: Any): void {
  ctx.events.emit(
    'update_client',
    ['client_id', clientId],
    ['client_type', clientType],
    ['consensus_height', heights.length > 0 ? formatHeight(heights[0]!) : ''],
    ['consensus_heights', heights.map(formatHeight).join(',')],
    ['header', Buffer.from(Any.encode(clientMessage).finish()).toString('hex')],
  );
  emitModule(ctx);
}

export function emitSubmitMisbehaviour(ctx: Context, clientId: string, clientType: string): void {
  ctx.events.emit('client_misbehaviour', ['client_id', clientId], ['client_type', clientType]);
  emitModule(ctx);
}
