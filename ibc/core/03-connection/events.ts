// 03-connection's events, as ibc-go emits them.
import type { Counterparty } from 'cosmjs-types/ibc/core/connection/v1/connection';
import type { Context } from '../../../app/context.js';

export const MODULE_CATEGORY = 'ibc_connection';

export function emitConnectionEvent(ctx: Context, type: 'connection_open_init' | 'connection_open_try' | 'connection_open_ack' | 'connection_open_confirm', connectionId: string, clientId: string, counterparty: Counterparty): void {
  const attributes: Array<[string, string]> = [
    ['connection_id', connectionId],
    ['client_id', clientId],
    ['counterparty_client_id', counterparty.clientId],
  ];
  if (type !== 'connection_open_init') attributes.push(['counterparty_connection_id', counterparty.connectionId]);
  ctx.events.emit(type, ...attributes);
  ctx.events.emit('message', ['module', MODULE_CATEGORY]);
}
