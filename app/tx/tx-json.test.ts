// The SDK's tx JSON against a gentx made by a Cosmos SDK v0.50 chain: our bytes must be the
// bytes its validator signed, and the JSON must come back out field for field.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MsgCreateValidator } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import { SignDoc, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { gentxJson } from '../../modules/genutil/index.js';
import { appJsonTypes } from '../rest/json-types.js';
import { camelCase, snakeCase } from '../rest/proto-json.js';
import { buildZone } from '../../zone/zone.js';
import { verifySecp256k1 } from './secp256k1.js';
import { TxJsonRegistry } from './tx-json.js';

// From the published genesis of chain "narwhal" (an SDK v0.50 chain): delegator_address
// empty as v0.50 writes it, SIGN_MODE_DIRECT with account number 0, as gentxs are signed.
const CHAIN_ID = 'narwhal';
const GENTX = {
  body: {
    messages: [
      {
        '@type': '/cosmos.staking.v1beta1.MsgCreateValidator',
        description: { moniker: 'mynode', identity: '', website: '', security_contact: '', details: '' },
        commission: { rate: '0.100000000000000000', max_rate: '0.200000000000000000', max_change_rate: '0.010000000000000000' },
        min_self_delegation: '1',
        delegator_address: '',
        validator_address: 'narwhalvaloper1dpq0ylat08pwrzc3gpe0wxqanjwr0e2r79gjpg',
        pubkey: { '@type': '/cosmos.crypto.ed25519.PubKey', key: 'vH6KKJ3ZLtXcQfI5649jUEroGIgbvMWXlt7RLTveR4c=' },
        value: { denom: 'narwhal', amount: '200000000000' },
      },
    ],
    memo: '6b37a66a808b986a4cb33c0249166010bf0b32bf@192.168.50.215:26656',
    timeout_height: '0',
    extension_options: [],
    non_critical_extension_options: [],
  },
  auth_info: {
    signer_infos: [
      {
        public_key: { '@type': '/cosmos.crypto.secp256k1.PubKey', key: 'A8wMQZ562fyycg3Ry7ioOa6bsR0EZ9Buyxd/SMfJi2wn' },
        mode_info: { single: { mode: 'SIGN_MODE_DIRECT' } },
        sequence: '0',
      },
    ],
    fee: { amount: [], gas_limit: '200000', payer: '', granter: '' },
    tip: null,
  },
  signatures: ['sEiM1N/SN783yMxUnfGe9osnHwaOfocPaIm10QiIlggiwHSQKdxksQ6nof9N6GCTNXOctHblVuT6KOBhxDV1LQ=='],
};

describe("the SDK's tx JSON", () => {
  const registry = gentxJson();

  it('rebuilds the exact bytes an SDK v0.50 validator signed (the signature verifies)', () => {
    const raw = TxRaw.decode(registry.txJsonToBytes(GENTX));
    const signBytes = SignDoc.encode({ bodyBytes: raw.bodyBytes, authInfoBytes: raw.authInfoBytes, chainId: CHAIN_ID, accountNumber: 0n }).finish();
    const pubkey = Buffer.from(GENTX.auth_info.signer_infos[0]!.public_key.key, 'base64');
    assert.equal(verifySecp256k1(pubkey, signBytes, raw.signatures[0]!), true);
  });

  it('keeps LegacyDec as 18-place decimals in JSON and scaled integers in protobuf', () => {
    const tx = registry.txFromJson(GENTX);
    const msg = MsgCreateValidator.decode(tx.body!.messages[0]!.value);
    assert.deepEqual(msg.commission, { rate: '100000000000000000', maxRate: '200000000000000000', maxChangeRate: '10000000000000000' });
    assert.equal(msg.pubkey!.typeUrl, '/cosmos.crypto.ed25519.PubKey');
  });

  it('writes the JSON back as the SDK does: snake_case, "@type" for Any, defaults spelled out', () => {
    assert.deepEqual(registry.txBytesToJson(registry.txJsonToBytes(GENTX)), GENTX);
  });

  it("reads with the zone's registry too: a generated message by its fields, a type it does not know as its bytes", () => {
    const zone = new TxJsonRegistry(appJsonTypes(buildZone().app));
    assert.deepEqual(zone.txBytesToJson(registry.txJsonToBytes(GENTX)), GENTX);
    const counter = { typeUrl: '/zonekit.counter.v1.MsgIncrement', value: new Uint8Array([10, 1, 97, 16, 3]) };
    const unknown = { typeUrl: '/x.y.MsgUnknown', value: new Uint8Array([8, 1]) };
    const tx = { ...registry.txFromJson(GENTX), body: { ...registry.txFromJson(GENTX).body!, messages: [counter, unknown] } };
    const json = zone.txToJson(tx) as { body: { messages: unknown[] } };
    assert.deepEqual(json.body.messages, [
      { '@type': counter.typeUrl, sender: 'a', by: '3' },
      { '@type': unknown.typeUrl, value: 'CAE=' },
    ]);
    assert.deepEqual(zone.txFromJson(json).body!.messages, [counter, unknown]);
  });

  it('reads camelCase too, and says which type it cannot read', () => {
    const camel = JSON.parse(JSON.stringify(GENTX).replace(/"([a-z]+(?:_[a-z0-9]+)+)":/g, (_m, k: string) => `"${camelCase(k)}":`));
    assert.deepEqual(registry.txJsonToBytes(camel), registry.txJsonToBytes(GENTX));
    const unknown = { ...GENTX, body: { ...GENTX.body, messages: [{ '@type': '/x.y.MsgNope' }] } };
    assert.throws(() => registry.txJsonToBytes(unknown), /cannot read a \/x\.y\.MsgNope from JSON fields/);
    assert.equal(snakeCase('nonCriticalExtensionOptions'), 'non_critical_extension_options');
  });
});
