// The standard pipeline against fake keepers: each decorator's job, and their order.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDecCoins, type Coins } from '../coins.js';
import type { ExecMode } from '../context.js';
import { CodedError, ErrInsufficientFunds } from '../errors.js';
import { eventLines, testContext } from '../testing.js';
import { AminoConverters } from '../tx/amino.js';
import { bankAminoConverters } from '../tx/bank-amino.js';
import { fromBech32Address } from '../tx/address.js';
import { decodeTx } from '../tx/decode.js';
import { SignatureCache } from '../tx/sig-cache.js';
import { CHAIN_ID, directWallet, signTx, type SignArgs } from '../tx/wallets.fixture.js';
import { standardAnte, type AnteAccountKeeper, type AnteAuthParams, type AnteBankKeeper, type AnteEnv, type SignerState } from './index.js';

const SENDER = 'cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4';
const SENDER_BYTES = fromBech32Address(SENDER).data;

function fakes(params: Partial<AnteAuthParams> = {}, funds = true) {
  const accounts = new Map<string, SignerState>([[SENDER, { accountNumber: 7n, sequence: 3n }]]);
  const key = (address: Uint8Array) => (Buffer.from(address).equals(Buffer.from(SENDER_BYTES)) ? SENDER : Buffer.from(address).toString('hex'));
  const fees: Array<{ module: string; amount: Coins }> = [];
  const accountKeeper: AnteAccountKeeper = {
    params: () => ({ maxMemoCharacters: 256n, txSigLimit: 7n, txSizeCostPerByte: 10n, sigVerifyCostSecp256k1: 1000n, ...params }),
    getSignerState: (_ctx, address) => accounts.get(key(address)),
    setPubKey: (_ctx, address, pubKey) => void accounts.set(key(address), { ...accounts.get(key(address))!, pubKey }),
    setSequence: (_ctx, address, sequence) => void accounts.set(key(address), { ...accounts.get(key(address))!, sequence }),
  };
  const bank: AnteBankKeeper = {
    sendCoinsFromAccountToModule: (_ctx, _sender, module, amount) => {
      if (!funds) throw ErrInsufficientFunds.wrap('spendable balance 0uatom is smaller than 2500uatom');
      fees.push({ module, amount });
    },
  };
  return { accounts, fees, ante: standardAnte({ accounts: accountKeeper, bank }) };
}

const env = (minGasPrices = ''): AnteEnv => ({
  minGasPrices: parseDecCoins(minGasPrices),
  sigCache: new SignatureCache(),
  aminoConverters: new AminoConverters().registerAll(bankAminoConverters),
});

async function runAnte(f: ReturnType<typeof fakes>, args: SignArgs = {}, mode: ExecMode = 'finalize', e: AnteEnv = env(), height = 10n) {
  const tx = decodeTx(await signTx(await directWallet(), args));
  const ctx = testContext({ stores: [], mode, chainId: CHAIN_ID, height, gasLimit: 100_000 });
  for (const decorator of f.ante) decorator(ctx, { tx, signers: [{ address: SENDER, bytes: SENDER_BYTES }] }, e);
  return { ctx, tx };
}

const rejects = async (promise: Promise<unknown>, code: number, pattern?: RegExp) =>
  assert.rejects(promise, (err: unknown) => err instanceof CodedError && err.code === code && (pattern === undefined || pattern.test(err.message)));

describe('standard ante pipeline', () => {
  it('charges size and signature gas, takes the fee, sets the key, bumps the sequence, emits tx events', async () => {
    const f = fakes();
    const { ctx, tx } = await runAnte(f);
    assert.deepEqual(f.fees, [{ module: 'fee_collector', amount: [{ denom: 'uatom', amount: 2500n }] }]);
    assert.equal(f.accounts.get(SENDER)!.sequence, 4n);
    assert.equal((f.accounts.get(SENDER)!.pubKey as Uint8Array | undefined)?.length, 33);
    assert.equal(ctx.gasMeter.consumed, 10 * tx.txBytes.length + 1000);
    assert.deepEqual(eventLines(ctx.events).slice(0, 2), [`tx: fee=2500uatom, fee_payer=${SENDER}`, `tx: acc_seq=${SENDER}/3`]);
    assert.match(eventLines(ctx.events)[2]!, /^tx: signature=[A-Za-z0-9+/]{86}==$/);
  });

  it('verifies a tx once: FinalizeBlock reuses the CheckTx verdict', async () => {
    const e = env();
    const f = fakes();
    await runAnte(f, {}, 'check', e);
    assert.equal(e.sigCache.size, 1);
    f.accounts.set(SENDER, { ...f.accounts.get(SENDER)!, sequence: 3n });
    await runAnte(f, {}, 'finalize', e);
    assert.equal(e.sigCache.size, 1);
  });

  it('rejects with the SDK codes: memo, timeout, fee, payer, sequence, signature', async () => {
    await rejects(runAnte(fakes({ maxMemoCharacters: 4n }), { memo: 'hello' }), 12, /maximum number of characters is 4 but received 5 characters/);
    await rejects(runAnte(fakes(), { timeoutHeight: 9n }), 30);
    await rejects(runAnte(fakes(), {}, 'check', env('1uatom')), 13, /insufficient fees; got: 2500uatom required: 100000uatom/);
    await rejects(runAnte(fakes(), {}, 'check', env('0.03uatom')), 13, /required: 3000uatom/);
    await runAnte(fakes(), {}, 'check', env('0.025uatom'));
    // Minimum gas prices are the node's policy: a block may carry cheaper txs.
    await runAnte(fakes(), {}, 'finalize', env('1uatom'));
    await rejects(runAnte(fakes({}, false)), 5, /insufficient funds/);
    const noAccount = fakes();
    noAccount.accounts.clear();
    await rejects(runAnte(noAccount), 9, /fee payer address: cosmos1\S+ does not exist/);
    await rejects(runAnte(fakes(), { sequence: 2 }), 32, /^account sequence mismatch, expected 3, got 2: incorrect account sequence$/);
    await rejects(runAnte(fakes(), { chainId: 'other' }), 4, /signature verification failed/);
    await rejects(runAnte(fakes({ txSigLimit: 0n })), 14);
  });

  it('skips signature checks in simulate but still checks sequences', async () => {
    const f = fakes();
    await runAnte(f, { chainId: 'other' }, 'simulate');
    assert.equal(f.accounts.get(SENDER)!.sequence, 4n);
    await rejects(runAnte(fakes(), { sequence: 9 }, 'simulate'), 32);
  });
});
