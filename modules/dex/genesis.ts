// Dex genesis: params, markets, resting orders, the auction records and the recent fills and
// order records (history.ts), in the SDK's JSON
// style (snake_case, integers and decimals as strings). Orders' escrow is not moved at
// genesis: bank genesis must already hold it in the `dex` module account (the `escrow`
// invariant checks that the two agree).
import { z } from 'zod';
import { coinsFromProto, coinsToProto } from '../../app/coins.js';
import { decToProto, decToString, parseDec } from '../../app/dec.js';
import type { ModuleGenesis } from '../../app/module.js';
import { prefixIterator } from '../../app/store/index.js';
import { AuctionResult, Fill, OrderRecord, Side, TimeInForce } from '../../gen/zonekit/dex/v1/types.js';
import { restoreFill, restoreOrderRecord } from './history.js';
import type { DexKeeper, DexParams } from './keeper.js';
import { DEFAULT_PARAMS } from './keeper.js';
import { FEES_PREFIX, decodeAmount, fillsPrefix, lastAuctionsPrefix, allOrdersPrefix, orderRecordsPrefix, readU64 } from './keys.js';
import { marketInfo, type MarketInfo } from './market.js';
import { decodeOrder, type OrderState } from './order.js';

const uint = z.string().regex(/^[0-9]+$/, { error: 'must be a non-negative integer string' });
const decimal = z.string().regex(/^[0-9]+(\.[0-9]{1,18})?$/, { error: 'must be a non-negative decimal string' });

const DexGenesisJson = z.object({
  params: z
    .object({
      market_creation_fee: z.array(z.object({ denom: z.string(), amount: uint })).default([]),
      default_fee_rate: decimal,
      fill_retention_blocks: uint.default(DEFAULT_PARAMS.fillRetentionBlocks.toString()),
    })
    .optional(),
  markets: z
    .array(z.object({ id: uint, base_denom: z.string(), quote_denom: z.string(), tick_size: decimal, lot_size: uint, min_notional: uint.default('0'), fee_rate: decimal }))
    .default([]),
  orders: z
    .array(
      z.object({
        id: uint,
        market_id: uint,
        owner: z.string(),
        side: z.enum(['buy', 'sell']),
        price: decimal,
        quantity: uint,
        remaining: uint,
        time_in_force: z.enum(['gtc', 'ioc']).default('gtc'),
        expiry_height: uint.default('0'),
        placed_height: uint.default('0'),
      }),
    )
    .default([]),
  last_auctions: z.array(z.object({ market_id: uint, height: uint, price: decimal, volume: uint, quote_volume: uint })).default([]),
  fees_collected: z.array(z.object({ market_id: uint, denom: z.string(), amount: uint })).default([]),
  // What happened recently (history.ts), in the protobuf JSON of Fill and OrderRecord with snake_case names.
  fills: z.array(z.record(z.string(), z.unknown())).default([]),
  order_records: z.array(z.record(z.string(), z.unknown())).default([]),
  next_market_id: uint.default('1'),
  next_order_id: uint.default('1'),
  next_fill_id: uint.default('1'),
});

const snakeKeys = (json: unknown): unknown =>
  Array.isArray(json)
    ? json.map(snakeKeys)
    : json !== null && typeof json === 'object'
      ? Object.fromEntries(Object.entries(json).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeKeys(v)]))
      : json;
const camelKeys = (json: unknown): unknown =>
  Array.isArray(json)
    ? json.map(camelKeys)
    : json !== null && typeof json === 'object'
      ? Object.fromEntries(Object.entries(json).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()), camelKeys(v)]))
      : json;

export type DexGenesisJson = z.input<typeof DexGenesisJson>;

export interface DexGenesis {
  params: DexParams;
  markets: MarketInfo[];
  orders: OrderState[];
  lastAuctions: AuctionResult[];
  feesCollected: Array<{ marketId: bigint; denom: string; amount: bigint }>;
  fills: Fill[];
  orderRecords: OrderRecord[];
  nextMarketId: bigint;
  nextOrderId: bigint;
  nextFillId: bigint;
}

export function dexGenesis(keeper: DexKeeper): ModuleGenesis<DexGenesis> {
  const codec = keeper.accounts.addressCodec;
  return {
    defaults: () => ({
      params: {
        market_creation_fee: coinsToProto(DEFAULT_PARAMS.marketCreationFee),
        default_fee_rate: decToString(DEFAULT_PARAMS.defaultFeeRate),
        fill_retention_blocks: DEFAULT_PARAMS.fillRetentionBlocks.toString(),
      },
      markets: [],
      orders: [],
      last_auctions: [],
      fees_collected: [],
      fills: [],
      order_records: [],
      next_market_id: '1',
      next_order_id: '1',
      next_fill_id: '1',
    }),
    validate(json) {
      const parsed = DexGenesisJson.parse(json);
      const params: DexParams = parsed.params
        ? {
            marketCreationFee: coinsFromProto(parsed.params.market_creation_fee),
            defaultFeeRate: parseDec(parsed.params.default_fee_rate),
            fillRetentionBlocks: BigInt(parsed.params.fill_retention_blocks),
          }
        : DEFAULT_PARAMS;
      const markets = new Map<bigint, MarketInfo>();
      const pairs = new Set<string>();
      for (const m of parsed.markets) {
        const market = marketInfo(BigInt(m.id), {
          baseDenom: m.base_denom,
          quoteDenom: m.quote_denom,
          tickSize: parseDec(m.tick_size),
          lotSize: BigInt(m.lot_size),
          minNotional: BigInt(m.min_notional),
          feeRate: parseDec(m.fee_rate),
        });
        if (market.id === 0n || markets.has(market.id)) throw new Error(`market id ${m.id} is zero or repeated`);
        for (const pair of [`${market.baseDenom}/${market.quoteDenom}`, `${market.quoteDenom}/${market.baseDenom}`]) {
          if (pairs.has(pair)) throw new Error(`two markets trade ${pair}`);
        }
        pairs.add(`${market.baseDenom}/${market.quoteDenom}`);
        markets.set(market.id, market);
      }
      const orderIds = new Set<bigint>();
      const orders = parsed.orders.map((o): OrderState => {
        const market = markets.get(BigInt(o.market_id));
        if (market === undefined) throw new Error(`order ${o.id} is in unknown market ${o.market_id}`);
        const order: OrderState = {
          id: BigInt(o.id),
          marketId: market.id,
          owner: codec.encode(codec.decode(o.owner)),
          side: o.side === 'buy' ? Side.SIDE_BUY : Side.SIDE_SELL,
          price: parseDec(o.price),
          quantity: BigInt(o.quantity),
          remaining: BigInt(o.remaining),
          timeInForce: o.time_in_force === 'ioc' ? TimeInForce.TIME_IN_FORCE_IOC : TimeInForce.TIME_IN_FORCE_GTC,
          expiryHeight: BigInt(o.expiry_height),
          placedHeight: BigInt(o.placed_height),
        };
        if (order.id === 0n || orderIds.has(order.id)) throw new Error(`order id ${o.id} is zero or repeated`);
        orderIds.add(order.id);
        if (order.price <= 0n || order.price % market.tickSize !== 0n) throw new Error(`order ${o.id}: price ${o.price} is not a positive multiple of the tick size`);
        if (order.remaining <= 0n || order.remaining > order.quantity || order.remaining % market.unit !== 0n) {
          throw new Error(`order ${o.id}: remaining must be positive, at most the quantity, and a multiple of ${market.unit}`);
        }
        return order;
      });
      const nextMarketId = BigInt(parsed.next_market_id);
      const nextOrderId = BigInt(parsed.next_order_id);
      for (const id of markets.keys()) if (id >= nextMarketId) throw new Error(`next_market_id ${nextMarketId} must be above every market id`);
      for (const id of orderIds) if (id >= nextOrderId) throw new Error(`next_order_id ${nextOrderId} must be above every order id`);
      const fills = parsed.fills.map((json) => Fill.fromJSON(camelKeys(json)));
      const nextFillId = BigInt(parsed.next_fill_id);
      for (const fill of fills) {
        codec.decode(fill.owner);
        if (fill.id === 0n || fill.id >= nextFillId) throw new Error(`fill id ${fill.id} must be positive and below next_fill_id ${nextFillId}`);
      }
      const orderRecords = parsed.order_records.map((json) => OrderRecord.fromJSON(camelKeys(json)));
      for (const record of orderRecords) if (record.order === undefined || record.order.id === 0n) throw new Error('an order record needs its order');
      return {
        params,
        markets: [...markets.values()],
        orders,
        lastAuctions: parsed.last_auctions.map((a) => ({
          marketId: BigInt(a.market_id),
          height: BigInt(a.height),
          price: decToProto(parseDec(a.price)),
          volume: a.volume,
          quoteVolume: a.quote_volume,
        })),
        feesCollected: parsed.fees_collected.map((f) => ({ marketId: BigInt(f.market_id), denom: f.denom, amount: BigInt(f.amount) })),
        fills,
        orderRecords,
        nextMarketId,
        nextOrderId,
        nextFillId,
      };
    },
    init(ctx, state) {
      keeper.setParams(ctx, state.params);
      for (const market of state.markets) keeper.setMarket(ctx, market);
      for (const order of state.orders) keeper.insertOrder(ctx, order);
      for (const result of state.lastAuctions) keeper.setLastAuction(ctx, result);
      for (const fee of state.feesCollected) keeper.addFeesCollected(ctx, fee.marketId, { denom: fee.denom, amount: fee.amount });
      keeper.setNextId(ctx, 'market', state.nextMarketId);
      keeper.setNextId(ctx, 'order', state.nextOrderId);
      for (const fill of state.fills) restoreFill(ctx, keeper, fill);
      for (const record of state.orderRecords) restoreOrderRecord(ctx, keeper, record);
      keeper.setNextId(ctx, 'fill', state.nextFillId);
    },
    export(ctx) {
      const params = keeper.params(ctx);
      const store = keeper.store(ctx);
      return {
        params: {
          market_creation_fee: coinsToProto(params.marketCreationFee),
          default_fee_rate: decToString(params.defaultFeeRate),
          fill_retention_blocks: params.fillRetentionBlocks.toString(),
        },
        markets: [...keeper.iterateMarkets(ctx)].map((m) => ({
          id: m.id.toString(),
          base_denom: m.baseDenom,
          quote_denom: m.quoteDenom,
          tick_size: decToString(m.tickSize),
          lot_size: m.lotSize.toString(),
          min_notional: m.minNotional.toString(),
          fee_rate: decToString(m.feeRate),
        })),
        orders: [...prefixIterator(store, allOrdersPrefix())].map(([, value]) => {
          const o = decodeOrder(value);
          return {
            id: o.id.toString(),
            market_id: o.marketId.toString(),
            owner: o.owner,
            side: o.side === Side.SIDE_BUY ? 'buy' : 'sell',
            price: decToString(o.price),
            quantity: o.quantity.toString(),
            remaining: o.remaining.toString(),
            time_in_force: o.timeInForce === TimeInForce.TIME_IN_FORCE_IOC ? 'ioc' : 'gtc',
            expiry_height: o.expiryHeight.toString(),
            placed_height: o.placedHeight.toString(),
          };
        }),
        last_auctions: [...prefixIterator(store, lastAuctionsPrefix())].map(([, value]) => {
          const a = AuctionResult.decode(value);
          return { market_id: a.marketId.toString(), height: a.height.toString(), price: decToString(BigInt(a.price)), volume: a.volume, quote_volume: a.quoteVolume };
        }),
        fees_collected: [...prefixIterator(store, Uint8Array.of(FEES_PREFIX))].map(([key, value]) => ({
          market_id: readU64(key, 1).toString(),
          denom: Buffer.from(key.subarray(9)).toString('utf8'),
          amount: decodeAmount(value).toString(),
        })),
        fills: [...prefixIterator(store, fillsPrefix())].map(([, value]) => snakeKeys(Fill.toJSON(Fill.decode(value))) as Record<string, unknown>),
        order_records: [...prefixIterator(store, orderRecordsPrefix())].map(([, value]) => snakeKeys(OrderRecord.toJSON(OrderRecord.decode(value))) as Record<string, unknown>),
        next_market_id: keeper.peekNextId(ctx, 'market').toString(),
        next_order_id: keeper.peekNextId(ctx, 'order').toString(),
        next_fill_id: keeper.peekNextId(ctx, 'fill').toString(),
      };
    },
  };
}
