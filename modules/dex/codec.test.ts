// The hand-written codecs against the wire format dex.proto defines: field numbers, defaults
// left out, unknown fields skipped, enums by name in JSON.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BinaryWriter } from 'cosmjs-types/binary';
import { MsgCancelOrder, MsgPlaceLimitOrder, MsgSwapExactIn, Order, QueryBookResponse, Side, TimeInForce } from './codec.js';
import { decodeOrder, encodeOrder, orderToProto, type OrderState } from './order.js';

describe('dex codecs', () => {
  it('encode MsgPlaceLimitOrder as protobuf would, defaults omitted', () => {
    const bytes = MsgPlaceLimitOrder.encode({ sender: 'ab', marketId: 1n, side: Side.SIDE_SELL, price: '5', quantity: '7', timeInForce: TimeInForce.TIME_IN_FORCE_GTC, expiryHeight: 0n }).finish();
    // 1: "ab", 2: 1, 3: 2, 4: "5", 5: "7"; time_in_force and expiry_height are defaults.
    assert.deepEqual([...bytes], [0x0a, 2, 0x61, 0x62, 0x10, 1, 0x18, 2, 0x22, 1, 0x35, 0x2a, 1, 0x37]);
    assert.deepEqual(MsgPlaceLimitOrder.decode(bytes), { sender: 'ab', marketId: 1n, side: 2, price: '5', quantity: '7', timeInForce: 0, expiryHeight: 0n });
  });

  it('skip unknown fields, nest messages, and write enums by name in JSON', () => {
    const writer = MsgCancelOrder.encode({ sender: 'x', orderId: 9n });
    writer.uint32((15 << 3) | 2).string('from a newer client');
    assert.deepEqual(MsgCancelOrder.decode(writer.finish()), { sender: 'x', orderId: 9n });
    const swap = MsgSwapExactIn.fromPartial({ sender: 's', tokenIn: { denom: 'uatom', amount: '10' }, denomOut: 'ustake' });
    assert.deepEqual(MsgSwapExactIn.decode(MsgSwapExactIn.encode(swap).finish()), { sender: 's', tokenIn: { denom: 'uatom', amount: '10' }, denomOut: 'ustake', minOut: '' });
    const book = QueryBookResponse.fromPartial({ asks: [{ price: '1', quantity: '2', orders: 3n }] });
    assert.deepEqual(QueryBookResponse.decode(QueryBookResponse.encode(book, BinaryWriter.create()).finish()), { bids: [], asks: [{ price: '1', quantity: '2', orders: 3n }] });
    const order = Order.fromPartial({ id: 1n, side: Side.SIDE_BUY, timeInForce: TimeInForce.TIME_IN_FORCE_IOC });
    const json = Order.toJSON(order) as Record<string, unknown>;
    assert.equal(json.side, 'SIDE_BUY');
    assert.equal(json.timeInForce, 'TIME_IN_FORCE_IOC');
    assert.equal(json.id, '1');
  });

  it('write LegacyDec fields as decimals in JSON and read them back to the same bytes', () => {
    const msg = MsgPlaceLimitOrder.fromPartial({ sender: 'a', marketId: 2n, side: Side.SIDE_BUY, price: '1250000000000000000', quantity: '100', timeInForce: TimeInForce.TIME_IN_FORCE_IOC });
    const json = MsgPlaceLimitOrder.toJSON(msg) as Record<string, unknown>;
    assert.equal(json.price, '1.250000000000000000');
    assert.deepEqual(MsgPlaceLimitOrder.fromJSON(json), msg);
    assert.deepEqual(MsgPlaceLimitOrder.fromJSON({ ...json, side: 1, marketId: 2 }), msg, 'enums and integers as numbers too');
  });

  it('store orders in fixed-width binary that decodes to the same order', () => {
    const order: OrderState = {
      id: 2n ** 60n,
      marketId: 3n,
      owner: 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4',
      side: Side.SIDE_SELL,
      price: 2n ** 127n + 5n,
      quantity: 10n ** 30n,
      remaining: 12345n,
      timeInForce: TimeInForce.TIME_IN_FORCE_IOC,
      expiryHeight: 99n,
      placedHeight: 7n,
    };
    assert.deepEqual(decodeOrder(encodeOrder(order)), order);
    assert.equal(orderToProto(order).price, (2n ** 127n + 5n).toString());
  });
});
