// `npm start`'s devnet as a user meets it: run the script, read what it prints, send tokens
// with cosmjs from the dev accounts, Ctrl-C it, run it again, start over with --reset.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { GasPrice, SigningStargateClient, StargateClient } from '@cosmjs/stargate';
import { DEV_BALANCES, DEV_SELF_DELEGATION, type DevAccount } from '../scripts/devnet/init.js';
import { latestHeight, projectRoot } from './helpers/cometbft.js';
import { freePorts, isAlive, waitFor } from './helpers/processes.js';

const DEVNET = join(projectRoot(), 'dist', 'scripts', 'devnet.js');

interface Pids {
  devnet: number;
  app: number;
  cometbft: number;
}

/** One run of the devnet script, its output collected. */
class DevnetRun {
  output = '';
  readonly exited: Promise<number | null>;
  constructor(readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  async ready(): Promise<{ height: number; rpcUrl: string }> {
    let exited = false;
    void this.exited.then(() => (exited = true));
    const match = await waitFor(() => /is running: chain zonekit-devnet, height (\d+)[\s\S]*CometBFT RPC\s+(\S+)/.exec(this.output), {
      what: 'the devnet banner',
      timeoutMs: 90_000,
      failIf: () => (exited ? `the devnet exited:\n${this.output}` : undefined),
    });
    return { height: Number(match[1]), rpcUrl: match[2]! };
  }
}

describe('the devnet (npm start)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zonekit-devnet-'));
  const home = join(dir, 'devnet');
  const runs: DevnetRun[] = [];
  const seenPids = new Set<number>();
  let flags: string[];
  let abciPort: number;
  let apiPort: number;
  let grpcPort: number;
  let rpcUrl: string;

  const start = (extra: string[] = [], homeDir = home): DevnetRun => {
    const run = new DevnetRun(spawn(process.execPath, [DEVNET, '--home', homeDir, ...flags, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] }));
    runs.push(run);
    return run;
  };
  const pids = (): Pids => {
    const recorded = JSON.parse(readFileSync(join(home, 'pids.json'), 'utf8')) as Pids;
    for (const pid of Object.values(recorded)) seenPids.add(pid);
    return recorded;
  };
  const accounts = (): DevAccount[] => JSON.parse(readFileSync(join(home, 'accounts.json'), 'utf8')) as DevAccount[];
  const balance = async (address: string, denom = 'uatom'): Promise<bigint> => {
    const client = await StargateClient.connect(rpcUrl);
    try {
      return BigInt((await client.getBalance(address, denom)).amount);
    } finally {
      client.disconnect();
    }
  };

  before(async () => {
    const [rpc, p2p, abci, api, grpc] = (await freePorts(5)) as [number, number, number, number, number];
    abciPort = abci;
    apiPort = api;
    grpcPort = grpc;
    flags = ['--rpc-port', String(rpc), '--p2p-port', String(p2p), '--abci-port', String(abci), '--api-port', String(api), '--grpc-port', String(grpc), '--timeout-commit', '300ms'];
  });

  after(() => {
    // By PID, whatever state the tests left: the scripts first, then any child they left.
    for (const run of runs) if (run.child.exitCode === null && run.child.pid !== undefined && isAlive(run.child.pid)) run.child.kill('SIGKILL');
    for (const pid of seenPids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  let aliceToBob = 0n;
  let bobBefore = 0n;
  let heightAtStop = 0;

  it('inits a chain with funded dev accounts whose mnemonics derive their addresses, and prints the endpoints', async () => {
    const run = start();
    ({ rpcUrl } = await run.ready());
    pids();
    const dev = accounts();
    assert.equal(dev.length, 5);
    assert.equal(new Set(dev.map((a) => a.address)).size, 5);
    for (const account of dev) {
      assert.equal(account.mnemonic.split(' ').length, 24);
      const [derived] = await (await DirectSecp256k1HdWallet.fromMnemonic(account.mnemonic)).getAccounts();
      assert.equal(derived!.address, account.address, `${account.name}'s mnemonic derives its address at m/44'/118'/0'/0/0`);
      assert.match(run.output, new RegExp(`${account.name}\\s+${account.address}`));
      for (const coin of DEV_BALANCES) {
        // alice operates the validator: her self-delegation left her account at genesis.
        const bonded = account.name === 'alice' && coin.denom === 'stake' ? BigInt(DEV_SELF_DELEGATION.replace('stake', '')) : 0n;
        assert.equal(await balance(account.address, coin.denom), BigInt(coin.amount) - bonded);
      }
    }
    // One validator, bonded by alice's gentx: staking's, not just CometBFT's.
    const validators = (await (await fetch(`http://127.0.0.1:${apiPort}/cosmos/staking/v1beta1/validators`)).json()) as { validators: Array<{ operator_address: string; status: string; tokens: string }> };
    assert.deepEqual(
      validators.validators.map((v) => [v.status, v.tokens]),
      [['BOND_STATUS_BONDED', DEV_SELF_DELEGATION.replace('stake', '')]],
    );
    assert.match(run.output, /chain id\s+zonekit-devnet/);
    assert.match(run.output, new RegExp(`ABCI \\(the app\\)\\s+tcp://127\\.0\\.0\\.1:${abciPort}`));
    assert.ok(readFileSync(join(home, 'config', 'config.toml'), 'utf8').includes('indexer = "kv"'));
    assert.match(run.output, new RegExp(`REST API\\s+http://127\\.0\\.0\\.1:${apiPort}`));
    assert.match(run.output, new RegExp(`OpenAPI\\s+http://127\\.0\\.0\\.1:${apiPort}/swagger/`));
    assert.match(run.output, new RegExp(`gRPC\\s+127\\.0\\.0\\.1:${grpcPort}`));
    const rest = (await (await fetch(`http://127.0.0.1:${apiPort}/cosmos/bank/v1beta1/balances/${dev[1]!.address}`)).json()) as { balances: unknown };
    assert.deepEqual(rest.balances, [...DEV_BALANCES], 'the REST API answers with the genesis balances');
  });

  it('lets cosmjs send tokens between dev accounts, and its printed example works as printed', async () => {
    const [alice, bob] = accounts() as [DevAccount, DevAccount];
    bobBefore = await balance(bob.address);
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(alice.mnemonic);
    const client = await SigningStargateClient.connectWithSigner(rpcUrl, wallet, { gasPrice: GasPrice.fromString('0.025uatom') });
    try {
      const result = await client.sendTokens(alice.address, bob.address, [{ denom: 'uatom', amount: '4242' }], 'auto');
      assert.equal(result.code, 0, result.rawLog ?? '');
      assert.ok((await client.getTx(result.transactionHash))?.height, 'indexed, so getTx finds it');
    } finally {
      client.disconnect();
    }
    const example = /Send 1 ATOM from alice to bob with cosmjs.*\n\s+(node -e .*)/.exec(runs[0]!.output)?.[1];
    if (example === undefined) assert.fail(`no example command in the banner:\n${runs[0]!.output}`);
    const { stdout } = await promisify(execFile)('bash', ['-c', example], { cwd: projectRoot(), timeout: 60_000 });
    assert.match(stdout, /^code 0 height \d+ tx [0-9A-F]{64}/);
    aliceToBob = 4242n + 1_000_000n;
    assert.equal(await balance(bob.address), bobBefore + aliceToBob);
  });

  it('refuses a second devnet on the same folder, or on ports in use, with the reason', async () => {
    const same = start();
    assert.notEqual(await same.exited, 0);
    assert.match(same.output, /a devnet is already running from .* \(pids \d+/);
    const other = start([], join(dir, 'other'));
    assert.notEqual(await other.exited, 0);
    assert.match(other.output, /port \d+ \(CometBFT RPC\) is already in use; choose another with --rpc-port/);
  });

  it('stops both children on SIGINT and exits 0', async () => {
    const run = runs[0]!;
    const { app, cometbft } = pids();
    heightAtStop = await latestHeight(rpcUrl);
    run.child.kill('SIGINT');
    assert.equal(await run.exited, 0, run.output);
    assert.match(run.output, /stopping CometBFT, then the app/);
    assert.equal(isAlive(app), false, 'the app is gone');
    assert.equal(isAlive(cometbft), false, 'CometBFT is gone');
    assert.equal(existsSync(join(home, 'pids.json')), false);
    assert.match(readFileSync(join(home, 'logs', 'cometbft.log'), 'utf8'), /Stopping Node service|Closing blockstore/);
  });

  it('resumes the same chain: the height continues, balances and accounts persist', async () => {
    const before = accounts();
    const run = start();
    const { height } = await run.ready();
    pids();
    assert.ok(height > heightAtStop, `resumed at ${height}, stopped at ${heightAtStop}`);
    assert.match(run.output, /resuming the devnet/);
    assert.deepEqual(accounts(), before);
    assert.equal(await balance(before[1]!.address), bobBefore + aliceToBob);
  });

  it('when a child dies, stops the other and exits non-zero with the log path', async () => {
    const run = runs.at(-1)!;
    const { app, cometbft } = pids();
    process.kill(app, 'SIGKILL');
    assert.equal(await run.exited, 1);
    assert.match(run.output, /(the app|CometBFT) exited unexpectedly \(.*\); its log: .*logs\/(app|cometbft)\.log/);
    await waitFor(() => !isAlive(cometbft), { what: 'CometBFT to stop', timeoutMs: 20_000 });
  });

  it('recovers after that crash, and --reset starts a fresh chain with new accounts', async () => {
    const resumed = start();
    const { height } = await resumed.ready();
    assert.ok(height > heightAtStop);
    const old = accounts();
    assert.equal(await balance(old[1]!.address), bobBefore + aliceToBob);
    resumed.child.kill('SIGTERM');
    assert.equal(await resumed.exited, 0);

    const fresh = start(['--reset']);
    const reset = await fresh.ready();
    pids();
    assert.ok(reset.height <= 3, `a fresh chain, at height ${reset.height}`);
    assert.match(fresh.output, /initializing a new devnet/);
    const renewed = accounts();
    assert.notDeepEqual(renewed.map((a) => a.address), old.map((a) => a.address));
    assert.equal(await balance(old[1]!.address), 0n);
    assert.equal(await balance(renewed[1]!.address), BigInt(DEV_BALANCES.find((c) => c.denom === 'uatom')!.amount));
    fresh.child.kill('SIGINT');
    assert.equal(await fresh.exited, 0);
  });
});
