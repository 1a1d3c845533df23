// `zonekit tx dex ...` and `zonekit query dex ...`. Prices are typed and shown as decimals
// ("1.25"); on the wire they are LegacyDec in protobuf form. Amounts are coins (`1000ustake`,
// app/cli-amounts.ts); where the denom is known, a bare number is still read in it.
import { amountOf, coinArg } from '../../app/cli-amounts.js';
import { PAGINATION_OPTIONS, pageRequestFromOptions, pageResponseJson } from '../../app/cli-pagination.js';
import type { CliContext, ModuleCli } from '../../app/cli-types.js';
import { decToProto, parseDec } from '../../app/dec.js';
import { MsgCancelOrder, MsgCreateMarket, MsgPlaceLimitOrder, MsgSwapExactIn } from '../../gen/zonekit/dex/v1/tx.js';
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
  QueryParamsRequest,
  QueryParamsResponse,
} from '../../gen/zonekit/dex/v1/query.js';
import { type Fill, type Market, type Order, OrderStatus, Side, TimeInForce } from '../../gen/zonekit/dex/v1/types.js';
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
  typeUrlOf,
} from './codec.js';
import { decJson } from './dec-json.js';

const human = (protoDec: string) => decJson(protoDec || '0');

function uint(text: string | undefined, what: string): bigint {
  if (text === undefined || !/^[0-9]+$/.test(text)) throw new Error(`<${what}> must be a whole number, got ${JSON.stringify(text)}`);
  return BigInt(text);
}

function decimal(text: string | undefined, what: string): string {
  try {
    return decToProto(parseDec(text ?? ''));
  } catch {
    throw new Error(`<${what}> must be a decimal like 1.25, got ${JSON.stringify(text)}`);
  }
}

function signer(from: unknown): string {
  if (typeof from !== 'string') throw new Error('--from <key_or_address> is required: the account that signs');
  return from;
}

async function submit<T>(ctx: CliContext, from: string, codec: { $type: string; encode(m: T): { finish(): Uint8Array } }, msg: T): Promise<void> {
  await ctx.submit(from, [{ typeUrl: typeUrlOf(codec), value: codec.encode(msg).finish().slice() }]);
}

const marketJson = (m: Market) => ({
  id: m.id.toString(),
  base_denom: m.baseDenom,
  quote_denom: m.quoteDenom,
  tick_size: human(m.tickSize),
  lot_size: m.lotSize,
  min_notional: m.minNotional,
  fee_rate: human(m.feeRate),
});

const orderJson = (o: Order) => ({
  id: o.id.toString(),
  market_id: o.marketId.toString(),
  owner: o.owner,
  side: o.side === Side.SIDE_BUY ? 'buy' : 'sell',
  price: human(o.price),
  quantity: o.quantity,
  remaining: o.remaining,
  time_in_force: o.timeInForce === TimeInForce.TIME_IN_FORCE_IOC ? 'ioc' : 'gtc',
  expiry_height: o.expiryHeight.toString(),
  placed_height: o.placedHeight.toString(),
});

const STATUS_NAMES: Record<number, string> = {
  [OrderStatus.ORDER_STATUS_OPEN]: 'open',
  [OrderStatus.ORDER_STATUS_FILLED]: 'filled',
  [OrderStatus.ORDER_STATUS_CANCELLED]: 'cancelled',
  [OrderStatus.ORDER_STATUS_EXPIRED]: 'expired',
};

const coinJson = (c: { denom: string; amount: string } | undefined) => ({ denom: c?.denom ?? '', amount: c?.amount || '0' });
const coinText = (c: { denom: string; amount: string }) => `${c.amount}${c.denom}`;

const fillJson = (f: Fill) => ({
  id: f.id.toString(),
  market_id: f.marketId.toString(),
  order_id: f.orderId.toString(),
  owner: f.owner,
  side: f.side === Side.SIDE_BUY ? 'buy' : 'sell',
  height: f.height.toString(),
  price: human(f.price),
  quantity: f.quantity,
  given: coinJson(f.given),
  received: coinJson(f.received),
  fee: coinJson(f.fee),
});

const fillLine = (f: ReturnType<typeof fillJson>) =>
  `fill ${f.id} at height ${f.height}: order #${f.order_id} market ${f.market_id} ${f.side} ${f.quantity} @ ${f.price}, gave ${coinText(f.given)}, received ${coinText(f.received)} (fee ${coinText(f.fee)})`;

/** A quantity in the market's base denom: `1000ustake`, or a bare 1000 (base units, as before). */
async function baseQuantity(ctx: CliContext, marketId: string | undefined, text: string | undefined): Promise<bigint> {
  if (text !== undefined && /^[0-9]+$/.test(text)) return BigInt(text);
  const coin = coinArg(ctx, text, 'quantity', '1000ustake');
  const { market } = QueryMarketResponse.decode(await ctx.query(QUERY_MARKET_PATH, QueryMarketRequest.encode({ marketId: uint(marketId, 'market_id') }).finish()));
  if (market !== undefined && coin.denom !== market.baseDenom) {
    throw new Error(`<quantity> must be in market ${market.id}'s base denom ${market.baseDenom}, like 1000${market.baseDenom}; got ${JSON.stringify(text)}`);
  }
  return BigInt(coin.amount);
}

const orderLine = (o: ReturnType<typeof orderJson>) => `#${o.id} market ${o.market_id} ${o.side} ${o.remaining}/${o.quantity} @ ${o.price} (${o.time_in_force})`;

export const dexCli: ModuleCli = {
  tx: [
    {
      usage: 'create-market <base_denom> <quote_denom> <tick_size> <lot_size> [min_notional]',
      description: 'create a market (pays the market creation fee), e.g. `create-market ustake uatom 0.01 100ustake 1000uatom --from alice` (a bare 100 is read in the denom it must be in)',
      async run(ctx, [base, quote, tick, lot, minNotional], { from }) {
        const sender = await ctx.address(signer(from));
        await submit(ctx, signer(from), MsgCreateMarket, {
          sender,
          baseDenom: base!,
          quoteDenom: quote!,
          tickSize: decimal(tick, 'tick_size'),
          lotSize: amountOf(ctx, lot, 'lot_size', base!).toString(),
          minNotional: amountOf(ctx, minNotional ?? '0', 'min_notional', quote!).toString(),
        });
      },
    },
    {
      usage: 'place <market_id> <buy|sell> <price> <quantity>',
      description: 'place a limit order for this block\'s auction, e.g. `place 1 buy 1.25 1000ustake --from alice` (quantity in the base denom; a bare 1000 is read as base units)',
      options: [
        { flags: '--ioc', description: 'immediate or cancel: refund what this block does not fill' },
        { flags: '--expiry-height <height>', description: 'the last block whose auction the order joins' },
      ],
      async run(ctx, [marketId, side, price, quantity], { from, ioc, expiryHeight }) {
        if (side !== 'buy' && side !== 'sell') throw new Error(`<side> must be buy or sell, got ${JSON.stringify(side)}`);
        const sender = await ctx.address(signer(from));
        await submit(ctx, signer(from), MsgPlaceLimitOrder, {
          sender,
          marketId: uint(marketId, 'market_id'),
          side: side === 'buy' ? Side.SIDE_BUY : Side.SIDE_SELL,
          price: decimal(price, 'price'),
          quantity: (await baseQuantity(ctx, marketId, quantity)).toString(),
          timeInForce: ioc === true ? TimeInForce.TIME_IN_FORCE_IOC : TimeInForce.TIME_IN_FORCE_GTC,
          expiryHeight: typeof expiryHeight === 'string' ? uint(expiryHeight, 'expiry-height') : 0n,
        });
      },
    },
    {
      usage: 'cancel <order_id>',
      description: 'cancel an open order; its unfilled escrow comes back',
      async run(ctx, [orderId], { from }) {
        const sender = await ctx.address(signer(from));
        await submit(ctx, signer(from), MsgCancelOrder, { sender, orderId: uint(orderId, 'order_id') });
      },
    },
    {
      usage: 'swap <token_in> <min_out|denom_out> [min_out]',
      description:
        'swap an exact input through the best venues (the auction and any pools), receiving at least <min_out>, e.g. `swap 1000uatom 900ustake --from alice` (or `swap 1000uatom ustake [900ustake]`)',
      async run(ctx, [tokenIn, second, third], { from }) {
        const coin = coinArg(ctx, tokenIn, 'token_in');
        // `swap 1000uatom 900ustake`: the minimum names the output denom; `swap 1000uatom ustake [900ustake]` as before.
        let denomOut: string;
        let minOut: bigint;
        if (second !== undefined && /^[0-9]/.test(second)) {
          if (third !== undefined) throw new Error(`give <min_out> once, like \`swap 1000uatom 900ustake\`; got ${JSON.stringify(second)} and ${JSON.stringify(third)}`);
          const min = coinArg(ctx, second, 'min_out', '900ustake');
          [denomOut, minOut] = [min.denom, BigInt(min.amount)];
        } else {
          if (second === undefined) throw new Error('<min_out> is required: the least to receive with its denom, like 900ustake (or 0ustake)');
          [denomOut, minOut] = [second, amountOf(ctx, third ?? '0', 'min_out', second)];
        }
        const sender = await ctx.address(signer(from));
        await submit(ctx, signer(from), MsgSwapExactIn, { sender, tokenIn: coin, denomOut, minOut: minOut.toString() });
      },
    },
  ],
  query: [
    {
      usage: 'params',
      description: 'the market creation fee and the default fee rate',
      async run(ctx) {
        const { params } = QueryParamsResponse.decode(await ctx.query(QUERY_PARAMS_PATH, QueryParamsRequest.encode({}).finish()));
        const json = {
          market_creation_fee: params?.marketCreationFee ?? [],
          default_fee_rate: human(params?.defaultFeeRate ?? ''),
          fill_retention_blocks: (params?.fillRetentionBlocks ?? 0n).toString(),
        };
        ctx.print(
          json,
          () =>
            `market creation fee: ${json.market_creation_fee.map((c) => `${c.amount}${c.denom}`).join(',') || '(none)'}\ndefault fee rate: ${json.default_fee_rate}\nfills kept for: ${json.fill_retention_blocks} blocks`,
        );
      },
    },
    {
      usage: 'markets',
      description: 'every market',
      async run(ctx) {
        const { markets } = QueryMarketsResponse.decode(await ctx.query(QUERY_MARKETS_PATH, QueryMarketsRequest.encode({ pagination: undefined }).finish()));
        const json = markets.map(marketJson);
        ctx.print({ markets: json }, () => json.map((m) => `${m.id}: ${m.base_denom}/${m.quote_denom} tick ${m.tick_size} lot ${m.lot_size} fee ${m.fee_rate}`).join('\n') || '(none)');
      },
    },
    {
      usage: 'market <market_id>',
      description: "a market's parameters",
      async run(ctx, [id]) {
        const { market } = QueryMarketResponse.decode(await ctx.query(QUERY_MARKET_PATH, QueryMarketRequest.encode({ marketId: uint(id, 'market_id') }).finish()));
        const json = marketJson(market!);
        ctx.print(json, () => Object.entries(json).map(([k, v]) => `${k}: ${v}`).join('\n'));
      },
    },
    {
      usage: 'book <market_id>',
      description: 'aggregated depth: bids highest first, asks lowest first',
      options: [{ flags: '--levels <n>', description: 'levels per side (default 50)' }],
      async run(ctx, [id], { levels }) {
        const request = QueryBookRequest.encode({ marketId: uint(id, 'market_id'), limit: typeof levels === 'string' ? Number(uint(levels, 'levels')) : 0 }).finish();
        const book = QueryBookResponse.decode(await ctx.query(QUERY_BOOK_PATH, request));
        const side = (levels: typeof book.bids) => levels.map((l) => ({ price: human(l.price), quantity: l.quantity, orders: l.orders.toString() }));
        const json = { bids: side(book.bids), asks: side(book.asks) };
        const lines = (name: string, ls: typeof json.bids) => [name, ...ls.map((l) => `  ${l.price}  ${l.quantity}  (${l.orders} orders)`)];
        ctx.print(json, () => [...lines('asks', [...json.asks].reverse()), ...lines('bids', json.bids)].join('\n'));
      },
    },
    {
      usage: 'order <order_id>',
      description: 'an order, open or closed within fill_retention_blocks: its status and what it filled, gave, received and got back',
      async run(ctx, [id]) {
        const response = QueryOrderResponse.decode(await ctx.query(QUERY_ORDER_PATH, QueryOrderRequest.encode({ orderId: uint(id, 'order_id') }).finish()));
        const json = {
          ...orderJson(response.order!),
          status: STATUS_NAMES[response.status] ?? 'unknown',
          filled: response.filled || '0',
          given: coinJson(response.given),
          received: coinJson(response.received),
          refunded: coinJson(response.refunded),
          closed_height: response.closedHeight.toString(),
        };
        const when = json.status === 'open' ? 'open' : `${json.status} at height ${json.closed_height}`;
        ctx.print(json, () =>
          [orderLine(json), `${when}: filled ${json.filled}, gave ${coinText(json.given)}, received ${coinText(json.received)}, refunded ${coinText(json.refunded)}`].join('\n'),
        );
      },
    },
    {
      usage: 'fills',
      description: 'the fills of one account, market or order (kept for fill_retention_blocks), oldest first, e.g. `fills --owner alice`',
      options: [
        { flags: '--owner <key_or_address>', description: "an account's fills" },
        { flags: '--market <market_id>', description: "a market's fills" },
        { flags: '--order <order_id>', description: "an order's fills" },
        ...PAGINATION_OPTIONS,
      ],
      async run(ctx, _args, opts) {
        const { owner, market, order } = opts;
        if ([owner, market, order].filter((o) => typeof o === 'string').length !== 1) {
          throw new Error('give exactly one of --owner <key_or_address>, --market <market_id> and --order <order_id>, like `query dex fills --owner alice`');
        }
        const request = QueryFillsRequest.encode({
          owner: typeof owner === 'string' ? await ctx.address(owner) : '',
          marketId: typeof market === 'string' ? uint(market, 'market') : 0n,
          orderId: typeof order === 'string' ? uint(order, 'order') : 0n,
          pagination: pageRequestFromOptions(opts),
        }).finish();
        const response = QueryFillsResponse.decode(await ctx.query(QUERY_FILLS_PATH, request));
        const fills = response.fills.map(fillJson);
        ctx.print({ fills, pagination: pageResponseJson(response.pagination) }, () => fills.map(fillLine).join('\n') || '(no fills)');
      },
    },
    {
      usage: 'orders <owner>',
      description: "an account's open orders",
      async run(ctx, [owner]) {
        const address = await ctx.address(owner!);
        const { orders } = QueryOrdersByOwnerResponse.decode(await ctx.query(QUERY_ORDERS_BY_OWNER_PATH, QueryOrdersByOwnerRequest.encode({ owner: address, pagination: undefined }).finish()));
        const json = orders.map(orderJson);
        ctx.print({ orders: json }, () => json.map(orderLine).join('\n') || '(none)');
      },
    },
    {
      usage: 'last-auction <market_id>',
      description: "the market's last clearing price and volume",
      async run(ctx, [id]) {
        const { auction } = QueryLastAuctionResponse.decode(await ctx.query(QUERY_LAST_AUCTION_PATH, QueryLastAuctionRequest.encode({ marketId: uint(id, 'market_id') }).finish()));
        const json = auction ? { height: auction.height.toString(), price: human(auction.price), volume: auction.volume, quote_volume: auction.quoteVolume } : null;
        ctx.print({ auction: json }, () => (json ? `height ${json.height}: ${json.volume} at ${json.price} (${json.quote_volume} quote)` : 'no auction has traded yet'));
      },
    },
    {
      usage: 'estimate-swap <token_in> <denom_out>',
      description: 'what `tx dex swap` would get if the batch held only what is known now',
      async run(ctx, [tokenIn, denomOut]) {
        const coin = coinArg(ctx, tokenIn, 'token_in');
        const request = QueryEstimateSwapExactInRequest.encode({ tokenIn: coin, denomOut: denomOut! }).finish();
        const estimate = QueryEstimateSwapExactInResponse.decode(await ctx.query(QUERY_ESTIMATE_SWAP_EXACT_IN_PATH, request));
        const json = { amount_out: estimate.amountOut, amount_in_immediate: estimate.amountInImmediate };
        ctx.print(json, () => `${json.amount_out}${denomOut} (${json.amount_in_immediate} of the input to immediate venues)`);
      },
    },
  ],
};
