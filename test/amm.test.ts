// The AMM end to end: the default zone behind a real CometBFT, a pool created, swapped
// against and withdrawn from by stock cosmjs clients (a Registry that knows zonekit.amm.v1)
// and by the zonekit CLI, with every balance checked to the unit against amounts computed
// independently, the REST paths agreeing, and the zone checking its invariants every block.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectSecp256k1HdWallet, Registry } from '@cosmjs/proto-signing';
import { defaultRegistryTypes, QueryClient, SigningStargateClient, StargateClient, type DeliverTxResponse, type StdFee } from '@cosmjs/stargate';
import { Comet38Client } from '@cosmjs/tendermint-rpc';
import {
  ammRegistryTypes,
  constantProduct,
  MsgCreatePool,
  MsgCreatePoolResponse,
  MsgRemoveLiquidity,
  MsgRemoveLiquidityResponse,
  MsgSwapExactIn,
  MsgSwapExactInResponse,
  QUERY_POOL_PATH,
  QueryPoolRequest,
  QueryPoolResponse,
  QUERY_SIMULATE_SWAP_EXACT_OUT_PATH,
  QuerySimulateSwapExactOutRequest,
  QuerySimulateSwapExactOutResponse,
  type Pool,
} from '../modules/amm/index.js';
import { startZone, zoneGenesis, type RunningZone } from '../zone/zone.js';
import { decToString, parseDec } from '../app/dec.js';
import { freePorts, ProcessGroup } from './helpers/processes.js';
import { initCometHome, setGenesisAppState, startCometbft, waitForHeight, type CometNode } from './helpers/cometbft.js';
import { runZonekit as zonekit, zonekitOk as cli } from './helpers/zonekit-cli.js';

const MNEMONICS = {
  alice: 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
  bob: 'legal winner thank year wave sausage worth useful legal winner thank yellow',
};
const CHAIN_ID = 'zonekit-amm-1';
const FEE: StdFee = { amount: [{ denom: 'uatom', amount: '5000' }], gas: '400000' };
const CREATION_FEE = 1000n; // ustake, to the fee collector
const SWAP_FEE = 3n * 10n ** 15n; // 0.003 as LegacyDec

describe('the AMM on a devnet, through cosmjs and the CLI', () => {
  const processes = new ProcessGroup();
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-amm-'));
  const keys = ['--home', join(dir, 'cli'), '--keyring-backend', 'test'];
  let zone: RunningZone;
  let node: CometNode;
  let rest: string;
  let nodeFlag: string[];
  let query: StargateClient;
  let comet: Comet38Client;
  let abci: QueryClient;
  const addr = { alice: '', bob: '' };
  let createdAt = 0;
  const clients: Partial<Record<keyof typeof MNEMONICS, SigningStargateClient>> = {};

  const balance = async (address: string, denom: string) => BigInt((await query.getBalance(address, denom)).amount);
  const pool = async (id: bigint): Promise<Pool> => QueryPoolResponse.decode((await abci.queryAbci(QUERY_POOL_PATH, QueryPoolRequest.encode({ poolId: id }).finish())).value).pool!;
  const ok = (result: DeliverTxResponse) => {
    assert.equal(result.code, 0, result.rawLog ?? '');
    return result;
  };

  before(async () => {
    const registry = new Registry([...defaultRegistryTypes, ...ammRegistryTypes]);
    const wallets: Partial<Record<keyof typeof MNEMONICS, DirectSecp256k1HdWallet>> = {};
    for (const name of Object.keys(MNEMONICS) as Array<keyof typeof MNEMONICS>) {
      wallets[name] = await DirectSecp256k1HdWallet.fromMnemonic(MNEMONICS[name]);
      addr[name] = (await wallets[name].getAccounts())[0]!.address;
    }
    const home = await initCometHome(join(dir, 'node'), { chainId: CHAIN_ID, timeoutCommit: '100ms' });
    setGenesisAppState(home, {
      ...zoneGenesis([
        { address: addr.alice, coins: [{ denom: 'uatom', amount: '50000000' }, { denom: 'ustake', amount: '50000000' }] },
        { address: addr.bob, coins: [{ denom: 'uatom', amount: '10000000' }] },
      ]),
      amm: { params: { pool_creation_fee: [{ denom: 'ustake', amount: CREATION_FEE.toString() }] } },
    });
    const [apiPort] = (await freePorts(1)) as [number];
    rest = `http://127.0.0.1:${apiPort}`;
    zone = await startZone({
      home: dir,
      dataDir: join(dir, 'app'),
      abciAddress: home.proxyApp,
      chainId: CHAIN_ID,
      minGasPrices: '0.01uatom',
      invCheckPeriod: 1,
      api: { enable: true, address: `tcp://127.0.0.1:${apiPort}`, cometRpc: home.rpcUrl },
    });
    node = await startCometbft(home, { group: processes });
    await waitForHeight(node, 2);
    nodeFlag = ['--node', `tcp://127.0.0.1:${home.rpcPort}`];
    query = await StargateClient.connect(home.rpcUrl);
    comet = await Comet38Client.connect(home.rpcUrl);
    abci = QueryClient.withExtensions(comet);
    for (const name of Object.keys(MNEMONICS) as Array<keyof typeof MNEMONICS>) {
      clients[name] = await SigningStargateClient.connectWithSigner(home.rpcUrl, wallets[name]!, { registry, broadcastPollIntervalMs: 100, broadcastTimeoutMs: 20_000 });
    }
    await cli(['keys', 'add', 'bob', '--recover', ...keys], `${MNEMONICS.bob}\n`);
  });

  after(async () => {
    for (const client of Object.values(clients)) client?.disconnect();
    query?.disconnect();
    comet?.disconnect();
    await processes.stopAll();
    await zone?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a pool: deposit, creation fee and tx fee leave the creator, LP shares arrive (less the locked 1000)', async () => {
    const [atom, stake] = [await balance(addr.alice, 'uatom'), await balance(addr.alice, 'ustake')];
    const result = ok(
      await clients.alice!.signAndBroadcast(addr.alice, [
        {
          typeUrl: MsgCreatePool.typeUrl,
          value: MsgCreatePool.fromPartial({ sender: addr.alice, curve: 'constant_product', swapFee: SWAP_FEE.toString(), deposit: [{ denom: 'uatom', amount: '2000000' }, { denom: 'ustake', amount: '8000000' }] }),
        },
      ], FEE),
    );
    createdAt = result.height;
    const response = MsgCreatePoolResponse.decode(result.msgResponses[0]!.value);
    assert.equal(response.poolId, 1n);
    // √(2e6 · 8e6) = 4e6 shares, 1000 of them locked.
    assert.deepEqual(response.shares, { denom: 'amm/pool/1', amount: String(4_000_000n - 1000n) });
    assert.equal(await balance(addr.alice, 'uatom'), atom - 2_000_000n - 5000n);
    assert.equal(await balance(addr.alice, 'ustake'), stake - 8_000_000n - CREATION_FEE);
    assert.equal(await balance(addr.alice, 'amm/pool/1'), 4_000_000n - 1000n);
    const found = await query.searchTx(`pool_created.pool_id='1'`);
    assert.equal(found[0]?.hash, result.transactionHash);
  });

  it('swaps exactly in through cosmjs: Uniswap v2 math to the unit', async () => {
    const before = await pool(1n);
    const [x, y] = before.reserves.map((c) => BigInt(c.amount)) as [bigint, bigint];
    const expected = (10_000n * 997n * y) / (x * 1000n + 10_000n * 997n);
    assert.equal(expected, constantProduct.outGivenIn(x, y, 10_000n, SWAP_FEE));
    const [atom, stake] = [await balance(addr.bob, 'uatom'), await balance(addr.bob, 'ustake')];
    const result = ok(
      await clients.bob!.signAndBroadcast(addr.bob, [
        { typeUrl: MsgSwapExactIn.typeUrl, value: MsgSwapExactIn.fromPartial({ sender: addr.bob, routes: [1n], tokenIn: { denom: 'uatom', amount: '10000' }, tokenOutDenom: 'ustake', minAmountOut: expected.toString() }) },
      ], FEE),
    );
    assert.deepEqual(MsgSwapExactInResponse.decode(result.msgResponses[0]!.value).tokenOut, { denom: 'ustake', amount: expected.toString() });
    assert.equal(await balance(addr.bob, 'uatom'), atom - 10_000n - 5000n);
    assert.equal(await balance(addr.bob, 'ustake'), stake + expected);
    assert.deepEqual((await pool(1n)).reserves.map((c) => c.amount), [String(x + 10_000n), String(y - expected)]);
    const swaps = await query.searchTx(`token_swapped.pool_id='1'`);
    assert.ok(swaps.some((tx) => tx.hash === result.transactionHash));
  });

  it('swaps exactly out through the CLI, paying what the simulation quoted', async () => {
    const simulated = QuerySimulateSwapExactOutResponse.decode(
      (await abci.queryAbci(QUERY_SIMULATE_SWAP_EXACT_OUT_PATH, QuerySimulateSwapExactOutRequest.encode({ routes: [1n], tokenInDenom: 'ustake', tokenOut: { denom: 'uatom', amount: '3000' } }).finish())).value,
    ).tokenIn!;
    const before = await pool(1n);
    const [x, y] = before.reserves.map((c) => BigInt(c.amount)) as [bigint, bigint];
    // ⌈y · out / ((x − out) · 0.997)⌉, the exact-out side of the same curve.
    assert.equal(BigInt(simulated.amount), (y * 3000n * 1000n + (x - 3000n) * 997n - 1n) / ((x - 3000n) * 997n));
    const cliQuote = JSON.parse(await cli(['query', 'amm', 'simulate-swap-exact-out', '1', 'ustake', '3000uatom', ...nodeFlag, '-o', 'json']));
    assert.deepEqual(cliQuote.token_in, simulated);

    const [atom, stake] = [await balance(addr.bob, 'uatom'), await balance(addr.bob, 'ustake')];
    const result = JSON.parse(await cli(['tx', 'amm', 'swap-exact-out', '1', '3000uatom', `${simulated.amount}ustake`, '--from', 'bob', '--chain-id', CHAIN_ID, ...nodeFlag, '--fees', '5000uatom', '--gas', '400000', '-y', '-o', 'json', ...keys]));
    assert.equal(result.code, 0, result.raw_log);
    assert.equal(await balance(addr.bob, 'uatom'), atom + 3000n - 5000n);
    assert.equal(await balance(addr.bob, 'ustake'), stake - BigInt(simulated.amount));
    const shown = JSON.parse(await cli(['query', 'amm', 'pool', '1', ...nodeFlag, '-o', 'json']));
    assert.deepEqual(shown.pool.reserves, [{ denom: 'uatom', amount: String(x - 3000n) }, { denom: 'ustake', amount: String(y + BigInt(simulated.amount)) }]);
    assert.equal(shown.pool.swap_fee, '0.003000000000000000');
  });

  it('a swap below its minimum fails with both numbers and changes nothing but the fee', async () => {
    const atom = await balance(addr.bob, 'uatom');
    const reserves = (await pool(1n)).reserves;
    const result = await clients.bob!.signAndBroadcast(addr.bob, [
      { typeUrl: MsgSwapExactIn.typeUrl, value: MsgSwapExactIn.fromPartial({ sender: addr.bob, routes: [1n], tokenIn: { denom: 'uatom', amount: '1000' }, tokenOutDenom: 'ustake', minAmountOut: '1000000' }) },
    ], FEE);
    assert.equal(result.code, 3);
    assert.match(result.rawLog ?? '', /the swap would return \d+ustake, less than the minimum 1000000ustake: slippage limit exceeded/);
    assert.equal(await balance(addr.bob, 'uatom'), atom - 5000n);
    assert.deepEqual((await pool(1n)).reserves, reserves);
  });

  it('withdraws pro rata: shares burned, reserves paid rounded down', async () => {
    const before = await pool(1n);
    const [x, y] = before.reserves.map((c) => BigInt(c.amount)) as [bigint, bigint];
    const total = BigInt(before.totalShares!.amount);
    const shares = 1_000_000n;
    const [atom, stake] = [await balance(addr.alice, 'uatom'), await balance(addr.alice, 'ustake')];
    const result = ok(
      await clients.alice!.signAndBroadcast(addr.alice, [
        { typeUrl: MsgRemoveLiquidity.typeUrl, value: MsgRemoveLiquidity.fromPartial({ sender: addr.alice, poolId: 1n, shares: shares.toString(), minAmounts: [] }) },
      ], FEE),
    );
    const [outAtom, outStake] = [(shares * x) / total, (shares * y) / total];
    assert.deepEqual(MsgRemoveLiquidityResponse.decode(result.msgResponses[0]!.value).amounts, [
      { denom: 'uatom', amount: outAtom.toString() },
      { denom: 'ustake', amount: outStake.toString() },
    ]);
    assert.equal(await balance(addr.alice, 'uatom'), atom + outAtom - 5000n);
    assert.equal(await balance(addr.alice, 'ustake'), stake + outStake);
    assert.equal(await balance(addr.alice, 'amm/pool/1'), 4_000_000n - 1000n - shares);
    const after = await pool(1n);
    assert.equal(after.totalShares!.amount, String(total - shares));

    // REST agrees with the chain, on grpc-gateway's path for Query/Pool and Query/SpotPrice.
    const body = (await (await fetch(`${rest}/zonekit/amm/v1/pools/1`)).json()) as { pool: { reserves: unknown; total_shares: unknown } };
    assert.deepEqual(body.pool.reserves, after.reserves);
    assert.deepEqual(body.pool.total_shares, after.totalShares);
    const spot = (await (await fetch(`${rest}/zonekit/amm/v1/pools/1/spot_price?base_denom=uatom&quote_denom=ustake`)).json()) as { spot_price: string };
    const [rx, ry] = after.reserves.map((c) => BigInt(c.amount)) as [bigint, bigint];
    assert.equal(spot.spot_price, decToString((ry * 10n ** 18n) / rx));
    const missing = await fetch(`${rest}/zonekit/amm/v1/pools/9`);
    assert.equal(missing.status, 404);
    const simulated = (await (await fetch(`${rest}/zonekit/amm/v1/simulate/swap_exact_in?routes=1&token_in.denom=uatom&token_in.amount=1000&token_out_denom=ustake`)).json()) as { token_out: unknown };
    assert.deepEqual(simulated.token_out, { denom: 'ustake', amount: constantProduct.outGivenIn(rx, ry, 1000n, SWAP_FEE).toString() });
    const twap = (await (await fetch(`${rest}/zonekit/amm/v1/pools/1/twap?base_denom=uatom&start_height=${createdAt}`)).json()) as { twap: string; start_time: string; end_time: string };
    assert.ok(BigInt(twap.end_time) > BigInt(twap.start_time), JSON.stringify(twap));
    // The price of uatom stayed between the current spot (less a hundredth) and 4: so did its average.
    const [low, high] = [parseDec(spot.spot_price), 4n * 10n ** 18n].sort((a, b) => (a < b ? -1 : 1)) as [bigint, bigint];
    assert.ok(parseDec(twap.twap) >= low - 10n ** 16n && parseDec(twap.twap) <= high, `twap ${twap.twap}`);
  });

  it('the CLI takes shares and minimums as coins, prints the shares and amounts it got, and refuses a bare number where a denom is needed', async () => {
    const txArgs = ['--from', 'bob', '--chain-id', CHAIN_ID, ...nodeFlag, '--fees', '5000uatom', '--gas', '400000', '-y', ...keys];
    const poolId = '1';
    const added = await cli(['tx', 'amm', 'add-liquidity', poolId, '1000uatom,5000ustake', '--min-shares', `1amm/pool/${poolId}`, ...txArgs]);
    assert.match(added, new RegExp(`MsgAddLiquidityResponse shares=\\d+amm/pool/${poolId} amounts=\\d+uatom,\\d+ustake`));
    // Shares as a coin of the pool's share denom (a bare number still reads as shares of the pool named).
    const removed = JSON.parse(await cli(['tx', 'amm', 'remove-liquidity', poolId, `1000amm/pool/${poolId}`, ...txArgs, '-o', 'json']));
    assert.equal(removed.code, 0, removed.raw_log);
    assert.equal(removed.msg_responses[0]['@type'], '/zonekit.amm.v1.MsgRemoveLiquidityResponse');
    assert.equal(removed.msg_responses[0].amounts.length, 2);
    const swapped = await cli(['tx', 'amm', 'swap-exact-in', poolId, '1000uatom', '1ustake', ...txArgs]);
    assert.match(swapped, /MsgSwapExactInResponse token_out=\d+ustake/);

    const refused: Array<[string[], RegExp]> = [
      [['tx', 'amm', 'remove-liquidity', poolId, '5000uatom'], new RegExp(`<shares> must be an amount of amm/pool/${poolId}, like 1000amm/pool/${poolId}; got "5000uatom"`)],
      [['tx', 'amm', 'swap-exact-in', poolId, '1000uatom', '990'], /<min_token_out> must be one amount with its denom, like 1000uatom; got "990"/],
      [['tx', 'amm', 'create-pool', '1000000'], /<deposit> must be amounts with their denoms, like 1000000uatom,2000000ustake; got "1000000"/],
    ];
    for (const [args, message] of refused) {
      const run = await zonekit([...args, ...txArgs]);
      assert.notEqual(run.code, 0, args.join(' '));
      assert.match(run.stderr, message, args.join(' '));
    }
  });

  it('kept its invariants every block (the node checks them; a broken one would halt it)', async () => {
    const height = (await query.getHeight()) + 2;
    await waitForHeight(node, height);
    assert.ok(node.process.running);
  });
});
