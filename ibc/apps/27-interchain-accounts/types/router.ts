// Running one message the way the SDK's msg service router does (baseapp/msg_service_router.go):
// ValidateBasic, then the handler with an event list of its own, whose events the caller's
// context receives. The host executes the controller's messages this way; the controller opens
// its channels with MsgChannelOpenInit this way.
import type { Context } from '../../../../app/context.js';
import { EventManager } from '../../../../app/events.js';
import type { MsgHandler, MsgResponse } from '../../../../app/module.js';

export function executeMsg(ctx: Context, handler: MsgHandler, msg: unknown): MsgResponse {
  handler.validate?.(msg);
  const events = new EventManager();
  const response = handler.handle(ctx.with(ctx.store, events), msg);
  ctx.events.emitEvents(events.events);
  return response;
}
