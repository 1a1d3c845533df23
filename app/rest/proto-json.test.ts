// The JSON writer against JSON written by hand in the shape a Go node's grpc-gateway emits.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BaseAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { QueryAccountResponse, QueryParamsResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { QueryAllBalancesResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { Tx } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { DEFAULT_AUTH_PARAMS } from '../../modules/auth/index.js';
import { defaultJsonTypes } from './json-types.js';
import { rfc3339, snakeCase } from './proto-json.js';

const ADDRESS = 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4';
const types = defaultJsonTypes({ msgRoutes: new Map() }).register(MsgSend.typeUrl, MsgSend);

describe('proto JSON as grpc-gateway writes it', () => {
  it('writes a page of balances: snake_case, uint64 as strings, empty bytes as null', () => {
    const response = QueryAllBalancesResponse.fromPartial({ balances: [{ denom: 'uatom', amount: '10' }], pagination: { total: 1n } });
    assert.equal(
      JSON.stringify(types.toJson(QueryAllBalancesResponse, response)),
      '{"balances":[{"denom":"uatom","amount":"10"}],"pagination":{"next_key":null,"total":"1"}}',
    );
    const next = QueryAllBalancesResponse.fromPartial({ balances: [], pagination: { nextKey: new Uint8Array([1, 2, 255]) } });
    assert.deepEqual(types.toJson(QueryAllBalancesResponse, next), { balances: [], pagination: { next_key: 'AQL/', total: '0' } });
  });

  it('resolves an account Any, with an unset key as null and a set key resolved too', () => {
    const bare = BaseAccount.encode({ address: ADDRESS, accountNumber: 3n, sequence: 0n }).finish();
    assert.deepEqual(types.toJson(QueryAccountResponse, { account: { typeUrl: '/cosmos.auth.v1beta1.BaseAccount', value: bare } }), {
      account: { '@type': '/cosmos.auth.v1beta1.BaseAccount', address: ADDRESS, pub_key: null, account_number: '3', sequence: '0' },
    });
    const key = new Uint8Array(33).fill(2);
    const withKey = BaseAccount.encode({
      address: ADDRESS,
      pubKey: { typeUrl: '/cosmos.crypto.secp256k1.PubKey', value: PubKey.encode({ key }).finish() },
      accountNumber: 3n,
      sequence: 7n,
    }).finish();
    assert.deepEqual(types.anyToJson('/cosmos.auth.v1beta1.BaseAccount', withKey), {
      '@type': '/cosmos.auth.v1beta1.BaseAccount',
      address: ADDRESS,
      pub_key: { '@type': '/cosmos.crypto.secp256k1.PubKey', key: Buffer.from(key).toString('base64') },
      account_number: '3',
      sequence: '7',
    });
  });

  it('writes auth params with the SDK names (digits stay with their word)', () => {
    assert.deepEqual(types.toJson(QueryParamsResponse, { params: DEFAULT_AUTH_PARAMS }), {
      params: { max_memo_characters: '256', tx_sig_limit: '7', tx_size_cost_per_byte: '10', sig_verify_cost_ed25519: '590', sig_verify_cost_secp256k1: '1000' },
    });
  });

  it('writes a tx: messages resolved, enums by name, an unset oneof member left out', () => {
    const tx = Tx.fromPartial({
      body: { messages: [{ typeUrl: MsgSend.typeUrl, value: MsgSend.encode({ fromAddress: ADDRESS, toAddress: ADDRESS, amount: [{ denom: 'uatom', amount: '1' }] }).finish() }], memo: 'hi' },
      authInfo: { signerInfos: [{ modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } }, sequence: 4n }], fee: { amount: [], gasLimit: 200000n } },
      signatures: [new Uint8Array([9])],
    });
    const json = types.toJson(Tx, tx) as Record<string, any>;
    assert.deepEqual(json.body.messages, [{ '@type': '/cosmos.bank.v1beta1.MsgSend', from_address: ADDRESS, to_address: ADDRESS, amount: [{ denom: 'uatom', amount: '1' }] }]);
    assert.equal(json.body.memo, 'hi');
    assert.equal(json.body.timeout_height, '0');
    assert.deepEqual(json.auth_info.signer_infos, [{ public_key: null, mode_info: { single: { mode: 'SIGN_MODE_DIRECT' } }, sequence: '4' }]);
    assert.deepEqual(json.auth_info.fee, { amount: [], gas_limit: '200000', payer: '', granter: '' });
    assert.deepEqual(json.signatures, ['CQ==']);
  });

  it('keeps an Any of an unknown type as its bytes', () => {
    assert.deepEqual(types.anyToJson('/x.y.Unknown', new Uint8Array([1])), { '@type': '/x.y.Unknown', value: 'AQ==' });
  });

  it('writes times as RFC 3339 with 0, 3, 6 or 9 fraction digits, and names in snake_case', () => {
    assert.equal(rfc3339(1_700_000_000n, 0), '2023-11-14T22:13:20Z');
    assert.equal(rfc3339(1_700_000_000n, 120_000_000), '2023-11-14T22:13:20.120Z');
    assert.equal(rfc3339(1_700_000_000n, 123_456_000), '2023-11-14T22:13:20.123456Z');
    assert.equal(rfc3339(1_700_000_000n, 123_456_789), '2023-11-14T22:13:20.123456789Z');
    assert.equal(snakeCase('sigVerifyCostSecp256k1'), 'sig_verify_cost_secp256k1');
    assert.equal(snakeCase('partSetHeader'), 'part_set_header');
  });
});
