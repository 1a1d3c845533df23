// The tx the CLI simulates is the tx it will send (fee, signer, signature size), and --events
// values CometBFT cannot parse are refused before they reach the node.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { AuthInfo, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { eventsQuery } from './commands/tx-query.js';
import { simulationTxBytes } from './tx.js';

describe('simulation tx', () => {
  it('carries the real fee, the signer key and sequence, and a 64-byte signature', () => {
    const pubkey = new Uint8Array(33).fill(3);
    const bytes = simulationTxBytes([{ typeUrl: '/cosmos.bank.v1beta1.MsgSend', value: new Uint8Array([1]) }], { amount: [{ denom: 'uatom', amount: '1000' }, { denom: 'stake', amount: '5' }], gas: '200000' }, 'm', {
      pubkey,
      sequence: 7n,
    });
    const raw = TxRaw.decode(bytes);
    assert.deepEqual(raw.signatures.map((s) => s.length), [64]);
    const auth = AuthInfo.decode(raw.authInfoBytes);
    assert.deepEqual(auth.fee?.amount, [{ denom: 'uatom', amount: '1000' }, { denom: 'stake', amount: '5' }]);
    assert.equal(auth.fee?.gasLimit, 200000n);
    assert.equal(auth.signerInfos[0]?.sequence, 7n);
    assert.equal(auth.signerInfos[0]?.modeInfo?.single?.mode, SignMode.SIGN_MODE_DIRECT);
    assert.deepEqual(PubKey.decode(auth.signerInfos[0]!.publicKey!.value).key, pubkey);
  });
});

describe('--events', () => {
  it("quotes values, leaves tx.height bare, and refuses a value with a single quote", () => {
    assert.equal(eventsQuery('message.sender=cosmos1abc&message.module=bank'), "message.sender='cosmos1abc' AND message.module='bank'");
    assert.equal(eventsQuery('tx.height=5'), 'tx.height=5');
    assert.throws(() => eventsQuery("message.sender=it's"), /a value cannot contain a single quote \(CometBFT's query language has no escape for it\)/);
    assert.throws(() => eventsQuery('sender'), /expected <type>\.<attribute>=<value>/);
  });
});
