// genutil delivers gentxs at InitChain through the whole tx pipeline (signatures checked
// with account number 0) and returns the validator set staking then reports; a bad gentx
// fails genesis naming it. Staking is a stand-in here that bonds what MsgCreateValidator asks.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromBech32, toBech32 } from '@cosmjs/encoding';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { SigningStargateClient } from '@cosmjs/stargate';
import { PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import { MsgCreateValidator } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { ValidatorUpdate } from 'cosmjs-types/tendermint/abci/types';
import { standardAnte } from '../../app/ante/index.js';
import { defineApp } from '../../app/app.js';
import { BaseApp } from '../../app/baseapp.js';
import { defineModule } from '../../app/module.js';
import { MNEMONIC } from '../../app/tx/wallets.fixture.js';
import { authModule, baseAccountJson } from '../auth/index.js';
import { bankModule } from '../bank/index.js';
import { genutilModule, gentxJson } from './index.js';

const CHAIN_ID = 'genutil-test-1';
const CONS_KEY = new Uint8Array(32).fill(7);

/** Bonds every MsgCreateValidator at value / 10^6 power: enough of staking to test genutil. */
function fakeStaking() {
  const bonded: ValidatorUpdate[] = [];
  const module = defineModule({
    name: 'staking',
    msgs: {
      [MsgCreateValidator.typeUrl]: {
        decode: (bytes: Uint8Array) => MsgCreateValidator.decode(bytes),
        signers: (msg: MsgCreateValidator) => [toBech32('cosmos', fromBech32(msg.validatorAddress, 90).data)],
        handle(_ctx, msg: MsgCreateValidator) {
          const key = PubKey.decode(msg.pubkey!.value).key;
          const power = BigInt(msg.value!.amount) / 1_000_000n;
          if (power > 0n) bonded.push({ pubKey: { ed25519: key, secp256k1: undefined }, power });
          return { typeUrl: '/cosmos.staking.v1beta1.MsgCreateValidatorResponse', value: new Uint8Array() };
        },
      },
    },
  });
  return { module, applyAndReturnValidatorSetUpdates: () => bonded.splice(0) };
}

async function gentx(chainId: string, amount = '5000000'): Promise<{ json: unknown; address: string }> {
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(MNEMONIC);
  const { address } = (await wallet.getAccounts())[0]!;
  const msg = {
    typeUrl: MsgCreateValidator.typeUrl,
    value: MsgCreateValidator.fromPartial({
      description: { moniker: 'val-0' },
      commission: { rate: '100000000000000000', maxRate: '200000000000000000', maxChangeRate: '10000000000000000' },
      minSelfDelegation: '1',
      validatorAddress: toBech32('cosmosvaloper', fromBech32(address, 90).data),
      pubkey: { typeUrl: PubKey.typeUrl, value: PubKey.encode({ key: CONS_KEY }).finish() },
      value: { denom: 'stake', amount },
    }),
  };
  const client = await SigningStargateClient.offline(wallet);
  const raw = await client.sign(address, [msg], { amount: [], gas: '200000' }, 'id@127.0.0.1:26656', { accountNumber: 0n, sequence: 0, chainId });
  return { json: gentxJson().txBytesToJson(TxRaw.encode(raw).finish()), address };
}

describe('genutil', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function initChain(genTxs: unknown[], address: string) {
    const auth = authModule();
    const bank = bankModule({ accounts: auth.keeper });
    const staking = fakeStaking();
    const app = defineApp({
      name: 'test',
      version: '0',
      bech32Prefix: 'cosmos',
      modules: [auth, bank, staking.module, genutilModule({ staking })],
      ante: standardAnte({ accounts: auth.keeper, bank: bank.keeper }),
    });
    const dir = mkdtempSync(join(tmpdir(), 'zonekit-genutil-'));
    dirs.push(dir);
    const base = new BaseApp({ app, dataDir: dir, chainId: CHAIN_ID });
    // An account number other than 0: gentxs must still verify, signed with 0 as the SDK's.
    const appState = {
      auth: { accounts: [baseAccountJson('cosmos1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du', 0n), baseAccountJson(address, 1n)] },
      bank: { balances: [{ address, coins: [{ denom: 'stake', amount: '10000000' }] }] },
      genutil: { gen_txs: genTxs },
    };
    const fromGenesis = { pubKey: { ed25519: new Uint8Array(32).fill(1), secp256k1: undefined }, power: 10n };
    try {
      return await base.initChain({
        time: { seconds: 1_700_000_000n, nanos: 0 },
        chainId: CHAIN_ID,
        consensusParams: undefined,
        validators: [fromGenesis],
        appStateBytes: Buffer.from(JSON.stringify(appState)),
        initialHeight: 1n,
      });
    } finally {
      await base.close();
    }
  }

  it('delivers the gentxs and returns the validators they bonded as the genesis set', async () => {
    const { json, address } = await gentx(CHAIN_ID);
    const response = await initChain([json], address);
    assert.deepEqual(response.validators.map((v) => [Buffer.from(v.pubKey!.ed25519!).toString('hex'), v.power]), [[Buffer.from(CONS_KEY).toString('hex'), 5n]]);
  });

  it("without gentxs, leaves genesis.json's validators in place", async () => {
    const { address } = await gentx(CHAIN_ID);
    const response = await initChain([], address);
    assert.equal(response.validators[0]!.power, 10n);
  });

  it('fails genesis with the gentx that failed and why', async () => {
    const { json, address } = await gentx('another-chain');
    await assert.rejects(initChain([json], address), /gentx 0 \(moniker "val-0", validator cosmosvaloper1\w+\) failed with code 4: signature verification failed/);
    const { json: tooSmall } = await gentx(CHAIN_ID, '10');
    await assert.rejects(initChain([tooSmall], address), /bonded no validator/);
  });

  it('accepts only txs of one MsgCreateValidator', async () => {
    const { json, address } = await gentx(CHAIN_ID);
    const tx = json as { body: { messages: unknown[] } };
    const twice = { ...tx, body: { ...tx.body, messages: [tx.body.messages[0], tx.body.messages[0]] } };
    await assert.rejects(initChain([twice], address), /invalid genesis for module genutil: gen_txs\[0\] must hold exactly one \/cosmos\.staking\.v1beta1\.MsgCreateValidator/);
    await assert.rejects(initChain([{ body: 1 }], address), /gen_txs\[0\] is not a tx/);
  });
});
