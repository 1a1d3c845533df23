// Operating a node with simd's habits, on real processes: `zonekit comet ...` on a home made by
// `zonekit init`; `zonekit rollback` on a stopped devnet, after which the node executes its last
// block again and the chain goes on with the same app hashes; `comet unsafe-reset-all`, after
// which the same home starts again from genesis with its config and keys.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromBech32, toBech32 } from '@cosmjs/encoding';
import { commitInfoHash, CommitMultiStore } from '../app/store/index.js';
import { buildZone } from '../zone/zone.js';
import { cometbftBinary, projectRoot, rpc, setTomlValue } from '../scripts/lib/cometbft.js';
import { freePorts, isAlive, ProcessGroup, startProcess, waitFor, type ProcessHandle } from './helpers/processes.js';
import { zonekitFails as fails, zonekitOk as ok } from './helpers/zonekit-cli.js';

const ZONEKIT = join(projectRoot(), 'dist', 'cli', 'main.js');
const CHAIN_ID = 'ops-test-1';

describe('node operations: comet, rollback and unsafe-reset-all on a real node', () => {
  const home = mkdtempSync(join(tmpdir(), 'zonekit-ops-'));
  const group = new ProcessGroup();
  const keys = ['--home', home, '--keyring-backend', 'test'];
  const cometPids: number[] = [];
  let rpcUrl: string;
  let node: string[];
  let bob: string;

  /** `zonekit start --with-cometbft` from the home (ports are in its config.toml); resolves once blocks come. */
  async function start(minHeight: number): Promise<ProcessHandle> {
    const logFile = join(home, `start-${cometPids.length}.log`);
    const handle = startProcess(process.execPath, [ZONEKIT, 'start', '--home', home, '--with-cometbft'], { logFile, group });
    const match = await waitFor(() => /CometBFT running \(pid (\d+)\)/.exec(readFileSync(logFile, 'utf8')), {
      what: `zonekit start (log: ${logFile})`,
      timeoutMs: 90_000,
      failIf: () => (handle.running ? undefined : `zonekit start exited:\n${handle.logTail()}`),
    });
    cometPids.push(Number(match[1]));
    await waitForHeight(minHeight);
    return handle;
  }
  const height = async () => Number((await rpc<{ sync_info: { latest_block_height: string } }>(rpcUrl, '/status')).sync_info.latest_block_height);
  const waitForHeight = (h: number) => waitFor(async () => (await height()) >= h, { what: `height ${h}`, timeoutMs: 60_000 });
  const appHashOfBlock = async (h: number) => (await rpc<{ block: { header: { app_hash: string } } }>(rpcUrl, '/block', { height: String(h) })).block.header.app_hash;
  const stop = async (handle: ProcessHandle) => {
    const status = await handle.stop(20_000);
    assert.equal(status.code, 0, `zonekit start stopped cleanly:\n${handle.logTail()}`);
  };
  /** The app's committed versions and their app hashes, read from its store as the node left it. */
  const appState = async () => {
    const store = CommitMultiStore.open({ path: join(home, 'data', 'zonekit'), stores: buildZone().app.storeKeys });
    try {
      const hashes = new Map(store.availableVersions().map((v) => [v, Buffer.from(commitInfoHash(store.commitInfo(v))).toString('hex').toUpperCase()]));
      return { version: store.lastCommitId().version, hashes };
    } finally {
      await store.close();
    }
  };

  before(async () => {
    const [rpcPort, p2pPort, abciPort] = (await freePorts(3)) as [number, number, number];
    rpcUrl = `http://127.0.0.1:${rpcPort}`;
    node = ['--node', `tcp://127.0.0.1:${rpcPort}`];
    await ok(['init', 'operator', '--chain-id', CHAIN_ID, '--home', home]);
    // The node's own addresses in config.toml, as an operator sets them (rollback checks them).
    let config = readFileSync(join(home, 'config', 'config.toml'), 'utf8');
    config = setTomlValue(config, null, 'proxy_app', `tcp://127.0.0.1:${abciPort}`);
    config = setTomlValue(config, 'rpc', 'laddr', `tcp://127.0.0.1:${rpcPort}`);
    config = setTomlValue(config, 'p2p', 'laddr', `tcp://127.0.0.1:${p2pPort}`);
    config = setTomlValue(config, 'consensus', 'timeout_commit', '300ms');
    writeFileSync(join(home, 'config', 'config.toml'), config);
    await ok(['keys', 'add', 'alice', ...keys, '-o', 'json']);
    bob = JSON.parse(await ok(['keys', 'add', 'bob', ...keys, '-o', 'json'])).address;
    await ok(['genesis', 'add-genesis-account', 'alice', '1000000000uatom', ...keys]);
  });

  after(async () => {
    await group.stopAll(20_000);
    for (const pid of cometPids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });

  it('comet show-node-id, show-validator, show-address and version read the home as simd does; tendermint and cometbft are aliases', async () => {
    const cometHome = ['--home', home];
    assert.equal(await ok(['comet', 'show-node-id', ...cometHome]), execFileSync(cometbftBinary(), ['show-node-id', ...cometHome], { encoding: 'utf8' }));
    const keyFile = JSON.parse(readFileSync(join(home, 'config', 'priv_validator_key.json'), 'utf8'));
    const shown = await ok(['comet', 'show-validator', ...cometHome]);
    // simd's line: compact JSON of the SDK's ed25519 PubKey, ready for create-validator --pubkey.
    assert.equal(shown, `{"@type":"/cosmos.crypto.ed25519.PubKey","key":"${keyFile.pub_key.value}"}\n`);
    assert.deepEqual(JSON.parse(await ok(['tendermint', 'show-validator', ...cometHome, '-o', 'json'])), { '@type': '/cosmos.crypto.ed25519.PubKey', key: keyFile.pub_key.value });
    const address = (await ok(['comet', 'show-address', ...cometHome])).trim();
    const decoded = fromBech32(address, 90);
    assert.equal(decoded.prefix, 'cosmosvalcons');
    assert.equal(Buffer.from(decoded.data).toString('hex').toUpperCase(), keyFile.address);
    assert.equal(await ok(['cometbft', 'show-address', ...cometHome]), `${address}\n`);

    const verbose = JSON.parse(execFileSync(cometbftBinary(), ['version', '--verbose'], { encoding: 'utf8' }));
    const versions = JSON.parse(await ok(['comet', 'version', '-o', 'json']));
    assert.deepEqual(versions, { ABCI: verbose.abci, BlockProtocol: verbose.block_protocol, CometBFT: verbose.cometbft.replace(/\+.*$/, ''), P2PProtocol: verbose.p2p_protocol });
    assert.equal(await ok(['comet', 'version']), `ABCI: ${versions.ABCI}\nBlockProtocol: ${versions.BlockProtocol}\nCometBFT: ${versions.CometBFT}\nP2PProtocol: ${versions.P2PProtocol}\n\n`);
    await fails(['comet', 'show-node-id', '--home', join(home, 'nowhere')], /cannot read .*node_key\.json[\s\S]*zonekit init/);
  });

  it("staking queries name the operator prefix where a validator is wanted, the account prefix where a delegator is", async () => {
    const q = (...args: string[]) => ['query', 'staking', ...args, '--node', 'tcp://127.0.0.1:1', ...keys];
    // A key name that is not in the keyring, given for a validator: the message names cosmosvaloper.
    const validatorWanted = /^Error: "carol" is neither a cosmosvaloper1\.\.\. address nor the key name of a validator operator\n  the keys there are: alice, bob/;
    await fails(q('validator', 'carol'), validatorWanted);
    await fails(q('delegation', 'alice', 'carol'), validatorWanted);
    await fails(q('unbonding-delegation', 'alice', 'carol'), validatorWanted);
    // Given for a delegator, it names cosmos.
    await fails(q('delegation', 'carol', 'alice'), /^Error: "carol" is neither a key in the test keyring nor a cosmos1\.\.\. address/);
    await fails(q('redelegations', 'carol'), /nor a cosmos1\.\.\. address/);
  });

  it('rollback: the stopped node goes back one height, executes its last block again on restart and continues with the same app hashes', async () => {
    await fails(['rollback', '--home', home], /holds no app state: there is nothing to roll back/);
    const first = await start(3);
    const sent = JSON.parse(await ok(['tx', 'bank', 'send', 'alice', bob, '2500uatom', '--chain-id', CHAIN_ID, ...node, '--gas', 'auto', '--gas-prices', '0.01uatom', '-y', '-o', 'json', ...keys]));
    assert.equal(sent.code, 0, sent.raw_log);
    await waitForHeight(Number(sent.height) + 2);
    // Nothing to find: the node's answers name each address with its own prefix.
    const alice = JSON.parse(await ok(['keys', 'show', 'alice', ...keys, '-o', 'json'])).address as string;
    const operator = toBech32('cosmosvaloper', fromBech32(alice, 90).data);
    await fails(['query', 'staking', 'validator', 'alice', ...node, ...keys], new RegExp(`validator ${operator} not found`));
    await fails(['query', 'staking', 'delegation', 'alice', operator, ...node, ...keys], new RegExp(`delegation with delegator ${alice} not found for validator ${operator}`));
    await fails(['query', 'staking', 'unbonding-delegation', alice, 'alice', ...node, ...keys], new RegExp(`unbonding delegation with delegator ${alice} not found for validator ${operator}`));
    await fails(['rollback', '--home', home], /the node of .* seems to be running: its ABCI socket \(proxy_app\) tcp:\/\/127\.0\.0\.1:\d+ answers; rollback needs it stopped/);
    const blocksBefore = new Map<number, string>();
    for (let h = 1, top = await height(); h <= top; h++) blocksBefore.set(h, await appHashOfBlock(h));
    await stop(first);

    const before = await appState();
    const last = before.version;
    assert.ok(last >= Number(sent.height) + 2);

    const rolled = JSON.parse(await ok(['rollback', '--home', home, '-o', 'json']));
    // CometBFT's state and the app agree: height H-1, with the app hash block H carries.
    assert.deepEqual(rolled, { height: String(last - 1), hash: before.hashes.get(last - 1) });
    const after = await appState();
    assert.equal(after.version, last - 1);
    assert.equal(after.hashes.get(last - 1), before.hashes.get(last - 1));
    assert.ok(!after.hashes.has(last), `version ${last} is forgotten`);
    // Again, in simd's words: CometBFT's state is already one below its last block, so (without
    // --hard) it stays, and so does the app.
    assert.equal(await ok(['rollback', '--home', home]), `Rolled back state to height ${last - 1} and hash ${before.hashes.get(last - 1)}\n`);
    assert.equal((await appState()).version, last - 1);

    const second = await start(last + 2);
    // Block h carries the app hash after block h-1: every one up to the block after the
    // rolled-back ones is what the app had computed before the rollback.
    for (let h = 2; h <= last + 1; h++) assert.equal(await appHashOfBlock(h), before.hashes.get(h - 1), `block ${h}'s app hash`);
    for (const [h, hash] of blocksBefore) assert.equal(await appHashOfBlock(h), hash, `block ${h}'s app hash as before the rollback`);
    const balance = JSON.parse(await ok(['query', 'bank', 'balances', bob, ...node, '-o', 'json']));
    assert.deepEqual(balance.balances, [{ denom: 'uatom', amount: '2500' }]);
    await stop(second);
  });

  it('comet unsafe-reset-all removes the blocks and the app state, keeps config and keys, and the node starts again from genesis', async () => {
    const nodeId = await ok(['comet', 'show-node-id', '--home', home]);
    const validator = await ok(['comet', 'show-validator', '--home', home]);
    const addrBook = join(home, 'config', 'addrbook.json');
    writeFileSync(addrBook, '{"key":"kept","addrs":[]}\n');
    const output = await ok(['tendermint', 'unsafe-reset-all', '--home', home, '--keep-addr-book']);
    assert.match(output, /Removed all blockchain history/);
    assert.match(output, /Reset private validator file to genesis state/);
    assert.ok(existsSync(addrBook), '--keep-addr-book keeps the address book');
    assert.ok(!existsSync(join(home, 'data', 'zonekit')), "the app's state is gone");
    assert.ok(!existsSync(join(home, 'data', 'blockstore.db')), "CometBFT's blocks are gone");
    assert.deepEqual(JSON.parse(readFileSync(join(home, 'data', 'priv_validator_state.json'), 'utf8')), { height: '0', round: 0, step: 0 });
    for (const file of ['config.toml', 'app.toml', 'genesis.json', 'node_key.json', 'priv_validator_key.json']) assert.ok(existsSync(join(home, 'config', file)), file);
    assert.equal(await ok(['comet', 'show-node-id', '--home', home]), nodeId);
    assert.equal(await ok(['comet', 'show-validator', '--home', home]), validator);

    await ok(['comet', 'unsafe-reset-all', '--home', home]);
    assert.ok(!existsSync(addrBook), 'without --keep-addr-book the address book goes');

    const again = await start(2);
    // From genesis again: bob has what genesis gave him (nothing), not the tx of the old chain.
    const balance = JSON.parse(await ok(['query', 'bank', 'balances', bob, ...node, '-o', 'json']));
    assert.deepEqual(balance.balances, []);
    await stop(again);
  });
});
