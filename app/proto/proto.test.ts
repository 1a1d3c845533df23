// The descriptor-driven runtime against zonekit.testdata.v1 (one field of each kind the SDK's
// options give meaning to): options read from the embedded descriptors, signers, the SDK's JSON
// with Dec fields as decimals (and back), amino JSON by x/tx's rules (and back), packed repeated
// scalars, REST routes from google.api.http and query commands from the query service.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Any } from 'cosmjs-types/google/protobuf/any';
import { descriptorSetBase64 } from '../../gen/descriptor-set.js';
import * as testdata from '../../gen/zonekit/testdata/v1/testdata.js';
import { MsgKitchen, MsgPair, QueryKitchensRequest, QueryKitchensResponse, Side } from '../../gen/zonekit/testdata/v1/testdata.js';
import { bech32Codec } from '../address-codec.js';
import { JsonTypes } from '../rest/proto-json.js';
import type { RestRoutes } from '../rest/routes.js';
import type { CliContext } from '../cli-types.js';
import { aminoConverter, codecsOf, cosmjsAminoConverters, gatewayRoutes, msgHandler, ProtoSchema, queryCommands, registerJsonTypes, typeUrlOf } from './index.js';
import { kebabCase } from './autocli.js';

const schema = ProtoSchema.fromBase64(descriptorSetBase64);
const codecs = codecsOf(testdata);
const ALICE = 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4';
const BOB = 'cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu';

function types(): JsonTypes {
  const json = new JsonTypes();
  registerJsonTypes(json, schema, codecs);
  return json;
}

const kitchen: MsgKitchen = MsgKitchen.fromPartial({
  sender: ALICE,
  price: '1250000000000000000',
  amount: '42',
  ids: [1n, 300n, 1n << 63n],
  side: Side.SIDE_SELL,
  funds: [{ denom: 'uatom', amount: '7' }],
  memo: new Uint8Array([1, 2, 3]),
  height: -5n,
  count: 9,
  flag: true,
  inner: { typeUrl: typeUrlOf(MsgPair), value: MsgPair.encode({ first: ALICE, second: BOB }).finish() },
  note: 'hi',
});

describe('protobuf-first runtime (app/proto)', () => {
  it('reads the SDK options from the embedded descriptors', () => {
    const desc = schema.message('zonekit.testdata.v1.MsgKitchen');
    assert.deepEqual(schema.signerFields(desc), ['sender']);
    assert.equal(schema.aminoName(desc), 'zonekit/testdata/MsgKitchen');
    assert.equal(schema.scalar(desc.fields.find((f) => f.name === 'price')!), 'cosmos.Dec');
    assert.equal(schema.aminoFieldName(desc.fields.find((f) => f.name === 'note')!), 'remark');
    const method = schema.service('zonekit.testdata.v1.Query').methods[0]!;
    assert.deepEqual(schema.httpRule(method), { method: 'GET', path: '/zonekit/testdata/v1/kitchens/{owner}/{id}', body: '' });
    assert.throws(() => schema.message('zonekit.testdata.v1.Nope'), /no descriptor for message zonekit.testdata.v1.Nope/);
  });

  it('takes signers from cosmos.msg.v1.signer, several in order', () => {
    const handler = msgHandler(schema, MsgPair, { handle: () => ({ typeUrl: '', value: new Uint8Array() }) });
    assert.deepEqual(handler.signers(handler.decode(MsgPair.encode({ first: ALICE, second: BOB }).finish())), [ALICE, BOB]);
    assert.deepEqual(msgHandler(schema, MsgKitchen, { handle: () => ({ typeUrl: '', value: new Uint8Array() }) }).signers(kitchen), [ALICE]);
  });

  it('decodes a packed repeated uint64 (and the unpacked form)', () => {
    // Field 4, wire type 2: one length-delimited run of varints 1, 2, 300.
    const packed = Uint8Array.from([0x22, 0x04, 0x01, 0x02, 0xac, 0x02]);
    assert.deepEqual(MsgKitchen.decode(packed).ids, [1n, 2n, 300n]);
    const unpacked = Uint8Array.from([0x20, 0x01, 0x20, 0x02]);
    assert.deepEqual(MsgKitchen.decode(unpacked).ids, [1n, 2n]);
    assert.deepEqual(MsgKitchen.decode(MsgKitchen.encode(kitchen).finish()), kitchen);
  });

  it("writes the SDK's JSON: snake_case, Dec as a decimal, enums by name, Anys resolved; and reads it back to the same bytes", () => {
    const json = types();
    const written = json.toJson(json.get(typeUrlOf(MsgKitchen))!, kitchen);
    assert.deepEqual(written, {
      sender: ALICE,
      price: '1.250000000000000000',
      amount: '42',
      ids: ['1', '300', '9223372036854775808'],
      side: 'SIDE_SELL',
      funds: [{ denom: 'uatom', amount: '7' }],
      memo: 'AQID',
      height: '-5',
      count: 9,
      flag: true,
      inner: { '@type': '/zonekit.testdata.v1.MsgPair', first: ALICE, second: BOB },
      note: 'hi',
    });
    const { typeUrl, value } = json.anyFromJson({ '@type': typeUrlOf(MsgKitchen), ...(written as object) });
    assert.equal(typeUrl, '/zonekit.testdata.v1.MsgKitchen');
    assert.deepEqual(value, MsgKitchen.encode(kitchen).finish());
    // camelCase (cosmjs) and enum numbers read too; bad values say which field.
    assert.deepEqual(json.fromJson(json.get(typeUrlOf(MsgKitchen)) as any, { sender: ALICE, price: '0.5', side: 1, ids: ['7'] }), MsgKitchen.fromPartial({ sender: ALICE, price: '500000000000000000', side: Side.SIDE_BUY, ids: [7n] }));
    assert.throws(() => json.anyFromJson({ '@type': typeUrlOf(MsgKitchen), price: 'abc' }), /invalid price: expected a decimal such as "1.25", got "abc"/);
    assert.throws(() => json.anyFromJson({ '@type': typeUrlOf(MsgKitchen), ids: ['-1'] }), /invalid ids: expected a uint64/);
    assert.throws(() => json.anyFromJson({ '@type': typeUrlOf(MsgKitchen), nope: 1 }), /unknown field "nope" in zonekit.testdata.v1.MsgKitchen/);
  });

  it("writes amino JSON by x/tx's rules and reads it back (cosmjs AminoTypes)", () => {
    const lookup = (url: string) => codecs.find((c) => typeUrlOf(c) === url);
    const converter = aminoConverter(schema, MsgKitchen, lookup);
    assert.equal(converter.aminoType, 'zonekit/testdata/MsgKitchen');
    const amino = converter.toAmino(kitchen);
    assert.deepEqual(amino, {
      sender: ALICE,
      price: '1.250000000000000000',
      amount: '42',
      ids: ['1', '300', '9223372036854775808'],
      side: 2,
      funds: [{ denom: 'uatom', amount: '7' }],
      memo: 'AQID',
      height: '-5',
      count: 9,
      flag: true,
      inner: { type: 'zonekit/testdata/MsgPair', value: { first: ALICE, second: BOB } },
      remark: 'hi',
    });
    // Zero values are left out, except where dont_omitempty keeps them (funds: []).
    assert.deepEqual(converter.toAmino(MsgKitchen.fromPartial({ sender: ALICE })), { sender: ALICE, funds: [] });
    const client = cosmjsAminoConverters(schema, codecs, lookup)[typeUrlOf(MsgKitchen)]!;
    assert.deepEqual(client.fromAmino(client.toAmino(kitchen)), kitchen);
  });

  it('serves REST routes from google.api.http, with path and query parameters', async () => {
    const served: Array<{ path: string; spec: any }> = [];
    const routes = { addressCodec: bech32Codec('cosmos'), types: types(), gateway: (path: string, spec: any) => served.push({ path, spec }) } as unknown as RestRoutes;
    gatewayRoutes(schema, 'zonekit.testdata.v1.Query', codecs)(routes);
    assert.equal(served.length, 1);
    const { path, spec } = served[0]!;
    assert.equal(path, '/zonekit/testdata/v1/kitchens/:owner/:id');
    assert.equal(spec.method, '/zonekit.testdata.v1.Query/Kitchens');
    const params = spec.params.parse({ owner: ALICE, id: '3' });
    const query = spec.query.parse({ side: 'SIDE_BUY', min_price: '0.5', 'pagination.limit': '2' });
    const request = QueryKitchensRequest.decode(spec.request({ params, query, height: 0n }));
    assert.deepEqual(request, QueryKitchensRequest.fromPartial({ owner: ALICE, id: 3n, side: Side.SIDE_BUY, minPrice: '500000000000000000', pagination: { limit: 2n, key: new Uint8Array(), offset: 0n, countTotal: false, reverse: false } }));
    assert.match(spec.params.safeParse({ owner: 'cosmos1bad', id: '3' }).error.issues[0].message, /^invalid address: /);
    assert.throws(() => spec.request({ params, query: { side: 'SIDE_UP' }, height: 0n }), /invalid side: expected one of SIDE_UNSPECIFIED, SIDE_BUY, SIDE_SELL/);
    const answer = QueryKitchensResponse.encode({ kitchens: [kitchen], pagination: { nextKey: new Uint8Array(), total: 1n } }).finish();
    const json = routes.types.toJson(spec.response, spec.response.decode(answer)) as any;
    assert.equal(json.kitchens[0].price, '1.250000000000000000');
    assert.deepEqual(json.pagination, { next_key: null, total: '1' });
  });

  it('makes a query command per method: path fields positional, the rest options, pagination flags', async () => {
    const [command] = queryCommands(schema, 'zonekit.testdata.v1.Query', codecs);
    assert.equal(command!.usage, 'kitchens <owner> <id>');
    assert.deepEqual(command!.options!.map((o) => o.flags.split(' ')[0]), ['--side', '--min-price', '--limit', '--offset', '--page-key', '--count-total', '--reverse']);
    let asked: { path: string; request: Uint8Array } | undefined;
    let printed: unknown;
    const ctx = {
      address: async (name: string) => (name === 'alice' ? ALICE : name),
      query: async (path: string, request: Uint8Array) => {
        asked = { path, request };
        return QueryKitchensResponse.encode({ kitchens: [], pagination: undefined }).finish();
      },
      print: (value: unknown) => (printed = value),
    } as unknown as CliContext;
    await command!.run(ctx, ['alice', '4'], { minPrice: '2', limit: '10', reverse: true });
    assert.equal(asked!.path, '/zonekit.testdata.v1.Query/Kitchens');
    assert.deepEqual(QueryKitchensRequest.decode(asked!.request), QueryKitchensRequest.fromPartial({ owner: ALICE, id: 4n, minPrice: '2000000000000000000', pagination: { limit: 10n, reverse: true } }));
    assert.deepEqual(printed, { kitchens: [], pagination: null });
    assert.equal(kebabCase('DenomsMetadata'), 'denoms-metadata');
  });

  it('lists a generated file\'s codecs (and Any from cosmjs-types stays compatible)', () => {
    assert.deepEqual(codecs.map((c) => c.$type).sort(), ['zonekit.testdata.v1.MsgKitchen', 'zonekit.testdata.v1.MsgKitchenResponse', 'zonekit.testdata.v1.MsgPair', 'zonekit.testdata.v1.QueryKitchensRequest', 'zonekit.testdata.v1.QueryKitchensResponse']);
    assert.deepEqual(Any.decode(Any.encode(kitchen.inner!).finish()), kitchen.inner);
  });
});
