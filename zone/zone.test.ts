// The whole pipeline in-process: genesis, CheckTx, FinalizeBlock, Commit and Query over the
// default zone, with txs signed by stock cosmjs signers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  QueryAccountRequest,
  QueryAccountResponse,
  QueryModuleAccountByNameRequest,
  QueryModuleAccountByNameResponse,
} from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { BaseAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { QueryBalanceRequest, QueryBalanceResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { SimulateRequest, SimulateResponse } from 'cosmjs-types/cosmos/tx/v1beta1/service';
import { TxMsgData } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { fromBech32Address, toBech32Address } from '../app/tx/address.js';
import { aminoWallet, directWallet, RECIPIENT, sendMsg, signTx } from '../app/tx/wallets.fixture.js';
import { verifyStoreProof } from '../app/store/testing.js';
import { moduleAddress } from '../modules/auth/index.js';
import { balanceKey } from '../modules/bank/index.js';
import { TestChain } from './testing.js';

const SENDER = 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4';
const FEE_COLLECTOR = toBech32Address('cosmos', moduleAddress('fee_collector'));
const FEE = { amount: [{ denom: 'uatom', amount: '2500' }], gas: '200000' };

describe('zone pipeline (in-process ABCI)', () => {
  let chain: TestChain;
  const balance = (address: string, denom = 'uatom'): bigint => {
    const res = chain.query('/cosmos.bank.v1beta1.Query/Balance', QueryBalanceRequest.encode({ address, denom }).finish());
    assert.equal(res.code, 0, res.log);
    return BigInt(QueryBalanceResponse.decode(res.value).balance!.amount);
  };
  const account = (address: string): BaseAccount => {
    const res = chain.query('/cosmos.auth.v1beta1.Query/Account', QueryAccountRequest.encode({ address }).finish());
    assert.equal(res.code, 0, res.log);
    const any = QueryAccountResponse.decode(res.value).account!;
    assert.equal(any.typeUrl, '/cosmos.auth.v1beta1.BaseAccount');
    return BaseAccount.decode(any.value);
  };
  const invariantsHold = () => assert.deepEqual(chain.app.brokenInvariants(), []);

  before(async () => {
    chain = await TestChain.start({ accounts: [{ address: SENDER, coins: [{ denom: 'uatom', amount: '1000000' }, { denom: 'ustake', amount: '50' }] }] });
    await chain.deliver([]);
  });
  after(async () => chain.close());

  it('starts from genesis: balances, account 0 without a key, a fee collector', () => {
    assert.equal(balance(SENDER), 1_000_000n);
    assert.equal(balance(SENDER, 'ustake'), 50n);
    const acc = account(SENDER);
    assert.equal(acc.accountNumber, 0n);
    assert.equal(acc.sequence, 0n);
    assert.equal(acc.pubKey, undefined);
    const res = chain.query('/cosmos.auth.v1beta1.Query/ModuleAccountByName', QueryModuleAccountByNameRequest.encode({ name: 'fee_collector' }).finish());
    assert.equal(res.code, 0, res.log);
    assert.equal(QueryModuleAccountByNameResponse.decode(res.value).account?.typeUrl, '/cosmos.auth.v1beta1.ModuleAccount');
    invariantsHold();
  });

  it('a send moves exactly the amount, pays exactly the fee, advances the sequence', async () => {
    const wallet = await directWallet();
    const tx = await signTx(wallet, { accountNumber: 0n, sequence: 0, fee: FEE, messages: [sendMsg(SENDER, '1000')] });
    const check = chain.checkTx(tx);
    assert.equal(check.code, 0, check.log);
    assert.equal(check.gasWanted, 200000n);
    const { results } = await chain.deliver([tx]);
    const r = results[0]!;
    assert.equal(r.code, 0, r.log);
    assert.ok(r.gasUsed > 0n && r.gasUsed < 200000n, `gas used ${r.gasUsed}`);
    assert.equal(TxMsgData.decode(r.data).msgResponses[0]!.typeUrl, '/cosmos.bank.v1beta1.MsgSendResponse');
    assert.equal(balance(SENDER), 1_000_000n - 1000n - 2500n);
    assert.equal(balance(RECIPIENT), 1000n);
    assert.equal(balance(FEE_COLLECTOR), 2500n);
    const acc = account(SENDER);
    assert.equal(acc.sequence, 1n);
    assert.equal(acc.pubKey?.typeUrl, '/cosmos.crypto.secp256k1.PubKey');
    // The recipient's account was created by receiving.
    assert.equal(account(RECIPIENT).accountNumber, 2n);
    const types = r.events.map((e) => e.type);
    for (const t of ['tx', 'coin_spent', 'coin_received', 'transfer', 'message']) assert.ok(types.includes(t), `missing ${t} event`);
    const message = r.events.find((e) => e.type === 'message' && e.attributes.some((a) => a.key === 'action'))!;
    assert.deepEqual(
      message.attributes.map((a) => [a.key, a.value]),
      [['action', '/cosmos.bank.v1beta1.MsgSend'], ['sender', SENDER], ['module', 'bank'], ['msg_index', '0']],
    );
    invariantsHold();
  });

  it('rejects a replayed tx with the SDK wording, changing nothing', async () => {
    const wallet = await directWallet();
    const tx = await signTx(wallet, { accountNumber: 0n, sequence: 0, fee: FEE });
    const check = chain.checkTx(tx);
    assert.equal(check.code, 32);
    assert.equal(check.codespace, 'sdk');
    assert.equal(check.log, 'account sequence mismatch, expected 1, got 0: incorrect account sequence');
    const before = balance(SENDER);
    const { results } = await chain.deliver([tx]);
    assert.equal(results[0]!.code, 32);
    assert.equal(balance(SENDER), before);
    assert.equal(account(SENDER).sequence, 1n);
  });

  it('rejects a signature for another chain id (code 4)', async () => {
    const tx = await signTx(await directWallet(), { accountNumber: 0n, sequence: 1, chainId: 'other-chain', fee: FEE });
    const check = chain.checkTx(tx);
    assert.equal(check.code, 4, check.log);
    assert.match(check.log, /signature verification failed/);
  });

  it('an overspend passes CheckTx (ante only) and fails in the block with code 5, keeping fee and sequence', async () => {
    const before = balance(SENDER);
    const tx = await signTx(await directWallet(), { accountNumber: 0n, sequence: 1, fee: FEE, messages: [sendMsg(SENDER, '99999999')] });
    assert.equal(chain.checkTx(tx).code, 0);
    const { results } = await chain.deliver([tx]);
    assert.equal(results[0]!.code, 5);
    assert.match(results[0]!.log, /spendable balance \d+uatom is smaller than 99999999uatom: insufficient funds/);
    assert.equal(balance(SENDER), before - 2500n);
    assert.equal(account(SENDER).sequence, 2n);
    invariantsHold();
  });

  it('out of gas in the messages keeps the fee and sequence, reverts the messages (code 11)', async () => {
    const before = balance(SENDER);
    const recipientBefore = balance(RECIPIENT);
    const simulated = await simulateGas(2, '5');
    const fee = { amount: [{ denom: 'uatom', amount: '100' }], gas: String(simulated - 2000n) };
    const tx = await signTx(await directWallet(), { accountNumber: 0n, sequence: 2, fee, messages: [sendMsg(SENDER, '5')] });
    assert.equal(chain.checkTx(tx).code, 0);
    const { results } = await chain.deliver([tx]);
    assert.equal(results[0]!.code, 11, results[0]!.log);
    assert.match(results[0]!.log, /out of gas in location: .*: out of gas/);
    assert.equal(results[0]!.gasUsed, BigInt(fee.gas));
    assert.equal(balance(SENDER), before - 100n);
    assert.equal(balance(RECIPIENT), recipientBefore);
    assert.equal(account(SENDER).sequence, 3n);
  });

  it('a multi-message tx is all-or-nothing', async () => {
    const before = balance(SENDER);
    const recipientBefore = balance(RECIPIENT);
    const tx = await signTx(await directWallet(), {
      accountNumber: 0n,
      sequence: 3,
      fee: FEE,
      messages: [sendMsg(SENDER, '10'), sendMsg(SENDER, '99999999')],
    });
    const { results } = await chain.deliver([tx]);
    assert.equal(results[0]!.code, 5);
    assert.equal(balance(RECIPIENT), recipientBefore);
    assert.equal(balance(SENDER), before - 2500n);
  });

  it('amino-json signing works', async () => {
    const wallet = await aminoWallet();
    const tx = await signTx(wallet, { accountNumber: 0n, sequence: 4, fee: FEE, messages: [sendMsg(SENDER, '7')] });
    assert.equal(chain.checkTx(tx).code, 0);
    const { results } = await chain.deliver([tx]);
    assert.equal(results[0]!.code, 0, results[0]!.log);
  });

  it('proves a balance under the app hash with store/bank/key', async () => {
    const { appHash } = await chain.deliver([]);
    const k = balanceKey(fromBech32Address(RECIPIENT).data, 'uatom');
    const res = chain.query('store/bank/key', k, 0n, true);
    assert.equal(res.code, 0, res.log);
    assert.equal(Buffer.from(res.value).toString(), String(balance(RECIPIENT)));
    assert.ok(verifyStoreProof(res.proofOps!.ops, appHash, 'bank', k, res.value));
  });

  it('answers errors as codes: unknown path, missing account', () => {
    assert.equal(chain.query('/nope.v1.Query/Nothing', new Uint8Array()).code, 6);
    const nobody = toBech32Address('cosmos', new Uint8Array(20).fill(7));
    const missing = chain.query('/cosmos.auth.v1beta1.Query/Account', QueryAccountRequest.encode({ address: nobody }).finish());
    assert.equal(missing.code, 22);
    assert.match(missing.log, /rpc error: code = NotFound desc = account cosmos1\S+ not found/);
  });

  async function simulateGas(sequence: number, amount: string): Promise<bigint> {
    const signed = TxRaw.decode(await signTx(await directWallet(), { accountNumber: 0n, sequence, fee: FEE, messages: [sendMsg(SENDER, amount)] }));
    const raw = TxRaw.encode({ ...signed, signatures: [new Uint8Array()] }).finish();
    const res = chain.query('/cosmos.tx.v1beta1.Service/Simulate', SimulateRequest.encode({ txBytes: raw }).finish());
    assert.equal(res.code, 0, res.log);
    return SimulateResponse.decode(res.value).gasInfo!.gasUsed;
  }
});
