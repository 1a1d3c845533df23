// The default zone behind a real CometBFT v0.38, driven only through stock cosmjs clients:
// SigningStargateClient for txs, StargateClient for queries, as a wallet or script would.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secp256k1HdWallet } from '@cosmjs/amino';
import { DirectSecp256k1HdWallet, Registry, type EncodeObject } from '@cosmjs/proto-signing';
import { BroadcastTxError, defaultRegistryTypes, GasPrice, SigningStargateClient, StargateClient, type StdFee } from '@cosmjs/stargate';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { counterRegistryTypes, MsgIncrement, MSG_INCREMENT_TYPE_URL, QUERY_COUNT_PATH, QueryCountRequest, QueryCountResponse } from '../modules/counter/index.js';
import { startZone, zoneGenesis, type RunningZone } from '../zone/zone.js';
import { initCometHome, rpc, setGenesisAppState, startCometbft, waitForHeight, type CometNode } from './helpers/cometbft.js';
import { ProcessGroup } from './helpers/processes.js';

// BIP39 test vectors: fixed, valid mnemonics with well-known addresses.
const MNEMONICS = {
  alice: 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
  bob: 'legal winner thank year wave sausage worth useful legal winner thank yellow',
  carol: 'letter advice cage absurd amount doctor acoustic avoid letter advice cage above',
  // Not in genesis: its account is created when it first receives coins.
  dave: 'zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong',
};
const CHAIN_ID = 'zonekit-cosmjs-1';
const DENOM = 'uatom';
const FEE: StdFee = { amount: [{ denom: DENOM, amount: '5000' }], gas: '200000' };
const GAS_PRICE = GasPrice.fromString(`0.025${DENOM}`);
const CLIENT_OPTIONS = { gasPrice: GAS_PRICE, broadcastPollIntervalMs: 100, broadcastTimeoutMs: 20_000 };

const coin = (amount: number | bigint) => ({ denom: DENOM, amount: String(amount) });

function assertCode(result: { code: number; rawLog?: string }, code: number): void {
  assert.equal(result.code, code, result.rawLog ?? '');
}

async function directSigner(name: keyof typeof MNEMONICS) {
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(MNEMONICS[name]);
  const [account] = await wallet.getAccounts();
  return { wallet, address: account!.address };
}

describe('the zone behind CometBFT, through cosmjs', () => {
  const processes = new ProcessGroup();
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-cosmjs-'));
  let zone: RunningZone;
  let node: CometNode;
  let query: StargateClient;
  const addr: Record<keyof typeof MNEMONICS, string> = { alice: '', bob: '', carol: '', dave: '' };
  const clients: Partial<Record<keyof typeof MNEMONICS, SigningStargateClient>> = {};

  const balance = async (address: string): Promise<bigint> => BigInt((await query.getBalance(address, DENOM)).amount);
  const sequence = async (address: string): Promise<number> => (await query.getSequence(address)).sequence;
  const send = (from: string, to: string, amount: number | bigint): EncodeObject => ({
    typeUrl: '/cosmos.bank.v1beta1.MsgSend',
    value: { fromAddress: from, toAddress: to, amount: [coin(amount)] },
  });

  before(async () => {
    for (const name of Object.keys(MNEMONICS) as Array<keyof typeof MNEMONICS>) addr[name] = (await directSigner(name)).address;
    const home = await initCometHome(join(dir, 'node'), { chainId: CHAIN_ID, timeoutCommit: '100ms' });
    setGenesisAppState(
      home,
      zoneGenesis([
        { address: addr.alice, coins: [coin(10_000_000), { denom: 'ustake', amount: '1000' }] },
        { address: addr.bob, coins: [coin(5_000_000)] },
        { address: addr.carol, coins: [coin(1_000_000)] },
      ]),
    );
    zone = await startZone({ home: dir, dataDir: join(dir, 'app'), abciAddress: home.proxyApp, chainId: CHAIN_ID, minGasPrices: `0.01${DENOM}` });
    node = await startCometbft(home, { group: processes });
    await waitForHeight(node, 2);
    query = await StargateClient.connect(home.rpcUrl);
    for (const name of ['alice', 'bob', 'carol'] as const) {
      clients[name] = await SigningStargateClient.connectWithSigner(home.rpcUrl, (await directSigner(name)).wallet, CLIENT_OPTIONS);
    }
  });

  after(async () => {
    for (const client of Object.values(clients)) client?.disconnect();
    query?.disconnect();
    await processes.stopAll();
    await zone?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports genesis balances and accounts; an unknown address has no account', async () => {
    assert.equal(await query.getChainId(), CHAIN_ID);
    assert.equal(await balance(addr.alice), 10_000_000n);
    assert.deepEqual(await query.getBalance(addr.alice, 'ustake'), { denom: 'ustake', amount: '1000' });
    assert.deepEqual(
      (await query.getAllBalances(addr.alice)).map((c) => `${c.amount}${c.denom}`),
      ['10000000uatom', '1000ustake'],
    );
    const alice = await query.getAccount(addr.alice);
    assert.equal(alice?.address, addr.alice);
    assert.equal(alice?.accountNumber, 0n);
    assert.equal(alice?.sequence, 0);
    assert.equal(alice?.pubkey, null);
    assert.equal((await query.getAccount(addr.bob))?.accountNumber, 1n);
    assert.equal(await query.getAccount(addr.dave), null);
  });

  it('a send moves exactly the amount, deducts exactly the fee, and advances the sequence', async () => {
    const [aliceBefore, bobBefore, seqBefore] = [await balance(addr.alice), await balance(addr.bob), await sequence(addr.alice)];
    const result = await clients.alice!.sendTokens(addr.alice, addr.bob, [coin(12_345)], FEE, 'first send');
    assertCode(result, 0);
    assert.ok(result.gasUsed > 0n && result.gasUsed <= 200_000n);
    assert.equal(await balance(addr.alice), aliceBefore - 12_345n - 5_000n);
    assert.equal(await balance(addr.bob), bobBefore + 12_345n);
    assert.equal(await sequence(addr.alice), seqBefore + 1);
    assert.ok((await query.getAccount(addr.alice))?.pubkey, 'the first tx stores the key');

    const indexed = await query.getTx(result.transactionHash);
    assert.equal(indexed?.height, result.height);
    assert.equal(indexed?.code, 0);
    const found = await query.searchTx([{ key: 'transfer.recipient', value: addr.bob }]);
    assert.ok(found.some((tx) => tx.hash === result.transactionHash), 'searchTx finds the send by transfer.recipient');
    const bySender = await query.searchTx(`message.sender='${addr.alice}' AND message.action='/cosmos.bank.v1beta1.MsgSend'`);
    assert.ok(bySender.some((tx) => tx.hash === result.transactionHash), 'searchTx finds the send by message.sender');
  });

  it('simulate estimates gas and fee "auto" pays enough', async () => {
    const gas = await clients.bob!.simulate(addr.bob, [send(addr.bob, addr.carol, 1)], '');
    assert.ok(gas > 30_000 && gas < 200_000, `simulated gas ${gas}`);
    const bobBefore = await balance(addr.bob);
    const result = await clients.bob!.sendTokens(addr.bob, addr.carol, [coin(777)], 'auto');
    assertCode(result, 0);
    assert.ok(result.gasUsed <= result.gasWanted, `used ${result.gasUsed} of ${result.gasWanted}`);
    const fee = BigInt(Math.ceil(0.025 * Number(result.gasWanted)));
    assert.equal(await balance(addr.bob), bobBefore - 777n - fee);
  });

  it('rejects a replayed tx and a stale sequence, changing nothing', async () => {
    const client = clients.carol!;
    const { accountNumber, sequence: seq } = await client.getSequence(addr.carol);
    const signed = await client.sign(addr.carol, [send(addr.carol, addr.bob, 10)], FEE, '', { accountNumber, sequence: seq, chainId: CHAIN_ID });
    const bytes = TxRaw.encode(signed).finish();
    const first = await client.broadcastTx(bytes, 20_000, 100);
    assertCode(first, 0);
    const carolAfter = await balance(addr.carol);

    await assert.rejects(client.broadcastTx(bytes, 5_000, 100), 'the same bytes are refused');
    const stale = await client.sign(addr.carol, [send(addr.carol, addr.bob, 11)], FEE, 'again', { accountNumber, sequence: seq, chainId: CHAIN_ID });
    await assert.rejects(client.broadcastTx(TxRaw.encode(stale).finish(), 5_000, 100), (err: unknown) => {
      assert.ok(err instanceof BroadcastTxError);
      assert.equal(err.code, 32);
      assert.equal(err.codespace, 'sdk');
      assert.match(err.log ?? '', /^account sequence mismatch, expected \d+, got \d+: incorrect account sequence$/);
      return true;
    });
    assert.equal(await balance(addr.carol), carolAfter);
    assert.equal(await sequence(addr.carol), seq + 1);
  });

  it('rejects a tx signed for another chain id, changing nothing', async () => {
    const offline = await SigningStargateClient.offline((await directSigner('carol')).wallet);
    const { accountNumber, sequence: seq } = await query.getSequence(addr.carol);
    const before = await balance(addr.carol);
    const signed = await offline.sign(addr.carol, [send(addr.carol, addr.bob, 10)], FEE, '', { accountNumber, sequence: seq, chainId: 'another-chain' });
    await assert.rejects(clients.carol!.broadcastTx(TxRaw.encode(signed).finish(), 5_000, 100), (err: unknown) => {
      assert.ok(err instanceof BroadcastTxError);
      assert.equal(err.code, 4);
      assert.match(err.log ?? '', /signature verification failed/);
      return true;
    });
    assert.equal(await balance(addr.carol), before);
    assert.equal(await sequence(addr.carol), seq);
  });

  it('an overspend fails in the block with code 5: only the fee and sequence change', async () => {
    const [carolBefore, bobBefore, seq] = [await balance(addr.carol), await balance(addr.bob), await sequence(addr.carol)];
    const result = await clients.carol!.sendTokens(addr.carol, addr.bob, [coin(carolBefore * 2n)], FEE);
    assert.equal(result.code, 5);
    assert.match(result.rawLog ?? '', /insufficient funds/);
    assert.equal(await balance(addr.carol), carolBefore - 5_000n);
    assert.equal(await balance(addr.bob), bobBefore);
    assert.equal(await sequence(addr.carol), seq + 1);
  });

  it('out of gas in the messages fails with code 11 and keeps the fee', async () => {
    // The gas a real send uses (simulate leaves out the fee payment), less part of the message's share.
    const measured = await clients.carol!.sendTokens(addr.carol, addr.bob, [coin(3)], FEE);
    assertCode(measured, 0);
    const [carolBefore, bobBefore, seq] = [await balance(addr.carol), await balance(addr.bob), await sequence(addr.carol)];
    const tight: StdFee = { amount: [coin(5_000)], gas: String(measured.gasUsed - 3_000n) };
    const result = await clients.carol!.sendTokens(addr.carol, addr.bob, [coin(3)], tight);
    assertCode(result, 11);
    assert.match(result.rawLog ?? '', /out of gas/);
    assert.equal(await balance(addr.carol), carolBefore - 5_000n);
    assert.equal(await balance(addr.bob), bobBefore);
    assert.equal(await sequence(addr.carol), seq + 1);
  });

  it('a multi-message tx is all-or-nothing', async () => {
    const [aliceBefore, bobBefore] = [await balance(addr.alice), await balance(addr.bob)];
    const msgs = [send(addr.alice, addr.bob, 100), send(addr.alice, addr.carol, 999_999_999)];
    const failed = await clients.alice!.signAndBroadcast(addr.alice, msgs, FEE);
    assert.equal(failed.code, 5);
    assert.equal(await balance(addr.bob), bobBefore);
    assert.equal(await balance(addr.alice), aliceBefore - 5_000n);

    const ok = await clients.alice!.signAndBroadcast(addr.alice, [send(addr.alice, addr.bob, 100), send(addr.alice, addr.carol, 200)], FEE);
    assertCode(ok, 0);
    assert.equal(ok.msgResponses.length, 2);
    assert.equal(await balance(addr.bob), bobBefore + 100n);
  });

  it('MsgMultiSend pays several outputs from one input', async () => {
    const [bobBefore, carolBefore] = [await balance(addr.bob), await balance(addr.carol)];
    const multi: EncodeObject = {
      typeUrl: '/cosmos.bank.v1beta1.MsgMultiSend',
      value: {
        inputs: [{ address: addr.alice, coins: [coin(30)] }],
        outputs: [{ address: addr.bob, coins: [coin(10)] }, { address: addr.carol, coins: [coin(20)] }],
      },
    };
    const result = await clients.alice!.signAndBroadcast(addr.alice, [multi], FEE);
    assertCode(result, 0);
    assert.equal(await balance(addr.bob), bobBefore + 10n);
    assert.equal(await balance(addr.carol), carolBefore + 20n);
  });

  it('amino-json signing (Secp256k1HdWallet) works', async () => {
    const wallet = await Secp256k1HdWallet.fromMnemonic(MNEMONICS.bob);
    const client = await SigningStargateClient.connectWithSigner(node.home.rpcUrl, wallet, CLIENT_OPTIONS);
    try {
      const carolBefore = await balance(addr.carol);
      const result = await client.sendTokens(addr.bob, addr.carol, [coin(4_321)], FEE, 'signed with amino json');
      assertCode(result, 0);
      assert.equal(await balance(addr.carol), carolBefore + 4_321n);
    } finally {
      client.disconnect();
    }
  });

  it('an account created by receiving can then sign', async () => {
    const funded = await clients.alice!.sendTokens(addr.alice, addr.dave, [coin(100_000)], FEE);
    assertCode(funded, 0);
    const dave = await query.getAccount(addr.dave);
    assert.ok(dave, 'receiving created the account');
    assert.equal(dave.sequence, 0);
    assert.equal(dave.pubkey, null);

    const client = await SigningStargateClient.connectWithSigner(node.home.rpcUrl, (await directSigner('dave')).wallet, CLIENT_OPTIONS);
    try {
      const result = await client.sendTokens(addr.dave, addr.alice, [coin(1_000)], FEE);
      assertCode(result, 0);
      assert.equal(await balance(addr.dave), 100_000n - 1_000n - 5_000n);
      assert.equal(await sequence(addr.dave), 1);
    } finally {
      client.disconnect();
    }
  });

  it('runs the example module: a custom message signed by cosmjs with its codec registered', async () => {
    const registry = new Registry([...defaultRegistryTypes, ...counterRegistryTypes]);
    const client = await SigningStargateClient.connectWithSigner(node.home.rpcUrl, (await directSigner('bob')).wallet, { ...CLIENT_OPTIONS, registry });
    try {
      const msg = { typeUrl: MSG_INCREMENT_TYPE_URL, value: MsgIncrement.fromPartial({ sender: addr.bob, by: 5n }) };
      const result = await client.signAndBroadcast(addr.bob, [msg, msg], 'auto');
      assertCode(result, 0);
      const response = await rpc<{ response: { code: number; value: string } }>(node.home.rpcUrl, '/abci_query', {
        path: JSON.stringify(QUERY_COUNT_PATH),
        data: `0x${Buffer.from(QueryCountRequest.encode({ address: addr.bob }).finish()).toString('hex')}`,
      });
      assert.equal(response.response.code, 0);
      assert.equal(QueryCountResponse.decode(Buffer.from(response.response.value, 'base64')).count, 10n);
    } finally {
      client.disconnect();
    }
  });

  it('kept the app state consistent: no broken invariant', () => {
    assert.deepEqual(zone.app.brokenInvariants(), []);
  });
});
