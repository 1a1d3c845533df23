import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeSignDoc as makeAminoSignDoc, serializeSignDoc, type StdFee } from '@cosmjs/amino';
import { makeSignBytes, makeSignDoc, type EncodeObject } from '@cosmjs/proto-signing';
import { AminoTypes, createBankAminoConverters } from '@cosmjs/stargate';
import { MsgMultiSend, MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { CodedError } from '../errors.js';
import { AminoConverters } from './amino.js';
import { bankAminoConverters } from './bank-amino.js';
import { decodeTx } from './decode.js';
import { aminoJsonSignBytes, directSignBytes } from './sign-doc.js';
import { aminoWallet, CHAIN_ID, directWallet, FEE, RECIPIENT, sendMsg, signTx } from './wallets.fixture.js';

const converters = new AminoConverters().registerAll(bankAminoConverters);
const cosmjsAmino = new AminoTypes(createBankAminoConverters());
const sender = (await (await aminoWallet()).getAccounts())[0]!.address;

function multiSendMsg(): EncodeObject {
  return {
    typeUrl: '/cosmos.bank.v1beta1.MsgMultiSend',
    value: MsgMultiSend.fromPartial({
      inputs: [{ address: sender, coins: [{ denom: 'uatom', amount: '30' }, { denom: 'ufoo', amount: '4' }] }],
      outputs: [
        { address: RECIPIENT, coins: [{ denom: 'uatom', amount: '30' }] },
        { address: sender, coins: [{ denom: 'ufoo', amount: '4' }] },
      ],
    }),
  };
}

test('DIRECT sign bytes equal cosmjs makeSignBytes(makeSignDoc(...))', async () => {
  const tx = decodeTx(await signTx(await directWallet()));
  const expected = makeSignBytes(makeSignDoc(tx.bodyBytes, tx.authInfoBytes, CHAIN_ID, 7));
  assert.deepEqual(directSignBytes(tx, CHAIN_ID, 7n), expected);
  // account number 0 (genesis) is omitted on the wire, as proto3 wants.
  assert.deepEqual(directSignBytes(tx, CHAIN_ID, 0n), makeSignBytes(makeSignDoc(tx.bodyBytes, tx.authInfoBytes, CHAIN_ID, 0)));
});

test('bank converters give the same amino JSON as cosmjs createBankAminoConverters', () => {
  const send = sendMsg(sender);
  const multi = multiSendMsg();
  const encoded: [EncodeObject, Uint8Array][] = [
    [send, MsgSend.encode(send.value).finish()],
    [multi, MsgMultiSend.encode(multi.value).finish()],
  ];
  for (const [msg, value] of encoded) {
    assert.deepEqual(converters.toAmino({ typeUrl: msg.typeUrl, value }), cosmjsAmino.toAmino(msg));
  }
});

const cases: { name: string; messages: EncodeObject[]; memo: string; fee: StdFee; timeoutHeight?: bigint }[] = [
  { name: 'MsgSend', messages: [sendMsg(sender)], memo: '', fee: FEE },
  {
    name: 'MsgSend with HTML-escaped memo, granter and timeout height',
    messages: [sendMsg(sender, '5'), sendMsg(sender, '6')],
    memo: 'a <b> & "c" ünï',
    fee: { ...FEE, granter: RECIPIENT },
    timeoutHeight: 1234n,
  },
  { name: 'MsgMultiSend with no fee coins', messages: [multiSendMsg()], memo: 'multi', fee: { amount: [], gas: '200000' } },
];

for (const c of cases) {
  test(`LEGACY_AMINO_JSON sign bytes equal cosmjs serializeSignDoc: ${c.name}`, async () => {
    const txBytes = await signTx(await aminoWallet(), {
      messages: c.messages,
      memo: c.memo,
      fee: c.fee,
      timeoutHeight: c.timeoutHeight,
      accountNumber: 12n,
      sequence: 9,
    });
    const expected = serializeSignDoc(
      makeAminoSignDoc(c.messages.map((m) => cosmjsAmino.toAmino(m)), c.fee, CHAIN_ID, c.memo, 12, 9, c.timeoutHeight),
    );
    const ours = aminoJsonSignBytes(decodeTx(txBytes), CHAIN_ID, 12n, 9n, converters);
    assert.equal(new TextDecoder().decode(ours), new TextDecoder().decode(expected));
  });
}

test('a message without an amino converter cannot be amino-signed', async () => {
  const tx = decodeTx(await signTx(await directWallet()));
  assert.throws(
    () => aminoJsonSignBytes(tx, CHAIN_ID, 1n, 1n, new AminoConverters()),
    (err: unknown) => err instanceof CodedError && err.code === 37 && /MsgSend cannot be signed/.test(err.message),
  );
  assert.throws(() => new AminoConverters().registerAll(bankAminoConverters).registerAll(bankAminoConverters), /already registered/);
});
