// Bytes and rules pinned to ibc-go v8.8.0 (with cosmos-sdk v0.50.9): each expected value below
// was printed by ../testdata/ibc-go-vectors.go, a Go program calling ibc-go's own functions
// (GenerateAddress, NewDefaultMetadataString, MetadataFromVersion, GetBytes, UnmarshalJSON,
// SerializeCosmosTx, DeserializeCosmosTx, NewResultAcknowledgement, NewErrorAcknowledgement)
// and the SDK's (NewAnyWithValue, SIGN_MODE_LEGACY_AMINO_JSON's x/tx handler).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import { MsgSend, MsgSendResponse } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { MsgDelegate, MsgDelegateResponse } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import { TxMsgData } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import { AuthInfo, TxBody } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { Any } from 'cosmjs-types/google/protobuf/any';
import { InterchainAccount } from 'cosmjs-types/ibc/applications/interchain_accounts/v1/account';
import {
  MsgRegisterInterchainAccount,
  MsgRegisterInterchainAccountResponse,
  MsgSendTx,
} from 'cosmjs-types/ibc/applications/interchain_accounts/controller/v1/tx';
import { Order } from 'cosmjs-types/ibc/core/channel/v1/channel';
import { bech32Codec } from '../../../../app/address-codec.js';
import { CodedError } from '../../../../app/errors.js';
import type { MsgHandler } from '../../../../app/module.js';
import { baseJsonTypes } from '../../../../app/rest/json-types.js';
import { AminoConverters } from '../../../../app/tx/amino.js';
import { aminoJsonSignBytes } from '../../../../app/tx/sign-doc.js';
import { accountToAny, INTERCHAIN_ACCOUNT_TYPE_URL } from '../../../../modules/auth/index.js';
import { ackBytes, errorAck, resultAck } from '../../../core/04-channel/acknowledgement.js';
import { controllerAminoConverters } from '../controller/amino.js';
import { HOST_ACCOUNTS_ADDRESS, generateAddress, validateAccountAddress } from './account.js';
import { deserializeCosmosTx, serializeCosmosTx } from './cosmos-tx.js';
import { ErrUnknownDataType } from './errors.js';
import { controllerPortId } from './keys.js';
import { metadataFromVersion, metadataToVersion, newDefaultMetadata } from './metadata.js';
import { decodePacketData, packetDataBytes, packetDataJson, parsePacketData, Type } from './packet.js';

const codec = bech32Codec('cosmos');
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const utf8 = (s: string) => new TextEncoder().encode(s);

const OWNER = 'cosmos17dtl0mjt3t77kpuhg2edqzjpszulwhgzuj9ljs';
const PORT = controllerPortId(OWNER);
// sha256("zonekit"), standing in for the header's app hash.
const APP_HASH = createHash('sha256').update('zonekit').digest();
const ICA_ADDRESS = "cosmos1lae8zv3y3hcz23y0c3md6zv2lygfjpdcs5v3kq6tqk8yj2c6xkss0m7gfs";
const TO = codec.encode(new Uint8Array(20));
const VALOPER = 'cosmosvaloper1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqkh6mvu';

const sendMsg = MsgSend.fromPartial({ fromAddress: ICA_ADDRESS, toAddress: TO, amount: [{ denom: 'stake', amount: '100' }] });
const delegateMsg = MsgDelegate.fromPartial({ delegatorAddress: ICA_ADDRESS, validatorAddress: VALOPER, amount: { denom: 'stake', amount: '7' } });
const cosmosTx = () =>
  serializeCosmosTx([
    { typeUrl: MsgSend.typeUrl, value: MsgSend.encode(sendMsg).finish() },
    { typeUrl: MsgDelegate.typeUrl, value: MsgDelegate.encode(delegateMsg).finish() },
  ]);

describe('interchain account addresses (types/account.go)', () => {
  it('derives the host account space and each account as GenerateAddress does', () => {
    assert.equal(hex(HOST_ACCOUNTS_ADDRESS), "491f9e6ef0e5160f09503100d6d3cb5e391edafa06a2b080b2732f41fe291728");
    assert.equal(PORT, "icacontroller-cosmos17dtl0mjt3t77kpuhg2edqzjpszulwhgzuj9ljs");
    const address = generateAddress('connection-0', PORT, APP_HASH);
    assert.equal(hex(address), "ff727132248df025448fc476dd098af9109905b885191b034b058e492b1a35a1");
    assert.equal(codec.encode(address), ICA_ADDRESS);
    // An empty header app hash (and the always empty data hash) add nothing.
    assert.equal(codec.encode(generateAddress('connection-7', 'icacontroller-x', new Uint8Array())), "cosmos18lc3p602x6xwncn6qn78hd2cm0e2425prkjjfqgg59tfngxqrq3s5ecmq6");
  });

  it('validates version addresses as ValidateAccountAddress', () => {
    validateAccountAddress(OWNER);
    validateAccountAddress('a');
    for (const bad of ['', '     ', 'a'.repeat(129), 'cosmos1-x']) assert.throws(() => validateAccountAddress(bad), /invalid account address/);
  });
});

describe('version metadata (types/metadata.go)', () => {
  it('writes the JSON ModuleCdc.MarshalJSON writes: field order, every field, Go escaping', () => {
    assert.equal(metadataToVersion(newDefaultMetadata('connection-0', 'connection-1')), "{\"version\":\"ics27-1\",\"controller_connection_id\":\"connection-0\",\"host_connection_id\":\"connection-1\",\"address\":\"\",\"encoding\":\"proto3\",\"tx_type\":\"sdk_multi_msg\"}");
    assert.equal(metadataToVersion({ ...newDefaultMetadata('connection-0', 'connection-1'), address: ICA_ADDRESS }), "{\"version\":\"ics27-1\",\"controller_connection_id\":\"connection-0\",\"host_connection_id\":\"connection-1\",\"address\":\"cosmos1lae8zv3y3hcz23y0c3md6zv2lygfjpdcs5v3kq6tqk8yj2c6xkss0m7gfs\",\"encoding\":\"proto3\",\"tx_type\":\"sdk_multi_msg\"}");
    assert.equal(metadataToVersion({ ...newDefaultMetadata('connection-0', 'connection-1'), txType: 'a<b>&\u2028é' }), "{\"version\":\"ics27-1\",\"controller_connection_id\":\"connection-0\",\"host_connection_id\":\"connection-1\",\"address\":\"\",\"encoding\":\"proto3\",\"tx_type\":\"a\\u003cb\\u003e\\u0026\\u2028\u00e9\"}");
  });

  it('reads versions as MetadataFromVersion does', () => {
    const cases: Array<[string, string | undefined]> = [
      ["", undefined],
      [" {\"tx_type\":\"sdk_multi_msg\"} ", "{Version: ControllerConnectionId: HostConnectionId: Address: Encoding: TxType:sdk_multi_msg}"],
      ["[]", undefined],
      ["ics27-1", undefined],
      ["null", "{Version: ControllerConnectionId: HostConnectionId: Address: Encoding: TxType:}"],
      ["{\"version\":\"ics27-1\",\"controllerConnectionId\":\"connection-0\"}", "{Version:ics27-1 ControllerConnectionId:connection-0 HostConnectionId: Address: Encoding: TxType:}"],
      ["{\"version\":\"ics27-1\",\"unknown\":\"x\"}", undefined],
      ["{\"version\":\"ics27-1\",\"version\":\"x\"}", "{Version:x ControllerConnectionId: HostConnectionId: Address: Encoding: TxType:}"],
      ["{\"version\":\"ics27-1\"}", "{Version:ics27-1 ControllerConnectionId: HostConnectionId: Address: Encoding: TxType:}"],
      ["{\"version\":\"ics27-1\"} trailing", "{Version:ics27-1 ControllerConnectionId: HostConnectionId: Address: Encoding: TxType:}"],
      ["{\"version\":\"ics27-1\"}{\"x\":1}", "{Version:ics27-1 ControllerConnectionId: HostConnectionId: Address: Encoding: TxType:}"],
      ["{\"version\":1}", undefined],
      ["{\"version\":null}", "{Version: ControllerConnectionId: HostConnectionId: Address: Encoding: TxType:}"],
    ];
    for (const [version, expected] of cases) {
      if (expected === undefined) {
        assert.throws(() => metadataFromVersion(version), (err: unknown) => err instanceof CodedError && err.is(ErrUnknownDataType) && err.message === 'cannot unmarshal ICS-27 interchain accounts metadata: unknown data type', version);
      } else {
        const m = metadataFromVersion(version);
        const go = `{Version:${m.version} ControllerConnectionId:${m.controllerConnectionId} HostConnectionId:${m.hostConnectionId} Address:${m.address} Encoding:${m.encoding} TxType:${m.txType}}`;
        assert.equal(go, expected, version);
      }
    }
  });
});

describe('packet data (types/packet.go, types/codec.go)', () => {
  it('serializes a CosmosTx as SerializeCosmosTx(proto3) and packet data as GetBytes', () => {
    const tx = cosmosTx();
    assert.equal(hex(tx), "0aa1010a1c2f636f736d6f732e62616e6b2e763162657461312e4d736753656e641280010a41636f736d6f73316c6165387a7633793368637a3233793063336d64367a76326c7967666a706463733576336b713674716b38796a326336786b7373306d37676673122d636f736d6f733171717171717171717171717171717171717171717171717171717171717171716e72716c38611a0c0a057374616b6512033130300aad010a232f636f736d6f732e7374616b696e672e763162657461312e4d736744656c65676174651285010a41636f736d6f73316c6165387a7633793368637a3233793063336d64367a76326c7967666a706463733576336b713674716b38796a326336786b7373306d376766731234636f736d6f7376616c6f7065723171717171717171717171717171717171717171717171717171717171717171716b68366d76751a0a0a057374616b65120137");
    assert.equal(text(packetDataBytes({ type: Type.TYPE_EXECUTE_TX, data: tx, memo: '' })), "{\"data\":\"CqEBChwvY29zbW9zLmJhbmsudjFiZXRhMS5Nc2dTZW5kEoABCkFjb3Ntb3MxbGFlOHp2M3kzaGN6MjN5MGMzbWQ2enYybHlnZmpwZGNzNXYza3E2dHFrOHlqMmM2eGtzczBtN2dmcxItY29zbW9zMXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxbnJxbDhhGgwKBXN0YWtlEgMxMDAKrQEKIy9jb3Ntb3Muc3Rha2luZy52MWJldGExLk1zZ0RlbGVnYXRlEoUBCkFjb3Ntb3MxbGFlOHp2M3kzaGN6MjN5MGMzbWQ2enYybHlnZmpwZGNzNXYza3E2dHFrOHlqMmM2eGtzczBtN2dmcxI0Y29zbW9zdmFsb3BlcjFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcWtoNm12dRoKCgVzdGFrZRIBNw==\",\"memo\":\"\",\"type\":\"TYPE_EXECUTE_TX\"}");
    assert.equal(text(packetDataBytes({ type: Type.TYPE_EXECUTE_TX, data: Uint8Array.of(1, 2, 3), memo: 'a<b>&"c"\n' })), "{\"data\":\"AQID\",\"memo\":\"a\\u003cb\\u003e\\u0026\\\"c\\\"\\n\",\"type\":\"TYPE_EXECUTE_TX\"}");
    // What generate-packet-data prints: the same, unsorted.
    assert.equal(packetDataJson({ type: Type.TYPE_EXECUTE_TX, data: Uint8Array.of(1, 2, 3), memo: 'm' }), '{"type":"TYPE_EXECUTE_TX","data":"AQID","memo":"m"}');
  });

  it('reads packet data as UnmarshalJSON does', () => {
    const cases: Array<[string, string | undefined]> = [
      ["null", "type=0 data= memo=\"\""],
      ["{\"type\":\"1\",\"data\":\"AQID\"}", undefined],
      ["{\"type\":\"EXECUTE_TX\",\"data\":\"AQID\"}", undefined],
      ["{\"type\":\"TYPE_EXECUTE_TX\",\"data\":\"AQ-_\"}", undefined],
      ["{\"type\":\"TYPE_EXECUTE_TX\",\"data\":\"AQI\"}", undefined],
      ["{\"type\":\"TYPE_EXECUTE_TX\",\"data\":\"AQID\",\"extra\":1}", undefined],
      ["{\"type\":\"TYPE_EXECUTE_TX\",\"data\":\"AQID\",\"memo\":\"m\"}", "type=1 data=010203 memo=\"m\""],
      ["{\"type\":\"TYPE_EXECUTE_TX\",\"data\":\"AQID\"} junk", "type=1 data=010203 memo=\"\""],
      ["{\"type\":\"TYPE_EXECUTE_TX\",\"data\":null}", "type=1 data= memo=\"\""],
      ["{\"type\":1,\"data\":\"AQID\",\"memo\":5}", undefined],
      ["{\"type\":1,\"data\":\"AQID\"}", "type=1 data=010203 memo=\"\""],
      ["{\"type\":1.0,\"data\":\"AQID\"}", undefined],
      ["{\"type\":2,\"data\":\"AQID\"}", "type=2 data=010203 memo=\"\""],
      ["{}", "type=0 data= memo=\"\""],
    ];
    for (const [json, expected] of cases) {
      if (expected === undefined) {
        assert.throws(() => parsePacketData(utf8(json)), json);
        assert.throws(() => decodePacketData(utf8(json)), /cannot unmarshal ICS-27 interchain account packet data: unknown data type/);
      } else {
        const d = parsePacketData(utf8(json));
        assert.equal(`type=${d.type} data=${hex(d.data)} memo=${JSON.stringify(d.memo)}`, expected, json);
      }
    }
  });

  it('deserializes with the errors DeserializeCosmosTx gives (ABCI code 1: plain Go errors)', () => {
    const handlers: Record<string, MsgHandler> = {
      [MsgSend.typeUrl]: { decode: (v) => MsgSend.decode(v), signers: (m: MsgSend) => [m.fromAddress], handle: () => ({ typeUrl: '', value: new Uint8Array() }) },
      [MsgDelegate.typeUrl]: { decode: (v) => MsgDelegate.decode(v), signers: (m: MsgDelegate) => [m.delegatorAddress], handle: () => ({ typeUrl: '', value: new Uint8Array() }) },
    };
    const router = { handler: (typeUrl: string) => handlers[typeUrl] };
    assert.deepEqual(deserializeCosmosTx(router, cosmosTx(), 'proto3').map((m) => m.msg), [sendMsg, delegateMsg]);
    assert.deepEqual(deserializeCosmosTx(router, serializeCosmosTx([]), 'proto3'), []);
    const codeAndText = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        assert.ok(err instanceof CodedError);
        return [err.code, err.message];
      }
      assert.fail('expected an error');
    };
    const [code, message] = codeAndText(() => deserializeCosmosTx(router, utf8('not a tx'), 'proto3'));
    assert.equal(code, 1);
    assert.match(message as string, /^cannot unmarshal CosmosTx with protobuf: /);
    const unknown = serializeCosmosTx([{ typeUrl: '/foo.Bar', value: new Uint8Array() }]);
    assert.deepEqual(codeAndText(() => deserializeCosmosTx(router, unknown, 'proto3')), [1, "cannot unmarshal CosmosTx with protobuf: no concrete type registered for type URL /foo.Bar against interface *interface { ProtoMessage(); Reset(); String() string }"]);
    assert.deepEqual(codeAndText(() => deserializeCosmosTx(router, cosmosTx(), 'bogus')), [18, 'unsupported encoding format bogus: codec is not supported']);
  });
});

describe('acknowledgements (04-channel acknowledgement.go)', () => {
  it('carries TxMsgData with each response as NewResultAcknowledgement; errors as NewErrorAcknowledgement', () => {
    const data = TxMsgData.encode({
      data: [],
      msgResponses: [
        { typeUrl: '/cosmos.bank.v1beta1.MsgSendResponse', value: MsgSendResponse.encode({}).finish() },
        { typeUrl: '/cosmos.staking.v1beta1.MsgDelegateResponse', value: MsgDelegateResponse.encode({}).finish() },
      ],
    }).finish();
    assert.equal(hex(data), "12260a242f636f736d6f732e62616e6b2e763162657461312e4d736753656e64526573706f6e7365122d0a2b2f636f736d6f732e7374616b696e672e763162657461312e4d736744656c6567617465526573706f6e7365");
    assert.equal(text(ackBytes(resultAck(data))), "{\"result\":\"EiYKJC9jb3Ntb3MuYmFuay52MWJldGExLk1zZ1NlbmRSZXNwb25zZRItCisvY29zbW9zLnN0YWtpbmcudjFiZXRhMS5Nc2dEZWxlZ2F0ZVJlc3BvbnNl\"}");
    assert.equal(text(ackBytes(errorAck(2))), "{\"error\":\"ABCI code: 2: error handling packet: see events for details\"}");
    assert.equal(ErrUnknownDataType.wrap('cannot unmarshal ICS-27 interchain account packet data').message, "cannot unmarshal ICS-27 interchain account packet data: unknown data type");
  });
});

describe('the InterchainAccount account type (types/account.pb.go)', () => {
  it('is stored and answered as the Any ibc-go packs, and written as the SDK\'s JSON', () => {
    const any = accountToAny({ address: codec.decode(ICA_ADDRESS), accountNumber: 7n, sequence: 0n, interchainAccountOwner: PORT }, codec);
    assert.equal(any.typeUrl, "/ibc.applications.interchain_accounts.v1.InterchainAccount");
    assert.equal(hex(Any.encode(any).finish()), "0a3a2f6962632e6170706c69636174696f6e732e696e746572636861696e5f6163636f756e74732e76312e496e746572636861696e4163636f756e741284010a450a41636f736d6f73316c6165387a7633793368637a3233793063336d64367a76326c7967666a706463733576336b713674716b38796a326336786b7373306d376766731807123b696361636f6e74726f6c6c65722d636f736d6f73313764746c306d6a74337437376b70756867326564717a6a70737a756c7768677a756a396c6a73");
    const types = baseJsonTypes().register(INTERCHAIN_ACCOUNT_TYPE_URL, InterchainAccount);
    assert.equal(JSON.stringify(types.anyToJson(any.typeUrl, any.value)), "{\"@type\":\"/ibc.applications.interchain_accounts.v1.InterchainAccount\",\"base_account\":{\"address\":\"cosmos1lae8zv3y3hcz23y0c3md6zv2lygfjpdcs5v3kq6tqk8yj2c6xkss0m7gfs\",\"pub_key\":null,\"account_number\":\"7\",\"sequence\":\"0\"},\"account_owner\":\"icacontroller-cosmos17dtl0mjt3t77kpuhg2edqzjpszulwhgzuj9ljs\"}");
  });
});

describe('controller messages (controller/v1/tx.proto)', () => {
  const register = MsgRegisterInterchainAccount.fromPartial({ owner: OWNER, connectionId: 'connection-0', version: '', ordering: Order.ORDER_ORDERED });
  const sendTx = MsgSendTx.fromPartial({ owner: OWNER, connectionId: 'connection-0', packetData: { type: Type.TYPE_EXECUTE_TX, data: Uint8Array.of(1, 2, 3), memo: 'a<b>&"c"\n' }, relativeTimeout: 600_000_000_000n });

  it('encodes as ibc-go v8 does (field numbers, uint64 timeout)', () => {
    assert.equal(hex(MsgRegisterInterchainAccount.encode(register).finish()), "0a2d636f736d6f73313764746c306d6a74337437376b70756867326564717a6a70737a756c7768677a756a396c6a73120c636f6e6e656374696f6e2d302002");
    assert.equal(hex(MsgSendTx.encode(sendTx).finish()), "0a2d636f736d6f73313764746c306d6a74337437376b70756867326564717a6a70737a756c7768677a756a396c6a73120c636f6e6e656374696f6e2d301a12080112030102031a09613c623e262263220a2080e0a596bb11");
    assert.equal(hex(MsgRegisterInterchainAccountResponse.encode({ channelId: 'channel-0', portId: PORT }).finish()), "0a096368616e6e656c2d30123b696361636f6e74726f6c6c65722d636f736d6f73313764746c306d6a74337437376b70756867326564717a6a70737a756c7768677a756a396c6a73");
  });

  it('signs in SIGN_MODE_LEGACY_AMINO_JSON as simd verifies (x/tx, no amino name: the type URL)', () => {
    const converters = new AminoConverters().registerAll(controllerAminoConverters);
    const signBytes = (typeUrl: string, value: Uint8Array) =>
      text(
        aminoJsonSignBytes(
          {
            body: TxBody.fromPartial({ messages: [{ typeUrl, value }], memo: 'memo' }),
            authInfo: AuthInfo.fromPartial({ fee: { amount: [{ denom: 'stake', amount: '5000' }], gasLimit: 200000n } }),
          },
          'zone-a-1',
          3n,
          9n,
          converters,
        ),
      );
    assert.equal(signBytes(MsgRegisterInterchainAccount.typeUrl, MsgRegisterInterchainAccount.encode(register).finish()), "{\"account_number\":\"3\",\"chain_id\":\"zone-a-1\",\"fee\":{\"amount\":[{\"amount\":\"5000\",\"denom\":\"stake\"}],\"gas\":\"200000\"},\"memo\":\"memo\",\"msgs\":[{\"type\":\"/ibc.applications.interchain_accounts.controller.v1.MsgRegisterInterchainAccount\",\"value\":{\"connection_id\":\"connection-0\",\"ordering\":2,\"owner\":\"cosmos17dtl0mjt3t77kpuhg2edqzjpszulwhgzuj9ljs\"}}],\"sequence\":\"9\"}");
    const withVersion = MsgRegisterInterchainAccount.fromPartial({ owner: OWNER, connectionId: 'connection-0', version: metadataToVersion(newDefaultMetadata('connection-0', 'connection-1')) });
    assert.equal(signBytes(MsgRegisterInterchainAccount.typeUrl, MsgRegisterInterchainAccount.encode(withVersion).finish()), "{\"account_number\":\"3\",\"chain_id\":\"zone-a-1\",\"fee\":{\"amount\":[{\"amount\":\"5000\",\"denom\":\"stake\"}],\"gas\":\"200000\"},\"memo\":\"memo\",\"msgs\":[{\"type\":\"/ibc.applications.interchain_accounts.controller.v1.MsgRegisterInterchainAccount\",\"value\":{\"connection_id\":\"connection-0\",\"owner\":\"cosmos17dtl0mjt3t77kpuhg2edqzjpszulwhgzuj9ljs\",\"version\":\"{\\\"version\\\":\\\"ics27-1\\\",\\\"controller_connection_id\\\":\\\"connection-0\\\",\\\"host_connection_id\\\":\\\"connection-1\\\",\\\"address\\\":\\\"\\\",\\\"encoding\\\":\\\"proto3\\\",\\\"tx_type\\\":\\\"sdk_multi_msg\\\"}\"}}],\"sequence\":\"9\"}");
    assert.equal(signBytes(MsgSendTx.typeUrl, MsgSendTx.encode(sendTx).finish()), "{\"account_number\":\"3\",\"chain_id\":\"zone-a-1\",\"fee\":{\"amount\":[{\"amount\":\"5000\",\"denom\":\"stake\"}],\"gas\":\"200000\"},\"memo\":\"memo\",\"msgs\":[{\"type\":\"/ibc.applications.interchain_accounts.controller.v1.MsgSendTx\",\"value\":{\"connection_id\":\"connection-0\",\"owner\":\"cosmos17dtl0mjt3t77kpuhg2edqzjpszulwhgzuj9ljs\",\"packet_data\":{\"data\":\"AQID\",\"memo\":\"a\\u003cb\\u003e\\u0026\\\"c\\\"\\n\",\"type\":1},\"relative_timeout\":\"600000000000\"}}],\"sequence\":\"9\"}");
  });
});
