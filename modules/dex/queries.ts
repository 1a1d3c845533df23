// zonekit.dex.v1.Query: markets, depth, orders (open or recently closed), fills, the last
// auction, and the router's estimate.
import { coinFromProto } from '../../app/coins.js';
import { decToProto } from '../../app/dec.js';
import { grpcInvalidArgument, grpcNotFound } from '../../app/grpc.js';
import type { QueryHandler } from '../../app/module.js';
import { paginate } from '../../app/pagination.js';
import { prefixStore } from '../../app/store/index.js';
import {
  QueryBookRequest,
  QueryBookResponse,
  QueryEstimateSwapExactInRequest,
  QueryEstimateSwapExactInResponse,
  QueryFillsRequest,
  QueryFillsResponse,
  QueryLastAuctionRequest,
  QueryLastAuctionResponse,
  QueryMarketRequest,
  QueryMarketResponse,
  QueryMarketsRequest,
  QueryMarketsResponse,
  QueryOrderRequest,
  QueryOrderResponse,
  QueryOrdersByOwnerRequest,
  QueryOrdersByOwnerResponse,
  QueryParamsResponse,
} from '../../gen/zonekit/dex/v1/query.js';
import { type BookLevel, Fill, Market, type Order, OrderStatus, Side } from '../../gen/zonekit/dex/v1/types.js';
import {
  QUERY_BOOK_PATH,
  QUERY_ESTIMATE_SWAP_EXACT_IN_PATH,
  QUERY_FILLS_PATH,
  QUERY_LAST_AUCTION_PATH,
  QUERY_MARKET_PATH,
  QUERY_MARKETS_PATH,
  QUERY_ORDER_PATH,
  QUERY_ORDERS_BY_OWNER_PATH,
  QUERY_PARAMS_PATH,
} from './codec.js';
import type { DexKeeper } from './keeper.js';
import { storedOrderRecord } from './history.js';
import { fillKey, fillsByMarketPrefix, fillsByOrderPrefix, fillsByOwnerPrefix, marketsPrefix, ownerPrefix, readU64 } from './keys.js';
import { marketToProto } from './market.js';
import { orderToProto } from './order.js';
import { planSwap, type RouterDeps } from './router.js';

const DEFAULT_BOOK_LEVELS = 50;
const MAX_BOOK_LEVELS = 1000;

export function dexQueries(keeper: DexKeeper, router: RouterDeps): Record<string, QueryHandler> {
  const codec = keeper.accounts.addressCodec;
  return {
    [QUERY_PARAMS_PATH]: (ctx) => {
      const params = keeper.params(ctx);
      return QueryParamsResponse.encode({
        params: {
          marketCreationFee: params.marketCreationFee.map((c) => ({ denom: c.denom, amount: c.amount.toString() })),
          defaultFeeRate: decToProto(params.defaultFeeRate),
          fillRetentionBlocks: params.fillRetentionBlocks,
        },
      }).finish();
    },
    [QUERY_MARKETS_PATH]: (ctx, data) => {
      const { pagination } = QueryMarketsRequest.decode(data);
      const markets: Market[] = [];
      const page = paginate(prefixStore(keeper.store(ctx), marketsPrefix()), pagination, (_key, value) => markets.push(Market.decode(value)));
      return QueryMarketsResponse.encode({ markets, pagination: page }).finish();
    },
    [QUERY_MARKET_PATH]: (ctx, data) => {
      const { marketId } = QueryMarketRequest.decode(data);
      const market = keeper.getMarket(ctx, marketId);
      if (market === undefined) throw grpcNotFound(`market ${marketId} not found`);
      return QueryMarketResponse.encode({ market: marketToProto(market) }).finish();
    },
    [QUERY_BOOK_PATH]: (ctx, data) => {
      const { marketId, limit } = QueryBookRequest.decode(data);
      if (keeper.getMarket(ctx, marketId) === undefined) throw grpcNotFound(`market ${marketId} not found`);
      if (limit > MAX_BOOK_LEVELS) throw grpcInvalidArgument(`limit is at most ${MAX_BOOK_LEVELS} levels per side`);
      const take = limit === 0 ? DEFAULT_BOOK_LEVELS : limit;
      const side = (s: Side) => {
        const levels: BookLevel[] = [];
        for (const level of keeper.iterateLevels(ctx, marketId, s)) {
          if (levels.length === take) break;
          levels.push({ price: decToProto(level.price), quantity: level.quantity.toString(), orders: level.count });
        }
        return levels;
      };
      return QueryBookResponse.encode({ bids: side(Side.SIDE_BUY), asks: side(Side.SIDE_SELL) }).finish();
    },
    [QUERY_ORDER_PATH]: (ctx, data) => {
      const { orderId } = QueryOrderRequest.decode(data);
      const order = keeper.getOrder(ctx, orderId);
      const record = storedOrderRecord(ctx, keeper, orderId);
      if (order !== undefined) {
        // Open: the book has the order, its record (once it has filled) what it did so far.
        const market = keeper.requireMarket(ctx, order.marketId);
        const [given, received] = order.side === Side.SIDE_BUY ? [market.quoteDenom, market.baseDenom] : [market.baseDenom, market.quoteDenom];
        return QueryOrderResponse.encode({
          order: orderToProto(order),
          status: OrderStatus.ORDER_STATUS_OPEN,
          filled: (order.quantity - order.remaining).toString(),
          given: record?.given ?? { denom: given, amount: '0' },
          received: record?.received ?? { denom: received, amount: '0' },
          refunded: record?.refunded ?? { denom: given, amount: '0' },
          closedHeight: 0n,
        }).finish();
      }
      if (record === undefined) {
        throw grpcNotFound(`order ${orderId} not found: it never existed, or it left the book more than fill_retention_blocks (${keeper.params(ctx).fillRetentionBlocks}) blocks ago`);
      }
      return QueryOrderResponse.encode(record).finish();
    },
    [QUERY_ORDERS_BY_OWNER_PATH]: (ctx, data) => {
      const { owner, pagination } = QueryOrdersByOwnerRequest.decode(data);
      if (owner === '') throw grpcInvalidArgument('owner cannot be empty');
      let address: Uint8Array;
      try {
        address = codec.decode(owner);
      } catch {
        throw grpcInvalidArgument(`invalid owner address ${owner}`);
      }
      const orders: Order[] = [];
      const page = paginate(prefixStore(keeper.store(ctx), ownerPrefix(address)), pagination, (key) => {
        const order = keeper.getOrder(ctx, readU64(key));
        if (order !== undefined) orders.push(orderToProto(order));
      });
      return QueryOrdersByOwnerResponse.encode({ orders, pagination: page }).finish();
    },
    [QUERY_FILLS_PATH]: (ctx, data) => {
      const { owner, marketId, orderId, pagination } = QueryFillsRequest.decode(data);
      const given = [owner !== '', marketId !== 0n, orderId !== 0n].filter(Boolean).length;
      if (given !== 1) throw grpcInvalidArgument('set exactly one of owner, market_id and order_id');
      let index: Uint8Array;
      if (owner !== '') {
        try {
          index = fillsByOwnerPrefix(codec.decode(owner));
        } catch {
          throw grpcInvalidArgument(`invalid owner address ${owner}`);
        }
      } else index = marketId !== 0n ? fillsByMarketPrefix(marketId) : fillsByOrderPrefix(orderId);
      const fills: Fill[] = [];
      const store = keeper.store(ctx);
      const page = paginate(prefixStore(store, index), pagination, (key) => {
        const bytes = store.get(fillKey(readU64(key)));
        if (bytes !== undefined) fills.push(Fill.decode(bytes));
      });
      return QueryFillsResponse.encode({ fills, pagination: page }).finish();
    },
    [QUERY_LAST_AUCTION_PATH]: (ctx, data) => {
      const { marketId } = QueryLastAuctionRequest.decode(data);
      if (keeper.getMarket(ctx, marketId) === undefined) throw grpcNotFound(`market ${marketId} not found`);
      const auction = keeper.lastAuction(ctx, marketId);
      return QueryLastAuctionResponse.encode({ auction }).finish();
    },
    [QUERY_ESTIMATE_SWAP_EXACT_IN_PATH]: (ctx, data) => {
      const { tokenIn, denomOut } = QueryEstimateSwapExactInRequest.decode(data);
      if (tokenIn === undefined) throw grpcInvalidArgument('token_in is required');
      let coin;
      try {
        coin = coinFromProto(tokenIn);
      } catch (err) {
        throw grpcInvalidArgument(err instanceof Error ? err.message : String(err));
      }
      const plan = planSwap(ctx, router, coin.denom, coin.amount, denomOut, 0n);
      return QueryEstimateSwapExactInResponse.encode({ amountOut: plan.estimatedOut.toString(), amountInImmediate: plan.immediateIn.toString() }).finish();
    },
  };
}
