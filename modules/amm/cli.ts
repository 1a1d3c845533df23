// `zonekit tx amm ...` and `zonekit query amm ...`. Decimals are typed as people write them
// ("0.003") and shown that way; on the wire they are LegacyDec's scaled integers.
import { amountOf, coinArg } from '../../app/cli-amounts.js';
import type { CliContext, ModuleCli } from '../../app/cli-types.js';
import { decFromProto, decToProto, decToString, parseDec } from '../../app/dec.js';
import type { Coin } from '../../gen/cosmos/base/v1beta1/coin.js';
import {
  QueryParamsRequest,
  QueryParamsResponse,
  QueryPoolRequest,
  QueryPoolResponse,
  QueryPoolsRequest,
  QueryPoolsResponse,
  QueryReservesRequest,
  QueryReservesResponse,
  QuerySimulateSwapExactInRequest,
  QuerySimulateSwapExactInResponse,
  QuerySimulateSwapExactOutRequest,
  QuerySimulateSwapExactOutResponse,
  QuerySpotPriceRequest,
  QuerySpotPriceResponse,
  QueryTwapRequest,
  QueryTwapResponse,
} from '../../gen/zonekit/amm/v1/query.js';
import { MsgAddLiquidity, MsgCreatePool, MsgRemoveLiquidity, MsgSwapExactIn, MsgSwapExactOut } from '../../gen/zonekit/amm/v1/tx.js';
import type { Pool } from '../../gen/zonekit/amm/v1/types.js';
import {
  QUERY_PARAMS_PATH,
  QUERY_POOLS_PATH,
  QUERY_POOL_PATH,
  QUERY_RESERVES_PATH,
  QUERY_SIMULATE_SWAP_EXACT_IN_PATH,
  QUERY_SIMULATE_SWAP_EXACT_OUT_PATH,
  QUERY_SPOT_PRICE_PATH,
  QUERY_TWAP_PATH,
  typeUrlOf,
} from './codec.js';
import { shareDenom } from './keys.js';
import { CURVE_CONSTANT_PRODUCT, CURVE_NAMES, CURVE_STABLESWAP } from './curve.js';

const UINT = /^[0-9]+$/;

function uint(text: string | undefined, name: string): bigint {
  if (text === undefined || !UINT.test(text)) throw new Error(`<${name}> must be a whole number, got ${JSON.stringify(text)}`);
  return BigInt(text);
}

function route(text: string | undefined): bigint[] {
  if (text === undefined || !/^[0-9]+(,[0-9]+)*$/.test(text)) throw new Error(`<route> is pool ids separated by commas, e.g. 1 or 1,4, got ${JSON.stringify(text)}`);
  return text.split(',').map(BigInt);
}

const oneCoin = (ctx: CliContext, text: string | undefined, name: string): Coin => coinArg(ctx, text, name);

/** Two or more coins, `1000000uatom,2000000ustake`; a bare number is refused with that example. */
function someCoins(ctx: CliContext, text: string | undefined, name: string): Coin[] {
  const expected = `<${name}> must be amounts with their denoms, like 1000000uatom,2000000ustake; got ${JSON.stringify(text ?? '')}`;
  try {
    return ctx.coins(text ?? '');
  } catch {
    throw new Error(expected);
  }
}

async function sender(ctx: CliContext, from: string | boolean | undefined): Promise<string> {
  if (typeof from !== 'string') throw new Error('--from <key_or_address> is required: the account that signs');
  return ctx.address(from);
}

const coinText = (coin: Coin | undefined) => (coin === undefined ? '(none)' : `${coin.amount}${coin.denom}`);

function poolJson(pool: Pool) {
  return {
    id: pool.id.toString(),
    curve: pool.curve,
    amplification: pool.amplification.toString(),
    swap_fee: decToString(decFromProto(pool.swapFee)),
    reserves: pool.reserves,
    total_shares: pool.totalShares ?? null,
    twap:
      pool.twap === undefined
        ? null
        : {
            price0_cumulative: pool.twap.price0Cumulative,
            price1_cumulative: pool.twap.price1Cumulative,
            last_time: pool.twap.lastTime.toString(),
            last_height: pool.twap.lastHeight.toString(),
          },
  };
}

function poolText(pool: Pool): string {
  const curve = pool.curve === CURVE_STABLESWAP ? `stableswap (A = ${pool.amplification})` : pool.curve;
  return [`pool ${pool.id}: ${curve}, swap fee ${decToString(decFromProto(pool.swapFee))}`, `  reserves: ${pool.reserves.map(coinText).join(', ')}`, `  shares:   ${coinText(pool.totalShares)}`].join('\n');
}

export const ammCli: ModuleCli = {
  tx: [
    {
      usage: 'create-pool <deposit>',
      description: 'create a pool with a first deposit of two coins, e.g. `create-pool 1000000uatom,2000000ustake --swap-fee 0.003`',
      options: [
        { flags: '--curve <curve>', description: `${CURVE_NAMES.join(' or ')}`, default: CURVE_CONSTANT_PRODUCT },
        { flags: '--swap-fee <fee>', description: 'share of every input kept by the pool', default: '0.003' },
        { flags: '--amplification <A>', description: 'stableswap amplification (1 to 1000000)' },
      ],
      async run(ctx, [deposit], { from, curve, swapFee, amplification }) {
        const msg = MsgCreatePool.fromPartial({
          sender: await sender(ctx, from),
          curve: String(curve),
          amplification: amplification === undefined ? 0n : uint(String(amplification), 'amplification'),
          swapFee: decToProto(parseDec(String(swapFee))),
          deposit: someCoins(ctx, deposit, 'deposit'),
        });
        await ctx.submit(String(from), [{ typeUrl: typeUrlOf(MsgCreatePool), value: MsgCreatePool.encode(msg).finish() }]);
      },
    },
    {
      usage: 'add-liquidity <pool_id> <max_amounts>',
      description: "deposit in the pool's ratio, at most <max_amounts> of each coin, e.g. `add-liquidity 1 1000uatom,2000ustake --min-shares 900amm/pool/1`",
      options: [{ flags: '--min-shares <shares>', description: 'fail unless at least these shares are minted, e.g. 900amm/pool/1', default: '0' }],
      async run(ctx, [poolId, max], { from, minShares }) {
        const id = uint(poolId, 'pool_id');
        const msg = MsgAddLiquidity.fromPartial({
          sender: await sender(ctx, from),
          poolId: id,
          maxAmounts: someCoins(ctx, max, 'max_amounts'),
          minShares: amountOf(ctx, String(minShares), 'min-shares', shareDenom(id)).toString(),
        });
        await ctx.submit(String(from), [{ typeUrl: typeUrlOf(MsgAddLiquidity), value: MsgAddLiquidity.encode(msg).finish() }]);
      },
    },
    {
      usage: 'remove-liquidity <pool_id> <shares>',
      description: 'redeem LP shares for the pro-rata reserves, e.g. `remove-liquidity 1 5000amm/pool/1`',
      options: [{ flags: '--min-amounts <coins>', description: 'fail unless at least these amounts come back, e.g. 1000uatom,2000ustake' }],
      async run(ctx, [poolId, shares], { from, minAmounts }) {
        const id = uint(poolId, 'pool_id');
        const msg = MsgRemoveLiquidity.fromPartial({
          sender: await sender(ctx, from),
          poolId: id,
          shares: amountOf(ctx, shares, 'shares', shareDenom(id)).toString(),
          minAmounts: typeof minAmounts === 'string' ? someCoins(ctx, minAmounts, 'min-amounts') : [],
        });
        await ctx.submit(String(from), [{ typeUrl: typeUrlOf(MsgRemoveLiquidity), value: MsgRemoveLiquidity.encode(msg).finish() }]);
      },
    },
    {
      usage: 'swap-exact-in <route> <token_in> <min_token_out>',
      description: 'swap exactly <token_in> through the pools of <route> (e.g. 1,4), receiving at least <min_token_out> (e.g. 990ustake)',
      async run(ctx, [routes, tokenIn, minOut], { from }) {
        const min = oneCoin(ctx, minOut, 'min_token_out');
        const msg = MsgSwapExactIn.fromPartial({ sender: await sender(ctx, from), routes: route(routes), tokenIn: oneCoin(ctx, tokenIn, 'token_in'), tokenOutDenom: min.denom, minAmountOut: min.amount });
        await ctx.submit(String(from), [{ typeUrl: typeUrlOf(MsgSwapExactIn), value: MsgSwapExactIn.encode(msg).finish() }]);
      },
    },
    {
      usage: 'swap-exact-out <route> <token_out> <max_token_in>',
      description: 'receive exactly <token_out> through the pools of <route>, paying at most <max_token_in>',
      async run(ctx, [routes, tokenOut, maxIn], { from }) {
        const max = oneCoin(ctx, maxIn, 'max_token_in');
        const msg = MsgSwapExactOut.fromPartial({ sender: await sender(ctx, from), routes: route(routes), tokenInDenom: max.denom, maxAmountIn: max.amount, tokenOut: oneCoin(ctx, tokenOut, 'token_out') });
        await ctx.submit(String(from), [{ typeUrl: typeUrlOf(MsgSwapExactOut), value: MsgSwapExactOut.encode(msg).finish() }]);
      },
    },
  ],
  query: [
    {
      usage: 'params',
      description: "the AMM's params",
      async run(ctx) {
        const { params } = QueryParamsResponse.decode(await ctx.query(QUERY_PARAMS_PATH, QueryParamsRequest.encode({}).finish()));
        const json = {
          pool_creation_fee: params?.poolCreationFee ?? [],
          max_swap_fee: decToString(decFromProto(params?.maxSwapFee ?? '')),
          twap_history_blocks: String(params?.twapHistoryBlocks ?? 0n),
        };
        ctx.print(json, () => `pool creation fee: ${json.pool_creation_fee.map(coinText).join(',') || '(none)'}\nmax swap fee: ${json.max_swap_fee}\ntwap history: ${json.twap_history_blocks} blocks`);
      },
    },
    {
      usage: 'pool <pool_id>',
      description: 'one pool: curve, fee, reserves, shares',
      async run(ctx, [poolId]) {
        const { pool } = QueryPoolResponse.decode(await ctx.query(QUERY_POOL_PATH, QueryPoolRequest.encode({ poolId: uint(poolId, 'pool_id') }).finish()));
        ctx.print({ pool: poolJson(pool!) }, () => poolText(pool!));
      },
    },
    {
      usage: 'reserves <pool_id>',
      description: "a pool's reserves and total LP shares",
      async run(ctx, [poolId]) {
        const { reserves, totalShares } = QueryReservesResponse.decode(await ctx.query(QUERY_RESERVES_PATH, QueryReservesRequest.encode({ poolId: uint(poolId, 'pool_id') }).finish()));
        ctx.print({ reserves, total_shares: totalShares ?? null }, () => `${reserves.map(coinText).join(', ')}
shares: ${coinText(totalShares)}`);
      },
    },
    {
      usage: 'pools',
      description: 'every pool',
      async run(ctx) {
        const { pools } = QueryPoolsResponse.decode(await ctx.query(QUERY_POOLS_PATH, QueryPoolsRequest.encode({ pagination: undefined }).finish()));
        ctx.print({ pools: pools.map(poolJson) }, () => (pools.length === 0 ? '(no pools)' : pools.map(poolText).join('\n')));
      },
    },
    {
      usage: 'spot-price <pool_id> <base_denom> <quote_denom>',
      description: 'quote units per base unit at the current reserves, without the fee',
      async run(ctx, [poolId, base, quote]) {
        const request = QuerySpotPriceRequest.encode({ poolId: uint(poolId, 'pool_id'), baseDenom: base!, quoteDenom: quote! }).finish();
        const price = decToString(decFromProto(QuerySpotPriceResponse.decode(await ctx.query(QUERY_SPOT_PRICE_PATH, request)).spotPrice));
        ctx.print({ spot_price: price }, () => price);
      },
    },
    {
      usage: 'simulate-swap-exact-in <route> <token_in> <token_out_denom>',
      description: 'what swap-exact-in would return now',
      async run(ctx, [routes, tokenIn, outDenom]) {
        const request = QuerySimulateSwapExactInRequest.encode({ routes: route(routes), tokenIn: oneCoin(ctx, tokenIn, 'token_in'), tokenOutDenom: outDenom! }).finish();
        const { tokenOut } = QuerySimulateSwapExactInResponse.decode(await ctx.query(QUERY_SIMULATE_SWAP_EXACT_IN_PATH, request));
        ctx.print({ token_out: tokenOut }, () => coinText(tokenOut));
      },
    },
    {
      usage: 'simulate-swap-exact-out <route> <token_in_denom> <token_out>',
      description: 'what swap-exact-out would cost now',
      async run(ctx, [routes, inDenom, tokenOut]) {
        const request = QuerySimulateSwapExactOutRequest.encode({ routes: route(routes), tokenInDenom: inDenom!, tokenOut: oneCoin(ctx, tokenOut, 'token_out') }).finish();
        const { tokenIn } = QuerySimulateSwapExactOutResponse.decode(await ctx.query(QUERY_SIMULATE_SWAP_EXACT_OUT_PATH, request));
        ctx.print({ token_in: tokenIn }, () => coinText(tokenIn));
      },
    },
    {
      usage: 'twap <pool_id> <base_denom> <start_height> [end_height]',
      description: 'the time-weighted average price of <base_denom> from <start_height> to [end_height] (default: the latest)',
      async run(ctx, [poolId, base, start, end]) {
        const request = QueryTwapRequest.encode({
          poolId: uint(poolId, 'pool_id'),
          baseDenom: base!,
          startHeight: uint(start, 'start_height'),
          endHeight: end === undefined ? 0n : uint(end, 'end_height'),
        }).finish();
        const response = QueryTwapResponse.decode(await ctx.query(QUERY_TWAP_PATH, request));
        const json = { twap: decToString(decFromProto(response.twap)), start_time: response.startTime.toString(), end_time: response.endTime.toString() };
        ctx.print(json, () => `${json.twap} (over ${response.endTime - response.startTime} s)`);
      },
    },
  ],
};
