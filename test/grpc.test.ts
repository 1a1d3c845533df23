// The gRPC server of a zone behind a real CometBFT v0.38, called the way Hermes and Go clients
// call the SDK's port 9090: a plain @grpc/grpc-js client with the cosmjs-types codecs, over
// HTTP/2. Queries at the latest and at a past height (x-cosmos-block-height), gRPC status codes,
// Simulate, BroadcastTx then GetTx, and the tendermint service.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { SigningStargateClient, type StdFee } from '@cosmjs/stargate';
import { BaseAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { QueryAccountRequest, QueryAccountResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { QueryBalanceRequest, QueryBalanceResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { GetLatestBlockRequest, GetLatestBlockResponse, GetLatestValidatorSetRequest, GetLatestValidatorSetResponse, GetNodeInfoRequest, GetNodeInfoResponse } from 'cosmjs-types/cosmos/base/tendermint/v1beta1/query';
import { ConfigRequest, ConfigResponse } from 'cosmjs-types/cosmos/base/node/v1beta1/query';
import { QueryParamsRequest, QueryParamsResponse } from 'cosmjs-types/cosmos/staking/v1beta1/query';
import { ListImplementationsRequest, ListImplementationsResponse } from 'cosmjs-types/cosmos/base/reflection/v1beta1/reflection';
import {
  BroadcastMode,
  BroadcastTxRequest,
  BroadcastTxResponse,
  GetTxRequest,
  GetTxResponse,
  GetTxsEventRequest,
  GetTxsEventResponse,
  SimulateRequest,
  SimulateResponse,
  TxDecodeRequest,
  TxDecodeResponse,
  TxEncodeRequest,
  TxEncodeResponse,
} from 'cosmjs-types/cosmos/tx/v1beta1/service';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { startZone, zoneGenesis, type RunningZone } from '../zone/zone.js';
import { initCometHome, rpc, setGenesisAppState, startCometbft, waitForHeight } from './helpers/cometbft.js';
import { ProcessGroup, waitFor } from './helpers/processes.js';

const ALICE_MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const BOB = 'cosmos1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du';
const STRANGER = 'cosmos1w7kv78ru45qcjtkw0l5ye5pnzqq3jaegfzf7nt';
const CHAIN_ID = 'zonekit-grpc-1';
const FEE: StdFee = { amount: [{ denom: 'uatom', amount: '5000' }], gas: '200000' };
const HEIGHT = 'x-cosmos-block-height';

interface Codec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
}

interface Answer<T> {
  value: T;
  /** The x-cosmos-block-height response header. */
  height: string | undefined;
}

describe('the gRPC server behind CometBFT', () => {
  const processes = new ProcessGroup();
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-grpc-'));
  let zone: RunningZone;
  let client: Client;
  let rpcUrl = '';
  let alice = '';

  /** One unary call, as a generated stub makes it: the method's path, protobuf both ways. */
  const call = <Req, Res>(path: string, request: Codec<Req>, req: Req, response: Codec<Res>, height?: bigint): Promise<Answer<Res>> =>
    new Promise((resolve, reject) => {
      const metadata = new Metadata();
      if (height !== undefined) metadata.set(HEIGHT, height.toString());
      let header: string | undefined;
      const pending = client.makeUnaryRequest(
        path,
        (r: Req) => Buffer.from(request.encode(r).finish()),
        (b: Buffer) => response.decode(b),
        req,
        metadata,
        (err: ServiceError | null, value?: Res) => (err ? reject(err) : resolve({ value: value!, height: header })),
      );
      pending.on('metadata', (m: Metadata) => (header = m.get(HEIGHT)[0]?.toString()));
    });

  const balance = async (address: string, height?: bigint) =>
    call('/cosmos.bank.v1beta1.Query/Balance', QueryBalanceRequest, { address, denom: 'uatom' }, QueryBalanceResponse, height);

  const signedSend = async (amount: string): Promise<Uint8Array> => {
    const { value } = await call('/cosmos.auth.v1beta1.Query/Account', QueryAccountRequest, { address: alice }, QueryAccountResponse);
    const account = BaseAccount.decode(value.account!.value);
    const signer = await SigningStargateClient.offline(await DirectSecp256k1HdWallet.fromMnemonic(ALICE_MNEMONIC));
    const msg = { typeUrl: '/cosmos.bank.v1beta1.MsgSend', value: { fromAddress: alice, toAddress: BOB, amount: [{ denom: 'uatom', amount }] } };
    const raw = await signer.sign(alice, [msg], FEE, '', { accountNumber: account.accountNumber, sequence: Number(account.sequence), chainId: CHAIN_ID });
    return TxRaw.encode(raw).finish();
  };

  before(async () => {
    alice = (await (await DirectSecp256k1HdWallet.fromMnemonic(ALICE_MNEMONIC)).getAccounts())[0]!.address;
    const home = await initCometHome(join(dir, 'node'), { chainId: CHAIN_ID, timeoutCommit: '100ms' });
    rpcUrl = home.rpcUrl;
    setGenesisAppState(home, zoneGenesis([{ address: alice, coins: [{ denom: 'uatom', amount: '10000000' }] }, { address: BOB, coins: [{ denom: 'uatom', amount: '1000' }] }]));
    zone = await startZone({
      home: dir,
      dataDir: join(dir, 'app'),
      abciAddress: home.proxyApp,
      chainId: CHAIN_ID,
      minGasPrices: '0.01uatom',
      grpc: { enable: true, address: '127.0.0.1:0', cometRpc: home.rpcUrl },
    });
    await waitForHeight(await startCometbft(home, { group: processes }), 2);
    client = new Client(zone.grpc!.address, credentials.createInsecure());
  });

  after(async () => {
    client?.close();
    await processes.stopAll();
    await zone?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers bank, auth and staking queries with the height they read at', async () => {
    const bob = await balance(BOB);
    assert.deepEqual(bob.value.balance, { denom: 'uatom', amount: '1000' });
    assert.match(bob.height ?? '', /^[1-9][0-9]*$/);

    const { value } = await call('/cosmos.auth.v1beta1.Query/Account', QueryAccountRequest, { address: alice }, QueryAccountResponse);
    assert.equal(value.account!.typeUrl, '/cosmos.auth.v1beta1.BaseAccount');
    assert.equal(BaseAccount.decode(value.account!.value).address, alice);

    const params = await call('/cosmos.staking.v1beta1.Query/Params', QueryParamsRequest, {}, QueryParamsResponse);
    assert.deepEqual(params.value.params.unbondingTime, { seconds: 1814400n, nanos: 0 });
    assert.ok(params.value.params.historicalEntries > 0);
  });

  it('answers errors with gRPC status codes and the message', async () => {
    await assert.rejects(call('/cosmos.auth.v1beta1.Query/Account', QueryAccountRequest, { address: STRANGER }, QueryAccountResponse), (err: ServiceError) => {
      assert.equal(err.code, status.NOT_FOUND);
      assert.equal(err.details, `account ${STRANGER} not found`);
      return true;
    });
    await assert.rejects(call('/cosmos.auth.v1beta1.Query/Account', QueryAccountRequest, { address: '' }, QueryAccountResponse), (err: ServiceError) => err.code === status.INVALID_ARGUMENT);
    await assert.rejects(balance(BOB, 1n << 40n), (err: ServiceError) => err.code === status.INVALID_ARGUMENT && /height in the future/.test(err.details));
    await assert.rejects(call('/cosmos.nope.v1.Query/Nothing', QueryParamsRequest, {}, QueryParamsResponse), (err: ServiceError) => err.code === status.UNIMPLEMENTED);
  });

  it('simulates a signed tx, broadcasts it, finds it by hash and by events, and reads the state before it at a past height', async () => {
    const txBytes = await signedSend('4242');
    const simulated = await call('/cosmos.tx.v1beta1.Service/Simulate', SimulateRequest, SimulateRequest.fromPartial({ txBytes }), SimulateResponse);
    assert.ok(simulated.value.gasInfo!.gasUsed > 30_000n, `gas used ${simulated.value.gasInfo!.gasUsed}`);
    const decoded = await call('/cosmos.tx.v1beta1.Service/TxDecode', TxDecodeRequest, { txBytes }, TxDecodeResponse);
    const encoded = await call('/cosmos.tx.v1beta1.Service/TxEncode', TxEncodeRequest, { tx: decoded.value.tx! }, TxEncodeResponse);
    assert.deepEqual(encoded.value.txBytes, txBytes);

    const before = await balance(BOB);
    const broadcast = await call('/cosmos.tx.v1beta1.Service/BroadcastTx', BroadcastTxRequest, { txBytes, mode: BroadcastMode.BROADCAST_MODE_SYNC }, BroadcastTxResponse);
    const sent = broadcast.value.txResponse!;
    assert.equal(sent.code, 0, sent.rawLog);
    assert.match(sent.txhash, /^[0-9A-F]{64}$/);

    const found = await waitFor(
      () => call('/cosmos.tx.v1beta1.Service/GetTx', GetTxRequest, { hash: sent.txhash }, GetTxResponse).then((a) => a.value, (err: ServiceError) => {
        if (err.code !== status.NOT_FOUND) throw err;
        return undefined;
      }),
      { what: `tx ${sent.txhash} by gRPC`, timeoutMs: 20_000 },
    );
    assert.equal(found.txResponse!.code, 0);
    assert.equal(found.tx!.body!.messages[0]!.typeUrl, '/cosmos.bank.v1beta1.MsgSend');
    const txHeight = found.txResponse!.height;

    const search = await call('/cosmos.tx.v1beta1.Service/GetTxsEvent', GetTxsEventRequest, GetTxsEventRequest.fromPartial({ query: `message.sender='${alice}'` }), GetTxsEventResponse);
    assert.deepEqual(search.value.txResponses.map((r) => r.txhash), [sent.txhash]);
    assert.equal(search.value.total, 1n);

    assert.equal((await balance(BOB)).value.balance!.amount, String(BigInt(before.value.balance!.amount) + 4242n));
    const past = await balance(BOB, txHeight - 1n);
    assert.equal(past.value.balance!.amount, before.value.balance!.amount);
    assert.equal(past.height, String(txHeight - 1n));
  });

  it('serves the tendermint service from CometBFT, and the node config', async () => {
    const latest = await call('/cosmos.base.tendermint.v1beta1.Service/GetLatestBlock', GetLatestBlockRequest, {}, GetLatestBlockResponse);
    assert.equal(latest.value.block!.header.chainId, CHAIN_ID);
    assert.match(latest.value.sdkBlock!.header.proposerAddress, /^cosmosvalcons1/);
    assert.equal(latest.value.blockId!.hash.length, 32);
    const info = await call('/cosmos.base.tendermint.v1beta1.Service/GetNodeInfo', GetNodeInfoRequest, {}, GetNodeInfoResponse);
    assert.equal(info.value.defaultNodeInfo!.network, CHAIN_ID);
    assert.equal(info.value.applicationVersion!.cosmosSdkVersion, 'v0.50.0');
    const config = await call('/cosmos.base.node.v1beta1.Service/Config', ConfigRequest, {}, ConfigResponse);
    assert.equal(config.value.minimumGasPrice, '0.010000000000000000uatom');
    const msgs = await call('/cosmos.base.reflection.v1beta1.ReflectionService/ListImplementations', ListImplementationsRequest, { interfaceName: 'cosmos.base.v1beta1.Msg' }, ListImplementationsResponse);
    assert.ok(msgs.value.implementationMessageNames.includes('/cosmos.bank.v1beta1.MsgSend'));
    const validators = await call('/cosmos.base.tendermint.v1beta1.Service/GetLatestValidatorSet', GetLatestValidatorSetRequest, {}, GetLatestValidatorSetResponse);
    assert.equal(validators.value.validators.length, 1);
    assert.equal(validators.value.validators[0]!.pubKey!.typeUrl, '/cosmos.crypto.ed25519.PubKey');
  });

  it("answers GetNodeInfo and the node config through CometBFT's abci_query too, where Hermes reads them", async () => {
    const abciQuery = async (path: string) => {
      const { response } = await rpc<{ response: { code: number; log: string; value: string } }>(rpcUrl, '/abci_query', { path: JSON.stringify(path) });
      assert.equal(response.code, 0, response.log);
      return Buffer.from(response.value, 'base64');
    };
    const info = GetNodeInfoResponse.decode(await abciQuery('/cosmos.base.tendermint.v1beta1.Service/GetNodeInfo'));
    assert.equal(info.defaultNodeInfo!.network, CHAIN_ID);
    // Hermes checks these three: cosmos-sdk and ibc-go within its supported ranges, CometBFT for its RPC dialect.
    const deps = new Map(info.applicationVersion!.buildDeps.map((d) => [d.path, d.version]));
    assert.equal(deps.get('github.com/cosmos/cosmos-sdk'), 'v0.50.0');
    assert.equal(deps.get('github.com/cosmos/ibc-go/v8'), 'v8.8.0');
    assert.match(deps.get('github.com/cometbft/cometbft') ?? '', /^v0\.38\.\d+$/);
    const config = ConfigResponse.decode(await abciQuery('/cosmos.base.node.v1beta1.Service/Config'));
    assert.equal(config.minimumGasPrice, '0.010000000000000000uatom');
  });
});
