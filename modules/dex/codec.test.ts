// The generated zonekit.dex.v1 codecs against the hand-written ones they replaced: the bytes,
// REST JSON, tx-file JSON and amino JSON below were captured from the old codecs before they
// were deleted, so the move to protobuf-first changed nothing on the wire or in JSON. No dex
// message has a repeated scalar field, so there is no packed encoding to read here (the AMM's
// `routes` is, in its codec.test.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { bech32Codec } from '../../app/address-codec.js';
import type { JsonCodec } from '../../app/rest/proto-json.js';
import { JsonTypes } from '../../app/rest/proto-json.js';
import type { RestRoutes } from '../../app/rest/index.js';
import { BinaryWriter } from '@bufbuild/protobuf/wire';
import { dexAminoConverters, dexZoneAminoConverters } from './amino.js';
import {
  AuctionResult,
  BookLevel,
  Market,
  MsgCancelOrder,
  MsgCancelOrderResponse,
  MsgCreateMarket,
  MsgCreateMarketResponse,
  MsgPlaceLimitOrder,
  MsgPlaceLimitOrderResponse,
  MsgSwapExactIn,
  MsgSwapExactInResponse,
  Order,
  Params,
  QueryBookRequest,
  QueryBookResponse,
  QueryEstimateSwapExactInRequest,
  QueryEstimateSwapExactInResponse,
  QueryLastAuctionRequest,
  QueryLastAuctionResponse,
  QueryMarketRequest,
  QueryMarketResponse,
  QueryMarketsRequest,
  QueryMarketsResponse,
  QueryOrderRequest,
  QueryOrderResponse,
  QueryFillsResponse,
  QueryOrdersByOwnerRequest,
  QueryOrdersByOwnerResponse,
  QueryParamsRequest,
  QueryParamsResponse,
  Side,
  TimeInForce,
  typeUrlOf,
} from './codec.js';
import { DEC_FIELDS } from './dec-json.js';
import { decodeOrder, encodeOrder, orderToProto, type OrderState } from './order.js';
import { dexRest } from './rest.js';

interface Codec {
  readonly $type: string;
  encode(message: any): { finish(): Uint8Array };
  decode(bytes: Uint8Array): unknown;
  fromPartial(object: any): unknown;
}

const OWNER = 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4';
const page = { key: Uint8Array.from([1, 2, 3]), offset: 5n, limit: 10n, countTotal: true, reverse: true };
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

/** Each message as the hand-written codecs encoded it (hex). */
const WIRE: Array<[Codec, object, string]> = [
  [Params, { marketCreationFee: [{ denom: 'uatom', amount: '1000000' }, { denom: 'ustake', amount: '5' }], defaultFeeRate: '3000000000000000' }, '0a100a057561746f6d1207313030303030300a0b0a06757374616b65120135121033303030303030303030303030303030'],
  [Market, { id: 7n, baseDenom: 'ustake', quoteDenom: 'uatom', tickSize: '10000000000000000', lotSize: '100', minNotional: '1000', feeRate: '2000000000000000' }, '08071206757374616b651a057561746f6d221131303030303030303030303030303030302a033130303204313030303a1032303030303030303030303030303030'],
  [Order, { id: 1152921504606846976n, marketId: 3n, owner: OWNER, side: 2, price: '1250000000000000000', quantity: '30000', remaining: '20000', timeInForce: 1, expiryHeight: 99n, placedHeight: 12n }, '0880808080808080801010031a2d636f736d6f733139726c34636d32686d7238616679346b6c6470787a33666b61346a6775713061757164616c3420022a1331323530303030303030303030303030303030320533303030303a05323030303040014863500c'],
  [BookLevel, { price: '1200000000000000000', quantity: '20000', orders: 3n }, '0a1331323030303030303030303030303030303030120532303030301803'],
  [AuctionResult, { marketId: 1n, height: 1234567n, price: '1250000000000000000', volume: '10000', quoteVolume: '12500' }, '08011087ad4b1a1331323530303030303030303030303030303030220531303030302a053132353030'],
  [MsgCreateMarket, { sender: OWNER, baseDenom: 'ustake', quoteDenom: 'uatom', tickSize: '10000000000000000', lotSize: '100', minNotional: '1000' }, '0a2d636f736d6f733139726c34636d32686d7238616679346b6c6470787a33666b61346a6775713061757164616c341206757374616b651a057561746f6d221131303030303030303030303030303030302a03313030320431303030'],
  [MsgCreateMarketResponse, { marketId: 1n }, '0801'],
  [MsgPlaceLimitOrder, { sender: OWNER, marketId: 1n, side: 1, price: '1250000000000000000', quantity: '30000', timeInForce: 1, expiryHeight: -5n }, '0a2d636f736d6f733139726c34636d32686d7238616679346b6c6470787a33666b61346a6775713061757164616c34100118012213313235303030303030303030303030303030302a053330303030300138fbffffffffffffffff01'],
  [MsgPlaceLimitOrderResponse, { orderId: 18446744073709551615n }, '08ffffffffffffffffff01'],
  [MsgCancelOrder, { sender: OWNER, orderId: 300n }, '0a2d636f736d6f733139726c34636d32686d7238616679346b6c6470787a33666b61346a6775713061757164616c3410ac02'],
  [MsgCancelOrderResponse, { refund: { denom: 'uatom', amount: '37500' } }, '0a0e0a057561746f6d12053337353030'],
  [MsgSwapExactIn, { sender: OWNER, tokenIn: { denom: 'uatom', amount: '15000' }, denomOut: 'ustake', minOut: '9000' }, '0a2d636f736d6f733139726c34636d32686d7238616679346b6c6470787a33666b61346a6775713061757164616c34120e0a057561746f6d120531353030301a06757374616b65220439303030'],
  [MsgSwapExactInResponse, { amountOut: '9500', orderId: 4n, amountInAuction: '5000' }, '0a043935303010041a0435303030'],
  [QueryParamsRequest, {}, ''],
  [QueryParamsResponse, { params: { marketCreationFee: [{ denom: 'uatom', amount: '1000000' }], defaultFeeRate: '1000000000000000' } }, '0a240a100a057561746f6d120731303030303030121031303030303030303030303030303030'],
  [QueryMarketsRequest, { pagination: page }, '0a0d0a030102031005180a20012801'],
  [QueryMarketsResponse, { markets: [{ id: 1n, baseDenom: 'ustake', quoteDenom: 'uatom', tickSize: '10000000000000000', lotSize: '100', minNotional: '0', feeRate: '0' }, { id: 2n, baseDenom: 'uosmo', quoteDenom: 'uatom', tickSize: '1000000000000000', lotSize: '1000', minNotional: '5', feeRate: '3000000000000000' }], pagination: { nextKey: Uint8Array.from([9, 8]), total: 42n } }, '0a2f08011206757374616b651a057561746f6d221131303030303030303030303030303030302a033130303201303a01300a3d08021205756f736d6f1a057561746f6d2210313030303030303030303030303030302a04313030303201353a103330303030303030303030303030303012060a020908102a'],
  [QueryMarketRequest, { marketId: 2n }, '0802'],
  [QueryMarketResponse, { market: { id: 2n, baseDenom: 'uosmo', quoteDenom: 'uatom', tickSize: '1000000000000000', lotSize: '1000', minNotional: '5', feeRate: '3000000000000000' } }, '0a3d08021205756f736d6f1a057561746f6d2210313030303030303030303030303030302a04313030303201353a1033303030303030303030303030303030'],
  [QueryBookRequest, { marketId: 1n, limit: 50 }, '08011032'],
  [QueryBookResponse, { bids: [{ price: '1200000000000000000', quantity: '100', orders: 1n }, { price: '1100000000000000000', quantity: '300', orders: 2n }], asks: [{ price: '1300000000000000000', quantity: '20000', orders: 1n }] }, '0a1c0a1331323030303030303030303030303030303030120331303018010a1c0a133131303030303030303030303030303030303012033330301802121e0a1331333030303030303030303030303030303030120532303030301801'],
  [QueryOrderRequest, { orderId: 9n }, '0809'],
  [QueryOrderResponse, { order: { id: 9n, marketId: 1n, owner: OWNER, side: 1, price: '1000000000000000000', quantity: '100', remaining: '100', timeInForce: 0, expiryHeight: 0n, placedHeight: 3n } }, '0a56080910011a2d636f736d6f733139726c34636d32686d7238616679346b6c6470787a33666b61346a6775713061757164616c3420012a133130303030303030303030303030303030303032033130303a033130305003'],
  [QueryOrdersByOwnerRequest, { owner: OWNER, pagination: { key: new Uint8Array(), offset: 0n, limit: 2n, countTotal: false, reverse: false } }, '0a2d636f736d6f733139726c34636d32686d7238616679346b6c6470787a33666b61346a6775713061757164616c3412021802'],
  [QueryOrdersByOwnerResponse, { orders: [{ id: 9n, marketId: 1n, owner: OWNER, side: 1, price: '1000000000000000000', quantity: '100', remaining: '100', timeInForce: 0, expiryHeight: 0n, placedHeight: 3n }, { id: 10n, marketId: 1n, owner: OWNER, side: 2, price: '2000000000000000000', quantity: '200', remaining: '100', timeInForce: 1, expiryHeight: 8n, placedHeight: 4n }], pagination: { nextKey: new Uint8Array(), total: 2n } }, '0a56080910011a2d636f736d6f733139726c34636d32686d7238616679346b6c6470787a33666b61346a6775713061757164616c3420012a133130303030303030303030303030303030303032033130303a0331303050030a5a080a10011a2d636f736d6f733139726c34636d32686d7238616679346b6c6470787a33666b61346a6775713061757164616c3420022a133230303030303030303030303030303030303032033230303a0331303040014808500412021002'],
  [QueryLastAuctionRequest, { marketId: 1n }, '0801'],
  [QueryLastAuctionResponse, { auction: { marketId: 1n, height: 20n, price: '1250000000000000000', volume: '10000', quoteVolume: '12500' } }, '0a27080110141a1331323530303030303030303030303030303030220531303030302a053132353030'],
  [QueryEstimateSwapExactInRequest, { tokenIn: { denom: 'uatom', amount: '15000' }, denomOut: 'ustake' }, '0a0e0a057561746f6d120531353030301206757374616b65'],
  [QueryEstimateSwapExactInResponse, { amountOut: '11900', amountInImmediate: '10000' }, '0a05313139303012053130303030'],
  [
    QueryFillsResponse,
    {
      fills: [{ id: 4n, marketId: 1n, orderId: 2n, owner: OWNER, side: 1, height: 12n, price: '1200000000000000000', quantity: '30000', given: { denom: 'uatom', amount: '36000' }, received: { denom: 'ustake', amount: '29940' }, fee: { denom: 'ustake', amount: '60' } }],
      pagination: { nextKey: new Uint8Array(), total: 1n },
    },
    '0a8401080410011802222d636f736d6f733139726c34636d32686d7238616679346b6c6470787a33666b61346a6775713061757164616c342801300c3a1331323030303030303030303030303030303030420533303030304a0e0a057561746f6d12053336303030520f0a06757374616b65120532393934305a0c0a06757374616b651202363012021001',
  ],
];

/** REST: what app/rest's JSON writer made of each response and message through the old codecs. */
const REST_JSON: Record<string, string> = {
  MsgCreateMarket: `{"sender":"${OWNER}","base_denom":"ustake","quote_denom":"uatom","tick_size":"0.010000000000000000","lot_size":"100","min_notional":"1000"}`,
  MsgCreateMarketResponse: '{"market_id":"1"}',
  MsgPlaceLimitOrder: `{"sender":"${OWNER}","market_id":"1","side":"SIDE_BUY","price":"1.250000000000000000","quantity":"30000","time_in_force":"TIME_IN_FORCE_IOC","expiry_height":"-5"}`,
  MsgPlaceLimitOrderResponse: '{"order_id":"18446744073709551615"}',
  MsgCancelOrder: `{"sender":"${OWNER}","order_id":"300"}`,
  MsgCancelOrderResponse: '{"refund":{"denom":"uatom","amount":"37500"}}',
  MsgSwapExactIn: `{"sender":"${OWNER}","token_in":{"denom":"uatom","amount":"15000"},"denom_out":"ustake","min_out":"9000"}`,
  MsgSwapExactInResponse: '{"amount_out":"9500","order_id":"4","amount_in_auction":"5000"}',
  QueryParamsResponse: '{"params":{"market_creation_fee":[{"denom":"uatom","amount":"1000000"}],"default_fee_rate":"0.001000000000000000","fill_retention_blocks":"0"}}',
  QueryMarketsResponse: '{"markets":[{"id":"1","base_denom":"ustake","quote_denom":"uatom","tick_size":"0.010000000000000000","lot_size":"100","min_notional":"0","fee_rate":"0.000000000000000000"},{"id":"2","base_denom":"uosmo","quote_denom":"uatom","tick_size":"0.001000000000000000","lot_size":"1000","min_notional":"5","fee_rate":"0.003000000000000000"}],"pagination":{"next_key":"CQg=","total":"42"}}',
  QueryMarketResponse: '{"market":{"id":"2","base_denom":"uosmo","quote_denom":"uatom","tick_size":"0.001000000000000000","lot_size":"1000","min_notional":"5","fee_rate":"0.003000000000000000"}}',
  QueryBookResponse: '{"bids":[{"price":"1.200000000000000000","quantity":"100","orders":"1"},{"price":"1.100000000000000000","quantity":"300","orders":"2"}],"asks":[{"price":"1.300000000000000000","quantity":"20000","orders":"1"}]}',
  // The fields after `order` came with order status (an order answers after it leaves the book); this sample predates them.
  QueryOrderResponse: `{"order":{"id":"9","market_id":"1","owner":"${OWNER}","side":"SIDE_BUY","price":"1.000000000000000000","quantity":"100","remaining":"100","time_in_force":"TIME_IN_FORCE_GTC","expiry_height":"0","placed_height":"3"},"status":"ORDER_STATUS_UNSPECIFIED","filled":"","given":null,"received":null,"refunded":null,"closed_height":"0"}`,
  QueryOrdersByOwnerResponse: `{"orders":[{"id":"9","market_id":"1","owner":"${OWNER}","side":"SIDE_BUY","price":"1.000000000000000000","quantity":"100","remaining":"100","time_in_force":"TIME_IN_FORCE_GTC","expiry_height":"0","placed_height":"3"},{"id":"10","market_id":"1","owner":"${OWNER}","side":"SIDE_SELL","price":"2.000000000000000000","quantity":"200","remaining":"100","time_in_force":"TIME_IN_FORCE_IOC","expiry_height":"8","placed_height":"4"}],"pagination":{"next_key":null,"total":"2"}}`,
  QueryLastAuctionResponse: '{"auction":{"market_id":"1","height":"20","price":"1.250000000000000000","volume":"10000","quote_volume":"12500"}}',
  QueryEstimateSwapExactInResponse: '{"amount_out":"11900","amount_in_immediate":"10000"}',
};

REST_JSON.QueryFillsResponse = `{"fills":[{"id":"4","market_id":"1","order_id":"2","owner":"${OWNER}","side":"SIDE_BUY","height":"12","price":"1.200000000000000000","quantity":"30000","given":{"denom":"uatom","amount":"36000"},"received":{"denom":"ustake","amount":"29940"},"fee":{"denom":"ustake","amount":"60"}}],"pagination":{"next_key":null,"total":"1"}}`;

/** The same for messages and responses left at their defaults (decoded from no bytes). */
const EMPTY_JSON: Record<string, string> = {
  MsgCreateMarket: '{"sender":"","base_denom":"","quote_denom":"","tick_size":"","lot_size":"","min_notional":""}',
  MsgCreateMarketResponse: '{"market_id":"0"}',
  MsgPlaceLimitOrder: '{"sender":"","market_id":"0","side":"SIDE_UNSPECIFIED","price":"","quantity":"","time_in_force":"TIME_IN_FORCE_GTC","expiry_height":"0"}',
  MsgPlaceLimitOrderResponse: '{"order_id":"0"}',
  MsgCancelOrder: '{"sender":"","order_id":"0"}',
  MsgCancelOrderResponse: '{"refund":null}',
  MsgSwapExactIn: '{"sender":"","token_in":null,"denom_out":"","min_out":""}',
  MsgSwapExactInResponse: '{"amount_out":"","order_id":"0","amount_in_auction":""}',
  QueryParamsResponse: '{"params":null}',
  QueryMarketsResponse: '{"markets":[],"pagination":null}',
  QueryMarketResponse: '{"market":null}',
  QueryBookResponse: '{"bids":[],"asks":[]}',
  QueryOrderResponse: '{"order":null,"status":"ORDER_STATUS_UNSPECIFIED","filled":"","given":null,"received":null,"refunded":null,"closed_height":"0"}',
  QueryFillsResponse: '{"fills":[],"pagination":null}',
  QueryOrdersByOwnerResponse: '{"orders":[],"pagination":null}',
  QueryLastAuctionResponse: '{"auction":null}',
  QueryEstimateSwapExactInResponse: '{"amount_out":"","amount_in_immediate":""}',
};

/** Tx files (`--generate-only`, `tx sign`): each message as an Any in JSON that reads back to its bytes. */
const TX_FILE_JSON: Record<string, string> = {
  MsgCreateMarket: `{"@type":"/zonekit.dex.v1.MsgCreateMarket","sender":"${OWNER}","base_denom":"ustake","quote_denom":"uatom","tick_size":"0.010000000000000000","lot_size":"100","min_notional":"1000"}`,
  MsgPlaceLimitOrder: `{"@type":"/zonekit.dex.v1.MsgPlaceLimitOrder","sender":"${OWNER}","market_id":"1","side":"SIDE_BUY","price":"1.250000000000000000","quantity":"30000","time_in_force":"TIME_IN_FORCE_IOC","expiry_height":"-5"}`,
  MsgCancelOrder: `{"@type":"/zonekit.dex.v1.MsgCancelOrder","sender":"${OWNER}","order_id":"300"}`,
  MsgSwapExactIn: `{"@type":"/zonekit.dex.v1.MsgSwapExactIn","sender":"${OWNER}","token_in":{"denom":"uatom","amount":"15000"},"denom_out":"ustake","min_out":"9000"}`,
};

/** Amino sign docs (SIGN_MODE_LEGACY_AMINO_JSON). */
const AMINO_JSON: Record<string, string> = {
  MsgCreateMarket: `{"sender":"${OWNER}","base_denom":"ustake","quote_denom":"uatom","tick_size":"0.010000000000000000","lot_size":"100","min_notional":"1000"}`,
  MsgPlaceLimitOrder: `{"sender":"${OWNER}","market_id":"1","side":1,"price":"1.250000000000000000","quantity":"30000","time_in_force":1,"expiry_height":"-5"}`,
  MsgCancelOrder: `{"sender":"${OWNER}","order_id":"300"}`,
  MsgSwapExactIn: `{"sender":"${OWNER}","token_in":{"denom":"uatom","amount":"15000"},"denom_out":"ustake","min_out":"9000"}`,
};

/** The REST routes, the JSON types and the gateway's response codecs, as the dex registers them. */
function registered() {
  const types = new JsonTypes();
  const gateways = new Map<string, { method: string; response: JsonCodec }>();
  const routes: RestRoutes = {
    addressCodec: bech32Codec('cosmos'),
    query: () => Promise.reject(new Error('no queries here')),
    types,
    get: () => {},
    post: () => {},
    gateway: (path, spec) => void gateways.set(path, spec),
  };
  dexRest(routes);
  const responses = new Map([...gateways.values()].map((spec) => [(spec.response as JsonCodec & Codec).$type, spec.response]));
  return { types, gateways, responses };
}

const protoFiles = () => readdirSync('proto/zonekit/dex/v1').map((name) => readFileSync(`proto/zonekit/dex/v1/${name}`, 'utf8'));
const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

describe('dex codecs (generated from proto/zonekit/dex/v1)', () => {
  it('encode every message to the bytes of the hand-written codecs, and decode those bytes back', () => {
    for (const [codec, sample, wire] of WIRE) {
      const message = codec.fromPartial(sample);
      assert.equal(hex(codec.encode(message).finish()), wire, codec.$type);
      assert.deepEqual(codec.decode(bytesOf(wire)), message, codec.$type);
      assert.equal(hex(codec.encode(codec.decode(bytesOf(wire))).finish()), wire, codec.$type);
    }
  });

  it('skip unknown fields', () => {
    const writer = MsgCancelOrder.encode({ sender: 'x', orderId: 9n }, new BinaryWriter());
    writer.uint32((15 << 3) | 2).string('from a newer client');
    assert.deepEqual(MsgCancelOrder.decode(writer.finish()), { sender: 'x', orderId: 9n });
  });

  it('keep their type URLs, and the Msg service its signers and amino names', () => {
    assert.equal(MsgPlaceLimitOrder.typeUrl, '/zonekit.dex.v1.MsgPlaceLimitOrder');
    assert.equal(typeUrlOf(MsgSwapExactInResponse), '/zonekit.dex.v1.MsgSwapExactInResponse');
    const tx = readFileSync('proto/zonekit/dex/v1/tx.proto', 'utf8');
    for (const [typeUrl, converter] of Object.entries(dexAminoConverters)) {
      const name = typeUrl.slice('/zonekit.dex.v1.'.length);
      const options = new RegExp(`message ${name} \\{\\s*option \\(cosmos\\.msg\\.v1\\.signer\\) = "sender";\\s*option \\(amino\\.name\\) = "([^"]+)";`).exec(tx);
      assert.equal(options?.[1], converter.aminoType, name);
    }
  });

  it('write the REST JSON they wrote, for every response and message, set and unset', () => {
    const { types, responses } = registered();
    for (const [codec, , wire] of WIRE) {
      const name = codec.$type.slice('zonekit.dex.v1.'.length);
      if (!(name in REST_JSON)) continue;
      const json = responses.get(codec.$type) ?? types.get(typeUrlOf(codec));
      assert.ok(json, `${name} is registered`);
      assert.equal(JSON.stringify(types.toJson(json, codec.decode(bytesOf(wire)))), REST_JSON[name], name);
      assert.equal(JSON.stringify(types.toJson(json, codec.decode(new Uint8Array()))), EMPTY_JSON[name], `${name} unset`);
    }
  });

  it('serve REST on the paths of their google.api.http options', () => {
    const { gateways } = registered();
    const query = readFileSync('proto/zonekit/dex/v1/query.proto', 'utf8');
    const options = [...query.matchAll(/rpc (\w+)\(\w+\) returns \(\w+\) \{\s*option \(google\.api\.http\)\.get = "([^"]+)";/g)];
    const served = [...gateways].map(([path, spec]) => [spec.method, path]).sort();
    assert.deepEqual(options.map(([, rpc, path]) => [`/zonekit.dex.v1.Query/${rpc}`, path!.replace(/\{(\w+)\}/g, ':$1')]).sort(), served);
  });

  it('write tx files as before, and read them back to the same bytes', () => {
    const { types } = registered();
    for (const [codec, , wire] of WIRE) {
      const name = codec.$type.slice('zonekit.dex.v1.'.length);
      if (!(name in TX_FILE_JSON)) continue;
      const json = types.anyToJson(typeUrlOf(codec), bytesOf(wire), { lossless: true });
      assert.equal(JSON.stringify(json), TX_FILE_JSON[name], name);
      assert.equal(hex(types.anyFromJson(JSON.parse(TX_FILE_JSON[name]!)).value), wire, `${name} read back`);
    }
  });

  it('sign the amino JSON they signed, on the zone and in a client, and read it back', () => {
    for (const [codec, , wire] of WIRE) {
      const typeUrl = typeUrlOf(codec);
      const name = codec.$type.slice('zonekit.dex.v1.'.length);
      if (!(name in AMINO_JSON)) continue;
      const zone = dexZoneAminoConverters[typeUrl]!;
      assert.equal(JSON.stringify(zone.toAmino(zone.decode(bytesOf(wire)))), AMINO_JSON[name], name);
      const client = dexAminoConverters[typeUrl]!;
      assert.equal(JSON.stringify(client.toAmino(codec.decode(bytesOf(wire)))), AMINO_JSON[name], name);
      assert.equal(hex(codec.encode(codec.fromPartial(client.fromAmino(JSON.parse(AMINO_JSON[name]!)))).finish()), wire, `${name} from amino`);
    }
  });

  it("know every LegacyDec field the .proto files declare, and no other (dec-json's table)", () => {
    const decFields = /string (\w+) = \d+ \[\(cosmos_proto\.scalar\) = "cosmos\.Dec"/g;
    const declared = protoFiles().flatMap((text) => [...text.matchAll(decFields)].map(([, field]) => camel(field!)));
    assert.deepEqual(new Set(declared), DEC_FIELDS);
  });

  it('store orders in fixed-width binary that decodes to the same order', () => {
    const order: OrderState = {
      id: 2n ** 60n,
      marketId: 3n,
      owner: OWNER,
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
