// Msg/Increment: check, one keeper call, one event, the typed response.
import type { AddressCodec } from '../../app/address-codec.js';
import type { MsgHandler } from '../../app/module.js';
import { MsgIncrement, MsgIncrementResponse } from './codec.js';
import { ErrInvalidIncrement } from './errors.js';
import type { CounterKeeper } from './keeper.js';

/** A cap keeps one tx from taking a counter most of the way to overflow. */
export const MAX_INCREMENT = 1_000_000n;

export function incrementHandler(keeper: CounterKeeper, codec: AddressCodec): MsgHandler<MsgIncrement> {
  return {
    decode: (value) => MsgIncrement.decode(value),
    signers: (msg) => [msg.sender],
    validate(msg) {
      codec.decode(msg.sender);
      if (msg.by === 0n || msg.by > MAX_INCREMENT) throw ErrInvalidIncrement.wrap(`by must be 1 to ${MAX_INCREMENT}, got ${msg.by}`);
    },
    handle(ctx, msg) {
      const count = keeper.increment(ctx, codec.decode(msg.sender), msg.by);
      ctx.events.emit('increment', ['sender', msg.sender], ['by', msg.by.toString()], ['count', count.toString()]);
      return { typeUrl: MsgIncrementResponse.typeUrl, value: MsgIncrementResponse.encode({ count }).finish() };
    },
  };
}
