// Msg/Increment: check, one keeper call, one event, the typed response. Decoding and the
// signer (`cosmos.msg.v1.signer = "sender"`) come from the generated codec and its descriptor.
import type { AddressCodec } from '../../app/address-codec.js';
import type { MsgHandler } from '../../app/module.js';
import { msgHandler, msgResponse } from '../../app/proto/index.js';
import { ErrInvalidIncrement } from './errors.js';
import type { CounterKeeper } from './keeper.js';
import { MsgIncrement, MsgIncrementResponse, schema } from './schema.js';

/** A cap keeps one tx from taking a counter most of the way to overflow. */
export const MAX_INCREMENT = 1_000_000n;

export function incrementHandler(keeper: CounterKeeper, codec: AddressCodec): MsgHandler<MsgIncrement> {
  return msgHandler(schema, MsgIncrement, {
    validate(msg) {
      codec.decode(msg.sender);
      if (msg.by === 0n || msg.by > MAX_INCREMENT) throw ErrInvalidIncrement.wrap(`by must be 1 to ${MAX_INCREMENT}, got ${msg.by}`);
    },
    handle(ctx, msg) {
      const count = keeper.increment(ctx, codec.decode(msg.sender), msg.by);
      ctx.events.emit('increment', ['sender', msg.sender], ['by', msg.by.toString()], ['count', count.toString()]);
      return msgResponse(MsgIncrementResponse, { count });
    },
  });
}
