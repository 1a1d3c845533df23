// A zone whose genesis names `xstaking` composes interchain staking, on every path that
// builds the app from a home: `genesis validate` checks its params, `zonekit start` (real
// CometBFT) serves its queries, and `export` writes it back. A genesis without it stays the
// default zone (test/cli.test.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './helpers/cometbft.js';
import { freePorts, isAlive, ProcessGroup, startProcess, waitFor, type ProcessHandle } from './helpers/processes.js';
import { zonekitFails as fails, zonekitOk as ok } from './helpers/zonekit-cli.js';

const ZONEKIT = join(projectRoot(), 'dist', 'cli', 'main.js');
const CHAIN_ID = 'bar-1';

describe('a zone with xstaking in its genesis, behind real CometBFT', () => {
  const home = mkdtempSync(join(tmpdir(), 'zonekit-xstaking-node-'));
  const group = new ProcessGroup();
  const genesisFile = join(home, 'config', 'genesis.json');
  let node: string[];
  let start: ProcessHandle | undefined;
  let cometPid: number | undefined;

  before(async () => {
    await ok(['init', 'validator-1', '--chain-id', CHAIN_ID, '--home', home]);
    const genesis = JSON.parse(readFileSync(genesisFile, 'utf8'));
    genesis.app_state.xstaking = { params: { role: 'ROLE_CONSUMER', reserve_ratio_numerator: 1, reserve_ratio_denominator: 3, power_cap: '0.25' } };
    writeFileSync(genesisFile, JSON.stringify(genesis, null, 2));
  });
  after(async () => {
    await group.stopAll(20_000);
    if (cometPid !== undefined && isAlive(cometPid)) process.kill(cometPid, 'SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });

  it('genesis validate accepts its params and refuses a reserve ratio it cannot compute with', async () => {
    assert.match(await ok(['genesis', 'validate', '--home', home]), /is a valid genesis file/);
    const bad = JSON.parse(readFileSync(genesisFile, 'utf8'));
    bad.app_state.xstaking.params.reserve_ratio_denominator = 13;
    const path = join(home, 'bad-genesis.json');
    writeFileSync(path, JSON.stringify(bad));
    await fails(['genesis', 'validate', path, '--home', home], /invalid app_state\.xstaking: .*reserve ratio terms must be at most 12/);
  });

  it('zonekit start composes it: its queries answer with the genesis params', async () => {
    const [rpcPort, p2pPort, abciPort, grpcPort] = (await freePorts(4)) as [number, number, number, number];
    const rpc = `tcp://127.0.0.1:${rpcPort}`;
    node = ['--node', rpc];
    const logFile = join(home, 'start.log');
    start = startProcess(
      process.execPath,
      [ZONEKIT, 'start', '--home', home, '--with-cometbft', '--proxy_app', `tcp://127.0.0.1:${abciPort}`, '--rpc.laddr', rpc, '--p2p.laddr', `tcp://127.0.0.1:${p2pPort}`, '--grpc.address', `127.0.0.1:${grpcPort}`],
      { logFile, group },
    );
    const match = await waitFor(() => /CometBFT running \(pid (\d+)\)/.exec(readFileSync(logFile, 'utf8')), {
      what: `zonekit start (log: ${logFile})`,
      timeoutMs: 90_000,
      failIf: () => (start!.running ? undefined : `zonekit start exited:\n${start!.logTail()}`),
    });
    cometPid = Number(match[1]);
    await waitFor(async () => Number(JSON.parse(await ok(['status', ...node, '-o', 'json'])).sync_info.latest_block_height) >= 2, { what: 'height 2', timeoutMs: 60_000 });

    const { params } = JSON.parse(await ok(['query', 'xstaking', 'params', ...node, '-o', 'json']));
    assert.equal(params.role, 'ROLE_CONSUMER');
    assert.equal(params.reserve_ratio_denominator, 3);
    assert.equal(params.power_cap, '0.250000000000000000');
    assert.equal(params.virtual_supply, '1000000000', 'a default kept');
    const totals = JSON.parse(await ok(['query', 'xstaking', 'totals', ...node, '-o', 'json']));
    assert.equal(totals.xstaked_bar, '0');
    const closed = JSON.parse(await ok(['query', 'xstaking', 'closed-channels', ...node, '-o', 'json']));
    assert.deepEqual(closed.channels, []);
  });

  it('export, with the node stopped, writes its state back', async () => {
    await group.stopAll(20_000);
    if (cometPid !== undefined && isAlive(cometPid)) process.kill(cometPid, 'SIGKILL');
    const exported = JSON.parse(await ok(['export', '--home', home]));
    assert.equal(exported.app_state.xstaking.params.role, 'ROLE_CONSUMER');
    assert.equal(exported.app_state.xstaking.params.reserve_ratio_denominator, 3);
  });
});
