// `zonekit export` as simd's: a chain runs, stops, exports its state as genesis (latest or a
// given height), and a new chain starts from that genesis with the same validator key, at the
// next height, with the same balances and validator; bad heights fail with a clear sentence.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './helpers/cometbft.js';
import { freePorts, isAlive, ProcessGroup, startProcess, waitFor } from './helpers/processes.js';
import { zonekitFails as fails, zonekitOk as ok } from './helpers/zonekit-cli.js';

const ZONEKIT = join(projectRoot(), 'dist', 'cli', 'main.js');
const CHAIN_ID = 'export-test-1';

describe('zonekit export', () => {
  const root = mkdtempSync(join(tmpdir(), 'zonekit-export-'));
  const group = new ProcessGroup();
  const cometPids: number[] = [];
  after(async () => {
    await group.stopAll(20_000);
    for (const pid of cometPids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  });

  /** Runs `zonekit start --with-cometbft` on `home` until `until` holds, then stops it. */
  async function runNode(home: string, name: string, until: (node: string[]) => Promise<boolean>): Promise<void> {
    const [rpcPort, p2pPort, abciPort, grpcPort] = (await freePorts(4)) as [number, number, number, number];
    const node = ['--node', `tcp://127.0.0.1:${rpcPort}`];
    const logFile = join(root, `${name}.log`);
    const start = startProcess(
      process.execPath,
      [ZONEKIT, 'start', '--home', home, '--with-cometbft', '--proxy_app', `tcp://127.0.0.1:${abciPort}`, '--rpc.laddr', `tcp://127.0.0.1:${rpcPort}`, '--p2p.laddr', `tcp://127.0.0.1:${p2pPort}`, '--grpc.address', `127.0.0.1:${grpcPort}`],
      { logFile, group },
    );
    const match = await waitFor(() => /CometBFT running \(pid (\d+)\)/.exec(readFileSync(logFile, 'utf8')), {
      what: `zonekit start (log: ${logFile})`,
      timeoutMs: 90_000,
      failIf: () => (start.running ? undefined : `zonekit start exited:\n${start.logTail()}`),
    });
    cometPids.push(Number(match[1]));
    await waitFor(() => until(node), { what: `${name} to reach its goal (log: ${logFile})`, timeoutMs: 90_000 });
    await group.stopAll(20_000);
    assert.ok(!isAlive(Number(match[1])), 'CometBFT stopped with the node');
  }
  const height = async (node: string[]) => Number(JSON.parse(await ok(['status', ...node, '-o', 'json'])).sync_info.latest_block_height);

  const home = join(root, 'old');
  const keys = ['--home', home, '--keyring-backend', 'test'];
  let validator: string;
  let exported: any;

  it('a chain with one validator runs a few blocks and stops', async () => {
    await ok(['init', 'old-node', '--chain-id', CHAIN_ID, '--home', home]);
    validator = JSON.parse(await ok(['keys', 'add', 'val', ...keys, '-o', 'json'])).address;
    await ok(['genesis', 'add-genesis-account', 'val', '1000000000stake,5000uatom', ...keys]);
    await ok(['genesis', 'gentx', 'val', '100000000stake', '--chain-id', CHAIN_ID, '--ip', '127.0.0.1', ...keys]);
    await ok(['genesis', 'collect-gentxs', '--home', home]);
    await runNode(home, 'old', async (node) => (await height(node)) >= 4);
  });

  it('exports the latest height as a genesis that continues it', async () => {
    exported = JSON.parse(await ok(['export', '--home', home]));
    const original = JSON.parse(readFileSync(join(home, 'config', 'genesis.json'), 'utf8'));
    assert.equal(exported.chain_id, CHAIN_ID);
    assert.equal(exported.genesis_time, original.genesis_time);
    assert.ok(Number(exported.initial_height) >= 5, `initial_height ${exported.initial_height}`);
    assert.equal(exported.app_hash, '');
    assert.equal(exported.validators.length, 1);
    assert.equal(exported.validators[0].power, '100');
    assert.equal(exported.validators[0].name, 'old-node');
    assert.deepEqual(exported.validators[0].pub_key.value, JSON.parse(readFileSync(join(home, 'config', 'priv_validator_key.json'), 'utf8')).pub_key.value);
    assert.equal(exported.consensus_params.block.max_bytes, original.consensus_params.block.max_bytes);
    assert.equal(exported.app_state.staking.exported, true);
    assert.equal(exported.app_state.staking.validators.length, 1);
    // The validators exist already: the gentxs that made them must not run again (simd exports none either).
    assert.equal(original.app_state.genutil.gen_txs.length, 1);
    assert.deepEqual(exported.app_state.genutil.gen_txs, []);
  });

  it('--height exports an earlier committed height to --output-document; a height not committed fails', async () => {
    const file = join(root, 'at-2.json');
    assert.equal(await ok(['export', '--home', home, '--height', '2', '--output-document', file]), '');
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).initial_height, '3');
    const latest = Number(exported.initial_height) - 1;
    const stderr = await fails(['export', '--home', home, '--height', '99999'], new RegExp(`cannot export at height 99999: the committed heights end at ${latest}`));
    assert.doesNotMatch(stderr, /at .*\.js:/, 'no stack trace');
    await fails(['export', '--home', home, '--height', 'soon'], /--height.*expected a positive whole number, got "soon"/);
    await fails(['export', '--home', join(root, 'nowhere')], /cannot read .*genesis\.json/);
  });

  it('a new chain starts from the export with the same validator key, at the next height, with the same state', async () => {
    const fresh = join(root, 'new');
    await ok(['init', 'new-node', '--chain-id', CHAIN_ID, '--home', fresh]);
    copyFileSync(join(home, 'config', 'priv_validator_key.json'), join(fresh, 'config', 'priv_validator_key.json'));
    writeFileSync(join(fresh, 'config', 'genesis.json'), JSON.stringify(exported, null, 2));
    assert.match(await ok(['genesis', 'validate', '--home', fresh]), /is a valid genesis file/);
    const first = Number(exported.initial_height);
    let balances: unknown;
    let validators: any[] = [];
    await runNode(fresh, 'new', async (node) => {
      if ((await height(node)) < first + 1) return false;
      balances = JSON.parse(await ok(['query', 'bank', 'balances', validator, ...node, '-o', 'json'])).balances;
      validators = JSON.parse(await ok(['query', 'staking', 'validators', ...node, '-o', 'json'])).validators;
      return true;
    });
    const expected = exported.app_state.bank.balances.find((b: { address: string }) => b.address === validator).coins;
    assert.deepEqual(balances, expected);
    assert.equal(validators.length, 1);
    assert.equal(validators[0].description.moniker, 'old-node');
    assert.equal(validators[0].status, 'BOND_STATUS_BONDED');
    // The new chain's own export starts where it went on, with the same validator.
    const again = JSON.parse(await ok(['export', '--home', fresh]));
    assert.ok(Number(again.initial_height) > first);
    assert.deepEqual(again.validators, exported.validators);
  });
});
