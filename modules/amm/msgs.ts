// The Msg service: stateless checks, one keeper call, the typed response (events come from
// the keeper, so the router's and the auction's fills emit the same ones).
import type { AddressCodec } from '../../app/address-codec.js';
import { coinFromProto, coinToProto, coinsToProto, normalizeCoins, parseAmount, validateDenom, type Coin } from '../../app/coins.js';
import { decFromProto } from '../../app/dec.js';
import { ErrInvalidRequest } from '../../app/errors.js';
import type { MsgHandler, MsgResponse } from '../../app/module.js';
import type { Coin as CoinProto } from '../../gen/cosmos/base/v1beta1/coin.js';
import {
  MsgAddLiquidity,
  MsgAddLiquidityResponse,
  MsgCreatePool,
  MsgCreatePoolResponse,
  MsgRemoveLiquidity,
  MsgRemoveLiquidityResponse,
  MsgSwapExactIn,
  MsgSwapExactInResponse,
  MsgSwapExactOut,
  MsgSwapExactOutResponse,
} from '../../gen/zonekit/amm/v1/tx.js';
import { typeUrlOf } from './codec.js';
import { ErrSameDenom, ErrZeroAmount } from './errors.js';
import type { AmmKeeper } from './keeper.js';
import { validatePair, validatePoolSpec, type CreatePoolArgs } from './liquidity.js';
import { validateRoutes } from './swap.js';

function respond<T>(codec: { $type: string; encode(message: T): { finish(): Uint8Array } }, message: T): MsgResponse {
  return { typeUrl: typeUrlOf(codec), value: codec.encode(message).finish() };
}

/** An optional math.Int field: empty is 0. */
const optionalAmount = (text: string): bigint => (text === '' ? 0n : parseAmount(text));

function positiveAmount(text: string, field: string): bigint {
  const amount = optionalAmount(text);
  if (amount <= 0n) throw ErrZeroAmount.wrap(`${field} must be positive, got "${text}"`);
  return amount;
}

function requiredCoin(coin: CoinProto | undefined, field: string): Coin {
  if (coin === undefined) throw ErrInvalidRequest.wrap(`${field} is required`);
  const parsed = coinFromProto(coin);
  if (parsed.amount <= 0n) throw ErrZeroAmount.wrap(`${field} must be positive, got ${parsed.amount}${parsed.denom}`);
  return parsed;
}

/** Coins that must each name a valid denom once; zero amounts are allowed (a "no minimum"). */
function coinList(list: readonly CoinProto[], field: string): Coin[] {
  const coins = list.map(coinFromProto);
  const denoms = new Set(coins.map((c) => c.denom));
  if (denoms.size !== coins.length) throw ErrSameDenom.wrap(`${field} names a denom twice`);
  return coins;
}

function createPoolArgs(msg: MsgCreatePool): CreatePoolArgs {
  return { curve: msg.curve, amplification: msg.amplification, swapFee: decFromProto(msg.swapFee), deposit: coinList(msg.deposit, 'deposit') };
}

export function ammMsgs(keeper: AmmKeeper, codec: AddressCodec): Record<string, MsgHandler> {
  const createPool: MsgHandler<MsgCreatePool> = {
    decode: (value) => MsgCreatePool.decode(value),
    signers: (msg) => [msg.sender],
    validate(msg) {
      codec.decode(msg.sender);
      validatePoolSpec(createPoolArgs(msg));
    },
    handle(ctx, msg) {
      const args = createPoolArgs(msg);
      const { poolId, shares } = keeper.createPool(ctx, codec.decode(msg.sender), { ...args, deposit: normalizeCoins(args.deposit) });
      return respond(MsgCreatePoolResponse, { poolId, shares: coinToProto(shares) });
    },
  };

  const addLiquidity: MsgHandler<MsgAddLiquidity> = {
    decode: (value) => MsgAddLiquidity.decode(value),
    signers: (msg) => [msg.sender],
    validate(msg) {
      codec.decode(msg.sender);
      if (msg.poolId === 0n) throw ErrInvalidRequest.wrap('pool_id is required');
      validatePair(coinList(msg.maxAmounts, 'max_amounts'));
      optionalAmount(msg.minShares);
    },
    handle(ctx, msg) {
      const max = normalizeCoins(coinList(msg.maxAmounts, 'max_amounts'));
      const { shares, amounts } = keeper.addLiquidity(ctx, codec.decode(msg.sender), msg.poolId, max, optionalAmount(msg.minShares));
      return respond(MsgAddLiquidityResponse, { shares: coinToProto(shares), amounts: coinsToProto(amounts) });
    },
  };

  const removeLiquidity: MsgHandler<MsgRemoveLiquidity> = {
    decode: (value) => MsgRemoveLiquidity.decode(value),
    signers: (msg) => [msg.sender],
    validate(msg) {
      codec.decode(msg.sender);
      if (msg.poolId === 0n) throw ErrInvalidRequest.wrap('pool_id is required');
      positiveAmount(msg.shares, 'shares');
      coinList(msg.minAmounts, 'min_amounts');
    },
    handle(ctx, msg) {
      const min = normalizeCoins(coinList(msg.minAmounts, 'min_amounts'));
      const amounts = keeper.removeLiquidity(ctx, codec.decode(msg.sender), msg.poolId, positiveAmount(msg.shares, 'shares'), min);
      return respond(MsgRemoveLiquidityResponse, { amounts: coinsToProto(amounts) });
    },
  };

  const swapExactIn: MsgHandler<MsgSwapExactIn> = {
    decode: (value) => MsgSwapExactIn.decode(value),
    signers: (msg) => [msg.sender],
    validate(msg) {
      codec.decode(msg.sender);
      validateRoutes(msg.routes);
      requiredCoin(msg.tokenIn, 'token_in');
      validateDenom(msg.tokenOutDenom);
      positiveAmount(msg.minAmountOut, 'min_amount_out');
    },
    handle(ctx, msg) {
      const tokenIn = requiredCoin(msg.tokenIn, 'token_in');
      const out = keeper.swapExactIn(ctx, codec.decode(msg.sender), msg.routes, tokenIn, msg.tokenOutDenom, positiveAmount(msg.minAmountOut, 'min_amount_out'));
      return respond(MsgSwapExactInResponse, { tokenOut: coinToProto(out) });
    },
  };

  const swapExactOut: MsgHandler<MsgSwapExactOut> = {
    decode: (value) => MsgSwapExactOut.decode(value),
    signers: (msg) => [msg.sender],
    validate(msg) {
      codec.decode(msg.sender);
      validateRoutes(msg.routes);
      requiredCoin(msg.tokenOut, 'token_out');
      validateDenom(msg.tokenInDenom);
      positiveAmount(msg.maxAmountIn, 'max_amount_in');
    },
    handle(ctx, msg) {
      const tokenOut = requiredCoin(msg.tokenOut, 'token_out');
      const paid = keeper.swapExactOut(ctx, codec.decode(msg.sender), msg.routes, msg.tokenInDenom, positiveAmount(msg.maxAmountIn, 'max_amount_in'), tokenOut);
      return respond(MsgSwapExactOutResponse, { tokenIn: coinToProto(paid) });
    },
  };

  return {
    [typeUrlOf(MsgCreatePool)]: createPool,
    [typeUrlOf(MsgAddLiquidity)]: addLiquidity,
    [typeUrlOf(MsgRemoveLiquidity)]: removeLiquidity,
    [typeUrlOf(MsgSwapExactIn)]: swapExactIn,
    [typeUrlOf(MsgSwapExactOut)]: swapExactOut,
  };
}
