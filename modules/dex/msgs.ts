// zonekit.dex.v1.Msg: thin handlers. Stateless checks in `validate`, then one keeper call.
import type { AddressCodec } from '../../app/address-codec.js';
import { coinFromProto } from '../../app/coins.js';
import { decFromProto, type Dec } from '../../app/dec.js';
import { CodedError, ErrInvalidAddress, ErrInvalidCoins } from '../../app/errors.js';
import type { MsgHandler } from '../../app/module.js';
import {
  MsgCancelOrder,
  MsgCancelOrderResponse,
  MsgCreateMarket,
  MsgCreateMarketResponse,
  MsgPlaceLimitOrder,
  MsgPlaceLimitOrderResponse,
  MsgSwapExactIn,
  MsgSwapExactInResponse,
} from '../../gen/zonekit/dex/v1/tx.js';
import { Side, TimeInForce } from '../../gen/zonekit/dex/v1/types.js';
import { typeUrlOf } from './codec.js';
import { ErrInvalidMarket, ErrInvalidOrder } from './errors.js';
import type { DexKeeper } from './keeper.js';
import { swapExactIn, type RouterDeps } from './router.js';

function address(codec: AddressCodec, value: string, what: string): Uint8Array {
  try {
    return codec.decode(value);
  } catch (err) {
    throw ErrInvalidAddress.wrap(`invalid ${what} address: ${err instanceof CodedError ? err.message : String(err)}`);
  }
}

/** A LegacyDec in protobuf form (the value × 10^18 as digits), e.g. "1500000000000000000" for 1.5. */
function dec(text: string, what: string, error: CodedError): Dec {
  try {
    const value = decFromProto(text);
    if (value < 0n) throw new Error('negative');
    return value;
  } catch {
    throw error.wrap(`${what} must be a non-negative LegacyDec in protobuf form (1.5 is "1500000000000000000"), got ${JSON.stringify(text)}`);
  }
}

function int(text: string, what: string, error: CodedError): bigint {
  if (!/^[0-9]{1,78}$/.test(text)) throw error.wrap(`${what} must be a non-negative integer, got ${JSON.stringify(text)}`);
  return BigInt(text);
}

function placeInput(msg: MsgPlaceLimitOrder) {
  if (msg.marketId === 0n) throw ErrInvalidOrder.wrap('market_id is required');
  if (msg.side !== Side.SIDE_BUY && msg.side !== Side.SIDE_SELL) throw ErrInvalidOrder.wrap('side must be SIDE_BUY or SIDE_SELL');
  if (msg.timeInForce !== TimeInForce.TIME_IN_FORCE_GTC && msg.timeInForce !== TimeInForce.TIME_IN_FORCE_IOC) {
    throw ErrInvalidOrder.wrap('time_in_force must be TIME_IN_FORCE_GTC or TIME_IN_FORCE_IOC');
  }
  if (msg.expiryHeight < 0n) throw ErrInvalidOrder.wrap('expiry_height must not be negative');
  const price = dec(msg.price, 'price', ErrInvalidOrder);
  const quantity = int(msg.quantity, 'quantity', ErrInvalidOrder);
  if (price === 0n || quantity === 0n) throw ErrInvalidOrder.wrap('price and quantity must be positive');
  return { marketId: msg.marketId, side: msg.side, price, quantity, timeInForce: msg.timeInForce, expiryHeight: msg.expiryHeight };
}

function marketInput(msg: MsgCreateMarket) {
  return {
    baseDenom: msg.baseDenom,
    quoteDenom: msg.quoteDenom,
    tickSize: dec(msg.tickSize, 'tick_size', ErrInvalidMarket),
    lotSize: int(msg.lotSize, 'lot_size', ErrInvalidMarket),
    minNotional: int(msg.minNotional || '0', 'min_notional', ErrInvalidMarket),
  };
}

function swapInput(msg: MsgSwapExactIn) {
  if (msg.tokenIn === undefined) throw ErrInvalidCoins.wrap('token_in is required');
  const tokenIn = coinFromProto(msg.tokenIn);
  if (tokenIn.amount === 0n) throw ErrInvalidCoins.wrap('token_in must be positive');
  if (msg.denomOut === tokenIn.denom) throw ErrInvalidCoins.wrap('denom_out must differ from the input denom');
  return { tokenIn, minOut: int(msg.minOut || '0', 'min_out', ErrInvalidCoins) };
}

export function dexMsgs(keeper: DexKeeper, router: RouterDeps): Record<string, MsgHandler> {
  const codec = keeper.accounts.addressCodec;
  const createMarket: MsgHandler<MsgCreateMarket> = {
    decode: (value) => MsgCreateMarket.decode(value),
    signers: (msg) => [msg.sender],
    validate(msg) {
      address(codec, msg.sender, 'sender');
      marketInput(msg);
    },
    handle(ctx, msg) {
      const market = keeper.createMarket(ctx, msg.sender, marketInput(msg));
      return { typeUrl: typeUrlOf(MsgCreateMarketResponse), value: MsgCreateMarketResponse.encode({ marketId: market.id }).finish() };
    },
  };
  const placeLimitOrder: MsgHandler<MsgPlaceLimitOrder> = {
    decode: (value) => MsgPlaceLimitOrder.decode(value),
    signers: (msg) => [msg.sender],
    validate(msg) {
      address(codec, msg.sender, 'sender');
      placeInput(msg);
    },
    handle(ctx, msg) {
      const order = keeper.placeLimitOrder(ctx, msg.sender, placeInput(msg));
      return { typeUrl: typeUrlOf(MsgPlaceLimitOrderResponse), value: MsgPlaceLimitOrderResponse.encode({ orderId: order.id }).finish() };
    },
  };
  const cancelOrder: MsgHandler<MsgCancelOrder> = {
    decode: (value) => MsgCancelOrder.decode(value),
    signers: (msg) => [msg.sender],
    validate(msg) {
      address(codec, msg.sender, 'sender');
      if (msg.orderId === 0n) throw ErrInvalidOrder.wrap('order_id is required');
    },
    handle(ctx, msg) {
      const refund = keeper.cancelOwnOrder(ctx, msg.sender, msg.orderId);
      return {
        typeUrl: typeUrlOf(MsgCancelOrderResponse),
        value: MsgCancelOrderResponse.encode({ refund: { denom: refund.denom, amount: refund.amount.toString() } }).finish(),
      };
    },
  };
  const swap: MsgHandler<MsgSwapExactIn> = {
    decode: (value) => MsgSwapExactIn.decode(value),
    signers: (msg) => [msg.sender],
    validate(msg) {
      address(codec, msg.sender, 'sender');
      swapInput(msg);
    },
    handle(ctx, msg) {
      const { tokenIn, minOut } = swapInput(msg);
      const result = swapExactIn(ctx, router, msg.sender, tokenIn.denom, tokenIn.amount, msg.denomOut, minOut);
      const response = { amountOut: result.amountOut.toString(), orderId: result.orderId, amountInAuction: result.amountInAuction.toString() };
      return { typeUrl: typeUrlOf(MsgSwapExactInResponse), value: MsgSwapExactInResponse.encode(response).finish() };
    },
  };
  return {
    [typeUrlOf(MsgCreateMarket)]: createMarket,
    [typeUrlOf(MsgPlaceLimitOrder)]: placeLimitOrder,
    [typeUrlOf(MsgCancelOrder)]: cancelOrder,
    [typeUrlOf(MsgSwapExactIn)]: swap,
  };
}
